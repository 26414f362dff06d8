"""The published-URL contract (data/urls.yml) holds for the built site, and every linkable heading
carries a "copy link to this section" button.

Negative cases run the same checker over a modified copy of the built site: a page removed without a
redirect, a page nobody registered, a redirect that loses the anchor, and a page moved with a
redirect written by mkdocs-redirects itself, which must keep every promise.
"""
from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs_redirects.plugin import write_html

from mkdocs.exceptions import PluginError

from macros.content.errors import DataError
from macros.urls import __main__ as urls_cli, contract as urls_contract, scan as urls_scan
from tests.support import DOCS, address, project

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def contract() -> dict:
    return project().urls


class _Config(dict):
    """Enough of MkDocs' config for a post-build hook: the site folder, and the content model it carries."""

    closer_content = None


def build_config(site_dir: Path) -> _Config:
    config = _Config(site_dir=str(site_dir))
    config.closer_content = project()
    return config


@pytest.fixture
def site_copy(site, tmp_path) -> Path:
    """The built pages and files, without the theme's assets, to break on purpose."""
    dest = tmp_path / "site"
    shutil.copytree(site.root, dest, ignore=shutil.ignore_patterns("assets", "search", "*.js", "*.css", "*.svg"))
    return dest


def address_of(md: Path) -> str:
    """The address as data/urls.yml writes it, from the root: "/", "/safety/"."""
    return "/" + address(md)


# --- the real site -------------------------------------------------------------------------------

def test_the_built_site_keeps_every_promise(site, contract):
    problems = urls_contract.check(site.root, contract)
    assert not problems, "data/urls.yml is broken by this build (`make urls` explains):\n" + "\n".join(problems)


def test_every_section_of_the_build_is_registered(site, contract):
    additions = urls_contract.missing(site.root, contract)
    assert additions == {"pages": {}, "files": []}, (
        f"the build has addresses or anchors data/urls.yml does not list; run `make urls-add` and review the diff: {additions}"
    )


def test_the_contract_promises_every_required_section(contract):
    """Each pillar, barrier, approach and practice page promises its required sections by id."""
    checked = 0
    for md in sorted(DOCS.rglob("*.md")):
        meta = project().pages[md.relative_to(DOCS).as_posix()].meta
        required = [s.id for s in (project().kinds[meta.get("kind")].sections if meta.get("kind") in project().kinds else ())]
        if required:
            promised = contract["pages"].get(address_of(md), [])
            assert set(required) <= set(promised), f"{address_of(md)}: expected {required} in data/urls.yml, found {promised}"
            checked += 1
    assert checked >= 30


def test_the_contract_promises_the_sections_people_send(contract):
    pages = contract["pages"]
    assert {"not-the-first-step", "helplines", "crisis", "online-safety"} <= set(pages["/safety/"])
    signs = [a for a in pages["/approaches/when-to-seek-help/"] if a.startswith("sign-")]
    assert len(signs) >= 5, f"expected the five signs on when-to-seek-help, found {signs}"
    slugs = [t["slug"] for t in yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))]
    missing = sorted(set(slugs) - set(pages["/glossary/"]))
    assert len(slugs) >= 40 and not missing, f"glossary terms not promised in data/urls.yml: {missing}"


def test_the_short_help_address_redirects_and_keeps_the_anchor(site, contract):
    page = urls_scan.BuiltPage(site.root / "help" / "index.html")
    assert page.redirect_to == "../safety/" and page.keeps_hash
    assert "helplines" in contract["pages"]["/help/"]


def headings_without_an_id(markdown: str) -> list[str]:
    """Hand-written h2-h6 headings outside code fences that lack an explicit {#id}."""
    found, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"#{2,6} ", line) and not re.search(r"\{#[^}]+\}\s*$", line):
            found.append(line)
    return found


def test_every_written_heading_has_an_explicit_id():
    """An id derived from wording changes when the wording does; people link to these headings."""
    missing = {str(md.relative_to(ROOT)): h for md in sorted(DOCS.rglob("*.md"))
               if (h := headings_without_an_id(md.read_text(encoding="utf-8")))}
    assert not missing, f"give these headings an explicit id, e.g. '## Helplines {{#helplines}}': {missing}"
    assert headings_without_an_id("## Helplines\n```\n## in code\n```\n## Kept {#kept}\n") == ["## Helplines"]


# --- negative cases over a modified copy ---------------------------------------------------------

def test_a_page_removed_without_a_redirect_is_named(site_copy, contract):
    shutil.rmtree(site_copy / "practices" / "mirroring")
    problems = urls_contract.check(site_copy, contract)
    assert problems == [
        "/practices/mirroring/: promised in data/urls.yml, but the build has no page there; "
        "restore it or add a redirect (mkdocs.yml, plugins: redirects: redirect_maps)"
    ]


