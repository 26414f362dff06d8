"""The one plain line on every page that asks partners to open up, share, touch or speak up.

A page declares `opens_up: true` in its front matter and places `{{ safe_to_open_up() }}` where the
line should stand. The build keeps the two in step: the macro refuses a page without the flag, and
`check` fails a flagged page whose HTML lacks the line. Pure functions, so tests call them directly.
"""
from __future__ import annotations

from ..content.errors import DataError
from ..content.links import href

FLAG = "opens_up"
CSS_CLASS = "closer-safe-to-open-up"
SAFETY_PAGE = "safety/index.md"
TEXT = (
    "**Only if you feel safe.** The practices here are for partners who feel safe with each other. "
    "If you are afraid of your partner, or they hurt, threaten or control you, please go to "
    "[Get help now]({href}) first."
)


def opens_up(src_uri: str, meta: dict) -> bool:
    """Whether the page's front matter says it asks partners to open up; only true or false is allowed."""
    value = meta.get(FLAG, False)
    if not isinstance(value, bool):
        raise DataError(f"docs/{src_uri}: '{FLAG}' must be true or false, got {value!r}")
    return value


def safety_href(src_uri: str) -> str:
    """The relative Markdown link from the page at src_uri to the safety page, so the strict build checks it."""
    return href(src_uri, SAFETY_PAGE)


def safe_to_open_up(src_uri: str, meta: dict) -> str:
    """The caveat paragraph, kept out of search results and glossary links (it is the same on every page)."""
    if not opens_up(src_uri, meta):
        raise DataError(
            f"docs/{src_uri}: the safe_to_open_up() line belongs on pages that set '{FLAG}: true' "
            "in their front matter; add the flag or remove the line"
        )
    return (
        TEXT.format(href=safety_href(src_uri))
        + f'\n{{: .{CSS_CLASS} .closer-no-glossary role="note" data-search-exclude }}'
    )


def check(src_uri: str, meta: dict, html: str) -> None:
    """Fail a page that declares it asks partners to open up but does not carry the caveat."""
    if opens_up(src_uri, meta) and f'class="{CSS_CLASS}' not in html:
        raise DataError(
            f"docs/{src_uri}: the page sets '{FLAG}: true' but lacks the line saying these practices are "
            "for partners who feel safe; add {{ safe_to_open_up() }} outside the 'how-to-do-it' section"
        )
