"""The one PDF routine (macros/pdf.py) with WeasyPrint itself: slow to import and to render, so these
live outside the unit tier (`make test` runs them; `make test-fast` does not)."""
from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from macros import pdf
from macros.content.errors import DataError
from macros.worksheets import pdf as worksheet_pdf

def gratitude(content, tmp_path, sheet=None):
    sheet = sheet or content.worksheets["gratitude"]
    return worksheet_pdf.job(sheet, "Gratitude", "https://x.org/", content.helplines, content.worksheet_css, tmp_path / "site")


def test_the_pdf_fetcher_refuses_the_network():
    from weasyprint.urls import FatalURLFetchingError

    with pytest.raises(FatalURLFetchingError) as err:
        pdf.render((pdf.Document('<img src="https://example.org/a.png">'),))
    assert "refused 'https://example.org/a.png'" in str(err.value.__cause__)
    with pytest.raises(ValueError, match="refused"):
        pdf.local_only_fetcher().fetch("file:///etc/hostname")
    assert pdf.local_only_fetcher().fetch("data:text/plain,hi").url.startswith("data:")


def test_a_pdf_is_rendered_once_then_taken_from_the_cache(content, tmp_path):
    cache, job = tmp_path / "cache", gratitude(content, tmp_path)
    assert job.target == tmp_path / "site" / "worksheets" / "gratitude" / "gratitude.pdf"
    assert pdf.build([job], cache) == 1
    first = job.target.read_bytes()
    fields = PdfReader(io.BytesIO(first)).get_fields() or {}
    assert first.startswith(b"%PDF") and set(content.worksheets["gratitude"].field_ids) <= set(fields), "every field fillable"
    assert pdf.build([job], cache) == 0
    assert job.target.read_bytes() == first
    edited = replace(content.worksheets["gratitude"], title="Gratitude, edited")
    assert pdf.build([gratitude(content, tmp_path, edited)], cache) == 1
    assert len(list(cache.glob("gratitude.*.pdf"))) == 1, "the stale cached PDF was not removed"


def test_a_pdf_failure_names_the_worksheet(content, tmp_path, monkeypatch):
    def broken(documents, forms):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(pdf, "render", broken)
    with pytest.raises(DataError, match=r"^data/worksheets/gratitude.yml: worksheet 'gratitude': the PDF could not be made: RuntimeError: no fonts"):
        pdf.build([gratitude(content, tmp_path)], tmp_path / "c")
