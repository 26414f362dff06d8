"""Answers on a shared device, in Chromium: every worksheet says next to its fields who could see the
answers; "don't keep my answers on this device" keeps them in this tab only; the safety page erases
every worksheet's answers at once and says how many; and the quick exit erases them on the way out
only when the reader asked for it. Nothing here needs the network: the neutral site is a local stub."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.support import EXIT, open_sheet, project

SHEETS = list(project().worksheets.values())
assert SHEETS, "no worksheets found to test"
ANSWERS = "closer:worksheet:"
SESSION_ONLY = "input[data-closer-session-only]"
ERASE_ON_EXIT = "input[data-closer-erase-on-exit]"
ERASE_ALL = "[data-closer-erase-all]"
DEVICE_STATUS = "[data-closer-device-status]"

# Keys under Closer's answer prefix, in localStorage and in sessionStorage.
STORED = """prefix => ({
  local: Object.keys(localStorage).filter(k => k.startsWith(prefix)).sort(),
  session: Object.keys(sessionStorage).filter(k => k.startsWith(prefix)).sort(),
})"""


def stored(page) -> dict[str, list[str]]:
    return page.evaluate(STORED, ANSWERS)


def fill_daily(page):
    page.fill("#ws-noticed", "We laughed more on Friday.")
    page.check("#ws-closeness-4")


def fill_first_box(page, text="Something private"):
    page.locator("form.ws-form textarea").first.fill(text)


def test_every_worksheet_says_next_to_its_fields_who_could_see_the_answers(page, base_url):
    problems = []
    for sheet in SHEETS:
        page.goto(f"{base_url}worksheets/{sheet.id}/")
        note = page.locator(".ws-tools .ws-privacy")
        if not note.is_visible():
            problems.append(f"{sheet.id}: no privacy note")
            continue
        text = " ".join(note.inner_text().split())
        for words in ("Who could see your answers?", "saved in this browser, on this device",
                      "Anyone who can use this browser could open this page and read it"):
            if words not in text:
                problems.append(f"{sheet.id}: the note lacks {words!r}")
        link = note.locator("a[href]")
        if link.count() != 1 or not link.evaluate("a => a.href").endswith("/safety/#online-safety"):
            problems.append(f"{sheet.id}: the note does not link to /safety/#online-safety")
        # Next to its fields: the tools come right before the instructions and the form.
        if not page.evaluate("() => !!(document.querySelector('.ws-tools').compareDocumentPosition("
                             "document.querySelector('form.ws-form')) & Node.DOCUMENT_POSITION_FOLLOWING)"):
            problems.append(f"{sheet.id}: the note is not before the fields")
        if not page.locator(SESSION_ONLY).is_visible():
            problems.append(f"{sheet.id}: no 'don't keep my answers' choice")
    assert not problems, "\n".join(problems)


def test_the_online_safety_link_lands_on_its_section(page, base_url):
    open_sheet(page, base_url)
    page.click(".ws-privacy a")
    page.wait_for_url("**/safety/#online-safety")
    expect(page.locator("#online-safety")).to_be_in_viewport()


def test_session_only_keeps_answers_in_this_tab_and_nowhere_else(page, context, browser, base_url):
    open_sheet(page, base_url)
    page.check(SESSION_ONLY)
    expect(page.locator(".ws-status")).to_contain_text("kept only until you close this tab")
    expect(page.locator('[data-ws-mode="tab"]')).to_be_visible()
    expect(page.locator('[data-ws-mode="device"]')).to_be_hidden()
    fill_daily(page)
    assert stored(page) == {"local": [], "session": [ANSWERS + "daily-check-in:closeness",
                                                     ANSWERS + "daily-check-in:noticed"]}
    # The same tab keeps them across a reload...
    page.reload()
    expect(page.locator("#ws-noticed")).to_have_value("We laughed more on Friday.")
    # ...a new tab on the same device does not have them, though the choice itself is remembered...
    other = context.new_page()
    open_sheet(other, base_url)
    expect(other.locator(SESSION_ONLY)).to_be_checked()
    expect(other.locator("#ws-noticed")).to_have_value("")
    assert stored(other) == {"local": [], "session": []}
    other.close()
    # ...and neither does a new browser profile.
    fresh = browser.new_context()
    try:
        third = fresh.new_page()
        open_sheet(third, base_url)
        expect(third.locator("#ws-noticed")).to_have_value("")
        expect(third.locator(SESSION_ONLY)).not_to_be_checked()
    finally:
        fresh.close()


def test_by_default_answers_stay_on_the_device_for_the_next_tab(page, context, base_url):
    """Control for the test above: without the choice, a new tab does see the answers."""
    open_sheet(page, base_url)
    expect(page.locator(SESSION_ONLY)).not_to_be_checked()
    fill_daily(page)
    assert len(stored(page)["local"]) == 2
    other = context.new_page()
    open_sheet(other, base_url)
    expect(other.locator("#ws-noticed")).to_have_value("We laughed more on Friday.")


def test_choosing_session_only_takes_saved_answers_off_the_device_and_back(page, base_url):
    open_sheet(page, base_url)
    fill_daily(page)
    open_sheet(page, base_url, "gratitude")
    fill_first_box(page)
    page.check(SESSION_ONLY)
    after = stored(page)
    assert after["local"] == [] and len(after["session"]) == 3, after
    expect(page.locator("form.ws-form textarea").first).to_have_value("Something private")
    page.uncheck(SESSION_ONLY)
    expect(page.locator(".ws-status")).to_contain_text("saved on this device again")
    after = stored(page)
    assert after["session"] == [] and len(after["local"]) == 3, after


def test_erase_all_removes_every_worksheets_answers_and_says_how_many(page, base_url):
    open_sheet(page, base_url)
    fill_daily(page)
    open_sheet(page, base_url, "gratitude")
    fill_first_box(page)
    page.goto(base_url + "safety/")
    # An answer kept in this tab only, and things that are not answers, which must stay.
    page.evaluate("""() => {
      sessionStorage.setItem("closer:worksheet:mirroring:heard", "kept in this tab");
      localStorage.setItem("closer:setting:erase-on-exit", "1");
      localStorage.setItem("not-closer", "keep me");
    }""")
    assert len(stored(page)["local"]) == 3 and len(stored(page)["session"]) == 1
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    page.click(ERASE_ALL)
    expect(page.locator(DEVICE_STATUS)).to_have_text("Erased your answers to 3 worksheets from this device.")
    assert "every Closer worksheet" in messages[0]
    assert stored(page) == {"local": [], "session": []}
    assert page.evaluate("[localStorage.getItem('not-closer'), localStorage.getItem('closer:setting:erase-on-exit')]") \
        == ["keep me", "1"]
    open_sheet(page, base_url)
    expect(page.locator("#ws-noticed")).to_have_value("")


def test_erase_all_says_when_there_was_nothing_to_erase(page, base_url):
    page.goto(base_url + "safety/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(ERASE_ALL)
    expect(page.locator(DEVICE_STATUS)).to_have_text(
        "There were no saved answers on this device, so there was nothing to erase.")


def test_erase_all_can_be_cancelled(page, base_url):
    open_sheet(page, base_url)
    fill_daily(page)
    page.goto(base_url + "safety/")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click(ERASE_ALL)
    expect(page.locator(DEVICE_STATUS)).to_have_text("Nothing was erased.")
    assert len(stored(page)["local"]) == 2


def test_without_javascript_the_choices_and_buttons_are_not_shown(no_script_page, base_url):
    page = no_script_page
    page.goto(base_url + "safety/")
    expect(page.locator("#online-safety")).to_be_visible()
    for selector in (ERASE_ALL, ERASE_ON_EXIT, SESSION_ONLY, ".closer-device"):
        expect(page.locator(selector)).to_be_hidden()
    page.goto(base_url + "worksheets/daily-check-in/")
    expect(page.locator(".ws-privacy")).to_be_visible()
    for selector in ("[data-ws-print]", "[data-ws-clear]", SESSION_ONLY):
        expect(page.locator(selector)).to_be_hidden()


def test_with_javascript_the_safety_page_shows_the_choices(page, base_url):
    """Control for the test above: the same selectors are visible when the script runs."""
    page.goto(base_url + "safety/")
    for selector in (ERASE_ALL, ERASE_ON_EXIT, SESSION_ONLY):
        expect(page.locator(selector)).to_be_visible()
    expect(page.locator(ERASE_ON_EXIT)).not_to_be_checked()


def leave_with_escape(page, base_url, path="safety/"):
    if page.url != base_url + path:
        page.goto(base_url + path)
    expect(page.locator("[data-closer-quick-exit] .closer-quick-exit__hint")).to_be_visible()
    page.keyboard.press("Escape")
    page.wait_for_url(EXIT)


def test_leaving_quickly_keeps_the_answers_unless_asked(page, base_url, exits):
    open_sheet(page, base_url)
    fill_daily(page)
    leave_with_escape(page, base_url)
    page.goto(base_url + "safety/")
    assert len(stored(page)["local"]) == 2, "the quick exit erased answers though the choice was off"


def test_leaving_quickly_erases_every_answer_when_asked(page, base_url, exits):
    open_sheet(page, base_url)
    fill_daily(page)
    open_sheet(page, base_url, "time-to-get-help")
    page.locator("form.ws-form input[type=checkbox]").first.check()
    page.goto(base_url + "safety/")
    page.check(ERASE_ON_EXIT)
    expect(page.locator(DEVICE_STATUS)).to_contain_text("Leaving quickly will now erase")
    # Leave from the worksheet itself, with the field still focused.
    open_sheet(page, base_url, "time-to-get-help")
    page.locator("form.ws-form textarea").first.fill("what I fear")
    leave_with_escape(page, base_url, "worksheets/time-to-get-help/")
    page.goto(base_url + "safety/")
    assert stored(page) == {"local": [], "session": []}
    expect(page.locator(ERASE_ON_EXIT)).to_be_checked()
