"""Worksheet storage never loses an answer: a full or blocked storage, the same sheet in two tabs, and
a browser without JavaScript, each in Chromium."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.test_worksheets import PREFIX, fill_some
from tests.support import open_sheet

# Fills localStorage to its quota with filler, after the answers the test wrote first.
FILL_STORAGE = """
(() => {
  if (sessionStorage.getItem('filled')) return;
  const chunk = 'x'.repeat(512 * 1024);
  try { for (let i = 0; i < 40; i++) localStorage.setItem('filler:' + i, chunk); } catch (e) {}
  try { for (let i = 0; i < 4096; i++) localStorage.setItem('filler:small:' + i, 'x'.repeat(256)); } catch (e) {}
  sessionStorage.setItem('filled', '1');
})();
"""
BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
Object.defineProperty(window, 'sessionStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
"""


def test_a_full_storage_still_shows_saved_answers_and_says_when_a_save_fails(page, base_url):
    open_sheet(page, base_url)
    fill_some(page)
    page.add_init_script(FILL_STORAGE)
    page.reload()
    page.wait_for_selector("[data-ws-clear]:not([hidden])")
    assert page.input_value("#ws-noticed") == "We laughed more on Friday."
    assert page.is_checked("#ws-closeness-4")
    assert "will be lost" not in (page.text_content(".ws-status") or "")
    page.fill("#ws-week-5-1", "A long new answer " * 50)
    expect(page.locator(".ws-status")).to_contain_text("could not save")


def test_a_blocked_storage_hides_clear_keeps_print_and_says_so(page, base_url):
    page.add_init_script(BLOCK_STORAGE)
    page.goto(f"{base_url}worksheets/daily-check-in/")
    page.wait_for_selector("[data-ws-print]:not([hidden])")
    assert not page.locator("[data-ws-clear]").is_visible()
    assert page.locator("[data-ws-print]").is_visible()
    assert "will be lost when you leave" in page.text_content(".ws-status")


def test_without_javascript_print_and_clear_are_not_shown(no_script_page, base_url):
    page = no_script_page
    page.goto(f"{base_url}worksheets/daily-check-in/")
    assert page.locator("[data-ws-print]").count() == 1 and not page.locator("[data-ws-print]").is_visible()
    assert not page.locator("[data-ws-clear]").is_visible()
    assert page.locator("[data-ws-pdf]").is_visible()  # the PDF link works without a script


def test_the_same_sheet_in_two_tabs_shows_the_newest_answer_in_both(context, base_url):
    older, newer = context.new_page(), context.new_page()
    open_sheet(older, base_url)
    open_sheet(newer, base_url)
    newer.fill("#ws-noticed", "Written in the newer tab.")
    newer.check("#ws-closeness-2")
    expect(older.locator("#ws-noticed")).to_have_value("Written in the newer tab.")
    assert older.is_checked("#ws-closeness-2")
    # Typing elsewhere in the older tab no longer writes its stale text over the newer answer.
    older.fill("#ws-week-1-1", "Monday, from the older tab")
    newer.reload()
    newer.wait_for_selector("[data-ws-clear]:not([hidden])")
    assert newer.input_value("#ws-noticed") == "Written in the newer tab."
    assert newer.input_value("#ws-week-1-1") == "Monday, from the older tab"


def test_clear_in_one_tab_clears_the_other(context, base_url):
    first, second = context.new_page(), context.new_page()
    open_sheet(first, base_url)
    fill_some(first)
    open_sheet(second, base_url)
    assert second.input_value("#ws-noticed") == "We laughed more on Friday."
    first.once("dialog", lambda dialog: dialog.accept())
    first.click("[data-ws-clear]")
    expect(second.locator("#ws-noticed")).to_have_value("")
    assert not second.is_checked("#ws-closeness-4")
    assert second.evaluate("p => Object.keys(localStorage).filter(k => k.startsWith(p))", PREFIX) == []
