"""The 'only if you feel safe' line on pages that ask partners to open up, without a build."""
from __future__ import annotations

import markdown
import pytest

from macros.safety import caveats
from macros.content.errors import DataError

FLAGGED = {"opens_up": True}


@pytest.mark.parametrize("src_uri, href", [
    ("practices/mirroring.md", "../safety/index.md"),
    ("foundations/vulnerability.md", "../safety/index.md"),
    ("index.md", "safety/index.md"),
    ("safety/index.md", "index.md"),
])
def test_the_link_to_the_safety_page_is_relative_to_the_page(src_uri, href):
    assert caveats.safety_href(src_uri) == href
    assert f"]({href})" in caveats.safe_to_open_up(src_uri, FLAGGED)


def test_the_line_renders_as_one_plain_paragraph_kept_out_of_search_and_glossary():
    html = markdown.markdown(caveats.safe_to_open_up("practices/mirroring.md", FLAGGED), extensions=["attr_list"])
    assert html.count("<p") == 1
    assert 'href="../safety/index.md"' in html
    assert "partners who feel safe with each other" in html
    assert f'class="{caveats.CSS_CLASS} closer-no-glossary"' in html
    assert 'role="note"' in html and "data-search-exclude" in html


def test_the_line_refuses_a_page_that_does_not_declare_the_flag():
    with pytest.raises(DataError, match=r"^docs/practices/gratitude\.md: .*'opens_up: true'"):
        caveats.safe_to_open_up("practices/gratitude.md", {})


@pytest.mark.parametrize("value", ["yes", 1, None, "true"])
def test_the_flag_must_be_true_or_false(value):
    with pytest.raises(DataError, match=r"^docs/practices/mirroring\.md: 'opens_up' must be true or false"):
        caveats.opens_up("practices/mirroring.md", {"opens_up": value})


def test_a_flagged_page_without_the_line_fails():
    with pytest.raises(DataError, match=r"^docs/practices/mirroring\.md: the page sets 'opens_up: true' but lacks"):
        caveats.check("practices/mirroring.md", FLAGGED, "<p>Steps</p>")


def test_a_flagged_page_with_the_line_and_an_unflagged_page_pass():
    html = markdown.markdown(caveats.safe_to_open_up("practices/mirroring.md", FLAGGED), extensions=["attr_list"])
    caveats.check("practices/mirroring.md", FLAGGED, html)
    caveats.check("practices/gratitude.md", {"opens_up": False}, "<p>Steps</p>")
    caveats.check("practices/gratitude.md", {}, "<p>Steps</p>")
