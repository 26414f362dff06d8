"""python -m macros.editions offline SITE --zip ZIP | dist SITE --nginx CONF  (see __init__.py)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.errors import DataError
from . import headers, offline, project, redirects

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"


def _label(path: Path) -> str:
    path = path.resolve()
    return path.relative_to(Path.cwd()).as_posix() if path.is_relative_to(Path.cwd()) else path.as_posix()


def run_offline(site: Path, target: Path) -> str:
    label = _label(site)
    offline.prepare(site)
    offline.check(site, label)
    size = offline.write_zip(site, target)
    pages = sum(1 for _ in site.rglob("*.html"))
    return f"{_label(target)}: the offline edition, {pages} pages, {size / 1024 / 1024:.1f} MiB; unzip it and open closer/index.html"


def settings(config_file: Path = CONFIG) -> tuple[list[redirects.Redirect], dict]:
    """mkdocs.yml as MkDocs reads it, and data/urls.yml through the content model: the redirects and
    the URL contract `make dist` holds the build to."""
    from mkdocs.config import load_config

    from .. import adapter
    from ..content.model import load

    config = load_config(str(config_file))
    plugins = {name: getattr(plugin, "config", {}) for name, plugin in config["plugins"].items()}
    rules = redirects.from_maps(project.redirect_maps(plugins, _label(config_file)))
    return rules, load(config_file.parent, adapter.public_url(config)).urls


def run_dist(site: Path, nginx: Path, config_file: Path = CONFIG) -> str:
    label = _label(site)
    rules, contract = settings(config_file)
    redirects.check(site, rules, contract, label)
    redirects.drop_forwarding_pages(site, rules)
    site_pages = headers.pages(site, label)
    hashed = headers.hashed_assets(site)
    (site / "_headers").write_text(headers.headers_file(site_pages, hashed), encoding="utf-8")
    (site / "_redirects").write_text(headers.redirects_file(rules), encoding="utf-8")
    nginx.parent.mkdir(parents=True, exist_ok=True)
    nginx.write_text(headers.nginx_conf(site_pages, hashed, rules), encoding="utf-8")
    moved = sum(len(r.sources()) for r in rules)
    return (f"{label}: _headers for {len(site_pages)} pages and {len(hashed)} hashed assets, _redirects with "
            f"{moved} 301s; {_label(nginx)}: the same for nginx")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.editions", description=__doc__)
    sub = parser.add_subparsers(dest="edition", required=True)
    off = sub.add_parser("offline", help="prepare, check and zip a build of mkdocs.offline.yml")
    off.add_argument("site", type=Path)
    off.add_argument("--zip", type=Path, required=True)
    dist = sub.add_parser("dist", help="write _headers, _redirects and an nginx config for a strict build")
    dist.add_argument("site", type=Path)
    dist.add_argument("--nginx", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        if not (args.site / "index.html").is_file():
            raise DataError(f"{_label(args.site)}: no built site here (no index.html); build it first")
        message = run_offline(args.site, args.zip) if args.edition == "offline" else run_dist(args.site, args.nginx)
    except DataError as err:
        print(f"ERROR: {err}", file=sys.stderr)
        return 1
    print(message)
    return 0


if __name__ == "__main__":
    sys.exit(main())
