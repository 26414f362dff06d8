"""Stock Material for MkDocs on the same Markdown: the yardstick every build figure is measured against.

`stock_config` keeps what shapes the rendered pages (theme features, Markdown extensions, search) and
drops everything Closer adds: hooks, the macros plugin, template overrides, our CSS and JavaScript,
tags and redirects. `render_docs` writes a copy of docs/ in which every macro call is replaced by the
Markdown it produces (so both builds render the same text), generated worksheet pages included.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

import jinja2
import yaml
from mkdocs.utils.meta import get_data

STOCK_CONFIG = "mkdocs-stock.yml"
STOCK_DOCS = "docs-stock"
# Settings of the real config that stock Material understands and that change what a page contains.
KEPT_THEME_KEYS = ("language", "font", "features", "palette", "icon", "favicon")
MACRO_CALL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing what its !!python/name tags point at."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)
_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_config(text: str) -> dict:
    return yaml.load(text, Loader=_TolerantLoader)


def stock_config(real: dict, docs_dir: str = STOCK_DOCS) -> dict:
    """The stock Material config for the same site: theme settings and Markdown extensions kept, the rest gone."""
    theme = {"name": "material", **{k: v for k, v in real.get("theme", {}).items() if k in KEPT_THEME_KEYS}}
    config = {
        "site_name": real["site_name"],
        "site_url": real.get("site_url"),
        "docs_dir": docs_dir,
        "use_directory_urls": real.get("use_directory_urls", True),
        "theme": theme,
        "plugins": [{"search": {"lang": "en"}}],
        "markdown_extensions": real.get("markdown_extensions", []),
    }
    return {k: v for k, v in config.items() if v is not None}


def strip_macros(markdown: str) -> tuple[str, int]:
    """Markdown with every macro call removed, and how many there were."""
    return MACRO_CALL.subn("", markdown)


class _Conf(dict):
    """A config dict that also carries the content model, as MkDocs' config object does in a build."""

    closer_content = None


class MacroRenderer:
    """Runs Closer's own macros (macros.define_env) over a page's Markdown, outside MkDocs.

    It stands in for mkdocs-macros' `env` with the few attributes the macros use: conf, page, variables.
    A call that still fails is stripped and counted, so the report says how faithful the copy is.
    """

    def __init__(self, config_file: Path, define_env: Callable, content=None):
        self.conf = _Conf({"config_file_path": str(config_file), **read_config(config_file.read_text(encoding="utf-8"))})
        self.conf.closer_content = content
        self.page = None
        self.variables: dict = {}
        self.functions: dict[str, Callable] = {}
        define_env(self)
        self.jinja = jinja2.Environment(
            undefined=jinja2.StrictUndefined, comment_start_string="{##", comment_end_string="##}", autoescape=False,
        )
        self.stripped = 0

    def macro(self, function: Callable, name: str | None = None) -> Callable:
        self.functions[name or function.__name__] = function
        return function

    def filter(self, function: Callable, name: str | None = None) -> Callable:
        self.jinja.filters[name or function.__name__] = function
        return function

    def render(self, src_uri: str, source: str) -> str:
        body, meta = get_data(source)
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta=meta, title=meta.get("title"))
        front = source[: len(source) - len(body)]
        try:
            return front + self.jinja.from_string(body).render(**self.functions, page=self.page)
        except Exception:  # noqa: BLE001 - counted and reported as `macro_pages_stripped`, never silent
            self.stripped += 1
            return front + strip_macros(body)[0]


def render_docs(project: Path, renderer: MacroRenderer, generated: dict[str, str]) -> Path:
    """Write project/docs-stock: docs/ with macros rendered, plus generated pages (src_uri -> Markdown)."""
    src, dest = project / "docs", project / STOCK_DOCS
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("*.md"))
    pages = {str(p.relative_to(src)): p.read_text(encoding="utf-8") for p in src.rglob("*.md")}
    for src_uri, source in {**pages, **generated}.items():
        out = dest / src_uri
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(renderer.render(src_uri, source), encoding="utf-8")
    return dest


def write_stock_config(project: Path) -> str:
    config = stock_config(read_config((project / "mkdocs.yml").read_text(encoding="utf-8")))
    (project / STOCK_CONFIG).write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return STOCK_CONFIG


def generated_pages(content) -> dict[str, str]:
    """The Markdown of the pages Closer's hooks generate (worksheets, handout packets), keyed by src_uri."""
    from macros.therapists import packets
    from macros.worksheets import page as worksheet_page

    pages = {
        w.src_uri: worksheet_page.page_source(w, content.practices[w.practice].title, content.site_url, content.helplines)
        for w in content.worksheets.values()
    }
    for concern in content.concerns:
        pages[concern.packet] = packets.page_source(content, concern)
    return pages


def prepare(project: Path, generated: dict[str, str] | None = None) -> tuple[str, int]:
    """Give a snapshot its stock config and rendered docs; return the config name and pages stripped."""
    import macros
    from macros.content import model

    config = read_config((project / "mkdocs.yml").read_text(encoding="utf-8"))
    content = model.load(project, (config.get("extra") or {}).get("public_url") or config.get("site_url") or "/")
    renderer = MacroRenderer(project / "mkdocs.yml", macros.define_env, content)
    render_docs(project, renderer, {**generated_pages(content), **(generated or {})})
    return write_stock_config(project), renderer.stripped
