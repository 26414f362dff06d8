"""Every page, loaded in Chromium: nothing leaves the machine, no cookies, no console errors, and
print media hides the site chrome."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support import CSP_RECORDER, guard, record_errors, top_pages

CHROME = [".md-banner", ".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"]


@pytest.fixture(scope="session")
def visits(site, base_url, browser):
    """Load every built page once and record what happened."""
    host = urlsplit(base_url).netloc
    assert site.pages, "the built site has no pages to visit"
    results = {}
    for path in site.pages:
        ctx = browser.new_context()
        page = ctx.new_page()
        page.add_init_script(CSP_RECORDER)
        record = {"foreign": [], "errors": record_errors(page)}
        ctx.route("**/*", guard(host, record["foreign"]))
        page.goto(base_url + path.as_posix().removesuffix("index.html"), wait_until="networkidle")
        record["has_policy"] = page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        record["csp"] = page.evaluate("window.__cspViolations")
        record["cookies"] = ctx.cookies()
        record["chrome_on_screen"] = [sel for sel in CHROME[:2] if page.locator(sel).first.is_visible()]
        page.emulate_media(media="print")
        record["chrome_in_print"] = [sel for sel in CHROME if page.locator(sel).first.is_visible()]
        ctx.close()
        results[path] = record
    return results


def problems(visits, key: str) -> dict[str, list]:
    """Each page with something recorded under `key`."""
    return {str(p): r[key] for p, r in visits.items() if r[key]}


def test_no_request_leaves_the_loopback_server(visits):
    assert not problems(visits, "foreign"), f"requests to other hosts: {problems(visits, 'foreign')}"


def test_every_page_has_a_policy_and_breaks_none_of_it(visits):
    assert not [p for p, r in visits.items() if not r["has_policy"]], "pages without a Content-Security-Policy"
    assert not problems(visits, "csp"), f"CSP violations: {problems(visits, 'csp')}"


def test_search_runs_under_the_policy(context, base_url):
    """The search index and its worker load under the policy; a real query finds the safety page."""
    page = context.new_page()
    page.add_init_script(CSP_RECORDER)
    page.goto(base_url)
    assert "safety/" in top_pages(page, "helpline", 8)
    assert page.evaluate("window.__cspViolations") == []


def test_an_unhashed_inline_script_is_blocked(context, base_url):
    """Negative control: script text a writer's data slipped into a page would not run."""
    page = context.new_page()
    page.add_init_script(CSP_RECORDER)
    page.goto(base_url)
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__ran = true'; document.body.appendChild(s); }""")
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("window.__ran") is None
    assert page.evaluate("window.__cspViolations")[0].startswith("script-src")


def test_no_page_sets_a_cookie(visits):
    assert not problems(visits, "cookies"), f"cookies set: {problems(visits, 'cookies')}"


def test_no_console_errors(visits):
    assert not problems(visits, "errors"), f"console errors: {problems(visits, 'errors')}"


def test_the_error_recorder_sees_a_console_error_and_an_exception(page, base_url):
    """Negative control for the console check: what a broken script would write is recorded."""
    errors = record_errors(page)
    page.goto(base_url)
    with page.expect_event("pageerror"):
        page.evaluate("() => { console.error('closer-test-error'); setTimeout(() => { throw new Error('closer-test-throw'); }); }")
    assert errors[0] == "closer-test-error" and "closer-test-throw" in errors[1], errors


def test_print_hides_the_site_chrome(visits):
    assert not problems(visits, "chrome_in_print"), f"site chrome in print: {problems(visits, 'chrome_in_print')}"


def test_the_chrome_check_sees_the_chrome_on_screen(visits):
    """Control for the print check: on screen, the banner and header it looks for are there."""
    missing = [str(p) for p, r in visits.items() if r["chrome_on_screen"] != CHROME[:2]]
    assert not missing, f"banner or header not found on screen: {missing}"


def test_the_request_recorder_sees_a_foreign_request(context, base_url):
    """Negative control: a request to another host is recorded (and aborted before it leaves)."""
    foreign = []
    context.route("**/*", guard(urlsplit(base_url).netloc, foreign))
    page = context.new_page()
    # A blank page, outside the site's policy, which would refuse the request before it is made.
    page.goto("about:blank")
    # The request fails once the guard has aborted it, so by then the guard has recorded it.
    with page.expect_event("requestfailed"):
        page.evaluate("() => { const i = new Image(); i.src = 'https://fonts.example.invalid/font.woff2'; }")
    assert foreign == ["https://fonts.example.invalid/font.woff2"]
