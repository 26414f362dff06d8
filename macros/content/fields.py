"""The checks every data file and front matter share, written once: keys, text, lists, dates, whole
numbers, true/false, slugs and one-sentence text. Each raises a DataError whose sentence starts with
`where` (the file and the entry) and says what was expected and what was found."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable

from .errors import DataError

# A slug: lowercase letters and digits in words joined by single hyphens (an id, a file stem, an anchor).
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# What makes text markup: a tag, a comment or declaration, or a character entity. A text field holds
# words only; every template also escapes it on output, so this catches the mistake where it is made.
MARKUP = re.compile(r"<[a-zA-Z/!?]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
_NEXT_SENTENCE = re.compile(r"[.?!]\s+[A-Z]")


def is_slug(value: Any) -> bool:
    return isinstance(value, str) and SLUG.fullmatch(value) is not None


def slugify(text: str) -> str:
    """A slug made from words: 'United States' -> 'united-states' (anchors made from titles)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def is_one_sentence(text: str, endings: str = ".") -> bool:
    """Whether text is a single sentence ending in one of `endings`."""
    return text.endswith(tuple(endings)) and not _NEXT_SENTENCE.search(text)


def check_keys(where: str, entry: Any, required: Iterable[str], optional: Iterable[str] = ()) -> None:
    """Fail on a missing or empty required key, or an unknown one. `where` is 'file: entry'."""
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
    """Non-empty plain text: no HTML tags, comments or character entities (data fields are text, never markup)."""
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: '{key}' must be non-empty text, got {value!r}")
    if match := MARKUP.search(value):
        raise DataError(
            f"{where}: '{key}' must be plain text without HTML, found {match.group(0)!r} in {value!r}; "
            "write the words themselves (templates escape them)"
        )
    return value.strip()


def expect_texts(where: str, key: str, value: Any) -> tuple[str, ...]:
    """A non-empty list of plain texts, each named by its position if it is wrong."""
    return tuple(expect_text(f"{where}: {key}[{i}]", key, item) for i, item in enumerate(expect_list(where, key, value)))


def expect_list(where: str, key: str, value: Any) -> list:
    if not isinstance(value, list) or not value:
        raise DataError(f"{where}: '{key}' must be a non-empty list, got {value!r}")
    return value


def expect_date(where: str, key: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise DataError(f"{where}: '{key}' must be a date written YYYY-MM-DD, got {value!r}")
    return value


def expect_whole(where: str, key: str, value: Any, low: int, high: int) -> int:
    """A whole number from low to high (true and false are not numbers)."""
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise DataError(f"{where}: '{key}' must be a whole number from {low} to {high}, got {value!r}")
    return value


def expect_bool(where: str, key: str, value: Any, meaning: str = "true or false") -> bool:
    """True or false; `meaning` words the choice, e.g. 'true (a practice for two) or false (for one)'."""
    if not isinstance(value, bool):
        raise DataError(f"{where}: '{key}' must be {meaning}, got {value!r}")
    return value


def expect_slug(where: str, key: str, value: Any, example: str) -> str:
    if not is_slug(value):
        raise DataError(f"{where}: '{key}' must be a lowercase slug such as {example}, got {value!r}")
    return value
