"""The quick exit in Chromium, on every page marked as about safety: it is in the header with its
"or press Esc" hint, Escape and a click both leave by replacing the history entry and sending no
referrer, Escape is left to Material's search dialog and to a term's open popover first, and at 390 px,
scrolled anywhere, the control sits over no text the reader could be reading.

The neutral site is never contacted: its host is answered by a local stub, and any other foreign
request is aborted and recorded (test_every_page.guard)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.safety_pages import REQUIRED, safety_pages
from tests.support import EXIT, PHONE

PAGES = safety_pages()
CONTROL = ".md-header [data-closer-quick-exit] a"

# Every box of text inside the page's reading areas that intersects the control's box, at each scroll
# position from the top to the bottom of the page. Text behind Material's opaque header bar has been
# scrolled past, so only the part of each line below the bar counts.
OVERLAPS = """([control, step]) => {
  const link = document.querySelector(control);
  const header = document.querySelector(".md-header");
  const roots = [...document.querySelectorAll(".md-banner, .md-main")];
  const texts = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) if (walker.currentNode.textContent.trim()) texts.push(walker.currentNode);
  }
  const hits = [], positions = [];
  const last = document.documentElement.scrollHeight - window.innerHeight;
  for (let y = 0; ; y = Math.min(y + step, last)) {
    window.scrollTo(0, y);
    positions.push(window.scrollY);
    const c = link.getBoundingClientRect();
    const bar = header.getBoundingClientRect().bottom;
    for (const node of texts) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        const top = Math.max(r.top, bar);
        if (r.width === 0 || r.bottom <= top) continue;
        if (r.left < c.right && r.right > c.left && top < c.bottom && r.bottom > c.top) {
          hits.push(`at scroll ${window.scrollY}: "${node.textContent.trim().slice(0, 40)}"`);
        }
      }
    }
    if (y >= last) break;
  }
  return {hits, positions};
}"""


def open_page(page, base_url, path):
    page.goto(base_url + path)
    expect(page.locator(CONTROL + " .closer-quick-exit__hint")).to_be_visible()


def test_the_pages_the_issue_names_are_marked_as_safety_pages():
    assert REQUIRED <= set(PAGES), f"not marked 'safety: true': {sorted(REQUIRED - set(PAGES))}"


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_every_safety_page_shows_the_quick_exit_and_says_esc_also_leaves(page, base_url, path):
    open_page(page, base_url, path)
    link = page.locator(CONTROL)
    expect(link).to_have_count(1)
    expect(link).to_be_visible()
    expect(link).to_contain_text("Leave quickly")
    expect(link).to_contain_text("or press Esc")
    expect(link).to_have_attribute("aria-keyshortcuts", "Escape")
    assert link.get_attribute("href") == EXIT
    assert "noreferrer" in link.get_attribute("rel").split()


def test_a_page_not_about_safety_has_the_exit_but_escape_keeps_its_meaning(page, base_url, exits):
    """Every page can be left at once by the button; only pages about safety give Escape that job, so a
    stray Escape on a worksheet or an article does not take the reader away."""
    page.goto(base_url + "foundations/trust/")
    expect(page.locator(CONTROL)).to_be_visible()
    expect(page.locator(CONTROL + " .closer-quick-exit__hint")).to_be_hidden()
    page.keyboard.press("Escape")
    assert not leaving(page)
    assert page.url == base_url + "foundations/trust/"
    before = page.evaluate("history.length")
    page.click(CONTROL)
    page.wait_for_url(EXIT)
    assert page.evaluate("history.length") == before and len(exits) == 1


def test_the_hint_needs_javascript(no_script_page, base_url):
    """Without JavaScript the link still leaves, but Escape does nothing, so the hint is not shown."""
    page = no_script_page
    page.goto(base_url + "safety/")
    expect(page.locator(CONTROL)).to_be_visible()
    expect(page.locator(CONTROL + " .closer-quick-exit__hint")).to_be_hidden()


def leaving(page) -> bool:
    """Whether the quick exit has started to leave: set synchronously by its key handler, so this is
    known as soon as the key press returns, before any navigation could be seen."""
    return page.evaluate("document.documentElement.hasAttribute('data-closer-leaving')")


def visit_then_open_safety(page, base_url, path="safety/"):
    """A page before the safety page, so there is history to go back to."""
    page.goto(base_url + "foundations/trust/")
    open_page(page, base_url, path)
    return page.evaluate("history.length")


def assert_left_cleanly(page, base_url, exits, length_before):
    page.wait_for_url(EXIT)
    expect(page.locator("p")).to_have_text("A neutral page.")
    assert page.evaluate("history.length") == length_before, "leaving added a history entry"
    assert len(exits) == 1 and "referer" not in exits[0].headers, f"a referrer was sent: {exits[0].headers}"
    page.go_back()
    page.wait_for_url(base_url + "foundations/trust/")


@pytest.mark.parametrize("path", ["safety/", "worksheets/time-to-get-help/", ""], ids=["safety", "worksheet", "home"])
def test_escape_leaves_replacing_the_history_entry_without_a_referrer(page, base_url, exits, path):
    before = visit_then_open_safety(page, base_url, path)
    page.keyboard.press("Escape")
    assert_left_cleanly(page, base_url, exits, before)


def test_clicking_leaves_the_same_way(page, base_url, exits):
    before = visit_then_open_safety(page, base_url)
    page.click(CONTROL)
    assert_left_cleanly(page, base_url, exits, before)


def test_escape_in_the_search_dialog_only_closes_it(page, base_url, exits):
    open_page(page, base_url, "safety/")
    search = page.locator("input.md-search__input")
    search.click()
    expect(search).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.type("hotline")
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    assert not leaving(page), "Escape left the page instead of closing the search dialog"
    page.keyboard.press("Escape")
    page.wait_for_url(EXIT)


def test_escape_on_an_open_term_popover_only_closes_it(page, base_url, exits):
    path = next(p for p in PAGES if p.startswith("approaches/"))
    open_page(page, base_url, path)
    term = page.locator("article a.closer-glossary-link").first
    term.click()
    popover = page.locator(".closer-term-popover[role=dialog]")
    expect(popover).to_be_visible()
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    assert not leaving(page), "Escape left the page instead of closing the term's popover"
    expect(term).to_be_focused()
    page.keyboard.press("Escape")
    page.wait_for_url(EXIT)


def overlaps(page, step=150):
    return page.evaluate(OVERLAPS, [CONTROL, step])


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_at_390_px_the_control_covers_no_text_while_scrolling(phone_page, base_url, path):
    page = phone_page
    open_page(page, base_url, path)
    result = overlaps(page)
    assert len(set(result["positions"])) > 3, f"the page did not scroll: {result['positions']}"
    assert result["hits"] == [], f"{path or 'home'}: text behind the quick exit: {result['hits'][:5]}"
    # It stays in reach at the bottom of the page, on top, and fits the bar beside Material's buttons.
    box = page.locator(CONTROL).bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.locator(".md-header").bounding_box()["height"] + 1
    centre = page.evaluate(
        "([x, y, sel]) => !!document.elementFromPoint(x, y).closest(sel)",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, CONTROL])
    assert centre, "something sits on top of the quick exit"
    buttons = page.locator(".md-header__button:visible, .md-header__option:visible").all()
    assert buttons, "no header buttons found to check against"
    for button in buttons:
        other = button.bounding_box()
        assert other["x"] + other["width"] <= box["x"] or other["x"] >= box["x"] + box["width"], \
            "the quick exit overlaps a header button"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the page scrolls sideways"


def test_the_overlap_check_sees_a_control_over_the_text(phone_page, base_url):
    """Negative control: the old design, a button pinned over the body text, is caught."""
    page = phone_page
    open_page(page, base_url, "safety/")
    page.add_style_tag(content=f"{CONTROL} {{ position: fixed; top: 7rem; right: 1rem; }}")
    assert overlaps(page)["hits"]
