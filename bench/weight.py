"""4. Page weight: bytes a first visit downloads (gzip), in Debian's Chromium, for four kinds of page.

Each page loads in a fresh browser context (empty cache) from bench.server, which gzips text as a host
would; the figure is the sum over every request of the encoded body plus response headers, until the
network has been idle for half a second (so the search index, fetched after load, is counted too).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from . import stats
from .server import serve

PAGES = {
    "home": "",
    "article": "foundations/trust/",
    "worksheet": "worksheets/daily-check-in/",
    "glossary": "glossary/",
}
TARGET_ARTICLE_KIB = 70  # issue 18
# The flags tests/browser/conftest.py launches Debian's Chromium with.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def measure(sites: dict[str, Path]) -> dict:
    """Each page of each site (real first, then stock Material on the same Markdown)."""
    from playwright.sync_api import sync_playwright

    results: dict[str, dict] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for site, root in sites.items():
                with serve(root) as (base, _):
                    results[site] = {name: {"path": "/" + path, **_load(browser, base + path)} for name, path in PAGES.items()}
        finally:
            browser.close()
    return {"pages": results.pop("real"), **{f"{site}_pages": pages for site, pages in results.items()},
            "target_article_kib": TARGET_ARTICLE_KIB}


def _load(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 412, "height": 823})
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    try:
        page = context.new_page()
        response = page.goto(url, wait_until="networkidle")
        if response is None or not response.ok:
            raise RuntimeError(f"{url}: the page did not load (status {response and response.status})")
        page.wait_for_timeout(500)
        rows = []
        for request in finished:
            sizes = request.sizes()
            parts = urlsplit(request.url)
            name = parts.path if parts.netloc == urlsplit(url).netloc else request.url  # another host shows whole
            rows.append((name, sizes["responseBodySize"] + sizes["responseHeadersSize"]))
    finally:
        context.close()
    by_type: dict[str, int] = {}
    for resource, size in rows:
        kind = _kind(resource)
        by_type[kind] = by_type.get(kind, 0) + size
    total = sum(size for _, size in rows)
    return {
        "requests": len(rows),
        "other_hosts": sorted({u for u, _ in rows if not u.startswith("/")}),
        "transfer_bytes": total,
        "transfer_kib": stats.kib(total),
        "kib_by_type": {k: stats.kib(v) for k, v in sorted(by_type.items(), key=lambda kv: -kv[1])},
        "largest": [{"url": u, "kib": stats.kib(s)} for u, s in sorted(rows, key=lambda r: -r[1])[:5]],
    }


def _kind(resource: str) -> str:
    path = resource.split("?", 1)[0]
    for suffix, kind in ((".css", "css"), (".js", "js"), (".json", "json"), (".svg", "image"), (".png", "image"),
                         (".woff2", "font"), (".pdf", "pdf")):
        if path.endswith(suffix):
            return kind
    return "html"