def test_a_page_nobody_registered_is_named(site_copy, contract):
    (site_copy / "practices" / "new-practice").mkdir()
    shutil.copy(site_copy / "practices" / "mirroring" / "index.html", site_copy / "practices" / "new-practice" / "index.html")
    assert urls_contract.check(site_copy, contract) == [
        "/practices/new-practice/: the build has this page, but data/urls.yml does not list it; register it (make urls prints the line)"
    ]
    assert urls_contract.missing(site_copy, contract)["pages"]["/practices/new-practice/"][:4] == [
        "what-it-is", "why-it-helps", "time-needed", "how-to-do-it"]


def test_a_moved_page_with_a_redirect_keeps_every_promise(site_copy, contract):
    """mkdocs-redirects' own writer: its page keeps window.location.hash, so #how-to-do-it survives."""
    old, new = site_copy / "practices" / "mirroring", site_copy / "practices" / "mirroring-and-validation"
    old.rename(new)
    write_html(str(site_copy), "practices/mirroring/index.html", "../mirroring-and-validation/")
    moved = {"pages": {**contract["pages"], "/practices/mirroring-and-validation/": contract["pages"]["/practices/mirroring/"]},
             "files": contract["files"]}
    assert urls_contract.check(site_copy, moved) == []
    assert "window.location.hash" in (old / "index.html").read_text(encoding="utf-8")


def test_a_redirect_to_a_page_without_the_anchors_is_named(site_copy, contract):
    shutil.rmtree(site_copy / "practices" / "mirroring")
    write_html(str(site_copy), "practices/mirroring/index.html", "../../about/")
    problems = urls_contract.check(site_copy, contract)
    assert "/practices/mirroring/#how-to-do-it: promised in data/urls.yml, but the page (redirected to /about/) has no element with id 'how-to-do-it'" in problems


def test_a_redirect_that_drops_the_anchor_is_named(site_copy, contract):
    shutil.rmtree(site_copy / "practices" / "mirroring")
    (site_copy / "practices" / "mirroring").mkdir()
    (site_copy / "practices" / "mirroring" / "index.html").write_text(
        '<html><head><meta http-equiv="refresh" content="0; url=../active-listening/"></head></html>', encoding="utf-8")
    assert urls_contract.check(site_copy, contract) == [
        "/practices/mirroring/: redirects without keeping the #anchor, so promised section links would break"]


def test_adding_entries_never_removes_one(contract):
    merged = urls_contract.add({"pages": {"/gone/": ["kept"]}, "files": ["/old.pdf"]}, {"pages": {"/new/": ["a"]}, "files": []})
    assert merged == {"pages": {"/gone/": ["kept"], "/new/": ["a"]}, "files": ["/old.pdf"]}
    assert project().urls == contract


def test_the_contract_file_rejects_a_malformed_entry():
    with pytest.raises(DataError, match="^data/urls.yml: page address 'practices/mirroring/' must start with '/'"):
        urls_contract.load({"pages": {"practices/mirroring/": ["how-to-do-it"]}})
    with pytest.raises(DataError, match="^data/urls.yml: page '/practices/mirroring/': an anchor is listed twice"):
        urls_contract.load({"pages": {"/practices/mirroring/": ["how-to-do-it", "how-to-do-it"]}})


def test_make_urls_prints_what_is_missing_and_writes_nothing(site_copy, capsys):
    before = urls_cli.CONTRACT.read_text(encoding="utf-8")
    (site_copy / "practices" / "new-practice").mkdir()
    shutil.copy(site_copy / "practices" / "mirroring" / "index.html", site_copy / "practices" / "new-practice" / "index.html")
    assert urls_cli.main([str(site_copy)]) == 0
    out = capsys.readouterr().out
    assert "/practices/new-practice/: [what-it-is, why-it-helps, time-needed, how-to-do-it" in out
    assert urls_cli.CONTRACT.read_text(encoding="utf-8") == before


def test_make_urls_fails_on_a_broken_promise(site_copy, capsys):
    shutil.rmtree(site_copy / "practices" / "mirroring")
    assert urls_cli.main([str(site_copy)]) == 1
    assert "BROKEN PROMISE /practices/mirroring/" in capsys.readouterr().err


# --- the copy-link control -----------------------------------------------------------------------

