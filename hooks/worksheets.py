"""Worksheets from data: a generated page per data/worksheets/<id>.yml, listed in the navigation
under Worksheets, and fillable PDFs next to each page (A4 and US Letter), rendered only when it changed."""
from __future__ import annotations

from mkdocs.structure.files import File

from macros import adapter
from macros.content import errors
from macros.worksheets import model, page as worksheet_page, pdf as worksheet_pdf


@adapter.reported
def on_config(config):
    worksheets = list(adapter.content(config).worksheets.values())
    section = _worksheets_section(config["nav"])
    for group, title in model.GROUPS.items():
        members = [w.src_uri for w in worksheets if w.group == group]
        if members:
            section.append({title: members})
    return config


@adapter.reported
def on_files(files, config):
    content = adapter.content(config)
    for worksheet in content.worksheets.values():
        if files.get_file_from_path(worksheet.src_uri) is not None:
            raise errors.DataError(
                f"docs/{worksheet.src_uri}: this page is generated from {worksheet.file}; "
                "delete the Markdown file and edit the data instead"
            )
        source = worksheet_page.page_source(
            worksheet, content.practices[worksheet.practice].title, content.site_url, content.helplines,
            config["use_directory_urls"])
        files.append(File.generated(config, worksheet.src_uri, content=source))
    return files


@adapter.reported
def on_post_build(config):
    content = adapter.content(config)
    jobs = [
        job
        for w in content.worksheets.values()
        for job in worksheet_pdf.jobs(w, content.practices[w.practice].title, content.site_url, content.helplines,
                                      content.worksheet_css, config["site_dir"], config["use_directory_urls"])
    ]
    # Written with the other PDFs by hooks/pdfs.py: before the build ends, or under `make serve` after it.
    config.closer_pdfs.add("Worksheet PDFs", jobs, content.root / ".cache" / "worksheets")


def _worksheets_section(nav) -> list:
    for item in nav or []:
        if isinstance(item, dict) and isinstance(item.get("Worksheets"), list):
            return item["Worksheets"]
    raise errors.DataError("mkdocs.yml: nav needs a 'Worksheets' section (a list) for the generated worksheet pages")
