"""Run a command-line tool (`python -m tests.count_reads LOG mkdocs build ...`) and record every file it
opens: a JSON list of absolute paths, one entry per open, written to LOG when the process ends.
tests/site/test_reads.py reads the log of the session's strict build to prove each input is opened once."""
from __future__ import annotations

import atexit
import json
import os
import runpy
import sys


def main() -> None:
    log, module, *args = sys.argv[1:]
    opened: list[str] = []

    def audit(event: str, details: tuple) -> None:
        if event == "open" and isinstance(details[0], (str, bytes, os.PathLike)):
            path = os.fsdecode(details[0])
            opened.append(os.path.abspath(path))

    def write() -> None:
        with open(log, "w", encoding="utf-8") as out:
            json.dump(opened, out)

    atexit.register(write)
    sys.addaudithook(audit)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
