"""The one way Closer makes a PDF: WeasyPrint, nothing fetched but data: URLs, and a file cache keyed
by what the PDF is made from, so a PDF (and its HTML, QR codes included) is made again only when one of
its inputs changed. Worksheet, handout and any future PDFs all come through `Batch` or `build`.

A job names its inputs (`Job.inputs`: the records it prints, the CSS text, the public address) and
gives its documents as a function; the key hashes those inputs, the source files that turn them into
HTML (RENDERING_CODE, by size and modification time, so they are never opened for it), the field font
and WeasyPrint's version. Its HTML is rendered only when its cached file is missing.

Fillable PDFs embed the whole font of their fields (a reader may type any letter), and WeasyPrint
embeds fonts used in forms whole: the fields get a font of their own, DejaVu Sans cut down to the Latin
letters and punctuation (FIELD_TEXT), made once per process with fontTools, so each worksheet PDF is
tens of kilobytes instead of 430.
"""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import os
import shutil
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from .content.errors import DataError

MACROS = Path(__file__).resolve().parent
# The code and templates that make a PDF's HTML from its inputs, under macros/.
RENDERING_CODE = ("pdf.py", "worksheets", "therapists", "safety", "practices", "content/links.py", "templates")

# The letters a fillable field can show: Basic Latin, Latin-1, Latin Extended-A, dashes, quotes, the
# ellipsis, the euro and a few signs. Other letters a reader types fall back to the viewer's own font.
FIELD_TEXT = (*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2027), 0x2030, 0x2039, 0x203A,
              0x20AC, 0x2122, 0x2212)
FIELD_FONT_FILES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)
FIELD_FAMILY = "Closer Fields"


@dataclass(frozen=True)
class Document:
    """One HTML document to print; a PDF may join several (a handout, then its worksheets)."""
    html: str
    css: str = ""
    base_url: str = ""


@dataclass(frozen=True)
class Job:
    """One PDF to write: its name in the cache, the documents it joins (or a function that makes them),
    where it goes, and how to name it in an error ('data/worksheets/x.yml: worksheet 'x': the PDF').
    `inputs` are what the documents are made from; with them, the key needs no HTML."""
    name: str
    documents: tuple[Document, ...] | Callable[[], tuple[Document, ...]]
    target: Path
    what: str
    forms: bool = False
    inputs: tuple = ()

    @property
    def key(self) -> str:
        # The base URL is left out, so a copy of the project (a test, a worktree) reuses the cache.
        if self.inputs:
            parts = [fingerprint(self.inputs), rendering_code_key()]
        elif callable(self.documents):
            raise ValueError(f"{self.what}: a job that makes its documents on demand must name its inputs")
        else:
            parts = [p for d in self.documents for p in (d.css, d.html)]
        digest = hashlib.sha256()
        for part in (version("weasyprint"), str(self.forms), field_font_key() if self.forms else "", *parts):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()[:16]

    def make_documents(self) -> tuple[Document, ...]:
        return tuple(self.documents()) if callable(self.documents) else self.documents


def fingerprint(inputs) -> str:
    """A stable hash of records (frozen dataclasses, tuples, dicts, sets, strings, numbers, dates): the
    same in every process, so sets are sorted; nothing whose text depends on where it sits in memory."""
    return hashlib.sha256(_canonical(inputs).encode("utf-8")).hexdigest()


def _canonical(value) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ", ".join(f"{f.name}={_canonical(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__name__}({fields})"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_canonical(v) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(_canonical(v) for v in value)) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_canonical(k)}: {_canonical(v)}" for k, v in value.items()) + "}"
    text = repr(value)
    if " object at 0x" in text:
        raise ValueError(f"a PDF input has no stable text, so it cannot key the cache: {text[:200]}")
    return text


