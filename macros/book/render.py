"""The book as one HTML document, printed by macros/pdf.py on A4 and US Letter."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..content.errors import DataError
from ..content.model import Content
from ..pdf import Document, Job
from ..safety import contact
from . import html as chapter_html
from .chapters import Chapter

HERE = Path(__file__).resolve().parent
TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined,
)
PAPER = {"A4": ("A4", "closer-guide"), "Letter": ("letter", "closer-guide-letter")}


def built_file(site: Path, chapter: Chapter) -> Path:
    return Path(site) / chapter.site_path.strip("/") / "index.html"


def chapters_html(content: Content, chapters: list[Chapter], site: Path) -> list[tuple[Chapter, Markup]]:
    """Each chapter's article from the built site, rewritten for the book; a missing one stops with its name."""
    targets = {c.site_path: c.id for c in chapters}
    out = []
    for chapter in chapters:
        path = built_file(site, chapter)
        page = path.read_text(encoding="utf-8") if path.is_file() else ""
        body = chapter_html.article(page)
        if body is None:
            raise DataError(
                f"{path}: the book needs the chapter {chapter.title!r} (docs/{chapter.src_uri}), but the built site has "
                "no article there; build the site first (make build)"
            )
        out.append((chapter, Markup(chapter_html.chapter_html(body, chapter.id, chapter.site_path, targets, content.site_url))))
    return out


def book_html(content: Content, chapters: list[Chapter], site: Path, paper: str, built: dt.date) -> str:
    size, _ = PAPER[paper]
    parts: list[tuple[str, list[Chapter]]] = []
    for chapter in chapters:
        if not parts or parts[-1][0] != chapter.part:
            parts.append((chapter.part, []))
        parts[-1][1].append(chapter)
    return TEMPLATES.get_template("book.html").render(
        size=size, site_url=content.site_url, built=built, parts=parts,
        chapters=chapters_html(content, chapters, site),
        safety=contact.paper_safety(content.helplines, content.site_url),
        book_css=Markup((HERE / "templates" / "book.css").read_text(encoding="utf-8")),
    )


def jobs(content: Content, chapters: list[Chapter], site: Path, dist: Path, built: dt.date) -> list[Job]:
    """The A4 and the Letter book, each a cached PDF job writing to dist/."""
    out = []
    for paper, (_, name) in PAPER.items():
        document = Document(book_html(content, chapters, site, paper, built), content.worksheet_css)
        out.append(Job(name=name, documents=(document,), target=Path(dist) / f"{name}.pdf", what=f"the book ({paper})"))
    return out
