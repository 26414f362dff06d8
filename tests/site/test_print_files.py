"""The printable files in the built site: every worksheet and handout as an A4 and a US Letter PDF,
each in its own paper size; a rating is one radio group (single choice) with tap targets of 20 pt or
more; a handout's own part keeps to its stated length; PDF titles are clean; the hub links the PDFs
and every handout prints its "Read first" addresses in full."""
from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.therapists.concerns import PACKETS
from macros.content.links import public_url
from macros.therapists.hub import HANDOUT_PAGES
from macros.therapists.packets import read_target
from tests.support import project

CONTENT = project()
SHEETS = list(CONTENT.worksheets.values())
CONCERNS = list(CONTENT.concerns)
# The page size in points: A4 is 595.28 x 841.89, US Letter 612 x 792.
PAPERS = {"": (595.3, 841.9), "-letter": (612.0, 792.0)}
RADIO = 1 << 15
TARGET = 20.0


def size(page) -> tuple[float, float]:
    box = page.mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def fields(reader: PdfReader) -> list:
    return [ref.get_object() for ref in reader.trailer["/Root"]["/AcroForm"]["/Fields"]]


def rect(widget) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    return abs(x1 - x0), abs(y1 - y0)


def rating_problems(reader: PdfReader, sheet) -> list[str]:
    """What is wrong with the sheet's ratings in the PDF: each must be one radio field, by its id, with
    a kid widget per point (no names of their own, so no point is a field by itself), each 20 pt square."""
    by_name = {str(f.get("/T")): f for f in fields(reader)}
    problems = []
    for field in (f for s in sheet.sections for f in s.fields if f.type == "rating"):
        group = by_name.get(field.id)
        if group is None:
            problems.append(f"no field named {field.id!r}")
            continue
        kids = [k.get_object() for k in group.get("/Kids", [])]
        if group.get("/FT") != "/Btn" or not int(group.get("/Ff", 0)) & RADIO:
            problems.append(f"{field.id}: not a radio button group ({group.get('/FT')}, flags {group.get('/Ff')})")
        if len(kids) != field.scale:
            problems.append(f"{field.id}: {len(kids)} choices for a scale of {field.scale}")
        problems += [f"{field.id}: choice {i + 1} has a name of its own" for i, k in enumerate(kids) if "/T" in k]
        problems += [f"{field.id}: choice {i + 1} is {rect(k)[0]:.0f}x{rect(k)[1]:.0f} pt"
                     for i, k in enumerate(kids) if min(rect(k)) < TARGET - 0.1]
    return problems


@pytest.mark.parametrize("end", PAPERS, ids=["A4", "Letter"])
@pytest.mark.parametrize("sheet", SHEETS, ids=[s.id for s in SHEETS])
def test_every_worksheet_pdf_is_on_its_paper_with_single_choice_ratings_and_big_targets(site, sheet, end):
    reader = PdfReader(site.root / "worksheets" / sheet.id / f"{sheet.id}{end}.pdf")
    assert {size(p) for p in reader.pages} == {PAPERS[end]}
    assert not rating_problems(reader, sheet), rating_problems(reader, sheet)
    boxes = [f for f in fields(reader) if f.get("/FT") == "/Btn" and not int(f.get("/Ff", 0)) & RADIO]
    small = [f"{f['/T']}: {rect(f)[0]:.0f}x{rect(f)[1]:.0f} pt" for f in boxes if min(rect(f)) < TARGET - 0.1]
    assert not small, f"{sheet.id}: tick boxes under {TARGET} pt: {small[:3]}"
    assert reader.metadata.title == f"{sheet.title}: a Closer worksheet"


def test_the_rating_check_catches_tick_boxes(site):
    """Negative control: a sheet whose ratings are read against a PDF without them is caught."""
    sheet = CONTENT.worksheets["daily-check-in"]
    reader = PdfReader(site.root / "worksheets" / "barriers-checklist" / "barriers-checklist.pdf")
    assert rating_problems(reader, sheet) == ["no field named 'closeness'"]


@pytest.mark.parametrize("end", PAPERS, ids=["A4", "Letter"])
@pytest.mark.parametrize("concern", CONCERNS, ids=[c.id for c in CONCERNS])
def test_every_handout_pdf_keeps_its_stated_length_on_its_paper_with_a_clean_title(site, concern, end):
    folder = site.root / PACKETS / concern.id
    reader = PdfReader(folder / f"{concern.id}{end}.pdf")
    assert {size(p) for p in reader.pages} == {PAPERS[end]}
    sheets = list(dict.fromkeys(w for w in (CONTENT.worksheet_of(CONTENT.practices[s]) for s in concern.practices) if w))
    worksheet_pages = sum(len(PdfReader(site.root / "worksheets" / w.id / f"{w.id}{end}.pdf").pages) for w in sheets)
    own = len(reader.pages) - worksheet_pages
    assert 1 <= own <= HANDOUT_PAGES, f"{concern.id}{end}: the handout takes {own} pages, stated {HANDOUT_PAGES}"
    title = reader.metadata.title
    assert title == f"{concern.words.rstrip('.')}: a Closer handout" and ".:" not in title, title


@pytest.mark.parametrize("concern", CONCERNS, ids=[c.id for c in CONCERNS])
def test_every_handout_page_offers_both_pdfs_and_prints_its_read_first_addresses(site, concern):
    page = Path(PACKETS) / concern.id / "index.html"
    soup = site.soup(page)
    links = [a["href"] for a in soup.select(".closer-packet-download a[download]")]
    assert links == [f"{concern.id}.pdf", f"{concern.id}-letter.pdf"]
    addresses = [span.get_text(strip=True) for span in soup.select("article .closer-packet-address")]
    expected = [f"({public_url(CONTENT.site_url, read_target(t))})" for t in concern.read]
    assert addresses == expected
    assert f"on {HANDOUT_PAGE_WORD} pages or fewer" in soup.select_one("article").get_text(" ")


HANDOUT_PAGE_WORD = {2: "two", 3: "three", 4: "four", 5: "five"}[HANDOUT_PAGES]


def test_the_hub_links_each_handout_pdf_and_states_its_length(site):
    hub = Path("therapists/index.html")
    soup = site.soup(hub)
    for concern in CONCERNS:
        block = soup.find(id=concern.id).find_next("ul")
        pdfs = [a for a in block.select("a[href$='.pdf']")]
        assert [a.get_text() for a in pdfs] == ["A4", "US Letter"], concern.id
        for a in pdfs:
            target = (site.root / "therapists" / a["href"]).resolve()
            assert target.is_file(), f"{concern.id}: {a['href']} is no file"
        assert f"a handout of up to {HANDOUT_PAGE_WORD} pages" in block.get_text(" ")
    assert "one printable page" not in soup.get_text(" ") and "one-page handout" not in soup.get_text(" ")
