"""Decks as pages: the deck page, the cards index, the cut-out sheets, the deck's PDF, and the lines
practice pages and the therapists' hub show. Pure functions over the content model (decks checked by
model.py); HTML comes from the Jinja templates beside this file, which escape every value."""
from __future__ import annotations

from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from ..content.links import built_href, folder, href, public_url
from ..content.model import Content
from ..pdf import Document, Job
from ..safety import caveats, contact
from .model import CARDS_PER_SHEET, OCCASIONS, Deck, for_concern, for_practice

TEMPLATES = Path(__file__).resolve().parent / "templates"
INDEX = "cards/index.md"
HOW_TO_USE = (
    "Sit where you can both see the card, or pass the phone or the paper card between you.",
    "Take turns: one of you reads the card out and answers it, then the other answers too.",
    "Either of you can pass on any card, with no reason needed. Passing is part of the game.",
    "Listen more than you talk. A short \u201cwhat was that like?\u201d helps more than advice.",
    "Stop while it still feels good. Three or four cards is a fine evening.",
)


# Code, not content: one template environment per process, so each template is read once (hooks/content.py
# reloads this module under serve).
TEMPLATE_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
    trim_blocks=True, lstrip_blocks=True,
)


def render(template: str, **values) -> str:
    return TEMPLATE_ENV.get_template(template).render(**values)


def compact(html: str) -> str:
    """Drop blank lines, so Markdown keeps the HTML as one raw block."""
    return "\n".join(line for line in html.splitlines() if line.strip())


def address(site_url: str, deck: Deck) -> str:
    """The deck's public address without its scheme, short enough to print on every card."""
    return public_url(site_url, deck.src_uri).split("://", 1)[-1]


def sheets(deck: Deck) -> list[tuple]:
    return [deck.cards[i:i + CARDS_PER_SHEET] for i in range(0, len(deck.cards), CARDS_PER_SHEET)]


def sheets_html(deck: Deck, site_url: str) -> str:
    """The cut-out cards, six to a sheet: hidden on screen, printed from the page and used in the PDF."""
    return compact(render("sheets.html", 
        deck=deck, sheets=sheets(deck), address=address(site_url, deck)))


def deck_html(deck: Deck, directory_urls: bool = True) -> str:
    """The deck: a numbered list of the cards, which cards.js turns into one card at a time."""
    return compact(render("deck.html", deck=deck,
                          safety_href=built_href(deck.src_uri, "safety/index.md#online-safety", directory_urls)))


def citation(source) -> str:
    """'Aron and colleagues, 1997' or 'Gottman and Silver, 1999', from a data/sources.yml record."""
    names = [n.split()[-1] for n in source.by.replace(" and ", ", ").split(", ") if n.strip()]
    who = names[0] if len(names) == 1 else " and ".join(names) if len(names) == 2 else f"{names[0]} and colleagues"
    return f"{who}, {source.year}"


def front_matter(deck: Deck) -> dict:
    return {
        "title": f"{deck.title}: conversation cards",
        "description": deck.purpose,
        "theme": "cards",
        "kind": "cards",
        "reviewed": deck.reviewed,
        "next_review": deck.next_review,
        "sources": [s.id for s in deck.sources],
        **({"opens_up": True} if deck.painful else {}),
    }


def _front(meta: dict) -> str:
    """Front matter with macros off (`render_macros: false`): the pages' text is data, never a template."""
    meta = {**meta, "render_macros": False}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n"


def _practice_link(content: Content, from_uri: str, slug: str) -> str:
    target = f"practices/{slug}.md"
    return f"[{content.title(target)}]({href(from_uri, target)})"


def page_source(content: Content, deck: Deck, directory_urls: bool = True) -> str:
    """The Markdown of a deck's generated page; `directory_urls` is false in the offline edition, where
    the page is cards/<id>.html."""
    uri, meta = deck.src_uri, front_matter(deck)
    practices = ", ".join(_practice_link(content, uri, p) for p in deck.practices)
    parts = [
        f"# {deck.title}",
        f"{deck.purpose}\n{{: .closer-deck-purpose }}",
        f"**{len(deck.cards)} cards.** **Best:** {deck.occasion[:1].lower() + deck.occasion[1:]}. "
        f"**Goes with:** {practices}. **On paper:** {deck.sheets} sheets of {CARDS_PER_SHEET} cards to cut out, "
        "A4 or US Letter.\n{: .closer-deck-facts }",
    ]
    if deck.painful:
        parts.append(caveats.safe_to_open_up(uri, meta))
    parts += ["## The cards {#the-cards}", deck_html(deck, directory_urls), sheets_html(deck, content.site_url),
              "## How to use the cards {#how-to-use}",
              "\n".join(f"{i}. {step}" for i, step in enumerate(HOW_TO_USE, 1)),
              f"On screen, step through the deck with the buttons, the arrow keys or a swipe, or let it draw a card "
              f"for you. Each card has its own address, such as `/cards/{deck.id}/#card-3`, so you can send one to "
              f"someone. To print, use your browser's print command: the cards come out six to a sheet, with dashed "
              f'lines to cut along. Or <a href="{deck.id}.pdf" download>download the cards as a PDF</a> (A4).']
    if deck.idea:
        parts.append(f"**Where the idea comes from:** {deck.idea.text} ({citation(deck.idea.source)}; see the sources "
                     "below.) The questions here are our own.\n{: .closer-deck-idea }")
    return _front(meta) + "\n\n".join(parts) + "\n"


