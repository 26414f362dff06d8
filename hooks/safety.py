"""Pages about fear, control or getting help declare `safety: true` in their front matter (worksheets:
`safety_note: true` in their data), and Material's header then carries the quick exit
(overrides/partials/quick-exit.html). This checks the finished HTML of every page so marked: if a
template change, a `template:` override or a lost include leaves one without its quick exit, the
build stops and names the page."""
from __future__ import annotations

from macros import adapter
from macros.safety import quick_exit


@adapter.reported
def on_post_page(output, page, config):
    quick_exit.check_quick_exit(adapter.source_name(page), page.meta, output)
    return output
