"""Where a build's time goes: CPU seconds per plugin and hook event, in one real build.

Run as a script in the build's own process (`python bench/breakdown.py <out.json> <mkdocs build args>`):
it wraps MkDocs' PluginCollection.run_event with a CPU stopwatch per plugin, then runs `mkdocs build`.
What the plugins do not account for is MkDocs and Material themselves: reading, Markdown, templates.
"""
from __future__ import annotations

import atexit
import json
import sys
import time
from collections import defaultdict

from mkdocs import plugins

_spent: dict[str, float] = defaultdict(float)
_start = time.process_time()


def _run_event(self, name, item=None, **kwargs):
    pass_item = item is not None
    for method in self.events[name]:
        origin = self._event_origins.get(method, "<unknown>")
        self._current_plugin = origin
        started = time.process_time()
        result = method(item, **kwargs) if pass_item else method(**kwargs)
        _spent[origin] += time.process_time() - started
        if result is not None:
            item = result
    self._current_plugin = None
    return item


def _write(path: str) -> None:
    total = time.process_time()
    figures = {"process_cpu_s": round(total, 3), "before_main_cpu_s": round(_start, 3),
               "plugins_cpu_s": {k: round(v, 3) for k, v in sorted(_spent.items(), key=lambda kv: -kv[1])}}
    with open(path, "w", encoding="utf-8") as out:
        json.dump(figures, out)


if __name__ == "__main__":
    out = sys.argv.pop(1)
    plugins.PluginCollection.run_event = _run_event
    atexit.register(_write, out)
    from mkdocs.__main__ import cli

    cli(prog_name="mkdocs")
