"""The published-URL contract: every public address of Closer and the section anchors it promises.

data/urls.yml lists each address (a path from the site root, "/" for the home page) with the anchors
promised on it, plus the downloadable files. `check` holds a built site to it: a promised address must
be a page, or a redirect (written by mkdocs-redirects, whose script keeps `location.hash`) to a page that
has every promised anchor; and every page the build writes must be listed, so a new page gets
registered and a removed one gets a redirect. `missing` lists what a build has that the contract lacks;
`add` merges those entries in and never removes one. Run it with `make urls` / `make urls-add`.
"""
from __future__ import annotations

import argparse
import posixpath
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from .data import DATA, DataError, read_yaml, relative

CONTRACT = DATA / "urls.yml"


def load(path: Path = CONTRACT) -> dict:
    """The contract as {"pages": {address: [anchor, ...]}, "files": [address, ...]}, validated."""
    data = read_yaml(path)
    where = relative(path)
    if not isinstance(data, dict) or set(data) - {"pages", "files"} or not isinstance(data.get("pages"), dict):
        raise DataError(f"{where}: expected a mapping with 'pages' (address: [anchors]) and optional 'files'")
    pages = {}
    for address, anchors in data["pages"].items():
        if not isinstance(address, str) or not address.startswith("/") or not address.endswith(("/", ".html")):
            raise DataError(f"{where}: page address {address!r} must start with '/' and end with '/'")
        anchors = anchors or []
        if not isinstance(anchors, list) or not all(isinstance(a, str) and _ANCHOR.fullmatch(a) for a in anchors):
            raise DataError(f"{where}: page '{address}': anchors must be a list of ids such as how-to-do-it, got {anchors!r}")
        if len(set(anchors)) != len(anchors):
            raise DataError(f"{where}: page '{address}': an anchor is listed twice in {anchors}")
        pages[address] = anchors
    files = data.get("files") or []
    if not isinstance(files, list) or not all(isinstance(f, str) and f.startswith("/") for f in files):
        raise DataError(f"{where}: 'files' must be a list of addresses starting with '/', got {files!r}")
    return {"pages": pages, "files": files}


def check(site: Path, contract: dict) -> list[str]:
    """Every way the built site at `site` breaks the contract, one sentence each, naming the address."""
    built = scan(site)
    problems = broken_promises(site, contract, built)
    for address in built["pages"]:
        if address not in contract["pages"]:
            problems.append(f"{address}: the build has this page, but data/urls.yml does not list it; register it (make urls prints the line)")
    for address in built["files"]:
        if address not in contract["files"]:
            problems.append(f"{address}: the build has this file, but data/urls.yml does not list it under 'files'")
    return problems


def broken_promises(site: Path, contract: dict, built: dict | None = None) -> list[str]:
    """Every promised address, anchor or file the built site no longer has: what `mkdocs build` refuses.
    (A page the contract does not list yet is only a test failure, so `make urls-add` can still build.)"""
    built = scan(site) if built is None else built
    problems = []
    for address, anchors in contract["pages"].items():
        problems += _check_promise(site, built, address, anchors)
    for address in contract["files"]:
        if address not in built["files"]:
            problems.append(f"{address}: promised in data/urls.yml, but the build has no file there")
    return problems


def missing(site: Path, contract: dict) -> dict:
    """What the build has that the contract lacks: new pages, new anchors on listed pages, new files."""
    built = scan(site)
    pages = {}
    for address, page in built["pages"].items():
        if page.redirect_to is None:
            new = [a for a in page.linkable if a not in contract["pages"].get(address, [])]
            if new or address not in contract["pages"]:
                pages[address] = new
        elif address not in contract["pages"]:
            # An old address forwards to a page: propose the anchors links to it may carry.
            target = built["pages"].get(_join(address, page.redirect_to))
            pages[address] = target.linkable if target else []
    return {"pages": pages, "files": [f for f in built["files"] if f not in contract["files"]]}


def add(contract: dict, additions: dict) -> dict:
    """The contract with the additions merged in; nothing is ever removed."""
    pages = {a: list(ids) for a, ids in contract["pages"].items()}
    for address, anchors in additions["pages"].items():
        pages.setdefault(address, [])
        pages[address] += [a for a in anchors if a not in pages[address]]
    files = sorted(set(contract["files"]) | set(additions["files"]))
    return {"pages": dict(sorted(pages.items())), "files": files}


