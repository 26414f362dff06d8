"""`make book`: the whole guide as a PDF on A4 and US Letter, from the session's strict build. The PDF is
read back with pypdf: every chapter is there, the contents names the page each chapter starts on,
internal links land on their chapter or section, and each chapter gives its public address."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.book.__main__ import main
from macros.book.chapters import plan
from macros.book.render import chapters_html
from macros.content.errors import DataError
from tests.support import ROOT, project


@pytest.fixture(scope="module")
def nav():
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))["nav"]


@pytest.fixture(scope="module")
def chapters(nav):
    return plan(nav, project())


@pytest.fixture(scope="module")
def book(site, tmp_path_factory) -> dict[str, PdfReader]:
    dist = tmp_path_factory.mktemp("dist")
    assert main([str(site.root), str(dist)]) == 0
    return {paper: PdfReader(dist / name) for paper, name in
            (("A4", "closer-guide.pdf"), ("Letter", "closer-guide-letter.pdf"))}


def page_of(reader: PdfReader, name: str) -> int:
    """The 1-based page a named destination (an id in the book) lands on."""
    return reader.get_destination_page_number(reader.named_destinations[name]) + 1


def test_the_plan_puts_safety_first_and_the_glossary_and_worksheets_last(chapters):
    uris = [c.src_uri for c in chapters]
    assert uris[0] == "safety/index.md"
    assert "tags/index.md" not in uris and not any(u.startswith("therapists/packets/") for u in uris)
    assert uris.index("glossary/index.md") > uris.index("about/index.md")
    assert uris.index("cards/index.md") > uris.index("glossary/index.md")
    assert {f"cards/{deck}.md" for deck in project().decks} <= set(uris)
    assert set(project().worksheets) <= {c.src_uri.removeprefix("worksheets/").removesuffix(".md") for c in chapters}
    assert len(uris) == len(set(uris)) >= 70


@pytest.mark.parametrize("paper, width", [("A4", 595), ("Letter", 612)])
def test_each_paper_size_has_every_chapter_with_its_address(book, chapters, paper, width):
    reader = book[paper]
    assert round(float(reader.pages[0].mediabox.width)) == width
    missing = [c.id for c in chapters if c.id not in reader.named_destinations]
    assert not missing, f"chapters missing from the {paper} book: {missing}"
    text = " ".join(" ".join((p.extract_text() or "") for p in reader.pages).split())
    absent = [c.address for c in chapters if f"Online: {c.address}" not in text]
    assert not absent, f"chapters without their public address: {absent[:5]}"
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Get help now" in top[:2] and len(top) >= len(chapters)


def test_the_contents_names_the_page_each_chapter_starts_on(book, chapters):
    reader = book["A4"]
    contents = "\n".join(reader.pages[i].extract_text() or "" for i in range(1, 6))
    printed = [int(n) for n in re.findall(r"\.{4,}\s*(\d+)", contents)]
    actual = [page_of(reader, c.id) for c in chapters]
    assert printed == actual


def test_internal_links_are_pdf_links_to_their_target(book):
    reader = book["A4"]
    names = reader.named_destinations
    dests = [a.get_object().get("/Dest") for page in reader.pages for a in page.get("/Annots") or []]
    internal = [d for d in dests if isinstance(d, str)]
    assert len(internal) > 300, f"only {len(internal)} internal links"
    assert not [d for d in internal if d not in names], "links to places the book does not have"
    # A practice's link to its glossary term lands in the glossary appendix, on the term's section.
    assert any(d.startswith("chapter-glossary--") for d in internal)
    assert page_of(reader, "chapter-glossary--stonewalling") >= page_of(reader, "chapter-glossary")


def test_a_chapter_missing_from_the_build_is_named(site, chapters, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy, ignore=shutil.ignore_patterns("*.pdf", "assets", "search"))
    chapters_html(project(), chapters, copy)  # the control: the whole build has every chapter
    shutil.rmtree(copy / "practices" / "mirroring")
    with pytest.raises(DataError, match=r"practices/mirroring/index.html: the book needs the chapter 'Mirroring' \(docs/practices/mirroring.md\), but the built site has no article there"):
        chapters_html(project(), chapters, copy)
