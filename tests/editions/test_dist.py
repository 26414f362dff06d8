"""The deployable site served by real nginx with the config `make dist` generated: every page loads in
Chromium with its headers applied and breaks none of its Content-Security-Policy, logs no console error,
and every old address answers with a real 301 that lands on its section. The generated `_headers` and
`_redirects` say the same as the nginx config."""
from __future__ import annotations

import http.client
from pathlib import Path

import pytest

from macros.editions import __main__ as editions, headers
from tests.editions.nginx import Nginx, nginx_path
from tests.support import missing

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CSP_RECORDER = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')));"
)
RULES, CONTRACT = editions.settings()


@pytest.fixture(scope="session")
def server(dist, tmp_path_factory):
    binary = nginx_path()
    if binary is None:
        missing("REQUIRE_SERVER", "no nginx at $NGINX_PATH or /usr/sbin/nginx (apt-get install nginx)")
    nginx = Nginx(binary, dist, tmp_path_factory.mktemp("nginx"))
    yield nginx
    nginx.stop()


def get(server, path: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def site_pages(dist: Path) -> list[headers.Page]:
    return [p for p in headers.pages(dist / "site", "site") if p.file != "/404.html"]


@pytest.fixture(scope="session")
def visits(server, dist, browser):
    """Every page loaded once through nginx, recording headers, violations and console errors."""
    results = {}
    context = browser.new_context()
    foreign = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.base)
                  else (foreign.append(route.request.url), route.abort()))
    for page_info in site_pages(dist):
        if any(page_info.address in r.sources() for r in RULES):
            continue
        page = context.new_page()
        page.add_init_script(CSP_RECORDER)
        errors = []
        # Errors, and the warnings Chromium gives for a header it cannot read (a Permissions-Policy
        # feature it does not know, a malformed policy).
        page.on("console", lambda m, e=errors: (m.type == "error" or "header" in m.text.lower()) and e.append(m.text))
        page.on("pageerror", lambda x, e=errors: e.append(str(x)))
        response = page.goto(server.base + page_info.address, wait_until="load")
        results[page_info.address] = {
            "status": response.status, "headers": response.all_headers(), "expected": page_info.policy,
            "violations": page.evaluate("window.__cspViolations"), "errors": errors,
        }
        page.close()
    context.close()
    results["(foreign)"] = foreign
    return results


def test_nginx_serves_every_page(visits):
    pages = {a: v for a, v in visits.items() if a != "(foreign)"}
    assert len(pages) >= 90
    assert {a: v["status"] for a, v in pages.items() if v["status"] != 200} == {}
    assert visits["(foreign)"] == []


def test_every_page_gets_its_own_policy_as_a_header(visits):
    wrong = {a: v["headers"].get("content-security-policy") for a, v in visits.items()
             if a != "(foreign)" and v["headers"].get("content-security-policy") != v["expected"]}
    assert wrong == {}
    assert all("frame-ancestors 'none'" in v["expected"] for a, v in visits.items() if a != "(foreign)")


def test_no_page_breaks_its_policy_or_logs_an_error(visits):
    assert {a: v["violations"] for a, v in visits.items() if a != "(foreign)" and v["violations"]} == {}
    assert {a: v["errors"] for a, v in visits.items() if a != "(foreign)" and v["errors"]} == {}


def test_every_response_carries_the_security_headers(visits, server):
    for path in ("/", "/practices/mirroring/", "/assets/favicon.svg", "/worksheets/daily-check-in/daily-check-in.pdf"):
        response = get(server, path)
        assert response.status == 200, path
        assert response.getheader("Strict-Transport-Security", "").startswith("max-age="), path
        assert response.getheader("X-Content-Type-Options") == "nosniff", path
        assert response.getheader("Referrer-Policy") == "no-referrer", path
        policy = response.getheader("Permissions-Policy", "")
        assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy, path


