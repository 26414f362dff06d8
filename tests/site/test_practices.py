"""Every practice page, as built, has the template's parts in order, and the indexes list every practice."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.practices.model import LINKED, time_bucket
from tests.support import project, section as part

PARTS = [s.id for s in project().kinds["practice"].sections] + ["sources"]
SLUGS = sorted(project().practices)
INDEX = Path("practices/index.html")
PILLAR_OR_APPROACH = {
    f"{folder}/{p.slug}/index.html"
    for key, (folder, kind) in LINKED.items() if key != "barriers"
    for p in project().pages.values()
    if p.folder == folder and p.slug != "index" and (kind is None or p.kind == kind)
}


def built(slug: str) -> Path:
    return Path(f"practices/{slug}/index.html")


def part_ids(soup: BeautifulSoup) -> list[str]:
    """The ids of the template's parts, in the order the page shows them."""
    return [h["id"] for h in soup.select("article h2[id]") if h["id"] in PARTS]


def linked_pages(site, page: Path, elements) -> set[str]:
    targets = set()
    for el in elements:
        for a in el.find_all("a", href=True) if el.name != "a" else [el]:
            if resolved := site.resolve(page, a["href"]):
                targets.add(resolved[0].as_posix())
    return targets


def test_every_practice_page_is_built(site):
    assert len(SLUGS) >= 18, SLUGS
    missing = [s for s in SLUGS if built(s) not in site.pages]
    assert not missing, f"practice pages the build lacks: {missing}"


@pytest.mark.parametrize("slug", SLUGS)
def test_a_practice_has_every_part_in_order(site, slug):
    assert part_ids(site.soup(built(slug))) == PARTS


def test_the_part_check_sees_a_missing_and_a_moved_part(site):
    """Negative control: a page that lost a part, or has two swapped, does not pass."""
    soup = BeautifulSoup(str(site.soup(built(SLUGS[0]))), "html.parser")
    soup.find(id="pitfalls").decompose()
    assert part_ids(soup) != PARTS
    soup = BeautifulSoup(str(site.soup(built(SLUGS[0]))), "html.parser")
    variations, pitfalls = soup.find(id="variations"), soup.find(id="pitfalls")
    variations["id"], pitfalls["id"] = "pitfalls", "variations"
    assert part_ids(soup) != PARTS


@pytest.mark.parametrize("slug", SLUGS)
def test_how_to_do_it_is_numbered_steps(site, slug):
    lists = [el for el in part(site.soup(built(slug)), "how-to-do-it") if el.name == "ol"]
    assert lists and len(lists[0].find_all("li", recursive=False)) >= 3, f"{slug}: no numbered steps"


@pytest.mark.parametrize("slug", SLUGS)
def test_why_it_helps_links_a_pillar_or_an_approach(site, slug):
    page = built(slug)
    targets = linked_pages(site, page, part(site.soup(page), "why-it-helps"))
    assert targets & PILLAR_OR_APPROACH, f"{slug}: 'Why it helps' links none of the pillar or approach pages"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_worksheet_part_links_a_worksheet(site, slug):
    page = built(slug)
    targets = linked_pages(site, page, part(site.soup(page), "worksheet"))
    assert any(t.startswith("worksheets/") for t in targets), f"{slug}: the worksheet part links no worksheet"


@pytest.mark.parametrize("slug", SLUGS)
def test_a_practice_is_tagged_by_time_and_pillar_linking_the_tags_index(site, slug):
    page = built(slug)
    practice = project().practices[slug]
    tags = {a.get_text(strip=True): a["href"] for a in site.soup(page).select(".md-tags a.md-tag")}
    assert time_bucket(practice.minutes) in tags
    assert project().title(f"foundations/{practice.pillars[0]}.md") in tags
    for name, href in tags.items():
        target, fragment = site.resolve(page, href)
        assert target.as_posix() == "tags/index.html" and fragment in site.ids(target), f"{slug}: tag {name!r}"


def practice_anchors(site, soup: BeautifulSoup, section_id: str) -> list:
    """The <a> elements in one part of the practices index that link a practice page, in order."""
    anchors = []
    for el in part(soup, section_id):
        for a in el.select("li > a[href]"):
            target = site.resolve(INDEX, a["href"])[0].as_posix()
            if target.startswith("practices/") and target != INDEX.as_posix():
                anchors.append(a)
    return anchors


def index_links(site, section_id: str, soup: BeautifulSoup | None = None) -> list[str]:
    """The practice pages linked from one part of the practices index, in order, repeats kept."""
    soup = soup if soup is not None else site.soup(INDEX)
    return [site.resolve(INDEX, a["href"])[0].as_posix() for a in practice_anchors(site, soup, section_id)]


def test_the_index_lists_every_practice_once_by_time(site):
    links = index_links(site, "by-time")
    assert sorted(links) == sorted(built(s).as_posix() for s in SLUGS)


@pytest.mark.parametrize("section_id", ["by-pillar"])
def test_the_index_lists_every_practice_by_pillar(site, section_id):
    assert set(index_links(site, section_id)) == {built(s).as_posix() for s in SLUGS}


def test_the_index_groups_by_barrier_from_front_matter(site):
    expected = {built(s).as_posix() for s in SLUGS if project().practices[s].barriers}
    assert expected and set(index_links(site, "by-barrier")) == expected


def test_the_index_check_sees_a_missing_and_a_repeated_practice(site):
    """Negative control: the built index with one practice's entry taken out, or listed twice, fails
    the comparison test_the_index_lists_every_practice_once_by_time makes."""
    expected = sorted(built(s).as_posix() for s in SLUGS)
    soup = BeautifulSoup(str(site.soup(INDEX)), "html.parser")
    practice_anchors(site, soup, "by-time")[0].find_parent("li").decompose()
    assert sorted(index_links(site, "by-time", soup)) != expected
    soup = BeautifulSoup(str(site.soup(INDEX)), "html.parser")
    item = practice_anchors(site, soup, "by-time")[0].find_parent("li")
    item.insert_after(BeautifulSoup(str(item), "html.parser"))
    assert sorted(index_links(site, "by-time", soup)) != expected


def test_the_tags_index_lists_every_practice(site):
    page = Path("tags/index.html")
    listed = {site.resolve(page, a["href"])[0].as_posix() for a in site.soup(page).select("article li a[href]")}
    assert {built(s).as_posix() for s in SLUGS} <= listed
