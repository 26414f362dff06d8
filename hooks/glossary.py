"""Link glossary terms across the guide and fill the glossary's "appears on" lines.

MkDocs renders every page's content (on_page_content) before it builds any page's final HTML
(on_page_context), so by the time the glossary page is built, every page has been linked and its uses
recorded. The linker and the uses belong to one build: they live on the config object, never here.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from macros import adapter
from macros.glossary import linker, page as glossary_page
from macros.glossary.terms import GLOSSARY_PAGE


def on_files(files, config):
    config.closer_glossary = {
        "linker": linker.Linker(list(adapter.content(config).terms)),
        "file": files.get_file_from_path(GLOSSARY_PAGE),
        "uses": {},
    }
    return files


def on_page_content(html, page, config, files):
    build = config.closer_glossary
    if build["file"] is None or page.file.src_uri == GLOSSARY_PAGE:
        return html
    html, slugs = build["linker"].link(html, build["file"].url_relative_to(page.file))
    for slug in slugs:
        build["uses"].setdefault(slug, []).append(page)
    return html


# Before the search plugin indexes the page, so the backlinks are searchable like the rest of it.
@event_priority(50)
def on_page_context(context, page, config, nav):
    if page.file.src_uri == GLOSSARY_PAGE:
        backlinks = {
            slug: [(p.title, p.file.url_relative_to(page.file)) for p in pages]
            for slug, pages in config.closer_glossary["uses"].items()
        }
        page.content = glossary_page.fill_backlinks(page.content, backlinks)
    return context
