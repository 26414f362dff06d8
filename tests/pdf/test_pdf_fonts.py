"""Small fillable PDFs (macros/pdf.py): the fields use a cut-down font of their own, so the PDF does not
embed the whole of DejaVu Sans, and the fields still fill and keep what is typed."""
from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from macros import pdf
from macros.worksheets import pdf as worksheet_pdf


def rendered(content) -> bytes:
    sheet = content.worksheets["active-listening"]
    documents = worksheet_pdf.job(sheet, "Active listening", "https://x.org/", content.helplines, content.worksheet_css,
                                  "/tmp").make_documents()
    return pdf.render(documents, forms=True)


def test_fields_use_the_small_font_and_still_fill(content):
    data = rendered(content)
    reader = PdfReader(io.BytesIO(data))
    fonts = {str(f.get_object()["/BaseFont"]) for f in reader.trailer["/Root"]["/AcroForm"]["/DR"]["/Font"].values()}
    assert any(name.endswith("+Closer-Fields") for name in fonts), fonts
    assert len(data) <= 120_000, f"a worksheet PDF of {len(data)} bytes (the whole font embedded again?)"
    texts = [name for name, field in reader.get_fields().items() if field.get("/FT") == "/Tx"]
    assert texts, "the worksheet has text fields"
    writer = PdfWriter(clone_from=reader)
    writer.update_page_form_field_values(writer.pages[0], {texts[0]: "Café, déjà vu – “yes”"}, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    assert PdfReader(io.BytesIO(out.getvalue())).get_fields()[texts[0]]["/V"] == "Café, déjà vu – “yes”"


def test_the_field_font_holds_the_letters_it_promises():
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(pdf.field_font(str(pdf.field_font_file()))))
    assert set(pdf.FIELD_TEXT) <= set(font.getBestCmap()), "a promised letter is missing from the field font"
    assert len(font.getBestCmap()) < 500, "the field font is cut down"
