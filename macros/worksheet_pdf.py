"""Fillable PDFs of the worksheets, made with WeasyPrint at build time and cached by content.

The PDF's HTML is rendered from the worksheet's definition, the shared form template and
docs/stylesheets/worksheets.css. The hash of that HTML and CSS (and of WeasyPrint's version) names the
cached file in .cache/worksheets/, so a PDF is rendered again only when something it shows has changed.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup

from .data import ROOT, DataError
from .practices import duration, page_title
from .worksheet_render import SAFETY_TEXT, footer, form, templates

STYLESHEET = ROOT / "docs" / "stylesheets" / "worksheets.css"


def pdf_html(worksheet: dict, site_url: str) -> str:
    return templates().get_template("worksheet-pdf.html").render(
        w=worksheet,
        duration=duration(worksheet["minutes"]),
        practice_title=page_title("practices", worksheet["practice"]),
        safety_text=SAFETY_TEXT,
        safety_url=urljoin(site_url, "safety/"),
        form=Markup(form(worksheet, pdf=True)),
        footer=Markup(footer(worksheet, site_url)),
    )


def content_hash(html: str, css: str) -> str:
    digest = hashlib.sha256()
    for part in (version("weasyprint"), css, html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def render(html: str, css: str) -> bytes:
    """The PDF bytes, with form fields; nothing is fetched but data: URLs."""
    import weasyprint  # slow to import, so only when a PDF must be made: cached builds skip it

    fetcher = local_only_fetcher(fail_on_errors=True)
    stylesheet = weasyprint.CSS(string=css, url_fetcher=fetcher)
    document = weasyprint.HTML(string=html, base_url=str(ROOT), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], pdf_forms=True)


def build(worksheet: dict, site_url: str, cache: Path, target: Path) -> bool:
    """Write one worksheet's PDF to target, from the cache when nothing changed; True if rendered."""
    return build_all([worksheet], site_url, cache, lambda _: target) == 1


def build_all(worksheets: list[dict], site_url: str, cache: Path, target_of) -> int:
    """Write every worksheet's PDF to target_of(worksheet), rendering only those not in the cache;
    returns how many were rendered. Rendering runs in this process, one PDF after another: worker
    processes were tried and saved nothing on two busy cores, and the cache keeps rebuilds fast."""
    css = STYLESHEET.read_text(encoding="utf-8")
    jobs = {}
    for worksheet in worksheets:
        html = pdf_html(worksheet, site_url)
        jobs[worksheet["id"]] = (html, cache / f"{worksheet['id']}.{content_hash(html, css)}.pdf")
    missing = [wid for wid, (_, cached) in jobs.items() if not cached.is_file()]
    if missing:
        cache.mkdir(parents=True, exist_ok=True)
    for wid in missing:
        pdf = _render_or_stop(wid, jobs[wid][0], css)
        for stale in cache.glob(f"{wid}.*.pdf"):
            stale.unlink()
        partial = cache / f"{wid}.{os.getpid()}.part"
        partial.write_bytes(pdf)
        partial.replace(jobs[wid][1])
    for worksheet in worksheets:
        target = Path(target_of(worksheet))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(jobs[worksheet["id"]][1], target)
    return len(missing)


def _render_or_stop(wid: str, html: str, css: str) -> bytes:
    try:
        return render(html, css)
    except Exception as err:  # never swallowed: the build stops here, naming the worksheet
        raise DataError(
            f"data/worksheets/{wid}.yml: worksheet '{wid}': the PDF could not be made: {type(err).__name__}: {err}"
        ) from err


def local_only_fetcher(**options):
    """A WeasyPrint URL fetcher that refuses everything but data: URLs, so a PDF never reaches the network."""
    return _local_only_fetcher_class()(**options)


@lru_cache(maxsize=None)
def _local_only_fetcher_class():
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith("data:"):
                raise ValueError(f"worksheet PDFs fetch nothing; refused {url!r}")
            return super().fetch(url, headers)

    return LocalOnlyFetcher

