"""Worksheets in Chromium: answers survive a reload and can be cleared, nothing leaves the device, and
the printout shows only the worksheet, typed answers included, within its declared pages."""
from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from tests.support import open_sheet, project

SHEETS = list(project().worksheets.values())
assert SHEETS, "no worksheets found to test"
PREFIX = "closer:worksheet:daily-check-in:"
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-banner",
          ".md-search", ".ws-tools", "[data-ws-print]", "[data-ws-clear]", ".closer-page-meta"]


def fill_some(page):
    page.fill("#ws-noticed", "We laughed more on Friday.")
    page.fill("#ws-week-3-1", "Tired but hopeful")
    page.check("#ws-closeness-4")


def saved_keys(page) -> list[str]:
    return page.evaluate("prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix))", PREFIX)


def test_answers_are_restored_after_a_reload(page, base_url):
    open_sheet(page, base_url)
    fill_some(page)
    assert set(saved_keys(page)) == {PREFIX + "noticed", PREFIX + "week-3-1", PREFIX + "closeness"}
    page.reload()
    page.wait_for_selector("[data-ws-clear]:not([hidden])")
    assert page.input_value("#ws-noticed") == "We laughed more on Friday."
    assert page.input_value("#ws-week-3-1") == "Tired but hopeful"
    assert page.is_checked("#ws-closeness-4") and not page.is_checked("#ws-closeness-3")


def test_a_fresh_visit_starts_empty(page, base_url):
    """Negative control: without saved answers the fields are empty, so the reload test means something."""
    open_sheet(page, base_url)
    assert page.input_value("#ws-noticed") == ""
    assert saved_keys(page) == []


def test_clear_my_answers_removes_them_from_the_page_and_the_device(page, base_url):
    open_sheet(page, base_url)
    fill_some(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-ws-clear]")
    assert page.input_value("#ws-noticed") == "" and not page.is_checked("#ws-closeness-4")
    assert saved_keys(page) == []
    page.reload()
    page.wait_for_selector("[data-ws-clear]:not([hidden])")
    assert page.input_value("#ws-week-3-1") == ""


def test_clearing_can_be_cancelled(page, base_url):
    open_sheet(page, base_url)
    fill_some(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-ws-clear]")
    assert page.input_value("#ws-noticed") == "We laughed more on Friday."
    assert len(saved_keys(page)) == 3


def test_nothing_leaves_the_device(page, context, base_url):
    host = urlsplit(base_url).netloc
    elsewhere = []
    page.on("request", lambda r: elsewhere.append(r.url) if urlsplit(r.url).netloc not in (host, "") else None)
    open_sheet(page, base_url)
    fill_some(page)
    page.reload()
    page.wait_for_selector("[data-ws-clear]:not([hidden])")
    assert elsewhere == []
    assert context.cookies() == []


def test_print_shows_only_the_worksheet(page, base_url):
    open_sheet(page, base_url)
    for selector in CHROME:
        assert page.locator(selector).first.is_visible(), f"{selector} should be visible on screen"
    page.emulate_media(media="print")
    for selector in CHROME:
        assert not page.locator(selector).first.is_visible(), f"{selector} is visible in print"
    for selector in (".ws-title", "form.ws-form", ".ws-print-footer .ws-qr svg", ".ws-url"):
        assert page.locator(selector).first.is_visible(), f"{selector} is missing from print"
    colour = page.eval_on_selector(".ws-title", "el => getComputedStyle(el).color")
    assert colour == "rgb(0, 0, 0)"


def test_typed_answers_reach_the_paper(page, base_url):
    open_sheet(page, base_url)
    words = " ".join(["A long answer that needs more room than two ruled lines give it."] * 6) + " ENDMARK"
    page.fill("#ws-noticed", words)
    page.emulate_media(media="print")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert "ENDMARK" in text.replace("\n", " ")


@pytest.mark.parametrize("sheet", SHEETS, ids=[s.id for s in SHEETS])
def test_the_printout_fits_its_declared_pages_on_a4_and_letter(page, base_url, sheet):
    open_sheet(page, base_url, sheet.id)
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        pages = len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages)
        assert pages <= sheet.pages, f"{sheet.id} on {paper}: {pages} pages vs {sheet.pages} declared"
