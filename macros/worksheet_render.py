"""Worksheets as Markdown and HTML: the generated page, its form, its print footer, and the index.

Pure functions over validated definitions (see worksheets.py); the PDF reuses the same form and
footer, so the page, its printout and its PDF show the same fields.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import segno
import yaml
from markupsafe import Markup

from . import helplines
from .practices import duration, page_title
from .worksheets import GROUPS, front_matter, section_anchor

TEMPLATES = Path(__file__).resolve().parent / "templates"
SAFETY_TEXT = (
    "This worksheet is for reflection, not a diagnosis. If you feel afraid of your partner, or unsafe at "
    "home, couples work is not the right first step: talk to someone who can help you stay safe."
)


@lru_cache(maxsize=None)
def templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )


def compact(html: str) -> str:
    """Drop blank lines, so Markdown keeps the HTML as one raw block."""
    return "\n".join(line for line in html.splitlines() if line.strip())


def public_site_url(config) -> str:
    """site_url as written in mkdocs.yml: `mkdocs serve` replaces it with its own local address,
    and printouts and QR codes must carry the public one."""
    text = Path(config["config_file_path"]).read_text(encoding="utf-8")
    match = re.search(r"^site_url:[ \t]*[\"']?([^\"'\s#]+)", text, re.M)
    return match.group(1) if match else (config["site_url"] or "")


def page_url(site_url: str, worksheet_id: str) -> str:
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", f"worksheets/{worksheet_id}/")


def qr_svg(url: str) -> str:
    """A QR code for the url as inline SVG, black on transparent, sized by CSS."""
    svg = segno.make(url, error="m", micro=False).svg_inline(
        scale=1, border=0, dark="#000", omitsize=True, svgclass="ws-qr-code")
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def section_ids(worksheet: dict) -> list[str]:
    return [section_anchor(s) for s in worksheet["sections"]]


def form(worksheet: dict, pdf: bool = False) -> str:
    return compact(templates().get_template("worksheet-form.html").render(
        w=worksheet, pdf=pdf, section_ids=section_ids(worksheet)))


def footer(worksheet: dict, site_url: str) -> str:
    url = page_url(site_url, worksheet["id"])
    return compact(templates().get_template("worksheet-footer.html").render(
        w=worksheet, url=url, qr_svg=Markup(qr_svg(url)), safety=helplines.paper_safety(helplines.load(), site_url)))


def page_source(worksheet: dict) -> str:
    """The Markdown source of a worksheet's generated page: front matter and one macro call."""
    meta = yaml.safe_dump(front_matter(worksheet), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{meta}---\n\n{{{{ worksheet(\"{worksheet['id']}\") }}}}\n"


def page_body(worksheet: dict, site_url: str, directory_urls: bool = True) -> str:
    """Everything on a worksheet page below its title, as Markdown with raw HTML blocks. The page is
    worksheets/<id>/ on the site and worksheets/<id>.html in the offline edition (`directory_urls`
    false), which moves the site root one folder nearer for the links in its raw HTML."""
    practice = worksheet["practice"]
    steps = "\n".join(f"{i}. {step}" for i, step in enumerate(worksheet["instructions"], 1))
    pages = worksheet["pages"]
    parts = [
        f"# {worksheet['title']} {{: .ws-title }}",
        f"{worksheet['purpose']}\n{{: .ws-purpose }}",
        f"**Time needed:** about {duration(worksheet['minutes'])}. "
        f"**Printed:** {pages} page{'s' if pages > 1 else ''}, A4 or US Letter. "
        f"**Goes with the practice:** [{page_title('practices', practice)}](../practices/{practice}.md).\n"
        "{: .ws-facts }",
        compact(templates().get_template("worksheet-tools.html").render(
            w=worksheet, root="../../" if directory_urls else "../")),
        "## How to use this worksheet {: #how-to-use .ws-how }",
        steps,
    ]
    if worksheet.get("safety_note"):
        safety_url = urljoin(site_url, "safety/")
        parts.append(
            f"{SAFETY_TEXT} [Get help now](../safety/index.md)"
            f'<span class="ws-print-only">: {safety_url}</span>.\n{{: .ws-safety }}'
        )
    parts += [form(worksheet), footer(worksheet, site_url)]
    return "\n\n".join(parts) + "\n"


def index_markdown(worksheets: list[dict]) -> str:
    """The worksheets index: a list per group, each worksheet with its purpose and time needed."""
    out = []
    for group, title in GROUPS.items():
        members = [w for w in worksheets if w["group"] == group]
        if not members:
            continue
        out.append(f"## {title} {{#{group}}}\n")
        for w in members:
            pages = f"{w['pages']} page{'s' if w['pages'] > 1 else ''}"
            out.append(f"- **[{w['title']}]({w['id']}.md)**: {w['purpose']} *About {duration(w['minutes'])}; {pages}.*")
        out.append("")
    return "\n".join(out)
