"""The browser harness works: the home page loads from loopback and shows the route to help."""


def test_home_page_loads_with_the_help_link(page, base_url):
    page.goto(base_url)
    link = page.locator(".md-banner a.closer-help-link")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/safety/")
    assert page.locator("h1").inner_text().startswith("Get help now")
