"""Reading a built site: its pages, their parsed HTML and what they link to."""
from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=None)
def project():
    """The content model of this project, loaded once per test session as a build loads it
    (macros/content/model.py), with the public address mkdocs.yml declares (parsed by MkDocs)."""
    from mkdocs.config import load_config

    from macros import adapter
    from macros.content.model import load

    return load(ROOT, adapter.public_url(load_config(str(ROOT / "mkdocs.yml"))))


# The public address of the guide, written out (not read from mkdocs.yml the way the build reads it).
PUBLIC = "https://closer-guide.org/"
# Pages MkDocs and Material write that are not guide pages.
NOT_PAGES = {"404.html"}
DOCS = Path(__file__).resolve().parent.parent / "docs"
# What a copy of the project needs to build: the config and every input of the build.
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "hooks", "overrides")


def copy_project(dest: Path, parts=PROJECT_PARTS, fixture: Path | None = None, skip=("expected.txt",)) -> Path:
    """Copy the project's `parts` to `dest`, then lay a fixture folder's files over it (bar the names in
    `skip`, which describe the fixture); returns `dest`."""
    import shutil

    for part in parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / part)
    for src in sorted(fixture.rglob("*")) if fixture else ():
        if src.is_file() and src.name not in skip:
            target = dest / src.relative_to(fixture)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    return dest


def missing(requirement: str, reason: str):
    """A tool a test needs is not on this machine: skip with the reason, or fail when the environment
    variable `requirement` is "1" (.ci/run sets REQUIRE_BROWSER and REQUIRE_SERVER)."""
    import os

    import pytest

    if os.environ.get(requirement) == "1":
        pytest.fail(f"{requirement}=1 but {reason}")
    pytest.skip(reason)


def address(md: Path) -> str:
    """A source page's address relative to the site root, as MkDocs writes it with directory URLs:
    docs/index.md is "", docs/safety/index.md "safety/", docs/foundations/trust.md "foundations/trust/"."""
    rel = md.relative_to(DOCS).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "index" else rel.parts
    return "".join(f"{part}/" for part in parts)


def built_page(address: str) -> Path:
    """The HTML file the build writes for a site-relative address."""
    return Path(address) / "index.html"


@lru_cache(maxsize=None)
def pdf_text(path: Path) -> str:
    """The text of every page of a PDF, whitespace folded to single spaces."""
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


