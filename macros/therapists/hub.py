"""The therapists' hub: the link index by concern and the homework pairings, from the content model.
Every link is a relative Markdown link that the strict build checks, file and anchor."""
from __future__ import annotations

from ..cards import render as cards_render
from ..content.links import file_href, href
from ..content.model import Content
from ..practices.render import echoing

# What a handout is: the steps of two or three practices on at most this many pages of A4 or US
# Letter, printed from the browser or as the first part of its PDF (its worksheets follow there).
# The hub and each handout say so; tests/browser/test_print.py and tests/site/test_print_files.py count them.
HANDOUT_PAGES = 4
HANDOUT_PAGE_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}[HANDOUT_PAGES]


def worksheet_link(content: Content, from_uri: str, slug: str) -> str:
    """'(worksheet)' after a practice link, named in full for screen readers, which list links alone."""
    practice = content.practices[slug]
    worksheet = content.worksheet_of(practice)
    if worksheet is None:
        return f"[all worksheets]({href(from_uri, 'worksheets/index.md')})"
    title = practice.title.replace('"', "'")
    return f'[worksheet]({href(from_uri, worksheet.src_uri)}){{ aria-label="Worksheet: {title}" }}'


def practice_with_worksheet(content: Content, from_uri: str, slug: str) -> str:
    practice = content.practices[slug]
    steps = f"[{practice.title}]({href(from_uri, f'{practice.src_uri}#how-to-do-it')})"
    return f"{steps} ({worksheet_link(content, from_uri, slug)})"


def read_label(content: Content, target: str) -> str:
    """'Page title: section' for a 'folder/page#anchor' target."""
    page_path, _, anchor = target.partition("#")
    page = content.pages[f"{page_path}.md"]
    label = page.title
    if anchor:
        label += f": {page.headings.get(anchor, anchor.replace('-', ' '))}"
    return label


def read_link(content: Content, from_uri: str, target: str) -> str:
    """'Page title: section' linked to the exact section."""
    page_path, _, anchor = target.partition("#")
    return f"[{read_label(content, target)}]({href(from_uri, page_path + '.md' + (f'#{anchor}' if anchor else ''))})"


def packet_pdf_links(from_uri: str, concern, directory_urls: bool = True) -> str:
    """'also as a PDF with its worksheets (A4, US Letter)', linked to the two files. Raw HTML: the PDFs
    are written after the pages, so MkDocs cannot check a Markdown link to them."""
    links = [f'<a href="{file_href(from_uri, concern.packet, f"{concern.id}{end}.pdf", directory_urls)}">{label}</a>'
             for end, label in (("", "A4"), ("-letter", "US Letter"))]
    return f"also as a PDF with its worksheets ({links[0]}, {links[1]})"


def concern_index(content: Content, from_uri: str, directory_urls: bool = True) -> str:
    """The hub's link index: one short block per concern, with a stable anchor (its id)."""
    out = []
    for c in content.concerns:
        tries = "; ".join(practice_with_worksheet(content, from_uri, s) for s in c.practices)
        out += [
            f"### \u201c{c.words}\u201d {{#{c.id}}}",
            "",
            c.about,
            "",
            f"- **Read:** {', '.join(read_link(content, from_uri, t) for t in c.read)}",
            f"- **Try:** {tries}",
            *cards_render.hub_line(content, from_uri, c),
            f"- **Hand out:** [a handout of up to {HANDOUT_PAGE_WORDS} pages]({href(from_uri, c.packet)}) to print, "
            f"{packet_pdf_links(from_uri, c, directory_urls)}",
            "",
        ]
    return "\n".join(out)


def pairings(content: Content, from_uri: str) -> str:
    """Homework pairings: each approach, then the practices that echo it (the same list as the approach
    page's 'at home' section, practices.render.echoing), then each one's worksheet."""
    approaches = sorted((p for p in content.pages.values() if p.kind == "approach"), key=lambda p: p.title)
    items = []
    for page in approaches:
        name = f"[{page.title}]({href(from_uri, page.src_uri + '#at-home')})"
        practices = "; ".join(practice_with_worksheet(content, from_uri, p.slug) for p in echoing(content, page.slug))
        items.append(f"- **{name}:** {practices}")
    return "\n".join(items)