def dump(contract: dict) -> str:
    """The contract as YAML, one line per address, under a header that explains it."""
    lines = [HEADER.rstrip("\n"), "pages:"]
    for address, anchors in contract["pages"].items():
        lines.append(f"  {_quote(address)}: [{', '.join(_quote(a) for a in anchors)}]")
    lines.append("files:" if contract["files"] else "files: []")
    lines += [f"  - {_quote(f)}" for f in contract["files"]]
    return "\n".join(lines) + "\n"


def promises(contract: dict) -> str:
    """The size of the contract in words, for the therapists' page."""
    anchors = sum(len(a) for a in contract["pages"].values())
    return f"{len(contract['pages'])} page addresses and {anchors} links to parts of pages"


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


def _check_promise(site: Path, built: dict, address: str, anchors: list[str]) -> list[str]:
    page, seen, where = built["pages"].get(address), [address], address
    if page is None:
        return [f"{address}: promised in data/urls.yml, but the build has no page there; "
                f"restore it or add a redirect (mkdocs.yml, plugins: redirects: redirect_maps)"]
    while page.redirect_to is not None:
        if anchors and not page.keeps_hash:
            return [f"{where}: redirects without keeping the #anchor, so promised section links would break"]
        where = _join(where, page.redirect_to)
        page = built["pages"].get(where)
        if page is None or where in seen:
            return [f"{address}: redirects to {where}, which is not a page of the build"]
        seen.append(where)
    via = f" (redirected to {where})" if where != address else ""
    return [f"{address}#{a}: promised in data/urls.yml, but the page{via} has no element with id '{a}'"
            for a in anchors if a not in page.ids]


def _join(address: str, href: str) -> str:
    """The site address a redirect's relative href points to, without its fragment."""
    path = href.split("#")[0]
    if path.startswith("/"):
        return path
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(address.rstrip("/") + "/x"), path))
    return "/" if joined in (".", "/") else "/" + joined.strip("/") + ("/" if path.endswith("/") else "")


def _quote(text: str) -> str:
    plain = _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.urls", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site, e.g. site/ after `make build`")
    parser.add_argument("--add", action="store_true", help="merge the missing entries into data/urls.yml")
    args = parser.parse_args(argv)
    contract = load()
    additions = missing(args.site, contract)
    new_pages = {a: ids for a, ids in additions["pages"].items()}
    if args.add and (new_pages or additions["files"]):
        CONTRACT.write_text(dump(add(contract, additions)), encoding="utf-8")
        contract = load()
        print(f"data/urls.yml: added {len(new_pages)} page entries and {len(additions['files'])} files; review the diff")
    elif new_pages or additions["files"]:
        print("# Not yet in data/urls.yml (add these lines, or run `make urls-add`):")
        for address, ids in new_pages.items():
            state = "new anchors on" if address in contract["pages"] else "new page"
            print(f"  {_quote(address)}: [{', '.join(_quote(a) for a in ids)}]   # {state}")
        for f in additions["files"]:
            print(f"  - {_quote(f)}   # new file")
    else:
        print("data/urls.yml lists every page, anchor and file of this build.")
    broken = [p for p in check(args.site, contract) if "does not list it" not in p]
    for problem in broken:
        print(f"BROKEN PROMISE {problem}", file=sys.stderr)
    return 1 if broken else 0


HEADER = """\
# The published-URL contract. Therapists send clients links to these addresses and sections, and we
# promise they keep working. tests/site/test_urls.py checks that every address below resolves in the
# built site (directly, or through a redirect that keeps the #anchor) with every anchor listed, and that
# every page the build writes is listed here.
#
# New page or new section?  `make urls` prints the lines to add; `make urls-add` merges them in.
# Moved or renamed a page?  Keep its old address here and add a redirect in mkdocs.yml
#                           (plugins: redirects: redirect_maps), e.g. 'practices/old.md': 'practices/new.md'.
# Removed a section?        Keep its id on the nearest heading ({#old-id}) rather than delete it here.
# Nothing removes entries automatically: deleting a line is a decision to break links, made in a diff.
"""
LINKABLE_TAGS = {"h2", "h3", "h4", "h5", "h6", "dt", "li", "section"}
# Ids the templates put on every page, and the prefixes of ids that footnotes and Material's tags
# plugin generate: none of them is a section a writer maintains.
TEMPLATE_IDS = {"sources"}
GENERATED_PREFIXES = ("fn:", "fnref:", "tag:")
NOT_PAGES = {"404.html"}
FILE_SUFFIXES = (".pdf",)
_ANCHOR = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")
_PLAIN = re.compile(r"[/A-Za-z0-9][/A-Za-z0-9_.-]*")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}

if __name__ == "__main__":
    sys.exit(main())
