"""The site's own search understands a worried reader: plain-language queries bring the right page
into the top three results, and a frightened reader's own words put the safety page first. When one
fails, improve the page (headings, wording, its `search: boost:`), never the test.

The search index itself is fetched only once the reader reaches for search (the last tests here)."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.support import SEARCH_BOX, SEARCH_META, record_errors, top_pages

# query -> pages any one of which must be among the top three results
QUERIES = {
    "my partner shuts down when we argue": ["barriers/defensive-behaviours/", "barriers/unhealthy-communication/"],
    "rebuild trust after an affair": ["barriers/broken-trust/", "approaches/rebuilding-trust/",
                                      "practices/rebuilding-trust-through-action/"],
    "printable weekly check-in": ["worksheets/weekly-check-in/", "practices/weekly-check-in/"],
    "we feel like roommates": ["foundations/signs-it-is-missing/"],
    "how to find a couples therapist": ["approaches/choosing-a-therapist/"],
    "afraid of my partner": ["safety/"],
    "what is emotional intimacy": ["foundations/what-is-emotional-intimacy/"],
    "we keep having the same fight": ["barriers/unhealthy-communication/", "barriers/resentment-and-anger/"],
    "four horsemen": ["barriers/unhealthy-communication/", "approaches/gottman-method/"],
    "emotionally focused therapy": ["approaches/emotionally-focused-therapy/"],
    "how to calm down during a fight": ["practices/calm-conflict-and-repair/"],
    "we never talk about feelings": ["practices/naming-emotions/", "practices/sharing-your-inner-world/"],
    "too busy for each other": ["barriers/busy-modern-life/"],
    "scared to open up to my partner": ["barriers/fear-of-judgment/", "foundations/vulnerability/"],
    "should we go to couples therapy": ["approaches/when-to-seek-help/", "approaches/couples-therapy/"],
    "mirroring exercise": ["practices/mirroring/", "worksheets/mirroring/"],
    "suicide helpline": ["safety/"],
    "difference between emotional and physical intimacy": ["foundations/emotional-and-physical-intimacy/"],
    "still angry about the past": ["barriers/resentment-and-anger/", "barriers/past-hurt-and-trauma/"],
    "boys don't cry": ["barriers/societal-expectations/"],
}


# Everyday questions (issue 17), in the words readers type, each with the page it must put in the top
# three. A worksheet counts where it is the practice's own sheet. Handout packets are kept out of search,
# so "the same fight" finds the calm-conflict practice, whose heading uses those words.
EVERYDAY_QUERIES = {
    "we keep fighting about the same thing": ["practices/calm-conflict-and-repair/", "barriers/unhealthy-communication/",
                                              "barriers/resentment-and-anger/"],
    "is couples therapy worth it": ["approaches/couples-therapy/"],
    "how to repair after an argument": ["practices/calm-conflict-and-repair/"],
    "how to stop being defensive": ["barriers/defensive-behaviours/"],
    "what is stonewalling": ["glossary/", "barriers/defensive-behaviours/", "barriers/unhealthy-communication/"],
    "date night ideas": ["practices/quality-time/", "worksheets/quality-time/", "practices/rituals-of-connection/"],
    "quality time ideas": ["practices/quality-time/", "worksheets/quality-time/"],
    "how to talk about feelings without blaming": ["practices/i-feel-statements/"],
    "how to show appreciation to my partner": ["practices/gratitude/", "worksheets/gratitude/"],
    "gratitude journal for couples": ["practices/gratitude/", "worksheets/gratitude/"],
    "what is the gottman method": ["approaches/gottman-method/"],
    "what is imago therapy": ["approaches/imago/"],
    "narrative therapy for couples": ["approaches/narrative-therapy/"],
    "mindfulness for couples": ["approaches/mindfulness/", "practices/mindful-listening/"],
    "shared breathing exercise": ["practices/mindful-listening/", "worksheets/mindful-listening/", "approaches/mindfulness/"],
    "what happens in couples therapy": ["approaches/couples-therapy/", "approaches/therapeutic-journey/"],
    "how long does couples therapy take": ["approaches/couples-therapy/"],
    "how much does couples therapy cost": ["approaches/choosing-a-therapist/", "approaches/couples-therapy/"],
    "my partner wont go to therapy": ["foundations/reading-this-alone/"],
    "one of us wants to leave": ["approaches/when-one-of-you-wants-to-leave/"],
    "discernment counselling": ["approaches/when-one-of-you-wants-to-leave/"],
    "childhood trauma affecting my relationship": ["barriers/past-hurt-and-trauma/"],
    "past relationships still hurt": ["barriers/past-hurt-and-trauma/"],
    "men are not supposed to show emotions": ["barriers/societal-expectations/"],
    "fear of being judged": ["barriers/fear-of-judgment/"],
    "how to open up emotionally": ["foundations/vulnerability/", "practices/sharing-your-inner-world/",
                                   "barriers/fear-of-judgment/"],
    "how to stop resentment": ["barriers/resentment-and-anger/"],
    "does intimacy come naturally": ["foundations/misconceptions/"],
    "why does emotional connection matter": ["foundations/why-it-matters/"],
    "signs of emotional distance": ["foundations/signs-it-is-missing/"],
    "gay and lesbian couples": ["foundations/lgbtq-couples/"],
    "setting boundaries with in laws": ["practices/protective-boundaries/"],
    "the story we tell about our relationship": ["practices/rewriting-your-story/", "approaches/narrative-therapy/"],
    "see things from my partner's point of view": ["practices/perspective-taking/", "worksheets/perspective-taking/"],
    "how to put feelings into words": ["practices/naming-emotions/"],
    "how to listen without interrupting": ["practices/active-listening/", "practices/mirroring/",
                                           "practices/mindful-listening/"],
    "active listening tips": ["practices/active-listening/", "worksheets/active-listening/"],
    "weekly relationship meeting": ["practices/weekly-check-in/", "worksheets/weekly-check-in/"],
    "self reflection questions": ["practices/self-reflection/", "worksheets/self-reflection/"],
    "printable worksheets": ["worksheets/"],
    "resources for therapists": ["therapists/"],
    "who writes this guide": ["about/"],
}


# A frightened reader's own words, as people type them (first and third person, lower case, misspelt,
# without apostrophes): fear, violence, control, sexual coercion, threats, stalking and self-harm. For
# every one the safety page must be the FIRST result.
#
# How Material's search ranks, for whoever must mend a miss here: each heading of a page is its own
# search document, and a word in a heading counts a thousand times a word in the text (mkdocs.yml), so
# a page wins on the words of its headings. Every typed word becomes a prefix, stop words included:
# "he" matches "help", "me" matches "meaning", "i" matches "intimacy?". A page's first section (its
# title and opening) weighs two to two and a half times a later heading, and any section counts for
# more the more of the typed words it holds anywhere, text included. So the safety page carries headings in readers' own
# words ("My partner scares me or threatens me"), and its `search: boost: 3` lifts all of them above
# other pages' chance matches on those short words. Mend a miss with honest wording on the safety
# page, or with a word on another page that wrongly wins; a higher boost crowds out ordinary answers
# (the crowding check in test_plain_language_queries_find_the_right_page).
CRISIS_QUERIES = [
    # violence
    "he hits me", "she hits me", "my husband hits me", "my wife hits me", "my boyfriend hit me",
    "partner hurts me", "my girlfriend hurts me", "help my boyfriend is hurting me", "my partner is violent",
    "my partner pushed me", "he choked me", "he punched me", "she slapped me", "my boyfriend beats me",
    "he throws things at me", "my partner hurts me when he is angry", "domestic violence",
    "domestic violance",
    # fear and threats
    "my partner scares me", "i am afraid of my husband", "im scared of my boyfriend", "i'm scared of my partner",
    "scared of my wife", "my wife threatens me", "my partner threatens to hurt me", "he threatened to kill me",
    "he said he would kill me", "he says he will take the kids", "she threatens to kill herself if i leave",
    # is it abuse?
    "abusive relashionship", "is my relationship abusive", "my boyfreind is abusive", "my husband is abusive",
    "is it abuse if he checks my phone", "is it abuse if she yells at me", "is it abuse if he doesnt hit me",
    "is this abuse", "am i being abused", "emotional abuse", "domestic abuse",
    # control
    "coercive control", "my partner controls everything", "my husband controls my money",
    "my girlfriend controls me", "boyfriend wont let me see friends", "my partner isolates me from my family",
    "my partner threatens to leave me if i see my friends", "he tracks my location",
    "my partner reads my messages", "he wont let me leave the house",
    # sex
    "he forces me to have sex", "my husband forces me", "my partner pressures me into sex",
    "raped by my husband", "he raped me", "sexual abuse",
    # stalking
    "my ex is stalking me", "my ex follows me everywhere", "my ex wont leave me alone", "someone is following me",
    # unsafe at home, leaving
    "i dont feel safe at home", "i feel unsafe with my partner", "afraid to go home", "how do i leave safely",
    # self-harm and suicide
    "i want to kill myself", "kill myself", "i feel like killing myself", "i want to die", "suicidal thoughts",
    "thinking about suicide", "suicide", "self harm", "i hurt myself", "i dont want to live anymore",
]


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(base_url)
    page.locator(SEARCH_BOX).click()
    yield page
    ctx.close()


def test_every_page_the_queries_want_is_in_the_search_index(site):
    """Each page a query above must find is built and searchable: a renamed page or one left out of
    search (`search: exclude`) is named here, not reported as a confusing miss below."""
    index = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    searchable = {doc["location"].split("#")[0] for doc in index["docs"]}
    wanted = {p for queries in (QUERIES, EVERYDAY_QUERIES) for pages in queries.values() for p in pages} | {"safety/"}
    assert searchable and not wanted - searchable, f"not in the search index: {sorted(wanted - searchable)}"
    missing = sorted(p for p in wanted if not (site.root / p / "index.html").is_file())
    assert not missing, f"pages the search queries want that the build lacks: {missing}"


def test_plain_language_queries_find_the_right_page(search_page):
    misses = []
    for query, wanted in {**QUERIES, **EVERYDAY_QUERIES}.items():
        found = top_pages(search_page, query)
        if not set(found) & set(wanted):
            misses.append(f"{query!r}: top 3 were {found}, wanted one of {wanted}")
        # The safety page's boost helps frightened readers; it must not push itself above the answer
        # to an ordinary question.
        elif found[:1] == ["safety/"] and "safety/" not in wanted:
            misses.append(f"{query!r}: the safety page came first, above {wanted}")
    assert not misses, "search misses:\n" + "\n".join(misses)


@pytest.mark.parametrize("query", CRISIS_QUERIES)
def test_a_frightened_readers_words_put_the_safety_page_first(search_page, query):
    found = top_pages(search_page, query)
    assert found[:1] == ["safety/"], f"{query!r}: top 3 were {found}; the safety page must be first"


def test_a_nonsense_query_finds_nothing_relevant(search_page):
    """Negative control: the harness does not report success for any query."""
    assert top_pages(search_page, "xylophone quantum") == []


# The lazy search index (overrides/partials/lazy-search-index.html) -----------------------------------

INDEX = "**/search/search_index.json"
# The partial's script, as the built page carries it.
HOLDBACK = re.compile(r"<script>(?:(?!</script>).)*closerSearchIndex(?:(?!</script>).)*</script>", re.S)


def index_requests_on_load(page, url: str) -> list[str]:
    """Load `url` until the network is idle and return the index requests made on the way, after
    checking that Material's search worker did start, so the index was wanted."""
    asked, workers = [], []
    page.on("request", lambda r: r.url.endswith("/search/search_index.json") and asked.append(r.url))
    page.on("worker", lambda w: workers.append(w.url))
    page.goto(url, wait_until="networkidle")
    assert any("/workers/search." in w for w in workers), f"Material's search worker never started: {workers}"
    return asked


