"""The quick exit in the built HTML: every page has it in Material's header (Escape leaves too on pages
marked as about safety), as
a plain link to another site that sends no referrer, and the safety page says what stays on the device."""
from __future__ import annotations

from pathlib import Path

from macros.safety.quick_exit import ESCAPE, QUICK_EXIT
from tests.safety_pages import safety_pages
from tests.support import built_page, section_text

CONTROL = ".md-header [data-closer-quick-exit] a.closer-quick-exit__link[href]"


def test_every_safety_page_has_the_quick_exit_in_its_header(site):
    problems = []
    for address in safety_pages():
        page = built_page(address)
        links = site.soup(page).select(CONTROL)
        if len(links) != 1:
            problems.append(f"{page}: {len(links)} quick exits in the header")
            continue
        link = links[0]
        if site.resolve(page, link["href"]) is not None or not link["href"].startswith("https://"):
            problems.append(f"{page}: the quick exit stays on this site: {link['href']}")
        if "noreferrer" not in link.get("rel", []) or link.get("referrerpolicy") != "no-referrer":
            problems.append(f"{page}: the quick exit may send a referrer")
    assert not problems, "\n".join(problems)


def test_every_page_has_it_and_escape_leaves_only_on_safety_pages(site):
    """A frightened reader may land on any page; Escape keeps its ordinary meaning off the safety pages."""
    marked = {built_page(a) for a in safety_pages()}
    missing = [str(p) for p in site.pages if len(site.soup(p).select(CONTROL)) != 1]
    assert not missing, f"pages without exactly one quick exit: {missing}"
    escape = {p for p in site.pages if site.soup(p).select(".md-header [data-closer-quick-exit][data-closer-escape]")}
    assert escape == marked, f"Escape leaves on {sorted(map(str, escape ^ marked))} against the 'safety: true' marks"


def test_the_hooks_pattern_matches_the_partial(site):
    """The build check (hooks/safety.py) looks for exactly what the partial writes."""
    safety = (site.root / "safety/index.html").read_text(encoding="utf-8")
    trust = (site.root / "foundations/trust/index.html").read_text(encoding="utf-8")
    assert QUICK_EXIT.search(safety) and ESCAPE.search(safety)
    assert QUICK_EXIT.search(trust) and not ESCAPE.search(trust)


def test_the_safety_page_tells_the_truth_about_saved_answers(site):
    soup = site.soup(Path("safety/index.html"))
    section = section_text(soup, "online-safety")
    assert "keeps no record of your visit" not in section
    for words in ("saves your answers in this browser", "anyone who can use this browser",
                  "Erase all my answers now", "Esc"):
        assert words in section, words
    form = soup.select_one("#online-safety ~ form.closer-device[data-closer-device][hidden]")
    assert form and form.select_one("button[data-closer-erase-all]"), "the erase button must start hidden"
