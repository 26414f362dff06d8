"""A snapshot of the project in a temporary folder, and timed builds of it in a subprocess.

Each benchmark works on its own copy, so its builds neither see other people's edits halfway through a
run nor touch the repository's site/ and .cache/.
"""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "hooks", "overrides")


@dataclass(frozen=True)
class Build:
    wall_s: float
    cpu_s: float  # user + system time of the build process: steadier than wall time on a busy machine
    log: str


def snapshot(dest: Path, root: Path = ROOT, cache: Path | None = None) -> Path:
    """Copy the parts of the project a build reads into dest; with `cache`, dest/.cache links to it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    if cache is not None:
        (dest / ".cache").symlink_to(cache, target_is_directory=True)
    return dest


def shared_cache(work: Path, root: Path = ROOT) -> Path:
    """One PDF cache (.cache/) for every copy in a run, seeded from the project's own, so only the first
    build that needs a PDF renders it, as on a writer's machine."""
    cache = work / "cache"
    if not cache.exists():
        if (root / ".cache").is_dir():
            shutil.copytree(root / ".cache", cache)
        else:
            cache.mkdir(parents=True)
    return cache


def build(project: Path, site_dir: Path, config: str = "mkdocs.yml", extra_env: dict | None = None,
          runner: tuple[str, ...] = ("-m", "mkdocs")) -> Build:
    """Build project with the given config file in a fresh Python process; raise with the log if it fails.

    `runner` is what follows the interpreter: `-m mkdocs`, or a script that wraps MkDocs (bench/breakdown.py).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), **(extra_env or {})}
    command = [sys.executable, *runner, "build", "--config-file", config, "--site-dir", str(site_dir)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=1800)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    log = result.stdout + result.stderr
    if result.returncode != 0:
        raise RuntimeError(f"{project / config}: the build failed (exit {result.returncode}):\n{log[-4000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Build(round(wall, 3), round(cpu, 3), log)


def page_count(site_dir: Path) -> int:
    """HTML pages in a built site, leaving out the 404 page and redirect stubs."""
    count = 0
    for page in site_dir.rglob("*.html"):
        head = page.read_text(encoding="utf-8", errors="replace")[:600].lower()
        if page.name != "404.html" and not ('http-equiv="refresh"' in head and "md-container" not in head):
            count += 1
    return count
