"""The one way Closer makes a PDF: WeasyPrint, nothing fetched but data: URLs, and a file cache keyed
by what the PDF shows (its HTML and CSS, and WeasyPrint's version), so a PDF is rendered again only when
something in it changed. Worksheet, handout and any future PDFs all come through `build`."""
from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .content.errors import DataError


@dataclass(frozen=True)
class Document:
    """One HTML document to print; a PDF may join several (a handout, then its worksheets)."""
    html: str
    css: str = ""
    base_url: str = ""


@dataclass(frozen=True)
class Job:
    """One PDF to write: its name in the cache, the documents it joins, where it goes, and how to name
    it in an error ('data/worksheets/x.yml: worksheet 'x': the PDF')."""
    name: str
    documents: tuple[Document, ...]
    target: Path
    what: str
    forms: bool = False

    @property
    def key(self) -> str:
        # The base URL is left out, so a copy of the project (a test, a worktree) reuses the cache.
        digest = hashlib.sha256()
        for part in (version("weasyprint"), str(self.forms), *(p for d in self.documents for p in (d.css, d.html))):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()[:16]


def build(jobs: list[Job], cache: Path) -> int:
    """Write every job's PDF to its target, rendering only those not in the cache; returns how many
    were rendered. One after another in this process: worker processes were tried and saved nothing on
    two busy cores, and the cache keeps rebuilds fast. A stale copy of a job is removed when it is replaced."""
    rendered = 0
    for job in jobs:
        cached = cache / f"{job.name}.{job.key}.pdf"
        if not cached.is_file():
            pdf = _render_or_stop(job)
            cache.mkdir(parents=True, exist_ok=True)
            for stale in cache.glob(f"{job.name}.*.pdf"):
                stale.unlink()
            partial = cache / f"{job.name}.{os.getpid()}.part"
            partial.write_bytes(pdf)
            partial.replace(cached)
            rendered += 1
        job.target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, job.target)
    return rendered


def render(documents: tuple[Document, ...], forms: bool = False) -> bytes:
    """The PDF bytes of the documents, joined in order; `forms` keeps form fields fillable."""
    import weasyprint  # slow to import, so only when a PDF must be made: cached builds skip it

    fetcher = local_only_fetcher(fail_on_errors=True)

    def html(doc: Document):
        return weasyprint.HTML(string=doc.html, base_url=doc.base_url or None, url_fetcher=fetcher)

    def css(doc: Document):
        return [weasyprint.CSS(string=doc.css, url_fetcher=fetcher)] if doc.css else []

    if len(documents) == 1:
        return html(documents[0]).write_pdf(stylesheets=css(documents[0]), pdf_forms=forms)
    rendered = [html(doc).render(stylesheets=css(doc)) for doc in documents]
    return rendered[0].copy([page for doc in rendered for page in doc.pages]).write_pdf(pdf_forms=forms)


def _render_or_stop(job: Job) -> bytes:
    try:
        return render(job.documents, job.forms)
    except Exception as err:  # never swallowed: the build stops here, naming the source of the PDF
        raise DataError(f"{job.what} could not be made: {type(err).__name__}: {err}") from err


def local_only_fetcher(**options):
    """A WeasyPrint URL fetcher that refuses everything but data: URLs, so a PDF never reaches the network."""
    return _local_only_fetcher_class()(**options)


@lru_cache(maxsize=None)
def _local_only_fetcher_class():
    # Code, not content: the class is made once per process, after WeasyPrint is imported.
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith("data:"):
                raise ValueError(f"worksheet PDFs fetch nothing; refused {url!r}")
            return super().fetch(url, headers)

    return LocalOnlyFetcher
