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


def built(uri: str, directory_urls: bool = True) -> str:
    """Where the page 'folder/page.md' is written: 'folder/page/' on the site (directory URLs), and
    'folder/page.html' in the offline edition (mkdocs.offline.yml, `use_directory_urls: false`)."""
    if uri == "index.md" or uri.endswith("/index.md"):
        folder = uri[: -len("index.md")]
        return folder if directory_urls else folder + "index.html"
    stem = uri[: -len(".md")]
    return stem + "/" if directory_urls else stem + ".html"


def folder(uri: str, directory_urls: bool = True) -> str:
    """The folder of the built page, where its own files (its PDF) go: 'worksheets/x/' on the site,
    'worksheets/' in the offline edition, so the page's link '<id>.pdf' opens the file in both."""
    page = built(uri, directory_urls)
    if page.endswith("/") or "/" not in page:
        return page if page.endswith("/") else ""
    return posixpath.dirname(page) + "/"


def built_href(from_uri: str, target: str, directory_urls: bool = True) -> str:
    """A relative link between built pages, for raw HTML, which MkDocs does not rewrite as it does a
    Markdown link to a .md file: '../../safety/#x' from worksheets/x/, '../safety/index.html#x' from
    worksheets/x.html."""
    path, _, anchor = target.partition("#")
    to = built(path, directory_urls)
    rel = posixpath.relpath(to or ".", folder(from_uri, directory_urls) or ".")
    if to.endswith("/") or not to:
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def file_href(from_uri: str, page: str, name: str, directory_urls: bool = True) -> str:
    """A relative link from a built page to a file written beside another page (a PDF): the file
    `name` in the folder of 'folder/page.md', as the site and the offline edition lay them out."""
    return posixpath.relpath(folder(page, directory_urls) + name, folder(from_uri, directory_urls) or ".")
