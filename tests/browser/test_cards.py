"""Conversation cards in Chromium at phone width: one card at a time, stepped through by tap, swipe and
arrow keys, drawn at random, shuffled and opened by address; favourites kept only in this browser under
the worksheet answers' rules; and each deck printed as cut-out cards within its declared sheets."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from macros.cards import model
from tests.support import project

DECKS = project().decks
DECK = "appreciation"
KEY = f"closer:worksheet:cards-{DECK}:favourites"
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    yield page
    ctx.close()


def open_deck(page, base_url, deck=DECK, hash=""):
    page.goto(f"{base_url}cards/{deck}/{hash}")
    page.wait_for_selector(".closer-deck--live .closer-card.is-current")


def shown(page) -> list[int]:
    """The numbers of the cards a reader can see."""
    return page.evaluate("""() => [...document.querySelectorAll('.closer-card')]
        .filter(c => c.offsetParent !== null).map(c => Number(c.id.slice(5)))""")


def swipe(page, dx: int):
    box = page.locator(".closer-card.is-current").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    cdp = page.context.new_cdp_session(page)
    start, end = x - dx / 2, x + dx / 2
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": start, "y": y}]})
    for i in range(1, 6):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": start + dx * i / 5, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_one_large_card_shows_at_a_time_and_fits_a_phone(phone, base_url):
    open_deck(phone, base_url)
    assert shown(phone) == [1]
    assert phone.locator("[data-deck-status]").inner_text() == f"Card 1 of {len(DECKS[DECK].cards)}"
    size = phone.evaluate("parseFloat(getComputedStyle(document.querySelector('.is-current .closer-card__question')).fontSize)")
    assert size >= 24
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_without_javascript_the_deck_is_a_plain_numbered_list(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False, **PHONE)
    page = ctx.new_page()
    page.goto(f"{base_url}cards/{DECK}/")
    assert page.locator("ol.closer-deck__cards > li:visible").count() == len(DECKS[DECK].cards)
    assert page.locator("[data-deck-next]:visible").count() == 0
    ctx.close()


def test_tapping_next_and_previous_steps_through_the_deck_and_the_address_follows(phone, base_url):
    open_deck(phone, base_url)
    phone.tap("[data-deck-next]")
    phone.tap("[data-deck-next]")
    assert shown(phone) == [3] and phone.evaluate("location.hash") == "#card-3"
    phone.tap("[data-deck-prev]")
    assert shown(phone) == [2] and phone.evaluate("location.hash") == "#card-2"
    phone.tap("[data-deck-prev]")
    phone.tap("[data-deck-prev]")
    assert shown(phone) == [len(DECKS[DECK].cards)], "Previous on the first card goes round to the last"


def test_arrow_keys_step_through_the_deck(phone, base_url):
    open_deck(phone, base_url)
    phone.keyboard.press("ArrowRight")
    phone.keyboard.press("ArrowRight")
    assert shown(phone) == [3]
    phone.keyboard.press("ArrowLeft")
    assert shown(phone) == [2]


def test_a_swipe_steps_through_the_deck(phone, base_url):
    open_deck(phone, base_url)
    swipe(phone, -200)
    assert shown(phone) == [2]
    swipe(phone, -200)
    assert shown(phone) == [3]
    swipe(phone, 200)
    assert shown(phone) == [2]


def test_a_short_drag_is_not_a_swipe(phone, base_url):
    """Negative control: a small movement (a tap that wobbles) leaves the card where it is."""
    open_deck(phone, base_url)
    swipe(phone, -20)
    assert shown(phone) == [1]


def test_draw_for_me_always_shows_another_card(phone, base_url):
    open_deck(phone, base_url)
    seen = [1]
    for _ in range(12):
        phone.tap("[data-deck-draw]")
        now = shown(phone)
        assert len(now) == 1 and now[0] != seen[-1]
        seen.append(now[0])
    assert len(set(seen)) > 2


def test_shuffle_deals_every_card_once_in_a_new_order(phone, base_url):
    open_deck(phone, base_url)
    phone.tap("[data-deck-shuffle]")
    assert "shuffled" in phone.locator("[data-deck-status]").inner_text()
    count = len(DECKS[DECK].cards)
    dealt = []
    for _ in range(count):
        dealt += shown(phone)
        phone.tap("[data-deck-next]")
    assert sorted(dealt) == list(range(1, count + 1))
    assert dealt != list(range(1, count + 1))


def test_a_card_opens_by_its_address(phone, base_url):
    open_deck(phone, base_url, hash="#card-12")
    assert shown(phone) == [12]
    assert phone.locator("[data-deck-status]").inner_text().startswith("Card 12 of")
    assert phone.locator("#card-12").is_visible() and phone.locator("#card-12").bounding_box()["y"] < 844
    phone.evaluate("location.hash = '#card-5'")
    phone.wait_for_function("document.querySelector('#card-5').classList.contains('is-current')")
    assert shown(phone) == [5]


def test_favourites_stay_in_this_browser_and_the_safety_page_erases_them(phone, base_url):
    open_deck(phone, base_url, hash="#card-3")
    phone.tap("[data-deck-favourite]")
    assert phone.evaluate(f"localStorage.getItem('{KEY}')") == "3"
    phone.reload()
    phone.wait_for_selector(".closer-card.is-current")
    assert phone.get_attribute("[data-deck-favourite]", "aria-pressed") == "true"
    phone.tap("[data-deck-next]")
    assert phone.get_attribute("[data-deck-favourite]", "aria-pressed") == "false"
    phone.tap("[data-deck-favourite]")
    phone.tap("[data-deck-only]")
    phone.tap("[data-deck-next]")
    phone.tap("[data-deck-next]")
    assert shown(phone) in ([3], [4])
    assert "favourites only" in phone.locator("[data-deck-status]").inner_text()
    phone.goto(f"{base_url}safety/")
    phone.once("dialog", lambda dialog: dialog.accept())
    phone.click("[data-closer-erase-all]")
    assert phone.evaluate(f"localStorage.getItem('{KEY}')") is None


def test_keep_only_until_the_tab_closes_moves_the_favourites_out_of_local_storage(phone, base_url):
    open_deck(phone, base_url, hash="#card-7")
    phone.tap("[data-deck-favourite]")
    phone.check("[data-deck-session-only]")
    assert phone.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert phone.evaluate(f"sessionStorage.getItem('{KEY}')") == "7"
    assert phone.evaluate("localStorage.getItem('closer:setting:session-only')") == "1"


@pytest.mark.parametrize("deck_id", sorted(DECKS))
def test_each_deck_prints_as_cut_out_cards_within_its_sheets_on_a4_and_letter(page, base_url, deck_id):
    deck = DECKS[deck_id]
    page.goto(f"{base_url}cards/{deck_id}/")
    page.emulate_media(media="print")
    overflowing = page.evaluate("""() => [...document.querySelectorAll('.closer-printcard')]
        .filter(c => c.scrollHeight > c.clientHeight + 1).map(c => c.textContent.trim().slice(0, 60))""")
    assert not overflowing, f"{deck_id}: text runs off these cards: {overflowing}"
    assert page.locator(".closer-printcard:visible").count() == len(deck.cards)
    assert page.locator(".closer-deck:visible").count() == 0
    # Control: a card whose text is too long for it is caught by the check above.
    page.evaluate("document.querySelector('.closer-printcard__question').textContent = 'word '.repeat(80)")
    assert page.evaluate("(c => c.scrollHeight > c.clientHeight + 1)(document.querySelector('.closer-printcard'))")
    page.reload()
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        pages = len(PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False))).pages)
        assert pages <= deck.sheets, f"{deck_id} on {paper}: {pages} pages, declared {deck.sheets}"
        assert pages == -(-len(deck.cards) // model.CARDS_PER_SHEET)
