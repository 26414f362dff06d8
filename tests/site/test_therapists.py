"""The therapists' hub and handout packets: generated from data/concerns.yml and the practice pages,
every link lands on an existing page and section, and bad concern data stops the build by name."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from macros.content.errors import DataError
from macros.therapists import concerns as concerns_model
from tests.support import DOCS, PUBLIC, address, built_page, pdf_text, project, section

ROOT = Path(__file__).resolve().parents[2]
HUB = Path("therapists/index.html")


@pytest.fixture(scope="module")
def concerns() -> list[dict]:
    return project().concerns


def worksheet_of(slug: str):
    return project().worksheet_of(project().practices[slug])


def concern_block(site, concern_id: str) -> list:
    """The elements under one concern's heading on the hub, up to the next heading."""
    heading = site.soup(HUB).find(id=concern_id)
    assert heading is not None and heading.name == "h3", f"the hub has no h3#{concern_id}"
    return section(site.soup(HUB), concern_id)


def links_in(elements) -> list[str]:
    return [a["href"] for el in elements for a in el.find_all("a", href=True) if "glossary" not in a["href"]]


def assert_resolves(site, page: Path, href: str) -> tuple[Path, str]:
    target, fragment = site.resolve(page, href)
    assert (site.root / target).is_file(), f"{page}: {href} -> missing {target}"
    if fragment:
        assert fragment in site.ids(target), f"{page}: {href} -> no id '{fragment}' in {target}"
    return target, fragment


def test_at_least_twelve_concerns_in_a_clients_words(site, concerns):
    assert len(concerns) >= 12
    ids = [h["id"] for h in site.soup(HUB).select("h2#by-concern ~ h3")][: len(concerns)]
    assert ids == [c.id for c in concerns]
    for must in ("never-talk-about-anything-real", "shut-down-when-we-argue", "since-the-affair", "like-roommates", "same-fight"):
        assert must in ids


def test_every_concern_points_to_exact_sections_steps_worksheets_and_a_packet(site, concerns):
    for c in concerns:
        hrefs = links_in(concern_block(site, c.id))
        targets = [assert_resolves(site, HUB, h) for h in hrefs]
        for read in c.read:
            page, _, anchor = read.partition("#")
            assert anchor, f"data/concerns.yml: {c.id}: 'read' {read!r} must name a section"
            assert (built_page(address(DOCS / f"{page}.md")), anchor) in targets, f"{c.id}: no link to {read}"
        for slug in c.practices:
            assert (Path("practices", slug, "index.html"), "how-to-do-it") in targets, f"{c.id}: no link to {slug} steps"
            sheet = worksheet_of(slug)
            expected = Path(sheet.src_uri[:-3], "index.html") if sheet else Path("worksheets/index.html")
            assert (expected, "") in targets, f"{c.id}: no link to the worksheet of {slug} ({expected})"
        assert (Path("therapists/packets", c.id, "index.html"), "") in targets


def test_worksheets_that_exist_are_linked_directly(site):
    built = {p.parent.name for p in (site.root / "worksheets").glob("*/index.html")}
    practices_with_sheets = [s for s in sorted(project().practices) if worksheet_of(s)]
    assert practices_with_sheets, "no practice has a worksheet page yet"
    for slug in practices_with_sheets:
        assert worksheet_of(slug).id in built


def test_homework_pairings_cover_every_approach_a_practice_names(site):
    items = site.soup(HUB).select_one("h2#by-approach ~ ul").find_all("li", recursive=False)
    pairs = [(a, s) for s in sorted(project().practices) for a in project().practices[s].approaches]
    found = []
    for item in items:
        approach, _ = assert_resolves(site, HUB, item.strong.a["href"])
        for a in item.find_all("a", href=True)[1:]:
            target, fragment = assert_resolves(site, HUB, a["href"])
            if fragment == "how-to-do-it":
                found.append((approach.parent.name, target.parent.name))
            elif "glossary" not in a["href"]:
                assert a["aria-label"].startswith("Worksheet: "), f"{a}: a worksheet link needs its full name"
    assert sorted(found) == sorted(pairs) and len(pairs) >= 18


def hub_pairings(site) -> dict[str, list[str]]:
    """Approach page -> the practice pages the hub pairs with it, as built."""
    pairs = {}
    for item in site.soup(HUB).select_one("h2#by-approach ~ ul").find_all("li", recursive=False):
        approach, _ = assert_resolves(site, HUB, item.strong.a["href"])
        pairs[approach.as_posix()] = [assert_resolves(site, HUB, a["href"])[0].as_posix()
                                      for a in item.find_all("a", href=True)[1:] if a["href"].endswith("#how-to-do-it")]
    return pairs


def approach_pairings(site) -> dict[str, list[str]]:
    """Approach page -> the practice pages its own 'at home' section lists, as built."""
    pairs = {}
    for page in (p for p in site.pages if site.kind(p) == "approach"):
        links = [a["href"] for el in section(site.soup(page), "at-home") for a in el.select("a[href]")]
        targets = [site.resolve(page, href)[0].as_posix() for href in links]
        pairs[page.as_posix()] = [t for t in targets if t.startswith("practices/") and t != "practices/index.html"]
    return pairs


def test_the_hub_pairs_exactly_what_each_approach_page_lists(site):
    """One declaration (each practice's `approaches`) makes both lists: only real approaches, the same
    practices, in the same order."""
    hub, pages = hub_pairings(site), approach_pairings(site)
    assert len(pages) >= 5 and all(pages.values()), pages
    assert hub == pages


