"""Worksheets as Markdown and HTML: the generated page, its form, its print footer, and the index.

Pure functions over Worksheet records (model.py); the PDF (pdf.py) reuses the same form and footer, so
the page, its printout and its PDF show the same fields.
"""
from __future__ import annotations

from pathlib import Path

import jinja2
import segno
import yaml
from markupsafe import Markup

from ..content.links import built_href, href, public_url
from ..practices.model import duration
from ..safety import contact, helplines
from .model import GROUPS, Worksheet

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SAFETY_TEXT = (
    "This worksheet is for reflection, not a diagnosis. If you feel afraid of your partner, or unsafe at "
    "home, couples work is not the right first step: talk to someone who can help you stay safe."
)
# Code, not content: one template environment per process (hooks/content.py reloads it under serve).
TEMPLATE_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
    trim_blocks=True, lstrip_blocks=True,
)


def compact(html: str) -> str:
    """Drop blank lines, so Markdown keeps the HTML as one raw block."""
    return "\n".join(line for line in html.splitlines() if line.strip())


def render(template: str, **values) -> str:
    return compact(TEMPLATE_ENV.get_template(template).render(**values))


def qr_svg(url: str) -> str:
    """A QR code for the url as inline SVG, black on transparent, sized by CSS."""
    svg = segno.make(url, error="m", micro=False).svg_inline(
        scale=1, border=0, dark="#000", omitsize=True, svgclass="ws-qr-code")
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def form(worksheet: Worksheet, pdf: bool = False) -> str:
    return render("worksheet-form.html", w=worksheet, pdf=pdf, section_ids=[s.anchor for s in worksheet.sections])


def footer(worksheet: Worksheet, site_url: str, directory: helplines.Directory) -> str:
    url = public_url(site_url, worksheet.src_uri)
    return render("worksheet-footer.html", w=worksheet, url=url, qr_svg=Markup(qr_svg(url)),
                  safety=contact.paper_safety(directory, site_url))


def page_source(worksheet: Worksheet, practice_title: str, site_url: str, directory: helplines.Directory,
                directory_urls: bool = True) -> str:
    """The Markdown source of a worksheet's generated page: its front matter, then its body. Macros are
    off for it (`render_macros: false`): its text is data, never a template. `directory_urls` is false
    in the offline edition, where the page is worksheets/<id>.html rather than worksheets/<id>/."""
    meta = yaml.safe_dump({**worksheet.front_matter, "render_macros": False},
                          sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{meta}---\n\n" + page_body(worksheet, practice_title, site_url, directory, directory_urls)


def page_body(worksheet: Worksheet, practice_title: str, site_url: str, directory: helplines.Directory,
              directory_urls: bool = True) -> str:
    """Everything on a worksheet page below its title, as Markdown with raw HTML blocks."""
    uri, pages = worksheet.src_uri, worksheet.pages
    steps = "\n".join(f"{i}. {step}" for i, step in enumerate(worksheet.instructions, 1))
    parts = [
        f"# {worksheet.title} {{: .ws-title }}",
        f"{worksheet.purpose}\n{{: .ws-purpose }}",
        f"**Time needed:** about {duration(worksheet.minutes)}. "
        f"**Printed:** {pages} page{'s' if pages > 1 else ''}, A4 or US Letter. "
        f"**Goes with the practice:** [{practice_title}]({href(uri, f'practices/{worksheet.practice}.md')}).\n"
        "{: .ws-facts }",
        render("worksheet-tools.html", w=worksheet,
               safety_href=built_href(uri, "safety/index.md#online-safety", directory_urls)),
        "## How to use this worksheet {: #how-to-use .ws-how }",
        steps,
    ]
    if worksheet.safety_note:
        parts.append(
            f"{SAFETY_TEXT} [Get help now]({href(uri, 'safety/index.md')})"
            f'<span class="ws-print-only">: {public_url(site_url, "safety/index.md")}</span>.\n{{: .ws-safety }}'
        )
    parts += [form(worksheet), footer(worksheet, site_url, directory)]
    return "\n\n".join(parts) + "\n"


def index_markdown(worksheets: list[Worksheet]) -> str:
    """The worksheets index: a list per group, each worksheet with its purpose and time needed."""
    out = []
    for group, title in GROUPS.items():
        members = [w for w in worksheets if w.group == group]
        if not members:
            continue
        out.append(f"## {title} {{#{group}}}\n")
        for w in members:
            pages = f"{w.pages} page{'s' if w.pages > 1 else ''}"
            out.append(f"- **[{w.title}]({w.id}.md)**: {w.purpose} *About {duration(w.minutes)}; {pages}.*")
        out.append("")
    return "\n".join(out)
