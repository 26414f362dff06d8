"""The offline edition: the built site (mkdocs.offline.yml) made to work from file:// and zipped.

From a file, a link to a folder ("../safety/") opens a folder listing, not the page, so `prepare`
points every such link at the folder's index.html, and leaves out what has no use without a server
(the 404 page and the sitemaps). `problems` then holds the edition to its promise: every link and
every file a page or stylesheet loads exists in the edition, and nothing is loaded from another host
(a link a reader may follow to another site, such as a helpline's, is fine). `write_zip` packs it.
"""
from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..content.errors import DataError

NOT_OFFLINE = ("404.html", "sitemap.xml", "sitemap.xml.gz")
# Elements and attributes whose URL the browser fetches by itself, without the reader choosing to go.
LOADS = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",),
    "embed": ("src",), "object": ("data",), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
}
# <link rel> values that make the browser fetch (not canonical, prev, next: those are only addresses).
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest", "preload",
                "modulepreload", "prefetch", "preconnect", "dns-prefetch"}
_SCRIPT_OR_STYLE = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>)", re.S | re.I)
_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
_OTHER_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def _relative(url: str) -> bool:
    return bool(url) and not url.startswith(("#", "/")) and not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I)


def file_links(html: str, page: Path, root: Path) -> str:
    """The page with each relative link to a folder pointed at that folder's index.html (inline
    scripts and styles untouched, so their Content-Security-Policy hashes still hold)."""
    def fix(match: re.Match) -> str:
        url = match.group(2)
        if not _relative(url):
            return match.group(0)
        parts = urlsplit(url)
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else None
        if target is None or not target.is_dir() or not (target / "index.html").is_file():
            return match.group(0)
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        fixed = path + "index.html" + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        return match.group(1) + fixed + match.group(3)

    pieces = _SCRIPT_OR_STYLE.split(html)
    return "".join(p if i % 2 else _URL_ATTR.sub(fix, p) for i, p in enumerate(pieces))


def prepare(root: Path) -> None:
    for name in NOT_OFFLINE:
        (root / name).unlink(missing_ok=True)
    for page in sorted(root.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        fixed = file_links(text, page, root)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str, bool]] = []   # (tag, attribute, url, loads by itself)
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rels = set((attrs.get("rel") or "").lower().split())
        for name, value in attrs.items():
            if value is None:
                continue
            if name == "style":
                self.styles.append(value)
            loads = name in LOADS.get(tag, ()) or (tag == "link" and name == "href" and bool(rels & LOADING_RELS))
            if name in ("href", "src", "srcset", "data", "poster", "xlink:href") or loads:
                urls = [u.strip().split()[0] for u in value.split(",") if u.strip()] if name == "srcset" else [value]
                self.refs += [(tag, name, url, loads) for url in urls]

    handle_startendtag = handle_starttag


def _exists(base: Path, root: Path, url: str) -> bool:
    path = unquote(urlsplit(url).path)
    if not path:
        return True
    target = (base / path).resolve()
    try:
        target.relative_to(root.resolve())
    except ValueError:
        return False
    return target.is_file()


def problems(root: Path, label: str) -> list[str]:
    """Every way the edition at `root` would fetch from another host or open a missing file, one
    sentence each naming the file (as `label`/...) and the reference."""
    found = []
    for page in sorted(root.rglob("*.html")):
        rel = f"{label}/{page.relative_to(root).as_posix()}"
        parser = _Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attr, url, loads in parser.refs:
            if loads and _OTHER_HOST.match(url):
                host = urlsplit(url if "://" in url else "https:" + url).netloc
                found.append(f'{rel}: <{tag} {attr}="{url}"> loads from another host ({host}); the offline edition must load nothing from another host, so vendor the file into docs/ and point to it there')
            elif url.startswith("/") and not url.startswith("//"):
                found.append(f'{rel}: <{tag} {attr}="{url}"> starts from the root of a server, which a copy opened from a file does not have; use a relative address')
            elif _relative(url) and not url.startswith(("data:",)) and not _exists(page.parent, root, url):
                found.append(f'{rel}: <{tag} {attr}="{url}"> points to a file the offline edition does not have')
        for style in parser.styles:
            found += _css_problems(style, page.parent, root, f"{rel}: a style attribute")
    for sheet in sorted(root.rglob("*.css")):
        rel = f"{label}/{sheet.relative_to(root).as_posix()}"
        found += _css_problems(sheet.read_text(encoding="utf-8", errors="replace"), sheet.parent, root, rel)
    return found


def _css_problems(css: str, base: Path, root: Path, where: str) -> list[str]:
    found = []
    for match in _CSS_URL.finditer(css):
        url = (match.group(1) or match.group(2)).strip()
        if url.startswith(("data:", "#")):
            continue
        if _OTHER_HOST.match(url):
            host = urlsplit(url if "://" in url else "https:" + url).netloc
            found.append(f"{where}: url({url}) loads from another host ({host}); the offline edition must load nothing from another host, so vendor the file into docs/ and point to it there")
        elif _relative(url) and not _exists(base, root, url):
            found.append(f"{where}: url({url}) points to a file the offline edition does not have")
    return found


def check(root: Path, label: str) -> None:
    found = problems(root, label)
    if found:
        more = f" ({len(found) - 1} more like it)" if len(found) > 1 else ""
        raise DataError(found[0] + more)


def write_zip(root: Path, target: Path, folder: str = "closer") -> int:
    """Zip the edition under one top folder (unzipped, it is `closer/index.html`); returns its size."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            name = f"{folder}/{path.relative_to(root).as_posix()}"
            stored = path.suffix in (".pdf", ".gz", ".png")
            archive.write(path, name, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    partial.replace(target)
    return target.stat().st_size
