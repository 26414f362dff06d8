"""Load and validate Closer's data files.

Every problem raises DataError with one sentence that starts with the file and the entry and says
what was expected and what was found, so a typo stops the build with a message a writer can act on.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


# LibYAML's safe loader when PyYAML was built with it: about eight times faster on our data files.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(PluginError):
    """A data or front-matter problem; MkDocs prints the message and aborts the build."""


def relative(path: Path) -> str:
    """The path as a writer sees it: relative to the project root when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


class _Refused(Exception):
    """A YAML problem the safe loader lets pass: a key written twice, a date that cannot be."""

    def __init__(self, key: Any, lines: tuple[int, ...], value: str = ""):
        super().__init__(key)
        self.key, self.lines, self.value = key, lines, value

    def message(self, offset: int) -> str:
        lines = [n + offset for n in self.lines]
        if self.value:
            return f"line {lines[0]}: '{self.key}' must be a real date written YYYY-MM-DD, got {self.value!r}"
        return f"line {lines[1]}: '{self.key}' is written twice (lines {lines[0]} and {lines[1]}); expected each key once"


class StrictLoader(SAFE_LOADER):
    """The safe loader, refusing what it would otherwise let through silently: a key written twice in one
    mapping (the second would win) and a date such as 2026-13-45 (a traceback naming no key)."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *base` may be overridden on purpose
                continue
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise _Refused(key, (seen[key], line))
            seen[key] = line
            if value_node.tag == "tag:yaml.org,2002:timestamp":
                try:
                    self.construct_yaml_timestamp(value_node)
                except ValueError:
                    raise _Refused(key, (line,), value_node.value) from None
        return super().construct_mapping(node, deep=deep)


def parse_yaml(text: str, where: str, first_line: int = 1, subject: str = "the file") -> Any:
    """Parse YAML text strictly; every problem is a DataError naming `where`, `subject` and the line.
    `first_line` is the file's line number of the text's first line (2 for front matter)."""
    try:
        return yaml.load(text, Loader=StrictLoader)
    except _Refused as err:
        raise DataError(f"{where}: {subject}, {err.message(first_line - 1)}") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" at line {mark.line + first_line}" if mark else ""
        raise DataError(
            f"{where}: {subject} is not valid YAML{line}: {getattr(err, 'problem', err)} (quote text that contains ': ')"
        ) from None


def read_text(path: Path) -> str:
    """A file's text, which must be UTF-8; a DataError naming the file otherwise."""
    try:
        return Path(path).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise DataError(f"{relative(path)}: file not found") from None
    except UnicodeDecodeError as err:
        raise DataError(
            f"{relative(path)}: expected UTF-8 text, found a byte that is not UTF-8 at position {err.start}; "
            "save the file as UTF-8"
        ) from None


def read_yaml(path: Path) -> Any:
    """Parse one YAML file strictly (see StrictLoader), naming the file and line of any problem."""
    return parse_yaml(read_text(path), relative(path))


def check_keys(where: str, entry: dict, required: Iterable[str], optional: Iterable[str] = ()) -> None:
    """Fail on a missing required key or an unknown one. `where` is 'file: entry'."""
    required, allowed = list(required), set(required) | set(optional)
    if not isinstance(entry, dict):
        raise DataError(f"{where}: expected a mapping of keys, got {type(entry).__name__} {entry!r}")
    for key in required:
        if key not in entry:
            raise DataError(f"{where}: missing required key '{key}'")
        if entry[key] is None or (isinstance(entry[key], (str, list, dict)) and not (
                entry[key].strip() if isinstance(entry[key], str) else entry[key])):
            raise DataError(f"{where}: '{key}' is empty; expected a value, found {entry[key]!r}")
    for key in entry:
        if key not in allowed:
            raise DataError(f"{where}: unknown key '{key}'; expected one of: {', '.join(sorted(allowed))}")


