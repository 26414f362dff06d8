"""Every moved address as an HTTP 301, from mkdocs.yml's redirect_maps, checked against the built
site and data/urls.yml so that no moved page is left to a <meta> refresh alone.

mkdocs-redirects writes a small forwarding page at each old address (its script keeps the #anchor);
a static host or nginx given these rules answers with a real 301 instead, which browsers follow with
the #anchor kept and which needs no JavaScript. `make dist` then drops those forwarding pages, so a
host that lets a file win over a redirect (Netlify, unless forced with `301!`, which Cloudflare
refuses) still redirects; `make build`'s site/ keeps them for hosts that cannot redirect.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..content.errors import DataError
from ..urls import scan


@dataclass(frozen=True)
class Redirect:
    old: str       # the old address, "/help/"
    new: str       # where it now lives, "/safety/" (or another host's https:// address)
    source: str    # the redirect_maps entry it comes from, "help.md: safety/index.md"

    def sources(self) -> list[str]:
        """The old address as readers may type it: with and without the slash, and as its file."""
        if self.old.endswith("/") and self.old != "/":
            return [self.old, self.old.rstrip("/"), self.old + "index.html"]
        return [self.old]


def address_of(src: str) -> str:
    """The public address of a page's source file (directory URLs), "safety/index.md" -> "/safety/";
    an address or another host's URL is kept, with any #anchor."""
    path, hash_, fragment = src.partition("#")
    if path.startswith(("http://", "https://")):
        return src
    if not path.endswith(".md"):
        address = "/" + path.lstrip("/")
    else:
        stem = path[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")]
        else:
            stem += "/"
        address = "/" + stem.lstrip("/")
    address = posixpath.normpath(address) + ("/" if address.endswith("/") and address != "/" else "")
    return (address if address != "//" else "/") + (hash_ + fragment if hash_ else "")


def from_maps(maps: dict[str, str]) -> list[Redirect]:
    return [Redirect(address_of(old), address_of(new), f"{old}: {new}") for old, new in sorted(maps.items())]


def check(site: Path, rules: list[Redirect], contract: dict, site_label: str) -> None:
    """Refuse a moved page without a 301: a forwarding page in the build, or an address data/urls.yml
    promises that is no page of the build, with no rule here; and a rule to a page the build lacks."""
    built = scan.scan(site)
    covered = {r.old for r in rules}
    for address, page in built["pages"].items():
        if page.redirect_to is not None and address not in covered:
            file = f"{site_label}/{address.strip('/')}/index.html" if address.endswith("/") else f"{site_label}{address}"
            target = scan.join(address, page.redirect_to)
            raise DataError(
                f"{file}: the moved page {address} forwards to {target} by a page of its own, but _redirects has "
                f"no 301 for it; add '{address.strip('/')}.md: <new page>.md' to mkdocs.yml (plugins: redirects: "
                f"redirect_maps) so `make dist` writes one"
            )
    for address in contract["pages"]:
        page = built["pages"].get(address)
        if (page is None or page.redirect_to is not None) and address not in covered:
            raise DataError(
                f"data/urls.yml: {address} is promised but is no page of the build and has no 301 in _redirects; "
                f"add it to mkdocs.yml (plugins: redirects: redirect_maps)"
            )
    for rule in rules:
        target = rule.new.partition("#")[0]
        if target.startswith(("http://", "https://")):
            continue
        page = built["pages"].get(target)
        if page is None or page.redirect_to is not None:
            raise DataError(f"mkdocs.yml: redirect_maps entry '{rule.source}' sends {rule.old} to {target}, which is not a page of the build")


def drop_forwarding_pages(site: Path, rules: list[Redirect]) -> list[str]:
    """Delete the forwarding page at each old address a rule now answers; returns the files removed."""
    built = scan.scan(site)
    removed = []
    for rule in rules:
        page = built["pages"].get(rule.old)
        if page is None or page.redirect_to is None or not rule.old.endswith("/"):
            continue
        path = site / rule.old.strip("/") / "index.html"
        path.unlink()
        removed.append(path.relative_to(site).as_posix())
        if not any(path.parent.iterdir()):
            path.parent.rmdir()
    return removed
