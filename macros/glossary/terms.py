"""Glossary terms: data/glossary.yml, checked into Term records (one slug, one wording per term)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.errors import DataError
from ..content.fields import check_keys, expect_list, expect_text, is_one_sentence, is_slug

GLOSSARY_PAGE = "glossary/index.md"
KEYS_REQUIRED = ("slug", "term", "definition", "explanation")
KEYS_OPTIONAL = ("aliases", "see_also", "related", "glossary_only")
MAX_DEFINITION = 160
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


def validate(entries: object, file: str, pages: frozenset[str] | set[str]) -> list[Term]:
    """Check every entry and the links between them; `pages` are the src_uris of the guide's pages."""
    if not isinstance(entries, list) or not entries:
        raise DataError(f"{file}: expected a list of terms, each starting with '- slug:', got {type(entries).__name__}")
    terms: dict[str, Term] = {}
    for number, entry in enumerate(entries, 1):
        term = _entry(f"{file}: term {number}", entry, pages)
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


def _entry(where: str, entry: object, pages) -> Term:
    if isinstance(entry, dict) and isinstance(entry.get("slug"), str):
        where = f"{where.rsplit(': term ', 1)[0]}: term '{entry['slug']}'"
    check_keys(where, entry, KEYS_REQUIRED, KEYS_OPTIONAL)
    slug = entry["slug"]
    if not is_slug(slug) or slug.startswith("letter-") or slug == "sources":
        raise DataError(f"{where}: 'slug' must be lowercase words joined by hyphens, not 'sources' or 'letter-…', got {slug!r}")
    definition = expect_text(where, "definition", entry["definition"])
    if len(definition) > MAX_DEFINITION or not is_one_sentence(definition) or '"' in definition:
        raise DataError(
            f"{where}: 'definition' must be one sentence of at most {MAX_DEFINITION} characters ending in a full stop, "
            f"without straight double quotes (it rides on the link for the popover); got {len(definition)} characters: {definition!r}"
        )
    lists = {
        key: tuple(expect_text(where, key, value) for value in expect_list(where, key, entry[key]))
        for key in ("aliases", "see_also", "related") if key in entry
    }
    for form in (entry["term"], *lists.get("aliases", ())):
        if not isinstance(form, str) or not _FORM.match(form) or not re.search(r"\w", form):
            raise DataError(f"{where}: a wording must be words, spaces, hyphens or quotes, got {form!r}")
    for page in lists.get("related", ()):
        if not page.endswith(".md") or page not in pages:
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
