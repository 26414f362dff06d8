"""What the editions need from mkdocs.yml, as MkDocs read it: the redirects (mkdocs-redirects'
redirect_maps). `python -m macros.editions` loads the config (the one place in macros/editions that
imports MkDocs) and hands its plugins' settings here as plain mappings."""
from __future__ import annotations

from collections.abc import Mapping

from ..content.errors import DataError


def redirect_maps(plugins: Mapping[str, Mapping], where: str = "mkdocs.yml") -> dict[str, str]:
    """{old page's source file: new page's source file or address}, from {plugin name: its settings}."""
    maps = (plugins.get("redirects") or {}).get("redirect_maps") or {}
    if not isinstance(maps, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in maps.items()):
        raise DataError(f"{where}: plugins: redirects: redirect_maps must map old page files to new ones, found {maps!r}")
    return dict(maps)
