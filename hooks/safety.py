"""Pages about fear, control or getting help declare `safety: true` in their front matter (worksheets:
`safety_note: true` in their data), and Material's header then carries the quick exit
(overrides/partials/quick-exit.html). This checks the finished HTML of every page so marked: if a
template change, a `template:` override or a lost include leaves one without its quick exit, the
build stops and names the page."""
from __future__ import annotations

import re

from macros.data import DataError

# The control's container and its link out, as the partial writes them.
QUICK_EXIT = re.compile(
    r'<div class="closer-quick-exit" data-closer-quick-exit(?: data-closer-escape)?>\s*'
    r'<a class="closer-quick-exit__link" href="https://'
)


def source_name(page) -> str:
    """The file a writer edits: a worksheet page is generated from its data file."""
    src = page.file.src_uri
    if page.file.generated_by and src.startswith("worksheets/"):
        return f"data/worksheets/{src.removeprefix('worksheets/').removesuffix('.md')}.yml"
    return f"docs/{src}"


ESCAPE = re.compile(r'<div class="closer-quick-exit" data-closer-quick-exit data-closer-escape>')


def check_quick_exit(name: str, meta: dict, html: str) -> None:
    """Every page carries the quick exit; a page about safety also lets the Escape key leave."""
    if meta.get("safety") is True and not (QUICK_EXIT.search(html) and ESCAPE.search(html)):
        raise DataError(
            f"{name}: the page is marked as about safety ('safety: true'), so its header needs the quick exit "
            "from overrides/partials/quick-exit.html, with Escape to leave, but the built page has none"
        )
    if not QUICK_EXIT.search(html):
        raise DataError(
            f"{name}: every page's header needs the quick exit from overrides/partials/quick-exit.html, "
            "but the built page has none (a template override may have dropped it)"
        )


def on_post_page(output, page, config):
    check_quick_exit(source_name(page), page.meta, output)
    return output
