"""Fillable PDFs of the worksheets: the same form and footer as the page, printed by macros/pdf.py."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from ..content.links import folder, public_url
from ..pdf import Document, Job
from ..practices.model import duration
from ..safety import helplines
from .model import Worksheet
from .page import SAFETY_TEXT, TEMPLATE_ENV, footer, form


def pdf_html(worksheet: Worksheet, practice_title: str, site_url: str, directory: helplines.Directory) -> str:
    return TEMPLATE_ENV.get_template("worksheet-pdf.html").render(
        w=worksheet,
        duration=duration(worksheet.minutes),
        practice_title=practice_title,
        safety_text=SAFETY_TEXT,
        safety_url=public_url(site_url, "safety/index.md"),
        form=Markup(form(worksheet, pdf=True)),
        footer=Markup(footer(worksheet, site_url, directory)),
    )


def document(worksheet: Worksheet, practice_title: str, site_url: str, directory: helplines.Directory, css: str) -> Document:
    return Document(pdf_html(worksheet, practice_title, site_url, directory), css)


def job(worksheet: Worksheet, practice_title: str, site_url: str, directory: helplines.Directory,
        css: str, site_dir: Path, directory_urls: bool = True) -> Job:
    """The fillable PDF next to the worksheet's page: /worksheets/<id>/<id>.pdf, or beside
    worksheets/<id>.html in the offline edition (`directory_urls` false)."""
    return Job(
        name=worksheet.id,
        documents=(document(worksheet, practice_title, site_url, directory, css),),
        target=Path(site_dir) / folder(worksheet.src_uri, directory_urls) / f"{worksheet.id}.pdf",
        what=f"{worksheet.file}: worksheet '{worksheet.id}': the PDF",
        forms=True,
    )
