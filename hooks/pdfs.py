"""Every PDF of a build, written in one place: the worksheet and handout hooks add their jobs to
`config.closer_pdfs` (macros/pdf.py's Batch) in on_post_build, and this hook, after them, writes them.

`mkdocs build` (and so `make build`, the tests and CI) writes every PDF before the build ends. Under
`make serve` the PDFs are written on a background thread after the build, so the first page answers
as soon as the pages are built, and a line of progress ("PDFs: 12 of 36") shows while the cold cache
fills. A rebuild stops the thread of the build before (after the PDF it is making, which stays in the
cache) before the site folder is cleaned, and starts again: PDFs already cached are only copied.
"""
from __future__ import annotations

import logging
import sys
import threading
import time
import types
from pathlib import Path

from mkdocs.plugins import event_priority

from macros import adapter, pdf
from macros.content import errors

log = logging.getLogger("mkdocs.hooks.pdfs")

# Process state, not content: the thread writing the last build's PDFs under `make serve`.
_worker = sys.modules.setdefault("closer_pdf_worker", types.SimpleNamespace(thread=None, stop=None))


@event_priority(90)  # after hooks/content.py, before the hooks that add jobs
def on_config(config):
    config.closer_pdfs = pdf.Batch()
    return config


def on_pre_build(config):
    stop_worker()


@adapter.reported  # listed after the hooks that add jobs, before hooks/urls.py
def on_post_build(config):
    batch = config.closer_pdfs
    if getattr(config, "closer_serving", False):
        stop_worker()
        stop = threading.Event()
        thread = threading.Thread(target=_write_in_background, args=(batch, stop), name="closer-pdfs", daemon=True)
        _worker.thread, _worker.stop = thread, stop
        site = Path(config["site_dir"])
        config.closer_pdfs_pending = ["/" + job.target.relative_to(site).as_posix() for job in batch.jobs]
        thread.start()
        log.info(f"PDFs: writing {batch.total} after the build; pages are served meanwhile")
    else:
        batch.write(done=_report)


def on_shutdown():
    stop_worker()


def stop_worker() -> None:
    if _worker.thread is not None:
        _worker.stop.set()
        _worker.thread.join()
        _worker.thread = _worker.stop = None


def _report(label: str, written: int, rendered: int, seconds: float) -> None:
    log.info(f"{label}: {written} written, {rendered} rendered anew, in {seconds:.1f} s")


def _write_in_background(batch: pdf.Batch, stop: threading.Event) -> None:
    last = [time.monotonic()]

    def progress(done: int, total: int) -> None:
        if done == total or time.monotonic() - last[0] >= 3:
            last[0] = time.monotonic()
            log.info(f"PDFs: {done} of {total}")

    try:
        batch.write(progress=progress, stop=stop, done=_report)
    except errors.DataError as err:  # the server keeps running; the sentence says what to fix
        log.error(str(err))
