"""At-home practices: the structured part of each practice page, rendered from its front matter.

A practice page's front matter carries a `practice` mapping; the prose lives in the page. From that
mapping this module renders the summary card, the time-needed line, the worksheet link, the page's
tags and the practices index, so every practice page has the same shape and nothing is typed twice.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .data import ROOT, DataError, check_keys, expect_list, expect_text

DOCS = ROOT / "docs"
WORKSHEETS = ROOT / "data" / "worksheets"
KEYS_REQUIRED = ("minutes", "how_often", "pillars")
KEYS_OPTIONAL = ("approaches", "barriers", "worksheet", "together")
# Each linked key: the folder its pages live in, and the kind a linked page must have (None: any but the index).
LINKED = {"pillars": ("foundations", "pillar"), "approaches": ("approaches", None), "barriers": ("barriers", "barrier")}
# Upper bound in minutes and label of each time bucket, shortest first; the last bound is the largest allowed.
TIME_BUCKETS = ((10, "10 minutes or less"), (30, "10 to 30 minutes"), (240, "More than 30 minutes"))


class Practice(NamedTuple):
    """One practice page, as the index sees it."""
    slug: str
    title: str
    practice: dict


def validate(src_uri: str, practice: object) -> dict:
    """Check a practice page's `practice` mapping and return it with its defaults filled in."""
    where = f"docs/{src_uri}: practice"
    if practice is None:
        raise DataError(f"{where}: a practice page needs a 'practice' mapping in its front matter")
    check_keys(where, practice, KEYS_REQUIRED, KEYS_OPTIONAL)
    minutes = practice["minutes"]
    longest = TIME_BUCKETS[-1][0]
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= longest:
        raise DataError(f"{where}: 'minutes' must be a whole number from 1 to {longest}, got {minutes!r}")
    expect_text(where, "how_often", practice["how_often"])
    for key, (folder, kind) in LINKED.items():
        for slug in expect_list(where, key, practice[key]) if key in practice else []:
            check_linked_page(where, key, folder, kind, slug)
    together = practice.get("together", True)
    if not isinstance(together, bool):
        raise DataError(f"{where}: 'together' must be true (a practice for two) or false (for one), got {together!r}")
    return {**practice, "together": together, "worksheet": worksheet_id(where, src_uri, practice.get("worksheet"))}


def check_linked_page(where: str, key: str, folder: str, kind: str | None, slug: object) -> None:
    path = DOCS / folder / f"{slug}.md"
    if not isinstance(slug, str) or slug == "index" or not path.is_file():
        raise DataError(f"{where}: '{key}' names {slug!r}, but docs/{folder}/{slug}.md is not a page of the guide")
    if kind and (found := page_meta(folder, slug).get("kind")) != kind:
        raise DataError(f"{where}: '{key}' names {slug!r}, which is a {found!r} page, not a {kind!r} page")


def worksheet_id(where: str, src_uri: str, value: object) -> str | None:
    """A practice's worksheet is named after the practice; `worksheet: false` says it has none."""
    own = slug_of(src_uri)
    if value is None or value is True or value == own:
        return own
    if value is False:
        return None
    raise DataError(f"{where}: 'worksheet' must be this page's own slug {own!r} or false, got {value!r}")


def slug_of(src_uri: str) -> str:
    return Path(src_uri).stem


def page_meta(folder: str, slug: str) -> dict:
    """A page's front matter, read without building it. Cached by the file's modification time, so a
    build reads each page once and `mkdocs serve` still sees an edit."""
    path = DOCS / folder / f"{slug}.md"
    return _front_matter(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=1024)
def _front_matter(path: Path, mtime_ns: int) -> dict:
    from mkdocs.utils.meta import get_data

    return get_data(path.read_text(encoding="utf-8"))[1]


def page_title(folder: str, slug: str) -> str:
    return page_meta(folder, slug).get("title", slug)


def link(from_uri: str, folder: str, slug: str) -> str:
    """A Markdown link from the page at from_uri to docs/folder/slug.md, checked by MkDocs."""
    depth = from_uri.count("/")
    return f"[{page_title(folder, slug)}]({'../' * depth}{folder}/{slug}.md)"


def duration(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} minutes"
    hours, rest = divmod(minutes, 60)
    text = f"{hours} hour" + ("s" if hours > 1 else "")
    return text + (f" {rest} minutes" if rest else "")


def time_bucket(minutes: int) -> str:
    return next(label for bound, label in TIME_BUCKETS if minutes <= bound)


def tags(practice: dict) -> list[str]:
    """Tags by theme (the pillars it builds), approach and time, in that order."""
    names = [page_title("foundations", s) for s in practice["pillars"]]
    for slug in practice.get("approaches") or []:
        name = page_title("approaches", slug).removeprefix("The ")
        names.append(name[:1].upper() + name[1:])
    return names + [time_bucket(practice["minutes"])]


