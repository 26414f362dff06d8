"""Decks of conversation cards, one YAML file per deck in data/cards/, checked into Deck records.

Pure: the content model (macros/content/model.py) reads each file once and hands its parsed value here
with what a deck may refer to (the practices, data/sources.yml, the concerns); every mistake raises a
DataError with one sentence that names the file and the entry. A card's number is its place in the
file, and /cards/<deck>/#card-N is a published address, so cards are only ever added at the end.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..content.errors import DataError
from ..content.fields import check_keys, expect_bool, expect_list, expect_text, is_one_sentence, is_slug
from ..content.review import check_review_dates
from ..content.sources import Source, resolve

FOLDER = "data/cards"
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
    source: Source


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
    sources: tuple[Source, ...]
    cards: tuple[Card, ...]
    painful: bool = False
    idea: Idea | None = None
    concerns: tuple[str, ...] = ()

    @property
    def occasion(self) -> str:
        return OCCASIONS[self.when]

    @property
    def file(self) -> str:
        return f"{FOLDER}/{self.id}.yml"

    @property
    def src_uri(self) -> str:
        return f"cards/{self.id}.md"


def text(where: str, key: str, value: object) -> str:
    """Plain text (see expect_text) without braces: some deck text stands in Markdown paragraphs, where
    braces would be read as attribute lists ({: ...})."""
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


def _slugs(where: str, key: str, value: object, known: Iterable[str], what: str) -> tuple[str, ...]:
    known = frozenset(known)
    found = []
    for slug in expect_list(where, key, value):
        if not isinstance(slug, str) or slug not in known:
            raise DataError(f"{where}: '{key}' names {slug!r}, but that is not {what}")
        found.append(slug)
    return tuple(found)


def validate(file: str, deck_id: str, data: object, practices: Iterable[str], registry: Mapping[str, Source],
             concern_ids: Iterable[str], today: dt.date | None = None) -> Deck:
    """Check one deck file's parsed value (`file` as the writer sees it, 'data/cards/<id>.yml')."""
    where = f"{file}: deck '{deck_id}'"
    if not is_slug(deck_id):
        raise DataError(f"{where}: the file name must be lowercase letters, digits and hyphens, got {deck_id!r}")
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected a mapping of keys, got {type(data).__name__}")
    check_keys(where, data, REQUIRED, OPTIONAL)
    title = text(where, "title", data["title"])
    purpose = text(where, "purpose", data["purpose"])
    if not is_one_sentence(purpose):
        raise DataError(f"{where}: 'purpose' must be one sentence ending in a full stop, got {purpose!r}")
    linked = _slugs(where, "practices", data["practices"], practices, "a page in docs/practices/")
    if data["when"] not in OCCASIONS:
        raise DataError(f"{where}: 'when' must be one of {', '.join(OCCASIONS)}, got {data['when']!r}")
    check_review_dates(where, data["reviewed"], data["next_review"], today)
    cited = resolve(where, expect_list(where, "sources", data["sources"]), registry)
    painful = expect_bool(where, "painful", data.get("painful", False))
    idea = None
    if "idea" in data:
        check_keys(f"{where}: idea", data["idea"], ("text", "source"))
        source = data["idea"]["source"]
        if source not in [s.id for s in cited]:
            raise DataError(f"{where}: idea: 'source' must be one of the deck's sources, got {source!r}")
        idea = Idea(text(f"{where}: idea", "text", data["idea"]["text"]), registry[source])
    concerns = ()
    if "concerns" in data:
        concerns = _slugs(where, "concerns", data["concerns"], concern_ids, "a concern id in data/concerns.yml")
    seen: dict[str, int] = {}
    cards = tuple(_card(where, i, entry, seen) for i, entry in enumerate(expect_list(where, "cards", data["cards"]), 1))
    sheets, needed = data["sheets"], math.ceil(len(cards) / CARDS_PER_SHEET)
    if not isinstance(sheets, int) or isinstance(sheets, bool) or not needed <= sheets <= MAX_SHEETS:
        raise DataError(
            f"{where}: 'sheets' must be a whole number from {needed} (its {len(cards)} cards, "
            f"{CARDS_PER_SHEET} a sheet) to {MAX_SHEETS}, got {sheets!r}"
        )
    return Deck(deck_id, title, purpose, linked, data["when"], sheets, data["reviewed"], data["next_review"],
                cited, cards, painful, idea, concerns)


def in_order(decks: Iterable[Deck]) -> dict[str, Deck]:
    """Decks keyed by id, in the order of OCCASIONS and then by title (the cards index and the nav)."""
    ordered = sorted(decks, key=lambda d: (list(OCCASIONS).index(d.when), d.title.casefold()))
    return {d.id: d for d in ordered}


def for_practice(decks: Mapping[str, Deck], slug: str) -> list[Deck]:
    """The decks that go with a practice."""
    return [d for d in decks.values() if slug in d.practices]


def for_concern(decks: Mapping[str, Deck], concern) -> list[Deck]:
    """The decks that suit a concern: those that name it, and those of the practices it suggests."""
    return [d for d in decks.values() if concern.id in d.concerns or set(d.practices) & set(concern.practices)]
