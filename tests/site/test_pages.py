"""Every page is rendered, reachable from the navigation, and carries the site-wide parts."""
from __future__ import annotations

import re
from pathlib import Path

LEFTOVERS = re.compile(r"\{\{|\{%|Macro Rendering Error|Macro Syntax Error|_Macro", re.I)


def nav_targets(site):
    """Every page the navigation links to, over all pages: with navigation.prune a page's navigation
    opens only its own path, and shows each other nested section as one link into it."""
    targets = set()
    for page in site.pages:
        for a in site.soup(page).select("nav.md-nav--primary a.md-nav__link[href]"):
            resolved = site.resolve(page, a["href"])
            if resolved:
                targets.add(resolved[0])
    return targets


def test_no_page_shows_template_leftovers(site):
    bad = []
    for page in site.pages:
        text = site.soup(page).select_one("article").get_text(" ")
        if match := LEFTOVERS.search(text):
            bad.append(f"{page}: {match.group(0)!r}")
    assert not bad, "unrendered macros or errors:\n" + "\n".join(bad)


def test_every_page_is_in_the_navigation(site):
    targets = nav_targets(site)
    missing = [str(p) for p in site.pages if p not in targets]
    assert not missing, f"pages not in the navigation: {missing}"


def test_every_page_has_the_care_notice_and_help_link(site):
    missing = []
    for page in site.pages:
        link = site.soup(page).select_one(".md-banner a.closer-help-link")
        if link is None or site.resolve(page, link["href"])[0].as_posix() != "safety/index.html":
            missing.append(str(page))
    assert not missing, f"pages without a one-click route to the safety page: {missing}"


def test_every_page_shows_sources_and_review_date(site):
    missing = []
    for page in site.pages:
        meta = site.soup(page).select_one(".closer-page-meta")
        if meta is None or not meta.select(".closer-sources li") or not meta.select_one(".closer-reviewed time[datetime]"):
            missing.append(str(page))
    assert not missing, f"pages without sources or a reviewed date: {missing}"


def test_every_page_has_a_description_and_kind(site):
    bad = []
    for page in site.pages:
        desc = site.soup(page).find("meta", attrs={"name": "description"})
        if desc is None or desc["content"] == "" or site.kind(page) is None:
            bad.append(str(page))
    assert not bad, f"pages without a meta description or kind: {bad}"
