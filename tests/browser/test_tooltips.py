"""Glossary terms explain themselves in place: Material's tooltip shows the short definition when the
reader hovers over a term or reaches it with the keyboard."""
from __future__ import annotations

from tests.support import next_frames

ACTIVE = ".md-tooltip2--active"
TERM = "article a.closer-glossary-link[title]"


def test_hover_shows_the_definition_and_leaving_hides_it(page, base_url):
    page.goto(base_url + "foundations/trust/")
    term = page.locator(TERM).first
    definition = term.get_attribute("title")
    term.hover()
    tip = page.locator(ACTIVE)
    tip.wait_for(state="visible")
    assert tip.inner_text().strip() == definition
    page.mouse.move(1, 1)
    page.wait_for_function(f"() => !document.querySelector('{ACTIVE}')")


def test_keyboard_focus_shows_the_definition(page, base_url):
    page.goto(base_url + "barriers/unhealthy-communication/", wait_until="networkidle")
    # Material moves a title into its tooltip once shown, so read the definitions first.
    definitions = page.eval_on_selector_all(TERM, "els => Object.fromEntries(els.map(e => [e.href, e.title]))")
    page.mouse.move(1, 1)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")  # "Skip to content"
    page.wait_for_function("() => location.hash !== ''")
    for _ in range(60):  # Tab to the first glossary term, as a keyboard reader would
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('closer-glossary-link')"):
            break
    definition = definitions.get(page.evaluate("() => document.activeElement.href"))
    assert definition, "no glossary term reached by Tab"
    tip = page.locator(ACTIVE)
    tip.wait_for(state="visible")
    assert tip.inner_text().strip() == definition


def test_a_link_without_a_definition_shows_no_tooltip(page, base_url):
    """Negative control: the tooltip comes from the term's title, not from any link. Material shows a
    tooltip on the animation frame after the pointer arrives, so two frames after the hover it would be
    there; the term hovered after it, with the same wait, shows that the wait is long enough."""
    page.goto(base_url + "foundations/trust/")
    link = page.locator("article a[href]:not([title]):not(.headerlink)").first
    link.hover()
    next_frames(page)
    assert page.locator(ACTIVE).count() == 0
    assert link.get_attribute("aria-describedby") is None
    page.locator(TERM).first.hover()
    next_frames(page)
    assert page.locator(ACTIVE).count() == 1
