"""Helplines and emergency numbers: data/helplines.yml, checked into a Directory (contact.py renders it).

Every phone number Closer shows comes from this one file: the safety page's list, the emergency line,
the print footer of every page, worksheet PDFs and handout packets (phone_numbers.py refuses a
number typed into a page instead). Pure functions; no MkDocs here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.errors import DataError
from ..content.fields import check_keys, expect_date, expect_text, is_slug

# A number as a service writes it: digits, single spaces or hyphens between them, 3 to 15 digits.
_NUMBER = re.compile(r"\d+(?:[ -]\d+)*")
_WORD = re.compile(r"[A-Z0-9]{1,20}")


@dataclass(frozen=True)
class Helpline:
    id: str
    countries: tuple[str, ...]
    name: str
    purpose: str
    call: str
    hours: str
    source: str
    area: str = ""
    by: str = ""
    text: str = ""
    text_message: str = ""
    paper: str = ""

    @property
    def where(self) -> str:
        """'England, United Kingdom'; 'United Kingdom and Ireland'."""
        countries = " and ".join(self.countries)
        return f"{self.area}, {countries}" if self.area else countries

    @property
    def call_href(self) -> str:
        return "tel:" + digits(self.call)

    @property
    def text_href(self) -> str:
        body = f"?body={self.text_message}" if self.text_message else ""
        return f"sms:{digits(self.text)}{body}" if self.text else ""


@dataclass(frozen=True)
class Emergency:
    id: str
    number: str
    where: str
    short: str


@dataclass(frozen=True)
class Directory:
    checked: object
    emergency: tuple[Emergency, ...]
    helplines: tuple[Helpline, ...]

    @property
    def countries(self) -> list[str]:
        """Countries in the order the file first names them."""
        return list(dict.fromkeys(c for h in self.helplines for c in h.countries))

    def get(self, helpline_id: str, where: str) -> Helpline:
        return _find(self.helplines, helpline_id, "helpline", where)

    def emergency_number(self, emergency_id: str, where: str) -> Emergency:
        return _find(self.emergency, emergency_id, "emergency number", where)

    @property
    def on_paper(self) -> list[Helpline]:
        return [h for h in self.helplines if h.paper]


def _find(entries, entry_id: str, what: str, where: str):
    """The entry with this id, or a DataError naming the page that asked and the ids there are."""
    for entry in entries:
        if entry.id == entry_id:
            return entry
    known = ", ".join(e.id for e in entries)
    raise DataError(f"{where}: no {what} {entry_id!r} in data/helplines.yml; expected one of: {known}")


def digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def _number(where: str, key: str, value: object) -> str:
    text = value if isinstance(value, str) else ""
    if not _NUMBER.fullmatch(text) or not 3 <= len(digits(text)) <= 15:
        raise DataError(
            f"{where}: '{key}' must be a phone number written as text, digits with single spaces or hyphens "
            f"(3 to 15 digits, such as \"0808 2000 247\"), got {value!r}"
        )
    return text


def _helpline(where: str, entry: dict, registry: dict) -> Helpline:
    check_keys(where, entry, ["id", "country", "name", "for", "call", "hours", "source"], ["area", "by", "text", "paper"])
    countries = entry["country"] if isinstance(entry["country"], list) else [entry["country"]]
    countries = tuple(expect_text(where, "country", c) for c in countries)
    if entry["source"] not in registry:
        raise DataError(f"{where}: 'source' must be an id in data/sources.yml (the service's own website), got {entry['source']!r}")
    text, message = "", ""
    if "text" in entry:
        check_keys(f"{where}: text", entry["text"], ["number"], ["message"])
        text = _number(where, "text: number", entry["text"]["number"])
        message = entry["text"].get("message", "")
        if message and not (isinstance(message, str) and _WORD.fullmatch(message)):
            raise DataError(f"{where}: 'text: message' must be one word in capitals, such as START, got {message!r}")
    paper = entry.get("paper", "")
    if "paper" in entry and not (isinstance(paper, str) and 0 < len(paper.strip()) <= 30):
        raise DataError(f"{where}: 'paper' must be a short label of at most 30 characters, such as US crisis, got {paper!r}")
    return Helpline(
        id=entry["id"], countries=countries, name=expect_text(where, "name", entry["name"]),
        purpose=expect_text(where, "for", entry["for"]), call=_number(where, "call", entry["call"]),
        hours=expect_text(where, "hours", entry["hours"]), source=entry["source"],
        area=expect_text(where, "area", entry["area"]) if "area" in entry else "",
        by=expect_text(where, "by", entry["by"]) if "by" in entry else "", text=text, text_message=message, paper=paper,
    )


def validate(data: object, file: str, registry: dict) -> Directory:
    """Check every entry; raise DataError naming the file and the entry. `registry`: the sources by id."""
    check_keys(file, data, ["checked", "emergency", "helplines"])
    checked = expect_date(file, "checked", data["checked"])
    emergency = []
    for i, entry in enumerate(data["emergency"] if isinstance(data["emergency"], list) else [None], 1):
        where = f"{file}: emergency number {i}"
        check_keys(where, entry, ["id", "number", "where", "short"])
        if not is_slug(entry["id"]):
            raise DataError(f"{where}: 'id' must be a lowercase slug such as uk-ie, got {entry['id']!r}")
        emergency.append(Emergency(
            entry["id"], _number(where, "number", entry["number"]), expect_text(where, "where", entry["where"]),
            expect_text(where, "short", entry["short"])))
    helplines, seen = [], set()
    if not isinstance(data["helplines"], list):
        raise DataError(f"{file}: 'helplines' must be a list of helplines, got {type(data['helplines']).__name__}")
    for i, entry in enumerate(data["helplines"], 1):
        name = entry.get("id", i) if isinstance(entry, dict) else i
        where = f"{file}: helpline {name!r}"
        if not isinstance(entry, dict) or not is_slug(entry.get("id")) or entry["id"] in seen:
            raise DataError(f"{where}: 'id' must be a new lowercase slug such as uk-ndah, got {name!r}")
        seen.add(entry["id"])
        helplines.append(_helpline(where, entry, registry))
    directory = Directory(checked, tuple(emergency), tuple(helplines))
    paper = {c for h in directory.on_paper for c in h.countries}
    if not {"United States", "United Kingdom"} <= paper:
        raise DataError(
            f"{file}: every printed sheet carries the helplines marked 'paper'; expected at least one in the "
            f"United States and one in the United Kingdom, found: {', '.join(sorted(paper)) or 'none'}"
        )
    return directory
