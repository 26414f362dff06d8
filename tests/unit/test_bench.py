"""The pure parts of `make bench`: arithmetic, the table, the stock config, macro rendering, log parsing."""
from __future__ import annotations

import gzip
import random
import urllib.request

import pytest

from bench import lighthouse, pdfs, scale, stats, stock
from bench.__main__ import summary_rows
from bench.server import serve
from macros.content.errors import DataError
from macros.content.markdown import front_matter
from macros.content.pages import validate_meta
from mkdocs.utils.meta import get_data

REAL_CONFIG = """
site_name: Closer
site_url: https://example.org/
strict: true
theme:
  name: material
  custom_dir: overrides
  font: false
  features: [navigation.sections, toc.follow]
extra_css: [stylesheets/closer.css]
plugins:
  - search
  - tags:
      tags_sort_by: !!python/name:macros.practices.tag_order
  - macros:
      module_name: macros
hooks: [hooks/glossary.py]
markdown_extensions:
  - attr_list
  - toc:
      permalink: true
nav:
  - Home: index.md
"""


# --- arithmetic ----------------------------------------------------------------------------------

def test_median_of_odd_and_even_counts():
    assert stats.median([3.0, 1.0, 2.0]) == 2.0
    assert stats.median([4.0, 1.0, 2.0, 3.0]) == 2.5


def test_median_of_nothing_is_an_error():
    with pytest.raises(ValueError):
        stats.median([])


def test_ratio_share_and_growth():
    assert stats.ratio(5.0, 4.0) == 1.25
    assert stats.share(1.0, 8.0) == 12.5
    # 10 s at 100 pages, 28 s at 1,000 pages: 0.02 s for each added page
    assert stats.growth((100, 10.0), (1000, 28.0)) == pytest.approx(0.02)


@pytest.mark.parametrize("call", [lambda: stats.ratio(1.0, 0.0), lambda: stats.share(1.0, 0.0),
                                  lambda: stats.growth((100, 1.0), (100, 2.0))])
def test_arithmetic_refuses_a_meaningless_baseline(call):
    with pytest.raises(ValueError):
        call()


def test_verdict_both_ways_and_without_a_figure():
    assert stats.verdict(1.2, 1.25) == "ok"
    assert stats.verdict(1.3, 1.25) == "MISS"
    assert stats.verdict(100, 100, higher_is_better=True) == "ok"
    assert stats.verdict(99, 100, higher_is_better=True) == "MISS"
    assert stats.verdict(None, 1.0) == "n/a"


# --- the table -----------------------------------------------------------------------------------

def test_table_aligns_columns_and_right_aligns_numbers():
    table = stats.format_table(("name", "seconds"), [("real", 12.5), ("stock", 9.25)])
    lines = table.splitlines()
    assert lines[0].split() == ["name", "seconds"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].endswith("12.5") and lines[3].endswith("9.25")
    assert len({len(line) for line in lines}) == 1  # every line as wide as the widest


def test_table_rejects_a_short_row():
    with pytest.raises(ValueError):
        stats.format_table(("a", "b"), [("only one",)])


def test_summary_marks_a_missed_target():
    report = {"build": {"ratio_cpu": 1.4, "ratio_wall": 1.2, "target_ratio": 1.25,
                        "median_cpu_s": {"real": 7.0, "stock": 5.0}, "median_wall_s": {"real": 9.0, "stock": 7.5}}}
    rows = {row[1]: row for row in summary_rows(report)}
    assert rows["real / stock, CPU (median)"][4] == "MISS"
    assert rows["real / stock, wall (median)"][4] == "ok"


# --- the stock config and the Markdown it builds ---------------------------------------------------

def test_stock_config_keeps_the_look_and_drops_our_machinery():
    config = stock.stock_config(stock.read_config(REAL_CONFIG))
    assert config["theme"] == {"name": "material", "font": False, "features": ["navigation.sections", "toc.follow"]}
    assert config["plugins"] == [{"search": {"lang": "en"}}]
    assert config["markdown_extensions"] == ["attr_list", {"toc": {"permalink": True}}]
    assert config["docs_dir"] == stock.STOCK_DOCS
    for ours in ("hooks", "extra_css", "nav", "strict"):
        assert ours not in config
    assert "custom_dir" not in config["theme"]


def test_strip_macros_removes_calls_and_counts_them():
    text, count = stock.strip_macros('Intro\n\n{{ section("what-it-is") }}\n\nText {% if x %}y{% endif %}.')
    assert count == 3
    assert "{{" not in text and "{%" not in text and "Intro" in text


