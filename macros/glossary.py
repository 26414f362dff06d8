"""The glossary: one data file becomes the glossary page and links with tooltips across the guide.

data/glossary.yml is a list of terms. This module validates it, renders the glossary page as Markdown,
renders an explicit link for the `term` macro, and links the first use of each term in a page's HTML in
one pass with one prepared pattern (Linker). Everything here is pure: hooks/glossary.py wires it into
the build, and the tests call it directly.
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .data import DATA, ROOT, DataError, check_keys, expect_list, expect_text, read_yaml, relative

DOCS = ROOT / "docs"
GLOSSARY_PAGE = "glossary/index.md"
KEYS_REQUIRED = ("slug", "term", "definition", "explanation")
KEYS_OPTIONAL = ("aliases", "see_also", "related", "glossary_only")
MAX_DEFINITION = 160
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FORM = re.compile(r"^[\w\"“”' -]+$")


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    definition: str
    explanation: str
    aliases: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    glossary_only: bool = False

    @property
    def forms(self) -> tuple[str, ...]:
        """Every wording that counts as a use of the term: its name, then its aliases."""
        return (self.term, *self.aliases)


def load(path: Path = DATA / "glossary.yml", docs: Path = DOCS) -> list[Term]:
    """The validated glossary, parsed again only when the file changes (mkdocs serve)."""
    return _load(Path(path), Path(docs), Path(path).stat().st_mtime_ns if Path(path).exists() else 0)


@lru_cache(maxsize=4)
def _load(path: Path, docs: Path, _mtime: int) -> list[Term]:
    return validate(read_yaml(path), relative(path), docs)


def validate(entries: object, file: str, docs: Path = DOCS) -> list[Term]:
    """Check every entry and the links between them; raise DataError naming the file and the term."""
    if not isinstance(entries, list) or not entries:
        raise DataError(f"{file}: expected a list of terms, each starting with '- slug:', got {type(entries).__name__}")
    terms: dict[str, Term] = {}
    for number, entry in enumerate(entries, 1):
        term = _entry(f"{file}: term {number}", entry, docs)
        if term.slug in terms:
            raise DataError(f"{file}: term '{term.slug}': the slug is used twice (entries {list(terms).index(term.slug) + 1} and {number}); each slug must be unique")
        terms[term.slug] = term
    owner: dict[str, str] = {}
    for term in terms.values():
        where = f"{file}: term '{term.slug}'"
        for other in term.see_also:
            if other not in terms or other == term.slug:
                raise DataError(f"{where}: 'see_also' names {other!r}, which is not another term's slug in {file}")
        for form in term.forms:
            key = normalise(form)
            if owner.setdefault(key, term.slug) != term.slug:
                raise DataError(f"{where}: the wording {form!r} already belongs to term '{owner[key]}'; a wording can link to one term only")
    return sorted(terms.values(), key=lambda t: t.term.casefold())


def _entry(where: str, entry: object, docs: Path) -> Term:
    if isinstance(entry, dict) and isinstance(entry.get("slug"), str):
        where = f"{where.rsplit(': term ', 1)[0]}: term '{entry['slug']}'"
    check_keys(where, entry, KEYS_REQUIRED, KEYS_OPTIONAL)
    slug = entry["slug"]
    if not isinstance(slug, str) or not _SLUG.match(slug) or slug.startswith("letter-") or slug == "sources":
        raise DataError(f"{where}: 'slug' must be lowercase words joined by hyphens, not 'sources' or 'letter-…', got {slug!r}")
    definition = expect_text(where, "definition", entry["definition"])
    one_sentence = definition.endswith(".") and not re.search(r"[.?!]\s+[A-Z]", definition)
    if len(definition) > MAX_DEFINITION or not one_sentence or '"' in definition:
        raise DataError(
            f"{where}: 'definition' must be one sentence of at most {MAX_DEFINITION} characters ending in a full stop, "
            f"without straight double quotes (it becomes a tooltip); got {len(definition)} characters: {definition!r}"
        )
    lists = {
        key: tuple(expect_text(where, key, value) for value in expect_list(where, key, entry[key]))
        for key in ("aliases", "see_also", "related") if key in entry
    }
    for form in (entry["term"], *lists.get("aliases", ())):
        if not isinstance(form, str) or not _FORM.match(form) or not re.search(r"\w", form):
            raise DataError(f"{where}: a wording must be words, spaces, hyphens or quotes, got {form!r}")
    for page in lists.get("related", ()):
        if not page.endswith(".md") or not (docs / page).is_file():
            raise DataError(f"{where}: 'related' names {page!r}, but docs/{page} does not exist; give a page path such as practices/mirroring.md")
    glossary_only = entry.get("glossary_only", False)
    if not isinstance(glossary_only, bool):
        raise DataError(f"{where}: 'glossary_only' must be true or false, got {glossary_only!r}")
    return Term(
        slug=slug,
        term=expect_text(where, "term", entry["term"]),
        definition=definition,
        explanation=expect_text(where, "explanation", entry["explanation"]),
        aliases=lists.get("aliases", ()),
        see_also=lists.get("see_also", ()),
        related=lists.get("related", ()),
        glossary_only=glossary_only,
    )


def normalise(text: str) -> str:
    """One spelling per wording: lower case, single spaces, straight quotes."""
    return " ".join(text.replace("“", '"').replace("”", '"').replace("’", "'").lower().split())


def by_slug(terms: list[Term]) -> dict[str, Term]:
    return {t.slug: t for t in terms}


def term_link(terms: list[Term], src_uri: str, slug: str, text: str | None = None) -> str:
    """The Markdown link the `term` macro writes; the hook gives it its tooltip."""
    found = by_slug(terms).get(slug)
    if found is None:
        raise DataError(f"docs/{src_uri}: term({slug!r}) names no glossary term; use a slug from data/glossary.yml")
    if src_uri == GLOSSARY_PAGE:
        return f"[{text or found.term}](#{slug})"
    return f"[{text or found.term}]({'../' * src_uri.count('/')}{GLOSSARY_PAGE}#{slug})"


# --- the glossary page --------------------------------------------------------------------------

def page_markdown(terms: list[Term], titles: dict[str, str]) -> str:
    """The glossary page body: a letter bar, then one section per letter and one heading per term.

    `titles` maps each related page path to its title. Each term ends with an empty "appears on"
    marker that hooks/glossary.py fills once every page has been linked."""
    letters: dict[str, list[Term]] = {}
    for term in terms:
        letters.setdefault(_letter(term), []).append(term)
    bar = " ".join(f"[{letter}](#{_letter_id(letter)})" for letter in letters)
    parts = [f'<nav class="closer-glossary-letters" aria-label="Terms by first letter" markdown>\n\n{bar}\n\n</nav>']
    names = by_slug(terms)
    for letter, group in letters.items():
        parts.append(f"## {letter} {{#{_letter_id(letter)}}}")
        for term in group:
            parts.append(_entry_markdown(term, names, titles))
    return "\n\n".join(parts) + "\n"


def related_titles(terms: list[Term], docs: Path = DOCS) -> dict[str, str]:
    """The title of every related page, from its front matter."""
    from mkdocs.utils.meta import get_data

    paths = {page for term in terms for page in term.related}
    return {page: get_data((docs / page).read_text(encoding="utf-8"))[1].get("title", page) for page in paths}


def _entry_markdown(term: Term, names: dict[str, Term], titles: dict[str, str]) -> str:
    lines = [
        f"### {term.term[0].upper()}{term.term[1:]} {{#{term.slug}}}",
        f"{term.definition}\n{{ .closer-glossary-definition }}",
        term.explanation,
    ]
    if term.see_also:
        links = ", ".join(f"[{names[s].term}](#{s})" for s in term.see_also)
        lines.append(f"**See also:** {links}\n{{ .closer-glossary-see-also }}")
    if term.related:
        links = ", ".join(f"[{titles[p]}](../{p})" for p in term.related)
        lines.append(f"**Read more:** {links}\n{{ .closer-glossary-related }}")
    lines.append(f'<p class="closer-glossary-appears" data-appears="{term.slug}"></p>')
    return "\n\n".join(lines)


def _letter(term: Term) -> str:
    first = term.term.lstrip("\"“'")[0].upper()
    return first if first.isalpha() else "0–9"


def _letter_id(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"


_APPEARS = re.compile(r'<p class="closer-glossary-appears" data-appears="([a-z0-9-]+)"></p>')


def fill_backlinks(html: str, pages: dict[str, list[tuple[str, str]]]) -> str:
    """Write each term's "appears on" line: `pages` maps a slug to (title, relative url) pairs."""
    def line(match: re.Match) -> str:
        uses = sorted(set(pages.get(match.group(1), ())), key=lambda p: p[0].casefold())
        if not uses:
            return '<p class="closer-glossary-appears">Used only in this glossary.</p>'
        links = ", ".join(f'<a href="{htmllib.escape(url)}">{htmllib.escape(title)}</a>' for title, url in uses)
        return f'<p class="closer-glossary-appears"><strong>Appears on:</strong> {links}</p>'
    return _APPEARS.sub(line, html)


# --- linking terms in a page's HTML ---------------------------------------------------------------

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
                tag = self._with_tooltip(tag, slug)
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

    def _with_tooltip(self, tag: str, slug: str) -> str:
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
