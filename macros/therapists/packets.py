"""Handout packets: a printable handout page per concern, and PDFs (A4 and US Letter) of the same handout followed by the
worksheets of its practices. Both are made from the content model (the concern, its practices'
records and their required sections), written once with a link function: relative Markdown links on
the page, full public addresses in the PDF."""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Callable

import markdown as markdown_lib
import yaml
from markupsafe import Markup

from ..content.errors import DataError
from ..content.links import folder, href, public_url
from ..content.model import Content
from ..pdf import Document, Job
from ..practices.model import duration
from ..safety import caveats, contact
from ..worksheets import pdf as worksheet_pdf
from ..worksheets.page import TEMPLATE_ENV
from .concerns import Concern
from .hub import HANDOUT_PAGE_WORDS, read_label

_HEADING = re.compile(r"^(#{2,5}) (.+?)(?: \{#([a-z0-9-]+)\})?[ \t]*$", re.M)
_LINK = re.compile(r"\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")
# The PDF's Markdown: what practice sections use, without the site's permalinks.
PDF_EXTENSIONS = ("attr_list", "md_in_html", "tables", "def_list", "admonition")


def practice_section(content: Content, slug: str, section_id: str, to: Callable[[str], str]) -> str:
    """One required section of a practice page, its links pointed by `to` and its headings one level down."""
    page = content.practices[slug].page
    if section_id not in page.sections:
        raise DataError(
            f"docs/practices/{slug}.md: a practice page needs the section '{section_id}' "
            "(its handout packet copies it); found none"
        )
    block = page.sections[section_id]
    if "{{" in block or "{%" in block:
        raise DataError(f"docs/practices/{slug}.md: the '{section_id}' section uses a macro, which a handout packet cannot copy")
    return relinked(slug, block, to)


def relinked(slug: str, block: str, to: Callable[[str], str]) -> str:
    def relink(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join("practices", match.group(1)))
        return f"]({to(target + (match.group(2) or ''))})"

    def demote(match: re.Match) -> str:
        # The steps sit one level deeper in a packet, and two practices may use the same sub-ids.
        anchor = f" {{#{slug}-{match.group(3)}}}" if match.group(3) else ""
        return f"#{match.group(1)} {match.group(2)}{anchor}"

    return _HEADING.sub(demote, _LINK.sub(relink, block))


def front_matter(content: Content, concern: Concern) -> dict:
    practices = [content.practices[s].page.meta for s in concern.practices]
    return {
        "title": f"Handout: {concern.name}",
        "description": f"A printable handout of practices for couples who say: {concern.words.rstrip('.?!')}.",
        "theme": "therapists",
        "kind": "hub",
        # A handout is only as fresh as its least recently checked practice.
        "reviewed": min(m["reviewed"] for m in practices),
        "next_review": min(m["next_review"] for m in practices),
        "sources": list(dict.fromkeys(s for m in practices for s in m["sources"])),
        "search": {"exclude": True},
        "render_macros": False,
    }


def body(content: Content, concern: Concern, to: Callable[[str], str], on_screen: bool) -> str:
    """The handout as Markdown; `to` turns 'folder/page.md#anchor' into a link target."""
    site = content.site_url
    parts = [
        f"# \u201c{concern.words}\u201d",
        f'<p class="closer-packet-lede">{html.escape(concern.about)}</p>',
        "This handout gathers a few practices that can help. Try one at a time, for a week or two, and "
        "talk about how it went. Each part ends with the address of the full page and its worksheet. "
        f"It prints on {HANDOUT_PAGE_WORDS} pages or fewer; its PDF adds the worksheets.",
        # Each with its full address, which prints (and shows in the PDF) but stays off the screen.
        "**Read first:** " + ", ".join(
            f"[{read_label(content, t)}]({to(read_target(t))})"
            f'<span class="closer-packet-address"> ({public_url(site, read_target(t))})</span>' for t in concern.read) + ".",
        # The same line every practice page carries (safety/caveats.py), with the address for paper.
        f"{caveats.TEXT.format(href=to(caveats.SAFETY_PAGE))} On paper: {public_url(site, caveats.SAFETY_PAGE)}\n"
        "{: .closer-packet-safety }",
    ]
    if on_screen:
        # Raw HTML: the PDF is written after the pages, so MkDocs cannot check a Markdown link to it.
        parts.append(f'<p class="closer-packet-download">Download this handout as a PDF, with its worksheets to print: '
                     f'<a href="{pdf_name(concern, "A4")}" download>A4</a> or '
                     f'<a href="{pdf_name(concern, "letter")}" download>US Letter</a>.</p>')
    for slug in concern.practices:
        practice = content.practices[slug]
        worksheet = content.worksheet_of(practice)
        ws = worksheet.src_uri if worksheet else "worksheets/index.md"
        page_url = public_url(site, f"{practice.src_uri}#how-to-do-it")
        parts += [
            f'<section class="closer-packet-practice" markdown>\n\n## {practice.title} {{#{slug}}}',
            practice.page.meta["description"],
            f"**Time:** about {duration(practice.minutes)}, {practice.how_often}.",
            *(relinked(slug, c, to) for c in practice.page.caveats),
            f"### How to do it {{#{slug}-steps}}",
            practice_section(content, slug, "how-to-do-it", to),
            f"### Watch out for {{#{slug}-pitfalls}}",
            practice_section(content, slug, "pitfalls", to),
            # The addresses are the link texts, so they print in full and no other hook rewrites them.
            f"**The full page:** [{page_url}]({to(f'{practice.src_uri}#how-to-do-it')})",
            f"**{'Worksheet' if worksheet else 'Worksheets'}:** [{public_url(site, ws)}]({to(ws)}), "
            "to print, fill in on screen, or download as a PDF.",
            "</section>",
        ]
    return "\n\n".join(parts) + "\n"


