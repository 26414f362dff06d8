"""Each kind of mistake stops the build with one sentence naming the file and the problem.

Every folder in tests/fixtures/ is laid over a copy of the project; its expected.txt holds the
message the strict build must print while failing.
"""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = sorted(p for p in (Path(__file__).parent / "fixtures").iterdir() if (p / "expected.txt").is_file())


@pytest.mark.slow
@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_a_broken_project_fails_with_its_message(fixture, broken_copy):
    result = broken_copy(fixture)
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"{fixture.name}: the build succeeded but should have failed"
    expected = (fixture / "expected.txt").read_text(encoding="utf-8").strip()
    assert expected in log, f"{fixture.name}: expected {expected!r} in the build log:\n{log[-3000:]}"
