"""`make serve` shows every edit: data/, macros/, hooks/' inputs, overrides/, docs/ and mkdocs.yml.

`watch:` in mkdocs.yml makes an edit to data/, macros/, hooks/ or overrides/ start a rebuild. But a
rebuild runs in the same Python process, which keeps the `macros` package, and every cache in it,
from the first build. So before each later rebuild's plugins read their config (priority 100, ahead of
mkdocs-macros), this reloads every module of the package in place, in the order they were first
imported: the edited code runs, every lru_cache starts empty, and the hooks, which hold the same module
objects, see it too. MkDocs loads hook files once per process, so an edit to a hook itself still
needs a restart of `make serve`. A plain `mkdocs build` builds once and is untouched.
"""
from __future__ import annotations

import importlib
import sys

from mkdocs.plugins import event_priority

_state = {"serving": False, "builds": 0}


def reload_macros() -> list[str]:
    """Reload the macros package and its modules in place, dependencies first; returns their names."""
    names = [n for n in list(sys.modules) if n.startswith("macros.")] + ["macros"]
    for name in names:
        if name in sys.modules:
            importlib.reload(sys.modules[name])
    return names


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


@event_priority(100)
def on_config(config):
    _state["builds"] += 1
    if _state["serving"] and _state["builds"] > 1:
        reload_macros()
    return config
