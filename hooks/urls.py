"""The published-URL contract, held at the end of every build: a page, anchor or file that data/urls.yml
promises and the build no longer has stops the build (macros/urls/contract.py). Last of the hooks, after the
PDFs are written."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros import adapter
from macros.urls import contract
from macros.urls.scan import scan


def on_post_build(config):
    site = Path(config["site_dir"])
    built = scan(site)
    # Under `make serve` the PDFs are still being written (hooks/pdfs.py): count them as there.
    built["files"] += getattr(config, "closer_pdfs_pending", [])
    problems = contract.broken_promises(site, adapter.content(config).urls, built)
    if problems:
        more = f" ({len(problems) - 1} more: run `make urls` to list them)" if len(problems) > 1 else ""
        raise PluginError(f"data/urls.yml: {problems[0]}; a published address must keep working (add a redirect){more}")
