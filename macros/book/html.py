"""A built page's article as a book chapter: screen-only controls dropped, every id made unique to the
chapter, and every link pointed inside the book (a chapter, or a section of one) or, for a page the book
leaves out, to its full public address. A streaming rewrite with the standard library's HTML parser."""
from __future__ import annotations

import html
import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# What a reader of paper cannot use, or what the book prints once for all chapters.
DROP_TAGS = frozenset({"script", "button", "noscript", "template", "img"})
DROP_CLASSES = frozenset({
    "headerlink", "ws-tools", "ws-status", "closer-print-safety", "closer-packet-download", "md-tags",
    "closer-copylink", "md-source-file",
    # A deck's cut-out sheets: the book prints its numbered list instead (each deck has its own PDF to cut).
    "closer-cardsheet",
})
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)


def article(page_html: str) -> str | None:
    match = _ARTICLE.search(page_html)
    return match.group(1) if match else None


class _Rewriter(HTMLParser):
    def __init__(self, chapter_id: str, page_path: str, targets: dict[str, str], site_url: str):
        super().__init__(convert_charrefs=False)
        self.chapter_id, self.page_path, self.targets, self.site_url = chapter_id, page_path, targets, site_url
        self.out: list[str] = []
        self.dropping: list[str] = []  # the open elements of a dropped subtree, outermost first

    def _dropped(self, tag: str, attrs: list) -> bool:
        classes = set((dict(attrs).get("class") or "").split())
        return tag in DROP_TAGS or bool(classes & DROP_CLASSES) or ("hidden" in dict(attrs) and tag != "input")

    def handle_starttag(self, tag, attrs):
        if self.dropping or self._dropped(tag, attrs):
            if tag not in VOID:
                self.dropping.append(tag)
            return
        self.out.append(self._tag(tag, attrs))

    def handle_startendtag(self, tag, attrs):
        if not (self.dropping or self._dropped(tag, attrs)):
            self.out.append(self._tag(tag, attrs, close=True))

    def handle_endtag(self, tag):
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")

    def _tag(self, tag: str, attrs: list, close: bool = False) -> str:
        parts = [tag]
        for name, value in attrs:
            if name == "id" and value:
                value = f"{self.chapter_id}--{value}"
            elif name == "for" and value:
                value = f"{self.chapter_id}--{value}"
            elif name in ("aria-describedby", "aria-labelledby", "aria-controls") and value:
                value = " ".join(f"{self.chapter_id}--{v}" for v in value.split())
            elif name == "href" and value is not None:
                value = self.link(value)
            parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
        return "<" + " ".join(parts) + (" />" if close else ">")

    def link(self, href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "sms:")):
            return href
        if not parts.path:
            return f"#{self.chapter_id}--{parts.fragment}" if parts.fragment else f"#{self.chapter_id}"
        path = urljoin(self.page_path, parts.path)
        if not path.endswith("/") and "." not in posixpath.basename(path):
            path += "/"
        chapter = self.targets.get(path)
        if chapter is None:  # a page or file the book leaves out: its full address, for a reader online
            return self.site_url.rstrip("/") + path + (f"#{parts.fragment}" if parts.fragment else "")
        return f"#{chapter}--{parts.fragment}" if parts.fragment else f"#{chapter}"


def chapter_html(article_html: str, chapter_id: str, page_path: str, targets: dict[str, str], site_url: str) -> str:
    """The article rewritten for the book; `targets` maps each chapter's site path to its chapter id."""
    rewriter = _Rewriter(chapter_id, page_path, targets, site_url)
    rewriter.feed(article_html)
    rewriter.close()
    return "".join(rewriter.out)
