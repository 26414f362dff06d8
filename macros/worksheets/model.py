"""Worksheets: one YAML file per worksheet in data/worksheets/, checked into Worksheet records.

A definition gives the worksheet's page text and its sections of fields. From it, page.py makes the web
page (and its printout) and pdf.py the fillable PDF, so the three never disagree. Every mistake raises
a DataError naming the file, the entry and what was expected.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content.errors import DataError
from ..content.fields import (
    check_keys, expect_bool, expect_list, expect_text, expect_texts, expect_whole, is_one_sentence, is_slug, slugify,
)
from ..content.review import check_review_dates
from ..content.sources import Source, resolve

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
WEEK = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Field:
    """One field; which attributes matter depends on its type (FIELD_TYPES)."""
    type: str
    id: str
    label: str | None = None
    hint: str | None = None
    rows: int = 3
    items: tuple[str, ...] = ()
    scale: int = 5
    low: str = ""
    high: str = ""
    days: tuple[str, ...] = ()
    row_heading: str = "Day"
    columns: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()

    @property
    def control_ids(self) -> list[str]:
        """The id of each form control the field makes (the web form, the PDF and saved answers share them)."""
        fid, kind = self.id, self.type
        if kind in ("lines", "box"):
            return [fid]
        if kind == "checklist":
            return [f"{fid}-{i + 1}" for i in range(len(self.items))]
        if kind == "rating":
            return [f"{fid}-{i + 1}" for i in range(self.scale)]
        if kind == "days":
            return [f"{fid}-{d + 1}-{c + 1}" for d in range(len(self.days)) for c in range(len(self.columns))]
        if kind == "prompts":
            return [f"{fid}-{i + 1}" for i in range(len(self.prompts))]
        return [f"{fid}-{i + 1}-{p}" for i in range(len(self.prompts)) for p in ("a", "b")]


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[Field, ...]
    intro: str | None = None

    @property
    def anchor(self) -> str:
        """The heading's id, from its title: therapists may link to it, so titles should stay."""
        return "ws-" + slugify(self.title)


@dataclass(frozen=True)
class Worksheet:
    id: str
    title: str
    purpose: str
    minutes: int
    pages: int
    practice: str
    group: str
    reviewed: dt.date
    next_review: dt.date
    sources: tuple[Source, ...]
    instructions: tuple[str, ...]
    sections: tuple[Section, ...]
    file: str
    safety_note: bool = False

    @property
    def src_uri(self) -> str:
        return f"worksheets/{self.id}.md"

    @property
    def field_ids(self) -> list[str]:
        """The id of every form control the worksheet has, in page order (also used in the PDF)."""
        return [cid for s in self.sections for f in s.fields for cid in f.control_ids]

    @property
    def front_matter(self) -> dict:
        """The page's front matter, the same keys every page declares, taken from the definition."""
        return {
            "title": self.title,
            "description": self.purpose,
            "theme": "worksheets",
            "kind": "worksheet",
            "reviewed": self.reviewed,
            "next_review": self.next_review,
            "sources": [s.id for s in self.sources],
            # A worksheet that points to the safety page is about fear or help: it gets the quick exit's Escape.
            **({"safety": True} if self.safety_note else {}),
        }


def _rows(where, field, default):
    return {"rows": expect_whole(where, "rows", field.get("rows", default), 1, 30)}


def _lines(where, field):
    return _rows(where, field, 3)


def _checklist(where, field):
    return {"items": expect_texts(where, "items", field["items"])}


def _rating(where, field):
    return {"scale": expect_whole(where, "scale", field.get("scale", 5), 2, 10),
            "low": expect_text(where, "low", field["low"]), "high": expect_text(where, "high", field["high"])}


def _days(where, field):
    return {"days": expect_texts(where, "days", field.get("days", list(WEEK))),
            "row_heading": expect_text(where, "row_heading", field.get("row_heading", "Day")),
            "columns": expect_texts(where, "columns", field["columns"])}


def _prompts(where, field):
    return {"prompts": expect_texts(where, "prompts", field["prompts"]), **_rows(where, field, 2)}


# Each field type: its required keys, its optional keys, and the check that returns its typed values.
FIELD_TYPES = {
    "lines": (("label",), ("rows", "hint"), _lines),
    "box": (("label",), ("rows", "hint"), _lines),
    "checklist": (("label", "items"), ("hint",), _checklist),
    "rating": (("label", "low", "high"), ("scale", "hint"), _rating),
    "days": (("label", "columns"), ("days", "row_heading", "hint"), _days),
    "prompts": (("prompts",), ("label", "rows", "hint"), _prompts),
    "partners": (("prompts",), ("label", "rows", "hint"), _prompts),
}


