"""The approaches section and the safety page, checked on the built HTML.

Approach pages must lead somewhere a couple can act: their "suits" section links to barrier pages and
their "at-home" section to practice pages. The safety page must show the emergency numbers first, a
quick way out, and exactly the helplines that were checked by hand.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tests.support import project

from tests.support import section

SAFETY = Path("safety/index.html")
APPROACHES_INDEX = Path("approaches/index.html")
WHEN_TO_SEEK_HELP = Path("approaches/when-to-seek-help/index.html")

# Which section of an approach page must link to which kind of page.
SECTION_TARGETS = {"suits": "barriers", "at-home": "practices"}

EMERGENCY_NUMBERS = ("911", "999", "112", "000")
SAFETY_IDS = ("not-the-first-step", "helplines", "crisis", "online-safety")
SIGN_IDS = ("sign-communication", "sign-trust", "sign-trauma", "sign-resentment", "sign-distance")

# Every helpline the safety page prints, by its id in data/helplines.yml, with the numbers to call and
# text. Each was checked against the service's own site; an entry that is added, removed or mistyped in
# the data fails until this list is checked and updated too.
HELPLINES = {
    "us-ndvh": {"1-800-799-7233", "88788"},
    "us-988": {"988"},
    "ca-sos-violence-conjugale": {"1-800-363-9010"},
    "ca-awhl": {"1-866-863-0511"},
    "ca-988": {"988"},
    "uk-ndah": {"0808 2000 247"},
    "uk-scotland": {"0800 027 1234"},
    "uk-wales": {"0808 80 10 800", "07860 077333"},
    "uk-northern-ireland": {"0808 802 1414"},
    "uk-mens-advice-line": {"0808 801 0327"},
    "uk-galop": {"0800 999 5428"},
    "uk-samaritans": {"116 123"},
    "ie-womens-aid": {"1800 341 900"},
    "au-1800respect": {"1800 737 732"},
    "au-lifeline": {"13 11 14"},
}
NUMBER = re.compile(r"\d(?:[\d -]*\d)?")


def approach_pages(site) -> list[Path]:
    return [p for p in site.pages if site.kind(p) == "approach"]


def section_links(soup: BeautifulSoup, section_id: str) -> list[str]:
    """The hrefs in one h2 section (none if the page lacks the section)."""
    if soup.find("h2", id=section_id) is None:
        return []
    return [a["href"] for el in section(soup, section_id) for a in el.find_all("a", href=True)
            if "headerlink" not in a.get("class", [])]


def missing_section_links(site, page: Path, soup: BeautifulSoup) -> list[str]:
    """For each section that must link to a folder's pages, a problem if it links to none of them."""
    problems = []
    for section_id, folder in SECTION_TARGETS.items():
        targets = [site.resolve(page, href) for href in section_links(soup, section_id)]
        pages = [t for t, _ in filter(None, targets) if t.parts[0] == folder and t.parts[1] != "index.html"]
        if not pages:
            problems.append(f"{page}: section '{section_id}' links to no page in {folder}/")
    return problems


def helpline_rows(soup: BeautifulSoup) -> dict[str, set[str]]:
    """Helpline id -> the numbers its entry shows, each checked against the tel: or sms: link it sits in."""
    rows = {}
    for item in soup.select("li.closer-helpline"):
        numbers = set()
        for a in item.select("a.closer-tel"):
            shown = NUMBER.findall(a.get_text(" ", strip=True))
            assert len(shown) == 1, f"{item['data-helpline']}: a link must show one number, got {a.get_text()!r}"
            digits = re.sub(r"\D", "", a["href"].split("?")[0])
            assert digits == re.sub(r"\D", "", shown[0]), f"{item['data-helpline']}: {a['href']} does not dial {shown[0]}"
            numbers.add(shown[0])
        rows.setdefault(item["data-helpline"], set()).update(numbers)
    return rows


def before_first_h2(soup: BeautifulSoup, element) -> bool:
    first_h2 = soup.select_one("article h2")
    return element is not None and first_h2 is not None and any(e is element for e in first_h2.find_all_previous())


# Approach pages -----------------------------------------------------------------------------------

def test_there_are_five_approach_pages(site):
    assert len(approach_pages(site)) == 5, [str(p) for p in approach_pages(site)]


def test_every_approach_links_to_barriers_and_practices(site):
    problems = [msg for page in approach_pages(site) for msg in missing_section_links(site, page, site.soup(page))]
    assert not problems, "\n".join(problems)


def test_the_link_check_catches_an_approach_without_such_links(site):
    """Negative control: the same page with the links stripped from its two sections fails."""
    page = approach_pages(site)[0]
    stripped = BeautifulSoup(str(site.soup(page)), "html.parser")
    for section_id in SECTION_TARGETS:
        for el in section(stripped, section_id):
            for a in el.find_all("a"):
                a.unwrap()
    assert len(missing_section_links(site, page, stripped)) == len(SECTION_TARGETS)


