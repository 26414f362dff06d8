"""The PDF cache is keyed on what a PDF is made from (macros/pdf.py): a rebuild with no input changed
makes no PDF HTML, no QR code and no PDF; a changed input makes that PDF again; the key is the same in
every process. WeasyPrint is never imported here: `render` is replaced by a counter."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros import pdf
from macros.therapists import packets
from macros.worksheets import page as worksheet_page, pdf as worksheet_pdf
from tests.support import ROOT


def all_jobs(content, site: Path, css: str | None = None, site_url: str | None = None) -> list[pdf.Job]:
    """Every PDF job of a build, made as hooks/worksheets.py and hooks/packets.py make them."""
    css = content.worksheet_css if css is None else css
    if site_url is not None:
        content = replace(content, site_url=site_url)
    return [worksheet_pdf.job(w, content.practices[w.practice].title, content.site_url, content.helplines, css, site)
            for w in content.worksheets.values()] + [packets.job(content, c, css, site) for c in content.concerns]


@pytest.fixture
def counted(monkeypatch):
    """Counts of PDF HTML made (worksheet and handout), QR codes made and PDFs rendered."""
    calls = {"html": 0, "qr": 0, "render": 0}

    def counting(name, module, attr):
        original = getattr(module, attr)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)
        monkeypatch.setattr(module, attr, wrapper)

    counting("html", worksheet_pdf, "pdf_html")
    counting("html", packets, "pdf_html")
    counting("qr", worksheet_page.segno, "make")

    def render(documents, forms=False):
        calls["render"] += 1
        assert documents and all(d.html for d in documents)
        return b"%PDF-1.7 stand-in"
    monkeypatch.setattr(pdf, "render", render)
    return calls


def test_a_rebuild_with_unchanged_inputs_makes_no_pdf_and_no_pdf_html(content, tmp_path, counted):
    cache = tmp_path / "cache"
    first = all_jobs(content, tmp_path / "site")
    assert pdf.build(first, cache) == len(first) == counted["render"]
    assert counted["html"] >= len(first) and counted["qr"] > 0, "the cold build made the HTML (control)"
    for name in counted:
        counted[name] = 0
    again = all_jobs(content, tmp_path / "site2")
    assert pdf.build(again, cache) == 0
    assert counted == {"html": 0, "qr": 0, "render": 0}
    assert all(job.target.read_bytes().startswith(b"%PDF") for job in again), "every PDF still written"


@pytest.mark.parametrize("change", ["worksheet", "css", "address", "practice"])
def test_a_changed_input_makes_its_pdf_again(content, tmp_path, counted, change):
    cache = tmp_path / "cache"
    pdf.build(all_jobs(content, tmp_path / "site"), cache)
    counted["render"] = 0
    if change == "worksheet":
        sheet = content.worksheets["gratitude"]
        edited = replace(content, worksheets={**content.worksheets, sheet.id: replace(sheet, title=sheet.title + ", edited")})
        jobs, expected = all_jobs(edited, tmp_path / "site"), None
    elif change == "practice":
        slug = next(iter(content.practices))
        practice = content.practices[slug]
        edited = replace(content, practices={**content.practices, slug: replace(practice, how_often="twice a day")})
        jobs, expected = all_jobs(edited, tmp_path / "site"), None
    elif change == "css":
        jobs, expected = all_jobs(content, tmp_path / "site", css=content.worksheet_css + "\n.x{}"), len(all_jobs(content, tmp_path))
    else:
        jobs, expected = all_jobs(content, tmp_path / "site", site_url="https://example.org/"), len(all_jobs(content, tmp_path))
    rendered = pdf.build(jobs, cache)
    assert rendered >= 1
    if expected is not None:
        assert rendered == expected, "every PDF prints the stylesheet and the address"
    else:
        assert rendered < len(jobs), "only the PDFs that print the changed record"


def test_a_changed_rendering_template_makes_the_pdfs_again(tmp_path):
    code = tmp_path / "macros"
    for name in pdf.RENDERING_CODE:
        (code / name).parent.mkdir(parents=True, exist_ok=True)
        (code / name).mkdir() if "." not in name else (code / name).write_text("# code")
    template = code / "templates" / "worksheet-pdf.html"
    template.write_text("<p>one</p>")
    before = pdf.rendering_code_key(code)
    template.write_text("<p>two, longer</p>")
    assert pdf.rendering_code_key(code) != before


def test_the_key_is_the_same_in_every_process(content, tmp_path):
    script = ("import sys; sys.path.insert(0, '.'); from tests.support import project; "
              "from tests.unit.test_pdf_cache import all_jobs; from pathlib import Path; "
              "print(' '.join(j.key for j in all_jobs(project(), Path('/tmp/s'))))")
    keys = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(keys) == 1 and len(next(iter(keys)).split()) == len(all_jobs(content, tmp_path))


def test_records_without_a_stable_text_are_refused():
    with pytest.raises(ValueError, match="no stable text"):
        pdf.fingerprint((object(),))
    assert pdf.fingerprint(({"b", "a"}, 1)) == pdf.fingerprint(({"a", "b"}, 1))


def test_a_job_made_on_demand_must_name_its_inputs(tmp_path):
    job = pdf.Job("x", lambda: (pdf.Document("<p>x</p>"),), tmp_path / "x.pdf", "the test PDF")
    with pytest.raises(ValueError, match="must name its inputs"):
        job.key


def load_hook():
    import importlib.util

    spec = importlib.util.spec_from_file_location("closer_test_pdfs_hook", ROOT / "hooks" / "pdfs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def held_job(tmp_path, monkeypatch, release: threading.Event, started: threading.Event) -> pdf.Job:
    def render(documents, forms=False):
        started.set()
        assert release.wait(60), "the test never released the render"
        return b"%PDF-1.7 stand-in"
    monkeypatch.setattr(pdf, "render", render)
    return pdf.Job("held", lambda: (pdf.Document("<p>x</p>"),), tmp_path / "site" / "held.pdf", "the test PDF",
                   inputs=("held",))


class Config(dict):
    """A stand-in for MkDocs' config: items and attributes."""


