"""Each kind of mistake stops its edition's target with one sentence naming what and where.

Every folder in tests/editions/fixtures/ is laid over a copy of the project (PDF cache included);
edition.txt says which target to run (offline or dist) and expected.txt holds the message it must
print while failing. The strict build itself succeeds: these are mistakes only an edition catches."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.editions.conftest import build_dist, build_offline

FIXTURES = sorted(p for p in (Path(__file__).parent / "fixtures").iterdir() if (p / "expected.txt").is_file())
TARGETS = {"offline": lambda project: build_offline(project, project / "dist" / "offline"),
           "dist": lambda project: build_dist(project, project / "dist")}


@pytest.mark.slow
@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_a_broken_project_fails_its_edition_with_its_message(fixture, edition_copy):
    edition = (fixture / "edition.txt").read_text(encoding="utf-8").strip()
    result = TARGETS[edition](edition_copy(fixture))
    log = result.stdout + result.stderr
    assert "macros.editions" in " ".join(map(str, result.args)), f"{fixture.name}: the strict build failed first:\n{log[-3000:]}"
    assert result.returncode != 0, f"{fixture.name}: `make {edition}` succeeded but should have failed"
    expected = (fixture / "expected.txt").read_text(encoding="utf-8").strip()
    assert expected in log, f"{fixture.name}: expected {expected!r} in the output:\n{log[-3000:]}"
    errors = [line for line in log.splitlines() if line.startswith("ERROR: ")]
    assert len(errors) == 1 and errors[0].count(". ") == 0, f"{fixture.name}: expected one sentence, got {errors}"
