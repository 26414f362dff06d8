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


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning syntax errors into a DataError naming the file and line."""
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except FileNotFoundError:
        raise DataError(f"{relative(path)}: file not found") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise DataError(f"{relative(path)}: not valid YAML{where}: {getattr(err, 'problem', err)}") from None


def check_keys(where: str, entry: dict, required: Iterable[str], optional: Iterable[str] = ()) -> None:
    """Fail on a missing required key or an unknown one. `where` is 'file: entry'."""
    required, allowed = list(required), set(required) | set(optional)
    if not isinstance(entry, dict):
        raise DataError(f"{where}: expected a mapping of keys, got {type(entry).__name__} {entry!r}")
    for key in required:
        if key not in entry or entry[key] in (None, "", [], {}):
            raise DataError(f"{where}: missing required key '{key}'")
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
