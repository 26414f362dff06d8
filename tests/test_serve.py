"""`make serve` shows every kind of edit on the next reload: each data file, the macros (a deep module
too), a hook, a template, a page and mkdocs.yml.

Runs the real `mkdocs serve` on a free loopback port over a copy of the project (with its PDF cache, so
the first build renders nothing anew), edits one input of each kind and waits for the page to change.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.support import PROJECT_PARTS, copy_project

# (file, old text, new text, page whose HTML must then show the new text)
EDITS = [
    ("data/glossary.yml", "definition:", "definition: SERVE-EDIT-GLOSSARY", "glossary/"),
    ("data/helplines.yml", "hours: any time, day or night, free", "hours: SERVE-EDIT-HOURS", "safety/"),
    ("data/concerns.yml", "  about: Talk has shrunk", "  about: SERVE-EDIT-CONCERN. Talk has shrunk", "therapists/"),
    ("data/sources.yml", 'title: "Getting the Love You Want', 'title: "SERVE-EDIT-SOURCE Getting the Love You Want',
     "practices/mirroring/"),
    ("data/page_kinds.yml", "{id: pitfalls, title: Common pitfalls}", "{id: pitfalls, title: SERVE-EDIT-KIND}",
     "practices/mirroring/"),
    ("data/worksheets/gratitude.yml", "purpose: A week of noticing", "purpose: A SERVE-EDIT-WORKSHEET week of noticing",
     "worksheets/gratitude/"),
    ("macros/safety/caveats.py", "**Only if you feel safe.**", "**SERVE-EDIT-MACRO.**", "practices/mirroring/"),
    ("macros/worksheets/page.py", "**Time needed:**", "**SERVE-EDIT-DEEP-MACRO:**", "worksheets/gratitude/"),
    ("hooks/copylink.py", '"Copy link to section: {words}"', '"SERVE-EDIT-HOOK {words}"', "about/"),
    ("overrides/partials/care-notice.html", "Get help now", "SERVE-EDIT-TEMPLATE", ""),
    ("docs/about/index.md", "\n# ", "\nSERVE-EDIT-PAGE.\n\n# ", "about/"),
    ("mkdocs.yml", "site_name: Closer", "site_name: Closer SERVE-EDIT-CONFIG", ""),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> bool:
    """Poll `url` until it shows `text` or the deadline passes (a rebuild has no event to wait on)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("serve") / "project", PROJECT_PARTS + (".cache",))
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(base, "Closer", 600), "mkdocs serve never answered"
        yield project, base
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("path, old, new, page", EDITS, ids=[e[0] for e in EDITS])
def test_an_edit_shows_on_the_next_reload(served, path, old, new, page):
    project, base = served
    marker = re.search(r"SERVE-EDIT-[A-Z-]+[A-Z]", new).group(0)
    before = fetch(base + page)
    assert "Closer" in before, f"/{page} did not answer before the edit"
    assert marker not in before
    target = project / path
    text = target.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}: update the test"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert wait_for(base + page, marker, 90), f"an edit to {path} did not show on /{page}"
