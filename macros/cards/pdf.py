"""A PDF of each deck's cut-out cards, made with the worksheet PDFs' WeasyPrint functions (render, the
local-only fetcher, content_hash) and cached by content in .cache/cards/: rendered again only when the
deck, its templates or docs/stylesheets/cards.css changed."""
from __future__ import annotations

import shutil
from pathlib import Path

from .. import worksheet_pdf
from ..data import ROOT, DataError
from .model import Deck
from .render import pdf_html

STYLESHEET = ROOT / "docs" / "stylesheets" / "cards.css"


def build(deck: Deck, site_url: str, cache: Path, target: Path) -> bool:
    """Write the deck's PDF to target, from the cache when nothing changed; True if it was rendered."""
    html, css = pdf_html(deck, site_url), STYLESHEET.read_text(encoding="utf-8")
    cached = cache / f"{deck.id}.{worksheet_pdf.content_hash(html, css)}.pdf"
    rendered = not cached.is_file()
    if rendered:
        try:
            pdf = worksheet_pdf.render(html, css)
        except Exception as err:  # never swallowed: the build stops here, naming the deck
            raise DataError(f"{deck.file}: deck '{deck.id}': the PDF could not be made: {type(err).__name__}: {err}") from err
        cache.mkdir(parents=True, exist_ok=True)
        for stale in cache.glob(f"{deck.id}.*.pdf"):
            stale.unlink()
        partial = cached.with_suffix(".part")
        partial.write_bytes(pdf)
        partial.replace(cached)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    return rendered
