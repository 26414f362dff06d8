"""Front matter and required sections: what every page must declare and contain.

Pure functions over a page's path, metadata and HTML, so tests can call them without a build.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from .data import DataError, check_keys, expect_date, expect_list, expect_text, page_kinds, sources
from .review import check_review_dates

REQUIRED = ("title", "description", "theme", "reviewed", "next_review", "sources", "kind")
OPTIONAL = ("tags", "hide", "search", "practice", "template", "status", "icon", "subtitle")
THEMES = (
    "home", "foundations", "barriers", "approaches", "practices", "worksheets",
    "glossary", "therapists", "about", "safety", "tags",
)
_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')


def expected_theme(src_uri: str) -> str:
    """A page's theme is the top folder it lives in; the home page's is 'home'."""
    return src_uri.split("/")[0] if "/" in src_uri else "home"


def front_matter_error(src_uri: str, markdown_source: str) -> str | None:
    """Why a page's front matter did not parse; MkDocs drops unparseable front matter silently."""
    match = re.match(r"^-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*\n", markdown_source, re.S)
    if not match:
        return f"docs/{src_uri}: the page must start with front matter between two '---' lines"
    try:
        yaml.safe_load(match.group(1))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" at line {mark.line + 2}" if mark else ""
        return f"docs/{src_uri}: front matter is not valid YAML{line}: {getattr(err, 'problem', err)} (quote text that contains ': ')"
    return None


def validate_meta(src_uri: str, meta: dict[str, Any], markdown_source: str = "", today: dt.date | None = None) -> list[dict]:
    """Check one page's front matter and return its sources resolved from data/sources.yml."""
    where = f"docs/{src_uri}"
    if not meta and markdown_source and (problem := front_matter_error(src_uri, markdown_source)):
        raise DataError(problem)
    check_keys(where, meta, REQUIRED, OPTIONAL)
    expect_text(where, "title", meta["title"])
    description = expect_text(where, "description", meta["description"])
    if not description.endswith((".", "?", "!")) or re.search(r"[.?!]\s+[A-Z]", description):
        raise DataError(f"{where}: 'description' must be one sentence ending in a full stop, got {description!r}")
    if meta["theme"] not in THEMES or meta["theme"] != expected_theme(src_uri):
        raise DataError(
            f"{where}: 'theme' must be '{expected_theme(src_uri)}' for a page in this folder, got {meta['theme']!r}"
        )
    if meta["kind"] not in page_kinds():
        raise DataError(f"{where}: 'kind' must be one of {', '.join(page_kinds())}, got {meta['kind']!r}")
    check_review_dates(where, meta["reviewed"], meta["next_review"], today)
    registry = sources()
    resolved = []
    for sid in expect_list(where, "sources", meta["sources"]):
        if sid not in registry:
            raise DataError(f"{where}: source {sid!r} is not in data/sources.yml; add it there or fix the id")
        resolved.append({"id": sid, **registry[sid]})
    return resolved


def check_sections(src_uri: str, kind: str, html: str) -> None:
    """Fail unless the page has every section its kind requires, in order, by stable id."""
    required = [s["id"] for s in page_kinds()[kind].get("sections") or []]
    if not required:
        return
    found = [i for i in _ID.findall(html) if i in required]
    missing = [i for i in required if i not in found]
    if missing:
        raise DataError(
            f"docs/{src_uri}: a {kind} page needs the section '{missing[0]}' "
            f"(required, in order: {', '.join(required)}); found: {', '.join(found) or 'none'}"
        )
    if found != required:
        raise DataError(
            f"docs/{src_uri}: a {kind} page needs its sections in the order {', '.join(required)}; "
            f"found {', '.join(found)}"
        )


def section_heading(kind: str, section_id: str, title: str | None = None, level: int = 2) -> str:
    """The Markdown heading for one required section, with its stable id."""
    sections = {s["id"]: s["title"] for s in page_kinds().get(kind, {}).get("sections") or []}
    if section_id not in sections:
        raise DataError(
            f"section {section_id!r} is not a section of a {kind!r} page; "
            f"expected one of: {', '.join(sections) or 'none'}"
        )
    return f"{'#' * level} {title or sections[section_id]} {{#{section_id}}}"
