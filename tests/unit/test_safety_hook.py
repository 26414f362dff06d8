"""hooks/safety.py without a build: a page marked `safety: true` needs the quick exit in its HTML."""
from __future__ import annotations

import pytest

from hooks.safety import check_quick_exit
from macros.data import DataError

CONTROL = ('<div class="closer-quick-exit" data-closer-quick-exit>\n  <a class="closer-quick-exit__link" '
           'href="https://www.google.com/" rel="noreferrer">Leave quickly</a></div>')


def test_a_marked_page_with_the_control_passes():
    check_quick_exit("docs/safety/index.md", {"safety": True}, f"<header>{CONTROL}</header>")


def test_a_marked_page_without_it_fails_naming_the_file():
    with pytest.raises(DataError) as err:
        check_quick_exit("docs/safety/index.md", {"safety": True}, "<header></header><p>Leave quickly</p>")
    assert str(err.value).startswith("docs/safety/index.md: the page is marked as about safety")


def test_an_unmarked_page_needs_nothing():
    check_quick_exit("docs/foundations/trust.md", {}, "<header></header>")
