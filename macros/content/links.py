"""The one way to write a link between pages: relative, to the Markdown file, so the strict build checks
file and anchor, and another builder resolves it the same way."""
from __future__ import annotations

import posixpath
from urllib.parse import urljoin


def href(from_uri: str, target: str) -> str:
    """A relative link from the page at from_uri to 'folder/page.md' (plus any '#anchor')."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(from_uri) or ".") if path else ""
    return rel + (f"#{anchor}" if anchor else "")


def public_url(site_url: str, target: str) -> str:
    """The public address of 'folder/page.md#anchor' (directory URLs), for paper, QR codes and PDFs."""
    path, _, anchor = target.partition("#")
    if path.endswith("index.md"):
        path = path[: -len("index.md")]
    elif path.endswith(".md"):
        path = path[: -len(".md")] + "/"
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, path) + (f"#{anchor}" if anchor else "")
