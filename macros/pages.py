"""Front matter and required sections: what every page must declare and contain.

Pure functions over a page's path, metadata and HTML, so tests can call them without a build.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any


from .data import DataError, check_keys, expect_date, expect_list, expect_text, page_kinds, parse_yaml, sources
from .review import check_review_dates

REQUIRED = ("title", "description", "theme", "reviewed", "next_review", "sources", "kind")
# `safety: true` marks a page about fear, control or getting help: it gets the quick exit in its header
# (overrides/partials/quick-exit.html), and hooks/safety.py checks that it has it.
OPTIONAL = ("tags", "hide", "search", "practice", "template", "status", "icon", "subtitle", "safety", "opens_up")
THEMES = (
    "home", "foundations", "barriers", "approaches", "practices", "worksheets", "cards",
    "glossary", "therapists", "about", "safety", "tags",
)
_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')


def expected_theme(src_uri: str) -> str:
    """A page's theme is the top folder it lives in; the home page's is 'home'."""
    return src_uri.split("/")[0] if "/" in src_uri else "home"


def front_matter(src_uri: str, markdown_source: str) -> dict:
    """A page's front matter, parsed strictly. MkDocs drops front matter it cannot parse without a word
    and lets a repeated key win silently; this names the page, the line and the problem instead."""
    where = f"docs/{src_uri}"
    if not markdown_source.strip():
        raise DataError(f"{where}: the page is empty; expected front matter between two '---' lines, then the text")
    match = re.match(r"^-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*\n", markdown_source, re.S)
    if not match:
        raise DataError(f"{where}: no front matter; expected the page to start with front matter between two '---' lines")
    data = parse_yaml(match.group(1), where, first_line=2, subject="front matter")
    if not isinstance(data, dict):
        raise DataError(f"{where}: front matter must be keys and values such as 'title: Trust', got {type(data).__name__}")
    return data


def validate_meta(src_uri: str, meta: dict[str, Any], markdown_source: str = "", today: dt.date | None = None) -> list[dict]:
    """Check one page's front matter and return its sources resolved from data/sources.yml."""
    where = f"docs/{src_uri}"
    if markdown_source or not meta:
        front_matter(src_uri, markdown_source)
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
    if not isinstance(meta.get("safety", False), bool):
        raise DataError(f"{where}: 'safety' must be true or false, got {meta['safety']!r}")
    registry = sources()
    resolved = []
    for sid in expect_list(where, "sources", meta["sources"]):
        if sid not in registry:
            raise DataError(f"{where}: source {sid!r} is not in data/sources.yml; add it there or fix the id")
        resolved.append({"id": sid, **registry[sid]})
    return resolved


_ANY_ID = re.compile(r'<([a-z][a-z0-9]*)\b[^>]*?\sid="([^"]+)"')


def check_unique_ids(src_uri: str, html: str) -> None:
    """Fail when two elements of a page share an id: a link to it would land on the first one only."""
    seen: dict[str, str] = {}
    for tag, anchor in _ANY_ID.findall(html):
        if anchor in seen:
            raise DataError(
                f"docs/{src_uri}: the id '{anchor}' is used twice (on a <{seen[anchor]}> and a <{tag}>); "
                "expected each heading id once, so give one of them another {#id}"
            )
        seen[anchor] = tag


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