def test_macro_renderer_runs_our_macros_and_strips_only_a_failing_page(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(REAL_CONFIG, encoding="utf-8")

    def define_env(env):
        @env.macro
        def where() -> str:
            return f"{env.page.file.src_uri} ({env.page.meta['title']}, {env.conf['site_url']})"

        @env.macro
        def broken() -> str:
            raise DataError("no such thing")

    renderer = stock.MacroRenderer(config, define_env)
    good = renderer.render("a/b.md", "---\ntitle: B\n---\n\nOn {{ where() }}. {## a comment ##}\n")
    assert good.startswith("---\ntitle: B\n---\n")
    assert "On a/b.md (B, https://example.org/)." in good and "comment" not in good
    assert renderer.stripped == 0
    bad = renderer.render("c.md", "---\ntitle: C\n---\n\nText {{ broken() }} end.\n")
    assert "Text  end." in bad
    assert renderer.stripped == 1


# --- the scale site ------------------------------------------------------------------------------

def test_generated_scale_page_passes_our_front_matter_checks(content):
    rng = random.Random(1)
    markdown = scale.page_markdown(rng, ["stonewalling", "emotional bid"], 7, "seed-000")
    body, meta = get_data(markdown)
    uri = f"{scale.SCALE_DIR}/page-0007.md"
    assert front_matter(f"docs/{uri}", markdown)[0] == meta
    assert validate_meta(f"docs/{uri}", uri, meta, content.kinds, content.sources)[0].id == "seed-000"
    assert body.count("\n## ") == 6
    assert 700 < len(body.split()) < 1200


# --- log and report parsing ------------------------------------------------------------------------

def test_pdf_figures_read_the_worksheet_and_handout_hook_lines():
    log = ("INFO    -  Worksheet PDFs: 20 written, 3 rendered anew, in 4.2 s\n"
           "INFO    -  Handout PDFs: 16 written, 0 rendered anew, in 0.1 s\nINFO    -  Documentation built in 9 seconds")
    assert pdfs.pdf_figures(log) == {"pdfs": 20, "rendered": 3, "pdf_s": 4.2,
                                     "handout_pdfs": 16, "handout_rendered": 0, "handout_pdf_s": 0.1}
    assert pdfs.pdf_figures("INFO - Documentation built in 9 seconds") == {}


def test_lighthouse_summary_lists_failing_scored_audits_and_other_hosts():
    def audit(score, title):
        return {"score": score, "title": title, "displayValue": "x", "numericValue": 1200.4}

    categories = {key: {"score": 1, "auditRefs": []} for key in lighthouse.CATEGORIES}
    categories["seo"] = {"score": 0.92, "auditRefs": [{"id": "meta-description", "weight": 1},
                                                      {"id": "structured-data", "weight": 0}]}
    report = {
        "categories": categories,
        "audits": {"meta-description": audit(0, "Has a meta description"), "structured-data": audit(0, "Manual"),
                   "first-contentful-paint": audit(0.9, "FCP"),
                   "network-requests": {"details": {"items": [{"url": "http://127.0.0.1:9/"},
                                                              {"url": "https://fonts.example/x.woff2"},
                                                              {"url": "data:image/png;base64,AA"}]}}},
    }
    summary = lighthouse.summarise(report, "127.0.0.1:9")
    assert summary["scores"]["seo"] == 92
    assert [f["audit"] for f in summary["failing"]] == ["meta-description"]
    assert summary["other_hosts"] == ["https://fonts.example/x.woff2"]
    assert summary["metrics"] == {"fcp_ms": 1200}


# --- the local server ----------------------------------------------------------------------------

def test_server_gzips_text_only_when_asked(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hello</p>" * 200, encoding="utf-8")
    with serve(tmp_path) as (base, requested):
        zipped = urllib.request.urlopen(urllib.request.Request(base + "page/", headers={"Accept-Encoding": "gzip"}))
        assert zipped.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(zipped.read()).decode() == "<p>hello</p>" * 200
        plain = urllib.request.urlopen(base + "page/")
        assert plain.headers["Content-Encoding"] is None and len(plain.read()) == 2400
    assert requested == ["/page/", "/page/"]


def test_summary_puts_stock_material_beside_each_lighthouse_and_weight_figure():
    scores = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
    stock_scores = {**scores, "performance": 100, "accessibility": 88}
    page = {"path": "/a/", "transfer_kib": 82.0}
    report = {
        "lighthouse": {"target": 100, "runs": [
            {"site": "real", "page": "article", "form_factor": "mobile", "scores": scores},
            {"site": "stock", "page": "article", "form_factor": "mobile", "scores": stock_scores}]},
        "weight": {"target_article_kib": 100, "pages": {"article": page},
                   "stock_pages": {"article": {**page, "transfer_kib": 163.2}}},
    }
    rows = summary_rows(report)
    assert [r[0] for r in rows] == ["weight", "lighthouse"]  # one row per real page, stock alongside
    assert rows[0][2:] == ("82.0 (163.2)", "<= 100", "ok")
    assert rows[1][2:] == ("98/100/100/100 (100/88/100/100)", "100 each", "MISS")
