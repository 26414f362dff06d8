"""Nothing in the built site asks another host for anything: no fonts, CDNs, analytics or embeds."""
from __future__ import annotations

import re

LOADING = {
    "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "audio": ["src"], "video": ["src", "poster"],
    "source": ["src", "srcset"], "embed": ["src"], "object": ["data"], "track": ["src"], "input": ["src"],
    "form": ["action"],
}
LOADING_RELS = {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon", "manifest", "modulepreload"}
REMOTE = re.compile(r"^(https?:)?//", re.I)
REMOTE_CSS = re.compile(r"(@import|url\()\s*['\"]?(https?:)?//", re.I)


def remote_loads(soup):
    for tag, attrs in LOADING.items():
        for el in soup.find_all(tag):
            for attr in attrs:
                if REMOTE.match(el.get(attr, "").strip()):
                    yield f"<{tag} {attr}={el[attr]}>"
    for el in soup.find_all("link", href=True):
        if LOADING_RELS & set(el.get("rel", [])) and REMOTE.match(el["href"]):
            yield f"<link rel={el['rel']} href={el['href']}>"
    for el in soup.find_all(style=True):
        if REMOTE_CSS.search(el["style"]):
            yield f"inline style {el['style']!r}"
    for el in soup.find_all("style"):
        if REMOTE_CSS.search(el.get_text()):
            yield "a <style> block importing from another host"


def test_no_page_loads_from_another_host(site):
    found = [f"{page}: {what}" for page in site.pages for what in remote_loads(site.soup(page))]
    assert not found, "remote loads:\n" + "\n".join(found)


def test_no_stylesheet_imports_from_another_host(site):
    sheets = list(site.root.rglob("*.css"))
    assert sheets, "the built site has no stylesheets to check"
    found = [
        str(path.relative_to(site.root)) for path in sheets
        if REMOTE_CSS.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not found, f"stylesheets that reach other hosts: {found}"


def test_the_check_sees_a_remote_font():
    """Negative control: a Google Fonts link is caught."""
    from bs4 import BeautifulSoup
    soup = BeautifulSoup('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">', "html.parser")
    assert list(remote_loads(soup))
