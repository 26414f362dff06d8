"""Decks of conversation cards, one YAML file per deck in data/cards/, checked when loaded.

Pure: reads files and returns frozen dataclasses; every mistake raises DataError with one sentence that
names the file and the entry. A card's number is its place in the file, and /cards/<deck>/#card-N is a
published address, so cards are only ever added at the end.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data import DATA, ROOT, DataError, check_keys, expect_list, expect_text, read_yaml, relative, sources
from ..review import check_review_dates

FOLDER = DATA / "cards"
PRACTICES = ROOT / "docs" / "practices"
CONCERNS = DATA / "concerns.yml"

# When a deck suits, in the order the cards index lists them.
OCCASIONS = {
    "morning": "In the morning",
    "mealtime": "Over a meal",
    "end-of-day": "After a long or hard day",
    "evening": "On an unhurried evening",
    "weekend": "On a slow weekend",
    "apart": "When you are apart",
    "calm-moment": "In a calm moment, never mid-argument",
}
REQUIRED = ("title", "purpose", "practices", "when", "sheets", "reviewed", "next_review", "sources", "cards")
OPTIONAL = ("painful", "idea", "concerns")
CARD_KEYS = ("question",), ("follow_up",)
# A printed card is 90 by 76 mm: this many characters fit in its large type, with the deck name and address.
MAX_QUESTION = 110
MAX_FOLLOW_UP = 90
CARDS_PER_SHEET = 6
MAX_SHEETS = 10
_BRACES = re.compile(r"[{}]")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Card:
    number: int
    question: str
    follow_up: str | None

    @property
    def anchor(self) -> str:
        return f"card-{self.number}"


@dataclass(frozen=True)
class Idea:
    """The published idea a deck follows (its questions are our own), with the source that names it."""
    text: str
    source: str


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    purpose: str
    practices: tuple[str, ...]
    when: str
    sheets: int
    reviewed: dt.date
    next_review: dt.date
    sources: tuple[str, ...]
    cards: tuple[Card, ...]
    painful: bool = False
    idea: Idea | None = None
    concerns: tuple[str, ...] = ()

    @property
    def occasion(self) -> str:
        return OCCASIONS[self.when]

    @property
    def file(self) -> str:
        return f"data/cards/{self.id}.yml"


def text(where: str, key: str, value: object) -> str:
    """Plain text (see expect_text) without braces, which the page templates would read as their own."""
    value = expect_text(where, key, value)
    if _BRACES.search(value):
        raise DataError(f"{where}: '{key}' must not contain braces {{ or }}, found them in {value!r}")
    return value


def _card(where: str, number: int, entry: object, seen: dict[str, int]) -> Card:
    where = f"{where}: card {number}"
    if entry is None or entry == {} or entry == "":
        raise DataError(f"{where} is empty; expected a 'question' (and an optional 'follow_up')")
    if isinstance(entry, str):
        raise DataError(f"{where}: expected 'question: {entry}' (a mapping), found the bare text {entry!r}")
    check_keys(where, entry, *CARD_KEYS)
    question = text(where, "question", entry["question"])
    follow_up = text(where, "follow_up", entry["follow_up"]) if entry.get("follow_up") is not None else None
    for key, value, limit in (("question", question, MAX_QUESTION), ("follow_up", follow_up, MAX_FOLLOW_UP)):
        if value and len(value) > limit:
            raise DataError(
                f"{where}: '{key}' is {len(value)} characters, more than the {limit} that fit on a printed card; "
                "shorten it or split it into two cards"
            )
    same = re.sub(r"\W+", " ", question.casefold()).strip()
    if same in seen:
        raise DataError(f"{where}: the question {question!r} is already card {seen[same]}; each card must be new")
    seen[same] = number
    return Card(number, question, follow_up)


def _slugs(where: str, key: str, value: object, exists, what: str) -> tuple[str, ...]:
    found = []
    for slug in expect_list(where, key, value):
        if not isinstance(slug, str) or not exists(slug):
            raise DataError(f"{where}: '{key}' names {slug!r}, but that is not {what}")
        found.append(slug)
    return tuple(found)


@lru_cache(maxsize=None)
def concern_ids(path: Path = CONCERNS) -> frozenset[str]:
    data = read_yaml(path)
    return frozenset(c["id"] for c in data if isinstance(c, dict) and "id" in c) if isinstance(data, list) else frozenset()


def validate(path: Path, data: object) -> Deck:
    """Check one deck file and return the deck."""
    deck_id = Path(path).stem
    where = f"{relative(path)}: deck '{deck_id}'"
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected a mapping of keys, got {type(data).__name__}")
    if not _SLUG.match(deck_id):
        raise DataError(f"{where}: the file name must be lowercase letters, digits and hyphens, got {deck_id!r}")
    check_keys(where, data, REQUIRED, OPTIONAL)
    title = text(where, "title", data["title"])
    purpose = text(where, "purpose", data["purpose"])
    if not purpose.endswith(".") or re.search(r"[.?!]\s+[A-Z]", purpose):
        raise DataError(f"{where}: 'purpose' must be one sentence ending in a full stop, got {purpose!r}")
    practices = _slugs(where, "practices", data["practices"],
                       lambda s: s != "index" and (PRACTICES / f"{s}.md").is_file(), "a page in docs/practices/")
    if data["when"] not in OCCASIONS:
        raise DataError(f"{where}: 'when' must be one of {', '.join(OCCASIONS)}, got {data['when']!r}")
    check_review_dates(where, data["reviewed"], data["next_review"])
    cited = _slugs(where, "sources", data["sources"], lambda s: s in sources(), "an id in data/sources.yml")
    painful = data.get("painful", False)
    if not isinstance(painful, bool):
        raise DataError(f"{where}: 'painful' must be true or false, got {painful!r}")
    idea = None
    if "idea" in data:
        check_keys(f"{where}: idea", data["idea"], ("text", "source"))
        idea = Idea(text(f"{where}: idea", "text", data["idea"]["text"]), data["idea"]["source"])
        if idea.source not in cited:
            raise DataError(f"{where}: idea: 'source' must be one of the deck's sources, got {idea.source!r}")
    concerns = ()
    if "concerns" in data:
        concerns = _slugs(where, "concerns", data["concerns"], lambda s: s in concern_ids(), "a concern id in data/concerns.yml")
    seen: dict[str, int] = {}
    cards = tuple(_card(where, i, entry, seen) for i, entry in enumerate(expect_list(where, "cards", data["cards"]), 1))
    sheets, needed = data["sheets"], math.ceil(len(cards) / CARDS_PER_SHEET)
    if not isinstance(sheets, int) or isinstance(sheets, bool) or not needed <= sheets <= MAX_SHEETS:
        raise DataError(
            f"{where}: 'sheets' must be a whole number from {needed} (its {len(cards)} cards, "
            f"{CARDS_PER_SHEET} a sheet) to {MAX_SHEETS}, got {sheets!r}"
        )
    return Deck(deck_id, title, purpose, practices, data["when"], sheets, data["reviewed"], data["next_review"],
                cited, cards, painful, idea, concerns)


def load(path: Path) -> Deck:
    return validate(Path(path), read_yaml(path))


@lru_cache(maxsize=None)
def load_all(folder: Path = FOLDER) -> dict[str, Deck]:
    """Every deck, keyed by id, in the order of OCCASIONS and then by title."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    strays = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".yml" and not p.name.startswith("."))
    if strays:
        raise DataError(f"{relative(strays[0])}: a deck file must end in .yml, found {strays[0].name!r}; rename it")
    decks = sorted((load(p) for p in sorted(folder.glob("*.yml"))),
                   key=lambda d: (list(OCCASIONS).index(d.when), d.title.casefold()))
    return {d.id: d for d in decks}


def for_practice(slug: str, decks: dict[str, Deck] | None = None) -> list[Deck]:
    """The decks that go with a practice."""
    return [d for d in (load_all() if decks is None else decks).values() if slug in d.practices]


def for_concern(concern: dict, decks: dict[str, Deck] | None = None) -> list[Deck]:
    """The decks that suit a concern: those that name it, and those of the practices it suggests."""
    return [d for d in (load_all() if decks is None else decks).values()
            if concern["id"] in d.concerns or set(d.practices) & set(concern.get("practices") or ())]
