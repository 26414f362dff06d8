"""Editorial standards measured on the rendered articles: plain language and real length."""
from __future__ import annotations

import pytest
import textstat

from tests.support import project

ARTICLE_KINDS = {kind for kind, spec in project().kinds.items() if spec.article}
MIN_WORDS = 300
MIN_FLESCH = 60


def articles(site):
    return [p for p in site.pages if site.kind(p) in ARTICLE_KINDS]


def test_there_are_articles(site):
    assert articles(site), "no page of an article kind was built"


def test_every_article_reads_plainly(site):
    hard = []
    for page in articles(site):
        score = textstat.flesch_reading_ease(site.article_text(page))
        if score < MIN_FLESCH:
            hard.append(f"{page}: Flesch Reading Ease {score} (needs {MIN_FLESCH} or more)")
    assert not hard, "\n".join(hard)


def test_every_article_has_substance(site):
    short = []
    for page in articles(site):
        count = len(site.article_text(page).split())
        if count < MIN_WORDS:
            short.append(f"{page}: {count} words (needs {MIN_WORDS} or more)")
    assert not short, "\n".join(short)


def test_structured_pages_keep_their_sections_in_order(site):
    """The build checks this page by page; this proves the built site still has every section id."""
    bad, checked = [], 0
    for page in site.pages:
        required = [s.id for s in (project().kinds[site.kind(page)].sections if site.kind(page) in project().kinds else ())]
        if required:
            checked += 1
            ids = [h["id"] for h in site.soup(page).select("article h2[id], article h3[id]") if h["id"] in required]
            if ids != required:
                bad.append(f"{page}: sections {ids}, expected {required}")
    assert checked, "no built page is of a kind with required sections"
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("text, plain", [
    ("You can talk. We can sit. It is fine to rest now.", True),
    ("Notwithstanding institutional considerations, interpersonal communicative "
     "dysfunctionality characteristically necessitates multidimensional therapeutic intervention.", False),
])
def test_the_reading_score_separates_plain_from_dense(text, plain):
    """Negative control for the measure itself."""
    assert (textstat.flesch_reading_ease(text) >= MIN_FLESCH) is plain
