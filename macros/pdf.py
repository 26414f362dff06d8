"""The one way Closer makes a PDF: WeasyPrint, nothing fetched but data: URLs and DejaVu's font files,
and a file cache keyed by what the PDF is made from, so a PDF (and its HTML, QR codes included) is made
again only when one of its inputs changed. Worksheet, handout and any future PDFs all come through
`Batch` or `build`.

A job names its inputs (`Job.inputs`: the records it prints, the CSS text, the public address) and
gives its documents as a function; the key hashes those inputs, the source files that turn them into
HTML (RENDERING_CODE, by size and modification time, so they are never opened for it), the field font
and WeasyPrint's version. A job given its HTML (a deck) is keyed on that HTML and on this file, where
the rendering settings live. Its HTML is rendered only when its cached file is missing.

Fillable PDFs embed the whole font of their fields (a reader may type any letter), and WeasyPrint
embeds fonts used in forms whole: the fields get a font of their own, DejaVu Sans cut down to the Latin
letters and punctuation (FIELD_TEXT), made once per process with fontTools, and the sheet's regular
text prints in it too, so no second cut of DejaVu Sans is embedded. Every PDF then goes through
`finish`: one field per radio group, fonts without the tables no viewer reads, drawings written short.
"""
from __future__ import annotations

import base64
import contextvars
import dataclasses
import hashlib
import io
import os
import re
import shutil
import threading
from contextlib import contextmanager
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
# The faces of the fillable PDFs' other text, files beside FIELD_FONT_FILES' (field_css).
TEXT_FACES = {"font-weight: bold;": "DejaVuSans-Bold.ttf", "font-style: italic;": "DejaVuSans-Oblique.ttf",
              "font-weight: bold; font-style: italic;": "DejaVuSans-BoldOblique.ttf"}


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
        # Every key holds this file's size and modification time too: how a PDF is rendered (write
        # options, the finisher, the field font) lives here, so a change to it renders every PDF again.
        if self.inputs:
            parts = [fingerprint(self.inputs), rendering_code_key(MACROS)]
        elif callable(self.documents):
            raise ValueError(f"{self.what}: a job that makes its documents on demand must name its inputs")
        else:
            parts = [rendering_code_key(MACROS, ("pdf.py",)), *(p for d in self.documents for p in (d.css, d.html))]
        digest = hashlib.sha256()
        for part in (_weasyprint_version(), str(self.forms), field_font_key() if self.forms else "", *parts):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()[:16]

    def make_documents(self) -> tuple[Document, ...]:
        return tuple(self.documents()) if callable(self.documents) else self.documents


# What one pass of key-making (one `build` or `Batch.write`) has worked out already, by the id of the
# object it is about: the records, the stylesheet and the directory that many jobs share are written
# out once, and the rendering code is looked at once. Each entry holds its object, so no id is reused
# while the pass lasts; the pass ends with the write, and a rebuild makes a new one.
_PASS: contextvars.ContextVar[dict | None] = contextvars.ContextVar("closer_pdf_pass", default=None)


@contextmanager
def one_pass():
    if _PASS.get() is not None:
        yield
        return
    token = _PASS.set({})
    try:
        yield
    finally:
        _PASS.reset(token)


@lru_cache(maxsize=None)
def _weasyprint_version() -> str:
    return version("weasyprint")  # reads the package's metadata: once per process


def fingerprint(inputs) -> str:
    """A stable hash of records (frozen dataclasses, tuples, dicts, sets, strings, numbers, dates): the
    same in every process, so sets are sorted; nothing whose text depends on where it sits in memory."""
    return hashlib.sha256(_canonical(inputs).encode("utf-8")).hexdigest()


_SCALARS = frozenset({int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...] | None] = {}  # a dataclass's field names, None for any other class


def _canonical(value) -> str:
    cls = type(value)
    if cls in _SCALARS or (cls is str and len(value) < 200):
        return repr(value)
    memo = _PASS.get()
    if memo is not None:
        seen = memo.get(id(value))
        if seen is not None and seen[0] is value:
            return seen[1]
    text = _canonical_text(value, cls)
    if memo is not None:
        memo[id(value)] = (value, text)
    return text


