"""`make bench`: build time, scale, worksheet PDFs, serving, page weight and Lighthouse, against stock Material.

Prints one table and writes everything measured to bench/out/report.json (Lighthouse's own reports go
to bench/out/lighthouse/). `python -m bench --only weight,lighthouse` runs some sections; see --help.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from . import buildtime, firstserve, lighthouse, linker, pdfs, project, scale, serve, stats, stock, weight

OUT = Path(__file__).resolve().parent / "out"
SECTIONS = ("build", "scale", "linker", "pdfs", "firstserve", "serve", "weight", "lighthouse")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    only = [s.strip() for s in args.only.split(",")] if args.only else list(SECTIONS)
    unknown = [s for s in only if s not in SECTIONS]
    if unknown:
        raise SystemExit(f"--only: unknown section {unknown[0]!r}; choose from {', '.join(SECTIONS)}")
    sizes = tuple(int(s) for s in args.sizes.split(","))
    report: dict = {"meta": {**_meta(args.runs, sizes, only), "lighthouse_runs_each": args.lighthouse_runs,
                             "serve_edits_each": args.serve_edits}}
    work = Path(tempfile.mkdtemp(prefix="closer-bench-"))
    started = time.monotonic()
    try:
        if "build" in only:
            _section(report, "build", lambda: buildtime.measure(work, args.runs))
        if "scale" in only:
            _section(report, "scale", lambda: scale.measure(work, sizes))
        if "linker" in only:
            _section(report, "linker", lambda: linker.measure())
        if "pdfs" in only:
            _section(report, "pdfs", lambda: pdfs.measure(work))
        if "firstserve" in only:
            _section(report, "firstserve", lambda: firstserve.measure(work))
        if "serve" in only:
            _section(report, "serve", lambda: serve.measure(work, args.serve_edits))
        if {"weight", "lighthouse"} & set(only):
            sites = _built_sites(work)
            if "weight" in only:
                _section(report, "weight", lambda: weight.measure(sites))
            if "lighthouse" in only:
                _section(report, "lighthouse", lambda: lighthouse.measure(
                    sites, OUT / "lighthouse", args.lighthouse_runs, tuple(args.form_factors.split(","))))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report["meta"]["total_s"] = round(time.monotonic() - started, 1)
    report["meta"]["load_average_after"] = list(os.getloadavg())
    OUT.mkdir(exist_ok=True)
    (OUT / "report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print()
    print(stats.format_table(("section", "figure", "value", "target", "result"), summary_rows(report)))
    print(f"\n{_runs_note(report['meta'])}")
    for name, error in report.get("errors", {}).items():
        print(f"FAILED section {name}: {error.splitlines()[0]}")
    print(f"Full figures: {(OUT / 'report.json').relative_to(project.ROOT)}; took {report['meta']['total_s']} s.")
    return 1 if report.get("errors") else 0


def summary_rows(report: dict) -> list[tuple]:
    """The printed table: one row per headline figure, with its target and whether it holds."""
    rows: list[tuple] = []
    if build := report.get("build"):
        rows.append(("build", "real / stock, CPU (median)", build["ratio_cpu"], f"<= {build['target_ratio']}",
                     stats.verdict(build["ratio_cpu"], build["target_ratio"])))
        rows.append(("build", "real / stock, wall (median)", build["ratio_wall"], f"<= {build['target_ratio']}",
                     stats.verdict(build["ratio_wall"], build["target_ratio"])))
        rows.append(("build", "real site, CPU s / wall s", f"{build['median_cpu_s']['real']} / {build['median_wall_s']['real']}", "", ""))
        rows.append(("build", "stock, CPU s / wall s", f"{build['median_cpu_s']['stock']} / {build['median_wall_s']['stock']}", "", ""))
    if scale_ := report.get("scale"):
        for size in scale_["sizes"]:
            rows.append(("scale", f"{size['pages']} pages: CPU s real / stock", f"{size['real_cpu_s']} / {size['stock_cpu_s']}", "", ""))
            rows.append(("scale", f"{size['pages']} pages: CPU ms per page real / stock",
                         f"{size['real_cpu_ms_per_page']} / {size['stock_cpu_ms_per_page']}", "", ""))
            last = size is scale_["sizes"][-1]
            rows.append(("scale", f"{size['pages']} pages: glossary linker share", f"{size['linker_share_pct']} %",
                         f"<= {scale_['target_linker_share_pct']} %" if last else "",
                         stats.verdict(size["linker_share_pct"], scale_["target_linker_share_pct"]) if last else ""))
        if "per_page_growth" in scale_:
            small, large = scale_["sizes"][0]["pages"], scale_["sizes"][-1]["pages"]
            growth = scale_["per_page_growth"]
            rows.append(("scale", f"CPU per page, {large} vs {small} pages: real / stock",
                         f"x{growth['real']} / x{growth['stock']}", "real <= stock",
                         stats.verdict(growth["real"], growth["stock"])))
            marginal = scale_["marginal_cpu_s_per_page"]
            rows.append(("scale", "CPU ms per added page: real / stock",
                         f"{round(marginal['real'] * 1000, 1)} / {round(marginal['stock'] * 1000, 1)}", "", ""))
    if link := report.get("linker"):
        rows.append(("linker", f"{link['pages']} pages x {link['terms']} terms, CPU s", link["cpu_s"], "", ""))
    if pdf := report.get("pdfs"):
        cold, warm, edit, served = pdf["cold"], pdf["warm"], pdf["one_page_edited"], pdf["serve"]
        rows.append(("pdfs", f"cold cache: {cold.get('rendered')} worksheet PDFs rendered, s", cold.get("pdf_s"), "", ""))
        for kind in ("handout", "card"):
            if f"{kind}_pdfs" in cold:
                rows.append(("pdfs", f"cold cache: {cold[f'{kind}_rendered']} {kind} PDFs rendered, s", cold[f"{kind}_pdf_s"], "", ""))
        for label, figures in (("warm cache", warm), ("one page edited", edit)):
            rendered = _every_part(figures, "rendered")
            seconds = round(_every_part(figures, "pdf_s"), 2)
            rows.append(("pdfs", f"{label}: {rendered} PDFs rendered, PDF s", seconds, "0 rendered, ~0 s",
                         stats.verdict(rendered, 0)))
        rendered = _every_part(served, "rendered", "rebuild_")
        rows.append(("serve", f"rebuild after a page edit: {rendered} PDFs rendered, s", served["rebuild_s"],
                     "0 rendered", stats.verdict(rendered, 0)))
    if sizes := (report.get("pdfs") or {}).get("sizes"):
        rows.append(("pdfs", "largest worksheet PDF, KB", sizes["largest_worksheet_kb"], f"<= {sizes['target_worksheet_kb']}",
                     stats.verdict(sizes["largest_worksheet_kb"], sizes["target_worksheet_kb"])))
        rows.append(("pdfs", f"all {sizes['count']} PDFs in site/, MB", sizes["total_mb"], f"<= {sizes['target_total_mb']}",
                     stats.verdict(sizes["total_mb"], sizes["target_total_mb"])))
    if first := report.get("firstserve"):
        rows.append(("serve", "first serve, cold: home page answers, s (stock Material)",
                     f"{first['real']['first_page_s']} ({first['stock']['first_page_s']})", "", ""))
        rows.append(("serve", f"first serve, cold: all {first['real'].get('pdfs')} PDFs written, s",
                     first["real"].get("pdfs_done_s"), "after the first page", stats.verdict(
                         first["real"]["first_page_s"], first["real"].get("pdfs_done_s"))))
    if rebuild := report.get("serve"):
        wall, cpu, target = rebuild["median_edit_to_page_s"], rebuild["median_cpu_s"], rebuild["target_ratio"]
        rows.append(("serve", "one-page edit until the page shows it, s (stock Material)",
                     f"{wall['real']} ({wall['stock']})", "", ""))
        rows.append(("serve", "one-page edit: rebuild CPU s (stock Material)", f"{cpu['real']} ({cpu['stock']})", "", ""))
        rows.append(("serve", "one-page edit: real / stock, wall (median)", rebuild["ratio_wall"], f"<= {target}",
                     stats.verdict(rebuild["ratio_wall"], target)))
        rows.append(("serve", "one-page edit: real / stock, CPU (median)", rebuild["ratio_cpu"], f"<= {target}",
                     stats.verdict(rebuild["ratio_cpu"], target)))
    if pages := report.get("weight", {}).get("pages"):
        target, stock_pages = report["weight"]["target_article_kib"], report["weight"].get("stock_pages", {})
        for name, page in pages.items():
            base = stock_pages.get(name, {}).get("transfer_kib")
            rows.append(("weight", f"{name} {page['path']}: KiB gzip (stock Material)", f"{page['transfer_kib']} ({base})",
                         f"<= {target}" if name == "article" else "",
                         stats.verdict(page["transfer_kib"], target) if name == "article" else ""))
    if lh := report.get("lighthouse"):
        runs = {(r["site"], r["page"], r["form_factor"]): r["scores"] for r in lighthouse.medians(lh["runs"])}
        for (site, page, form_factor), scores in runs.items():
            if site != "real":
                continue
            base = runs.get(("stock", page, form_factor))
            low = min(v for v in scores.values() if v is not None)
            rows.append(("lighthouse", f"{page} {form_factor}: perf/a11y/bp/seo, median (stock Material)",
                         f"{_scores(scores)} ({_scores(base) if base else '-'})", f"{lh['target']} each",
                         stats.verdict(low, lh["target"], higher_is_better=True)))
    return rows


def _every_part(figures: dict, name: str, prefix: str = "") -> float:
    """A figure summed over the PDF parts of bench.pdfs.pdf_figures: "rendered" + "handout_rendered" + ..."""
    return sum(v for k, v in figures.items() if k.startswith(prefix) and (k == prefix + name or k.endswith(f"_{name}")))


def _scores(scores: dict) -> str:
    return "/".join(str(scores[c]) for c in lighthouse.CATEGORIES)


def _section(report: dict, name: str, run) -> None:
    print(f"bench: {name} ...", file=sys.stderr, flush=True)
    started = time.monotonic()
    try:
        figures = run()
    except Exception as err:  # noqa: BLE001 - one failed section must not lose the others' figures
        report.setdefault("errors", {})[name] = f"{type(err).__name__}: {err}"[:2000]
        print(f"bench: {name} FAILED after {time.monotonic() - started:.1f} s: {type(err).__name__}: "
              f"{str(err).splitlines()[0] if str(err) else ''}", file=sys.stderr, flush=True)
        return
    report[name] = figures
    report[name]["section_s"] = round(time.monotonic() - started, 1)
    print(f"bench: {name} done in {report[name]['section_s']} s", file=sys.stderr, flush=True)


def _built_sites(work: Path) -> dict[str, Path]:
    """The real and the stock site for the browser sections: the build section's, or fresh builds."""
    built = {"real": work / "build" / "site-real", "stock": work / "build" / "site-stock"}
    if all(site.is_dir() for site in built.values()):
        return built
    copy = project.snapshot(work / "browser", cache=project.shared_cache(work))
    stock_config, _ = stock.prepare(copy)
    project.build(copy, copy / "site-real")
    project.build(copy, copy / "site-stock", stock_config)
    return {"real": copy / "site-real", "stock": copy / "site-stock"}


