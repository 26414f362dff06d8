"""hooks/safety.py without a build: every page needs the quick exit; one marked `safety: true` also lets
Escape leave."""
from __future__ import annotations

import pytest

from macros.safety.quick_exit import check_quick_exit
from macros.content.errors import DataError

LINK = '\n  <a class="closer-quick-exit__link" href="https://www.google.com/" rel="noreferrer">Leave quickly</a></div>'
CONTROL = '<div class="closer-quick-exit" data-closer-quick-exit>' + LINK
WITH_ESCAPE = '<div class="closer-quick-exit" data-closer-quick-exit data-closer-escape>' + LINK


def test_a_marked_page_with_the_control_and_escape_passes():
    check_quick_exit("docs/safety/index.md", {"safety": True}, f"<header>{WITH_ESCAPE}</header>")


def test_a_marked_page_without_it_fails_naming_the_file():
    with pytest.raises(DataError) as err:
        check_quick_exit("docs/safety/index.md", {"safety": True}, "<header></header><p>Leave quickly</p>")
    assert str(err.value).startswith("docs/safety/index.md: the page is marked as about safety")


def test_a_marked_page_whose_exit_ignores_escape_fails():
    with pytest.raises(DataError, match="with Escape to leave"):
        check_quick_exit("docs/safety/index.md", {"safety": True}, f"<header>{CONTROL}</header>")


def test_an_unmarked_page_needs_the_exit_but_not_escape():
    check_quick_exit("docs/foundations/trust.md", {}, f"<header>{CONTROL}</header>")
    with pytest.raises(DataError, match="^docs/foundations/trust.md: every page's header needs the quick exit"):
        check_quick_exit("docs/foundations/trust.md", {}, "<header></header>")
