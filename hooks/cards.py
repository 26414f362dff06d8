"""Conversation cards from data: a page per data/cards/<deck>.yml and the cards index, listed in the
navigation under Conversation cards, and a PDF of each deck's cut-out cards, rendered only when it changed.
The decks come from the content model (macros/content/model.py); the pages and PDFs from macros/cards/."""
from __future__ import annotations


from mkdocs.structure.files import File

from macros import adapter
from macros.cards import render
from macros.content import errors

SECTION = "Conversation cards"


@adapter.reported
def on_config(config):
    section = _section(config["nav"])
    section += [{d.title: d.src_uri} for d in adapter.content(config).decks.values()]
    return config


@adapter.reported
def on_files(files, config):
    content = adapter.content(config)
    pages = {render.INDEX: render.index_source(content)} if content.decks else {}
    pages.update({d.src_uri: render.page_source(content, d, config["use_directory_urls"]) for d in content.decks.values()})
    for uri, source in pages.items():
        if files.get_file_from_path(uri) is not None:
            raise errors.DataError(f"docs/{uri}: this page is generated from data/cards/; delete the Markdown file")
        files.append(File.generated(config, uri, content=source))
    return files


@adapter.reported
def on_post_build(config):
    content = adapter.content(config)
    jobs = [render.job(content, d, config["site_dir"], config["use_directory_urls"]) for d in content.decks.values()]
    # Written with the other PDFs by hooks/pdfs.py: before the build ends, or under `make serve` after it.
    config.closer_pdfs.add("Card PDFs", jobs, content.root / ".cache" / "cards")


def _section(nav) -> list:
    for item in nav or []:
        if isinstance(item, dict) and isinstance(item.get(SECTION), list):
            return item[SECTION]
    raise errors.DataError(f"mkdocs.yml: nav needs a '{SECTION}' section (a list) for the generated card pages")
