"""Dropping the rules of Material's stylesheets that nothing on the site can match (macros/unused_css.py):
the scanner cuts rules from the source byte for byte, the selector analysis finds what each selector
needs, and `purge` keeps every rule a page or script could still use."""
from __future__ import annotations

from pathlib import Path

import material
import pytest

from macros import unused_css

MATERIAL_CSS = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("*.min.css"))


def everything() -> unused_css.Usage:
    used = unused_css.Usage(set(), set(), "")
    used.knows_class = lambda name: True
    used.knows_attribute = lambda name, value: True
    return used


def purged(css: str, pages: list[str], scripts: list[str] | None = None) -> str:
    parsed = unused_css.rules(css)
    return unused_css.purge(parsed, unused_css.usage(pages, scripts or [], unused_css.attribute_names(parsed)))


@pytest.mark.parametrize("path", MATERIAL_CSS, ids=lambda p: p.name)
def test_keeping_every_rule_gives_back_materials_stylesheet_byte_for_byte(path):
    css = path.read_text(encoding="utf-8")
    source = css[: css.rfind("/*# sourceMappingURL")].strip() if "sourceMappingURL" in css else css.strip()
    assert unused_css.purge(unused_css.rules(css), everything()).strip() == source


def test_a_rule_whose_class_no_page_or_script_has_is_dropped():
    css = ".md-typeset .used{a:1}.md-typeset .key-enter:after{content:\"\\23ce\"}.scripted{b:2}"
    out = purged(css, ['<div class="md-typeset"><p class="used">'], ['el.classList.add("scripted")'])
    assert out.strip() == ".md-typeset .used{a:1}.scripted{b:2}"


def test_classes_are_read_however_the_attribute_is_written():
    css = ".a{x:1}.b{x:2}.c{x:3}.d{x:4}.e{x:5}"
    out = purged(css, ["<p class='a'><p class=b><p CLASS=\"c\"><p class = \"d\">"])
    assert out.strip() == ".a{x:1}.b{x:2}.c{x:3}.d{x:4}"


def test_a_modifier_a_script_may_build_is_kept_by_its_base():
    out = purged(".md-source__fact--version{a:1}.md-other--x{b:2}", [], ['e.className=`md-source__fact md-source__fact--${k}`'])
    assert out.strip() == ".md-source__fact--version{a:1}"


def test_only_the_selectors_a_page_can_match_stay_in_a_list():
    assert purged(".a,.gone,.b{x:1}", ['<i class="a b">']).strip() == ".a,.b{x:1}"


def test_a_list_with_a_vendor_pseudo_is_kept_whole_so_a_browser_still_drops_what_it_cannot_read():
    """Chrome ignores a whole rule with a selector it does not know; keeping only the known part would
    switch the rule on."""
    assert purged(".a,.gone::-moz-selection{x:1}", ['<i class="a">']).strip() == ".a,.gone::-moz-selection{x:1}"


def test_classes_inside_not_or_is_do_not_count():
    css = ".a:not(.gone){x:1}:is(.a,.gone){y:2}.gone{z:3}"
    assert purged(css, ['<i class="a">']).strip() == ".a:not(.gone){x:1}:is(.a,.gone){y:2}"


def test_exact_attribute_values_must_be_on_a_page_or_quoted_in_a_script():
    css = ("[data-md-color-primary=pink]{a:1}[data-md-color-primary=custom]{b:2}[data-md-state=lock]{c:3}"
           '[title="a&b"]{d:4}[type=A]{e:5}[dir=rtl]{f:6}')
    pages = ['<body data-md-color-primary="custom" title="a&amp;b"><input type="a">']
    out = purged(css, pages, ['x.setAttribute("data-md-state","lock")'])
    assert out.strip() == '[data-md-color-primary=custom]{b:2}[data-md-state=lock]{c:3}[title="a&b"]{d:4}[type=A]{e:5}'


def test_at_rules_are_kept_and_each_block_stays_its_own():
    css = ("@charset \"UTF-8\";@font-face{font-family:x}@keyframes k{0%{a:1}}"
           "@media screen{.a{x:1}.gone{x:2}}@media screen{.a{y:1}}"
           "@layer{.a{z:1}}@layer{.a{w:1}}.gone{v:1}@layer{.a{u:1}}"
           "@supports (display:grid){@media print{.a{t:1}.gone{s:1}}}@media print{.gone{r:1}}")
    out = purged(css, ['<i class="a">'])
    assert out.strip() == ("@charset \"UTF-8\";@font-face{font-family:x}@keyframes k{0%{a:1}}"
                           "@media screen{.a{x:1}}@media screen{.a{y:1}}"
                           "@layer{.a{z:1}}@layer{.a{w:1}}@layer{.a{u:1}}"
                           "@supports (display:grid){@media print{.a{t:1}}}")


def test_strings_comments_and_escapes_are_cut_as_written():
    css = '.a:after{content:"}{/*"}/* .gone{x} */.a\\}b{x:1}.a[title~=\'a,b\'],.gone{y:url("x{y}")}'
    out = purged(css, ['<i class="a a}b">'])
    assert out.strip() == '.a:after{content:"}{/*"}.a\\}b{x:1}.a[title~=\'a,b\']{y:url("x{y}")}'


def test_an_unclosed_block_stops_with_a_sentence():
    with pytest.raises(ValueError, match="never closed"):
        unused_css.rules(".a{x:1")


def test_scripts_a_page_loads_and_inline_ones_count():
    usage = unused_css.usage(['<script>document.body.classList.add("md-inline")</script>'], [], set())
    assert usage.knows_class("md-inline") and not usage.knows_class("md-elsewhere")
    assert unused_css.script_sources('<script src="../a.js"></script><script defer src=\'/b.js\'>') == ["../a.js", "/b.js"]


def test_the_parse_is_cached_and_read_back_the_same(tmp_path):
    css = MATERIAL_CSS[0].read_text(encoding="utf-8")
    first = unused_css.cached_rules(css, tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 1
    assert unused_css.cached_rules(css, tmp_path) == first == unused_css.rules(css)