def _entry(from_uri: str, deck: Deck) -> str:
    return f"- **[{deck.title}]({href(from_uri, deck.src_uri)})**: {deck.purpose} *{len(deck.cards)} cards.*"


def index_source(content: Content) -> str:
    """The cards index: every deck by practice and by time of day or occasion."""
    decks = list(content.decks.values())
    meta = {
        "title": "Conversation cards",
        "description": "Decks of questions to draw on screen or print and cut out, to help you start a real conversation.",
        "theme": "cards",
        "kind": "index",
        "reviewed": min(d.reviewed for d in decks),
        "next_review": min(d.next_review for d in decks),
        "sources": list(dict.fromkeys(s.id for d in decks for s in d.sources)),
    }
    parts = [
        "# Conversation cards",
        "A card with a question on it is an easy way into a talk you might not start alone. Each deck here "
        "goes with one of the at-home practices. Open a deck on your phone and draw a card, or print it and "
        "cut the cards out for the kitchen table. Nothing you do with the cards is sent anywhere.",
        "## Decks by practice {#by-practice}",
    ]
    rows = []
    for slug in sorted({p for d in decks for p in d.practices}, key=lambda s: content.title(f"practices/{s}.md")):
        members = ", ".join(f"[{d.title}]({href(INDEX, d.src_uri)})" for d in decks if slug in d.practices)
        rows.append(f"- **{_practice_link(content, INDEX, slug)}:** {members}")
    parts.append("\n".join(rows))
    parts.append("## Decks by time of day {#by-time}")
    parts.append("Each deck suits one kind of moment best, though any card works any time.")
    for when, label in OCCASIONS.items():
        members = [d for d in decks if d.when == when]
        if members:
            parts += [f"### {label} {{#when-{when}}}", "\n".join(_entry(INDEX, d) for d in members)]
    return _front(meta) + "\n\n".join(parts) + "\n"


def _titles(from_uri: str, decks: list[Deck], last: str = " or ") -> str:
    links = [f"[{d.title}]({href(from_uri, d.src_uri)})" for d in decks]
    return links[0] if len(links) == 1 else ", ".join(links[:-1]) + last + links[-1]


def practice_line(content: Content, src_uri: str, slug: str) -> str | None:
    """'Try the … cards' for a practice page, or None when no deck goes with the practice."""
    decks = for_practice(content.decks, slug)
    return f"Try the {_titles(src_uri, decks)} cards" if decks else None


def hub_line(content: Content, from_uri: str, concern) -> list[str]:
    """The therapists' hub line listing the decks that suit a concern (none: no line)."""
    decks = for_concern(content.decks, concern)
    return [f"- **Cards:** {_titles(from_uri, decks, ' and ')}"] if decks else []


def pdf_html(content: Content, deck: Deck) -> str:
    """The HTML of a deck's PDF: the same sheets as the printed page, then where to get help."""
    return render("pdf.html", deck=deck, sheets=Markup(sheets_html(deck, content.site_url)),
                  safety=contact.paper_safety(content.helplines, content.site_url))


def _dashed(width: float, height: float, path: str) -> str:
    """A data: URL of an SVG, `width` by `height` points, that strokes `path` (in points) with 0.6 pt
    dashes of 1.8 pt, the dash cards.css's 0.6pt dashed border prints as."""
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}pt' height='{height}pt' viewBox='0 0 {width} {height}'>"
           f"<path d='{path}' fill='none' stroke='%23000' stroke-width='0.6' stroke-dasharray='1.8'/></svg>")
    return 'url("data:image/svg+xml,' + svg.replace("<", "%3C").replace(">", "%3E") + '") no-repeat 0 0 border-box'


# The PDF's cut lines: WeasyPrint prints a dashed border as one clipping rectangle per dash (about 1,150
# a sheet, two thirds of a deck PDF's bytes), so the PDF draws the same lines as one dashed stroke per
# card instead, over the same transparent borders (the layout does not move). The grid (two 90 mm columns,
# at most three 76 mm rows, cards.css) draws the top and left lines; each card its right and bottom.
# The printed page keeps cards.css's borders.
PDF_CUT_LINES = f"""
@media print {{
  .closer-cardsheet__grid {{
    border-color: transparent;
    background: {_dashed(510.8362, 0.6, "M0 0.3H510.8362")},
                {_dashed(0.6, 646.8992, "M0.3 0V646.8992")};
  }}
  .closer-printcard {{
    border-color: transparent;
    background: {_dashed(255.1181, 215.4331, "M254.8181 0V215.1331H0")};
  }}
}}
"""


def job(content: Content, deck: Deck, site_dir: Path, directory_urls: bool = True) -> Job:
    """The deck's PDF next to its page, /cards/<id>/<id>.pdf (beside cards/<id>.html in the offline
    edition), printed with docs/stylesheets/cards.css and PDF_CUT_LINES."""
    return Job(
        name=deck.id,
        documents=(Document(pdf_html(content, deck), content.cards_css + PDF_CUT_LINES),),
        target=Path(site_dir) / folder(deck.src_uri, directory_urls) / f"{deck.id}.pdf",
        what=f"{deck.file}: deck '{deck.id}': the PDF",
    )
