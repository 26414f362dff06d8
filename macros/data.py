"""Load and validate Closer's data files.

Every problem raises DataError with one sentence that starts with the file and the entry and says
what was expected and what was found, so a typo stops the build with a message a writer can act on.
"""
from __future__ import annotations

import datetime as dt
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


def expect_text(where: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: '{key}' must be non-empty text, got {value!r}")
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
    """The registry of works a page may cite, keyed by id."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not data:
        raise DataError(f"{relative(path)}: expected a mapping of source ids to sources")
    for sid, entry in data.items():
        where = f"{relative(path)}: source '{sid}'"
        check_keys(where, entry, ["title", "by", "kind"], ["year", "url", "note", "file"])
        if entry["kind"] not in SOURCE_KINDS:
            raise DataError(f"{where}: 'kind' must be one of {', '.join(SOURCE_KINDS)}, got {entry['kind']!r}")
    return data


@lru_cache(maxsize=None)
def page_kinds(path: Path = DATA / "page_kinds.yml") -> dict[str, dict]:
    """What each kind of page must contain: its required section ids, in order."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not data:
        raise DataError(f"{relative(path)}: expected a mapping of page kinds")
    for kind, entry in data.items():
        where = f"{relative(path)}: kind '{kind}'"
        check_keys(where, entry, ["about"], ["sections", "article", "search_boost"])
        boost = entry.get("search_boost", 1)
        if isinstance(boost, bool) or not isinstance(boost, (int, float)) or boost <= 0:
            raise DataError(f"{where}: 'search_boost' must be a positive number, got {boost!r}")
        for section in entry.get("sections") or []:
            check_keys(f"{where}: section {section!r}", section, ["id", "title"])
    return data


SOURCE_KINDS = ("article", "book", "paper", "website", "helpline")
