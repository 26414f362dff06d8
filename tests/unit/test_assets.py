"""The stylesheet and script bundles (macros/assets.py), from small sources."""
from __future__ import annotations

import pytest

from macros import assets

CSS = [("stylesheets/a.css", "/* a */\n.a { color: red; }\n@media print { .a { display: none } }\n"),
       ("stylesheets/worksheets.css", ".ws-form  fieldset { border: 0 }\n"),
       ("stylesheets/cards.css", ".closer-deck { gap: 1rem }\n")]
JS = [("javascripts/a.js", "(function () { /* a */ window.a = 1; })();\n"),
      ("javascripts/worksheets.js", "(function () { window.w = 2; })()\n"),
      ("javascripts/cards.js", "(function () { window.c = 3; })()\n")]


def test_common_worksheet_and_card_sources_go_to_their_own_bundles():
    made = assets.bundles(CSS, JS)
    assert made["css"].sources == ("stylesheets/a.css",) and made["worksheets-css"].sources == ("stylesheets/worksheets.css",)
    assert made["cards-css"].sources == ("stylesheets/cards.css",) and made["cards-js"].sources == ("javascripts/cards.js",)
    assert made["css"].text == ".a{color:red}@media print{.a{display:none}}\n"
    assert made["js"].text == "(function(){window.a=1;})()\n" and "window.w=2" in made["worksheets-js"].text
    assert made["cards-css"].path.startswith("assets/closer/cards.")
    assert made["css"].path.startswith("assets/closer/closer.") and made["css"].path.endswith(".css")


def test_the_name_changes_with_the_text():
    first = assets.bundles(CSS, JS)["css"].path
    assert assets.bundles([("stylesheets/a.css", ".a{color:blue}")], JS)["css"].path != first


def test_scripts_are_joined_as_separate_programs():
    made = assets.bundle("closer", "js", [("a.js", "var a = 1"), ("b.js", "(function(){})()")])
    assert made.text == "var a=1;\n(function(){})()\n"


def page(base: str, body: str) -> str:
    made = assets.bundles(CSS, JS)
    return (f'<head><link rel="stylesheet" href="{base}{made["css"].path}"></head><body>{body}'
            f'<script src="{base}{made["js"].path}"></script></body>'), made


def test_the_worksheet_bundle_joins_only_the_pages_that_need_it():
    for body in ('<form class="ws-form" data-worksheet="x">', '<div data-closer-device hidden>'):
        html, made = page("../../", body)
        out = assets.with_page_bundles(html, made)
        assert f'href="../../{made["worksheets-css"].path}"' in out and f'src="../../{made["worksheets-js"].path}"' in out
        assert out.index(made["js"].path) < out.index(made["worksheets-js"].path), "after the common script"
        assert made["cards-js"].path not in out
    for body in ('<p class="closer-news">', '<p>ws-form in words</p>', '<p>closer-deck in words</p>'):
        html, made = page("", body)
        assert assets.with_page_bundles(html, made) == html


def test_the_card_bundle_joins_only_deck_pages_and_both_bundles_keep_their_order():
    html, made = page("../", '<div class="md-typeset closer-deck" data-closer-deck>')
    out = assets.with_page_bundles(html, made)
    assert f'src="../{made["cards-js"].path}"' in out and made["worksheets-js"].path not in out
    both = assets.with_page_bundles(page("", '<form class="ws-form"><ol class="closer-cardsheets">')[0], made)
    assert both.index(made["js"].path) < both.index(made["worksheets-js"].path) < both.index(made["cards-js"].path)
    assert both.index(made["worksheets-css"].path) < both.index(made["cards-css"].path)


def test_a_page_without_the_common_bundle_is_refused():
    made = assets.bundles(CSS, JS)
    with pytest.raises(ValueError, match="no assets/closer/closer"):
        assets.with_page_bundles('<form class="ws-form">', made)


def test_a_listed_source_that_does_not_exist_stops_the_build_with_one_sentence():
    import importlib.util

    from mkdocs.structure.files import Files

    from macros.content.errors import DataError
    from tests.support import ROOT

    spec = importlib.util.spec_from_file_location("closer_test_assets_hook", ROOT / "hooks" / "assets.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    with pytest.raises(DataError, match=r"^mkdocs.yml: extra_css lists 'stylesheets/gone.css', but docs/stylesheets/gone.css does not exist$"):
        hook._source(Files([]), "stylesheets/gone.css", "extra_css")