def test_a_link_to_a_section_index_does_not_count(site):
    """Negative control: pointing at practices/ or barriers/ itself is not a link to a practice or barrier."""
    page = Path("approaches/fake/index.html")
    soup = BeautifulSoup(
        '<article><h2 id="suits">S</h2><p><a href="../../barriers/">all</a></p>'
        '<h2 id="at-home">A</h2><p><a href="../../practices/">all</a></p><h2 id="origins">O</h2></article>',
        "html.parser",
    )
    assert len(missing_section_links(site, page, soup)) == 2


def test_the_approaches_index_links_every_page_in_the_section(site):
    linked = {
        target for a in site.soup(APPROACHES_INDEX).select("article.md-content__inner a[href]")
        if (resolved := site.resolve(APPROACHES_INDEX, a["href"])) and (target := resolved[0])
    }
    section = {p for p in site.pages if p.parts[0] == "approaches" and p != APPROACHES_INDEX}
    assert section, "no pages built under approaches/"
    assert not section - linked, f"not linked from the approaches index: {sorted(map(str, section - linked))}"


def test_the_signs_to_seek_help_keep_their_ids(site):
    ids = site.ids(WHEN_TO_SEEK_HELP)
    assert not [i for i in SIGN_IDS if i not in ids], f"missing sign ids; found {sorted(ids)}"


# Safety page --------------------------------------------------------------------------------------

def test_the_safety_page_keeps_its_ids(site):
    ids = site.ids(SAFETY)
    assert not [i for i in SAFETY_IDS if i not in ids], f"missing ids; found {sorted(ids)}"


def test_the_emergency_numbers_come_first(site):
    soup = site.soup(SAFETY)
    emergency = soup.find(id="emergency")
    assert before_first_h2(soup, emergency), "the emergency numbers must come before the first section"
    text = emergency.get_text(" ")
    assert not [n for n in EMERGENCY_NUMBERS if not re.search(rf"\b{n}\b", text)], text


def test_every_helpline_row_is_shown_with_its_checked_numbers(site):
    assert helpline_rows(site.soup(SAFETY)) == HELPLINES


def test_the_helpline_check_catches_a_mistyped_number(site):
    """Negative control: one wrong digit in one entry, shown and dialled alike, differs from the checked list."""
    soup = BeautifulSoup(str(site.soup(SAFETY)), "html.parser")
    link = soup.select_one("#uk-ndah a.closer-tel")
    link.string = "Call 0808 2000 274"
    link["href"] = "tel:08082000274"
    assert helpline_rows(soup) != HELPLINES


def test_the_helpline_check_catches_a_link_that_dials_another_number(site):
    soup = BeautifulSoup(str(site.soup(SAFETY)), "html.parser")
    soup.select_one("#uk-ndah a.closer-tel")["href"] = "tel:08082000274"
    with pytest.raises(AssertionError, match="does not dial"):
        helpline_rows(soup)


def test_every_helpline_says_what_it_is_for_where_and_when(site):
    problems = []
    for item in site.soup(SAFETY).select("li.closer-helpline"):
        text = item.get_text(" ", strip=True)
        if not re.search(r"\bFor \w", text) or "Answers " not in text:
            problems.append(f"{item['data-helpline']}: no purpose or hours in {text!r}")
        for a in item.select("a.closer-tel"):
            heading = item.find_previous("h3").get_text(strip=True)
            if heading not in a.get("aria-label", ""):
                problems.append(f"{item['data-helpline']}: the link's label {a.get('aria-label')!r} does not name {heading}")
    assert not problems, "\n".join(problems)


def test_every_emergency_number_is_tap_to_call(site):
    links = site.soup(SAFETY).select("#emergency a[href^='tel:']")
    assert [a["href"] for a in links] == [f"tel:{n}" for n in EMERGENCY_NUMBERS]


def test_every_phone_link_on_the_site_dials_a_number_from_the_data(site):
    from macros.safety import helplines

    directory = project().helplines
    known = {helplines.digits(n) for h in directory.helplines for n in (h.call, h.text) if n}
    known |= {helplines.digits(e.number) for e in directory.emergency}
    strays = [
        f"{page}: {a['href']}" for page in site.pages
        for a in site.soup(page).select("a[href^='tel:'], a[href^='sms:']")
        if helplines.digits(a["href"].split("?")[0]) not in known
    ]
    assert not strays, strays


def test_the_quick_exit_leads_elsewhere_without_a_referrer(site):
    soup = site.soup(SAFETY)
    link = soup.select_one(".closer-quick-exit a[href]")
    assert before_first_h2(soup, link), "the quick-exit link must come before the first section"
    assert site.resolve(SAFETY, link["href"]) is None, f"quick exit stays on this site: {link['href']}"
    assert link["href"].startswith("https://")
    assert "noreferrer" in link.get("rel", [])


@pytest.mark.parametrize("html, found", [
    ('<article><p class="closer-quick-exit"><a href="x">x</a></p><h2>h</h2></article>', True),
    ('<article><h2>h</h2><p class="closer-quick-exit"><a href="x">x</a></p></article>', False),
])
def test_before_first_h2_sees_the_order(html, found):
    """Negative control for the placement check."""
    soup = BeautifulSoup(html, "html.parser")
    assert before_first_h2(soup, soup.select_one(".closer-quick-exit a")) is found
