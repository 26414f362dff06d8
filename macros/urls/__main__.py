"""`python -m macros.urls site [--add]` (make urls, make urls-add): what a build has that data/urls.yml
lacks, and any promise it breaks; --add merges the additions in (never removes)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.files import read_yaml
from .contract import _quote, add, check, dump, load, missing

CONTRACT = Path(__file__).resolve().parents[2] / "data" / "urls.yml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.urls", description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="a built site, e.g. site/ after `make build`")
    parser.add_argument("--add", action="store_true", help="merge the missing entries into data/urls.yml")
    args = parser.parse_args(argv)
    contract = load(read_yaml(CONTRACT, "data/urls.yml"))
    additions = missing(args.site, contract)
    new_pages = {a: ids for a, ids in additions["pages"].items()}
    if args.add and (new_pages or additions["files"]):
        CONTRACT.write_text(dump(add(contract, additions)), encoding="utf-8")
        contract = load(read_yaml(CONTRACT, "data/urls.yml"))
        print(f"data/urls.yml: added {len(new_pages)} page entries and {len(additions['files'])} files; review the diff")
    elif new_pages or additions["files"]:
        print("# Not yet in data/urls.yml (add these lines, or run `make urls-add`):")
        for address, ids in new_pages.items():
            state = "new anchors on" if address in contract["pages"] else "new page"
            print(f"  {_quote(address)}: [{', '.join(_quote(a) for a in ids)}]   # {state}")
        for f in additions["files"]:
            print(f"  - {_quote(f)}   # new file")
    else:
        print("data/urls.yml lists every page, anchor and file of this build.")
    broken = [p for p in check(args.site, contract) if "does not list it" not in p]
    for problem in broken:
        print(f"BROKEN PROMISE {problem}", file=sys.stderr)
    return 1 if broken else 0



if __name__ == "__main__":
    sys.exit(main())
