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

# Each PDF comes in both paper sizes: A4 at its first address (/worksheets/<id>/<id>.pdf), US Letter
# next to it (<id>-letter.pdf). The value is the CSS page size and the file name's ending.
PAPERS = {"A4": "", "letter": "-letter"}


def file_name(stem: str, paper: str) -> str:
    """'gratitude.pdf' for A4, 'gratitude-letter.pdf' for US Letter."""
    return f"{stem}{PAPERS[paper]}.pdf"


def pdf_html(worksheet: Worksheet, practice_title: str, site_url: str, directory: helplines.Directory,
             paper: str = "A4") -> str:
    return TEMPLATE_ENV.get_template("worksheet-pdf.html").render(
        w=worksheet, paper=paper,
        duration=duration(worksheet.minutes),
        practice_title=practice_title,
        safety_text=SAFETY_TEXT,
        safety_url=public_url(site_url, "safety/index.md"),
        form=Markup(form(worksheet, pdf=True)),
        footer=Markup(footer(worksheet, site_url, directory)),
    )


def document(worksheet: Worksheet, practice_title: str, site_url: str, directory: helplines.Directory, css: str,
             paper: str = "A4") -> Document:
    return Document(pdf_html(worksheet, practice_title, site_url, directory, paper), css)


def job(worksheet: Worksheet, practice_title: str, site_url: str, directory: helplines.Directory,
        css: str, site_dir: Path, paper: str = "A4", directory_urls: bool = True) -> Job:
    """One fillable PDF next to the worksheet's page: /worksheets/<id>/<id>.pdf (A4) or <id>-letter.pdf,
    or beside worksheets/<id>.html in the offline edition (`directory_urls` false). Each paper size is a
    job of its own, so the cache keeps them apart."""
    name = file_name(worksheet.id, paper)
    return Job(
        name=name.removesuffix(".pdf"),
        documents=lambda: (document(worksheet, practice_title, site_url, directory, css, paper),),
        inputs=(worksheet, practice_title, site_url, directory, css, paper),  # the cache key: no HTML is made for it
        target=Path(site_dir) / folder(worksheet.src_uri, directory_urls) / name,
        what=f"{worksheet.file}: worksheet '{worksheet.id}': the {'A4' if paper == 'A4' else 'US Letter'} PDF",
        forms=True,
    )


def jobs(worksheet: Worksheet, practice_title: str, site_url: str, directory: helplines.Directory,
         css: str, site_dir: Path, directory_urls: bool = True) -> list[Job]:
    """The worksheet's PDFs, one per paper size."""
    return [job(worksheet, practice_title, site_url, directory, css, site_dir, paper, directory_urls) for paper in PAPERS]
