"""A Content-Security-Policy on every page the build writes (macros/csp.py), redirect pages included.

Last of the page hooks, so it hashes the final inline scripts. `mkdocs serve` injects a live-reload
script after the build, which no hash can cover, so pages are served there without the policy; every
`mkdocs build` (and so every test, deploy and edition) has it.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros import csp


@event_priority(-200)
def on_post_page(output, page, config):
    if getattr(config, "closer_serving", False):  # set by hooks/content.py
        return output
    try:
        return csp.with_policy(output)
    except ValueError as err:
        raise PluginError(f"docs/{page.file.src_uri}: {err}") from None


def on_post_build(config):
    """Pages other plugins write after the pages (mkdocs-redirects' forwarding pages, the 404 page)."""
    if getattr(config, "closer_serving", False):  # set by hooks/content.py
        return
    for path in Path(config["site_dir"]).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "Content-Security-Policy" not in text:
            if '<meta charset="utf-8">' not in text:
                text = text.replace("<head>", '<head>\n<meta charset="utf-8">', 1)
            path.write_text(csp.with_policy(text), encoding="utf-8")
