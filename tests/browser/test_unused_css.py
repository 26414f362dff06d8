"""Material's stylesheets with the unused rules dropped (hooks/unused_css.py) style every element
exactly as Material's full stylesheets do: each page is loaded twice in Chromium, once as built and
once with the full files answered in place of the purged ones, and every element's computed style
(its ::before and ::after too) must be the same. Pages of every kind, at 390 px and at desktop width,
in the light and the dark scheme, printed, and with search open on results, whose markup only scripts
make."""
from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from tests.support import PHONE

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
PURGED = re.compile(r"/assets/stylesheets/([a-z]+\.[0-9a-f]{8})\.[0-9a-f]{8}\.min\.css$")
PAGES = ["", "foundations/trust/", "glossary/", "worksheets/daily-check-in/", "safety/", "cards/appreciation/",
         "therapists/", "therapists/packets/not-heard/", "practices/", "tags/", "about/", "404.html"]
DESKTOP = {"width": 1280, "height": 900}

# A fingerprint of every element's computed style (and of its ::before and ::after where they have
# content), in document order. Values are compared whole; the text stays in the page and only its hash
# per element comes back, to keep the test quick.
STYLES = """() => {
  const hash = s => { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return h; };
  // Every property by name, sorted: custom properties come in no fixed order.
  const all = cs => [...cs].sort().map(name => name + ':' + cs.getPropertyValue(name)).join(';');
  return [document.documentElement, ...document.body.querySelectorAll('*'), document.body].map(el => {
    const cs = getComputedStyle(el);
    let text = all(cs);
    for (const pseudo of ['::before', '::after']) {
      const ps = getComputedStyle(el, pseudo);
      if (ps.content !== 'none' && ps.content !== 'normal') text += pseudo + all(ps);
    }
    return [el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : ''), hash(text)];
  });
}"""
SETTLE = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def full_stylesheets(route):
    name = PURGED.search(route.request.url).group(1)
    route.fulfill(status=200, content_type="text/css", body=(MATERIAL_CSS / f"{name}.min.css").read_bytes())


def styles(browser, url, viewport, scheme, full, search=None, media="screen"):
    ctx = browser.new_context(viewport=viewport, color_scheme=scheme, reduced_motion="reduce")
    try:
        if full:
            ctx.route(PURGED, full_stylesheets)
        page = ctx.new_page()
        page.emulate_media(media=media)
        sheets = []
        page.on("response", lambda r: sheets.append(r.url) if PURGED.search(r.url) else None)
        page.goto(url, wait_until="load")
        if search:
            page.keyboard.press("s")
            page.locator("input.md-search__input").fill(search)
            page.locator(".md-search-result__item").first.wait_for()
        page.evaluate(SETTLE)
        return sheets, page.evaluate(STYLES)
    finally:
        ctx.close()


def differences(purged, full):
    assert len(purged) == len(full), f"the pages have {len(purged)} and {len(full)} elements"
    return [a[0] for a, b in zip(purged, full) if a != b]


@pytest.mark.parametrize("path", PAGES, ids=[p.strip("/") or "home" for p in PAGES])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "desktop"])
def test_the_purged_stylesheets_style_every_element_as_the_full_ones(browser, base_url, path, viewport):
    scheme = "dark" if path in ("glossary/", "safety/") else "light"
    sheets, purged = styles(browser, base_url + path, viewport, scheme, full=False)
    assert len(sheets) == 2, f"expected Material's two purged stylesheets to load, got {sheets}"
    _, full = styles(browser, base_url + path, viewport, scheme, full=True)
    changed = differences(purged, full)
    assert not changed, f"{path or 'home'}: {len(changed)} elements styled differently, first {changed[:5]}"


@pytest.mark.parametrize("path", ["foundations/trust/", "worksheets/daily-check-in/", "therapists/packets/not-heard/",
                                  "cards/appreciation/"])
def test_printed_pages_are_styled_as_with_the_full_stylesheets(browser, base_url, path):
    _, purged = styles(browser, base_url + path, DESKTOP, "light", full=False, media="print")
    _, full = styles(browser, base_url + path, DESKTOP, "light", full=True, media="print")
    changed = differences(purged, full)
    assert not changed, f"{path} on paper: {len(changed)} elements styled differently, first {changed[:5]}"


def test_search_results_are_styled_as_with_the_full_stylesheets(browser, base_url):
    url = base_url + "foundations/trust/"
    _, purged = styles(browser, url, PHONE, "light", full=False, search="partner shuts down")
    _, full = styles(browser, url, PHONE, "light", full=True, search="partner shuts down")
    changed = differences(purged, full)
    assert not changed, f"{len(changed)} elements styled differently with search open, first {changed[:5]}"


def test_a_control_finds_a_dropped_rule_that_a_page_needs(browser, base_url):
    """The comparison can fail: a page given a class whose rules the purge dropped (Material's
    keyboard keys) is styled differently with the full stylesheets."""
    def with_key(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(
            "<h1", '<span class="keys"><kbd class="key-enter">Enter</kbd></span><h1', 1))
    results = []
    for full in (False, True):
        ctx = browser.new_context(viewport=DESKTOP)
        ctx.route(base_url + "foundations/trust/", with_key)
        if full:
            ctx.route(PURGED, full_stylesheets)
        page = ctx.new_page()
        page.goto(base_url + "foundations/trust/", wait_until="load")
        results.append(page.evaluate(STYLES))
        ctx.close()
    assert any("kbd" in name for name in differences(*results))
