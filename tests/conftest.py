"""Shared fixtures: one strict build of the real site per session, and builds of broken copies."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT, BuiltSite, copy_project, missing, project


def mkdocs_build(project: Path, site_dir: Path, read_log: Path | None = None) -> subprocess.CompletedProcess:
    """Run a strict build in a subprocess: macros' on_error_fail exits the process on error. With
    `read_log`, every file the build opens is recorded there (tests/count_reads.py)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": os.pathsep.join([str(project), str(ROOT)])}
    runner = ["-m", "tests.count_reads", str(read_log), "mkdocs"] if read_log else ["-m", "mkdocs"]
    return subprocess.run(
        [sys.executable, *runner, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=1800,
    )


@pytest.fixture(scope="session")
def content():
    """The content model of the project, loaded as a build loads it (macros/content/model.py)."""
    return project()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real site, built once with --strict into a temporary folder.

    CLOSER_SITE=<folder> reuses a site you built already (for iterating on browser tests).
    """
    if prebuilt := os.environ.get("CLOSER_SITE"):
        return BuiltSite(Path(prebuilt))
    out = tmp_path_factory.mktemp("site")
    read_log = out.parent / "reads.json"
    result = mkdocs_build(ROOT, out, read_log)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"the strict build failed:\n{log[-6000:]}"
    assert "WARNING" not in log, f"the build printed warnings:\n{log[-6000:]}"
    return BuiltSite(out, read_log)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright, one for the whole session (tests/browser, tests/editions)."""
    from tests.browser.conftest import CHROMIUM_ARGS, chromium_path

    path = chromium_path()
    if path is None:
        missing("REQUIRE_BROWSER", "no Chromium found at $CHROMIUM_PATH or /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def broken_copy(tmp_path):
    """Copy the project, lay a fixture's files over it, build it, and return the result."""
    def build(fixture: Path) -> subprocess.CompletedProcess:
        project = copy_project(tmp_path / "project", fixture=fixture)
        return mkdocs_build(project, tmp_path / "site")
    return build
