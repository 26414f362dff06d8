"""The bridge between MkDocs and Closer's content model: the one module of `macros` (with __init__.py,
mkdocs-macros' entry point) that knows MkDocs. The hooks in hooks/ call these helpers; everything they
call in turn is plain Python that another builder could drive.

- `content(config)`: the content model of the current build, loaded by hooks/content.py at the start of
  each build and carried on the config object MkDocs hands to every event (no module state).
- `public_url(config)`: the public address, from `extra.public_url` in mkdocs.yml (the same YAML anchor
  as `site_url`), because `mkdocs serve` replaces site_url with its own local address.
- `reported`: a hook wrapper that turns a DataError into MkDocs' PluginError, so the build stops with
  the sentence and no traceback.
"""
from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from .content.errors import DataError
from .content.model import Content

_ATTRIBUTE = "closer_content"


def root(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def public_url(config) -> str:
    url = (config["extra"] or {}).get("public_url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise PluginError(
            "mkdocs.yml: 'extra: public_url' must be the site's public address (write "
            "`site_url: &public_url https://…` and `public_url: *public_url` under extra), got " + repr(url)
        )
    return url if url.endswith("/") else url + "/"


def set_content(config, content: Content) -> None:
    setattr(config, _ATTRIBUTE, content)


def content(config) -> Content:
    found = getattr(config, _ATTRIBUTE, None)
    if found is None:
        raise PluginError("hooks/content.py must be the first hook in mkdocs.yml: it loads the content model")
    return found


def source_name(page) -> str:
    """The file a writer edits for a page: a worksheet page or a deck of cards is generated from its data
    file, the cards index from data/cards/, a handout from data/concerns.yml."""
    src = page.file.src_uri
    if page.file.generated_by and src.startswith("worksheets/"):
        return f"data/worksheets/{src.removeprefix('worksheets/').removesuffix('.md')}.yml"
    if page.file.generated_by and src == "cards/index.md":
        return "data/cards/"
    if page.file.generated_by and src.startswith("cards/"):
        return f"data/cards/{src.removeprefix('cards/').removesuffix('.md')}.yml"
    if page.file.generated_by and src.startswith("therapists/packets/"):
        return "data/concerns.yml"
    return f"docs/{src}"


def reported(event):
    """Wrap a hook event so a DataError stops the build as MkDocs' own error (its sentence, no traceback)."""
    @functools.wraps(event)
    def wrapper(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except DataError as err:
            raise PluginError(str(err)) from None
    return wrapper
