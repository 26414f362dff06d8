"""The glossary page, generated from the terms: a letter bar, a section per letter, a heading per term,
and each term's "appears on" line, filled in once every page has been linked."""
from __future__ import annotations

import html as htmllib
import re

from ..content.errors import DataError
from ..content.links import href
from .terms import GLOSSARY_PAGE, Term, by_slug


def term_link(terms: list[Term], src_uri: str, slug: str, text: str | None = None) -> str:
    """The Markdown link the `term` macro writes; the hook gives it its definition for the popover."""
    found = by_slug(terms).get(slug)
    if found is None:
        raise DataError(f"docs/{src_uri}: term({slug!r}) names no glossary term; use a slug from data/glossary.yml")
    if src_uri == GLOSSARY_PAGE:
        return f"[{text or found.term}](#{slug})"
    return f"[{text or found.term}]({href(src_uri, GLOSSARY_PAGE + '#' + slug)})"


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