def copylink_hook():
    spec = importlib.util.spec_from_file_location("copylink_hook", ROOT / "hooks" / "copylink.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_linkable_heading_has_a_copy_link_button(site):
    checked, problems = 0, []
    for page in site.pages:
        for heading in site.soup(page).select("article h2, article h3, article h4, article h5, article h6"):
            if not heading.select_one("a.headerlink") or heading["id"].startswith(urls_scan.GENERATED_PREFIXES):
                continue
            if page.as_posix() == "glossary/index.html" and heading["id"].startswith("letter-"):
                assert not heading.select("button.closer-copylink"), f"a copy-link button on the letter {heading['id']}"
                continue
            buttons = heading.select("button.closer-copylink")
            words = BeautifulSoup(str(heading), "html.parser")
            for tag in words.select(".headerlink, button"):
                tag.decompose()
            expected = "Copy link to section: " + " ".join(words.get_text().split())
            if len(buttons) != 1:
                problems.append(f"{page}#{heading.get('id')}: expected one copy-link button, found {len(buttons)}")
                continue
            b = buttons[0]
            if (b.get("type"), b.get("data-closer-anchor"), b.get("aria-label")) != ("button", heading["id"], expected):
                problems.append(f"{page}#{heading['id']}: button {b.attrs} should have type=button, "
                                f"data-closer-anchor={heading['id']!r}, aria-label={expected!r}")
            checked += 1
    assert checked > 300 and not problems, "\n".join(problems)


def test_every_permalink_is_named_and_has_no_title(site):
    """No `title`, so no tooltip machinery (issue 18: it was most of the glossary's blocking time on a
    phone); an aria-label with the heading's words instead of the bare pilcrow."""
    checked, problems = 0, []
    for page in site.pages:
        for link in site.soup(page).select("a.headerlink"):
            heading = link.find_parent(["h1", "h2", "h3", "h4", "h5", "h6"])
            words = BeautifulSoup(str(heading), "html.parser")
            for tag in words.select(".headerlink, button"):
                tag.decompose()
            expected = "Link to section: " + " ".join(words.get_text().split())
            if link.has_attr("title") or link.get("aria-label") != expected:
                problems.append(f"{page}#{heading.get('id')}: permalink {link.attrs}, expected aria-label={expected!r} and no title")
            checked += 1
    assert checked > 400 and not problems, "\n".join(problems[:10])


def test_the_promised_practice_steps_have_the_button(site):
    heading = site.soup(Path("practices/mirroring/index.html")).select_one("h2#how-to-do-it")
    button = heading.select_one("button.closer-copylink")
    assert button["aria-label"] == "Copy link to section: How to do it" and button.has_attr("hidden")


def test_the_hook_adds_a_button_only_where_there_is_a_permalink():
    hook = copylink_hook()
    with_link = '<h2 id="a-b">A &amp; <em>B</em><a class="headerlink" href="#a-b" title="x">&para;</a></h2>'
    assert 'aria-label="Copy link to section: A &amp; B"' in hook.add_buttons(with_link)
    without = ('<h2 id="a-b">A</h2><h1 id="t">T<a class="headerlink" href="#t">&para;</a></h1>'
               '<h2 id="tag:trust">Trust<a class="headerlink" href="#tag:trust">&para;</a></h2>')
    assert "closer-copylink" not in hook.add_buttons(without)
    # Every permalink is named, those without a button too, and a heading without one is left alone.
    assert hook.add_buttons(without) == without.replace(
        '<a class="headerlink" href="#t">', '<a aria-label="Link to section: T" class="headerlink" href="#t">').replace(
        '<a class="headerlink" href="#tag:trust">', '<a aria-label="Link to section: Trust" class="headerlink" href="#tag:trust">')
    classed = '<h2 class="x" id="c">C<a class="headerlink" href="#c">&para;</a></h2>'
    assert 'data-closer-anchor="c"' in hook.add_buttons(classed)


def test_every_build_refuses_a_broken_promise(site_copy):
    """hooks/urls.py holds the contract at the end of each build, naming the first broken promise."""
    from hooks import urls as hook

    hook.on_post_build(build_config(site_copy))  # the real build keeps every promise
    shutil.rmtree(site_copy / "practices" / "mirroring")
    with pytest.raises(PluginError, match=r"^data/urls.yml: /practices/mirroring/: promised in data/urls.yml, but the build has no page"):
        hook.on_post_build(build_config(site_copy))


def test_a_page_not_yet_registered_does_not_stop_the_build(site_copy):
    """`make urls-add` builds first, so a new page must not stop the build; the test above catches it."""
    from hooks import urls as hook

    (site_copy / "practices" / "new-practice").mkdir()
    shutil.copy(site_copy / "practices" / "mirroring" / "index.html", site_copy / "practices" / "new-practice" / "index.html")
    hook.on_post_build(build_config(site_copy))