def read_target(target: str) -> str:
    """'folder/page#anchor' as 'folder/page.md#anchor'."""
    page, _, anchor = target.partition("#")
    return f"{page}.md" + (f"#{anchor}" if anchor else "")


def pdf_name(concern: Concern, paper: str) -> str:
    """The file name of the handout's PDF on A4 ('<id>.pdf') or US Letter ('<id>-letter.pdf')."""
    return worksheet_pdf.file_name(concern.id, paper)


def page_source(content: Content, concern: Concern) -> str:
    """The Markdown source of one concern's handout page: front matter, then the handout."""
    front = yaml.safe_dump(front_matter(content, concern), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n" + body(content, concern, lambda t: href(concern.packet, t), on_screen=True)


def pdf_html(content: Content, concern: Concern, paper: str = "A4") -> str:
    """The handout for paper: the same Markdown with full addresses, its sources, review dates and help."""
    text = body(content, concern, lambda t: public_url(content.site_url, t), on_screen=False)
    meta = front_matter(content, concern)
    return TEMPLATE_ENV.get_template("packet-pdf.html").render(
        title=concern.name, paper=paper, body=Markup(markdown_lib.markdown(text, extensions=list(PDF_EXTENSIONS))),
        page_url=public_url(content.site_url, concern.packet), site_url=content.site_url,
        sources=[content.sources[s] for s in meta["sources"]], reviewed=meta["reviewed"],
        next_review=meta["next_review"], safety=contact.paper_safety(content.helplines, content.site_url),
    )


def job(content: Content, concern: Concern, worksheet_css: str, site_dir: Path, paper: str = "A4",
        directory_urls: bool = True) -> Job:
    """The handout's PDF next to its page (in its folder on the site, beside <id>.html in the offline
    edition), then the worksheets of its practices (as boxes to write in), all on one paper size: A4
    ('<id>.pdf') or US Letter ('<id>-letter.pdf'), a job each."""
    worksheets = list(dict.fromkeys(
        w for w in (content.worksheet_of(content.practices[s]) for s in concern.practices) if w))

    def documents() -> tuple[Document, ...]:
        return (Document(pdf_html(content, concern, paper), "", public_url(content.site_url, concern.packet)), *(
            worksheet_pdf.document(w, content.practices[w.practice].title, content.site_url, content.helplines,
                                   worksheet_css, paper)
            for w in worksheets))

    # What the handout prints, for the PDF cache's key: no HTML or QR code is made to know it is current.
    practices = tuple(content.practices[s] for s in concern.practices)
    inputs = (concern, practices, tuple(worksheets), tuple(content.practices[w.practice].title for w in worksheets),
              tuple(content.sources[s] for s in front_matter(content, concern)["sources"]),
              tuple(read_label(content, t) for t in concern.read), content.site_url, content.helplines, worksheet_css,
              paper)
    name = pdf_name(concern, paper)
    target = Path(site_dir) / folder(concern.packet, directory_urls) / name
    return Job(name=name.removesuffix(".pdf"), documents=documents, target=target,
               what=f"data/concerns.yml: concern '{concern.id}': the {'A4' if paper == 'A4' else 'US Letter'} handout PDF",
               inputs=inputs)


def jobs(content: Content, concern: Concern, worksheet_css: str, site_dir: Path, directory_urls: bool = True) -> list[Job]:
    """The handout's PDFs, one per paper size."""
    return [job(content, concern, worksheet_css, site_dir, paper, directory_urls) for paper in worksheet_pdf.PAPERS]