def test_under_serve_the_pdfs_are_written_after_the_build(tmp_path, monkeypatch):
    hook, release, started = load_hook(), threading.Event(), threading.Event()
    job = held_job(tmp_path, monkeypatch, release, started)
    config = Config(site_dir=str(tmp_path / "site"))
    config.closer_serving, config.closer_pdfs = True, pdf.Batch()
    config.closer_pdfs.add("Test PDFs", [job], tmp_path / "cache")
    try:
        hook.on_post_build(config)  # returns while the render is held: the build does not wait for it
        assert started.wait(60) and not job.target.exists()
        assert config.closer_pdfs_pending == ["/held.pdf"], "the URL check counts the pending PDF as there"
        release.set()
        hook._worker.thread.join(60)
        assert job.target.read_bytes().startswith(b"%PDF")
    finally:
        release.set()
        hook.stop_worker()


def test_a_build_writes_every_pdf_before_it_ends(tmp_path, monkeypatch):
    hook, release, started = load_hook(), threading.Event(), threading.Event()
    release.set()
    job = held_job(tmp_path, monkeypatch, release, started)
    config = Config(site_dir=str(tmp_path / "site"))
    config.closer_serving, config.closer_pdfs = False, pdf.Batch()
    config.closer_pdfs.add("Test PDFs", [job], tmp_path / "cache")
    hook.on_post_build(config)
    assert job.target.read_bytes().startswith(b"%PDF") and hook._worker.thread is None


def test_a_pdf_made_from_html_is_made_again_when_the_rendering_settings_change(tmp_path, monkeypatch):
    code = tmp_path / "macros"
    code.mkdir()
    (code / "pdf.py").write_text("# write options")
    monkeypatch.setattr(pdf, "MACROS", code)
    job = pdf.Job("deck", (pdf.Document("<p>x</p>", "p {}"),), tmp_path / "deck.pdf", "the test deck")
    before = job.key
    (code / "pdf.py").write_text("# other write options")
    assert job.key != before


def test_keys_worked_out_in_one_pass_are_the_keys_worked_out_alone(content, tmp_path):
    jobs = all_jobs(content, tmp_path)
    alone = [job.key for job in jobs]
    with pdf.one_pass():
        assert [job.key for job in jobs] == alone
