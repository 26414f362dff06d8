"""Pages that ask partners to open up carry the one 'only if you feel safe' line, as built.

Which pages those are is read from the pages' own front matter (`opens_up: true`), not kept here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.safety import caveats
from tests.support import DOCS, address, built_page, project

PAGES = sorted(Path(uri) for uri in project().pages if Path(uri).parts[0] not in ("worksheets", "tags"))


def meta(src: Path) -> dict:
    return project().pages[src.as_posix()].meta


FLAGGED = [p for p in PAGES if meta(p).get(caveats.FLAG) is True]
UNFLAGGED = [p for p in PAGES if p not in FLAGGED]


def built(src: Path) -> Path:
    return built_page(address(DOCS / src))


def test_the_pages_that_ask_partners_to_open_up_are_declared():
    assert FLAGGED, "no page sets 'opens_up: true'"
    assert Path("safety/index.md") not in FLAGGED


def test_every_practice_page_asks_partners_to_open_up():
    """Each practice is something partners do with or say to each other, so each carries the line."""
    practices = [p for p in PAGES if meta(p).get("kind") == "practice"]
    assert practices
    assert [p for p in practices if p not in FLAGGED] == []


@pytest.mark.parametrize("src", FLAGGED, ids=[p.as_posix() for p in FLAGGED])
def test_a_flagged_page_carries_the_line_once_before_its_first_section(site, src):
    page = built(src)
    soup = site.soup(page)
    lines = soup.select(f"article .{caveats.CSS_CLASS}")
    assert len(lines) == 1, f"{page}: {len(lines)} caveat lines"
    line = lines[0]
    assert "partners who feel safe with each other" in line.get_text(" ", strip=True)
    links = [site.resolve(page, a["href"]) for a in line.find_all("a", href=True)]
    assert (Path("safety/index.html"), "") in links, f"{page}: the line does not link to the safety page"
    # Before the page's steps and explanations, where a reader sees it first.
    first_heading = soup.select_one("article h2[id]")
    if first_heading is not None:
        assert line in first_heading.find_all_previous("p"), f"{page}: the line comes after the first section"


@pytest.mark.parametrize("src", UNFLAGGED, ids=[p.as_posix() for p in UNFLAGGED])
def test_an_unflagged_page_does_not_carry_the_line(site, src):
    page = built(src)
    assert (site.root / page).is_file(), f"{src} was not built to {page}"
    assert not site.soup(page).select(f".{caveats.CSS_CLASS}"), f"{page}: the line without the flag"


def test_the_line_is_kept_out_of_the_search_index(site):
    index = (site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Only if you feel safe" not in index
    assert "partners who feel safe with each other" not in index
