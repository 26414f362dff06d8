"""Review dates: when a page or worksheet was last checked against its sources, and when it is due again.

Pure functions, so the rules can be tested without a build:

- review_problem: what is wrong with a pair of dates (the build fails on it, see content/pages.py and
  worksheets/model.py);
- due: which items fall due within a window, oldest first (`make review`, a report that never fails).

`make review` (main below) prints the report for every page in docs/ and every worksheet in
data/worksheets/.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .fields import expect_date

MAX_YEARS = 3
WINDOW_DAYS = 90


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February in a year without it."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def review_problem(reviewed: dt.date, next_review: dt.date, today: dt.date) -> str | None:
    """Why a pair of review dates is not allowed, as the end of a sentence; None when they are fine."""
    if reviewed > today:
        return f"'reviewed' is {reviewed:%Y-%m-%d}, which is in the future (today is {today:%Y-%m-%d}); write the day a writer actually checked it against its sources"
    if next_review < reviewed:
        return f"'next_review' is {next_review:%Y-%m-%d}, earlier than 'reviewed' ({reviewed:%Y-%m-%d}); the next review must come after the last"
    limit = years_after(reviewed, MAX_YEARS)
    if next_review > limit:
        return (
            f"'next_review' is {next_review:%Y-%m-%d}, more than {MAX_YEARS} years after 'reviewed' "
            f"({reviewed:%Y-%m-%d}); set it on or before {limit:%Y-%m-%d}"
        )
    return None


def check_review_dates(where: str, reviewed: Any, next_review: Any, today: dt.date | None = None) -> None:
    """Both dates are dates, the last review is not in the future, and the next one is at most three
    years after it; `where` names the file and entry."""
    reviewed = expect_date(where, "reviewed", reviewed)
    next_review = expect_date(where, "next_review", next_review)
    if problem := review_problem(reviewed, next_review, today or dt.date.today()):
        raise DataError(f"{where}: {problem}")


@dataclass(frozen=True)
class Item:
    """One reviewable thing: a page or a worksheet, named as a writer would find it."""
    where: str
    title: str
    reviewed: dt.date
    next_review: dt.date


def due(items: list[Item], today: dt.date, days: int = WINDOW_DAYS) -> list[Item]:
    """Items whose next review falls on or before `today + days` (overdue ones too), oldest first."""
    horizon = today + dt.timedelta(days=days)
    return sorted(
        (i for i in items if i.next_review <= horizon),
        key=lambda i: (i.next_review, i.reviewed, i.where),
    )


def report(items: list[Item], today: dt.date, days: int = WINDOW_DAYS) -> str:
    """The text `make review` prints."""
    listed = due(items, today, days)
    head = f"Pages and worksheets due for review by {today + dt.timedelta(days=days):%Y-%m-%d} ({days} days from {today:%Y-%m-%d}): {len(listed)} of {len(items)}"
    if not listed:
        return head + ".\nNothing is due."
    width = max(len(i.where) for i in listed)
    lines = [head + ", oldest first.", ""]
    for i in listed:
        state = "OVERDUE" if i.next_review < today else "due"
        lines.append(
            f"{i.next_review:%Y-%m-%d}  {state:<7}  {i.where:<{width}}  last reviewed {i.reviewed:%Y-%m-%d}  {i.title}"
        )
    return "\n".join(lines)


# --- reading the project (for the command line) --------------------------------------------------

from .markdown import _FRONT  # the same pattern the build reads front matter with


def _as_date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def collect(root: Path) -> tuple[list[Item], list[str]]:
    """Every page and worksheet with both dates, and a line for each that lacks them (the build
    reports those as errors; the report only mentions them)."""
    items, skipped = [], []
    sources = [(p, p.relative_to(root).as_posix()) for p in sorted((root / "docs").rglob("*.md"))]
    for path, where in sources:
        match = _FRONT.match(path.read_text(encoding="utf-8"))
        meta = (yaml.safe_load(match.group(1)) if match else None) or {}
        _add(items, skipped, where, meta)
    for path in sorted((root / "data" / "worksheets").glob("*.yml")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        _add(items, skipped, path.relative_to(root).as_posix(), meta)
    return items, skipped


def _add(items: list[Item], skipped: list[str], where: str, meta: dict) -> None:
    reviewed, next_review = _as_date(meta.get("reviewed")), _as_date(meta.get("next_review"))
    if reviewed and next_review:
        items.append(Item(where, str(meta.get("title", where)), reviewed, next_review))
    else:
        skipped.append(where)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List pages and worksheets due for review soon, oldest first.")
    parser.add_argument("--days", type=int, default=WINDOW_DAYS, help="how far ahead to look (default 90)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    args = parser.parse_args(argv)
    items, skipped = collect(args.root)
    print(report(items, args.today, args.days))
    if skipped:
        print(f"\nWithout both review dates (the build will stop on these): {', '.join(skipped)}")
    return 0

