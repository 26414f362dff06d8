"""The editions' pure functions on small made-up sites (no build): addresses of moved pages, links that
open files, what counts as loading from another host, and the generated header and redirect files."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros import csp
from macros.content.errors import DataError
from macros.editions import __main__ as editions, headers, offline, project, redirects
from tests.support import project as content_model


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><div class="md-container">{body}</div></body></html>'


def page(body: str = "", scripts: str = "") -> str:
    return csp.with_policy(PAGE.format(body=body + scripts))


@pytest.mark.parametrize("src, address", [
    ("help.md", "/help/"), ("safety/index.md", "/safety/"), ("index.md", "/"),
    ("practices/old.md", "/practices/old/"), ("practices/new.md#how-to-do-it", "/practices/new/#how-to-do-it"),
    ("https://example.org/x", "https://example.org/x"),
])
def test_address_of_a_source_file(src, address):
    assert redirects.address_of(src) == address


def test_a_redirect_covers_the_address_with_and_without_its_slash_and_as_a_file():
    [rule] = redirects.from_maps({"help.md": "safety/index.md"})
    assert rule.sources() == ["/help/", "/help", "/help/index.html"] and rule.new == "/safety/"


def test_mkdocs_yml_redirects_and_the_url_contract_are_read_as_the_build_reads_them():
    rules, contract = editions.settings()
    assert [(r.old, r.new) for r in rules] == [("/help/", "/safety/")]
    assert "helplines" in contract["pages"]["/help/"]


def test_redirect_maps_must_map_files_to_files():
    assert project.redirect_maps({"redirects": {"redirect_maps": {"a.md": "b.md"}}}) == {"a.md": "b.md"}
    assert project.redirect_maps({"material/search": {}}) == {}
    with pytest.raises(DataError, match="redirect_maps must map old page files"):
        project.redirect_maps({"redirects": {"redirect_maps": ["a.md"]}})


def test_links_to_folders_are_pointed_at_their_index_but_scripts_are_left_alone(tmp_path):
    write(tmp_path, "safety/index.html", "x")
    html = ('<a href="../safety/">a</a> <a href="../safety/#helplines">b</a> <a href="https://x.org/">c</a>'
            '<a href="#top">d</a> <a href="mirroring.pdf">e</a>'
            '<script>var s = \'<a href="../safety/">\';</script>')
    out = offline.file_links(html, tmp_path / "practices" / "p.html", tmp_path)
    assert '<a href="../safety/index.html">a</a>' in out
    assert '<a href="../safety/index.html#helplines">b</a>' in out
    assert '<a href="https://x.org/">c</a>' in out and '<a href="#top">d</a>' in out and 'href="mirroring.pdf"' in out
    assert "<script>var s = '<a href=\"../safety/\">';</script>" in out


def test_a_clean_edition_has_no_problems(tmp_path):
    write(tmp_path, "index.html", '<link rel="stylesheet" href="s.css"><link rel="canonical" href="https://closer-guide.org/">'
                                  '<a href="https://www.helpline.example/">help</a><img src="data:image/png;base64,AA==">')
    write(tmp_path, "s.css", 'a { background: url("data:image/svg+xml;x") } b { background: url(i.svg) }')
    write(tmp_path, "i.svg", "<svg/>")
    assert offline.problems(tmp_path, "closer") == []


@pytest.mark.parametrize("html, says", [
    ('<script src="https://unpkg.com/iframe-worker/shim"></script>', 'loads from another host (unpkg.com)'),
    ('<link rel="stylesheet" href="//fonts.googleapis.com/css">', 'loads from another host (fonts.googleapis.com)'),
    ('<img srcset="a.png 1x, https://cdn.example/b.png 2x">', 'loads from another host (cdn.example)'),
    ('<a href="/safety/">help</a>', 'starts from the root of a server'),
    ('<a href="practices/gone.html">x</a>', 'points to a file the offline edition does not have'),
    ('<a href="practices/">x</a>', 'points to a file the offline edition does not have'),
    ('<p style="background: url(https://x.example/a.png)">x</p>', 'loads from another host (x.example)'),
])
def test_what_the_offline_edition_refuses(tmp_path, html, says):
    write(tmp_path, "index.html", html)
    write(tmp_path, "a.png", "")
    (tmp_path / "practices").mkdir()
    [problem] = offline.problems(tmp_path, "closer")
    assert problem.startswith("closer/index.html: ") and says in problem


def test_a_stylesheet_importing_from_another_host_is_refused(tmp_path):
    write(tmp_path, "index.html", "")
    write(tmp_path, "css/a.css", '@import "https://fonts.example/f.css";')
    with pytest.raises(DataError, match=r"^closer/css/a.css: url\(https://fonts.example/f.css\) loads from another host"):
        offline.check(tmp_path, "closer")


def test_the_zip_holds_one_folder(tmp_path):
    import zipfile
    write(tmp_path / "e", "index.html", "x")
    write(tmp_path / "e", "a/b.pdf", "%PDF")
    offline.write_zip(tmp_path / "e", tmp_path / "out.zip")
    assert sorted(zipfile.ZipFile(tmp_path / "out.zip").namelist()) == ["closer/a/b.pdf", "closer/index.html"]


def site_with_moved_page(tmp_path: Path, moved_by_hand: bool = False) -> Path:
    write(tmp_path, "index.html", page("home"))
    write(tmp_path, "safety/index.html", page('<h2 id="helplines">Helplines</h2>'))
    forward = ('<!doctype html><html><head><meta charset="utf-8"><link rel="canonical" href="../safety/">'
               '<meta http-equiv="refresh" content="0; url=../safety/"><script>window.location.hash</script></head></html>')
    write(tmp_path, "help/index.html", forward)
    if moved_by_hand:
        write(tmp_path, "old-help/index.html", forward)
    return tmp_path


CONTRACT = {"pages": {"/": [], "/safety/": ["helplines"], "/help/": ["helplines"]}, "files": []}


def test_every_moved_page_has_its_301(tmp_path):
    site = site_with_moved_page(tmp_path)
    redirects.check(site, redirects.from_maps({"help.md": "safety/index.md"}), CONTRACT, "dist/site")


def test_forwarding_pages_with_a_301_are_dropped_and_others_kept(tmp_path):
    site = site_with_moved_page(tmp_path)
    rules = redirects.from_maps({"help.md": "safety/index.md", "safety.md": "index.md"})
    assert redirects.drop_forwarding_pages(site, rules) == ["help/index.html"]
    assert not (site / "help").exists() and (site / "safety" / "index.html").is_file()


def test_a_forwarding_page_without_a_301_is_refused(tmp_path):
    site = site_with_moved_page(tmp_path, moved_by_hand=True)
    with pytest.raises(DataError, match=r"^dist/site/old-help/index.html: the moved page /old-help/ forwards to /safety/ "
                                        r"by a page of its own, but _redirects has no 301 for it"):
        redirects.check(site, redirects.from_maps({"help.md": "safety/index.md"}), CONTRACT, "dist/site")


def test_a_promised_address_that_is_no_page_needs_a_301(tmp_path):
    site = site_with_moved_page(tmp_path)
    (site / "help" / "index.html").unlink()
    with pytest.raises(DataError, match=r"^data/urls.yml: /help/ is promised but is no page of the build and has no 301"):
        redirects.check(site, [], CONTRACT, "dist/site")


def test_a_redirect_to_a_page_the_build_lacks_is_refused(tmp_path):
    site = site_with_moved_page(tmp_path)
    rules = redirects.from_maps({"help.md": "safety/index.md", "old.md": "gone.md"})
    with pytest.raises(DataError, match=r"^mkdocs.yml: redirect_maps entry 'old.md: gone.md' sends /old/ to /gone/"):
        redirects.check(site, rules, CONTRACT, "dist/site")


def test_each_page_policy_is_read_back_and_gains_frame_ancestors(tmp_path):
    write(tmp_path, "index.html", page(scripts="<script>var a = 1;</script>"))
    write(tmp_path, "x/index.html", page(scripts="<script>var b = 2;</script>"))
    found = {p.address: p for p in headers.pages(tmp_path, "site")}
    assert set(found) == {"/", "/x/"} and found["/x/"].file == "/x/index.html"
    assert found["/"].policy != found["/x/"].policy
    assert found["/"].policy == csp.policy_for((tmp_path / "index.html").read_text()) + "; frame-ancestors 'none'"


def test_a_page_changed_after_its_policy_was_written_is_refused(tmp_path):
    path = write(tmp_path, "index.html", page(scripts="<script>var a = 1;</script>"))
    path.write_text(path.read_text().replace("var a = 1;", "var a = 2;"))
    with pytest.raises(DataError, match=r"^site/index.html: its Content-Security-Policy does not hash its inline scripts"):
        headers.pages(tmp_path, "site")


def test_a_page_without_a_policy_is_refused(tmp_path):
    write(tmp_path, "index.html", PAGE.format(body=""))
    with pytest.raises(DataError, match=r"^site/index.html: has no Content-Security-Policy <meta> tag"):
        headers.pages(tmp_path, "site")


def test_the_headers_file_sets_each_header_once_for_any_path(tmp_path):
    write(tmp_path, "index.html", page())
    pages = headers.pages(tmp_path, "site")
    text = headers.headers_file(pages, ["/assets/javascripts/bundle.a5f9d56c.min.js"])
    rules, current = {}, None
    for line in text.splitlines():
        if line.startswith("/"):
            current = line
            rules[current] = []
        elif line.startswith("  ") and current:
            rules[current].append(line.split(":", 1)[0].strip())
    assert rules["/*"] == ["Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy",
                           "X-Frame-Options", "Permissions-Policy"]
    assert rules["/"] == ["Content-Security-Policy", "Cache-Control"]
    assert rules["/assets/javascripts/bundle.a5f9d56c.min.js"] == ["Cache-Control"]
    assert "Cache-Control: public, max-age=31536000, immutable" in text


def test_only_hashed_material_assets_count_as_hashed(tmp_path):
    for rel in ("assets/javascripts/bundle.a5f9d56c.min.js", "assets/stylesheets/main.57a0d79d.min.css.map",
                "assets/javascripts/lunr/tinyseg.js", "assets/favicon.svg", "stylesheets/closer.css"):
        write(tmp_path, rel, "x")
    assert headers.hashed_assets(tmp_path) == ["/assets/javascripts/bundle.a5f9d56c.min.js",
                                               "/assets/stylesheets/main.57a0d79d.min.css.map"]


def test_the_nginx_config_refuses_a_value_it_cannot_quote():
    bad = headers.Page("/index.html", "/", 'script-src "x"')
    with pytest.raises(DataError, match="cannot be written into nginx.conf"):
        headers.nginx_conf([bad], [], [])


def test_each_pdf_is_the_same_in_both_editions_and_lies_beside_its_page(tmp_path):
    """The offline edition (no directory URLs) writes the site's very PDFs, so both builds share one cache
    entry (the same Job.key; a second key would replace the first each time) and each PDF sits where its
    page's '<id>.pdf' link finds it."""
    from macros.cards import render as cards
    from macros.therapists import packets
    from macros.worksheets import pdf as worksheet_pdf

    c = content_model()
    w, concern, deck = next(iter(c.worksheets.values())), c.concerns[0], next(iter(c.decks.values()))
    makers = [
        (lambda d: worksheet_pdf.job(w, c.practices[w.practice].title, c.site_url, c.helplines, c.worksheet_css, tmp_path, directory_urls=d),
         f"worksheets/{w.id}/{w.id}.pdf", f"worksheets/{w.id}.pdf"),
        (lambda d: packets.job(c, concern, c.worksheet_css, tmp_path, directory_urls=d),
         f"therapists/packets/{concern.id}/{concern.id}.pdf", f"therapists/packets/{concern.id}.pdf"),
        (lambda d: cards.job(c, deck, tmp_path, d), f"cards/{deck.id}/{deck.id}.pdf", f"cards/{deck.id}.pdf"),
    ]
    for make, on_site, offline_file in makers:
        site_job, offline_job = make(True), make(False)
        assert site_job.key == offline_job.key, on_site
        assert site_job.target == tmp_path / on_site and offline_job.target == tmp_path / offline_file


def test_raw_html_links_to_the_safety_page_open_from_either_edition():
    from macros.cards import render as cards
    from macros.worksheets import page as worksheet_page

    c = content_model()
    w, deck = next(iter(c.worksheets.values())), next(iter(c.decks.values()))
    title = c.practices[w.practice].title
    assert 'href="../../safety/#online-safety"' in worksheet_page.page_body(w, title, c.site_url, c.helplines)
    assert 'href="../safety/index.html#online-safety"' in worksheet_page.page_body(w, title, c.site_url, c.helplines, False)
    assert 'href="../../safety/#online-safety"' in cards.deck_html(deck)
    assert 'href="../safety/index.html#online-safety"' in cards.deck_html(deck, False)
