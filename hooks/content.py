"""First of the hooks: load the content model at the start of every build, and keep `make serve` fresh.

Each build (the first, and every rebuild under `make serve`) loads the whole content model anew
(macros/content/model.py) and hands it to the other hooks and the macros on the config object, so no
data from an earlier build survives. `watch:` in mkdocs.yml makes an edit to data/, macros/, hooks/ or
overrides/ start a rebuild; a rebuild runs in the same Python process, so before it the `macros`
package is reloaded in place, dependencies first: the edited code runs, and the hooks, which hold the
same module objects, see it. A rebuild also reads mkdocs.yml and the hook files afresh: MkDocs keeps
each hook module for the life of the process (an lru_cache in its Hooks option), so under serve that
cache is cleared after the config is loaded, and the next rebuild runs the hook files as on disk. A tag-sort function named in
mkdocs.yml (`!!python/name:`) is resolved before the reload, so an edit to it shows one rebuild late.
A plain `mkdocs build` builds once and reloads nothing.
"""
from __future__ import annotations

import importlib
import sys
import types

from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros import adapter
from macros.content import model
from macros.content import errors

# Process state, not content: whether this process serves (MkDocs says so once, at startup) and how many
# builds it ran. It lives in one named module object, which outlives this file being run again.
_process = sys.modules.setdefault("closer_process", types.SimpleNamespace(serving=False, builds=0))


def reload_macros() -> list[str]:
    """Reload the macros package and its modules in place, each after the modules it uses; returns the order."""
    names = [n for n in sys.modules if n == "macros" or n.startswith("macros.")]
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...] = ()) -> None:
        if name in order or name in path:
            return
        for dep in _uses(sys.modules[name]):
            if dep in names:
                visit(dep, (*path, name))
        order.append(name)

    for name in names:
        visit(name)
    for name in order:
        importlib.reload(sys.modules[name])
    return order


def _uses(module) -> set[str]:
    """The macros modules a module refers to: modules it imported, and the modules of names it imported."""
    found = set()
    for value in vars(module).values():
        name = value.__name__ if isinstance(value, type(sys)) else getattr(value, "__module__", None)
        if isinstance(name, str) and name != module.__name__ and (name == "macros" or name.startswith("macros.")):
            found.add(name)
    return found


def on_startup(command, dirty):
    _process.serving = command == "serve"


@event_priority(100)
def on_config(config):
    _process.builds += 1
    if _process.serving:
        if _process.builds > 1:
            reload_macros()
        config_options.Hooks._load_hook.cache_clear()  # the next rebuild runs the hook files from disk
    config.closer_serving = _process.serving
    try:
        adapter.set_content(config, model.load(adapter.root(config), adapter.public_url(config)))
    except errors.DataError as err:
        raise PluginError(str(err)) from None
    return config
