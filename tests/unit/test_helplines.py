"""Helplines without a build: data validation, tap-to-call rendering and the hand-written-number check."""
from __future__ import annotations

import copy

import pytest

import datetime as dt

from macros.content.sources import Source
from macros.safety import contact, helplines, phone_numbers
from tests.conftest import ROOT
from macros.content.errors import DataError

FILE = "data/helplines.yml"
REGISTRY = {sid: Source(sid, "A line", "A service", "helpline", "n.d.", url="https://example.org/") for sid in ("us-line", "uk-line")}


@pytest.fixture
def real(content):
    """The real directory, data/helplines.yml as the content model loads it."""
    return content.helplines


def data(**changes):
    base = {
        "checked": dt.date(2026, 11, 30),
        "emergency": [{"id": "uk-ie", "number": "999", "where": "the United Kingdom", "short": "UK"}],
        "helplines": [
            {"id": "us-line", "country": "United States", "name": "A US line", "for": "abuse", "call": "1-800-799-7233",
             "text": {"number": "88788", "message": "START"}, "hours": "any time", "source": "us-line", "paper": "US abuse"},
            {"id": "uk-line", "country": ["United Kingdom", "Ireland"], "area": "England", "name": 'A "UK" & line',
             "for": "abuse", "call": "0808 2000 247", "hours": "any time", "source": "uk-line", "paper": "UK abuse"},
        ],
    }
    base.update(changes)
    return base


def directory(**changes):
    return helplines.validate(data(**changes), FILE, REGISTRY)


def with_line(index, **changes):
    entries = copy.deepcopy(data()["helplines"])
    entries[index].update(changes)
    return [{k: v for k, v in e.items() if v is not None} for e in entries]


def test_the_real_file_is_valid_and_every_number_dials_its_digits(real):
    assert len(real.helplines) >= 10
    for h in real.helplines:
        assert h.call_href == "tel:" + "".join(c for c in h.call if c.isdigit())
    assert {"United States", "United Kingdom"} <= {c for h in real.on_paper for c in h.countries}


@pytest.mark.parametrize("changes, message", [
    ({"country": None}, "missing required key 'country'"),
    ({"call": "0808 2000 24x"}, "'call' must be a phone number"),
    ({"call": 8082000247}, "'call' must be a phone number written as text"),
    ({"call": "12"}, "(3 to 15 digits"),
    ({"source": "nowhere"}, "'source' must be an id in data/sources.yml"),
    ({"paper": True}, "'paper' must be a short label"),
    ({"text": {"number": "88788", "message": "start now"}}, "'text: message' must be one word in capitals"),
    ({"fax": "1"}, "unknown key 'fax'"),
])
def test_a_bad_helpline_names_the_file_the_entry_and_the_problem(changes, message):
    with pytest.raises(DataError) as err:
        directory(helplines=with_line(0, **changes))
    assert str(err.value).startswith(f"{FILE}: helpline 'us-line': ")
    assert message in str(err.value)


def test_a_repeated_id_is_refused():
    entries = with_line(1, id="us-line")
    with pytest.raises(DataError, match="helpline 'us-line': 'id' must be a new lowercase slug"):
        directory(helplines=entries)


def test_paper_needs_a_us_and_a_uk_number():
    with pytest.raises(DataError, match="expected at least one in the United States and one in the United Kingdom"):
        directory(helplines=with_line(1, paper=None))


def test_an_emergency_number_needs_its_words():
    with pytest.raises(DataError, match="emergency number 1: missing required key 'short'"):
        directory(emergency=[{"id": "uk-ie", "number": "999", "where": "the UK"}])


def test_entries_render_as_escaped_tap_to_call_and_text_links():
    d = directory()
    html = contact.directory_html(d)
    assert 'href="tel:18007997233"' in html and 'href="sms:88788?body=START"' in html
    assert "A &quot;UK&quot; &amp; line" in html and "A \"UK\" & line" not in html
    # Listed under two countries, the service keeps one anchor.
    assert html.count('id="uk-line"') == 1 and html.count('data-helpline="uk-line"') == 2
    assert [h.lower() for h in d.countries] == ["united states", "united kingdom", "ireland"]


def test_paper_lines_are_short_and_carry_the_numbers():
    d = directory()
    assert contact.paper_numbers(d) == "US abuse 1-800-799-7233 · UK abuse 0808 2000 247"
    assert contact.emergency_text(d) == "999 UK"


PAGE = "---\ntitle: A page\nreviewed: 2026-12-01\n---\n\n"


@pytest.mark.parametrize("text", [
    "Call 0808 2000 247 now.", "Ring +44 808 2000 247.", "Call (01) 554 3811.", "Call 1-866-863-0511.",
    "Text 07860077333.", "Or call 999 from a mobile.", "Call 116 123 any time.", "Dial 9-8-8.",
])
def test_a_number_typed_into_a_page_is_found(text, real):
    found = phone_numbers.hand_written_numbers(PAGE + text, real)
    assert found and found[0][0] == 6, found


@pytest.mark.parametrize("text", [
    "In 1999 and 2004 the studies grew.", "About 1,000 couples took part.", "See pages 291-312.",
    "Reviewed on 2026-12-01.", "Call {{ emergency(\"uk-ie\") }} now.", "It takes 10 to 20 minutes.",
    "Since 1988, EFT has grown.", "A 2,000-word essay.",
])
def test_ordinary_numbers_are_left_alone(text, real):
    assert phone_numbers.hand_written_numbers(PAGE + text, real) == []


def test_the_check_names_the_file_the_line_and_the_number():
    with pytest.raises(DataError) as err:
        phone_numbers.check_page("safety/index.md", PAGE + "Text 88788.", directory())
    assert str(err.value).startswith("docs/safety/index.md: line 6 writes the phone number '88788' by hand; expected")


def test_every_page_of_the_guide_passes_the_check(real):
    for page in (ROOT / "docs").rglob("*.md"):
        phone_numbers.check_page(str(page.relative_to(ROOT / "docs")), page.read_text(encoding="utf-8"), real)


def test_a_number_shown_on_a_built_page_must_be_a_link(real):
    linked = contact.call_link(real.get("uk-ndah", "test"))
    assert phone_numbers.unlinked_numbers(f"<p>Call the helpline: {linked}.</p>", real) == []
    assert phone_numbers.unlinked_numbers("<p>Call <strong>0808 2000 247</strong>.</p>", real) == ["0808 2000 247"]
    with pytest.raises(DataError, match=r"^docs/x.md: the page shows the phone number '116 123' as plain text"):
        phone_numbers.check_html("x.md", "<li>Samaritans: 116 123</li>", real)


def test_paper_only_parts_may_print_numbers_as_text(real):
    footer = '<div class="ws-print-footer"><div class="ws-qr">QR</div><p>Helplines: 0808 2000 247</p></div>'
    assert phone_numbers.unlinked_numbers(footer + "<p>Nothing else.</p>", real) == []
    assert phone_numbers.unlinked_numbers(footer + "<p>But 116 123 here.</p>", real) == ["116 123"]
