"""3. Worksheet (and handout) PDFs from a cold cache and a warm one, and what `make serve` does after a one-page edit.

hooks/worksheets.py logs "Worksheet PDFs: N written, M rendered anew, in S s" on every build, and
hooks/packets.py the same for "Handout PDFs"; these figures come from those lines, so they count exactly
what the hooks did.
"""
from __future__ import annotations

import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import project

# Logged by hooks/pdfs.py for each part of the batch: "Worksheet PDFs", "Handout PDFs", "Card PDFs".
PDF_LINE = re.compile(r"(\w+) PDFs: (\d+) written, (\d+) rendered anew, in ([\d.]+) s")
BUILT_LINE = re.compile(r"Documentation built in ([\d.]+) seconds")
SERVING_LINE = re.compile(r"Serving on http")
# Under serve, hooks/pdfs.py logs "PDFs: N of N" after the last PDF, then the last part's PDF_LINE.
PDFS_DONE = re.compile(r"PDFs: (\d+) of \1\b")
EDITED_PAGE = "docs/foundations/trust.md"
EDIT = "\nOne more sentence, added by the benchmark to see what a rebuild costs.\n"


def pdf_figures(log: str) -> dict:
    """Each PDF part's own count and time from a build log: worksheets unprefixed, the others prefixed
    with their kind ("handout_rendered", "card_rendered")."""
    figures = {}
    for kind, written, rendered, seconds in PDF_LINE.findall(log):
        prefix = "" if kind == "Worksheet" else f"{kind.lower()}_"
        figures.update({f"{prefix}pdfs": int(written), f"{prefix}rendered": int(rendered), f"{prefix}pdf_s": float(seconds)})
    return figures


def measure(work: Path) -> dict:
    copy = project.snapshot(work / "pdfs")  # no .cache: the first build renders every PDF
    cold = project.build(copy, copy / "site")
    sizes = pdf_sizes(copy / "site")
    warm = project.build(copy, copy / "site")
    edited = copy / EDITED_PAGE
    edited.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    after_edit = project.build(copy, copy / "site")
    report = {
        "cold": {"build_wall_s": cold.wall_s, "build_cpu_s": cold.cpu_s, **pdf_figures(cold.log)},
        "warm": {"build_wall_s": warm.wall_s, "build_cpu_s": warm.cpu_s, **pdf_figures(warm.log)},
        "one_page_edited": {"page": EDITED_PAGE, "build_wall_s": after_edit.wall_s,
                            "build_cpu_s": after_edit.cpu_s, **pdf_figures(after_edit.log)},
        "serve": serve_rebuild(copy),
        "sizes": sizes,
    }
    shutil.rmtree(copy)
    return report


TARGET_WORKSHEET_KB, TARGET_TOTAL_MB = 120, 3


def pdf_sizes(site: Path) -> dict:
    """Sizes of the PDFs a build wrote: each worksheet's, the largest, the total of all."""
    every = {p.relative_to(site).as_posix(): p.stat().st_size for p in sorted(site.rglob("*.pdf"))}
    worksheets = {k: v for k, v in every.items() if k.startswith("worksheets/")}
    return {"count": len(every), "total_mb": round(sum(every.values()) / 1e6, 2),
            "largest_worksheet_kb": round(max(worksheets.values(), default=0) / 1e3, 1),
            "largest_handout_kb": round(max((v for k, v in every.items() if k not in worksheets), default=0) / 1e3, 1),
            "target_worksheet_kb": TARGET_WORKSHEET_KB, "target_total_mb": TARGET_TOTAL_MB, "each_bytes": every}


def serve_rebuild(copy: Path, timeout: float = 180) -> dict:
    """Start `mkdocs serve`, edit one page, and time the rebuild it triggers; stop the server after."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(copy)}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    server = subprocess.Popen(command, cwd=copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    try:
        startup = _wait_for(lines, SERVING_LINE, timeout)
        startup += wait_for_pdfs(lines, startup, timeout)  # so the rebuild's lines are the only ones after
        time.sleep(2)  # the watcher starts after the "Serving on" line; an earlier edit goes unseen
        edited = copy / EDITED_PAGE
        edited.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
        start = time.perf_counter()
        rebuild = _wait_for(lines, BUILT_LINE, timeout)
        seen = time.perf_counter() - start
        # The PDFs are written after the build under serve (hooks/pdfs.py): collect their lines too.
        rebuild += wait_for_pdfs(lines, rebuild, timeout)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "startup_build_s": float(BUILT_LINE.search(startup)[1]), **{f"startup_{k}": v for k, v in pdf_figures(startup).items()},
        "rebuild_s": float(BUILT_LINE.search(rebuild)[1]), "edit_to_rebuilt_s": round(seen, 2),
        **{f"rebuild_{k}": v for k, v in pdf_figures(rebuild).items()},
    }


def wait_for_pdfs(lines: queue.Queue, seen: str, timeout: float) -> str:
    """Under serve, collect output until the background thread has written every PDF and logged its last
    part; `seen` is what was collected already (the thread may finish before MkDocs' "built" line)."""
    more = "" if PDFS_DONE.search(seen) else _wait_for(lines, PDFS_DONE, timeout)
    after_done = (seen + more)[PDFS_DONE.search(seen + more).end():]
    return more if PDF_LINE.search(after_done) else more + _wait_for(lines, PDF_LINE, timeout)


def _wait_for(lines: queue.Queue, pattern: re.Pattern, timeout: float) -> str:
    """Collect server output until a line matches; return everything collected."""
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        seen.append(line)
        if pattern.search(line):
            return "".join(seen)
    raise TimeoutError(f"mkdocs serve printed no {pattern.pattern!r} within {timeout} s; it printed:\n{''.join(seen)[-3000:]}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
