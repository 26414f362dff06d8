"""7. The first `make serve` on a fresh copy (no PDF cache, no built site): seconds from starting
`mkdocs serve` until the home page answers, for Closer and for stock Material built from the same
Markdown, and for Closer until the last PDF is written (hooks/pdfs.py writes them after the first
page is served, logging "PDFs: N of M"). Installing .venv is not counted (pip's cache makes it vary)."""
from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from . import project, stock
from .pdfs import PDF_LINE, _free_port, wait_for_pdfs as _all_pdfs_written


def measure(work: Path, timeout: float = 600) -> dict:
    copy = project.snapshot(work / "firstserve")  # no .cache
    stock_config, _ = stock.prepare(copy)
    real = first_serve(copy, "mkdocs.yml", timeout, wait_for_pdfs=True)
    base = first_serve(copy, stock_config, timeout, wait_for_pdfs=False)
    return {"real": real, "stock": base, "ratio_first_page": round(real["first_page_s"] / base["first_page_s"], 2)}


def first_serve(copy: Path, config: str, timeout: float, wait_for_pdfs: bool) -> dict:
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(copy)}
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", config, "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"]
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=copy, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
    seen: list[str] = []
    try:
        first_page = _until_page(f"http://127.0.0.1:{port}/", started, timeout, server)
        figures = {"first_page_s": round(first_page, 1)}
        if wait_for_pdfs:
            seen.append(_all_pdfs_written(lines, "", timeout))
            figures["pdfs_done_s"] = round(time.perf_counter() - started, 1)
            figures["pdfs"] = sum(int(w) for _, w, _, _ in PDF_LINE.findall("".join(seen)))
            figures["progress_lines"] = len(re.findall(r"PDFs: \d+ of \d+", "".join(seen)))
        return figures
    finally:
        server.terminate()
        server.wait(timeout=30)


def _until_page(url: str, started: float, timeout: float, server: subprocess.Popen) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {server.returncode}) before serving {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")
