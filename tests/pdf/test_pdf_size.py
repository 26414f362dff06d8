"""Small PDFs (macros/pdf.py, macros/cards/render.py): what makes them small is checked on real
renders, so a WeasyPrint upgrade or a style change that brings the bytes back fails here."""
from __future__ import annotations

import io
import re

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import StreamObject

from macros import pdf
from macros.cards import model as cards_model, render as cards_render
from macros.worksheets import pdf as worksheet_pdf
from tests.support import ROOT


def streams(reader: PdfReader):
    for number in range(1, len(reader.xref_objStm) + max(len(v) for v in reader.xref.values()) + 1):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if isinstance(obj, StreamObject):
            yield obj


def worksheet(content) -> PdfReader:
    sheet = content.worksheets["gratitude"]
    documents = worksheet_pdf.job(sheet, "Gratitude", "https://x.org/", content.helplines, content.worksheet_css,
                                  "/tmp").make_documents()
    return PdfReader(io.BytesIO(pdf.render(documents, forms=True)))


def test_a_worksheet_prints_its_text_in_the_field_font_and_embeds_no_second_regular_face(content):
    reader = worksheet(content)
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[1] for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts == {"Closer-Fields", "Closer-Fields-Bold"}, fonts
    text = reader.pages[0].extract_text()
    assert "Gratitude and appreciation" in text and "Once a day" in text, "the text still reads out"
    assert len(reader.get_fields()) == len(content.worksheets["gratitude"].field_names)


def test_embedded_fonts_keep_only_what_a_viewer_reads(content):
    files = [s for s in streams(worksheet(content)) if "/Length1" in s]
    assert len(files) == 2
    for data in (s.get_data() for s in files):
        font = TTFont(io.BytesIO(data))
        assert not set(pdf.UNREAD_FONT_TABLES) & set(font.keys()), sorted(font.keys())
        assert {n.nameID for n in font["name"].names} <= set(pdf.FONT_NAME_IDS)
        assert {"glyf", "loca", "hmtx", "cmap"} <= set(font.keys())


def test_drawings_are_written_short_and_still_name_their_resources():
    html = '<p style="border: 1px dashed #333; color: rgba(0, 0, 0, 0.8)">Hello there, Tavish</p>'
    reader = PdfReader(io.BytesIO(pdf.render((pdf.Document(html),))))
    page = reader.pages[0]
    data = page.get_contents().get_data()
    assert not re.search(rb"\d\.\d{4}", data), "numbers to three places"
    assert b"] TJ" in data and b">0<" not in data, "no zero spacing between glyph strings"
    names = set(re.findall(rb"/([\w.]+) gs", data))
    assert names and {n.decode() for n in names} <= {k.lstrip("/") for k in page["/Resources"]["/ExtGState"]}
    assert "Hello there, Tavish" in page.extract_text()


def test_deck_pdfs_draw_cut_lines_as_strokes_not_one_clip_per_dash(content):
    deck = next(iter(content.decks.values()))
    job = cards_render.job(content, deck, "/tmp")
    reader = PdfReader(io.BytesIO(pdf.render(job.make_documents())))
    for page in reader.pages:
        assert page.get_contents().get_data().count(b" re\n") < 200, "a clipping rectangle per dash is back"
    dashed = [s for s in streams(reader) if re.search(rb"\[[\d. ]+\] [\d.]+ d\b", s.get_data())]
    assert dashed, "the cut lines are dashed strokes"


def test_the_cut_lines_fit_the_card_grid_cards_css_sets():
    css = (ROOT / "docs" / "stylesheets" / "cards.css").read_text(encoding="utf-8")
    assert "grid-template-columns: 90mm 90mm;" in css and "grid-auto-rows: 76mm;" in css
    assert cards_model.CARDS_PER_SHEET == 6, "three rows of two: the grid's left line is 3 x 76 mm long"
    assert "646.8992" in cards_render.PDF_CUT_LINES and "255.1181" in cards_render.PDF_CUT_LINES
