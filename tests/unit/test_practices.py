"""The practice template without a build: validation of the `practice` mapping, tags, the index."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from hooks import practice_tags
from macros import practices
from macros.data import DataError
from macros.practices import Practice

PAGE = "practices/daily-check-in.md"
GOOD = {"minutes": 10, "how_often": "every day", "pillars": ["communication"]}


def mapping(**changes):
    result = {**GOOD, **changes}
    return {k: v for k, v in result.items() if v is not None}


def test_a_good_mapping_gets_its_defaults():
    practice = practices.validate(PAGE, GOOD)
    assert practice["together"] is True
    assert practice["worksheet"] == "daily-check-in", "the worksheet is named after the practice"


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
def test_a_bad_mapping_names_the_page_and_the_problem(changes, message):
    with pytest.raises(DataError) as err:
        practices.validate(PAGE, mapping(**changes))
    assert str(err.value).startswith(f"docs/{PAGE}: practice: ")
    assert message in str(err.value)


def test_a_practice_page_without_a_mapping_is_named():
    with pytest.raises(DataError, match=rf"^docs/{PAGE}: practice: a practice page needs a 'practice' mapping"):
        practices.validate(PAGE, None)


@pytest.mark.parametrize("value, expected", [(None, "daily-check-in"), ("daily-check-in", "daily-check-in"), (False, None)])
def test_the_worksheet_is_the_practice_slug_unless_switched_off(value, expected):
    assert practices.validate(PAGE, mapping(worksheet=value) if value is not None else GOOD)["worksheet"] == expected


@pytest.mark.parametrize("minutes, bucket", [
    (1, "10 minutes or less"), (10, "10 minutes or less"), (11, "10 to 30 minutes"),
    (30, "10 to 30 minutes"), (31, "More than 30 minutes"), (240, "More than 30 minutes"),
])
def test_time_buckets_have_clear_edges(minutes, bucket):
    assert practices.time_bucket(minutes) == bucket


def test_tags_come_from_pillars_approaches_and_time():
    practice = practices.validate(PAGE, mapping(pillars=["communication", "trust"], approaches=["gottman-method"], minutes=25))
    assert practices.tags(practice) == ["Communication", "Trust", "Gottman Method", "10 to 30 minutes"]


def test_tag_order_puts_time_first_shortest_first():
    names = ["Trust", "More than 30 minutes", "communication", "10 minutes or less", "10 to 30 minutes"]
    ordered = sorted(names, key=lambda n: practices.tag_order(SimpleNamespace(name=n)))
    assert ordered == ["10 minutes or less", "10 to 30 minutes", "More than 30 minutes", "communication", "Trust"]


def test_summary_links_what_the_practice_builds_and_comes_from():
    card = practices.summary(PAGE, practices.validate(PAGE, mapping(approaches=["imago"], together=False)))
    assert "[Communication](../foundations/communication.md)" in card
    assert "[Imago Relationship Therapy](../approaches/imago.md)" in card
    assert "you, on your own" in card
    assert "Helps with" not in card, "no barriers row without barriers"


def test_worksheet_link_falls_back_to_the_index_until_the_worksheet_exists(tmp_path, monkeypatch):
    monkeypatch.setattr(practices, "WORKSHEETS", tmp_path)
    practice = practices.validate(PAGE, GOOD)
    assert "(../worksheets/index.md)" in practices.worksheet_link(PAGE, practice)
    (tmp_path / "daily-check-in.yml").write_text("title: x\n", encoding="utf-8")
    assert "(../worksheets/daily-check-in.md)" in practices.worksheet_link(PAGE, practice)


def entry(slug, minutes, pillars, barriers=None):
    return Practice(slug, slug.title(), {"minutes": minutes, "how_often": "daily", "pillars": pillars,
                                         **({"barriers": barriers} if barriers else {})})


def test_index_by_time_groups_every_practice_once_shortest_first():
    listing = practices.index_by_time([entry("b", 20, ["trust"]), entry("a", 5, ["trust"]), entry("c", 8, ["trust"])])
    assert listing.index("### 10 minutes or less {#time-1}") < listing.index("[C](c.md)") < listing.index("### 10 to 30")
    assert listing.index("[A](a.md)") < listing.index("[C](c.md)"), "shortest practice first within a bucket"
    assert "More than 30" not in listing, "an empty bucket is left out"
    assert all(listing.count(f"]({s}.md)") == 1 for s in "abc")


def test_index_by_barrier_lists_only_practices_naming_it_and_links_the_barrier():
    listing = practices.index_by("barriers", [entry("a", 5, ["trust"], ["busy-modern-life"]), entry("b", 5, ["trust"])])
    assert "### Busy modern life {#barriers-busy-modern-life}" in listing
    assert "[A](a.md)" in listing and "[B](b.md)" not in listing
    assert "(../barriers/busy-modern-life.md)" in listing


def test_the_index_names_a_practice_page_with_a_bad_mapping(tmp_path, monkeypatch):
    (tmp_path / "practices").mkdir()
    (tmp_path / "practices" / "odd.md").write_text(
        "---\ntitle: Odd\npractice:\n  minutes: lots\n  how_often: daily\n  pillars: [trust]\n---\n", encoding="utf-8")
    monkeypatch.setattr(practices, "DOCS", tmp_path)
    with pytest.raises(DataError, match=r"^docs/practices/odd.md: practice: 'minutes' must be a whole number"):
        practices.index("practices/index.md", "time")


def test_the_index_refuses_an_unknown_grouping():
    with pytest.raises(DataError, match=r"^docs/practices/index.md: practices_by\(\) groups by"):
        practices.index("practices/index.md", "colour")


def page(src_uri, **meta):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta=meta)


def test_the_hook_sets_tags_from_the_mapping_and_keeps_written_ones():
    p = page(PAGE, kind="practice", practice=GOOD, tags=["Evenings"])
    practice_tags.on_page_markdown("text", page=p, config={}, files=None)
    assert p.meta["tags"] == ["Communication", "10 minutes or less", "Evenings"]


def test_the_hook_leaves_other_pages_alone_but_refuses_a_stray_mapping():
    p = page("foundations/trust.md", kind="pillar")
    practice_tags.on_page_markdown("text", page=p, config={}, files=None)
    assert "tags" not in p.meta
    with pytest.raises(DataError, match=r"^docs/foundations/trust.md: a 'practice' mapping belongs only"):
        practice_tags.on_page_markdown("text", page=page("foundations/trust.md", kind="pillar", practice=GOOD),
                                       config={}, files=None)
