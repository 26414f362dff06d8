"""Every page declares itself: validate front matter, resolve sources, check required sections."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from macros.pages import check_sections, validate_meta


# Before the macros plugin renders the page, so a front-matter mistake is reported as itself
# rather than as a macro failing on missing metadata.
@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    page.closer_sources = validate_meta(page.file.src_uri, page.meta, page.file.content_string)
    return markdown


def on_page_content(html, page, config, files):
    check_sections(page.file.src_uri, page.meta["kind"], html)
    return html
