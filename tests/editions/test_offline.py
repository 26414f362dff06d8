"""The offline edition, unzipped into a fresh folder and opened from file:// in Chromium with no
server: pages, links, search, a worksheet, the safety page and its quick exit work, the pages say which
copy they are, and nothing is requested from any host."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.editions import offline

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Records every Content-Security-Policy violation on the page, from the first script on.
CSP_RECORDER = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')));"
)
PAGES = ["index.html", "foundations/trust.html", "practices/mirroring.html", "safety/index.html",
         "worksheets/daily-check-in.html", "glossary/index.html", "therapists/index.html",
         "cards/index.html", "cards/appreciation.html"]
EXIT = "https://www.google.com/"


class Visit:
    """One browser tab on the edition, recording requests, console errors and CSP violations."""

    def __init__(self, context):
        self.requests, self.errors, self.foreign = [], [], []
        context.route("**/*", self._guard)
        self.page = context.new_page()
        self.page.add_init_script(CSP_RECORDER)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _guard(self, route):
        # The edition's own files pass; anything else is recorded and stopped, so nothing leaves.
        if route.request.url.startswith(("file://", "data:")):
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def elsewhere(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file://", "data:"))] + self.foreign

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations")


@pytest.fixture
def visit(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Visit(context)
    context.close()


def url(root: Path, rel: str) -> str:
    return (root / rel).as_uri()


def test_the_zip_holds_one_folder_with_the_whole_guide(offline_zip, offline_root):
    assert (offline_root / "index.html").is_file()
    assert (offline_root / "search" / "search_index.js").is_file()
    assert len(list(offline_root.rglob("*.html"))) >= 90
    pdfs = {p.name for p in offline_root.rglob("*.pdf")}
    assert {"daily-check-in.pdf", "mirroring.pdf"} <= pdfs and len(pdfs) >= 30
    size = offline_zip.stat().st_size
    print(f"\n{offline_zip.name}: {size / 1024 / 1024:.1f} MiB")
    assert size < 40 * 1024 * 1024


def test_every_link_and_file_opens_from_a_folder(offline_root):
    assert offline.problems(offline_root, "closer") == []


@pytest.mark.parametrize("rel", PAGES)
def test_a_page_opens_from_file_with_no_request_error_or_violation(visit, offline_root, rel):
    page = visit.page
    page.goto(url(offline_root, rel), wait_until="load")
    expect(page.locator("article.md-content__inner h1").first).to_be_visible()
    notice = page.locator(".closer-edition-notice")
    expect(notice).to_contain_text("offline copy of Closer")
    public = "https://closer-guide.org/" + re.sub(r"(index)?\.html$", "", rel).rstrip("/")
    public = public if public.endswith(".org/") else public + "/"
    expect(notice.locator("a")).to_have_attribute("href", public)
    made = notice.locator("time").get_attribute("datetime")
    assert abs((dt.date.fromisoformat(made) - dt.datetime.now(dt.timezone.utc).date()).days) <= 1
    page.wait_for_timeout(300)
    assert visit.elsewhere() == []
    assert visit.errors == []
    assert visit.violations() == []


def test_links_in_the_navigation_and_the_text_open_pages(visit, offline_root):
    page = visit.page
    page.goto(url(offline_root, "index.html"))
    page.locator(".closer-care-notice a.closer-help-link").click()
    page.wait_for_load_state()
    assert page.url == url(offline_root, "safety/index.html")
    expect(page.locator("#helplines")).to_be_attached()
    page.goto(url(offline_root, "practices/mirroring.html"))
    page.locator("a.md-footer__link--next").click()
    page.wait_for_load_state()
    assert page.url.endswith(".html") and page.locator("article h1").count() >= 1
    # A link into the text, to a section of another page.
    page.goto(url(offline_root, "worksheets/daily-check-in.html"))
    page.locator(".ws-privacy a").click()
    page.wait_for_load_state()
    assert page.url == url(offline_root, "safety/index.html") + "#online-safety"
    expect(page.locator("#online-safety")).to_be_attached()
    assert visit.elsewhere() == [] and visit.errors == []


def test_search_finds_a_real_query_from_file(visit, offline_root):
    page = visit.page
    page.goto(url(offline_root, "practices/index.html"))
    page.locator("input.md-search__input").focus()
    page.keyboard.type("mirroring exercise", delay=20)
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible(timeout=15000)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.slice(0, 3).map(e => e.href)")
    assert any(h.startswith(url(offline_root, "practices/mirroring.html")) or
               h.startswith(url(offline_root, "worksheets/mirroring.html")) for h in hrefs), hrefs
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and "mirroring" in page.url
    assert visit.elsewhere() == [] and visit.errors == [] and visit.violations() == []


def test_a_worksheet_fills_keeps_its_answers_and_prints(visit, offline_root):
    page = visit.page
    page.goto(url(offline_root, "worksheets/daily-check-in.html"))
    page.wait_for_selector("[data-ws-clear]:not([hidden])")
    page.fill("#ws-noticed", "We laughed more on Friday.")
    page.check("#ws-closeness-4")
    page.reload()
    page.wait_for_selector("[data-ws-clear]:not([hidden])")
    assert page.input_value("#ws-noticed") == "We laughed more on Friday."
    assert page.is_checked("#ws-closeness-4")
    keys = page.evaluate("Object.keys(localStorage)")
    assert "closer:worksheet:daily-check-in:noticed" in keys
    expect(page.locator("[data-ws-print]")).to_be_visible()
    pdfs = page.locator("a[data-ws-pdf]").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert sorted(pdfs) == ["daily-check-in-letter.pdf", "daily-check-in.pdf"]
    assert all((offline_root / "worksheets" / pdf).is_file() for pdf in pdfs)
    page.emulate_media(media="print")
    expect(page.locator("form.ws-form")).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    assert visit.elsewhere() == [] and visit.errors == [] and visit.violations() == []


def test_a_deck_of_cards_works_from_file(visit, offline_root):
    page = visit.page
    page.goto(url(offline_root, "cards/index.html"))
    page.locator("article a[href$='appreciation.html']").first.click()
    page.wait_for_selector(".closer-deck--live .closer-card.is-current")
    assert page.url == url(offline_root, "cards/appreciation.html")
    page.click("[data-deck-next]")
    page.click("[data-deck-next]")
    assert page.evaluate("location.hash") == "#card-3"
    page.click("[data-deck-favourite]")
    assert page.evaluate("localStorage.getItem('closer:worksheet:cards-appreciation:favourites')") == "3"
    pdf = page.locator("a[download][href$='.pdf']").first.get_attribute("href")
    assert (offline_root / "cards" / pdf).is_file(), pdf
    page.locator(".closer-deck__note a").click()
    page.wait_for_load_state()
    assert page.url == url(offline_root, "safety/index.html") + "#online-safety"
    assert visit.elsewhere() == [] and visit.errors == [] and visit.violations() == []


def test_a_fresh_copy_starts_with_no_answers(visit, offline_root):
    """Negative control for the test above: a new profile has nothing saved."""
    page = visit.page
    page.goto(url(offline_root, "worksheets/daily-check-in.html"))
    page.wait_for_selector("[data-ws-clear]:not([hidden])")
    assert page.input_value("#ws-noticed") == ""


def test_the_quick_exit_leaves_the_safety_page(browser, offline_root):
    """The one request the edition makes on purpose: the reader leaving. Answered here by a stub."""
    context = browser.new_context()
    left = []
    context.route(EXIT + "**", lambda route: (left.append(route.request.url), route.fulfill(
        status=200, content_type="text/html", body="<title>Neutral</title>")))
    try:
        page = context.new_page()
        page.goto(url(offline_root, "safety/index.html"))
        control = page.locator(".md-header [data-closer-quick-exit] a")
        expect(control).to_be_visible()
        page.keyboard.press("Escape")
        page.wait_for_url(EXIT)
        assert left == [EXIT]
    finally:
        context.close()


def test_the_recorder_sees_a_request_to_another_host(visit, offline_root):
    """Negative control: an image from another host is seen (and stopped), so a clean run means something."""
    page = visit.page
    page.goto(url(offline_root, "index.html"))
    page.evaluate("() => { const i = new Image(); i.src = 'https://example.org/x.png'; document.body.append(i); }")
    page.wait_for_timeout(500)
    assert any(urlsplit(u).netloc == "example.org" for u in visit.elsewhere())


def test_the_pdfs_are_the_sites_own(offline_root, site):
    """Worksheets and handouts print the public addresses, so the edition carries the site's very files."""
    pdfs = sorted(offline_root.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        rel = pdf.relative_to(offline_root)
        # On the site a page's PDFs sit in its folder: worksheets/x/x.pdf and worksheets/x/x-letter.pdf.
        public = site.root / rel.parent / rel.stem.removesuffix("-letter") / rel.name
        assert public.is_file(), f"{rel}: the site has no {public.relative_to(site.root)}"
        assert pdf.read_bytes() == public.read_bytes(), f"{rel} differs from the site's"
