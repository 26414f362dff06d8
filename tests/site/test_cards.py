"""Conversation cards in the built site: a page per deck that is a plain numbered list without
JavaScript, every card at its own address, a PDF per deck within its declared sheets, and links from
the cards index, the practices, the therapists' hub and search."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.cards import model
from tests.support import project

CONTENT = project()
DECKS = CONTENT.decks
IDS = sorted(DECKS)


def deck_page(site, deck_id):
    return site.soup(Path("cards") / deck_id / "index.html")


@pytest.mark.parametrize("deck_id", IDS)
def test_a_deck_page_lists_every_card_in_order_at_its_own_address(site, deck_id):
    deck, soup = DECKS[deck_id], deck_page(site, deck_id)
    items = soup.select("section.closer-deck > ol.closer-deck__cards > li")
    assert [li["id"] for li in items] == [f"card-{n}" for n in range(1, len(deck.cards) + 1)]
    for li, card in zip(items, deck.cards):
        assert li.select_one(".closer-card__question").get_text(strip=True) == card.question
        follow = li.select_one(".closer-card__follow-up")
        assert (follow.get_text(strip=True) if follow else None) == card.follow_up
        assert li.select_one(f'a[href="#{card.anchor}"]') is not None
    # Without JavaScript the controls stay hidden and the list is all there is.
    assert all(el.has_attr("hidden") for el in soup.select("[data-deck-controls], [data-deck-favourites]"))


@pytest.mark.parametrize("deck_id", IDS)
def test_a_deck_has_its_facts_its_sources_and_its_printed_sheets(site, deck_id):
    deck, soup = DECKS[deck_id], deck_page(site, deck_id)
    assert soup.select_one("article h1").get_text(strip=True).startswith(deck.title)
    assert soup.select_one(".closer-deck-purpose").get_text(strip=True) == deck.purpose
    sheets = soup.select(".closer-cardsheets .closer-cardsheet")
    assert len(sheets) <= deck.sheets
    cards = soup.select(".closer-cardsheets .closer-printcard")
    assert len(cards) == len(deck.cards)
    assert all(f"cards/{deck_id}/#card-" in c.select_one(".closer-printcard__address").get_text() for c in cards)
    assert all(deck.title in c.select_one(".closer-printcard__deck").get_text() for c in cards)
    assert soup.select_one(f'a[href="{deck_id}.pdf"][download]') is not None
    if deck.idea:
        assert deck.idea.text in soup.select_one(".closer-deck-idea").get_text()
        assert soup.select_one(".closer-sources").get_text(" ").count(str(deck.idea.source.year))


@pytest.mark.parametrize("deck_id", IDS)
def test_a_painful_deck_carries_the_safety_line(site, deck_id):
    line = deck_page(site, deck_id).select_one(".closer-safe-to-open-up")
    assert (line is not None) == DECKS[deck_id].painful
    if line is not None:
        assert line.select_one('a[href$="safety/"]') is not None


def test_the_check_for_the_safety_line_sees_both_kinds_of_deck():
    """Negative control: some decks are painful and some are not, so the test above checks both ways."""
    assert {d.painful for d in DECKS.values()} == {True, False}


@pytest.mark.parametrize("deck_id", IDS)
def test_every_deck_has_a_pdf_with_its_cards_within_its_sheets(site, deck_id):
    deck = DECKS[deck_id]
    reader = PdfReader(site.root / "cards" / deck_id / f"{deck_id}.pdf")
    assert 1 <= len(reader.pages) <= deck.sheets
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages]
    assert all(re.search(r"https?://\S+/safety/", text) for text in pages), "a sheet lacks the safety address"
    text = " ".join(pages)
    for card in deck.cards:
        assert f"#{card.anchor}" in text.replace(" ", "")
    assert re.sub(r"\W", "", deck.cards[-1].question) in re.sub(r"\W", "", text)


def test_the_cards_index_lists_every_deck_by_practice_and_by_time_of_day(site):
    soup = site.soup(Path("cards/index.html"))
    for part in ("by-practice", "by-time"):
        heading = soup.find(id=part)
        following = []
        for el in heading.find_next_siblings():
            if el.name == "h2":
                break
            following += [a["href"] for a in el.find_all("a", href=True)]
        for deck_id in IDS:
            assert f"{deck_id}/" in following, f"{part} does not list {deck_id}"
    for deck in DECKS.values():
        assert soup.find(id=f"when-{deck.when}") is not None


def test_every_practice_a_deck_belongs_to_says_try_the_cards(site):
    practices = {p for d in DECKS.values() for p in d.practices}
    for slug in practices:
        summary = site.soup(Path("practices") / slug / "index.html").select_one(".closer-practice-summary")
        text = summary.get_text(" ")
        assert "Try the" in text and "cards" in text, slug
        hrefs = {a["href"] for a in summary.find_all("a", href=True)}
        for deck in model.for_practice(DECKS, slug):
            assert f"../../cards/{deck.id}/" in hrefs, f"{slug} does not link {deck.id}"


def test_a_practice_without_a_deck_shows_no_cards_line(site):
    """Negative control: the line is there because of the decks, not on every practice."""
    without = [slug for slug in CONTENT.practices if not model.for_practice(DECKS, slug)]
    assert without
    summary = site.soup(Path("practices") / without[0] / "index.html").select_one(".closer-practice-summary")
    assert "Try the" not in summary.get_text(" ")


def test_the_therapists_hub_lists_the_decks_for_each_concern(site):
    soup = site.soup(Path("therapists/index.html"))
    listed = 0
    for concern in CONTENT.concerns:
        block = soup.find(id=concern.id).find_next_sibling("ul")
        hrefs = {a["href"] for a in block.find_all("a", href=True)}
        for deck in model.for_concern(DECKS, concern):
            assert f"../cards/{deck.id}/" in hrefs, f"{concern.id} does not list {deck.id}"
            listed += 1
    assert listed >= len(DECKS)


def test_decks_are_in_search_with_their_purpose_as_the_snippet_and_the_cards_left_out(site):
    docs = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    for deck in DECKS.values():
        entry = by_location[f"cards/{deck.id}/"]
        assert entry["text"].startswith(f"<p>{deck.purpose}</p>"), entry["text"][:200]
        everything = " ".join(d["text"] for d in docs if d["location"].startswith(f"cards/{deck.id}/"))
        assert deck.cards[0].question not in everything
        assert "Favourites are kept" not in everything


def test_the_glossary_linker_leaves_card_text_alone(site):
    forms = sorted({f.lower() for t in CONTENT.terms for f in t.forms}, key=len, reverse=True)
    with_terms = 0
    for deck_id in IDS:
        soup = deck_page(site, deck_id)
        for card in soup.select(".closer-deck li, .closer-printcard"):
            text = card.get_text(" ").lower()
            if any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text) for f in forms):
                with_terms += 1
            assert not [a for a in card.find_all("a") if "glossary" in a.get("href", "")], f"{deck_id}: {card}"
    # Control: some card text uses a glossary term, so the linker would have linked it.
    assert with_terms > 0
