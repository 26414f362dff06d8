"""In Chromium: the copy-link button works from the keyboard, copies the public address with its
anchor and says so; without clipboard access it shows the link selected in a field; without scripts
it stays hidden; and an old address keeps the #anchor through its redirect."""
from __future__ import annotations

import pytest

from tests.support import PUBLIC as SITE

PAGE = "practices/mirroring/"
PUBLIC = SITE + PAGE


@pytest.fixture
def clipboard_page(context, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    yield page
    page.close()


def tab_to_copy_button(page, anchor: str):
    """Focus the heading's ¶ permalink, then Tab once: the next stop must be the copy button."""
    page.focus(f"h2#{anchor} a.headerlink")
    page.keyboard.press("Tab")
    # Visible once focused: the button fades in like Material's permalink.
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    return page.evaluate("[document.activeElement.matches('button.closer-copylink'),"
                         " document.activeElement.getAttribute('aria-label')]")


def test_the_keyboard_copies_the_section_address(clipboard_page, base_url):
    page = clipboard_page
    page.goto(base_url + PAGE)
    focused = tab_to_copy_button(page, "how-to-do-it")
    assert focused == [True, "Copy link to section: How to do it"]
    page.keyboard.press("Enter")
    status = page.locator(".closer-copylink-status[role=status][aria-live=polite]")
    status.filter(has_text="Link copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == PUBLIC + "#how-to-do-it"

    tab_to_copy_button(page, "pitfalls")
    page.keyboard.press("Space")
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.endsWith('#pitfalls'))")
    assert page.evaluate("navigator.clipboard.readText()") == PUBLIC + "#pitfalls"


def test_without_the_clipboard_the_link_is_shown_selected(page, base_url):
    page.add_init_script("""
        Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => Promise.reject(new Error('denied'))}});
        document.execCommand = () => false;
    """)
    page.goto(base_url + PAGE)
    tab_to_copy_button(page, "how-to-do-it")
    page.keyboard.press("Enter")
    field = page.locator("h2#how-to-do-it + .closer-copylink-fallback input")
    field.wait_for()
    assert field.input_value() == PUBLIC + "#how-to-do-it"
    assert page.evaluate("[document.activeElement === document.querySelector('.closer-copylink-fallback input'),"
                         " document.activeElement.selectionStart, document.activeElement.selectionEnd]") == [
        True, 0, len(PUBLIC + "#how-to-do-it")]
    page.locator(".closer-copylink-status").filter(has_text="Copy the selected link").wait_for()
    page.keyboard.press("Escape")
    assert field.count() == 0
    assert page.evaluate("document.activeElement.getAttribute('data-closer-anchor')") == "how-to-do-it"


def test_without_scripts_no_dead_button_shows(no_script_page, base_url):
    page = no_script_page
    page.goto(base_url + PAGE)
    assert page.locator("h2#how-to-do-it button.closer-copylink").count() == 1
    assert not page.locator("h2#how-to-do-it button.closer-copylink").is_visible()


def test_an_old_address_keeps_the_anchor_through_its_redirect(page, base_url):
    page.goto(base_url + "help/#helplines")
    page.wait_for_url("**/safety/#helplines")
    assert page.evaluate("location.hash") == "#helplines"
    assert page.locator("h2#helplines").is_visible()


def test_a_packet_prints_without_the_site_around_it(page, base_url):
    page.goto(base_url + "therapists/packets/same-fight/")
    page.locator("h2#mirroring button.closer-copylink").wait_for(state="visible")  # shown by the script
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   "h2#mirroring button.closer-copylink"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} shows in print"
    assert page.locator("section.closer-packet-practice ol li").first.is_visible()
    assert page.locator("text=https://closer-guide.org/practices/mirroring/#how-to-do-it").is_visible()
