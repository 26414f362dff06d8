"""In Chromium: the copy-link button works from the keyboard, copies the public address with its
anchor and says so; without clipboard access it shows the link selected in a field; without scripts
it stays hidden; and an old address keeps the #anchor through its redirect."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

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


# --- on a phone ---------------------------------------------------------------------------------

PHONE = {"width": 390, "height": 844}

# Each shown copy button: its size, and whether it shares a line with the last word of its heading
# (the middle of the button lies within the height of that word's last letter).
BUTTONS = """() => [...document.querySelectorAll('article button.closer-copylink')].filter(b => b.offsetParent).map(b => {
  const heading = b.closest('h2, h3, h4, h5, h6');
  const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
  let last = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent.trim() && !node.parentElement.closest('.headerlink, button')) last = node;
  }
  const end = last.textContent.trimEnd().length;
  const range = document.createRange();
  range.setStart(last, end - 1);
  range.setEnd(last, end);
  const word = range.getBoundingClientRect(), box = b.getBoundingClientRect();
  const middle = box.top + box.height / 2;
  return {id: heading.id, width: box.width, height: box.height,
          withWord: middle >= word.top && middle <= word.bottom};
})"""


@pytest.fixture
def phone(browser, base_url):
    ctx = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = ctx.new_page()
    yield page
    ctx.close()


@pytest.mark.parametrize("path", [PAGE, "barriers/defensive-behaviours/", "approaches/when-one-of-you-wants-to-leave/",
                                  "glossary/"])
def test_at_390_px_each_button_is_a_thumb_target_beside_the_last_word(phone, base_url, path):
    phone.goto(base_url + path)
    buttons = phone.evaluate(BUTTONS)
    assert len(buttons) >= 3
    small = [b for b in buttons if b["width"] < 24 or b["height"] < 24]
    alone = [b["id"] for b in buttons if not b["withWord"]]
    assert not small, f"copy buttons under 24 by 24 px: {small[:5]}"
    assert not alone, f"copy buttons on a line of their own: {alone}"


def test_the_line_check_notices_a_button_on_its_own_line(phone, base_url):
    """Negative control: a heading just wide enough for its words puts the button on the next line,
    unless the last word goes with it."""
    phone.goto(base_url + PAGE)
    phone.evaluate("""() => {
        const h = document.querySelector('h2#how-to-do-it');
        const words = document.createRange();
        words.setStart(h.firstChild, 0);
        words.setEnd(h.querySelector('.closer-heading-end').firstChild, 2);
        h.style.width = (words.getBoundingClientRect().width + 4) + 'px';
    }""")
    assert [b["withWord"] for b in phone.evaluate(BUTTONS) if b["id"] == "how-to-do-it"] == [True]
    phone.add_style_tag(content=".md-typeset .closer-heading-end { white-space: normal !important; }")
    assert [b["withWord"] for b in phone.evaluate(BUTTONS) if b["id"] == "how-to-do-it"] == [False]


def test_a_tap_copies_and_leaves_no_tooltip_behind(phone, base_url):
    phone.goto(base_url + PAGE)
    button = phone.locator("h2#how-to-do-it button.closer-copylink")
    assert button.get_attribute("title") is None
    assert button.get_attribute("aria-label") == "Copy link to section: How to do it"
    permalink = phone.locator("h2#how-to-do-it a.headerlink")
    assert permalink.get_attribute("title") is None
    assert permalink.get_attribute("aria-label") == "Link to section: How to do it"
    button.tap()
    status = phone.locator(".closer-copylink-status")
    expect(status).to_have_text("Link copied")
    expect(status).to_have_class(re.compile(r"\bis-visible\b"))
    assert phone.evaluate("navigator.clipboard.readText()") == PUBLIC + "#how-to-do-it"
    # The status goes away by itself, and nothing else stays over the text.
    expect(status).not_to_have_class(re.compile(r"\bis-visible\b"))
    expect(status).to_have_text("")


def test_the_glossary_letters_have_no_button_but_its_terms_do(page, base_url):
    page.goto(base_url + "glossary/")
    letters = page.locator("article h2[id^='letter-']")
    assert letters.count() >= 10
    assert page.locator("article h2[id^='letter-'] button.closer-copylink").count() == 0
    assert page.locator("article h3 button.closer-copylink").count() == page.locator("article h3[id]").count()
