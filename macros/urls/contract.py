"""The published-URL contract: data/urls.yml, every public address of Closer and the anchors it promises.

Each address (a path from the site root, "/" for the home page) lists the anchors promised on it, plus
the downloadable files. `check` holds a built site to it: a promised address must be a page, or a
redirect (written by mkdocs-redirects, whose script keeps `location.hash`) to a page that has every
promised anchor; and every page the build writes must be listed, so a new page gets registered and a
removed one gets a redirect. `missing` lists what a build has that the contract lacks; `add` merges
those entries in and never removes one; `dump` writes the file back, one line per address.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..content.errors import DataError
from .scan import join as _join, scan

_ANCHOR = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")
_PLAIN = re.compile(r"[/A-Za-z0-9][/A-Za-z0-9_.-]*")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def load(data: object, where: str = "data/urls.yml") -> dict:
    """The contract as {"pages": {address: [anchor, ...]}, "files": [address, ...]}, validated."""
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


def _quote(text: str) -> str:
    plain = _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
