"""Reading a built site for the URL contract: its pages, the ids on each, the anchors a reader may link
to, where a redirect page forwards, and the files it offers for download."""
from __future__ import annotations

import posixpath
import html as htmllib
import re
from pathlib import Path

class BuiltPage:
    """One HTML file of a build: its ids, the anchors a reader may link to, and where it redirects."""

    def __init__(self, path: Path):
        text = path.read_text(encoding="utf-8", errors="replace")
        self.ids: set[str] = set()
        linkable: list[str] = []
        canonical = refresh = None
        in_article = False
        # One pass over the start tags (and the article's end tag), as a browser's tokenizer sees them:
        # scripts, styles and comments are skipped whole, so a "<div id=...>" inside a script is not an id.
        for raw_name, raw_attrs, name, raw in _TAG.findall(text):
            if not name:
                if not raw_name:
                    continue  # a comment
                name, raw = raw_name, raw_attrs
            name = name.lower()
            if name == "/article":
                in_article = False
                continue
            if "id" not in raw and name not in _WATCHED:
                continue
            attrs = _attributes(raw)
            if "id" in attrs:
                self.ids.add(attrs["id"])
                if in_article and name in LINKABLE_TAGS:
                    linkable.append(attrs["id"])
            if name == "a" and "name" in attrs:
                self.ids.add(attrs["name"])
            elif name == "article" and "md-content__inner" in attrs.get("class", ""):
                in_article = True
            elif name == "link" and attrs.get("rel") == "canonical":
                canonical = attrs.get("href")
            elif name == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
                refresh = attrs.get("content", "").partition("url=")[2] or None
        self.linkable: list[str] = [i for i in linkable if i not in TEMPLATE_IDS and not i.startswith(GENERATED_PREFIXES)]
        self.redirect_to: str | None = None
        self.keeps_hash = "window.location.hash" in text
        head = text[: text.find("</head>")] if "</head>" in text else text[:3000]
        if 'http-equiv="refresh"' in head and "md-container" not in text:
            self.redirect_to = canonical or refresh


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


def _attributes(text: str) -> dict[str, str]:
    """A start tag's attributes, names lower-cased and values decoded; the first of a repeated name wins."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        value = match.group("dq") if match.group("dq") is not None else match.group("sq") if match.group("sq") is not None else match.group("bare") or ""
        found.setdefault(match.group("key").lower(), htmllib.unescape(value) if "&" in value else value)
    return found


# Written for speed (the build reads back every page, and Python's HTMLParser spent half a second on it):
# the raw-text elements and comments are matched whole first so nothing inside them counts as a tag.
_QUOTED_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_TAG = re.compile(
    r"<!--.*?-->"
    rf"|<(?P<raw_name>script|style)\b(?P<raw_attrs>{_QUOTED_ATTRS})>.*?</(?P=raw_name)\s*>"
    rf"|<(?P<name>[a-zA-Z][^\s/>]*|/article)(?P<attrs>{_QUOTED_ATTRS})>",
    re.S | re.I,
)
_ATTRIBUTE = re.compile(r"""(?P<key>[^\s"'>/=]+)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+)))?""")


_WATCHED = {"a", "article", "link", "meta"}
LINKABLE_TAGS = {"h2", "h3", "h4", "h5", "h6", "dt", "li", "section"}
# Ids the templates put on every page, and the prefixes of ids that footnotes and Material's tags
# plugin generate: none of them is a section a writer maintains.
TEMPLATE_IDS = {"sources"}
GENERATED_PREFIXES = ("fn:", "fnref:", "tag:")
NOT_PAGES = {"404.html"}
FILE_SUFFIXES = (".pdf",)