def _field(where: str, field: object, seen: set[str]) -> Field:
    if not isinstance(field, dict):
        raise DataError(f"{where}: expected a mapping with 'type' and 'id', got {field!r}")
    kind = field.get("type")
    if kind not in FIELD_TYPES:
        raise DataError(f"{where}: unknown field type {kind!r}; expected one of: {', '.join(FIELD_TYPES)}")
    required, optional, check = FIELD_TYPES[kind]
    check_keys(where, field, ("type", "id", *required), optional)
    fid = field["id"]
    if not is_slug(fid):
        raise DataError(f"{where}: 'id' must be lowercase letters, digits and hyphens, got {fid!r}")
    if fid in seen:
        raise DataError(f"{where}: field id {fid!r} is used twice in this worksheet; each needs its own")
    seen.add(fid)
    texts = {key: expect_text(where, key, field[key]) for key in ("label", "hint") if field.get(key) is not None}
    return Field(type=kind, id=fid, **texts, **check(where, field))


def _section(where: str, section: object, seen: set[str]) -> Section:
    check_keys(where, section, ("title", "fields"), ("intro",))
    fields = tuple(
        _field(f"{where}: field {f.get('id', i + 1) if isinstance(f, dict) else i + 1!r}", f, seen)
        for i, f in enumerate(expect_list(where, "fields", section["fields"]))
    )
    intro = expect_text(where, "intro", section["intro"]) if section.get("intro") is not None else None
    return Section(expect_text(where, "title", section["title"]), fields, intro)


def validate(name: str, stem: str, data: object, practices: set[str] | frozenset[str],
             registry: dict[str, Source], today: dt.date | None = None) -> Worksheet:
    """Check one worksheet definition (file `name`, file stem `stem`); `practices` are the practice slugs."""
    where = f"{name}: worksheet"
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected a mapping of keys, got {type(data).__name__}")
    check_keys(where, data, REQUIRED, OPTIONAL)
    if data["id"] != stem:
        raise DataError(f"{where}: 'id' must match the file name {stem!r}, got {data['id']!r}")
    where = f"{name}: worksheet '{data['id']}'"
    title = expect_text(where, "title", data["title"])
    instructions = expect_texts(where, "instructions", data["instructions"])
    purpose = expect_text(where, "purpose", data["purpose"])
    if not is_one_sentence(purpose):
        raise DataError(f"{where}: 'purpose' must be one sentence ending in a full stop, got {purpose!r}")
    minutes = expect_whole(where, "minutes", data["minutes"], 1, 240)
    pages = expect_whole(where, "pages", data["pages"], 1, MAX_PAGES)
    practice = data["practice"]
    if not isinstance(practice, str) or practice not in practices:
        raise DataError(f"{where}: 'practice' must name a page in docs/practices/, but {practice!r} is not one")
    if data["group"] not in GROUPS:
        raise DataError(f"{where}: 'group' must be one of {', '.join(GROUPS)}, got {data['group']!r}")
    check_review_dates(where, data["reviewed"], data["next_review"], today)
    sources = resolve(where, expect_list(where, "sources", data["sources"]), registry)
    safety_note = expect_bool(where, "safety_note", data.get("safety_note", False))
    seen: set[str] = set()
    sections = tuple(
        _section(f"{where}: section {s.get('title', i + 1) if isinstance(s, dict) else i + 1!r}", s, seen)
        for i, s in enumerate(expect_list(where, "sections", data["sections"]))
    )
    anchors = [s.anchor for s in sections]
    taken = {f"ws-{cid}" for s in sections for f in s.fields for cid in f.control_ids}
    for section, anchor in zip(sections, anchors):
        if anchors.count(anchor) > 1 or anchor in taken:
            raise DataError(
                f"{where}: section {section.title!r}: its anchor '{anchor}' is also used by another section "
                "or a field; give it a different title"
            )
    return Worksheet(
        id=data["id"], title=title, purpose=purpose, minutes=minutes, pages=pages, practice=practice,
        group=data["group"], reviewed=data["reviewed"], next_review=data["next_review"], sources=sources,
        instructions=instructions, sections=sections, file=name, safety_note=safety_note,
    )


def in_order(worksheets: list[Worksheet]) -> dict[str, Worksheet]:
    """Keyed by id, in the order of GROUPS and then by file name."""
    order = list(GROUPS)
    return {w.id: w for w in sorted(worksheets, key=lambda w: (order.index(w.group), w.id))}
