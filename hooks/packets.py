"""Handout packets: a printable handout page per concern in data/concerns.yml, at /therapists/packets/<id>/,
and next to it PDFs (A4 and US Letter) of the same handout followed by the worksheets of its practices.

The pages are generated from the content model, so a packet always carries the current steps of its
practices. They sit in the navigation under For therapists › Handouts, and stay out of search, where a
reader looking for help should land on the full pages instead.
"""
from __future__ import annotations

from mkdocs.structure.files import File

from macros import adapter
from macros.content import errors
from macros.therapists import packets


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
    content = adapter.content(config)
    jobs = [job for c in content.concerns for job in packets.jobs(content, c, content.worksheet_css, config["site_dir"], config["use_directory_urls"])]
    # Written with the other PDFs by hooks/pdfs.py: before the build ends, or under `make serve` after it.
    config.closer_pdfs.add("Handout PDFs", jobs, content.root / ".cache" / "packets")


def _therapists_section(nav) -> list:
    for item in nav or []:
        if isinstance(item, dict) and isinstance(item.get("For therapists"), list):
            return item["For therapists"]
    raise errors.DataError("mkdocs.yml: nav needs a 'For therapists' section (a list) for the generated handout pages")
