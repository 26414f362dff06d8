"""Our stylesheets and scripts on the built site (hooks/assets.py, macros/assets.py): each page loads
one stylesheet and one script of ours, the worksheet pair only where a worksheet form or the safety
page's saved-answers choices are, and the bundles hold every rule and every script of the sources
listed in mkdocs.yml."""
from __future__ import annotations

import re
import subprocess
from collections import Counter

import tinycss2
import yaml

from macros import assets
from tests.support import DOCS, ROOT

OURS = re.compile(r"assets/closer/[^\"']+")


def sources(option: str) -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return [item if isinstance(item, str) else item["path"] for item in config[option]]


def rules(css: str) -> Counter:
    """Every rule as (the at-rules around it, its selector, its declarations), whitespace and comments
    dropped, so a source rule and its minified copy compare equal."""
    found: Counter = Counter()

    def squeeze(tokens) -> str:
        text = tinycss2.serialize(t for t in tokens if t.type != "comment")
        return re.sub(r"\s+", "", text).rstrip(";")

    def walk(nodes, around: str) -> None:
        for node in nodes:
            if node.type == "qualified-rule":
                found[(around, squeeze(node.prelude), squeeze(node.content))] += 1
            elif node.type == "at-rule" and node.content is not None:
                inner = tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True)
                if any(n.type == "qualified-rule" or n.type == "at-rule" for n in inner):
                    walk(inner, around + f"@{node.lower_at_keyword}{squeeze(node.prelude)}")
                else:
                    found[(around, f"@{node.lower_at_keyword}{squeeze(node.prelude)}", squeeze(node.content))] += 1
    walk(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), "")
    return found


def ours(site, page) -> list[str]:
    soup = site.soup(page)
    tags = soup.select('link[rel="stylesheet"]') + soup.select("script[src]")
    return [OURS.search(t.get("href") or t.get("src")).group(0) for t in tags if OURS.search(t.get("href") or t.get("src"))]


def bundle_files(site) -> dict[str, str]:
    return {p.name.split(".")[0] + p.suffix: p.read_text(encoding="utf-8") for p in (site.root / "assets" / "closer").iterdir()}


def test_the_bundles_hold_every_rule_of_the_sources(site):
    built = bundle_files(site)
    css = sources("extra_css")
    assert len(css) >= 5, "mkdocs.yml lists the stylesheets"
    for name, paths in (("closer.css", [p for p in css if not assets.is_worksheet_source(p)]),
                        ("worksheets.css", [p for p in css if assets.is_worksheet_source(p)])):
        expected = sum((rules((DOCS / p).read_text(encoding="utf-8")) for p in paths), Counter())
        got = rules(built[name])
        assert expected and got == expected, f"{name}: missing {list((expected - got).items())[:3]}, extra {list((got - expected).items())[:3]}"


def test_the_script_bundles_hold_every_source_script_and_parse(site, tmp_path):
    built = bundle_files(site)
    for path in sources("extra_javascript"):
        name = "worksheets.js" if assets.is_worksheet_source(path) else "closer.js"
        assert assets.minify("js", (DOCS / path).read_text(encoding="utf-8")).strip().rstrip(";") in built[name], path
    for name in ("closer.js", "worksheets.js"):
        (tmp_path / name).write_text(built[name], encoding="utf-8")
        subprocess.run(["node", "--check", str(tmp_path / name)], check=True)


def test_sources_are_not_copied_into_the_site(site):
    for path in sources("extra_css") + sources("extra_javascript"):
        assert not (site.root / path).exists(), f"{path} was copied as well as bundled"


def test_worksheet_code_loads_only_where_it_is_needed(site):
    with_worksheets, without = [], []
    for page in site.pages:
        html = (site.root / page).read_text(encoding="utf-8")
        loaded = ours(site, page)
        common = [p for p in loaded if "/closer." in "/" + p]
        assert len([p for p in common if p.endswith(".css")]) == 1 and len([p for p in common if p.endswith(".js")]) == 1, page
        needs = 'class="ws-' in html or re.search(r'class="[^"]* ws-', html) or "data-closer-device" in html
        has = [p for p in loaded if "/worksheets." in "/" + p]
        (with_worksheets if has else without).append(str(page))
        assert bool(has) == bool(needs), f"{page}: worksheet bundle {'loaded without need' if has else 'missing'}"
        if has:
            assert len(has) == 2
    assert "safety/index.html" in with_worksheets, "the safety page's 'erase all my answers' needs worksheets.js"
    assert sum(p.startswith("worksheets/") and p != "worksheets/index.html" for p in with_worksheets) >= 20
    assert "index.html" in without and "glossary/index.html" in without and len(without) > 50


def test_every_page_has_the_answers_store_for_the_quick_exit(site):
    """quick-exit.js erases saved answers on the way out on every page: window.closerAnswers must be there."""
    assert "window.closerAnswers=answers" in bundle_files(site)["closer.js"].replace(" ", "")
