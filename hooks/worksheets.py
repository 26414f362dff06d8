"""Worksheets from data: a generated page per data/worksheets/<id>.yml, listed in the navigation
under Worksheets, and a fillable PDF next to each page, rendered only when it changed."""
from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.structure.files import File

from macros import worksheet_pdf, worksheet_render, worksheets
from macros.data import DataError

log = logging.getLogger("mkdocs.hooks.worksheets")


def on_config(config):
    # `mkdocs serve` keeps imported modules between rebuilds; the data may have changed since.
    worksheets.load_all.cache_clear()
    loaded = list(worksheets.load_all().values())
    section = _worksheets_section(config["nav"])
    for group, title in worksheets.GROUPS.items():
        members = [f"worksheets/{w['id']}.md" for w in loaded if w["group"] == group]
        if members:
            section.append({title: members})
    return config


def on_files(files, config):
    for worksheet in worksheets.load_all().values():
        src_uri = f"worksheets/{worksheet['id']}.md"
        if files.get_file_from_path(src_uri) is not None:
            raise DataError(
                f"docs/{src_uri}: this page is generated from data/worksheets/{worksheet['id']}.yml; "
                "delete the Markdown file and edit the data instead"
            )
        files.append(File.generated(config, src_uri, content=worksheet_render.page_source(worksheet)))
    return files


def on_post_build(config):
    started, site_url = time.monotonic(), worksheet_render.public_site_url(config)
    cache = Path(config["config_file_path"]).parent / ".cache" / "worksheets"
    site_dir = Path(config["site_dir"])
    # Next to the page: worksheets/<id>/ on the site, beside worksheets/<id>.html in the offline edition.
    folder = (lambda w: site_dir / "worksheets" / w["id"]) if config["use_directory_urls"] else (lambda w: site_dir / "worksheets")
    rendered = worksheet_pdf.build_all(
        list(worksheets.load_all().values()), site_url, cache,
        lambda worksheet: folder(worksheet) / f"{worksheet['id']}.pdf",
    )
    log.info(
        f"Worksheet PDFs: {len(worksheets.load_all())} written, {rendered} rendered anew, "
        f"in {time.monotonic() - started:.1f} s"
    )


def on_serve(server, config, builder):
    # The definitions live outside docs/, which is all `mkdocs serve` watches by itself.
    server.watch(str(worksheets.FOLDER))
    return server


def _worksheets_section(nav) -> list:
    for item in nav or []:
        if isinstance(item, dict) and isinstance(item.get("Worksheets"), list):
            return item["Worksheets"]
    raise DataError("mkdocs.yml: nav needs a 'Worksheets' section (a list) for the generated worksheet pages")
