"""A rating in a PDF is one choice: WeasyPrint's radio group, tidied by macros/pdf.py so each point is a
widget of the group and not a field of its own."""
from __future__ import annotations

import io

from pypdf import PdfReader

from macros import pdf

HTML = """<form>{}</form>""".format("".join(
    f'<input type="radio" name="closeness" value="{n}" style="width:20pt;height:20pt">' for n in range(1, 6)))


def fields(data: bytes) -> list:
    return [ref.get_object() for ref in PdfReader(io.BytesIO(data)).trailer["/Root"]["/AcroForm"]["/Fields"]]


def test_a_radio_group_is_one_field_with_a_widget_per_choice():
    [group] = fields(pdf.render((pdf.Document(HTML),), forms=True))
    assert group["/T"] == "closeness" and group["/FT"] == "/Btn" and int(group["/Ff"]) & (1 << 15)
    kids = [k.get_object() for k in group["/Kids"]]
    assert len(kids) == 5 and not any("/T" in k for k in kids)


def test_without_the_tidy_each_choice_is_a_field_of_its_own():
    """Negative control: WeasyPrint alone lists the five points as fields too."""
    import weasyprint

    raw = weasyprint.HTML(string=HTML).write_pdf(pdf_forms=True)
    assert len(fields(raw)) == 6
