"""Link glossary terms across the guide and fill the glossary's "appears on" lines.

MkDocs renders every page's content (on_page_content) before it builds any page's final HTML
(on_page_context), so by the time the glossary page is built, every page has been linked and its
uses recorded.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from macros import glossary

_state: dict = {}


def on_pre_build(config):
    # Validate before any page renders, so bad glossary data fails the build as itself.
    terms = glossary.load()
    _state.update(linker=glossary.Linker(terms), uses={}, glossary_file=None)


def on_files(files, config):
    _state["glossary_file"] = files.get_file_from_path(glossary.GLOSSARY_PAGE)
    return files


def on_page_content(html, page, config, files):
    target = _state["glossary_file"]
    if target is None or page.file.src_uri == glossary.GLOSSARY_PAGE:
        return html
    html, slugs = _state["linker"].link(html, target.url_relative_to(page.file))
    for slug in slugs:
        _state["uses"].setdefault(slug, []).append(page)
    return html


# Before the search plugin indexes the page, so the backlinks are searchable like the rest of it.
@event_priority(50)
def on_page_context(context, page, config, nav):
    if page.file.src_uri == glossary.GLOSSARY_PAGE:
        backlinks = {
            slug: [(p.title, p.file.url_relative_to(page.file)) for p in pages]
            for slug, pages in _state["uses"].items()
        }
        page.content = glossary.fill_backlinks(page.content, backlinks)
    return context