class BuiltSite:
    def __init__(self, root: Path, read_log: Path | None = None):
        self.root = root
        self.read_log = read_log  # every file the build opened (tests/count_reads.py), when this session built it

    @cached_property
    def pages(self) -> list[Path]:
        """Every HTML page of the guide, as paths relative to the site root."""
        return sorted(
            p.relative_to(self.root) for p in self.root.rglob("*.html")
            if str(p.relative_to(self.root)) not in NOT_PAGES and not self.is_redirect(p)
        )

    def is_redirect(self, path: Path) -> bool:
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        head = text[: text.find("</head>") if "</head>" in text else 3000]
        return 'http-equiv="refresh"' in head and "md-container" not in head

    @lru_cache(maxsize=None)
    def soup(self, page: Path) -> BeautifulSoup:
        return BeautifulSoup((self.root / page).read_text(encoding="utf-8"), "html.parser")

    def kind(self, page: Path) -> str | None:
        tag = self.soup(page).find("meta", attrs={"name": "closer:kind"})
        return tag["content"] if tag else None

    def article_text(self, page: Path) -> str:
        """The words a reader reads in the article body: no nav, no sources box, no code."""
        article = BeautifulSoup(str(self.soup(page).select_one("article.md-content__inner")), "html.parser")
        for tag in article.select(".closer-page-meta, .headerlink, pre, code, .md-source-file, form, table"):
            tag.decompose()
        return article.get_text(" ", strip=True)

    def resolve(self, page: Path, url: str) -> tuple[Path, str] | None:
        """The file and fragment an internal link from `page` points at, or None for other hosts."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "sms:", "javascript:", "data:")):
            return None
        path = unquote(parts.path)
        if path == "":
            target = page
        else:
            target = Path((self.root / page.parent / path).resolve().relative_to(self.root.resolve()))
            if path.endswith("/") or (self.root / target).is_dir():
                target = target / "index.html"
        return target, unquote(parts.fragment)

    def ids(self, page: Path) -> set[str]:
        soup = self.soup(page)
        return {t["id"] for t in soup.find_all(id=True)} | {t["name"] for t in soup.find_all("a", attrs={"name": True})}


def section(soup: BeautifulSoup, heading_id: str) -> list:
    """The elements under one heading: its following siblings up to the next heading of the same or a
    higher level (an h3's section ends at the next h2 or h3)."""
    heading = soup.find(id=heading_id)
    assert heading is not None and heading.name in {f"h{n}" for n in range(1, 7)}, f"no heading #{heading_id}"
    stops = {f"h{n}" for n in range(1, int(heading.name[1]) + 1)}
    found = []
    for el in heading.find_next_siblings():
        if el.name in stops:
            break
        found.append(el)
    return found


def section_text(soup: BeautifulSoup, heading_id: str) -> str:
    """The words under one heading, whitespace folded."""
    return " ".join(" ".join(el.get_text(" ") for el in section(soup, heading_id)).split())


# Browser helpers (Playwright), shared by tests/browser. ------------------------------------------------

# The neutral site the quick exit leaves for; tests answer its host with a local stub.
EXIT = "https://www.google.com/"
EXIT_STUB = "<!doctype html><title>Neutral page</title><p>A neutral page.</p>"
PHONE = {"width": 390, "height": 844}

# Records every Content-Security-Policy violation on the page, from the first script on.
CSP_RECORDER = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')));"
)


def guard(host: str, foreign: list[str]):
    """A route handler that lets loopback requests through and records and aborts any other, so
    nothing ever leaves the machine. (Playwright passes the request too to a two-argument handler.)"""
    def handle(route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()
    return handle


def record_errors(page) -> list[str]:
    """Console errors and uncaught exceptions on `page` from now on, collected into the returned list."""
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def open_sheet(page, base_url: str, wid: str = "daily-check-in"):
    """Open a worksheet and wait until its script has restored answers and shown its buttons."""
    from playwright.sync_api import expect

    page.goto(f"{base_url}worksheets/{wid}/")
    expect(page.locator("[data-ws-clear]")).to_be_visible()


SEARCH_BOX = ".md-search__input"
SEARCH_META = ".md-search-result__meta"
SEARCH_RESULT_LINKS = ".md-search-result__list > .md-search-result__item a.md-search-result__link"


def top_pages(page, query: str, count: int = 3) -> list[str]:
    """The site-relative addresses of the first `count` pages Material's search lists for `query`.

    Material sends the worker one query per changed value and, when the answer comes, writes the count
    ("N matching documents", "No matching documents") and the first ten results in one go. So: empty the
    box and wait for the count to go (the answer to ""), then type the query and wait for a count; the
    list then on the page is the answer to this query, not to the one before."""
    from playwright.sync_api import expect

    box, meta = page.locator(SEARCH_BOX), page.locator(SEARCH_META)
    box.fill("")
    box.press("End")  # Material searches on key events; fill() alone sends none
    expect(meta).not_to_contain_text("matching")
    box.fill(query)
    box.press("End")
    expect(meta).to_contain_text("matching")
    hrefs = page.eval_on_selector_all(SEARCH_RESULT_LINKS, "els => els.map(e => new URL(e.href).pathname)")
    return list(dict.fromkeys(h.lstrip("/") for h in hrefs))[:count]


def next_frames(page, count: int = 2) -> None:
    """Wait until the page has drawn `count` more frames: whatever an event handler changed, or set to
    change on the next animation frame (as Material's tooltips do), is then on the screen."""
    page.evaluate("""count => new Promise(done => {
      const tick = n => n ? requestAnimationFrame(() => tick(n - 1)) : done(true);
      tick(count);
    })""", count)
