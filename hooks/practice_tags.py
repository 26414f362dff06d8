"""Practice pages get their tags from their `practice` record, never typed by hand.

Material's tags plugin reads `page.meta["tags"]` in its own on_page_markdown (priority -50), so this
hook runs before it and fills the tags in: the pillars the practice builds, the approaches it comes
from, and its time bucket. Tags a page does write by hand are kept, after the derived ones.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from macros import adapter
from macros.practices import render


# After hooks/frontmatter.py (100); before the tags plugin (-50).
@event_priority(50)
@adapter.reported
def on_page_markdown(markdown, page, config, files):
    content = adapter.content(config)
    practice = content.practices.get(page.file.src_uri.removeprefix("practices/").removesuffix(".md"))
    if practice is not None and practice.src_uri == page.file.src_uri:
        written = page.meta.get("tags") or []
        page.meta["tags"] = list(dict.fromkeys([*render.tags(content, practice), *written]))
    return markdown