def tag_order(tag, *_) -> tuple:
    """Sort key for Material's tags plugin (tags_sort_by, listings_tags_sort_by): time buckets first,
    shortest first, then every other tag alphabetically."""
    labels = [label for _, label in TIME_BUCKETS]
    if tag.name in labels:
        return (0, labels.index(tag.name), "")
    return (1, 0, tag.name.casefold())


def summary(src_uri: str, practice: dict) -> str:
    """The card at the top of a practice page: time, how often, who, and what it builds."""
    rows = [
        ("Time", f"about {duration(practice['minutes'])}, {practice['how_often']}"),
        ("Who", "the two of you together" if practice["together"] else "you, on your own"),
        ("Builds", ", ".join(link(src_uri, "foundations", s) for s in practice["pillars"])),
    ]
    if practice.get("approaches"):
        rows.append(("Comes from", ", ".join(link(src_uri, "approaches", s) for s in practice["approaches"])))
    if practice.get("barriers"):
        rows.append(("Helps with", ", ".join(link(src_uri, "barriers", s) for s in practice["barriers"])))
    from .cards.render import practice_line  # not at the top: cards.render reads page titles from here

    if cards := practice_line(src_uri, slug_of(src_uri)):
        rows.append(("Cards", cards))
    items = "\n".join(f"- **{label}:** {value}" for label, value in rows)
    # Kept out of the search index: it repeats other pages' titles and would match their words.
    return f'<div class="closer-practice-summary" data-search-exclude markdown>\n\n{items}\n\n</div>'


def time_needed(practice: dict) -> str:
    return f"**About {duration(practice['minutes'])}, {practice['how_often']}.**"


def worksheet_link(src_uri: str, practice: dict) -> str:
    """Where this practice's worksheet lives; the worksheets index until the worksheet exists."""
    depth = "../" * src_uri.count("/")
    slug = practice.get("worksheet")
    if slug and (WORKSHEETS / f"{slug}.yml").is_file():
        return (
            f"[Open the worksheet]({depth}worksheets/{slug}.md) to fill it in on screen, "
            "print it, or save it as a PDF."
        )
    return (
        f"[Browse the worksheets]({depth}worksheets/index.md) for a page you can fill in on screen "
        "or print for the kitchen table."
    )


def practice_pages() -> list[Path]:
    return sorted(p for p in (DOCS / "practices").glob("*.md") if p.name != "index.md")


def catalogue() -> list[Practice]:
    """Every practice page with its validated mapping, read from front matter, sorted by title."""
    found = []
    for path in practice_pages():
        meta = page_meta("practices", path.stem)
        practice = validate(f"practices/{path.name}", meta.get("practice"))
        found.append(Practice(path.stem, meta.get("title", path.stem), practice))
    return sorted(found, key=lambda p: p.title.strip('"').lower())


def index_entry(entry: Practice) -> str:
    p = entry.practice
    return f"- [{entry.title}]({entry.slug}.md): {duration(p['minutes'])}, {p['how_often']}"


def index_by_time(practices: list[Practice]) -> str:
    """Grouped lists for the practices index, shortest bucket first, shortest practice first."""
    blocks = []
    for n, (_, label) in enumerate(TIME_BUCKETS, start=1):
        group = sorted((e for e in practices if time_bucket(e.practice["minutes"]) == label),
                       key=lambda e: e.practice["minutes"])
        if group:
            blocks.append(f"### {label} {{#time-{n}}}\n\n" + "\n".join(index_entry(e) for e in group))
    return "\n\n".join(blocks)


def index_by(key: str, practices: list[Practice]) -> str:
    """Grouped lists for the practices index: one group per pillar or barrier, with a link to its page."""
    folder, _ = LINKED[key]
    slugs = sorted({s for e in practices for s in e.practice.get(key) or []}, key=lambda s: page_title(folder, s))
    blocks = []
    for slug in slugs:
        group = [e for e in practices if slug in (e.practice.get(key) or [])]
        heading = f"### {page_title(folder, slug)} {{#{key}-{slug}}}"
        about = f"Read more: {link('practices/index.md', folder, slug)}."
        blocks.append(f"{heading}\n\n" + "\n".join(index_entry(e) for e in group) + f"\n\n{about}")
    return "\n\n".join(blocks)


def index(src_uri: str, grouping: str) -> str:
    """The practices index grouped by "time", "pillars" or "barriers"."""
    if grouping == "time":
        return index_by_time(catalogue())
    if grouping in ("pillars", "barriers"):
        return index_by(grouping, catalogue())
    raise DataError(f"docs/{src_uri}: practices_by() groups by 'time', 'pillars' or 'barriers', got {grouping!r}")
