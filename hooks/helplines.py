"""Phone numbers come from data/helplines.yml: refuse a page that types one by hand, and hand the
numbers every printed page carries to the templates (overrides/partials/print-safety.html)."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from macros import helplines, phone_numbers, worksheet_render


def on_config(config):
    site_url = worksheet_render.public_site_url(config) or "/"
    config["extra"]["closer_print_safety"] = helplines.paper_safety(helplines.load(), site_url)
    return config


# Before front matter is checked and macros run: the check reads the page as the writer wrote it.
@event_priority(110)
def on_page_markdown(markdown, page, config, files):
    phone_numbers.check_page(page.file.src_uri, page.file.content_string, helplines.load())
    return markdown


def on_page_content(html, page, config, files):
    phone_numbers.check_html(page.file.src_uri, html, helplines.load())
    return html
