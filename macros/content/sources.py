"""data/sources.yml: the works a page may cite, each checked to be a citation a reader can follow."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any

from .errors import DataError
from .fields import check_keys, expect_text

KINDS = ("article", "book", "paper", "website", "helpline")
# Where each kind of work was published: the keys of which at least one must be given.
PLACE = {
    "paper": ("journal",),
    "book": ("publisher",),
    "article": ("publisher", "url"),
    "website": ("publisher", "url"),
    "helpline": ("publisher", "url"),
}
# Undated web pages say so with this marker instead of a year; papers and books always have a year.
NO_DATE = "n.d."
REQUIRED = ("title", "by", "kind", "year")
OPTIONAL = ("journal", "volume", "issue", "pages", "publisher", "doi", "url", "file", "writer_note")
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")


@dataclass(frozen=True)
class Source:
    """One citable work. `writer_note` is for writers and never rendered (pages.check_no_writer_notes)."""
    id: str
    title: str
    by: str
    kind: str
    year: int | str
    journal: str = ""
    volume: int | str = ""
    issue: int | str = ""
    pages: str = ""
    publisher: str = ""
    doi: str = ""
    url: str = ""
    file: str = ""
    writer_note: str = ""


def load(data: Any, file: str) -> dict[str, Source]:
    """The registry keyed by id, every entry checked (check_source)."""
    if not isinstance(data, dict) or not data:
        raise DataError(f"{file}: expected a mapping of source ids to sources")
    registry = {}
    for sid, entry in data.items():
        check_source(f"{file}: source '{sid}'", entry)
        registry[sid] = Source(id=sid, **{k: v for k, v in entry.items()})
    return registry


def check_source(where: str, entry: Any) -> None:
    """Fail unless a source has a title, authors, a year (or 'n.d.') and a place of publication."""
    if isinstance(entry, dict) and "note" in entry:
        raise DataError(
            f"{where}: 'note' is no longer a field; put notes for writers in 'writer_note', which is never shown to readers"
        )
    if isinstance(entry, dict) and entry.get("year") in (None, ""):
        raise DataError(
            f"{where}: missing 'year' (the year of publication, or '{NO_DATE}' for an undated web page)"
        )
    check_keys(where, entry, REQUIRED, OPTIONAL)
    for key in ("title", "by"):
        expect_text(where, key, entry[key])
    kind = entry["kind"]
    if kind not in KINDS:
        raise DataError(f"{where}: 'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
    year = entry["year"]
    if year == NO_DATE:
        if kind in ("paper", "book"):
            raise DataError(f"{where}: a {kind} needs its year of publication, not '{NO_DATE}'")
    elif isinstance(year, bool) or not isinstance(year, int) or not 1500 <= year <= dt.date.today().year:
        raise DataError(
            f"{where}: 'year' must be a year of publication such as 2004, or '{NO_DATE}' for an undated web page, "
            f"got {year!r}"
        )
    place = PLACE[kind]
    if not any(entry.get(key) not in (None, "") for key in place):
        raise DataError(
            f"{where}: a {kind} needs where it was published ({' or '.join(repr(k) for k in place)}), found none"
        )
    for key in ("journal", "publisher", "pages", "writer_note", "file"):
        if key in entry:
            expect_text(where, key, entry[key])
    for key in ("volume", "issue"):
        if key in entry and (isinstance(entry[key], bool) or not isinstance(entry[key], (int, str)) or entry[key] == ""):
            raise DataError(f"{where}: '{key}' must be a number or short text, got {entry[key]!r}")
    if "doi" in entry and (not isinstance(entry["doi"], str) or not _DOI.match(entry["doi"])):
        raise DataError(f"{where}: 'doi' must be a bare DOI such as 10.1037/0022-006X.72.2.176, got {entry['doi']!r}")
    if "url" in entry and (not isinstance(entry["url"], str) or not entry["url"].startswith("https://")):
        raise DataError(f"{where}: 'url' must be an https:// address, got {entry['url']!r}")


def resolve(where: str, ids: list, registry: dict[str, Source]) -> tuple[Source, ...]:
    """The sources a page or worksheet cites, each id checked against the registry."""
    found = []
    for sid in ids:
        if sid not in registry:
            raise DataError(f"{where}: source {sid!r} is not in data/sources.yml; add it there or fix the id")
        found.append(registry[sid])
    return tuple(found)


FIELDS = tuple(f.name for f in fields(Source))
