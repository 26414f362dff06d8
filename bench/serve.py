"""8. `make serve` after editing one page, for Closer and for stock Material built from the same Markdown.

Both sites run `mkdocs serve` (with livereload, as `make serve` does) side by side in one throwaway copy of
the project. Once each has built and answers, and Closer's PDFs are written (from the run's PDF cache, so
what is measured is the page rebuild, not PDF rendering), the benchmark appends a new sentence to the
same article in each site's docs (docs/ and the stock docs-stock/ copy), alternating sites, and times how
long until the served page contains it. MkDocs 1.6 rebuilds the whole site on any edit; so does stock.

CPU seconds are the serve process's user + system time (its waited-for children included, from
/proc/<pid>/stat) from just before the edit until the rebuild is over: the page served with the sentence,
MkDocs' "Documentation built" line, and for Closer the PDFs its background thread writes after the build.
They are steadier than wall time on a shared machine.
"""
from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from . import project, stats, stock
from .pdfs import BUILT_LINE, SERVING_LINE, _free_port, _wait_for, wait_for_pdfs

EDITS = 3  # for each site, alternating; the median is reported
PAGE = "foundations/trust.md"  # under each site's docs folder
URL_PATH = "foundations/trust/"
TARGET_RATIO = 1.5  # issue 18: a one-page rebuild at most 1.5 x stock's
_TICKS = os.sysconf("SC_CLK_TCK")


class Serve:
    """One `mkdocs serve` of a copy, its output lines on a queue."""

    def __init__(self, copy: Path, config: str, docs: str, pdfs: bool):
        self.copy, self.page, self.pdfs = copy, copy / docs / PAGE, pdfs
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/{URL_PATH}"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(copy)}
        command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", config,
                   "--dev-addr", f"127.0.0.1:{self.port}", "--livereload"]
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=copy, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout], daemon=True).start()

    def start(self, timeout: float) -> dict:
        """Wait for the first build, the page, and (Closer) the PDFs: MkDocs' build seconds, and seconds
        from starting the server until it was ready for an edit."""
        log = _wait_for(self.lines, SERVING_LINE, timeout)
        self._until_page(lambda body: True, timeout)
        if self.pdfs:
            log += wait_for_pdfs(self.lines, log, timeout)
        time.sleep(2)  # the watcher starts after the "Serving on" line; an earlier edit goes unseen
        return {"first_build_s": float(BUILT_LINE.search(log)[1]), "ready_s": round(time.perf_counter() - self.started, 1)}

    def edit(self, sentence: str, timeout: float) -> dict:
        """Append `sentence` to the page; time until the served page has it, and the CPU the rebuild took."""
        self._drain()
        cpu_before = self.cpu_s()
        text = self.page.read_text(encoding="utf-8")
        start = time.perf_counter()
        self.page.write_text(f"{text.rstrip()}\n\n{sentence}\n", encoding="utf-8")
        seen = self._until_page(lambda body: sentence in body, timeout) - start
        log = _wait_for(self.lines, BUILT_LINE, timeout)
        if self.pdfs:
            log += wait_for_pdfs(self.lines, log, timeout)
        return {"edit_to_page_s": round(seen, 2), "built_s": float(BUILT_LINE.search(log)[1]),
                "cpu_s": round(self.cpu_s() - cpu_before, 2)}

    def cpu_s(self) -> float:
        """User + system seconds of the serve process and its waited-for children, from /proc."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / _TICKS  # utime, stime, cutime, cstime

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _until_page(self, has, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve stopped (exit {self.process.returncode}) before serving {self.url}; "
                                   f"it printed:\n{self._drain()[-3000:]}")
            try:
                # A request during a rebuild waits for it to finish, so the timeout is generous.
                with urllib.request.urlopen(self.url, timeout=timeout) as response:
                    if response.status == 200 and has(response.read().decode("utf-8", "replace")):
                        return time.perf_counter()
            except OSError:
                pass
            time.sleep(0.05)
        raise TimeoutError(f"{self.url} did not show the edit within {timeout} s")

    def _drain(self) -> str:
        lines = []
        while True:
            try:
                lines.append(self.lines.get_nowait())
            except queue.Empty:
                return "".join(lines)


def measure(work: Path, edits: int = EDITS, timeout: float = 600) -> dict:
    copy = project.snapshot(work / "serve", cache=project.shared_cache(work))
    stock_config, _ = stock.prepare(copy)
    sites = {"real": ("mkdocs.yml", "docs", True), "stock": (stock_config, stock.STOCK_DOCS, False)}
    servers: dict[str, Serve] = {}
    startup: dict[str, dict] = {}
    try:
        for name, (config, docs, pdfs) in sites.items():  # one after the other, so each first build has the CPUs
            servers[name] = Serve(copy, config, docs, pdfs)
            startup[name] = servers[name].start(timeout)
        runs: dict[str, list[dict]] = {name: [] for name in servers}
        for n in range(1, edits + 1):
            for name, server in servers.items():
                sentence = f"The benchmark added sentence number {n} to this page of the {name} site."
                runs[name].append(server.edit(sentence, timeout))
    finally:
        for server in servers.values():
            server.stop()
    wall = {name: stats.median([r["edit_to_page_s"] for r in each]) for name, each in runs.items()}
    cpu = {name: stats.median([r["cpu_s"] for r in each]) for name, each in runs.items()}
    return {
        "page": PAGE, "edits_each": edits, "startup": startup, "runs": runs,
        "median_edit_to_page_s": wall, "median_cpu_s": cpu,
        "ratio_wall": stats.ratio(wall["real"], wall["stock"]),
        "ratio_cpu": stats.ratio(cpu["real"], cpu["stock"]),
        "target_ratio": TARGET_RATIO,
    }
