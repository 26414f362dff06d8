"""The quick exit on every page: Material's header carries it (overrides/partials/quick-exit.html), and
pages about fear, control or getting help (`safety: true`; worksheets: `safety_note: true`) also let the
Escape key leave. This checks the finished HTML: if a template change, a `template:` override or a lost
include leaves a page without it, the build stops and names the page."""
from __future__ import annotations

import re

from ..content.errors import DataError

# The control's container and its link out, as the partial writes them.
QUICK_EXIT = re.compile(
    r'<div class="closer-quick-exit" data-closer-quick-exit(?: data-closer-escape)?>\s*'
    r'<a class="closer-quick-exit__link" href="https://'
)


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