def load_holding_back_the_index(page, url: str):
    """Load `url`; no index request is made and Material's search is still waiting for its index."""
    assert index_requests_on_load(page, url) == []
    expect(page.locator(SEARCH_META)).to_have_text("Initializing search")


def test_the_search_index_is_not_fetched_until_the_reader_reaches_for_search(page, base_url):
    errors = record_errors(page)
    load_holding_back_the_index(page, base_url + "foundations/trust/")
    # The control: reaching for search makes the request, and search then answers a real query.
    with page.expect_request(INDEX):
        page.locator(SEARCH_BOX).click()
    assert "safety/" in top_pages(page, "domestic violence")
    assert errors == []


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_material_s_keyboard_shortcuts_fetch_the_index_and_search(page, base_url, key):
    load_holding_back_the_index(page, base_url + "practices/mirroring/")
    with page.expect_request(INDEX):
        page.keyboard.press(key)
    expect(page.locator(SEARCH_BOX)).to_be_focused()
    expect(page.locator(SEARCH_META)).to_have_text("Type to start searching")
    page.keyboard.type("mirroring exercise")
    expect(page.locator(SEARCH_META)).to_contain_text("matching")
    assert "practices/mirroring/" in top_pages(page, "mirroring exercise")


def test_on_a_phone_the_search_button_fetches_the_index(phone_page, base_url):
    page = phone_page
    load_holding_back_the_index(page, base_url)
    button = page.locator(".md-header label.md-header__button[for=__search]")
    expect(button).to_be_visible()
    with page.expect_request(INDEX):
        button.click()
    expect(page.locator(SEARCH_BOX)).to_be_focused()
    assert "safety/" in top_pages(page, "suicide helpline")


