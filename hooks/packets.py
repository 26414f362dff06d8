"""Handout packets: one printable page per concern in data/concerns.yml, at /therapists/packets/<id>/,
and next to it a PDF of the same page followed by the worksheets of its practices.

The pages are generated, not written, so a packet always carries the current steps of its practices.
They sit in the navigation under For therapists › Handouts, and stay out of search, where a reader
looking for help should land on the full pages instead.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.structure.files import File

from macros import packet_pdf, therapists, worksheet_render
from macros.editions import offline
from macros.data import DataError

log = logging.getLogger("mkdocs.hooks.packets")
_built: dict[str, str] = {}


def on_config(config):
    # `mkdocs serve` rebuilds in the same process: read the data afresh each time.
    therapists.concerns.cache_clear()
    therapists.practice_meta.cache_clear()
    handouts = [{c["words"].rstrip("."): therapists.packet_target(c)} for c in therapists.concerns()]
    _therapists_section(config["nav"]).append({"Handouts": handouts})
    return config


def on_files(files, config):
    _built.clear()
    for concern in therapists.concerns():
        files.append(File.generated(
            config, therapists.packet_target(concern), content=therapists.packet_source(concern, _site_url(config))))
    return files


def on_post_page(output, page, config):
    if page.file.src_uri.startswith(therapists.PACKETS + "/"):
        article = packet_pdf.article(output, f"docs/{page.file.src_uri}")
        if not config["use_directory_urls"]:
            # The offline edition: links as the site writes them, so the PDF (and its cache) is the site's.
            article = offline.as_site_links(article, page.file.dest_uri)
        _built[page.file.src_uri] = article
    return output


def on_post_build(config):
    started, site_url, rendered = time.monotonic(), _site_url(config), 0
    cache = Path(config["config_file_path"]).parent / ".cache" / "packets"
    for concern in therapists.concerns():
        uri = therapists.packet_target(concern)
        folder = uri[: -len(".md")]
        # Next to the page: in its folder on the site, beside <id>.html in the offline edition.
        beside = folder if config["use_directory_urls"] else folder.rpartition("/")[0]
        target = Path(config["site_dir"]) / beside / f"{concern['id']}.pdf"
        rendered += packet_pdf.build(concern, _built[uri], f"{site_url}{folder}/", site_url, cache, target)
    log.info(f"Handout PDFs: {len(_built)} written, {rendered} rendered anew, in {time.monotonic() - started:.1f} s")


def _site_url(config) -> str:
    """The public address, also under `mkdocs serve` (which swaps in its local one): handouts print it."""
    url = worksheet_render.public_site_url(config) or "/"
    return url if url.endswith("/") else url + "/"


def _therapists_section(nav) -> list:
    for item in nav or []:
        if isinstance(item, dict) and isinstance(item.get("For therapists"), list):
            return item["For therapists"]
    raise DataError("mkdocs.yml: nav needs a 'For therapists' section (a list) for the generated handout pages")
