"""Worksheets: one YAML file per worksheet in data/worksheets/, validated when loaded.

A definition gives the worksheet's page text and its sections of fields. From it, worksheet_render
makes the web page (and its printout) and worksheet_pdf the fillable PDF, so the three never disagree.
Every mistake raises DataError naming the file, the entry and what was expected.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .data import (
    DATA, ROOT, DataError, check_keys, expect_list, expect_text, read_yaml, relative, sources,
)
from .review import check_review_dates

FOLDER = DATA / "worksheets"
PRACTICES = ROOT / "docs" / "practices"

# The worksheets index groups worksheets under these headings, in this order.
GROUPS = {
    "every-day": "Staying close every day",
    "talking": "Talking and listening",
    "conflict-and-trust": "Conflict, repair and trust",
    "looking-inward": "Looking inward",
}

REQUIRED = ("id", "title", "purpose", "minutes", "pages", "practice", "group", "reviewed", "next_review",
            "sources", "instructions", "sections")
OPTIONAL = ("safety_note",)
MAX_PAGES = 4
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _rows(where: str, field: dict, default: int) -> int:
    rows = field.get("rows", default)
    if not isinstance(rows, int) or isinstance(rows, bool) or not 1 <= rows <= 30:
        raise DataError(f"{where}: 'rows' must be a whole number from 1 to 30, got {rows!r}")
    return rows


def _texts(where: str, key: str, value) -> list[str]:
    return [expect_text(f"{where}: {key}[{i}]", key, item) for i, item in enumerate(expect_list(where, key, value))]


def _lines(where, field):
    field["rows"] = _rows(where, field, 3)


def _checklist(where, field):
    field["items"] = _texts(where, "items", field["items"])


def _rating(where, field):
    scale = field.get("scale", 5)
    if not isinstance(scale, int) or isinstance(scale, bool) or not 2 <= scale <= 10:
        raise DataError(f"{where}: 'scale' must be a whole number from 2 to 10, got {scale!r}")
    field["scale"] = scale
    field["low"] = expect_text(where, "low", field["low"])
    field["high"] = expect_text(where, "high", field["high"])


def _days(where, field):
    field["days"] = _texts(where, "days", field.get("days", WEEK))
    field["row_heading"] = expect_text(where, "row_heading", field.get("row_heading", "Day"))
    field["columns"] = _texts(where, "columns", field["columns"])


def _prompts(where, field):
    field["prompts"] = _texts(where, "prompts", field["prompts"])
    field["rows"] = _rows(where, field, 2)


# Each field type: its required keys, its optional keys, and the check that fills in defaults.
FIELD_TYPES = {
    "lines": (("label",), ("rows", "hint"), _lines),
    "box": (("label",), ("rows", "hint"), _lines),
    "checklist": (("label", "items"), ("hint",), _checklist),
    "rating": (("label", "low", "high"), ("scale", "hint"), _rating),
    "days": (("label", "columns"), ("days", "row_heading", "hint"), _days),
    "prompts": (("prompts",), ("label", "rows", "hint"), _prompts),
    "partners": (("prompts",), ("label", "rows", "hint"), _prompts),
}


def _field(where: str, field: object, seen: set[str]) -> dict:
    if not isinstance(field, dict):
        raise DataError(f"{where}: expected a mapping with 'type' and 'id', got {field!r}")
    kind = field.get("type")
    if kind not in FIELD_TYPES:
        raise DataError(f"{where}: unknown field type {kind!r}; expected one of: {', '.join(FIELD_TYPES)}")
    required, optional, check = FIELD_TYPES[kind]
    check_keys(where, field, ("type", "id", *required), optional)
    fid = field["id"]
    if not isinstance(fid, str) or not SLUG.match(fid):
        raise DataError(f"{where}: 'id' must be lowercase letters, digits and hyphens, got {fid!r}")
    if fid in seen:
        raise DataError(f"{where}: field id {fid!r} is used twice in this worksheet; each needs its own")
    seen.add(fid)
    field = {"hint": None, "label": None, **field}
    for key in ("label", "hint"):
        if field[key] is not None:
            field[key] = expect_text(where, key, field[key])
    check(where, field)
    return field


def _section(where: str, section: object, seen: set[str]) -> dict:
    check_keys(where, section, ("title", "fields"), ("intro",))
    expect_text(where, "title", section["title"])
    if section.get("intro") is not None:
        expect_text(where, "intro", section["intro"])
    fields = [
        _field(f"{where}: field {f.get('id', i + 1) if isinstance(f, dict) else i + 1!r}", f, seen)
        for i, f in enumerate(expect_list(where, "fields", section["fields"]))
    ]
    return {"intro": None, **section, "fields": fields}


def validate(path: Path, data: object) -> dict:
    """Check one worksheet definition and return it with defaults filled in."""
    name = relative(path)
    where = f"{name}: worksheet"
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected a mapping of keys, got {type(data).__name__}")
    check_keys(where, data, REQUIRED, OPTIONAL)
    if data["id"] != path.stem:
        raise DataError(f"{where}: 'id' must match the file name {path.stem!r}, got {data['id']!r}")
    where = f"{name}: worksheet '{data['id']}'"
    expect_text(where, "title", data["title"])
    _texts(where, "instructions", data["instructions"])
    purpose = expect_text(where, "purpose", data["purpose"])
    if not purpose.endswith(".") or re.search(r"[.?!]\s+[A-Z]", purpose):
        raise DataError(f"{where}: 'purpose' must be one sentence ending in a full stop, got {purpose!r}")
    for key, top in (("minutes", 240), ("pages", MAX_PAGES)):
        value = data[key]
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= top:
            raise DataError(f"{where}: '{key}' must be a whole number from 1 to {top}, got {value!r}")
    practice = data["practice"]
    if not isinstance(practice, str) or not (PRACTICES / f"{practice}.md").is_file():
        raise DataError(f"{where}: 'practice' must name a page in docs/practices/, but {practice!r} is not one")
    if data["group"] not in GROUPS:
        raise DataError(f"{where}: 'group' must be one of {', '.join(GROUPS)}, got {data['group']!r}")
    check_review_dates(where, data["reviewed"], data["next_review"])
    for sid in expect_list(where, "sources", data["sources"]):
        if sid not in sources():
            raise DataError(f"{where}: source {sid!r} is not in data/sources.yml; add it there or fix the id")
    if not isinstance(data.get("safety_note", False), bool):
        raise DataError(f"{where}: 'safety_note' must be true or false, got {data['safety_note']!r}")
    instructions = _texts(where, "instructions", data["instructions"])
    seen: set[str] = set()
    sections = [
        _section(f"{where}: section {s.get('title', i + 1) if isinstance(s, dict) else i + 1!r}", s, seen)
        for i, s in enumerate(expect_list(where, "sections", data["sections"]))
    ]
    anchors = [section_anchor(s) for s in sections]
    taken = {f"ws-{cid}" for section in sections for field in section["fields"] for cid in control_ids(field)}
    for section, anchor in zip(sections, anchors):
        if anchors.count(anchor) > 1 or anchor in taken:
            raise DataError(
                f"{where}: section {section['title']!r}: its anchor '{anchor}' is also used by another section "
                "or a field; give it a different title"
            )
    return {"safety_note": False, **data, "instructions": instructions, "sections": sections, "file": path}


def load(path: Path) -> dict:
    return validate(Path(path), read_yaml(path))


@lru_cache(maxsize=None)
def load_all(folder: Path = FOLDER) -> dict[str, dict]:
    """Every worksheet, keyed by id, in the order of GROUPS and then by file name."""
    strays = sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix != ".yml" and not p.name.startswith("."))
    if strays:
        raise DataError(
            f"{relative(strays[0])}: a worksheet file must end in .yml, found {strays[0].name!r}; "
            f"rename it to {strays[0].stem}.yml (any other file in {relative(Path(folder))}/ would be ignored)"
        )
    worksheets = [load(p) for p in sorted(Path(folder).glob("*.yml"))]
    order = list(GROUPS)
    return {w["id"]: w for w in sorted(worksheets, key=lambda w: order.index(w["group"]))}


def get(worksheet_id: str, folder: Path = FOLDER) -> dict:
    worksheets = load_all(folder)
    if worksheet_id not in worksheets:
        raise DataError(f"worksheet {worksheet_id!r} has no definition in {relative(Path(folder))}/")
    return worksheets[worksheet_id]


def front_matter(worksheet: dict) -> dict:
    """The page's front matter, the same keys every page declares, taken from the definition."""
    return {
        "title": worksheet["title"],
        "description": worksheet["purpose"],
        "theme": "worksheets",
        "kind": "worksheet",
        "reviewed": worksheet["reviewed"],
        "next_review": worksheet["next_review"],
        "sources": list(worksheet["sources"]),
        # A worksheet that points to the safety page is about fear or help: it gets the quick exit.
        **({"safety": True} if worksheet["safety_note"] else {}),
    }


def field_ids(worksheet: dict) -> list[str]:
    """The id of every form control the worksheet has, in page order (also used in the PDF)."""
    ids = []
    for section in worksheet["sections"]:
        for field in section["fields"]:
            ids.extend(control_ids(field))
    return ids


def section_anchor(section: dict) -> str:
    """A section heading's id, from its title: therapists may link to it, so titles should stay."""
    return "ws-" + re.sub(r"[^a-z0-9]+", "-", section["title"].lower()).strip("-")


def control_ids(field: dict) -> list[str]:
    fid, kind = field["id"], field["type"]
    if kind in ("lines", "box"):
        return [fid]
    if kind == "checklist":
        return [f"{fid}-{i + 1}" for i in range(len(field["items"]))]
    if kind == "rating":
        return [f"{fid}-{i + 1}" for i in range(field["scale"])]
    if kind == "days":
        return [f"{fid}-{d + 1}-{c + 1}" for d in range(len(field["days"])) for c in range(len(field["columns"]))]
    if kind == "prompts":
        return [f"{fid}-{i + 1}" for i in range(len(field["prompts"]))]
    return [f"{fid}-{i + 1}-{p}" for i in range(len(field["prompts"])) for p in ("a", "b")]
