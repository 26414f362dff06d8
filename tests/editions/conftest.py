"""The editions tier: the offline edition and the deployable site, each built once per session the
way `make offline` and `make dist` build them, and broken copies of the project that must fail them.

CLOSER_OFFLINE_ZIP=<zip> reuses an offline edition you built (`make offline`); CLOSER_DIST=<folder>
reuses a `make dist` output (the folder holding site/ and nginx/). The deployable site otherwise
reuses the session's strict build (tests/conftest.py `site`), copied, so it costs no extra build.
Chromium is Debian's, the session's `browser` (tests/conftest.py); nginx is Debian's: without it the server tests skip with
the reason, unless REQUIRE_SERVER=1 (set by .ci/run)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support import PROJECT_PARTS, ROOT, copy_project

EDITION_PARTS = (*PROJECT_PARTS, "mkdocs.offline.yml")


def _run(args: list[str], project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    return subprocess.run([sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, timeout=1800)


def build_offline(project: Path, out: Path) -> subprocess.CompletedProcess:
    """What `make offline` runs, with its output under `out` (out/closer/ and out/closer-offline.zip)."""
    site = out / "closer"
    result = _run(["-m", "mkdocs", "build", "--strict", "--config-file", "mkdocs.offline.yml", "--site-dir", str(site)], project)
    if result.returncode != 0:
        return result
    second = _run(["-m", "macros.editions", "offline", str(site), "--zip", str(out / "closer-offline.zip")], project)
    return subprocess.CompletedProcess(second.args, second.returncode, result.stdout + second.stdout, result.stderr + second.stderr)


def finish_dist(project: Path, out: Path) -> subprocess.CompletedProcess:
    """The second half of `make dist`, over a strict build already in out/site/."""
    return _run(["-m", "macros.editions", "dist", str(out / "site"), "--nginx", str(out / "nginx" / "closer.conf")], project)


def build_dist(project: Path, out: Path) -> subprocess.CompletedProcess:
    """What `make dist` runs, with its output under `out` (out/site/ and out/nginx/closer.conf)."""
    result = _run(["-m", "mkdocs", "build", "--strict", "--site-dir", str(out / "site")], project)
    if result.returncode != 0:
        return result
    second = finish_dist(project, out)
    return subprocess.CompletedProcess(second.args, second.returncode, result.stdout + second.stdout, result.stderr + second.stderr)


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    if prebuilt := os.environ.get("CLOSER_OFFLINE_ZIP"):
        return Path(prebuilt)
    out = tmp_path_factory.mktemp("offline-build")
    result = build_offline(ROOT, out)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"the offline edition failed to build:\n{log[-6000:]}"
    assert "WARNING" not in log, f"the offline build printed warnings:\n{log[-6000:]}"
    return out / "closer-offline.zip"


@pytest.fixture(scope="session")
def offline_root(offline_zip, tmp_path_factory) -> Path:
    """The zip unpacked into a fresh folder, as a reader would: the folder holding index.html."""
    where = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(where)
    return where / "closer"


@pytest.fixture(scope="session")
def dist(site, tmp_path_factory) -> Path:
    """The `make dist` output: a folder with site/ (the strict build, _headers, _redirects) and
    nginx/closer.conf."""
    if prebuilt := os.environ.get("CLOSER_DIST"):
        return Path(prebuilt)
    out = tmp_path_factory.mktemp("dist")
    shutil.copytree(site.root, out / "site")
    result = finish_dist(ROOT, out)
    assert result.returncode == 0, f"make dist's second step failed:\n{(result.stdout + result.stderr)[-6000:]}"
    return out


@pytest.fixture
def edition_copy(tmp_path):
    """Copy the project (with its PDF cache), lay a fixture's files over it, and return the copy."""
    def copy(fixture: Path) -> Path:
        return copy_project(tmp_path / "project", (*EDITION_PARTS, ".cache"), fixture, skip=("expected.txt", "edition.txt"))
    return copy
