"""The glossary without a build: data validation, the linker, the page and explicit links."""
from __future__ import annotations

import re

import pytest

from macros.glossary import linker as glossary_linker, page as glossary_page, terms as glossary_terms
from tests.conftest import ROOT
from macros.content.errors import DataError

FILE = "data/glossary.yml"
PAGES = frozenset(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))


def entry(slug="stonewalling", **changes):
    base = {
        "slug": slug,
        "term": slug.replace("-", " "),
        "definition": f"A short meaning of {slug}.",
        "explanation": f"A longer explanation of {slug}.",
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def terms(*entries):
    return glossary_terms.validate(list(entries), FILE, PAGES)


GOOD = terms(
    entry("stonewalling", aliases=["stonewalls", "stonewalled", "shutting down"], see_also=["flooding"]),
    entry("flooding", aliases=["flooded"]),
    entry("emotional-bid", aliases=["bid", "bids", "emotional bids"]),
    entry("turning-toward", aliases=["turn toward", "turned toward"]),
    entry("trust"),
    entry("i-statement", term="I-statement", aliases=['"I feel" statements']),
    entry("check-in", term="check-in", aliases=["check-ins"]),
)
URL = "../../glossary/"


def link(html, known=GOOD):
    return glossary_linker.Linker(known).link(html, URL)


def linked(html):
    """The (text, slug) of every glossary link in the output."""
    return re.findall(r'<a class="closer-glossary-link" href="\.\./\.\./glossary/#([^"]+)" data-closer-term="[^"]+" data-closer-definition="[^"]+">([^<]+)</a>', link(html)[0])


# --- data validation -----------------------------------------------------------------------------

def test_the_real_glossary_is_valid_and_big_enough(content):
    real = content.terms
    assert len(real) >= 40
    assert [t.term.casefold() for t in real] == sorted(t.term.casefold() for t in real)


@pytest.mark.parametrize("entries, message", [
    ([entry("trust"), entry("trust")], "term 'trust': the slug is used twice (entries 1 and 2)"),
    ([entry("trust", see_also=["betrayl"])], "term 'trust': 'see_also' names 'betrayl', which is not another term's slug"),
    ([entry("trust", see_also=["trust"])], "term 'trust': 'see_also' names 'trust'"),
    ([entry("trust", definition="")], "term 'trust': 'definition' is empty; expected a value, found ''"),
    ([entry("trust", definition="   ")], "term 'trust': 'definition' is empty; expected a value, found '   '"),
    ([entry("trust", colour="red")], "term 'trust': unknown key 'colour'; expected one of:"),
    ([entry("trust", related=["foundations/no-such-page.md"])], "term 'trust': 'related' names 'foundations/no-such-page.md', but docs/foundations/no-such-page.md does not exist"),
    ([entry("trust", definition="x" * 200 + ".")], "term 'trust': 'definition' must be one sentence of at most 160 characters"),
    ([entry("trust", definition="Has a \"quote\".")], "without straight double quotes"),
    ([entry("trust", definition="Two sentences. Not one.")], "'definition' must be one sentence"),
    ([entry("Trust Me")], "term 'Trust Me': 'slug' must be lowercase words joined by hyphens"),
    ([entry("sources")], "term 'sources': 'slug' must be"),
    ([entry("trust", aliases=["bid"]), entry("emotional-bid", aliases=["bid"])], "term 'emotional-bid': the wording 'bid' already belongs to term 'trust'"),
    ([entry("trust", aliases=["<b>"])], "term 'trust': 'aliases' must be plain text without HTML"),
    ([entry("trust", glossary_only="yes")], "term 'trust': 'glossary_only' must be true or false"),
    ([{"term": "trust"}], "term 1: missing required key 'slug'"),
    ({"trust": entry("trust")}, "expected a list of terms"),
])
def test_bad_data_names_the_file_and_the_term(entries, message):
    with pytest.raises(DataError) as err:
        glossary_terms.validate(entries, FILE, PAGES)
    assert str(err.value).startswith(f"{FILE}: ")
    assert message in str(err.value)


def test_a_good_entry_passes_validation():
    """Negative control for the cases above: the same builder without the mistake is accepted."""
    assert [t.slug for t in terms(entry("trust", related=["foundations/trust.md"]))] == ["trust"]


# --- the linker ---------------------------------------------------------------------------------

def test_the_first_use_is_linked_with_its_term_and_definition_for_the_popover():
    html, used = link("<p>Stonewalling hurts. More stonewalling.</p>")
    assert html.count("<a ") == 1
    assert '<a class="closer-glossary-link" href="../../glossary/#stonewalling" data-closer-term="stonewalling" data-closer-definition="A short meaning of stonewalling.">Stonewalling</a> hurts.' in html
    assert "title=" not in html  # no hover tooltip beside the popover
    assert used == ["stonewalling"]


def test_only_the_first_occurrence_per_term_even_through_aliases():
    assert linked("<p>He stonewalled. Then stonewalling. Then stonewalls.</p>") == [("stonewalling", "stonewalled")]


@pytest.mark.parametrize("html", [
    "<h2 id='x'>Stonewalling</h2>",
    "<h1>Stonewalling</h1>",
    "<p><a href='../x/'>stonewalling</a></p>",
    "<p><a href='../x/'><em>stonewalling</em></a></p>",
    "<p><code>stonewalling</code></p>",
    "<pre><code><span>stonewalling</span></code></pre>",
    "<aside class='closer-page-meta'><p>stonewalling</p></aside>",
    "<div class='card closer-no-glossary'><p>stonewalling</p></div>",
    "<form><label>stonewalling</label><button>stonewalling</button><textarea>stonewalling</textarea></form>",
    "<p><abbr title='x'>stonewalling</abbr></p>",
    "<script>var s = '<p>stonewalling</p>';</script>",
    "<!-- stonewalling -->",
    "<p title='stonewalling' data-x='bids'>plain</p>",
])
def test_no_links_where_links_do_not_belong(html):
    out, used = link(html)
    assert out == html and used == []


def test_text_after_a_skipped_element_is_linked_again():
    """The stack closes skipped elements properly: text after them is linkable."""
    out = linked("<h2>Flooding</h2><p><code>x</code> <a href='y'>z</a> flooding</p><p>trust</p>")
    assert out == [("flooding", "flooding"), ("trust", "trust")]


def test_a_skipped_use_does_not_count_as_the_first():
    assert linked("<h2>Trust</h2><p>Trust grows.</p>") == [("trust", "Trust")]


@pytest.mark.parametrize("text, expected", [
    ("bids", [("emotional-bid", "bids")]),
    ("emotional bids", [("emotional-bid", "emotional bids")]),
    ("emotional\n   bids", [("emotional-bid", "emotional\n   bids")]),
    ("EMOTIONAL BIDS", [("emotional-bid", "EMOTIONAL BIDS")]),
    ("forbids", []),
    ("bidsy", []),
    ("trust-building", []),
    ("mistrust", []),
    ("closer-guide.org/practices/trust/#how", []),
    ("trust/betrayal", []),
    ("trust, bids.", [("trust", "trust"), ("emotional-bid", "bids")]),
    ("(trust)", [("trust", "trust")]),
    ("your partner's trust", [("trust", "trust")]),
    ("check-ins", [("check-in", "check-ins")]),
    ("check-in.", [("check-in", "check-in")]),
    ("turned toward", [("turning-toward", "turned toward")]),
    ('"I feel" statements', [("i-statement", '"I feel" statements')]),
    ("“I feel” statements", [("i-statement", "“I feel” statements")]),
    ("I-statement", [("i-statement", "I-statement")]),
])
def test_words_boundaries_punctuation_case_and_aliases(text, expected):
    assert linked(f"<p>{text}</p>") == expected


def test_the_longest_wording_wins():
    out = linked("<p>Each bid counts, and emotional bids count most.</p>")
    assert out == [("emotional-bid", "bid")]
    out = linked("<p>Emotional bids count, and each bid counts.</p>")
    assert out == [("emotional-bid", "Emotional bids")]


@pytest.mark.parametrize("html", [
    '<p><a href="../../glossary/#flooding">too upset</a>; later, flooding.</p>',
    '<p>Flooding first; <a href="../../glossary/#flooding">too upset</a> later.</p>',
])
def test_an_explicit_term_link_gets_its_tooltip_and_is_the_only_link_to_its_term(html):
    out, used = link(html)
    assert used == ["flooding"]
    assert out.count("<a ") == 1
    assert '<a class="closer-glossary-link" data-closer-term="flooding" data-closer-definition="A short meaning of flooding." href="../../glossary/#flooding">too upset</a>' in out


def test_an_explicit_link_with_a_class_keeps_it():
    out, _ = link('<p><a class="x" href="../../glossary/#flooding">f</a></p>')
    assert 'class="closer-glossary-link x"' in out and out.count("class=") == 1


def test_one_prepared_pattern_matches_every_wording_of_every_term(content):
    linker = glossary_linker.Linker(list(content.terms))
    missed = [form for t in content.terms for form in t.forms
              if not ((m := linker.pattern.fullmatch(form)) and linker.slug_of[glossary_terms.normalise(m.group("term"))] == t.slug)]
    assert not missed, f"wordings the pattern does not match as their own term: {missed}"


# --- explicit links and the page ------------------------------------------------------------------

def test_the_term_macro_links_relative_to_the_page():
    assert glossary_page.term_link(GOOD, "practices/mirroring.md", "flooding") == "[flooding](../glossary/index.md#flooding)"
    assert glossary_page.term_link(GOOD, "index.md", "flooding", "too upset") == "[too upset](glossary/index.md#flooding)"


def test_the_term_macro_fails_on_an_unknown_slug_naming_the_page():
    with pytest.raises(DataError, match=r"^docs/practices/mirroring.md: term\('flodding'\) names no glossary term"):
        glossary_page.term_link(GOOD, "practices/mirroring.md", "flodding")


def test_the_page_has_a_letter_bar_and_one_anchor_per_term():
    md = glossary_page.page_markdown(GOOD, {})
    letters = re.findall(r"\[([A-Z])\]\(#letter-", md)
    assert letters == sorted(set(letters)) == ["C", "E", "F", "I", "S", "T"]
    assert sorted(re.findall(r"^### .* \{#([a-z-]+)\}$", md, re.M)) == sorted(t.slug for t in GOOD)
    assert "**See also:** [flooding](#flooding)" in md


def test_a_term_starting_with_a_digit_gets_a_valid_letter_anchor():
    md = glossary_page.page_markdown(terms(entry("24-hour-rule", term="24-hour rule")), {})
    assert "[0–9](#letter-other)" in md and "## 0–9 {#letter-other}" in md


def test_backlinks_fill_each_terms_appears_on_line():
    md = glossary_page.page_markdown(GOOD, {})
    html = "\n".join(line for line in md.splitlines() if "data-appears" in line)
    out = glossary_page.fill_backlinks(html, {"trust": [("Trust", "../foundations/trust/"), ("Trust", "../foundations/trust/")]})
    assert out.count('<a href="../foundations/trust/">Trust</a>') == 1
    assert out.count("Used only in this glossary.") == len(GOOD) - 1
    assert "data-appears" not in out
