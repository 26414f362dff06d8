"""Every page declares itself: its front matter checked (docs/ pages by the content model when it loads;
generated pages here), its sources resolved, its required sections and unique ids checked, and writers'
notes about sources kept out of what readers see."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from macros import adapter
from macros.content import pages
from macros.safety import caveats


def on_page_read_source(page, config):
    """The page's text from the content model, which read it once (and refused it unless UTF-8)."""
    written = adapter.content(config).pages.get(page.file.src_uri)
    return written.source if written else None


# Before the macros plugin renders the page, so a front-matter mistake is reported as itself
# rather than as a macro failing on missing metadata.
@event_priority(100)
@adapter.reported
def on_page_markdown(markdown, page, config, files):
    content = adapter.content(config)
    uri = page.file.src_uri
    if uri in content.page_sources:
        page.closer_sources = content.page_sources[uri]
    else:  # a generated page: a worksheet or a handout
        page.closer_sources = pages.validate_meta(adapter.source_name(page), uri, page.meta, content.kinds, content.sources)
    # The kind's search weight, unless the page sets its own.
    boost = content.kinds[page.meta["kind"]].search_boost
    if boost is not None:
        page.meta["search"] = {"boost": boost, **(page.meta.get("search") or {})}
    return markdown


@adapter.reported
def on_page_content(html, page, config, files):
    where = f"docs/{page.file.src_uri}"
    pages.check_unique_ids(where, html)
    pages.check_sections(where, adapter.content(config).kinds[page.meta["kind"]], html)
    caveats.check(page.file.src_uri, page.meta, html)
    return html


# Last, on the finished HTML: a writer's note never reaches readers.
@event_priority(-100)
@adapter.reported
def on_post_page(output, page, config):
    pages.check_no_writer_notes(f"docs/{page.file.src_uri}", output, adapter.content(config).sources)
    return output
