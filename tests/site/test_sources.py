"""What readers see of the sources, checked on the built site and its PDFs: citations only, never a
writer's note, and never the unsourced percentage that one source article quotes."""
from __future__ import annotations

import re

import pytest

from macros.content.pages import visible_text, writer_notes_shown
from macros.content.sources import NO_DATE
from tests.support import pdf_text, project, section_text

# Source 001 quotes a percentage of couples without naming a study; Closer never repeats it.
UNSOURCED_FIGURE = re.compile(r"\b68\s*(%|per\s*cent|percent)", re.I)
YEAR = re.compile(rf"\((\d{{4}}|{re.escape(NO_DATE)})\)\.")


def built_texts(site):
    """(file, readable text) for every HTML page, PDF and search index the build wrote."""
    for path in sorted(site.root.rglob("*")):
        if path.suffix == ".html":
            yield path, visible_text(path.read_text(encoding="utf-8"))
        elif path.suffix == ".pdf":
            yield path, pdf_text(path)
        elif path.suffix == ".json":
            yield path, path.read_text(encoding="utf-8")


def test_the_build_wrote_pdfs_to_check(site):
    assert len(list(site.root.rglob("*.pdf"))) >= 20


def test_the_unsourced_figure_appears_nowhere(site):
    found = [str(p.relative_to(site.root)) for p, text in built_texts(site) if UNSOURCED_FIGURE.search(text)]
    assert not found, f"the unsourced figure is printed in: {found}"


@pytest.mark.parametrize("text, found", [
    ('quotes a figure of "nearly 68% of couples" without a study', True),
    ("nearly 68 % of couples", True),
    ("68 per cent of them", True),
    ("a 2016 study of 877 people; 71% improved", False),
    ("page 168", False),
])
def test_the_figure_check_finds_the_figure_in_its_usual_forms(text, found):
    """Negative control for the pattern."""
    assert bool(UNSOURCED_FIGURE.search(text)) is found


def test_no_writer_note_reaches_a_page_or_pdf(site):
    shown = {str(p.relative_to(site.root)): ids for p, text in built_texts(site) if (ids := writer_notes_shown(text, project().sources))}
    assert not shown, f"writers' notes shown to readers: {shown}"


def test_the_note_check_sees_a_note_pasted_into_a_built_page(site):
    """Negative control: a real page with one writer's note added is caught."""
    page = site.pages[0]
    sid, entry = next((sid, e) for sid, e in project().sources.items() if e.writer_note)
    html = (site.root / page).read_text(encoding="utf-8").replace("</article>", f"<p>{entry.writer_note}</p></article>")
    assert sid in writer_notes_shown(html, project().sources)


def test_every_sources_box_shows_full_citations(site):
    """Each entry reads: authors (year or n.d.). Title. Where it was published."""
    bad = []
    for page in site.pages:
        for li in site.soup(page).select(".closer-sources li"):
            text = li.get_text(" ", strip=True)
            if not (YEAR.search(text) and li.find("cite") and (li.select_one(".closer-source-place") or li.find("a", href=True))):
                bad.append(f"{page}: {text}")
    assert not bad, "incomplete citations:\n" + "\n".join(bad[:20])


def test_every_approach_page_says_how_well_it_works(site):
    """The build enforces the section; this checks each one has something in it."""
    assert any(s.id == "evidence" for s in project().kinds["approach"].sections)
    thin, approaches = [], [p for p in site.pages if site.kind(p) == "approach"]
    assert approaches, "no approach pages in the built site"
    for page in approaches:
        words = section_text(site.soup(page), "evidence").split()
        if len(words) < 120:
            thin.append(f"{page}: {len(words)} words under 'How well does it work?'")
    assert not thin, "\n".join(thin)
