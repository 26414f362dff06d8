"""2. Scale: the guide grown to 100, 400 and 1,000 pages and 200 glossary terms, real build against stock.

Generated pages (shaped like the guide's articles, about 900 words, glossary terms in the text) go into
docs/foundations/scale/ of a copy of the project, and made-up terms are added to its glossary up to 200.
Every copy shares one PDF cache, and the first size is built once untimed, so no timed build renders
PDFs (section 3 measures those). The real build runs through mkdocs-scale.yml (mkdocs.yml plus the
generated pages in the nav) under bench/breakdown.py, which times every plugin and hook event: the linker's share is the CPU time of
hooks/glossary.py's events (which call macros/glossary/linker.py) within that real build.
"""
from __future__ import annotations

import datetime
import json
import random
import shutil
from pathlib import Path

import yaml

from macros.content import model

from . import pdfs, project, stats, stock
from .linker import FILLER, make_terms

SIZES = (100, 400, 1000)
TERMS = 200
TARGET_LINKER_SHARE = 10.0
SCALE_DIR = "foundations/scale"
SCALE_CONFIG = "mkdocs-scale.yml"
BREAKDOWN = Path(__file__).with_name("breakdown.py")

def measure(work: Path, sizes: tuple[int, ...] = SIZES, terms: int = TERMS, seed: int = 11) -> dict:
    # One snapshot for every size, so they all measure the same content while others edit the project;
    # each size is built at the same path, because the handout PDFs' cache key includes the project path.
    results, snapshot = [], project.snapshot(work / "scale-base", cache=project.shared_cache(work))
    copy = work / "scale"
    for number, size in enumerate(sizes):
        shutil.copytree(snapshot, copy, symlinks=True)
        results.append(_one_size(copy, size, terms, random.Random(seed), warm_up=number == 0))
    smallest, largest = results[0], results[-1]
    report = {"sizes": results, "terms": terms, "target_linker_share_pct": TARGET_LINKER_SHARE}
    if len(results) > 1:
        real = stats.growth((smallest["pages"], smallest["real_cpu_s"]), (largest["pages"], largest["real_cpu_s"]))
        base = stats.growth((smallest["pages"], smallest["stock_cpu_s"]), (largest["pages"], largest["stock_cpu_s"]))
        report["marginal_cpu_s_per_page"] = {"real": round(real, 4), "stock": round(base, 4)}
        report["marginal_ratio"] = stats.ratio(real, base)
        # The target: cost per page must not grow with size faster than stock Material's does.
        report["per_page_growth"] = {
            name: stats.ratio(largest[f"{name}_cpu_ms_per_page"], smallest[f"{name}_cpu_ms_per_page"])
            for name in ("real", "stock")
        }
    shutil.rmtree(snapshot)
    return report


def _one_size(copy: Path, size: int, terms: int, rng: random.Random, warm_up: bool) -> dict:
    glossary = _grow_glossary(copy, terms, rng)
    existing = sum(1 for _ in (copy / "docs").rglob("*.md")) + len(stock.generated_pages(model.load(copy, "/")))
    generated = max(size - existing, 0)
    forms = [form for term in glossary for form in term]
    source_id = next(iter(yaml.safe_load((copy / "data" / "sources.yml").read_text(encoding="utf-8"))))
    pages = [f"{SCALE_DIR}/page-{n:04d}.md" for n in range(1, generated + 1)]
    for number, src_uri in enumerate(pages, 1):
        target = copy / "docs" / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_markdown(rng, forms, number, source_id), encoding="utf-8")
    _write_scale_config(copy, pages)
    stock_config, _ = stock.prepare(copy)
    if warm_up:  # renders any PDF the shared cache lacks, so no timed build pays for PDFs
        project.build(copy, copy / "site-real", SCALE_CONFIG)
    timings = copy / "breakdown.json"
    real = project.build(copy, copy / "site-real", SCALE_CONFIG, runner=(str(BREAKDOWN), str(timings)))
    by_plugin = json.loads(timings.read_text(encoding="utf-8"))["plugins_cpu_s"]
    linker = by_plugin.get("hooks/glossary.py")
    if linker is None:
        raise RuntimeError(f"{copy / SCALE_CONFIG}: the build ran no hooks/glossary.py event; is the hook still listed?")
    base = project.build(copy, copy / "site-stock", stock_config)
    built = project.page_count(copy / "site-real")
    result = {
        "pages": built,
        "pages_generated": generated,
        "pages_stock": project.page_count(copy / "site-stock"),
        "real_wall_s": real.wall_s,
        "real_cpu_s": real.cpu_s,
        "stock_wall_s": base.wall_s,
        "stock_cpu_s": base.cpu_s,
        "real_cpu_ms_per_page": round(1000 * real.cpu_s / built, 2),
        "stock_cpu_ms_per_page": round(1000 * base.cpu_s / built, 2),
        "ratio_cpu": stats.ratio(real.cpu_s, base.cpu_s),
        "linker_cpu_s": linker,
        "linker_share_pct": stats.share(linker, real.cpu_s),
        "cpu_by_plugin": by_plugin,
        "pdfs_in_timed_build": pdfs.pdf_figures(real.log),
    }
    shutil.rmtree(copy)
    return result


def _grow_glossary(copy: Path, total: int, rng: random.Random) -> list[tuple[str, ...]]:
    """Add made-up terms to the copy's glossary until it has `total`; return every term's wordings."""
    path = copy / "data" / "glossary.yml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for term in make_terms(rng, max(total - len(entries), 0)):
        entries.append({"slug": term.slug, "term": term.term, "definition": term.definition,
                        "explanation": term.explanation, "aliases": list(term.aliases)})
    path.write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return [(e["term"], *e.get("aliases", [])) for e in entries if not e.get("glossary_only")]


def page_markdown(rng: random.Random, forms: list[str], number: int, source_id: str) -> str:
    """About 900 words in the guide's shape: front matter, six sections, paragraphs, a list, links."""
    front = {
        "title": f"Scale page {number}", "description": f"Generated page {number} for the scale benchmark.",
        "theme": "foundations", "kind": "article", "reviewed": datetime.date(2026, 11, 22),
        "next_review": datetime.date(2027, 11, 22), "sources": [source_id],
    }
    parts = ["---", yaml.safe_dump(front, sort_keys=False).strip(), "---", "", f"# Scale page {number}", ""]
    for section in range(1, 7):
        parts += [f"## {_sentence(rng, forms, 4)[:-1]} {{#part-{section}}}", ""]
        parts += [_sentence(rng, forms, 30) + " " + _sentence(rng, forms, 8) + "\n" for _ in range(3)]
        parts += [f"- **{_sentence(rng, forms, 2)}** {_sentence(rng, forms, 9)}" for _ in range(3)]
        parts += ["", f"Read more about [trust](../trust.md) and [{_sentence(rng, forms, 3)[:-1]}](#part-1).", ""]
    return "\n".join(parts)


def _sentence(rng: random.Random, forms: list[str], words: int) -> str:
    out = [rng.choice(forms) if rng.random() < 0.06 else rng.choice(FILLER) for _ in range(words)]
    return " ".join(out).capitalize() + "."


def _write_scale_config(copy: Path, pages: list[str]) -> None:
    """mkdocs-scale.yml: inherits mkdocs.yml and adds the generated pages to the nav."""
    real = stock.read_config((copy / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = real["nav"] + ([{"Scale": pages}] if pages else [])
    config = {"INHERIT": "mkdocs.yml", "nav": nav}
    (copy / SCALE_CONFIG).write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
