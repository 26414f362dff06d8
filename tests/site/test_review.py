"""Every page, worksheet printout and worksheet PDF shows when it was last reviewed and when it is due."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.support import pdf_text, project

SHEETS = list(project().worksheets.values())
LINE = re.compile(r"Last reviewed (\d{1,2} \w+ \d{4}) · Next review due (\d{1,2} \w+ \d{4})")


def spoken(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def review_line_problem(meta) -> str | None:
    """What is wrong with a page's review line, or None."""
    line = meta.select_one(".closer-reviewed") if meta else None
    if line is None:
        return "no review line"
    times = line.select("time[datetime]")
    if len(times) != 2:
        return f"{len(times)} dates instead of two"
    last, due = (dt.date.fromisoformat(t["datetime"]) for t in times)
    match = LINE.search(" ".join(line.get_text(" ").split()))
    if not match or match.groups() != (spoken(last), spoken(due)):
        return f"the line does not read 'Last reviewed {spoken(last)} · Next review due {spoken(due)}'"
    if due < last:
        return "next review before the last"
    return None


def test_every_page_shows_last_and_next_review(site):
    bad = [f"{p}: {problem}" for p in site.pages
           if (problem := review_line_problem(site.soup(p).select_one(".closer-page-meta")))]
    assert not bad, "\n".join(bad)


def test_the_review_line_check_catches_a_missing_next_date(site):
    """Negative control: with the second date removed, the check complains."""
    soup = site.soup(Path("about/index.html"))
    meta = soup.select_one(".closer-page-meta")
    assert review_line_problem(meta) is None
    meta.select(".closer-reviewed time")[1].decompose()
    assert review_line_problem(meta) == "1 dates instead of two"


def test_the_review_line_links_to_the_review_policy(site):
    page = Path("foundations/trust/index.html")
    link = site.soup(page).select_one(".closer-reviewed a[href]")
    assert site.resolve(page, link["href"]) == (Path("about/index.html"), "review")


@pytest.mark.parametrize("sheet", SHEETS, ids=[s.id for s in SHEETS])
def test_every_worksheet_printout_and_pdf_carries_its_review_dates(site, sheet):
    expected = f"Last reviewed {spoken(sheet.reviewed)} · Next review due {spoken(sheet.next_review)}"
    footer = site.soup(Path("worksheets") / sheet.id / "index.html").select_one(".ws-print-footer")
    assert expected in " ".join(footer.get_text(" ").split())
    text = pdf_text(site.root / "worksheets" / sheet.id / f"{sheet.id}.pdf")
    assert expected in text, f"{sheet.id}.pdf lacks {expected!r}"

