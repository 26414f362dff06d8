"""Decks of conversation cards (macros/cards/model.py): the real decks from the content model, and each
mistake a deck file can hold stopping the build with one sentence that names the file and the entry."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import namedtuple

import pytest
import textstat

from macros.cards import model, render
from macros.content import model as content_model
from macros.content.errors import DataError
from tests.conftest import ROOT
from tests.support import project

Concern = namedtuple("Concern", "id practices")

DECKS = project().decks

GOOD = {
    "title": "Test deck",
    "purpose": "A deck for the tests.",
    "practices": ["gratitude"],
    "when": "morning",
    "sheets": 1,
    "reviewed": "2026-11-01",
    "next_review": "2027-11-01",
    "sources": ["seed-001"],
    "cards": [{"question": "What made you laugh today?"}, {"question": "What do you need?", "follow_up": "Say it."}],
}


def load(**changes) -> model.Deck:
    """Check a deck as the content model does, against the project's practices, sources and concerns."""
    content = project()
    data = {k: v for k, v in {**GOOD, **changes}.items() if v is not ...}
    for key in ("reviewed", "next_review"):
        if isinstance(data.get(key), str):
            data[key] = dt.date.fromisoformat(data[key])
    return model.validate("data/cards/test-deck.yml", "test-deck", data, frozenset(content.practices),
                          content.sources, frozenset(c.id for c in content.concerns))


def refused(**changes) -> str:
    with pytest.raises(DataError) as err:
        load(**changes)
    message = str(err.value)
    assert message.count("\n") == 0, message
    assert "data/cards/test-deck.yml: deck 'test-deck'" in message, message
    return message


def test_the_guide_has_at_least_eight_decks_of_at_least_24_cards():
    assert len(DECKS) >= 8
    short = {d.id: len(d.cards) for d in DECKS.values() if len(d.cards) < 24}
    assert not short, short


def test_a_good_deck_loads_with_numbered_cards():
    deck = load()
    assert [c.anchor for c in deck.cards] == ["card-1", "card-2"]
    assert deck.cards[1].follow_up == "Say it." and deck.cards[0].follow_up is None
    assert deck.occasion == model.OCCASIONS["morning"] and not deck.painful


def test_an_unknown_key_is_refused():
    assert "unknown key 'colour'" in refused(colour="red")


def test_an_unknown_key_on_a_card_is_refused():
    message = refused(cards=[{"question": "What now?", "answer": "Nothing."}])
    assert "card 1: unknown key 'answer'" in message


@pytest.mark.parametrize("card", [None, {}, {"question": ""}, {"question": "   "}])
def test_an_empty_card_is_refused(card):
    message = refused(cards=[{"question": "What now?"}, card])
    assert "card 2" in message and "empty" in message


def test_a_duplicate_card_is_refused_even_with_other_case_and_punctuation():
    message = refused(cards=[{"question": "What made you laugh today?"}, {"question": "what made you LAUGH today"}])
    assert "card 2: the question" in message and "is already card 1" in message


def test_a_practice_that_does_not_exist_is_refused():
    assert "'practices' names 'juggling'" in refused(practices=["gratitude", "juggling"])


@pytest.mark.parametrize("key, limit", [("question", model.MAX_QUESTION), ("follow_up", model.MAX_FOLLOW_UP)])
def test_card_text_longer_than_a_printed_card_holds_is_refused(key, limit):
    card = {"question": "What now?", key: "word " * (limit // 5) + "and more"}
    message = refused(cards=[card])
    assert f"card 1: '{key}' is" in message and f"more than the {limit} that fit on a printed card" in message


def test_text_at_the_limit_is_accepted():
    load(cards=[{"question": "q" * model.MAX_QUESTION, "follow_up": "f" * model.MAX_FOLLOW_UP}])


def test_braces_and_markup_are_refused():
    assert "braces" in refused(cards=[{"question": "What is {{ this }}?"}])
    assert "plain text" in refused(cards=[{"question": "What is <b>this</b>?"}])


def test_too_few_sheets_for_the_cards_are_refused():
    cards = [{"question": f"Question number {i}?"} for i in range(7)]
    assert "'sheets' must be a whole number from 2" in refused(cards=cards, sheets=1)


def test_other_mistakes_are_refused():
    assert "'when' must be one of" in refused(when="teatime")
    assert "'painful' must be true or false" in refused(painful="yes")
    assert "source" in refused(sources=["no-such-work"])
    assert "concern id" in refused(concerns=["no-such-concern"])
    assert "one sentence" in refused(purpose="Two sentences. Here is another.")
    assert "'source' must be one of the deck's sources" in refused(idea={"text": "An idea.", "source": "aron-1997"})
    assert "missing required key 'cards'" in refused(cards=...)


def test_a_deck_file_with_another_extension_is_refused(tmp_path):
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    (tmp_path / "data" / "cards" / "other.yaml").write_text("title: x\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^data/cards/other.yaml: a deck file must end in .yml"):
        content_model.load(tmp_path, "https://example.org/")


def test_no_question_appears_in_two_decks():
    seen, twice = {}, []
    for deck in DECKS.values():
        for card in deck.cards:
            key = re.sub(r"\W+", " ", card.question.casefold()).strip()
            if key in seen:
                twice.append(f"{deck.id} card {card.number} repeats {seen[key]}")
            seen[key] = f"{deck.id} card {card.number}"
    assert not twice, twice


@pytest.mark.parametrize("deck_id", sorted(DECKS))
def test_every_deck_reads_plainly(deck_id):
    deck = DECKS[deck_id]
    words = " ".join(f"{c.question} {c.follow_up or ''}" for c in deck.cards)
    assert textstat.flesch_reading_ease(words) >= 60
    assert textstat.flesch_reading_ease(f"{deck.purpose} {deck.idea.text if deck.idea else ''}") >= 60


def test_the_reading_check_can_fail():
    """Negative control: dense text scores under 60, so the check above means something."""
    dense = ("Interpersonal communicative reciprocity necessitates considerable metacognitive "
             "self-examination regarding unacknowledged attachment-related vulnerabilities.")
    assert textstat.flesch_reading_ease(dense) < 60


def test_decks_are_found_by_practice_and_by_concern():
    deck = DECKS["repair-after-a-fight"]
    assert deck in model.for_practice(DECKS, "calm-conflict-and-repair")
    assert deck not in model.for_practice(DECKS, "gratitude")
    assert deck in model.for_concern(DECKS, Concern("same-fight", ()))
    assert deck in model.for_concern(DECKS, Concern("other", ("calm-conflict-and-repair",)))
    assert deck not in model.for_concern(DECKS, Concern("other", ("gratitude",)))


def test_text_is_escaped_in_the_deck_and_on_the_sheets():
    deck = load(cards=[{"question": "Is 3 > 2 & 1 < 2?"}])
    for html in (render.deck_html(deck), render.sheets_html(deck, "https://example.org/")):
        assert "Is 3 &gt; 2 &amp; 1 &lt; 2?" in html and "3 > 2" not in html


def test_every_card_prints_its_deck_and_address():
    deck = load()
    html = render.sheets_html(deck, "https://example.org/guide/")
    assert html.count("example.org/guide/cards/test-deck/#card-") == len(deck.cards)
    assert html.count("Test deck · ") == len(deck.cards)


def test_a_citation_names_the_authors():
    sources = project().sources
    assert render.citation(sources["aron-1997"]) == "Aron and colleagues, 1997"
    assert render.citation(sources["gottman-silver-1999"]) == "Gottman and Silver, 1999"
