"""A PDF per handout packet: the packet page as built, then the worksheets of its practices, in one file.

Made with WeasyPrint at build time, like the worksheet PDFs (macros/worksheet_pdf.py, whose worksheet
HTML, stylesheet, local-only fetcher and content hash it reuses), and cached by content in
.cache/packets/, so a packet PDF is rendered again only when something it shows has changed. The
worksheets print as boxes to write in; the fillable versions are the worksheets' own PDFs.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from markupsafe import Markup

from . import worksheet_pdf, worksheets
from .data import DataError
from .worksheet_render import templates

_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_DROP = re.compile(
    r'<a class="headerlink"[^>]*>.*?</a>|<button type="button" class="closer-copylink".*?</button>'
    r'|<p class="closer-packet-download">.*?</p>',
    re.S,
)


def article(page_html: str, where: str) -> str:
    """The article of a built packet page, without its permalinks, copy buttons and download link."""
    match = _ARTICLE.search(page_html)
    if not match:
        raise DataError(f"{where}: the built page has no article to put in its PDF")
    return _DROP.sub("", match.group(1))


def parts(concern: dict, body: str, page_url: str, site_url: str) -> list[tuple[str, str, str]]:
    """(html, css, base url) for the packet and each of its worksheets, in print order."""
    packet = templates().get_template("packet-pdf.html").render(
        title=concern["words"], body=Markup(body), page_url=page_url, site_url=site_url)
    out = [(packet, "", page_url)]
    css = worksheet_pdf.STYLESHEET.read_text(encoding="utf-8")
    for wid in _worksheet_ids(concern):
        out.append((worksheet_pdf.pdf_html(worksheets.get(wid), site_url), css, str(worksheet_pdf.ROOT)))
    return out


def build(concern: dict, body: str, page_url: str, site_url: str, cache: Path, target: Path) -> bool:
    """Write the packet's PDF to target, from the cache when nothing changed; True if rendered."""
    pieces = parts(concern, body, page_url, site_url)
    # The key leaves out the worksheets' base (the project folder), so a copy of the project reuses the cache.
    key = worksheet_pdf.content_hash(page_url + "\0" + "\0".join(h for h, _, _ in pieces), "\0".join(c for _, c, _ in pieces))
    cached = cache / f"{concern['id']}.{key}.pdf"
    rendered = not cached.is_file()
    if rendered:
        try:
            pdf = _render(pieces)
        except Exception as err:
            raise DataError(
                f"data/concerns.yml: concern '{concern['id']}': the handout PDF could not be made: "
                f"{type(err).__name__}: {err}"
            ) from err
        cache.mkdir(parents=True, exist_ok=True)
        for stale in cache.glob(f"{concern['id']}.*.pdf"):
            stale.unlink()
        partial = cached.with_suffix(".part")
        partial.write_bytes(pdf)
        partial.replace(cached)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    return rendered


def _render(pieces: list[tuple[str, str, str]]) -> bytes:
    import weasyprint  # slow to import: only when a PDF must be made

    fetcher = worksheet_pdf.local_only_fetcher(fail_on_errors=True)
    documents = [
        weasyprint.HTML(string=html, base_url=base, url_fetcher=fetcher).render(
            stylesheets=[weasyprint.CSS(string=css, url_fetcher=fetcher)] if css else [])
        for html, css, base in pieces
    ]
    return documents[0].copy([page for doc in documents for page in doc.pages]).write_pdf()


def _worksheet_ids(concern: dict) -> list[str]:
    from .therapists import worksheet_target

    targets = [worksheet_target(slug) for slug in concern["practices"]]
    return list(dict.fromkeys(Path(t).stem for t in targets if t))
