"""Our stylesheets and scripts as few files as a page needs: the source files stay separate for writing
(docs/stylesheets/*.css, docs/javascripts/*.js, listed once in mkdocs.yml's extra_css and
extra_javascript), and each build joins them, in that order, into one minified stylesheet and one
minified script for every page, plus a stylesheet and a script for the pages that need them (a
worksheet form or the safety page's saved-answers choices; a card deck; a handout: PAGE_BUNDLES). Each file's
name carries a hash of its text, so a browser may keep it as long as it likes and never runs an old copy.

Pure functions; hooks/assets.py swaps the lists in mkdocs.yml for the bundles and adds the page
bundles to the pages that need them. Minified with rcssmin and rjsmin (no dependencies, pure Python).
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass

FOLDER = "assets/closer"
# Bundles only some pages load: source files whose name starts with the bundle's name go into it, not
# into every page's. Each is loaded by the pages that carry one of its markers (a cheap substring test
# first, then the pattern):
#   worksheets  a worksheet's fields (class "ws-…") or the safety page's choices about saved answers
#               (data-closer-device);
#   cards       a conversation-card deck or its printable sheets (class "closer-card…", "closer-deck…");
#   therapists  a handout packet (class "closer-packet…").
PAGE_BUNDLES: dict[str, tuple[tuple[str, ...], re.Pattern]] = {
    "worksheets": (("ws-", "data-closer-device"), re.compile(r'class="(?:[^"]*\s)?ws-|\sdata-closer-device[\s>=]')),
    "cards": (("closer-card", "closer-deck"), re.compile(r'class="(?:[^"]*\s)?closer-(?:card|deck)')),
    "therapists": (("closer-packet",), re.compile(r'class="(?:[^"]*\s)?closer-packet')),
}


@dataclass(frozen=True)
class Bundle:
    path: str      # 'assets/closer/closer.1a2b3c4d5e.css', relative to the site's root
    text: str
    sources: tuple[str, ...]


def page_bundle_of(path: str) -> str | None:
    """The page bundle a source file belongs to, or None for the bundle every page loads."""
    name = posixpath.basename(path)
    return next((bundle for bundle in PAGE_BUNDLES if name.startswith(bundle)), None)


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
    """'css' and 'js' for every page; '<bundle>-css' and '<bundle>-js' (e.g. 'worksheets-css') for the
    pages that need them (absent when no source belongs to that bundle)."""
    made = {}
    for kind, sources in (("css", css), ("js", js)):
        made[kind] = bundle("closer", kind, [s for s in sources if page_bundle_of(s[0]) is None])
        for name in PAGE_BUNDLES:
            only = [s for s in sources if page_bundle_of(s[0]) == name]
            if only:
                made[f"{name}-{kind}"] = bundle(name, kind, only)
    return made


def needs(name: str, html: str) -> bool:
    """Whether a page carries a marker of the page bundle `name`."""
    words, pattern = PAGE_BUNDLES[name]
    # The substring test first: the pattern alone cost a millisecond a page on pages without either.
    return any(word in html for word in words) and pattern.search(html) is not None


def with_page_bundles(html: str, made: dict[str, Bundle]) -> str:
    """The page with each page bundle it needs: its stylesheet after our common one and its script after
    our common script, at the same relative depth, in PAGE_BUNDLES order; unchanged if it needs none."""
    for name in reversed(PAGE_BUNDLES):  # each goes right after the common file, so the last goes first
        if needs(name, html):
            html = _after_common(html, made, name)
    return html


def _after_common(html: str, made: dict[str, Bundle], name: str) -> str:
    for kind, tag in (("css", '<link rel="stylesheet" href="{}">'), ("js", '<script src="{}"></script>')):
        extra = made.get(f"{name}-{kind}")
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
