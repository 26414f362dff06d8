"""Every page declares itself: validate front matter, resolve sources, check required sections, and keep
writers' notes about sources out of what readers see."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from macros import caveats
from macros.data import check_no_writer_notes, page_kinds, read_text
from macros.pages import check_sections, check_unique_ids, validate_meta


def on_page_read_source(page, config):
    """The page's text, which must be UTF-8: MkDocs would stop with a traceback naming no file."""
    if page.file.abs_src_path:
        return read_text(page.file.abs_src_path)
    return None


# Before the macros plugin renders the page, so a front-matter mistake is reported as itself
# rather than as a macro failing on missing metadata.
@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    page.closer_sources = validate_meta(page.file.src_uri, page.meta, page.file.content_string)
    # The kind's search weight, unless the page sets its own.
    boost = page_kinds()[page.meta["kind"]].get("search_boost")
    if boost is not None:
        page.meta["search"] = {"boost": boost, **(page.meta.get("search") or {})}
    return markdown


def on_page_content(html, page, config, files):
    check_unique_ids(page.file.src_uri, html)
    check_sections(page.file.src_uri, page.meta["kind"], html)
    caveats.check(page.file.src_uri, page.meta, html)
    return html


# Last, on the finished HTML (packets and their PDFs are made from it): a writer's note never reaches readers.
@event_priority(-100)
def on_post_page(output, page, config):
    check_no_writer_notes(f"docs/{page.file.src_uri}", output)
    return output
