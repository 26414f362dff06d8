"""Our stylesheets and scripts as few files as a page needs: the source files stay separate for writing
(docs/stylesheets/*.css, docs/javascripts/*.js, listed once in mkdocs.yml's extra_css and
extra_javascript), and each build joins them, in that order, into one minified stylesheet and one
minified script for every page, plus a stylesheet and a script for the pages that show a worksheet
form or the safety page's saved-answers choices. Each file's name carries a hash of its text, so a
browser may keep it for as long as it likes and still never runs an old copy.

Pure functions; hooks/assets.py swaps the lists in mkdocs.yml for the bundles and adds the worksheet
bundle to the pages that need it. Minified with rcssmin and rjsmin (no dependencies, pure Python).
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass

FOLDER = "assets/closer"
# Source files whose name starts with one of these go into the worksheet bundle, not every page's.
WORKSHEET_SOURCES = ("worksheets",)
# What a page carries when it needs the worksheet bundle: a worksheet's fields (class "ws-…") or the
# safety page's choices about saved answers (data-closer-device).
_NEEDS_WORKSHEET = re.compile(r'class="(?:[^"]*\s)?ws-|\sdata-closer-device[\s>=]')


@dataclass(frozen=True)
class Bundle:
    path: str      # 'assets/closer/closer.1a2b3c4d5e.css', relative to the site's root
    text: str
    sources: tuple[str, ...]


def is_worksheet_source(path: str) -> bool:
    return posixpath.basename(path).startswith(WORKSHEET_SOURCES)


def minify(kind: str, text: str) -> str:
    if kind == "css":
        import rcssmin
        return rcssmin.cssmin(text)
    if kind == "js":
        import rjsmin
        return rjsmin.jsmin(text)
    raise ValueError(f"no minifier for {kind!r}")


def bundle(name: str, kind: str, sources: list[tuple[str, str]]) -> Bundle:
    """One file from (path, text) sources, in order. Each script is a whole program (an IIFE), so
    scripts are joined with ';' and a newline; stylesheets with a newline."""
    joiner = ";\n" if kind == "js" else "\n"
    text = joiner.join(minify(kind, source).strip().rstrip(";") if kind == "js" else minify(kind, source).strip()
                       for _, source in sources) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return Bundle(f"{FOLDER}/{name}.{digest}.{kind}", text, tuple(path for path, _ in sources))


def bundles(css: list[tuple[str, str]], js: list[tuple[str, str]]) -> dict[str, Bundle]:
    """'css' and 'js' for every page; 'worksheet-css' and 'worksheet-js' for the pages that need them
    (absent when no source is a worksheet source)."""
    made = {}
    for kind, sources in (("css", css), ("js", js)):
        common = [s for s in sources if not is_worksheet_source(s[0])]
        only = [s for s in sources if is_worksheet_source(s[0])]
        made[kind] = bundle("closer", kind, common)
        if only:
            made[f"worksheet-{kind}"] = bundle("worksheets", kind, only)
    return made


def needs_worksheet(html: str) -> bool:
    return _NEEDS_WORKSHEET.search(html) is not None


def with_worksheet_bundle(html: str, made: dict[str, Bundle]) -> str:
    """The page with the worksheet stylesheet after our common one and the worksheet script after our
    common script, at the same relative depth; unchanged if the page does not need them."""
    if not needs_worksheet(html):
        return html
    for kind, tag in (("css", '<link rel="stylesheet" href="{}">'), ("js", '<script src="{}"></script>')):
        extra = made.get(f"worksheet-{kind}")
        if extra is None:
            continue
        common = made[kind].path
        attr = "href" if kind == "css" else "src"
        pattern = re.compile(rf'<(?:link rel="stylesheet"|script) {attr}="(?P<base>[^"]*){re.escape(common)}"[^>]*>(?:</script>)?')
        match = pattern.search(html)
        if match is None:
            raise ValueError(f"the page has no {common} to put {extra.path} after")
        html = html[:match.end()] + tag.format(match.group("base") + extra.path) + html[match.end():]
    return html
