"""mkdocs-macros entry point (module_name: macros). define_env only registers thin wrappers;
the work lives in the sibling modules, which import without MkDocs running."""
from __future__ import annotations

from . import pages


def define_env(env):
    @env.macro
    def section(section_id: str, title: str | None = None) -> str:
        """A required section heading for this page's kind, with its stable id: {{ section("what-it-is") }}."""
        return pages.section_heading(env.page.meta.get("kind", ""), section_id, title)
