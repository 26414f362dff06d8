"""5. Lighthouse (npm `lighthouse`, node_modules/) with Debian's Chromium, mobile and desktop, offline.

The site is served by bench.server on 127.0.0.1. Lighthouse itself fetches nothing but the page under
test and what it links to (robots.txt, the manifest, icons) from that origin; every run's network
requests are checked, and any request to another host is reported, so "offline" is a measured fact.
"""
from __future__ import annotations

import json
import os
import subprocess
from contextlib import ExitStack
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from .project import ROOT
from .server import serve
from .weight import CHROMIUM, PAGES

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FORM_FACTORS = ("mobile", "desktop")
TARGET = 100
METRICS = {"fcp_ms": "first-contentful-paint", "lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time",
           "cls": "cumulative-layout-shift", "si_ms": "speed-index"}


def measure(sites: dict[str, Path], out: Path) -> dict:
    """Every page in both form factors, on each site (real, stock) in turn; Lighthouse's own JSON
    reports are kept in `out`."""
    if not LIGHTHOUSE.is_file():
        raise RuntimeError(f"{LIGHTHOUSE}: not installed; `make bench` runs `npm ci` first")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    runs, extra = [], set()
    with ExitStack() as stack:
        served = {name: stack.enter_context(serve(root)) for name, root in sites.items()}
        for form_factor in FORM_FACTORS:
            for page, path in PAGES.items():
                for site, (base, _) in served.items():
                    report = _run(base + path, form_factor, out / f"{site}-{page}-{form_factor}.json")
                    runs.append({"site": site, "page": page, "form_factor": form_factor,
                                 **summarise(report, urlsplit(base).netloc)})
        for _, requested in served.values():
            extra.update(p for p in requested if not p.endswith(("/", ".css", ".js", ".json", ".svg", ".html")))
    return {"runs": runs, "target": TARGET, "extra_paths_asked": sorted(extra)}


def _run(url: str, form_factor: str, out: Path) -> dict:
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
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
