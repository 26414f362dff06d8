"""Handout packets: one printable page per concern in data/concerns.yml, at /therapists/packets/<id>/.

The pages are generated, not written, so a packet always carries the current steps of its practices.
They stay out of the navigation (the therapists' hub links to each one) and out of search, where a
reader looking for help should land on the full pages instead.
"""
from __future__ import annotations

from mkdocs.structure.files import File, InclusionLevel

from macros import therapists


def on_files(files, config):
    # `mkdocs serve` rebuilds in the same process: read the data afresh each time.
    therapists.concerns.cache_clear()
    therapists.practice_meta.cache_clear()
    for concern in therapists.concerns():
        files.append(File.generated(
            config, f"{therapists.PACKETS}/{concern['id']}.md",
            content=therapists.packet_source(concern, _site_url(config)),
            inclusion=InclusionLevel.NOT_IN_NAV,
        ))
    return files


def _site_url(config) -> str:
    url = config["site_url"] or "/"
    return url if url.endswith("/") else url + "/"