def _canonical_text(value, cls: type) -> str:
    try:
        names = _FIELDS[cls]
    except KeyError:
        names = _FIELDS[cls] = (tuple(f.name for f in dataclasses.fields(cls))
                                if dataclasses.is_dataclass(cls) else None)
    if names is not None:
        fields = ", ".join(f"{name}={_canonical(getattr(value, name))}" for name in names)
        return f"{cls.__name__}({fields})"
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


def rendering_code_key(root: Path = MACROS, names: tuple[str, ...] = RENDERING_CODE) -> str:
    """Each rendering source file's path, size and modification time: an edit to the code or a template
    makes the PDFs again, and nothing is opened to know it (tests/site/test_reads.py). Looked at once
    per pass (`one_pass`)."""
    memo = _PASS.get()
    if memo is not None and (root, names) in memo:
        return memo[(root, names)]
    entries = []
    for name in names:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            stat = file.stat()
            entries.append(f"{file.relative_to(root).as_posix()}:{stat.st_size}:{stat.st_mtime_ns}")
    key = "\n".join(entries)
    if memo is not None:
        memo[(root, names)] = key
    return key


def field_font_file() -> Path:
    for name in FIELD_FONT_FILES:
        if Path(name).is_file():
            return Path(name)
    raise DataError(f"the fillable PDFs need the font {FIELD_FONT_FILES[0]} (Debian's fonts-dejavu-core); it is missing")


# How the field font is cut (fontTools subset options): no hinting; of the layout tables only kerning,
# so the sheet's text (field_css) is spaced as in DejaVu Sans (the embedded copy loses the table again,
# smaller_fonts: the spacing is in the PDF's text already); no math table; and of the name table only
# the family, style, full and PostScript names (DejaVu's is 10 KB of licence text). Part of the cache
# key (field_font_key).
FIELD_FONT_OPTIONS = {
    "hinting": False,
    "layout_features": ["kern"],
    "name_IDs": [1, 2, 4, 6],
    "notdef_outline": True,
    "drop_tables": ["FFTM", "DSIG", "MATH", "gasp"],
}


def field_font_key() -> str:
    path = field_font_file()
    faces = [f"{face}:{face.stat().st_size}" for face in text_faces().values()]
    return f"{path}:{path.stat().st_size}:{faces}:{FIELD_TEXT}:{sorted(FIELD_FONT_OPTIONS.items())}"