def _meta(runs: int, sizes: tuple[int, ...], only: list[str]) -> dict:
    versions = {name: _version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "weasyprint", "playwright")}
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "sections": only, "build_runs_each": runs, "scale_sizes": list(sizes),
        "cpus": os.cpu_count(), "load_average_before": list(os.getloadavg()),
        "python": platform.python_version(), "versions": versions,
        "lighthouse": _npm_version(), "chromium": weight.CHROMIUM,
    }


def _runs_note(meta: dict) -> str:
    load = ", ".join(f"{x:.1f}" for x in meta["load_average_before"])
    return (f"Runs: build {meta['build_runs_each']} each, alternating (after one warm-up each); scale 1 each at "
            f"{', '.join(map(str, meta['scale_sizes']))} pages; serve {meta.get('serve_edits_each', 3)} one-page edits each, alternating; "
            f"Lighthouse {meta.get('lighthouse_runs_each', 1)} per page and form factor (median shown). "
            f"{meta['cpus']} CPUs, load average at start {load}. CPU time is the build process's user+system time "
            f"(for a serve edit, the serve process's, from the edit until the rebuild and its PDFs are done).")


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _npm_version() -> str | None:
    package = project.ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"] if package.is_file() else None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", help=f"comma-separated sections to run: {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--runs", type=int, default=5, help="timed builds of each site in the build section (default 5)")
    parser.add_argument("--serve-edits", type=int, default=serve.EDITS,
                        help=f"page edits under `mkdocs serve` for each site in the serve section (default {serve.EDITS}; the median is shown)")
    parser.add_argument("--lighthouse-runs", type=int, default=lighthouse.RUNS,
                        help=f"Lighthouse runs of each page, form factor and site (default {lighthouse.RUNS}; the median is shown)")
    parser.add_argument("--form-factors", default=",".join(lighthouse.FORM_FACTORS), help="Lighthouse form factors (default mobile,desktop)")
    parser.add_argument("--sizes", default=",".join(map(str, scale.SIZES)), help="page counts for the scale section")
    return parser


if __name__ == "__main__":
    sys.exit(main())
