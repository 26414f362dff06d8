"""Handout packets: one printable page per concern in data/concerns.yml, at /therapists/packets/<id>/,
and next to it a PDF of the same handout followed by the worksheets of its practices.

The pages are generated from the content model, so a packet always carries the current steps of its
practices. They sit in the navigation under For therapists › Handouts, and stay out of search, where a
reader looking for help should land on the full pages instead.
"""
from __future__ import annotations

import logging
import time

from mkdocs.structure.files import File

from macros import adapter, pdf
from macros.content import errors
from macros.therapists import packets

log = logging.getLogger("mkdocs.hooks.packets")


@adapter.reported
def on_config(config):
    handouts = [{c.name: c.packet} for c in adapter.content(config).concerns]
    _therapists_section(config["nav"]).append({"Handouts": handouts})
    return config


@adapter.reported
def on_files(files, config):
    content = adapter.content(config)
    for concern in content.concerns:
        files.append(File.generated(config, concern.packet, content=packets.page_source(content, concern)))
    return files


@adapter.reported
def on_post_build(config):
    started, content = time.monotonic(), adapter.content(config)
    jobs = [packets.job(content, c, content.worksheet_css, config["site_dir"], config["use_directory_urls"]) for c in content.concerns]
    rendered = pdf.build(jobs, content.root / ".cache" / "packets")
    log.info(f"Handout PDFs: {len(jobs)} written, {rendered} rendered anew, in {time.monotonic() - started:.1f} s")


def _therapists_section(nav) -> list:
    for item in nav or []:
        if isinstance(item, dict) and isinstance(item.get("For therapists"), list):
            return item["For therapists"]
    raise errors.DataError("mkdocs.yml: nav needs a 'For therapists' section (a list) for the generated handout pages")
