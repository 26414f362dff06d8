"""Review dates: the rules the build enforces, and the `make review` report, without a build."""
from __future__ import annotations

import datetime as dt

import pytest

from macros.content.errors import DataError
from macros.content.review import Item, check_review_dates, collect, due, report, review_problem, years_after

TODAY = dt.date(2026, 12, 1)
D = dt.date


@pytest.mark.parametrize("reviewed, next_review", [
    (D(2026, 12, 1), D(2026, 12, 1)),      # due again the same day: odd, but not wrong
    (D(2026, 12, 1), D(2029, 12, 1)),      # exactly three years
    (D(2020, 1, 1), D(2022, 1, 1)),        # long overdue: the report's business, not the build's
])
def test_allowed_pairs_pass(reviewed, next_review):
    assert review_problem(reviewed, next_review, TODAY) is None


@pytest.mark.parametrize("reviewed, next_review, message", [
    (D(2026, 12, 2), D(2027, 12, 2), "'reviewed' is 2026-12-02, which is in the future (today is 2026-12-01)"),
    (D(2026, 12, 1), D(2026, 11, 30), "'next_review' is 2026-11-30, earlier than 'reviewed' (2026-12-01)"),
    (D(2026, 12, 1), D(2029, 12, 2), "more than 3 years after 'reviewed' (2026-12-01); set it on or before 2029-12-01"),
])
def test_each_broken_rule_is_named(reviewed, next_review, message):
    assert message in review_problem(reviewed, next_review, TODAY)


def test_three_years_from_a_leap_day():
    assert years_after(D(2024, 2, 29), 3) == D(2027, 2, 28)
    assert review_problem(D(2024, 2, 29), D(2027, 3, 1), D(2026, 1, 1)) is not None


def test_the_check_names_the_file_and_entry():
    with pytest.raises(DataError) as err:
        check_review_dates("data/worksheets/x.yml: worksheet 'x'", D(2026, 12, 1), D(2026, 1, 1), TODAY)
    assert str(err.value).startswith("data/worksheets/x.yml: worksheet 'x': 'next_review' is 2026-01-01")
    with pytest.raises(DataError, match="'next_review' must be a date"):
        check_review_dates("docs/a.md", D(2026, 12, 1), "2027-01-01", TODAY)


def item(where, reviewed, next_review):
    return Item(where, where.title(), reviewed, next_review)


ITEMS = [
    item("late", D(2024, 1, 1), D(2026, 6, 1)),           # overdue
    item("soon", D(2026, 3, 1), D(2027, 1, 15)),
    item("edge", D(2026, 3, 1), D(2027, 3, 1)),           # exactly 90 days ahead
    item("later", D(2026, 3, 1), D(2027, 3, 2)),          # one day past the window
    item("sooner", D(2025, 12, 1), D(2026, 12, 20)),
]


def test_due_lists_the_window_and_overdue_items_oldest_first():
    assert [i.where for i in due(ITEMS, TODAY)] == ["late", "sooner", "soon", "edge"]
    assert [i.where for i in due(ITEMS, TODAY, days=0)] == ["late"]


def test_the_report_marks_overdue_items_and_says_when_nothing_is_due():
    text = report(ITEMS, TODAY)
    assert "4 of 5" in text
    assert text.splitlines()[2].startswith("2026-06-01  OVERDUE  late")
    assert "2027-03-01  due      edge" in text and "later" not in text
    assert report(ITEMS[3:4], TODAY).endswith("Nothing is due.")


def test_collect_reads_pages_and_worksheets(tmp_path):
    (tmp_path / "docs" / "a").mkdir(parents=True)
    (tmp_path / "data" / "worksheets").mkdir(parents=True)
    (tmp_path / "docs" / "a" / "p.md").write_text(
        "---\ntitle: P\nreviewed: 2026-12-01\nnext_review: 2027-01-01\n---\n\n# P\n", encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text("---\ntitle: B\nreviewed: 2026-12-01\n---\n", encoding="utf-8")
    (tmp_path / "data" / "worksheets" / "w.yml").write_text(
        "title: W\nreviewed: 2026-12-01\nnext_review: 2027-06-01\n", encoding="utf-8")
    items, skipped = collect(tmp_path)
    assert [(i.where, i.title, i.next_review) for i in items] == [
        ("docs/a/p.md", "P", D(2027, 1, 1)), ("data/worksheets/w.yml", "W", D(2027, 6, 1))]
    assert skipped == ["docs/b.md"]


def test_a_handout_is_as_fresh_as_its_least_recently_checked_practice(content):
    from dataclasses import replace

    from macros.therapists import packets

    concern = next(c for c in content.concerns if len(c.practices) >= 2)
    second = content.practices[concern.practices[1]]
    older = replace(second.page, meta={**second.page.meta, "reviewed": D(2025, 1, 2), "next_review": D(2026, 5, 1)})
    changed = replace(content, pages={**content.pages, older.src_uri: older},
                      practices={**content.practices, second.slug: replace(second, page=older)})
    source = packets.page_source(changed, concern)
    assert "reviewed: 2025-01-02\n" in source and "next_review: 2026-05-01\n" in source
    assert "reviewed: 2025-01-02\n" not in packets.page_source(content, concern)
