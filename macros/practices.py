"""At-home practices: the structured part of each practice page, rendered from its front matter.

A practice page's front matter carries a `practice` mapping; the prose lives in the page. From that
mapping this module renders the summary card, the time-needed part and the worksheet part, so every
practice page has the same shape and a test can check it.
"""
from __future__ import annotations

from pathlib import Path

from .data import ROOT, DataError, check_keys, expect_list, expect_text

DOCS = ROOT / "docs"
WORKSHEETS = ROOT / "data" / "worksheets"
LINKED_SECTIONS = {"pillars": "foundations", "approaches": "approaches", "barriers": "barriers"}
KEYS_REQUIRED = ("minutes", "how_often", "pillars")
KEYS_OPTIONAL = ("approaches", "barriers", "worksheet", "together")


def validate(src_uri: str, practice: object) -> dict:
    """Check a practice page's `practice` mapping; every linked page must exist."""
    where = f"docs/{src_uri}: practice"
    check_keys(where, practice, KEYS_REQUIRED, KEYS_OPTIONAL)
    minutes = practice["minutes"]
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 240:
        raise DataError(f"{where}: 'minutes' must be a whole number from 1 to 240, got {minutes!r}")
    expect_text(where, "how_often", practice["how_often"])
    for key, folder in LINKED_SECTIONS.items():
        for slug in expect_list(where, key, practice[key]) if key in practice else []:
            if not (DOCS / folder / f"{slug}.md").is_file():
                raise DataError(f"{where}: '{key}' names {slug!r}, but docs/{folder}/{slug}.md does not exist")
    return practice


def page_title(folder: str, slug: str) -> str:
    """The title from a page's front matter, read without building it."""
    from mkdocs.utils.meta import get_data

    _, meta = get_data((DOCS / folder / f"{slug}.md").read_text(encoding="utf-8"))
    return meta.get("title", slug)


def link(from_uri: str, folder: str, slug: str) -> str:
    """A Markdown link from the page at from_uri to docs/folder/slug.md, checked by MkDocs."""
    depth = from_uri.count("/")
    return f"[{page_title(folder, slug)}]({'../' * depth}{folder}/{slug}.md)"


def duration(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} minutes"
    hours, rest = divmod(minutes, 60)
    text = f"{hours} hour" + ("s" if hours > 1 else "")
    return text + (f" {rest} minutes" if rest else "")


def summary(src_uri: str, practice: dict) -> str:
    """The card at the top of a practice page: time, how often, and what it builds."""
    rows = [
        ("Time", duration(practice["minutes"])),
        ("How often", practice["how_often"]),
        ("Builds", ", ".join(link(src_uri, "foundations", s) for s in practice["pillars"])),
    ]
    if practice.get("approaches"):
        rows.append(("Comes from", ", ".join(link(src_uri, "approaches", s) for s in practice["approaches"])))
    if practice.get("barriers"):
        rows.append(("Helps with", ", ".join(link(src_uri, "barriers", s) for s in practice["barriers"])))
    items = "\n".join(f"- **{label}:** {value}" for label, value in rows)
    return f'<div class="closer-practice-summary" markdown>\n\n{items}\n\n</div>'


def worksheet_link(src_uri: str, practice: dict) -> str:
    """Where this practice's worksheet lives; the worksheets index until the worksheet exists."""
    depth = "../" * src_uri.count("/")
    slug = practice.get("worksheet")
    if slug and (WORKSHEETS / f"{slug}.yml").is_file():
        return f"[Open the worksheet]({depth}worksheets/{slug}.md)"
    return f"[Browse the worksheets]({depth}worksheets/index.md)"


def practice_pages() -> list[Path]:
    return sorted(p for p in (DOCS / "practices").glob("*.md") if p.name != "index.md")
