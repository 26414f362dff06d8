"""`python -m macros.book SITE DIST` (make book): the built site at SITE as dist/closer-guide.pdf (A4) and
dist/closer-guide-letter.pdf, from the same content model and navigation as the site."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from mkdocs.config import load_config

from .. import adapter, pdf
from ..content.errors import DataError
from ..content.model import load
from .chapters import plan
from .render import jobs

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.book", description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="a strict build of the site, e.g. site/ after `make build`")
    parser.add_argument("dist", type=Path, help="where the PDFs go, e.g. dist/")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        config = load_config(str(ROOT / "mkdocs.yml"))
        content = load(ROOT, adapter.public_url(config))
        chapters = plan(config["nav"], content)
        made = jobs(content, chapters, args.site, args.dist, dt.date.today())
        rendered = pdf.build(made, ROOT / ".cache" / "book")
    except DataError as err:
        print(f"make book: {err}", file=sys.stderr)
        return 1
    for job in made:
        print(f"{job.target}: {job.target.stat().st_size // 1024} KB")
    print(f"The book: {len(chapters)} chapters, {rendered} of {len(made)} PDFs rendered anew, in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
