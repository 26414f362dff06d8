"""Our stylesheets and scripts on the built site (hooks/assets.py, macros/assets.py): each page loads
one stylesheet and one script of ours, the worksheet pair only where a worksheet form or the safety
page's saved-answers choices are, the cards pair only on the decks, and the bundles hold every rule and every script of the sources
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
    names = {None: "closer", **{b: b for b in assets.PAGE_BUNDLES}}
    assert {assets.page_bundle_of(p) for p in css} == set(names), "every bundle has a stylesheet"
    for bundle, name in names.items():
        name += ".css"
        paths = [p for p in css if assets.page_bundle_of(p) == bundle]
        expected = sum((rules((DOCS / p).read_text(encoding="utf-8")) for p in paths), Counter())
        got = rules(built[name])
        assert expected and got == expected, f"{name}: missing {list((expected - got).items())[:3]}, extra {list((got - expected).items())[:3]}"


def test_the_script_bundles_hold_every_source_script_and_parse(site, tmp_path):
    built = bundle_files(site)
    for path in sources("extra_javascript"):
        name = (assets.page_bundle_of(path) or "closer") + ".js"
        assert assets.minify("js", (DOCS / path).read_text(encoding="utf-8")).strip().rstrip(";") in built[name], path
    for name in sorted(n for n in built if n.endswith(".js")):
        (tmp_path / name).write_text(built[name], encoding="utf-8")
        subprocess.run(["node", "--check", str(tmp_path / name)], check=True)


def test_sources_are_not_copied_into_the_site(site):
    for path in sources("extra_css") + sources("extra_javascript"):
        assert not (site.root / path).exists(), f"{path} was copied as well as bundled"


def test_page_bundles_load_only_where_they_are_needed(site):
    """The worksheet pair on worksheet forms and the safety page's choices; the cards pair on the decks."""
    markers = {
        "worksheets": lambda html: 'class="ws-' in html or re.search(r'class="[^"]* ws-', html) or "data-closer-device" in html,
        "cards": lambda html: re.search(r'class="(?:[^"]* )?closer-(?:card|deck)', html),
        "therapists": lambda html: re.search(r'class="(?:[^"]* )?closer-packet', html),
    }
    assert set(markers) == set(assets.PAGE_BUNDLES)
    loading = {name: [] for name in markers}
    without = []
    for page in site.pages:
        html = (site.root / page).read_text(encoding="utf-8")
        loaded = ours(site, page)
        common = [p for p in loaded if "/closer." in "/" + p]
        assert len([p for p in common if p.endswith(".css")]) == 1 and len([p for p in common if p.endswith(".js")]) == 1, page
        for name, needs in markers.items():
            has = [p for p in loaded if f"/{name}." in "/" + p]
            assert bool(has) == bool(needs(html)), f"{page}: {name} bundle {'loaded without need' if has else 'missing'}"
            files = [n for n in bundle_files(site) if n.startswith(f"{name}.")]
            assert len(has) in (0, len(files)), f"{page}: {has}, expected none or all of {files}"
            if has:
                loading[name].append(str(page))
        if len(loaded) == 2:
            without.append(str(page))
    assert "safety/index.html" in loading["worksheets"], "the safety page's 'erase all my answers' needs worksheets.js"
    assert sum(p.startswith("worksheets/") and p != "worksheets/index.html" for p in loading["worksheets"]) >= 20
    assert len(loading["cards"]) >= 8 and all(p.startswith("cards/") for p in loading["cards"])
    assert "cards/index.html" not in loading["cards"]
    assert len(loading["therapists"]) >= 20 and all(p.startswith("therapists/packets/") for p in loading["therapists"])
    assert "index.html" in without and "glossary/index.html" in without and len(without) > 50


def test_every_page_has_the_answers_store_for_the_quick_exit(site):
    """quick-exit.js erases saved answers on the way out on every page: window.closerAnswers must be there."""
    assert "window.closerAnswers=answers" in bundle_files(site)["closer.js"].replace(" ", "")
