"""Reading a built site for the URL contract: its pages, the ids on each, the anchors a reader may link
to, where a redirect page forwards, and the files it offers for download."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

class BuiltPage:
    """One HTML file of a build: its ids, the anchors a reader may link to, and where it redirects."""

    def __init__(self, path: Path):
        parser = _IdParser()
        text = path.read_text(encoding="utf-8", errors="replace")
        parser.feed(text)
        self.ids: set[str] = parser.ids
        self.linkable: list[str] = [i for i in parser.linkable if i not in TEMPLATE_IDS and not i.startswith(GENERATED_PREFIXES)]
        self.redirect_to: str | None = None
        self.keeps_hash = "window.location.hash" in text
        head = text[: text.find("</head>")] if "</head>" in text else text[:3000]
        if 'http-equiv="refresh"' in head and "md-container" not in text:
            self.redirect_to = parser.canonical or parser.refresh


def scan(site: Path) -> dict:
    """The addresses of a built site: {"pages": {address: BuiltPage}, "files": [address, ...]}."""
    pages, files = {}, []
    for path in sorted(Path(site).rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html" and rel not in NOT_PAGES:
            address = "/" + (rel[: -len("index.html")] if path.name == "index.html" else rel)
            pages[address] = BuiltPage(path)
        elif path.suffix in FILE_SUFFIXES:
            files.append("/" + rel)
    return {"pages": dict(sorted(pages.items())), "files": files}


def join(address: str, href: str) -> str:
    """The site address a redirect's relative href points to, without its fragment."""
    path = href.split("#")[0]
    if path.startswith("/"):
        return path
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(address.rstrip("/") + "/x"), path))
    return "/" if joined in (".", "/") else "/" + joined.strip("/") + ("/" if path.endswith("/") else "")


class _IdParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.linkable: list[str] = []
        self.canonical = self.refresh = None
        self._in_article = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
            if self._in_article and tag in LINKABLE_TAGS:
                self.linkable.append(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self._in_article = True
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs.get("href")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.refresh = (attrs.get("content") or "").partition("url=")[2] or None

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False


LINKABLE_TAGS = {"h2", "h3", "h4", "h5", "h6", "dt", "li", "section"}
# Ids the templates put on every page, and the prefixes of ids that footnotes and Material's tags
# plugin generate: none of them is a section a writer maintains.
TEMPLATE_IDS = {"sources"}
GENERATED_PREFIXES = ("fn:", "fnref:", "tag:")
NOT_PAGES = {"404.html"}
FILE_SUFFIXES = (".pdf",)
