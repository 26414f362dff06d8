"""Safety on paper: every worksheet PDF, handout packet PDF and printed page carries the safety address
and the numbers marked for paper in data/helplines.yml, within the pages it declares."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.therapists.concerns import PACKETS
from tests.support import project

DIRECTORY = project().helplines
SHEETS = sorted(project().worksheets)
CONCERNS = [c.id for c in project().concerns]
ADDRESS = re.compile(r"https?://\S+/safety/")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def missing_safety(text: str) -> list[str]:
    """What a printed text lacks: the safety address, an emergency number, and every paper helpline."""
    text = flat(text)
    problems = [] if ADDRESS.search(text) else ["the safety page's address"]
    problems += [f"{h.paper} {h.call}" for h in DIRECTORY.on_paper if f"{h.paper} {h.call}" not in text]
    problems += [f"emergency {e.number}" for e in DIRECTORY.emergency if e.number not in text]
    return problems


@pytest.mark.parametrize("sheet", SHEETS)
def test_every_worksheet_pdf_carries_the_safety_address_and_numbers_within_its_pages(site, sheet):
    reader = PdfReader(site.root / "worksheets" / sheet / f"{sheet}.pdf")
    declared = project().worksheets[sheet].pages
    assert len(reader.pages) == declared, f"{sheet}: {len(reader.pages)} pages, declared {declared}"
    last = reader.pages[-1].extract_text()
    assert not missing_safety(last), f"{sheet}: the last page lacks {missing_safety(last)}"
    bare = [i + 1 for i, p in enumerate(reader.pages) if not ADDRESS.search(flat(p.extract_text()))]
    assert not bare, f"{sheet}: pages {bare} do not print the safety page's address"


@pytest.mark.parametrize("concern", CONCERNS)
def test_every_packet_pdf_carries_the_safety_address_on_every_page_and_the_numbers(site, concern):
    reader = PdfReader(site.root / PACKETS / concern / f"{concern}.pdf")
    pages = [flat(p.extract_text()) for p in reader.pages]
    bare = [i + 1 for i, text in enumerate(pages) if not ADDRESS.search(text)]
    assert not bare, f"{concern}: pages {bare} do not print the safety page's address"
    assert not missing_safety(" ".join(pages)), f"{concern}: lacks {missing_safety(' '.join(pages))}"


def test_every_printed_page_carries_the_safety_footer(site):
    problems = []
    for page in site.pages:
        soup = site.soup(page)
        if site.kind(page) == "worksheet":
            footer = soup.select_one(".ws-print-footer")
        else:
            footer = soup.select_one("article .closer-print-safety")
        if footer is None or missing_safety(footer.get_text(" ")):
            problems.append(f"{page}: {'no print footer' if footer is None else missing_safety(footer.get_text(' '))}")
    assert not problems, "\n".join(problems)


def test_the_paper_check_catches_a_missing_number():
    """Negative control: a footer without the UK number is caught."""
    uk = next(h for h in DIRECTORY.on_paper if "United Kingdom" in h.countries and h.paper.startswith("England"))
    text = "If you feel unsafe: https://closer-guide.org/safety/ 911 999 112 000 " + " · ".join(
        f"{h.paper} {h.call}" for h in DIRECTORY.on_paper if h is not uk)
    assert missing_safety(text) == [f"{uk.paper} {uk.call}"]


def test_packets_carry_each_practice_caveats_and_pitfalls(site):
    page = site.soup(Path(PACKETS) / "since-the-affair" / "index.html")
    text = flat(page.select_one("article").get_text(" "))
    assert "not a replacement for help from a couples therapist" in text
    assert page.select_one("#rebuilding-trust-through-action-pitfalls") is not None
    assert page.select_one(".closer-packet-safety a[href$='safety/']") is not None
