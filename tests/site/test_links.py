"""Every internal link and asset in the built site resolves, anchors included."""
from __future__ import annotations

from pathlib import Path

import pytest

LINKING = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"))


def internal_links(site, page):
    for tag, attr in LINKING:
        for el in site.soup(page).find_all(tag, attrs={attr: True}):
            target = site.resolve(page, el[attr])
            if target is not None:
                yield el[attr], target


def test_the_site_has_pages(site):
    assert len(site.pages) >= 10


def test_every_internal_link_resolves(site):
    broken = []
    for page in site.pages:
        for url, (target, fragment) in internal_links(site, page):
            if not (site.root / target).is_file():
                broken.append(f"{page}: {url} -> missing file {target}")
            elif fragment and target.suffix == ".html" and fragment not in site.ids(target):
                broken.append(f"{page}: {url} -> no element with id '{fragment}' in {target}")
    assert not broken, "broken internal links:\n" + "\n".join(broken)


def test_resolver_catches_a_missing_page_and_anchor(site):
    """Negative control: the checker itself reports what does not exist."""
    page = site.pages[0]
    target, _ = site.resolve(page, "no-such-page/")
    assert not (site.root / target).is_file()
    target, fragment = site.resolve(page, "#no-such-anchor")
    assert fragment not in site.ids(target)


@pytest.mark.parametrize("url", ["https://example.org/", "mailto:a@b.c", "tel:988"])
def test_other_hosts_are_not_internal(site, url):
    assert site.resolve(site.pages[0], url) is None


def test_copy_link_buttons_sit_on_real_headings_with_plain_labels(site):
    """No button on generated headings (the tags page's), and no markup in any button's name."""
    from macros.urls.scan import GENERATED_PREFIXES

    problems = []
    for page in site.pages:
        for button in site.soup(page).select("button.closer-copylink"):
            heading = button.find_parent(["h2", "h3", "h4", "h5", "h6"])
            anchor = button.get("data-closer-anchor", "")
            if heading is None or heading.get("id") != anchor or anchor.startswith(GENERATED_PREFIXES):
                problems.append(f"{page}: a button for {anchor!r} is not on its own heading")
            if "<" in button.get("aria-label", "") or not button["aria-label"].startswith("Copy link to section: "):
                problems.append(f"{page}: button label {button.get('aria-label')!r}")
    assert not problems, "\n".join(problems[:20])
    assert not site.soup(Path("tags/index.html")).select("button.closer-copylink")
