"""Mend three accessibility faults in Material's stock markup, found by axe-core in tests/browser.

1. The search dialog (role="dialog") has no accessible name.
2. With navigation.indexes, a section's <nav> is labelled (aria-labelledby) by an element that is empty,
   or absent when the section has only its index page, so every section nav has the same empty name.
   Each such nav is named with aria-label after its section's title instead.
3. The breadcrumbs (navigation.path) share the name "Navigation" with the main navigation.

If Material's markup changes so that a fix no longer applies, the build fails and says so, rather than
shipping the fault again silently.
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError


def on_post_page(output, page, config):
    return mend(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    """The 404 page is a template of its own, not a page: it needs the same mending."""
    return mend(output_content, template_name) if template_name == "404.html" else output_content


def mend(output: str, where: str) -> str:
    output, found = SEARCH_DIALOG.subn(r'\1 aria-label="Search"', output, count=1)
    if not found and 'data-md-component="search"' in output:
        raise PluginError(f"hooks/a11y.py: {where}: Material's search dialog markup changed; revisit the fix")
    output = BREADCRUMBS.sub('<nav class="md-path" aria-label="Breadcrumb"', output, count=1)
    titles = {m.group("id"): " ".join(m.group("title").split()) for m in SECTION_TITLE.finditer(output)}
    return SECTION_NAV.sub(lambda m: _name_nav(m, titles), output)


def _name_nav(match: re.Match, titles: dict[str, str]) -> str:
    title = titles.get(match.group("id"))
    return f'aria-label="{title}"' if title else match.group(0)


SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?! aria-label)')
SECTION_TITLE = re.compile(
    r'<input class="md-nav__toggle md-toggle[^"]*" type="checkbox" id="(?P<id>__nav_[\d_]+)"[^>]*>\s*'
    r'<div class="md-nav__link md-nav__container">\s*<a [^>]*>\s*<span class="md-ellipsis">\s*(?P<title>[^<]+?)\s*</span>'
)
BREADCRUMBS = re.compile(r'<nav class="md-path" aria-label="[^"]*"')
SECTION_NAV = re.compile(r'aria-labelledby="(?P<id>__nav_[\d_]+)_label"')