# What makes text markup: a tag, a comment or declaration, or a character entity. A text field holds
# words only; every template also escapes it on output, so this catches the mistake where it is made.
_MARKUP = re.compile(r"<[a-zA-Z/!?]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def expect_text(where: str, key: str, value: Any) -> str:
    """Non-empty plain text: no HTML tags, comments or character entities (data fields are text, never markup)."""
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: '{key}' must be non-empty text, got {value!r}")
    if match := _MARKUP.search(value):
        raise DataError(
            f"{where}: '{key}' must be plain text without HTML, found {match.group(0)!r} in {value!r}; "
            "write the words themselves (templates escape them)"
        )
    return value.strip()


def expect_list(where: str, key: str, value: Any) -> list:
    if not isinstance(value, list) or not value:
        raise DataError(f"{where}: '{key}' must be a non-empty list, got {value!r}")
    return value


def expect_date(where: str, key: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise DataError(f"{where}: '{key}' must be a date written YYYY-MM-DD, got {value!r}")
    return value


@lru_cache(maxsize=None)
def sources(path: Path = DATA / "sources.yml") -> dict[str, dict]:
    """The registry of works a page may cite, keyed by id, each checked to be a citation a reader can follow."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not data:
        raise DataError(f"{relative(path)}: expected a mapping of source ids to sources")
    for sid, entry in data.items():
        check_source(f"{relative(path)}: source '{sid}'", entry)
    return data


SOURCE_KINDS = ("article", "book", "paper", "website", "helpline")
# Where each kind of work was published: the keys of which at least one must be given.
SOURCE_PLACE = {
    "paper": ("journal",),
    "book": ("publisher",),
    "article": ("publisher", "url"),
    "website": ("publisher", "url"),
    "helpline": ("publisher", "url"),
}
# Undated web pages say so with this marker instead of a year; papers and books always have a year.
NO_DATE = "n.d."
SOURCE_KEYS = ("title", "by", "kind", "year")
SOURCE_OPTIONAL = ("journal", "volume", "issue", "pages", "publisher", "doi", "url", "file", "writer_note")
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")


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
    check_keys(where, entry, SOURCE_KEYS, SOURCE_OPTIONAL)
    for key in ("title", "by"):
        expect_text(where, key, entry[key])
    kind = entry["kind"]
    if kind not in SOURCE_KINDS:
        raise DataError(f"{where}: 'kind' must be one of {', '.join(SOURCE_KINDS)}, got {kind!r}")
    year = entry["year"]
    if year == NO_DATE:
        if kind in ("paper", "book"):
            raise DataError(f"{where}: a {kind} needs its year of publication, not '{NO_DATE}'")
    elif isinstance(year, bool) or not isinstance(year, int) or not 1500 <= year <= dt.date.today().year:
        raise DataError(
            f"{where}: 'year' must be a year of publication such as 2004, or '{NO_DATE}' for an undated web page, "
            f"got {year!r}"
        )
    place = SOURCE_PLACE[kind]
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


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def visible_text(page_html: str) -> str:
    """The text of a page with tags removed, entities decoded and runs of white space made single."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", page_html)))


def writer_notes_shown(page_html: str, registry: dict[str, dict] | None = None) -> list[str]:
    """Ids of the sources whose writer_note appears in a built page: such notes are for writers only."""
    registry = sources() if registry is None else registry
    text = visible_text(page_html)
    return [
        sid for sid, entry in registry.items()
        if entry.get("writer_note") and _SPACE.sub(" ", entry["writer_note"].strip()) in text
    ]


def check_no_writer_notes(where: str, page_html: str, registry: dict[str, dict] | None = None) -> None:
    """Stop the build when a built page would show a writer's note to readers."""
    shown = writer_notes_shown(page_html, registry)
    if shown:
        raise DataError(
            f"{where}: the writer_note of source '{shown[0]}' in data/sources.yml would reach readers; "
            f"writers' notes must never be rendered"
        )


@lru_cache(maxsize=None)
def page_kinds(path: Path = DATA / "page_kinds.yml") -> dict[str, dict]:
    """What each kind of page must contain: its required section ids, in order."""
    return check_page_kinds(read_yaml(path), relative(path))


def check_page_kinds(data: Any, file: str) -> dict[str, dict]:
    if not isinstance(data, dict) or not data:
        raise DataError(f"{file}: expected a mapping of page kinds")
    for kind, entry in data.items():
        where = f"{file}: kind '{kind}'"
        check_keys(where, entry, ["about"], ["sections", "article", "search_boost"])
        expect_text(where, "about", entry["about"])
        boost = entry.get("search_boost", 1)
        if isinstance(boost, bool) or not isinstance(boost, (int, float)) or boost <= 0:
            raise DataError(f"{where}: 'search_boost' must be a positive number, got {boost!r}")
        for section in entry.get("sections") or []:
            check_keys(f"{where}: section {section!r}", section, ["id", "title"])
            if not isinstance(section["id"], str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", section["id"]):
                raise DataError(f"{where}: section 'id' must be a lowercase slug such as what-it-is, got {section['id']!r}")
            expect_text(f"{where}: section '{section['id']}'", "title", section["title"])
    return data

