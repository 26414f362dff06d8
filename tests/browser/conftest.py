"""Real Chromium (Debian's, never a downloaded build) driven by Playwright against the built site,
served on a free loopback port. Without a browser these tests skip with the reason, unless
REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser is a failure."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support import EXIT, EXIT_STUB, PHONE, guard

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served on 127.0.0.1 at a free port, for the whole session."""
    handler = functools.partial(QuietHandler, directory=str(site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


# The `browser` fixture lives in tests/conftest.py, so that this tier and tests/editions share one
# Playwright (a second one in the same process is refused).


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: empty localStorage, no cookies."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


@pytest.fixture
def phone_page(browser):
    """A page in a fresh profile at a phone's width, 390 px."""
    ctx = browser.new_context(viewport=PHONE)
    yield ctx.new_page()
    ctx.close()


@pytest.fixture
def no_script_page(browser):
    """A page in a fresh profile with JavaScript switched off."""
    ctx = browser.new_context(java_script_enabled=False)
    yield ctx.new_page()
    ctx.close()


@pytest.fixture
def exits(context, base_url):
    """Answer the quick exit's neutral site with a local stub and abort anything else foreign; returns the
    requests the stub answered, and fails the test if anything else tried to leave the machine."""
    answered, foreign = [], []
    context.route("**/*", guard(urlsplit(base_url).netloc, foreign))
    context.route(EXIT + "**", lambda route: (answered.append(route.request), route.fulfill(
        status=200, content_type="text/html", body=EXIT_STUB)))
    yield answered
    assert foreign == [], f"requests to other hosts: {foreign}"
