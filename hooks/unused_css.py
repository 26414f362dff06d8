"""Material's stylesheets, less the rules nothing on this site can match (macros/unused_css.py says which).

After every page is written, each of Material's hashed stylesheets under assets/stylesheets/ (main,
palette) is replaced by its purged copy under a new name: its old name plus a hash of the new text, so a
browser or host that keeps the full copy for a year never mixes the two, and a build whose pages use a
new rule (a writer's first `!!! warning`) gets a new name too. Its source map is dropped (it would no
longer match), and every page is pointed at the new name. Runs on every build, `make serve` and the
editions included, so what a writer sees is what ships.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from macros import adapter, unused_css

# Material's own file names: main.57a0d79d.min.css. Our purged copies carry a second hash and are
# never purged twice.
MATERIAL_SHEET = re.compile(r"^[a-z]+\.[0-9a-f]{8}\.min\.css$")


@event_priority(50)  # before the PDFs are written and the URL contract is read back
def on_post_build(config):
    base = urlsplit(config.get("site_url") or "/").path
    purge_site(Path(config["site_dir"]), adapter.content(config).root / ".cache" / "unused-css", base)


def purge_site(site: Path, cache: Path, base: str = "/") -> dict[str, str]:
    """Purge Material's stylesheets in a built site; returns {old path: new path}, relative to the site.
    `base`: the site's path on its host, for scripts a page names from the root (404.html does)."""
    folder = site / "assets" / "stylesheets"
    sheets = sorted(p for p in folder.glob("*.min.css") if MATERIAL_SHEET.match(p.name)) if folder.is_dir() else []
    if not sheets:
        return {}
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}
    texts = [sheet.read_text(encoding="utf-8") for sheet in sheets]
    parsed = [unused_css.cached_rules(text, cache) for text in texts]
    keep = {f"{unused_css.cache_key(text)}.json" for text in texts}
    for old in cache.glob("*.json"):  # parses of stylesheets this build no longer has
        if old.name not in keep:
            old.unlink(missing_ok=True)
    names = set().union(*(unused_css.attribute_names(p) for p in parsed))
    used = unused_css.usage(list(pages.values()), _scripts(site, pages, base), names)
    renames = {}
    for sheet, rules in zip(sheets, parsed):
        text = unused_css.purge(rules, used)
        new = sheet.with_name(sheet.name.replace(".min.css", f".{unused_css.digest(text)}.min.css"))
        new.write_text(text, encoding="utf-8")
        sheet.unlink()
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
        renames[f"assets/stylesheets/{sheet.name}"] = f"assets/stylesheets/{new.name}"
    for path, html in pages.items():
        changed = html
        for old, new in renames.items():
            changed = changed.replace(old, new)
        if changed != html:
            path.write_text(changed, encoding="utf-8")
    return renames


def _scripts(site: Path, pages: dict[Path, str], base: str) -> list[str]:
    """The text of every script file a page of the site loads (Material's bundle and ours)."""
    root = site.resolve()
    prefix = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    found: dict[Path, str] = {}
    for path, html in pages.items():
        for src in unused_css.script_sources(html):
            src = src.split("?", 1)[0].split("#", 1)[0]
            if "://" in src or src.startswith("//"):
                continue
            if src.startswith("/"):  # from the host's root: the site's own path first
                target = (root / src[len(prefix):] if src.startswith(prefix) else root / src.lstrip("/")).resolve()
            else:
                target = (path.parent / src).resolve()
            if target not in found and target.is_file() and root in target.parents:
                found[target] = target.read_text(encoding="utf-8", errors="replace")
    return [found[p] for p in sorted(found)]
