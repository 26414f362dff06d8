"""Pages: every Markdown file in docs/ (and every generated page) as the content model holds it, and the
rules its front matter and HTML must follow. Pure functions over text, so tests call them directly."""
from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from dataclasses import dataclass, field
from typing import Any

from . import markdown
from .errors import DataError
from .fields import check_keys, expect_bool, expect_list, expect_text, is_one_sentence
from .kinds import Kind
from .review import check_review_dates
from .sources import Source, resolve

REQUIRED = ("title", "description", "theme", "reviewed", "next_review", "sources", "kind")
# `safety: true` marks a page about fear, control or getting help: it gets the quick exit's Escape key
# (overrides/partials/quick-exit.html), and macros/safety/quick_exit.py checks that it has it.
# `render_macros: false` is set on generated pages (worksheets, handouts, card decks), whose text is data, not a template.
OPTIONAL = ("tags", "hide", "search", "practice", "template", "status", "icon", "subtitle", "safety", "opens_up",
            "render_macros")
THEMES = (
    "home", "foundations", "barriers", "approaches", "practices", "worksheets", "cards",
    "glossary", "therapists", "about", "safety", "tags",
)


@dataclass(frozen=True)
class Page:
    """One page: where it lives, its front matter, its Markdown body, and what the body declares."""
    src_uri: str                 # 'practices/mirroring.md'
    meta: dict[str, Any]
    body: str                    # the Markdown after the front matter
    source: str = ""             # the whole file as written ('' for a generated page)
    name: str = ""               # the file a writer edits, for messages
    ids: frozenset[str] = frozenset()
    headings: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    caveats: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return self.name or f"docs/{self.src_uri}"

    @property
    def folder(self) -> str:
        return self.src_uri.split("/")[0] if "/" in self.src_uri else ""

    @property
    def slug(self) -> str:
        return self.src_uri.rsplit("/", 1)[-1].removesuffix(".md")

    @property
    def title(self) -> str:
        return self.meta.get("title", self.slug)

    @property
    def kind(self) -> str:
        return self.meta.get("kind", "")


def parse(src_uri: str, source: str, section_names: dict[str, str]) -> Page:
    """A page file's text as a Page: strict front matter, then what its Markdown declares."""
    meta, body = markdown.front_matter(f"docs/{src_uri}", source)
    return Page(
        src_uri=src_uri, meta=meta, body=body, source=source,
        ids=markdown.declared_ids(body), headings=markdown.heading_titles(body, section_names),
        sections=markdown.sections(body), caveats=markdown.caveats(body),
    )


def expected_theme(src_uri: str) -> str:
    """A page's theme is the top folder it lives in; the home page's is 'home'."""
    return src_uri.split("/")[0] if "/" in src_uri else "home"


def validate_meta(where: str, src_uri: str, meta: dict[str, Any], kinds: dict[str, Kind],
                  registry: dict[str, Source], today: dt.date | None = None) -> tuple[Source, ...]:
    """Check one page's front matter and return its sources resolved from data/sources.yml."""
    check_keys(where, meta, REQUIRED, OPTIONAL)
    expect_text(where, "title", meta["title"])
    description = expect_text(where, "description", meta["description"])
    if not is_one_sentence(description, ".?!"):
        raise DataError(f"{where}: 'description' must be one sentence ending in a full stop, got {description!r}")
    if meta["theme"] not in THEMES or meta["theme"] != expected_theme(src_uri):
        raise DataError(
            f"{where}: 'theme' must be '{expected_theme(src_uri)}' for a page in this folder, got {meta['theme']!r}"
        )
    if meta["kind"] not in kinds:
        raise DataError(f"{where}: 'kind' must be one of {', '.join(kinds)}, got {meta['kind']!r}")
    check_review_dates(where, meta["reviewed"], meta["next_review"], today)
    expect_bool(where, "safety", meta.get("safety", False))
    if meta["kind"] != "practice" and "practice" in meta:
        raise DataError(f"{where}: a 'practice' mapping belongs only on a page of kind 'practice'")
    if not isinstance(meta.get("tags", []), list):
        raise DataError(f"{where}: 'tags' must be a list, got {meta['tags']!r}")
    return resolve(where, expect_list(where, "sources", meta["sources"]), registry)


_ANY_ID = re.compile(r'<([a-z][a-z0-9]*)\b[^>]*?\sid="([^"]+)"')
_HEADING_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')


def check_unique_ids(where: str, html: str) -> None:
    """Fail when two elements of a page share an id: a link to it would land on the first one only."""
    seen: dict[str, str] = {}
    for tag, anchor in _ANY_ID.findall(html):
        if anchor in seen:
            raise DataError(
                f"{where}: the id '{anchor}' is used twice (on a <{seen[anchor]}> and a <{tag}>); "
                "expected each heading id once, so give one of them another {#id}"
            )
        seen[anchor] = tag


def check_sections(where: str, kind: Kind, html: str) -> None:
    """Fail unless the page has every section its kind requires, in order, by stable id."""
    required = [s.id for s in kind.sections]
    if not required:
        return
    found = [i for i in _HEADING_ID.findall(html) if i in required]
    missing = [i for i in required if i not in found]
    if missing:
        raise DataError(
            f"{where}: a {kind.name} page needs the section '{missing[0]}' "
            f"(required, in order: {', '.join(required)}); found: {', '.join(found) or 'none'}"
        )
    if found != required:
        raise DataError(
            f"{where}: a {kind.name} page needs its sections in the order {', '.join(required)}; "
            f"found {', '.join(found)}"
        )


def section_heading(kind: Kind | None, kind_name: str, section_id: str, title: str | None = None, level: int = 2) -> str:
    """The Markdown heading for one required section, with its stable id."""
    sections = {s.id: s.title for s in (kind.sections if kind else ())}
    if section_id not in sections:
        raise DataError(
            f"section {section_id!r} is not a section of a {kind_name!r} page; "
            f"expected one of: {', '.join(sections) or 'none'}"
        )
    return f"{'#' * level} {title or sections[section_id]} {{#{section_id}}}"


_TAG = re.compile(r"<[^>]+>")


def visible_text(page_html: str) -> str:
    """The text of a page with tags removed, entities decoded and runs of white space made single."""
    return " ".join(htmllib.unescape(_TAG.sub(" ", page_html)).split())


def writer_notes_shown(page_html: str, registry: dict[str, Source]) -> list[str]:
    """Ids of the sources whose writer_note appears in a built page: such notes are for writers only."""
    text = visible_text(page_html)
    return [sid for sid, s in registry.items() if s.writer_note and " ".join(s.writer_note.split()) in text]


def check_no_writer_notes(where: str, page_html: str, registry: dict[str, Source]) -> None:
    """Stop the build when a built page would show a writer's note to readers."""
    shown = writer_notes_shown(page_html, registry)
    if shown:
        raise DataError(
            f"{where}: the writer_note of source '{shown[0]}' in data/sources.yml would reach readers; "
            f"writers' notes must never be rendered"
        )
