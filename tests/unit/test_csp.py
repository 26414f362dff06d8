"""The Content-Security-Policy, without a build."""
from __future__ import annotations

import base64
import hashlib

import pytest

from macros import csp

PAGE = (
    '<html><head><meta charset="utf-8"><script>var a = 1;</script>'
    '<script id="__config" type="application/json">{"a": 1}</script>'
    '<script src="x.js"></script></head><body><script>var a = 1;</script></body></html>'
)


def sha(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_inline_scripts_that_run_are_hashed_once_each():
    assert csp.script_hashes(PAGE) == [sha("var a = 1;")]


def test_the_policy_allows_this_site_only_and_no_eval():
    policy = csp.policy_for(PAGE)
    assert "default-src 'self'" in policy and f"script-src 'self' {sha('var a = 1;')}" in policy
    assert "unsafe-eval" not in policy and "http" not in policy and "script-src 'self' 'unsafe-inline'" not in policy


def test_the_tags_go_first_in_the_head():
    out = csp.with_policy(PAGE)
    head = out[: out.index("<script")]
    assert 'http-equiv="Content-Security-Policy"' in head and '<meta name="referrer" content="no-referrer">' in head


def test_a_page_without_a_charset_is_refused():
    with pytest.raises(ValueError, match="no <meta charset"):
        csp.with_policy("<html><head></head></html>")
