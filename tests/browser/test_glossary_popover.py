"""Glossary terms explain themselves in place (docs/javascripts/glossary-popover.js): a tap, click, Enter
or Space on a term opens a small dialog with the term, its definition and a link to its glossary entry;
Escape, a second tap, a tap outside or focus moving on closes it. The definition comes with the page,
so opening asks the server for nothing, and without scripts the term is a plain link to the glossary."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

PAGE = "barriers/defensive-behaviours/"
TERM = "article a.closer-glossary-link"
POPOVER = ".closer-term-popover"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, base_url):
    ctx = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = ctx.new_page()
    page.goto(base_url + PAGE)
    yield page
    ctx.close()


def term_data(term) -> dict:
    return term.evaluate("a => ({term: a.dataset.closerTerm, definition: a.dataset.closerDefinition,"
                         " href: a.href, expanded: a.getAttribute('aria-expanded')})")


def test_a_tap_opens_the_definition_and_escape_closes_it_at_390_px(phone):
    term = phone.locator(TERM).first
    data = term_data(term)
    assert data["term"] and data["definition"].endswith(".") and "/glossary/#" in data["href"]
    assert data["expanded"] == "false"
    term.tap()
    popover = phone.locator(POPOVER)
    expect(popover).to_be_visible()
    assert popover.get_attribute("role") == "dialog"
    assert phone.locator(f"{POPOVER}__term").inner_text().casefold() == data["term"].casefold()
    assert phone.locator(f"{POPOVER}__definition").inner_text() == data["definition"]
    more = popover.get_by_role("link", name="More in the glossary")
    assert more.evaluate("a => a.href") == data["href"]
    assert term.get_attribute("aria-expanded") == "true"
    # The dialog is named by its term and described by its definition, and holds the focus.
    assert phone.evaluate("""() => {
        const box = document.activeElement;
        return [box.matches('.closer-term-popover'),
                document.getElementById(box.getAttribute('aria-labelledby')).textContent,
                document.getElementById(box.getAttribute('aria-describedby')).textContent];
    }""") == [True, phone.locator(f"{POPOVER}__term").inner_text(), data["definition"]]
    assert term.get_attribute("aria-controls") == popover.get_attribute("id")
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"the popover leaves the screen: {box}"

    phone.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    expect(term).to_be_focused()
    assert term.get_attribute("aria-expanded") == "false"
    assert phone.url.endswith(PAGE), "the tap followed the link instead of opening the definition"


def test_a_tap_outside_or_a_second_tap_closes_it(phone):
    term = phone.locator(TERM).first
    popover = phone.locator(POPOVER)
    term.tap()
    expect(popover).to_be_visible()
    phone.locator("article h1").tap()
    expect(popover).to_be_hidden()

    term.tap()
    expect(popover).to_be_visible()
    popover.locator(f"{POPOVER}__definition").tap()  # a tap inside keeps it: it can be read and selected
    expect(popover).to_be_visible()
    term.tap()
    expect(popover).to_be_hidden()
    assert phone.url.endswith(PAGE)


def test_another_term_moves_the_popover_to_it(phone):
    first, second = phone.locator(TERM).nth(0), phone.locator(TERM).nth(1)
    first.tap()
    second.tap()
    expect(phone.locator(POPOVER)).to_have_count(1)
    assert phone.locator(f"{POPOVER}__definition").inner_text() == second.get_attribute("data-closer-definition")
    assert [first.get_attribute("aria-expanded"), second.get_attribute("aria-expanded")] == ["false", "true"]


def test_the_keyboard_opens_walks_and_closes_it(page, base_url):
    page.goto(base_url + PAGE)
    term = page.locator(TERM).first
    term.focus()
    assert term.evaluate("a => [a.getAttribute('role'), a.getAttribute('aria-haspopup')]") == ["button", "dialog"]
    page.keyboard.press("Enter")
    popover = page.locator(POPOVER)
    expect(popover).to_be_visible()
    expect(popover).to_be_focused()
    page.keyboard.press("Tab")
    expect(popover.get_by_role("link", name="More in the glossary")).to_be_focused()
    page.keyboard.press("Tab")
    expect(popover.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    expect(term).to_be_focused()

    before = page.evaluate("window.scrollY")
    page.keyboard.press("Space")  # opens it, and does not scroll the page as Space on a link would
    expect(popover).to_be_visible()
    assert page.evaluate("window.scrollY") == before
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the Close button
    expect(popover).to_be_hidden()
    expect(term).to_be_focused()

    # Tab onward from the dialog goes on through the text, and the dialog closes behind it.
    page.keyboard.press("Enter")
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(popover).to_be_hidden()
    assert page.evaluate("!document.activeElement.closest('.closer-term-popover')")


def test_a_click_with_the_mouse_opens_it_and_the_glossary_link_leads_to_the_entry(page, base_url):
    page.goto(base_url + PAGE)
    term = page.locator(TERM).first
    slug = term.get_attribute("href").split("#")[1]
    term.click()
    popover = page.locator(POPOVER)
    expect(popover).to_be_visible()
    page.mouse.move(1, 1)  # leaving with the pointer keeps it: it waits for the reader
    expect(popover).to_be_visible()
    popover.get_by_role("link", name="More in the glossary").click()
    page.wait_for_url(f"**/glossary/#{slug}")


def test_opening_a_definition_asks_the_server_for_nothing(page, base_url):
    page.goto(base_url + PAGE, wait_until="networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    for index in range(3):
        page.locator(TERM).nth(index).click()
        expect(page.locator(POPOVER)).to_be_visible()
    assert requests == []


def test_no_hover_tooltip_doubles_the_popover(page, base_url):
    page.goto(base_url + PAGE)
    assert page.locator(f"{TERM}[title]").count() == 0
    page.locator(TERM).first.hover()
    page.wait_for_timeout(700)
    expect(page.locator(POPOVER)).to_be_hidden()


def test_without_scripts_a_term_is_a_link_to_the_glossary(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(base_url + PAGE)
    term = page.locator(TERM).first
    assert term.get_attribute("role") is None and term.get_attribute("aria-expanded") is None
    slug = term.get_attribute("href").split("#")[1]
    term.click()
    page.wait_for_url(f"**/glossary/#{slug}")
    ctx.close()


def test_a_modified_click_still_follows_the_link(page, base_url, context):
    """Negative control for the click handler: Ctrl+click is the reader's, not ours."""
    page.goto(base_url + PAGE)
    with context.expect_page() as opened:
        page.locator(TERM).first.click(modifiers=["Control"])
    opened.value.wait_for_load_state()
    assert "/glossary/" in opened.value.url
    expect(page.locator(POPOVER)).to_be_hidden()
