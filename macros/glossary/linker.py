"""Linking the first use of each glossary term in a page's HTML, in one pass with one prepared pattern."""
from __future__ import annotations

import html as htmllib
import re

from .terms import Term, by_slug, normalise

class Linker:
    """Links the first use of each term in a page, in one pass with one compiled pattern.

    The pattern matches either an HTML tag or comment, or any wording of any term. The wordings are
    folded into a trie, so each character is tried once, and every branch is greedy, so the longest
    wording wins ("emotional bid" before "bid"). Tags keep a stack that says whether the text they hold
    may be linked: never inside headings, links, code, form controls or opted-out elements."""

    def __init__(self, terms: list[Term]):
        self.terms = by_slug(terms)
        self.slug_of = {normalise(form): t.slug for t in terms for form in t.forms}
        self.pattern = re.compile(
            r"(?P<tag><!--.*?-->|<[^>]*>)|(?<![\w/-])(?P<term>" + _trie(self.slug_of) + r")(?![\w/-])",
            re.S | re.I,
        )

    def link(self, html: str, glossary_url: str) -> tuple[str, list[str]]:
        """Return the page with terms linked, and the slugs the page now links (in order)."""
        out: list[str] = []
        used: list[str] = []
        # A term the page links by hand (the term macro) is linked there only, not at its first use.
        forced = set(re.findall(f'href="{re.escape(glossary_url)}#([a-z0-9-]+)"', html))
        stack: list[tuple[str, bool]] = []
        pos = 0
        while match := self.pattern.search(html, pos):
            out.append(html[pos:match.start()])
            pos = match.end()
            tag = match.group("tag")
            if tag is None:
                slug = self.slug_of[normalise(match.group("term"))]
                if (stack and stack[-1][1]) or slug in used or slug in forced:
                    out.append(match.group())
                else:
                    used.append(slug)
                    out.append(self._anchor(slug, glossary_url, match.group()))
                continue
            name, closing = _tag_name(tag)
            if name in RAW_TEXT and not closing:
                close = re.compile(f"</{name}", re.I).search(html, pos)
                end = close.start() if close else len(html)
                out.append(tag + html[pos:end])
                pos = end
                continue
            slug = self._glossary_target(name, tag, glossary_url)
            if slug:
                tag = self._with_definition(tag, slug)
                if slug not in used:
                    used.append(slug)
            out.append(tag)
            _track(stack, name, closing, tag)
        out.append(html[pos:])
        return "".join(out), used

    def _anchor(self, slug: str, glossary_url: str, text: str) -> str:
        return f'<a class="closer-glossary-link" href="{glossary_url}#{slug}"{self._data(slug)}>{text}</a>'

    def _data(self, slug: str) -> str:
        """The term and its definition, for the popover (docs/javascripts/glossary-popover.js)."""
        term = self.terms[slug]
        return f' data-closer-term="{htmllib.escape(term.term)}" data-closer-definition="{htmllib.escape(term.definition)}"'

    def _glossary_target(self, name: str, tag: str, glossary_url: str) -> str | None:
        """The slug an existing link points at when it leads to a glossary term (the term macro)."""
        if name != "a":
            return None
        href = re.search(r'\shref="([^"]*)"', tag)
        if not href or not href.group(1).startswith(f"{glossary_url}#"):
            return None
        slug = href.group(1).split("#", 1)[1]
        return slug if slug in self.terms else None

    def _with_definition(self, tag: str, slug: str) -> str:
        if re.search(r"\sdata-closer-definition=", tag):
            return tag
        if re.search(r'\sclass="', tag):
            tag = re.sub(r'\sclass="', ' class="closer-glossary-link ', tag, count=1)
            return tag[:2] + self._data(slug) + tag[2:]
        return tag[:2] + ' class="closer-glossary-link"' + self._data(slug) + tag[2:]


def _trie(forms) -> str:
    """One regex for many wordings: shared beginnings are written once, longer endings tried first."""
    root: dict = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: dict) -> str:
    branches = [_ATOMS.get(char, re.escape(char)) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _tag_name(tag: str) -> tuple[str, bool]:
    match = re.match(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)", tag)
    return (match.group(2).lower(), bool(match.group(1))) if match else ("", False)


def _track(stack: list[tuple[str, bool]], name: str, closing: bool, tag: str) -> None:
    """Keep the stack of open elements, each marked True when text inside it must stay unlinked."""
    if not name or name in VOID or tag.endswith("/>"):
        return
    if closing:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == name:
                del stack[depth:]
                break
        return
    classes = re.search(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", tag)
    skip = name in NO_LINK_TAGS or bool(classes and NO_LINK_CLASSES & set("".join(classes.groups("")).split()))
    stack.append((name, skip or bool(stack and stack[-1][1])))


# A wording is matched whole: not inside a longer word, a hyphenated compound or an address written out
# as text (closer-guide.org/practices/perspective-taking/). A space in a wording matches any run of
# whitespace (Markdown keeps line breaks); a straight quote matches curly ones too.
_ATOMS = {" ": r"\s+", '"': "[\"“”]", "'": "['’]"}
NO_LINK_TAGS = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "abbr", "button", "label",
    "textarea", "select", "option", "legend", "summary", "svg", "math", "script", "style", "template",
})
NO_LINK_CLASSES = frozenset({"closer-no-glossary", "closer-page-meta", "headerlink", "md-annotation"})
RAW_TEXT = frozenset({"script", "style", "textarea"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