def rendering_code_key(root: Path = MACROS) -> str:
    """Each rendering source file's path, size and modification time: an edit to the code or a template
    makes the PDFs again, and nothing is opened to know it (tests/site/test_reads.py)."""
    entries = []
    for name in RENDERING_CODE:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            stat = file.stat()
            entries.append(f"{file.relative_to(root).as_posix()}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(entries)


def field_font_file() -> Path:
    for name in FIELD_FONT_FILES:
        if Path(name).is_file():
            return Path(name)
    raise DataError(f"the fillable PDFs need the font {FIELD_FONT_FILES[0]} (Debian's fonts-dejavu-core); it is missing")


def field_font_key() -> str:
    path = field_font_file()
    return f"{path}:{path.stat().st_size}:{len(FIELD_TEXT)}"


@lru_cache(maxsize=None)
def field_font(path: str) -> bytes:
    """The field font: the TrueType file cut down to FIELD_TEXT, without hinting or layout tables."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM", "DSIG"]
    font = TTFont(path)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=FIELD_TEXT)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def field_css() -> str:
    data = base64.b64encode(field_font(str(field_font_file()))).decode("ascii")
    return (f'@font-face {{ font-family: "{FIELD_FAMILY}"; src: url(data:font/ttf;base64,{data}) format("truetype"); }}\n'
            f'input, textarea, select {{ font-family: "{FIELD_FAMILY}", sans-serif !important; }}\n')


class Batch:
    """The PDFs of one build, gathered from the hooks (`add`) and written together (`write`), so that
    `make serve` can write them after the first page is served and `mkdocs build` before it ends."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, list[Job], Path]] = []

    def add(self, label: str, jobs: list[Job], cache: Path) -> None:
        self.parts.append((label, list(jobs), Path(cache)))

    @property
    def jobs(self) -> list[Job]:
        return [job for _, jobs, _ in self.parts for job in jobs]

    @property
    def total(self) -> int:
        return sum(len(jobs) for _, jobs, _ in self.parts)

    def write(self, progress: Callable[[int, int], None] | None = None,
              stop: threading.Event | None = None, done: Callable[[str, int, int, float], None] | None = None) -> int:
        """Write every part; `progress(done, total)` after each PDF, `done(label, written, rendered,
        seconds)` after each part. Returns how many were rendered; stops early when `stop` is set."""
        import time

        count, rendered_all = 0, 0
        for label, jobs, cache in self.parts:
            started, rendered = time.monotonic(), 0
            for job in jobs:
                if stop is not None and stop.is_set():
                    return rendered_all
                rendered += build([job], cache)
                count += 1
                if progress:
                    progress(count, self.total)
            rendered_all += rendered
            if done:
                done(label, len(jobs), rendered, time.monotonic() - started)
        return rendered_all


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
            partial = cache / f"{job.name}.{os.getpid()}.{threading.get_ident()}.part"
            partial.write_bytes(pdf)
            partial.replace(cached)
            rendered += 1
        job.target.parent.mkdir(parents=True, exist_ok=True)
        partial = job.target.with_name(job.target.name + ".part")
        shutil.copyfile(cached, partial)
        partial.replace(job.target)  # a reader (or `make serve`) never sees half a PDF
    return rendered


def render(documents: tuple[Document, ...], forms: bool = False) -> bytes:
    """The PDF bytes of the documents, joined in order; `forms` keeps form fields fillable."""
    import weasyprint  # slow to import, so only when a PDF must be made: cached builds skip it

    from weasyprint.text.fonts import FontConfiguration

    fetcher = local_only_fetcher(fail_on_errors=True)
    fonts = FontConfiguration()  # @font-face (the field font) needs one, shared by the CSS and the render
    extra = [weasyprint.CSS(string=field_css(), url_fetcher=fetcher, font_config=fonts)] if forms else []

    def html(doc: Document):
        return weasyprint.HTML(string=doc.html, base_url=doc.base_url or None, url_fetcher=fetcher)

    def css(doc: Document):
        return ([weasyprint.CSS(string=doc.css, url_fetcher=fetcher, font_config=fonts)] if doc.css else []) + extra

    if len(documents) == 1:
        return html(documents[0]).write_pdf(stylesheets=css(documents[0]), pdf_forms=forms, font_config=fonts, finisher=one_field_per_radio_group)
    rendered = [html(doc).render(stylesheets=css(doc), font_config=fonts) for doc in documents]
    return rendered[0].copy([page for doc in rendered for page in doc.pages]).write_pdf(
        pdf_forms=forms, finisher=one_field_per_radio_group)


def one_field_per_radio_group(document, pdf) -> None:
    """WeasyPrint (70) makes a radio group one /Btn field with a kid widget per choice, but also lists
    each kid as a field of its own with the group's name, which a PDF reader may treat as separate
    tick boxes. Keep the group as the one field and its kids as its widgets only."""
    form = pdf.catalog.get("AcroForm")
    if not form:
        return
    fields = type(form["Fields"])()
    for reference in form["Fields"]:
        field = pdf.objects[int(reference.split()[0])]
        if "Parent" in field:
            for key in ("T", "TU", "FT"):
                field.pop(key, None)
        else:
            fields.append(reference)
    form["Fields"] = fields


def _render_or_stop(job: Job) -> bytes:
    try:
        return render(job.make_documents(), job.forms)
    except DataError:
        raise
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