def test_the_agreement_check_sees_a_difference(site):
    """Negative control: an approach page listing one practice fewer than the hub is told apart."""
    hub = hub_pairings(site)
    first = next(iter(hub))
    assert {**hub, first: hub[first][1:]} != approach_pairings(site)


@pytest.mark.parametrize("concern", project().concerns, ids=lambda c: c.id)
def test_each_packet_gathers_the_steps_and_addresses(site, concern):
    page = Path("therapists/packets", concern.id, "index.html")
    soup = site.soup(page)
    assert concern.words.rstrip(".") in soup.select_one("article h1").get_text()
    text = soup.select_one("article").get_text(" ", strip=True)
    for slug in concern.practices:
        section = soup.select_one(f"section.closer-packet-practice h2#{slug}")
        assert section is not None, f"{page}: no section for {slug}"
        steps = section.find_parent("section").select_one("ol")
        assert steps is not None and len(steps.find_all("li", recursive=False)) >= 3, f"{page}: {slug} has no steps"
        assert f"{PUBLIC}practices/{slug}/#how-to-do-it" in text
        sheet = worksheet_of(slug)
        assert (f"{PUBLIC}{sheet.src_uri[:-3]}/" if sheet else f"{PUBLIC}worksheets/") in text
    for a in soup.select("article a[href]"):
        if not a["href"].startswith(("http", "#")):
            assert_resolves(site, page, a["href"])


@pytest.mark.parametrize("concern", project().concerns, ids=lambda c: c.id)
def test_each_packet_has_a_pdf_with_its_steps_and_worksheets(site, concern):
    from pypdf import PdfReader

    folder = Path("therapists/packets", concern.id)
    assert site.soup(folder / "index.html").select_one(f'a[href="{concern.id}.pdf"][download]')
    reader = PdfReader(site.root / folder / f"{concern.id}.pdf")
    text = pdf_text(site.root / folder / f"{concern.id}.pdf")
    sheets = [w.id for w in map(worksheet_of, concern.practices) if w]
    assert len(reader.pages) >= 1 + len(sheets)
    for slug in concern.practices:
        assert project().practices[slug].title.split()[0] in text
    for wid in sheets:
        assert project().worksheets[wid].title.split(",")[0] in text, f"{folder}: no worksheet {wid}"
    links = [a.get_object()["/A"].get("/URI") for page in reader.pages for a in page.get("/Annots") or []
             if "/A" in a.get_object()]
    assert f"{PUBLIC}practices/{concern.practices[0]}/#how-to-do-it" in links


def test_packets_are_under_handouts_in_the_navigation_and_out_of_search(site, concerns):
    # navigation.prune: elsewhere the Handouts section is one link into it; on a handout, every handout.
    hub_nav = site.soup(HUB).select("nav.md-nav--primary a[href*='packets/']")
    assert [" ".join(a.get_text().split()) for a in hub_nav] == ["Handouts"]
    packet = Path("therapists/packets") / concerns[0].id / "index.html"
    nav = site.soup(packet).select("nav.md-nav--primary a[href]")
    base = f"/therapists/packets/{concerns[0].id}/"
    listed = {urljoin(base, a["href"]) for a in nav}
    missing = sorted(c.id for c in concerns if f"/therapists/packets/{c.id}/" not in listed)
    assert not missing, f"handouts missing from a handout's navigation: {missing}"
    content = site.soup(HUB).select("article a[href*='packets/']")
    assert {c.id for c in concerns} <= {a["href"].split("packets/")[1].strip("/") for a in content}, "the hub links every handout"
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if "packets" in d["location"]]
    assert any("therapists/" == d["location"] for d in index["docs"]), "negative control: the hub itself is searchable"


def test_the_hub_states_the_licence_and_the_repository_carries_it(site):
    licence = site.soup(HUB).find(id="licence").find_next("p")
    assert licence.find("a", href="https://creativecommons.org/licenses/by/4.0/")
    assert "MIT" in licence.get_text()
    assert "Attribution 4.0 International Public License" in (ROOT / "LICENSE-content").read_text(encoding="utf-8")
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


@pytest.mark.parametrize("entry, message", [
    ({"id": "x", "words": "W.", "about": "A.", "read": ["barriers/nope#a"], "practices": ["mirroring"]},
     "concern 'x': 'read' names 'barriers/nope#a', but docs/barriers/nope.md does not exist"),
    ({"id": "x", "words": "W.", "about": "A.", "read": ["foundations/trust#what-it-is"], "practices": ["nope"]},
     "concern 'x': 'practices' names 'nope', but docs/practices/nope.md does not exist"),
    ({"id": "x", "words": "W.", "about": "A.", "read": ["foundations/trust"], "practices": ["mirroring"]},
     "concern 'x': 'read' must name a section, as folder/page#anchor, got 'foundations/trust'"),
    ({"id": "Bad Id", "words": "W.", "about": "A.", "read": ["foundations/trust#what-it-is"], "practices": ["mirroring"]},
     "'id' must be a new lowercase slug"),
    ({"id": "x", "words": "W.", "read": ["foundations/trust#what-it-is"], "practices": ["mirroring"]},
     "concern 'x': missing required key 'about'"),
])
def test_bad_concern_data_is_named(content, entry, message):
    with pytest.raises(DataError, match=re.escape(message)) as err:
        concerns_model.validate([entry], "data/concerns.yml", content.pages, frozenset(content.practices))
    assert str(err.value).startswith("data/concerns.yml: concern ")
