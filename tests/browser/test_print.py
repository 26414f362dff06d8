"""Paper in Chromium: every worksheet prints within its declared pages on A4 and US Letter, empty and
with every field filled (two or three lines in each text field, ticks and a rating), every typed word
reaches the paper, no printed type is under 10 pt; a handout prints within its stated length without
its screen controls; the PDF links offer the reader's paper size first."""
from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from macros.content.links import public_url
from macros.therapists.hub import HANDOUT_PAGES
from macros.therapists.packets import read_target
from tests.support import open_sheet, project

SHEETS = list(project().worksheets.values())
CONCERNS = list(project().concerns)
PAPERS = ("A4", "Letter")
ANSWERS = ["We talked after dinner and it felt easier.", "I wanted to fix things instead of listening.",
           "Next time we could start before it gets late."]
CELL = "Tired, hopeful\nYou made tea"
# Every text field gets two or three lines (alternately), a day-table cell two short ones; every other
# tick box is ticked and each rating set to 4, as a couple would fill the sheet before printing it.
FILL = """([answers, cell]) => {
  const form = document.querySelector("form.ws-form");
  const fields = [...form.querySelectorAll("textarea:not(.ws-cell)")];
  const cells = [...form.querySelectorAll("textarea.ws-cell")];
  fields.forEach((t, i) => { t.value = (i % 2 ? answers.slice(0, 2) : answers).join("\\n"); });
  cells.forEach(t => { t.value = cell; });
  [...fields, ...cells].forEach(t => t.dispatchEvent(new Event("input", {bubbles: true})));
  form.querySelectorAll("input[type=checkbox]").forEach((c, i) => { c.checked = i % 2 === 0; });
  form.querySelectorAll("input[type=radio][value='4']").forEach(r => { r.checked = true; });
  return {three: fields.filter((t, i) => i % 2 === 0).length, fields: fields.length, cells: cells.length};
}"""
# The smallest computed font size of any printed text on the page, and where it is.
SMALLEST_TYPE = """(root) => {
  let small = {px: 1000, where: ""};
  for (const el of document.querySelectorAll(root + " *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < small.px) small = {px, where: el.tagName + "." + el.className + ": " + el.textContent.trim().slice(0, 40)};
  }
  return small;
}"""
TEN_PT = 10 * 96 / 72
SAFETY = public_url(project().site_url, "safety/index.md")


def printed(page, paper: str) -> PdfReader:
    """The page printed as the site prints it: print media, the paper size, the page's own CSS page rules."""
    return PdfReader(io.BytesIO(page.pdf(format=paper, prefer_css_page_size=True, print_background=True)))


def flat(reader: PdfReader) -> str:
    """The printed text, ligatures undone (Chromium prints "fi" as one glyph), whitespace folded."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages)))


@pytest.mark.parametrize("sheet", SHEETS, ids=[s.id for s in SHEETS])
def test_a_worksheet_prints_within_its_pages_empty_and_filled(page, base_url, sheet):
    open_sheet(page, base_url, sheet.id)
    page.emulate_media(media="print")
    counts = {}
    for paper in PAPERS:
        counts[f"empty {paper}"] = len(printed(page, paper).pages)
    shape = page.evaluate(FILL, [ANSWERS, CELL])
    for paper in PAPERS:
        reader = printed(page, paper)
        counts[f"filled {paper}"] = len(reader.pages)
        text = flat(reader)
        # Every answer shows in full: the last line of each three-line answer, and each cell's second line.
        assert text.count(ANSWERS[2]) == shape["three"], f"{sheet.id} on {paper}: a typed answer is cut off"
        assert text.count(ANSWERS[1]) == shape["fields"], f"{sheet.id} on {paper}: a typed answer is cut off"
        assert text.count("You made tea") == shape["cells"], f"{sheet.id} on {paper}: a table cell is cut off"
        assert SAFETY in reader.pages[-1].extract_text(), f"{sheet.id}: no footer on the last page"
    over = {k: v for k, v in counts.items() if v > sheet.pages}
    assert not over, f"{sheet.id}: declared {sheet.pages} page(s), printed {counts}"


def test_a_filled_sheet_that_outgrows_its_pages_is_caught(page, base_url):
    """Negative control: answers far longer than the lines given push the sheet past its declared page."""
    open_sheet(page, base_url, "daily-check-in")
    page.evaluate("t => document.querySelectorAll('form.ws-form textarea').forEach(el => { el.value = t; })",
                  "\n".join(ANSWERS * 6))
    page.emulate_media(media="print")
    assert len(printed(page, "A4").pages) > project().worksheets["daily-check-in"].pages


@pytest.mark.parametrize("sheet", SHEETS, ids=[s.id for s in SHEETS])
def test_no_printed_worksheet_type_is_under_10_pt(page, base_url, sheet):
    open_sheet(page, base_url, sheet.id)
    page.emulate_media(media="print")
    small = page.evaluate(SMALLEST_TYPE, "article")
    assert small["px"] >= TEN_PT - 0.01, f"{sheet.id}: {small['px'] * 72 / 96:.1f} pt: {small['where']}"


@pytest.mark.parametrize("concern", CONCERNS, ids=[c.id for c in CONCERNS])
def test_a_handout_prints_within_its_stated_pages_without_screen_controls(page, base_url, concern):
    page.goto(f"{base_url}{concern.packet.removesuffix('.md')}/")
    assert page.locator(".closer-packet-download").is_visible(), "the download line should show on screen"
    assert not page.locator(".closer-packet-address").first.is_visible(), "the read-first addresses are for paper"
    page.emulate_media(media="print")
    assert not page.locator(".closer-packet-download").is_visible(), "the download line prints"
    assert page.locator(".closer-packet-address").first.is_visible()
    small = page.evaluate(SMALLEST_TYPE, "article")
    assert small["px"] >= TEN_PT - 0.01, f"{concern.id}: {small['px'] * 72 / 96:.1f} pt: {small['where']}"
    for paper in PAPERS:
        reader = printed(page, paper)
        assert len(reader.pages) <= HANDOUT_PAGES, f"{concern.id} on {paper}: {len(reader.pages)} pages, stated {HANDOUT_PAGES}"
        text = flat(reader)
        assert "Download this handout" not in text
        for target in concern.read:
            address = public_url(project().site_url, read_target(target))
            assert address in text.replace(" ", ""), f"{concern.id} on {paper}: 'Read first' lacks {address}"


@pytest.mark.parametrize("locale, first", [("en-US", "letter"), ("en-CA", "letter"), ("es-US", "letter"),
                                           ("en-GB", "A4"), ("de-DE", "A4"), ("fr", "A4")])
def test_the_pdf_for_the_readers_paper_comes_first(browser, base_url, locale, first):
    context = browser.new_context(locale=locale)
    try:
        page = context.new_page()
        open_sheet(page, base_url, "gratitude")
        order = page.eval_on_selector_all("[data-ws-pdfs] a[data-ws-pdf]", "els => els.map(a => a.dataset.wsPdf)")
        assert order[0] == first and sorted(order) == ["A4", "letter"], f"{locale}: {order}"
    finally:
        context.close()
