"""The keys of mkdocs.yml the editions need (the public address and the redirects), read with the
project's strict YAML loader. mkdocs.yml also holds `!!python/name:` tags for MkDocs to resolve; here
they are read as their names, never imported."""
from __future__ import annotations

from pathlib import Path

import yaml

from ..data import ROOT, DataError, StrictLoader, read_text, relative

CONFIG = ROOT / "mkdocs.yml"


class _ConfigLoader(StrictLoader):
    """StrictLoader that reads `!!python/...` tags (and MkDocs' `!ENV`) as plain text."""


def _as_text(loader, suffix, node):
    value = node.value if isinstance(node, yaml.ScalarNode) else ""
    return f"{node.tag} {value}".strip()


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _as_text)
_ConfigLoader.add_multi_constructor("!", _as_text)


def load(path: Path = CONFIG) -> dict:
    where = relative(path)
    try:
        config = yaml.load(read_text(path), Loader=_ConfigLoader)
    except yaml.YAMLError as err:
        raise DataError(f"{where}: not valid YAML: {getattr(err, 'problem', err)}") from None
    if not isinstance(config, dict):
        raise DataError(f"{where}: expected a mapping of settings, found {type(config).__name__}")
    return config


def site_url(config: dict, where: str = "mkdocs.yml") -> str:
    url = config.get("site_url")
    if not isinstance(url, str) or not url.startswith("https://"):
        raise DataError(f"{where}: site_url must be the public https:// address, found {url!r}")
    return url if url.endswith("/") else url + "/"


def redirect_maps(config: dict, where: str = "mkdocs.yml") -> dict[str, str]:
    """{old page's source file: new page's source file or address}, as mkdocs-redirects reads them."""
    plugins = config.get("plugins") or {}
    if isinstance(plugins, list):  # the list form: [{redirects: {...}}, "search", ...]
        plugins = {k: v for item in plugins if isinstance(item, dict) for k, v in item.items()}
    maps = ((plugins.get("redirects") or {}).get("redirect_maps")) or {}
    if not isinstance(maps, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in maps.items()):
        raise DataError(f"{where}: plugins: redirects: redirect_maps must map old page files to new ones, found {maps!r}")
    return maps
