"""The glossary in the built site: links with their definitions land on real anchors, and the page shows backlinks."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup


from tests.support import project

GLOSSARY = Path("glossary/index.html")
TERMS = {t.slug: t for t in project().terms}
ARTICLE_KINDS = {kind for kind, spec in project().kinds.items() if spec.article}
# Where a glossary link must never appear (the linker's rules, checked on the output).
FORBIDDEN = ("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "label", "button", "textarea", "select",
             "summary", ".closer-page-meta", ".closer-no-glossary")


def content(site, page):
    return site.soup(page).select_one("article.md-content__inner")


def glossary_links(site):
    """Every glossary link in the guide's content, as (page, link element)."""
    for page in site.pages:
        article = content(site, page)
        if article is not None:
            for a in article.select("a.closer-glossary-link"):
                yield page, a


def slugs_linked_from(site) -> dict[str, set[Path]]:
    pages = defaultdict(set)
    for page, a in glossary_links(site):
        pages[site.resolve(page, a["href"])[1]].add(page)
    return pages


def misplaced(soup: BeautifulSoup) -> list[str]:
    """Glossary links inside an element where the linker must leave text alone."""
    return [str(a) for where in FORBIDDEN for a in soup.select(f"{where} a.closer-glossary-link")]


def test_every_glossary_link_lands_on_a_term_anchor_with_its_definition(site):
    ids = site.ids(GLOSSARY)
    bad = []
    for page, a in glossary_links(site):
        target, slug = site.resolve(page, a["href"])
        if target != GLOSSARY or slug not in TERMS or slug not in ids:
            bad.append(f"{page}: {a['href']} does not land on a term of {GLOSSARY}")
        elif (a.get("data-closer-term"), a.get("data-closer-definition")) != (TERMS[slug].term, TERMS[slug].definition):
            bad.append(f"{page}: link to #{slug} carries {a.get('data-closer-term')!r}, "
                       f"{a.get('data-closer-definition')!r}, expected the term and its definition (the popover)")
        elif a.has_attr("title"):
            bad.append(f"{page}: link to #{slug} has a title, whose tooltip would double the popover")
    assert not bad, "\n".join(bad)


def test_glossary_links_exist_with_their_definitions(site):
    links = list(glossary_links(site))
    assert len(links) >= 100, f"only {len(links)} glossary links across the site"
    assert all(a.get("data-closer-definition") for _, a in links)


def test_the_glossary_page_is_not_linked_to_itself_by_the_linker(site):
    assert not content(site, GLOSSARY).select("a.closer-glossary-link")


def test_no_glossary_link_where_links_do_not_belong(site):
    bad = [f"{page}: {link}" for page in site.pages if (article := content(site, page)) for link in misplaced(article)]
    assert not bad, "glossary links inside headings, links, code or form controls:\n" + "\n".join(bad)


def test_the_misplacement_check_catches_a_link_in_a_heading():
    """Negative control for the check above."""
    soup = BeautifulSoup('<h2>A <a class="closer-glossary-link" href="#x">term</a></h2><p><code>'
                         '<a class="closer-glossary-link" href="#y">c</a></code></p>', "html.parser")
    assert len(misplaced(soup)) == 2


def test_each_term_is_linked_at_most_once_per_page(site):
    counts = defaultdict(int)
    for page, a in glossary_links(site):
        counts[page, site.resolve(page, a["href"])[1]] += 1
    repeated = [f"{page}: #{slug} x{n}" for (page, slug), n in counts.items() if n > 1]
    assert not repeated, "\n".join(repeated)


def test_every_term_is_used_on_some_page_unless_marked_glossary_only(site):
    linked = slugs_linked_from(site)
    unused = [s for s, t in TERMS.items() if not t.glossary_only and s not in linked]
    falsely_marked = [s for s, t in TERMS.items() if t.glossary_only and s in linked]
    assert not unused, f"terms no page uses (fix the aliases, or mark glossary_only): {unused}"
    assert not falsely_marked, f"terms marked glossary_only but used on pages: {falsely_marked}"


def test_most_articles_carry_glossary_links(site):
    articles = [p for p in site.pages if site.kind(p) in ARTICLE_KINDS]
    without = [str(p) for p in articles if not content(site, p).select("a.closer-glossary-link")]
    assert articles and len(without) <= len(articles) // 4, f"articles without a glossary link: {without}"


def test_the_glossary_page_has_a_letter_bar_and_one_anchor_per_term_in_order(site):
    soup = content(site, GLOSSARY)
    headings = soup.select("h3[id]")
    assert [h["id"] for h in headings if h["id"] in TERMS] == [t.slug for t in project().terms]
    assert set(TERMS) <= {h["id"] for h in headings}
    names = [h.get_text(" ", strip=True).rstrip("¶").strip().casefold() for h in headings]
    assert names == sorted(names)
    letters = soup.select(".closer-glossary-letters a[href^='#letter-']")
    assert len(letters) >= 10
    assert all(a["href"][1:] in site.ids(GLOSSARY) for a in letters)


def test_the_glossary_page_shows_backlinks_to_exactly_the_pages_that_use_each_term(site):
    linked = slugs_linked_from(site)
    soup = content(site, GLOSSARY)
    mismatched = []
    for slug in TERMS:
        heading = soup.find(id=slug)
        appears = heading.find_next(class_="closer-glossary-appears")
        listed = {site.resolve(GLOSSARY, a["href"])[0] for a in appears.select("a[href]")}
        if listed != linked.get(slug, set()):
            mismatched.append(f"#{slug}: appears on {sorted(map(str, listed))}, linked from {sorted(map(str, linked.get(slug, ())))}")
    assert not mismatched, "\n".join(mismatched)
    assert sum(bool(v) for v in linked.values()) >= 40
