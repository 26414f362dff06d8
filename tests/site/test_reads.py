"""The build reads each input once: the content model opens every data file, page, template and the
config, and nothing opens one again (macros/content/model.py). The session's strict build records
every file it opens (tests/count_reads.py); this holds the record to that rule."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import ROOT

# The book's templates (macros/book/templates/) are read by `make book`, not by the site build.
INPUTS = ("data/**/*.yml", "docs/**/*.md", "overrides/**/*.html", "macros/templates/*.html", "macros/cards/templates/*.html")


def inputs() -> list[Path]:
    found = [path.resolve() for pattern in INPUTS for path in ROOT.glob(pattern)] + [(ROOT / "mkdocs.yml").resolve()]
    assert len(found) > 100, f"only {len(found)} inputs found: are the patterns still right?"
    return found


def opens(site) -> Counter:
    if site.read_log is None or not site.read_log.is_file():
        pytest.skip("the site was built outside this session (CLOSER_SITE), so its reads were not recorded")
    return Counter(str(Path(p).resolve()) for p in json.loads(site.read_log.read_text(encoding="utf-8")))


def problems(counts: Counter, files: list[Path]) -> list[str]:
    return [f"{path.relative_to(ROOT)}: opened {counts[str(path)]} times, expected once"
            for path in files if counts[str(path)] != 1]


def test_each_input_is_opened_once_per_build(site):
    wrong = problems(opens(site), inputs())
    assert not wrong, "\n".join(wrong)


def test_the_worksheet_stylesheet_is_read_once_for_the_pdfs(site):
    """MkDocs copies it into the site; the content model reads it once more, for every PDF."""
    assert opens(site)[str((ROOT / "docs/stylesheets/worksheets.css").resolve())] == 2


def test_the_cards_stylesheet_is_read_once_for_the_pdfs(site):
    """The same for the decks: MkDocs copies docs/stylesheets/cards.css, the content model reads it once."""
    assert opens(site)[str((ROOT / "docs/stylesheets/cards.css").resolve())] == 2


def test_the_count_sees_a_second_read():
    """Negative control: a file opened twice, or never, is named."""
    page = (ROOT / "docs" / "index.md").resolve()
    assert problems(Counter({str(page): 2}), [page]) == ["docs/index.md: opened 2 times, expected once"]
    assert problems(Counter(), [page]) == ["docs/index.md: opened 0 times, expected once"]
