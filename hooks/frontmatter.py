"""Every page declares itself: validate front matter, resolve sources, check required sections."""
from __future__ import annotations

from macros.pages import check_sections, validate_meta


def on_page_markdown(markdown, page, config, files):
    page.closer_sources = validate_meta(page.file.src_uri, page.meta)
    return markdown


def on_page_content(html, page, config, files):
    check_sections(page.file.src_uri, page.meta["kind"], html)
    return html
