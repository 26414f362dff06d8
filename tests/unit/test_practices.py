"""The practice template without a build: validation of the `practice` mapping, tags, the index."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from dataclasses import replace

from macros.content.errors import DataError
from macros.content.pages import Page
from macros.practices import model as practices
from macros.practices import render

PAGE = "practices/daily-check-in.md"
GOOD = {"minutes": 10, "how_often": "every day", "pillars": ["communication"]}


@pytest.fixture
def validate(content):
    """A practice record made from a mapping, as the content model makes it for docs/practices/daily-check-in.md."""
    def make(mapping):
        page = Page(src_uri=PAGE, meta={"title": "Daily check-in", "kind": "practice", "practice": mapping}, body="")
        return practices.validate(page, content.pages)
    return make


def mapping(**changes):
    result = {**GOOD, **changes}
    return {k: v for k, v in result.items() if v is not None}


def test_a_good_mapping_gets_its_defaults(validate):
    practice = validate(GOOD)
    assert practice.together is True and practice.approaches == () and practice.minutes == 10
    assert practice.worksheet == "daily-check-in", "the worksheet is named after the practice"


@pytest.mark.parametrize("changes, message", [
    ({"minutes": 0}, "'minutes' must be a whole number from 1 to 240, got 0"),
    ({"minutes": 241}, "'minutes' must be a whole number from 1 to 240, got 241"),
    ({"minutes": "ten"}, "'minutes' must be a whole number from 1 to 240, got 'ten'"),
    ({"minutes": 7.5}, "'minutes' must be a whole number from 1 to 240, got 7.5"),
    ({"minutes": True}, "'minutes' must be a whole number from 1 to 240, got True"),
    ({"minutes": None}, "missing required key 'minutes'"),
    ({"how_often": None}, "missing required key 'how_often'"),
    ({"pillars": None}, "missing required key 'pillars'"),
    ({"pillars": "communication"}, "'pillars' must be a non-empty list"),
    ({"pillars": ["kindness"]}, "'pillars' names 'kindness', but docs/foundations/kindness.md is not a page"),
    ({"pillars": ["misconceptions"]}, "'pillars' names 'misconceptions', which is a 'article' page, not a 'pillar' page"),
    ({"pillars": ["index"]}, "'pillars' names 'index'"),
    ({"approaches": ["hypnosis"]}, "'approaches' names 'hypnosis', but docs/approaches/hypnosis.md is not a page"),
    ({"barriers": ["trust"]}, "'barriers' names 'trust', but docs/barriers/trust.md is not a page"),
    ({"together": "yes"}, "'together' must be true (a practice for two) or false (for one), got 'yes'"),
    ({"worksheet": "weekly-check-in"}, "'worksheet' must be this page's own slug 'daily-check-in' or false"),
    ({"colour": "red"}, "unknown key 'colour'; expected one of: approaches, barriers, how_often"),
])
def test_a_bad_mapping_names_the_page_and_the_problem(validate, changes, message):
    with pytest.raises(DataError) as err:
        validate(mapping(**changes))
    assert str(err.value).startswith(f"docs/{PAGE}: practice: ")
    assert message in str(err.value)


def test_a_practice_page_without_a_mapping_is_named(validate):
    with pytest.raises(DataError, match=rf"^docs/{PAGE}: practice: a practice page needs a 'practice' mapping"):
        validate(None)


@pytest.mark.parametrize("value, expected", [(None, "daily-check-in"), ("daily-check-in", "daily-check-in"), (False, None)])
def test_the_worksheet_is_the_practice_slug_unless_switched_off(validate, value, expected):
    assert validate(mapping(worksheet=value) if value is not None else GOOD).worksheet == expected


@pytest.mark.parametrize("minutes, bucket", [
    (1, "10 minutes or less"), (10, "10 minutes or less"), (11, "10 to 30 minutes"),
    (30, "10 to 30 minutes"), (31, "More than 30 minutes"), (240, "More than 30 minutes"),
])
def test_time_buckets_have_clear_edges(minutes, bucket):
    assert practices.time_bucket(minutes) == bucket


def test_tags_come_from_pillars_approaches_and_time(content, validate):
    practice = validate(mapping(pillars=["communication", "trust"], approaches=["gottman-method"], minutes=25))
    assert render.tags(content, practice) == ["Communication", "Trust", "Gottman Method", "10 to 30 minutes"]


def test_tag_order_puts_time_first_shortest_first():
    names = ["Trust", "More than 30 minutes", "communication", "10 minutes or less", "10 to 30 minutes"]
    ordered = sorted(names, key=lambda n: practices.tag_order(SimpleNamespace(name=n)))
    assert ordered == ["10 minutes or less", "10 to 30 minutes", "More than 30 minutes", "communication", "Trust"]


def test_summary_links_what_the_practice_builds_and_comes_from(content, validate):
    card = render.summary(content, PAGE, validate(mapping(approaches=["imago"], together=False)))
    assert "[Communication](../foundations/communication.md)" in card
    assert "[Imago Relationship Therapy](../approaches/imago.md)" in card
    assert "you, on your own" in card
    assert "Helps with" not in card, "no barriers row without barriers"


def test_worksheet_link_falls_back_to_the_index_until_the_worksheet_exists(content, validate):
    practice = validate(GOOD)
    assert "(../worksheets/daily-check-in.md)" in render.worksheet_link(content, PAGE, practice)
    without = replace(content, worksheets={k: w for k, w in content.worksheets.items() if k != "daily-check-in"})
    assert "(../worksheets/index.md)" in render.worksheet_link(without, PAGE, practice)


def entry(slug, minutes, pillars, barriers=()):
    return practices.Practice(slug, slug.title(), minutes, "daily", tuple(pillars), barriers=tuple(barriers))


def test_index_by_time_groups_every_practice_once_shortest_first():
    listing = render.index_by_time([entry("b", 20, ["trust"]), entry("a", 5, ["trust"]), entry("c", 8, ["trust"])])
    assert listing.index("### 10 minutes or less {#time-1}") < listing.index("[C](c.md)") < listing.index("### 10 to 30")
    assert listing.index("[A](a.md)") < listing.index("[C](c.md)"), "shortest practice first within a bucket"
    assert "More than 30" not in listing, "an empty bucket is left out"
    assert all(listing.count(f"]({s}.md)") == 1 for s in "abc")


def test_index_by_barrier_lists_only_practices_naming_it_and_links_the_barrier(content):
    listing = render.index_by(content, "barriers", [entry("a", 5, ["trust"], ["busy-modern-life"]), entry("b", 5, ["trust"])])
    assert "### Busy modern life {#barriers-busy-modern-life}" in listing
    assert "[A](a.md)" in listing and "[B](b.md)" not in listing
    assert "(../barriers/busy-modern-life.md)" in listing


def test_the_index_refuses_an_unknown_grouping(content):
    with pytest.raises(DataError, match=r"^docs/practices/index.md: practices_by\(\) groups by"):
        render.index(content, "practices/index.md", "colour")


def test_the_index_lists_every_practice_page_once(content):
    listing = render.index(content, "practices/index.md", "time")
    slugs = [p.removesuffix(".md").removeprefix("practices/") for p in content.pages
             if p.startswith("practices/") and p != "practices/index.md"]
    assert len(slugs) >= 18
    assert all(listing.count(f"]({slug}.md)") == 1 for slug in slugs)
