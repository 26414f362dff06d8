"""What a practice record becomes on the page: the summary card, the time line, the worksheet link,
its tags, and the practices index grouped by time, pillar or barrier."""
from __future__ import annotations

from ..cards import render as cards_render
from ..content.errors import DataError
from ..content.links import href
from ..content.model import Content
from .model import LINKED, TIME_BUCKETS, Practice, duration, time_bucket


def link(content: Content, from_uri: str, target: str) -> str:
    """A Markdown link to 'folder/page.md', worded with the page's title."""
    return f"[{content.title(target)}]({href(from_uri, target)})"


def summary(content: Content, src_uri: str, practice: Practice) -> str:
    """The card at the top of a practice page: time, how often, who, and what it builds."""
    def links(folder: str, slugs) -> str:
        return ", ".join(link(content, src_uri, f"{folder}/{s}.md") for s in slugs)

    rows = [
        ("Time", f"about {duration(practice.minutes)}, {practice.how_often}"),
        ("Who", "the two of you together" if practice.together else "you, on your own"),
        ("Builds", links("foundations", practice.pillars)),
    ]
    if practice.approaches:
        rows.append(("Comes from", links("approaches", practice.approaches)))
    if practice.barriers:
        rows.append(("Helps with", links("barriers", practice.barriers)))
    if cards := cards_render.practice_line(content, src_uri, practice.slug):
        rows.append(("Cards", cards))
    items = "\n".join(f"- **{label}:** {value}" for label, value in rows)
    # Kept out of the search index: it repeats other pages' titles and would match their words.
    return f'<div class="closer-practice-summary" data-search-exclude markdown>\n\n{items}\n\n</div>'


def time_needed(practice: Practice) -> str:
    return f"**About {duration(practice.minutes)}, {practice.how_often}.**"


def worksheet_link(content: Content, src_uri: str, practice: Practice) -> str:
    """Where this practice's worksheet lives; the worksheets index until the worksheet exists."""
    worksheet = content.worksheet_of(practice)
    if worksheet is not None:
        return (
            f"[Open the worksheet]({href(src_uri, worksheet.src_uri)}) to fill it in on screen, "
            "print it, or save it as a PDF."
        )
    return (
        f"[Browse the worksheets]({href(src_uri, 'worksheets/index.md')}) for a page you can fill in on screen "
        "or print for the kitchen table."
    )


def tags(content: Content, practice: Practice) -> list[str]:
    """Tags by theme (the pillars it builds), approach and time, in that order."""
    names = [content.title(f"foundations/{s}.md") for s in practice.pillars]
    for slug in practice.approaches:
        name = content.title(f"approaches/{slug}.md").removeprefix("The ")
        names.append(name[:1].upper() + name[1:])
    return names + [time_bucket(practice.minutes)]


def echoing(content: Content, approach: str) -> list[Practice]:
    """The practices whose `approaches` name this approach, by title: its at-home list and pairings."""
    return [p for p in content.practices.values() if approach in p.approaches]


def at_home(content: Content, src_uri: str) -> str:
    """An approach page's at-home list: each practice that names the approach, with its description."""
    slug = src_uri.removeprefix("approaches/").removesuffix(".md")
    practices = echoing(content, slug)
    if not practices:
        raise DataError(
            f"docs/{src_uri}: no practice names '{slug}' in its 'approaches', so the at-home list would be empty; "
            "add the approach to the practices that echo it"
        )
    return "\n".join(f"- {link(content, src_uri, p.src_uri)}: {p.page.meta['description']}" for p in practices)


def index_entry(practice: Practice) -> str:
    return f"- [{practice.title}]({practice.slug}.md): {duration(practice.minutes)}, {practice.how_often}"


def index_by_time(practices: list[Practice]) -> str:
    """Grouped lists for the practices index, shortest bucket first, shortest practice first."""
    blocks = []
    for n, (_, label) in enumerate(TIME_BUCKETS, start=1):
        group = sorted((p for p in practices if time_bucket(p.minutes) == label), key=lambda p: p.minutes)
        if group:
            blocks.append(f"### {label} {{#time-{n}}}\n\n" + "\n".join(index_entry(p) for p in group))
    return "\n\n".join(blocks)


def index_by(content: Content, key: str, practices: list[Practice]) -> str:
    """Grouped lists for the practices index: one group per pillar or barrier, with a link to its page."""
    folder, _ = LINKED[key]
    slugs = sorted({s for p in practices for s in p.linked(key)}, key=lambda s: content.title(f"{folder}/{s}.md"))
    blocks = []
    for slug in slugs:
        group = [p for p in practices if slug in p.linked(key)]
        heading = f"### {content.title(f'{folder}/{slug}.md')} {{#{key}-{slug}}}"
        about = f"Read more: {link(content, 'practices/index.md', f'{folder}/{slug}.md')}."
        blocks.append(f"{heading}\n\n" + "\n".join(index_entry(p) for p in group) + f"\n\n{about}")
    return "\n\n".join(blocks)


def index(content: Content, src_uri: str, grouping: str) -> str:
    """The practices index grouped by "time", "pillars" or "barriers"."""
    practices = list(content.practices.values())
    if grouping == "time":
        return index_by_time(practices)
    if grouping in ("pillars", "barriers"):
        return index_by(content, grouping, practices)
    raise DataError(f"docs/{src_uri}: practices_by() groups by 'time', 'pillars' or 'barriers', got {grouping!r}")
