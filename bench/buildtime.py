"""1. Build time: the real site against the same Markdown built with stock Material.

One warm-up build of each (it also fills the PDF cache, as on any machine after the first build), then `runs` builds of each, alternating, so a burst of load elsewhere hits both alike.
"""
from __future__ import annotations

import json
from pathlib import Path

from . import project, stats, stock

TARGET_RATIO = 1.25


def measure(work: Path, runs: int = 5) -> dict:
    copy = project.snapshot(work / "build", cache=project.shared_cache(work))
    stock_config, stripped = stock.prepare(copy)
    sites = {"real": (copy / "site-real", "mkdocs.yml"), "stock": (copy / "site-stock", stock_config)}
    for site_dir, config in sites.values():
        project.build(copy, site_dir, config)
    times: dict[str, list[project.Build]] = {"real": [], "stock": []}
    for _ in range(runs):
        for name, (site_dir, config) in sites.items():
            times[name].append(project.build(copy, site_dir, config))
    wall = {name: stats.median([b.wall_s for b in builds]) for name, builds in times.items()}
    cpu = {name: stats.median([b.cpu_s for b in builds]) for name, builds in times.items()}
    return {
        "runs_each": runs,
        "cpu_by_plugin": {name: breakdown(copy, site_dir, config, work) for name, (site_dir, config) in sites.items()},
        "pages": {name: project.page_count(site_dir) for name, (site_dir, _) in sites.items()},
        "macro_pages_stripped": stripped,
        "real_wall_s": [b.wall_s for b in times["real"]],
        "stock_wall_s": [b.wall_s for b in times["stock"]],
        "real_cpu_s": [b.cpu_s for b in times["real"]],
        "stock_cpu_s": [b.cpu_s for b in times["stock"]],
        "median_wall_s": wall,
        "median_cpu_s": cpu,
        "ratio_wall": stats.ratio(wall["real"], wall["stock"]),
        "ratio_cpu": stats.ratio(cpu["real"], cpu["stock"]),
        "target_ratio": TARGET_RATIO,
    }


def breakdown(copy: Path, site_dir: Path, config: str, work: Path) -> dict:
    """One more build, through bench/breakdown.py: CPU seconds per plugin and hook."""
    out = work / f"breakdown-{config}.json"
    script = str(Path(__file__).with_name("breakdown.py"))
    project.build(copy, site_dir, config, runner=(script, str(out)))
    return json.loads(out.read_text(encoding="utf-8"))
