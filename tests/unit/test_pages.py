"""Front-matter validation and required sections, without a build."""
from __future__ import annotations

import datetime as dt

import pytest

from macros.content.errors import DataError
from macros.content import kinds as kinds_module
from macros.content.markdown import front_matter
from macros.content.pages import check_sections, check_unique_ids, section_heading, validate_meta

GOOD = {
    "title": "Trust",
    "description": "What trust is and how it grows.",
    "theme": "foundations",
    "kind": "pillar",
    "reviewed": dt.date(2026, 11, 22),
    "next_review": dt.date(2027, 11, 22),
    "sources": ["seed-000"],
}


@pytest.fixture
def check(content):
    """Front matter checked as the content model checks a page in docs/foundations/."""
    return lambda meta: validate_meta("docs/foundations/trust.md", "foundations/trust.md", meta, content.kinds, content.sources)


def meta(**changes):
    result = {**GOOD, **changes}
    return {k: v for k, v in result.items() if v is not None}


def test_good_front_matter_resolves_its_sources(check):
    sources = check(GOOD)
    assert sources[0].id == "seed-000" and sources[0].title


@pytest.mark.parametrize("changes, message", [
    ({"description": None}, "missing required key 'description'"),
    ({"sources": None}, "missing required key 'sources'"),
    ({"reviewed": None}, "missing required key 'reviewed'"),
    ({"reviewed": "last week"}, "'reviewed' must be a date"),
    ({"next_review": None}, "missing required key 'next_review'"),
    ({"next_review": "next year"}, "'next_review' must be a date"),
    ({"reviewed": dt.date(2999, 1, 1), "next_review": dt.date(2999, 6, 1)}, "which is in the future"),
    ({"next_review": dt.date(2026, 11, 21)}, "earlier than 'reviewed' (2026-11-22)"),
    ({"next_review": dt.date(2029, 11, 23)}, "more than 3 years after 'reviewed'"),
    ({"sources": ["seed-999"]}, "source 'seed-999' is not in data/sources.yml"),
    ({"theme": "barriers"}, "'theme' must be 'foundations'"),
    ({"kind": "essay"}, "'kind' must be one of"),
    ({"description": "Two sentences. Not one."}, "must be one sentence"),
    ({"colour": "red"}, "unknown key 'colour'"),
    ({"safety": "yes"}, "'safety' must be true or false, got 'yes'"),
    ({"practice": {"minutes": 5}}, "a 'practice' mapping belongs only on a page of kind 'practice'"),
    ({"tags": "calm"}, "'tags' must be a list, got 'calm'"),
])
def test_bad_front_matter_names_the_file_and_the_problem(check, changes, message):
    with pytest.raises(DataError) as err:
        check(meta(**changes))
    assert str(err.value).startswith("docs/foundations/trust.md: ")
    assert message in str(err.value)


SECTIONS = ["what-it-is", "in-daily-life", "how-it-breaks", "what-strengthens-it"]


def html(ids):
    return "".join(f'<h2 id="{i}">x</h2><p>text</p>' for i in ids)


def test_a_pillar_with_all_sections_passes(content):
    check_sections("docs/foundations/trust.md", content.kinds["pillar"], html(SECTIONS))


def test_a_missing_section_is_named(content):
    with pytest.raises(DataError, match="^docs/foundations/trust.md: a pillar page needs the section 'how-it-breaks'"):
        check_sections("docs/foundations/trust.md", content.kinds["pillar"], html([s for s in SECTIONS if s != "how-it-breaks"]))


def test_sections_out_of_order_fail(content):
    with pytest.raises(DataError, match="in the order"):
        check_sections("docs/foundations/trust.md", content.kinds["pillar"], html(list(reversed(SECTIONS))))


def test_section_heading_has_a_stable_id(content):
    pillar = content.kinds["pillar"]
    assert section_heading(pillar, "pillar", "how-it-breaks") == "## How it breaks {#how-it-breaks}"
    assert section_heading(pillar, "pillar", "how-it-breaks", "When trust cracks") == "## When trust cracks {#how-it-breaks}"
    with pytest.raises(DataError, match="not a section of a 'pillar' page"):
        section_heading(pillar, "pillar", "origins")


def test_front_matter_that_is_not_yaml_is_reported_as_such():
    source = "---\ntitle: Trust\ndescription: Draft: trust\n---\n\n# Trust\n"
    with pytest.raises(DataError, match=r"docs/foundations/trust.md: front matter is not valid YAML at line 3"):
        front_matter("docs/foundations/trust.md", source)


@pytest.mark.parametrize("boost", [0, -1, "high", True])
def test_a_page_kind_with_a_bad_search_boost_is_named(boost):
    with pytest.raises(DataError, match=r"^data/page_kinds.yml: kind 'hub': 'search_boost' must be a positive number"):
        kinds_module.load({"hub": {"about": "Links for therapists.", "search_boost": boost}}, "data/page_kinds.yml")


@pytest.mark.parametrize("front, message", [
    ("title: Trust\ntitle: Trust again\n", "docs/foundations/trust.md: front matter, line 3: 'title' is written twice (lines 2 and 3); expected each key once"),
    ("title: Trust\nreviewed: 2026-13-45\n", "docs/foundations/trust.md: front matter, line 3: 'reviewed' must be a real date written YYYY-MM-DD, got '2026-13-45'"),
    ("- a list\n", "docs/foundations/trust.md: front matter must be keys and values"),
])
def test_front_matter_mistakes_yaml_lets_pass_are_named(front, message):
    with pytest.raises(DataError) as err:
        front_matter("docs/foundations/trust.md", f"---\n{front}---\n\n# Trust\n")
    assert str(err.value).startswith(message)


@pytest.mark.parametrize("source, message", [
    ("", "docs/foundations/trust.md: the page is empty; expected front matter"),
    ("# Trust\n\nNo front matter here.\n", "docs/foundations/trust.md: no front matter; expected the page to start"),
])
def test_a_page_without_front_matter_says_so(source, message):
    with pytest.raises(DataError, match=message):
        front_matter("docs/foundations/trust.md", source)


def test_two_elements_with_one_id_are_named():
    check_unique_ids("docs/foundations/trust.md", '<h2 id="a">A</h2><h2 id="b">B</h2>')
    with pytest.raises(DataError, match=r"^docs/foundations/trust.md: the id 'a' is used twice \(on a <h2> and a <h3>\)"):
        check_unique_ids("docs/foundations/trust.md", '<h2 id="a">A</h2><p>x</p><h3 id="a">A again</h3>')


def test_a_repeated_required_section_is_reported_as_repeated_not_out_of_order():
    page = html(SECTIONS + ["what-it-is"])
    with pytest.raises(DataError, match="the id 'what-it-is' is used twice"):
        check_unique_ids("docs/foundations/trust.md", page)
