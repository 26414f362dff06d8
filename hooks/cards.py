"""Conversation cards from data: a page per data/cards/<deck>.yml and the cards index, listed in the
navigation under Conversation cards, and a PDF of each deck's cut-out cards, rendered only when it changed.
The work lives in macros/cards/; this only wires it into the build."""
from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.structure.files import File

from macros import worksheet_render
from macros.cards import model, pdf, render
from macros.data import DataError

log = logging.getLogger("mkdocs.hooks.cards")
SECTION = "Conversation cards"


def on_config(config):
    # `mkdocs serve` keeps imported modules between rebuilds; the data may have changed since.
    model.load_all.cache_clear()
    model.concern_ids.cache_clear()
    section = _section(config["nav"])
    section += [{d.title: render.page_uri(d)} for d in model.load_all().values()]
    return config


def on_files(files, config):
    decks = list(model.load_all().values())
    site_url = worksheet_render.public_site_url(config)
    pages = {render.INDEX: render.index_source(decks)} if decks else {}
    pages.update({render.page_uri(d): render.page_source(d, site_url) for d in decks})
    for uri, content in pages.items():
        if files.get_file_from_path(uri) is not None:
            raise DataError(f"docs/{uri}: this page is generated from data/cards/; delete the Markdown file")
        files.append(File.generated(config, uri, content=content))
    return files


def on_post_build(config):
    started, site_url = time.monotonic(), worksheet_render.public_site_url(config)
    cache = Path(config["config_file_path"]).parent / ".cache" / "cards"
    decks = list(model.load_all().values())
    rendered = sum(
        pdf.build(d, site_url, cache, Path(config["site_dir"]) / "cards" / d.id / f"{d.id}.pdf") for d in decks)
    log.info(f"Card PDFs: {len(decks)} written, {rendered} rendered anew, in {time.monotonic() - started:.1f} s")


def on_serve(server, config, builder):
    server.watch(str(model.FOLDER))
    return server


def _section(nav) -> list:
    for item in nav or []:
        if isinstance(item, dict) and isinstance(item.get(SECTION), list):
            return item[SECTION]
    raise DataError(f"mkdocs.yml: nav needs a '{SECTION}' section (a list) for the generated card pages")