@lru_cache(maxsize=None)
def field_font(path: str) -> bytes:
    """The field font: the TrueType file cut down to FIELD_TEXT as FIELD_FONT_OPTIONS say."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    for name, value in FIELD_FONT_OPTIONS.items():
        setattr(options, name, getattr(options, name) + value if name == "drop_tables" else value)
    font = TTFont(path)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=FIELD_TEXT)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def text_faces() -> dict[str, Path]:
    """DejaVu Sans's bold, oblique and bold oblique files, beside the field font's (the faces the sheet's
    other text prints in), by the CSS that selects each."""
    folder = field_font_file().parent
    faces = {style: folder / name for style, name in TEXT_FACES.items()}
    for path in faces.values():
        if not path.is_file():
            raise DataError(f"the fillable PDFs need the font {path} (Debian's fonts-dejavu-core); it is missing")
    return faces


def field_css() -> str:
    """The field font, and the same font for the sheet's plain text: WeasyPrint embeds the field font
    whole anyway, so the text's regular letters come from it too and the PDF carries no second cut of
    DejaVu Sans (the page margins' text included). Bold and oblique text keep DejaVu's own faces, read
    from their files (`text_faces`); a letter outside FIELD_TEXT falls back to DejaVu Sans."""
    data = base64.b64encode(field_font(str(field_font_file()))).decode("ascii")
    faces = "".join(f'@font-face {{ font-family: "{FIELD_FAMILY}"; src: url({path.as_uri()}) format("truetype"); {style} }}\n'
                    for style, path in text_faces().items())
    family = f'"{FIELD_FAMILY}", "DejaVu Sans", sans-serif !important'
    return (f'@font-face {{ font-family: "{FIELD_FAMILY}"; src: url(data:font/ttf;base64,{data}) format("truetype"); }}\n'
            f'{faces}'
            f'html, input, textarea, select {{ font-family: {family}; }}\n'
            f'@page {{ @bottom-left {{ font-family: {family}; }} @bottom-right {{ font-family: {family}; }} }}\n')


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
        with one_pass():
            return self._write(progress, stop, done)

    def _write(self, progress, stop, done) -> int:
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
    with one_pass():
        return _build(jobs, cache)


def _build(jobs: list[Job], cache: Path) -> int:
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
        return html(documents[0]).write_pdf(stylesheets=css(documents[0]), pdf_forms=forms, font_config=fonts, finisher=finish)
    rendered = [html(doc).render(stylesheets=css(doc), font_config=fonts) for doc in documents]
    return rendered[0].copy([page for doc in rendered for page in doc.pages]).write_pdf(
        pdf_forms=forms, finisher=finish)


def finish(document, pdf) -> None:
    """What each PDF gets after WeasyPrint has made it and before it is written."""
    one_field_per_radio_group(document, pdf)
    smaller_fonts(pdf)
    shorter_drawing(pdf)


# A decimal number in a drawing, not part of a name such as /a1.0; a drawing's text is in <hex> strings.
DECIMAL = re.compile(rb"(?<![\w.])-?\d+\.\d+(?![\w.])")


def _three_places(match: re.Match) -> bytes:
    text = f"{float(match.group(0)):.3f}".rstrip("0").rstrip(".")
    return b"0" if text == "-0" else text.encode("ascii")


def shorter_drawing(pdf) -> None:
    """Write the pages' drawing operators shorter, drawing the same: numbers to three decimal places
    (WeasyPrint writes six; its unit is 0.75 pt, so the change is under a thousandth of a point), and
    no zero spacing between a line's glyph strings ('<0048>0<0065>' is '<00480065>'). A line with a
    literal (string) is left as it is."""
    from weasyprint.pdf.stream import Stream

    for obj in pdf.objects:
        if not isinstance(obj, Stream):
            continue
        lines = b"\n".join(pydyf_bytes(item) for item in obj.stream).split(b"\n")
        for i, line in enumerate(lines):
            if b"(" in line:
                continue
            line = DECIMAL.sub(_three_places, line)
            if line.endswith(b"] TJ"):
                line = line.replace(b">0<", b"").replace(b">0]", b">]")
            lines[i] = line
        obj.stream = [b"\n".join(lines)]


def pydyf_bytes(item) -> bytes:
    from pydyf import _to_bytes

    return _to_bytes(item)


# Font tables a PDF viewer never reads: WeasyPrint's subsets keep them (about 0.4 KB a font, three
# fonts a PDF). The name table keeps the family, style, full and PostScript names.
UNREAD_FONT_TABLES = ("GDEF", "GPOS", "GSUB", "MATH", "gasp", "FFTM", "DSIG")
FONT_NAME_IDS = (1, 2, 4, 6)


def smaller_fonts(pdf) -> None:
    """Drop UNREAD_FONT_TABLES and the rest of the name table from every embedded TrueType font; the
    glyphs, their widths and codes are untouched."""
    from fontTools.ttLib import TTFont

    for obj in pdf.objects:
        extra = getattr(obj, "extra", None)
        if not extra or "Length1" not in extra:
            continue
        font = TTFont(io.BytesIO(b"".join(obj.stream)), recalcBBoxes=False, recalcTimestamp=False)
        for tag in UNREAD_FONT_TABLES:
            if tag in font:
                del font[tag]
        if "name" in font:
            font["name"].names = [n for n in font["name"].names if n.nameID in FONT_NAME_IDS]
        out = io.BytesIO()
        font.save(out)
        obj.stream = [out.getvalue()]
        extra["Length1"] = len(obj.stream[0])


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
    """A WeasyPrint URL fetcher that refuses everything but data: URLs and the text faces' font files
    (`text_faces`), so a PDF never reaches the network."""
    return _local_only_fetcher_class()(**options)


@lru_cache(maxsize=None)
def _local_only_fetcher_class():
    # Code, not content: the class is made once per process, after WeasyPrint is imported.
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith("data:") and url not in {path.as_uri() for path in text_faces().values()}:
                raise ValueError(f"worksheet PDFs fetch nothing; refused {url!r}")
            return super().fetch(url, headers)

    return LocalOnlyFetcher