def test_without_the_holdback_the_index_is_fetched_on_load(page, base_url):
    """Negative control: with the partial's script taken out of the page, the same wait for an idle
    network does see Material's request, so the test above would notice the holdback failing."""
    def strip(route):
        response = route.fetch()
        body, count = HOLDBACK.subn("", response.text())
        assert count == 1, "the lazy-search-index script was not found in the page"
        route.fulfill(response=response, body=body)

    page.route(base_url + "foundations/trust/", strip)
    assert index_requests_on_load(page, base_url + "foundations/trust/") == [base_url + "search/search_index.json"]
    expect(page.locator(SEARCH_META)).to_have_text("Type to start searching")


def result_texts(page) -> list[str]:
    return page.eval_on_selector_all(".md-search-result__item", "els => els.map(e => e.innerText)")


TOOLS = ("Who could see your answers", "Don't keep my answers", "Download PDF", "Clear my answers")


def test_worksheet_results_show_their_purpose_not_their_buttons(search_page):
    """The privacy note and buttons above every worksheet (worksheet-tools.html) stay out of the index."""
    shown = []
    for query in ("gratitude worksheet print", "mirroring worksheet pdf", "who could see your answers"):
        assert top_pages(search_page, query), f"{query!r} found nothing: the check proves nothing"
        sheets = search_page.eval_on_selector_all(
            ".md-search-result__item", "els => els.filter(e => /\\/worksheets\\/[^/]+\\/$/.test("
            "new URL(e.querySelector('a').href).pathname)).map(e => e.innerText)")
        assert sheets, f"{query!r}: no worksheet among the results, the check proves nothing"
        shown += [f"{query!r}: {t.splitlines()[0]}" for t in sheets if any(words in t for words in TOOLS)]
    assert not shown, "worksheet results show their tools:\n" + "\n".join(shown)

    top_pages(search_page, "daily check-ins appreciated")
    worksheet = [t for t in result_texts(search_page) if t.startswith("Daily check-in\n")]
    assert worksheet and "A week of short daily check-ins" in worksheet[0], result_texts(search_page)[:3]


def test_the_tags_page_is_not_a_result(search_page):
    for query in ("tags", "10 minutes or less", "communication"):
        found = top_pages(search_page, query, count=50)
        assert found, f"{query!r} found nothing: the check proves nothing"
        assert not [p for p in found if p.startswith("tags/")], f"{query!r}: {found}"
