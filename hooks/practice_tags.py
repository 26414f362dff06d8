"""Practice pages get their tags from their `practice` mapping, never typed by hand.

Material's tags plugin reads `page.meta["tags"]` in its own on_page_markdown (priority -50), so this
hook runs before it and fills the tags in: the pillars the practice builds, the approaches it comes
from, and its time bucket. Tags a page does write by hand are kept, after the derived ones.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from macros.data import DataError
from macros.practices import tags, validate


# After hooks/frontmatter.py (100) has checked the front matter; before the tags plugin (-50).
@event_priority(50)
def on_page_markdown(markdown, page, config, files):
    is_practice = page.meta.get("kind") == "practice"
    if not is_practice and "practice" in page.meta:
        raise DataError(f"docs/{page.file.src_uri}: a 'practice' mapping belongs only on a page of kind 'practice'")
    if is_practice:
        derived = tags(validate(page.file.src_uri, page.meta.get("practice")))
        written = page.meta.get("tags") or []
        if not isinstance(written, list):
            raise DataError(f"docs/{page.file.src_uri}: 'tags' must be a list, got {written!r}")
        page.meta["tags"] = list(dict.fromkeys([*derived, *written]))
    return markdown
