"""Phone numbers come from data/helplines.yml: refuse a page that types one by hand, and hand the
numbers every printed page carries to the templates (overrides/partials/print-safety.html)."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from macros import adapter
from macros.safety import contact, phone_numbers


@adapter.reported
def on_config(config):
    content = adapter.content(config)
    config["extra"]["closer_print_safety"] = contact.paper_safety(content.helplines, content.site_url)
    return config


# Before front matter is checked and macros run: the check reads the page as the writer wrote it.
@event_priority(110)
@adapter.reported
def on_page_markdown(markdown, page, config, files):
    content = adapter.content(config)
    written = content.pages.get(page.file.src_uri)
    if written is not None:  # generated pages take every number from the data; their HTML is checked below
        phone_numbers.check_page(page.file.src_uri, written.source, content.helplines)
    return markdown


@adapter.reported
def on_page_content(html, page, config, files):
    phone_numbers.check_html(page.file.src_uri, html, adapter.content(config).helplines)
    return html