def test_hashed_assets_are_cached_for_a_year_and_the_rest_revalidates(dist, server):
    hashed = headers.hashed_assets(dist / "site")
    assert any("bundle." in h for h in hashed) and any("main." in h for h in hashed)
    for path in hashed:
        assert get(server, path).getheader("Cache-Control") == headers.IMMUTABLE, path
    for path in ("/", "/safety/", "/search/search_index.json", "/stylesheets/closer.css", "/assets/javascripts/lunr/tinyseg.js"):
        assert get(server, path).getheader("Cache-Control") == "no-cache", path


def test_search_works_under_the_header_policy(server, browser):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(CSP_RECORDER)
        page.goto(server.base + "/practices/")
        page.locator("input.md-search__input").focus()
        page.keyboard.type("helpline", delay=20)
        page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
        hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
        assert any("/safety/" in h for h in hrefs[:8]), hrefs
        assert page.evaluate("window.__cspViolations") == []
    finally:
        context.close()


def test_every_old_address_answers_with_a_301_to_its_new_page(server):
    assert RULES, "mkdocs.yml has no redirect_maps, so this test would prove nothing"
    for rule in RULES:
        for old in rule.sources():
            response = get(server, old)
            assert response.status == 301, old
            assert response.getheader("Location") == rule.new, old


def test_every_promised_section_of_an_old_address_lands_on_its_section(server, browser):
    contract = CONTRACT
    moved = {r.old: r for r in RULES}
    cases = [(old, anchor) for old in moved for anchor in contract["pages"].get(old, [])]
    assert ("/help/", "helplines") in cases
    context = browser.new_context()
    try:
        for old, anchor in cases:
            page = context.new_page()
            response = page.goto(f"{server.base}{old}#{anchor}")
            first = response.request.redirected_from
            assert first is not None and first.response().status == 301, f"{old}: no HTTP 301"
            assert page.url == f"{server.base}{moved[old].new}#{anchor}", old
            assert page.locator(f"[id='{anchor}']").count() == 1, f"{old}#{anchor}: no such section on {page.url}"
            page.close()
    finally:
        context.close()


def test_a_missing_page_gets_the_404_page_with_its_policy(server, dist):
    response = get(server, "/no-such-page/")
    assert response.status == 404
    expected = next(p.policy for p in headers.pages(dist / "site", "site") if p.file == "/404.html")
    assert response.getheader("Content-Security-Policy") == expected


def test_the_static_host_files_agree_with_the_nginx_config(dist):
    site_dir = dist / "site"
    text = (site_dir / "_headers").read_text(encoding="utf-8")
    for page in headers.pages(site_dir, "site"):
        assert f"\n{page.address}\n  Content-Security-Policy: {page.policy}\n" in text, page.address
    moved = (site_dir / "_redirects").read_text(encoding="utf-8")
    for rule in RULES:
        for old in rule.sources():
            assert f"\n{old} {rule.new} 301\n" in moved
        assert not (site_dir / rule.old.strip("/") / "index.html").exists(), "the forwarding page would shadow the 301"


def test_the_copy_link_buttons_work_under_the_permissions_policy(server, browser):
    """The policy turns every feature off but writing to the clipboard, which these buttons need."""
    context = browser.new_context()
    try:
        context.grant_permissions(["clipboard-write"], origin=server.base)
        page = context.new_page()
        page.goto(server.base + "/practices/mirroring/")
        page.locator("h2").first.hover()
        page.locator("button.closer-copylink").first.click()
        page.wait_for_function("() => document.querySelector('[role=status]')?.textContent.includes('copied')")
        # The clipboard API itself, which the button tries first, is allowed; reading it is not.
        assert page.evaluate("navigator.clipboard.writeText('x').then(() => 'allowed', e => e.name)") == "allowed"
        assert page.evaluate("navigator.clipboard.readText().then(() => 'allowed', e => e.name)") == "NotAllowedError"
    finally:
        context.close()


def test_nginx_logged_no_error_or_warning(server, visits):
    log = server.error_log()
    assert not [line for line in log.splitlines() if any(f"[{level}]" in line for level in ("emerg", "alert", "crit", "error", "warn"))], log
