"""The therapists' hub: the link index by concern, homework pairings and handout packets, from data.

Concerns live in data/concerns.yml; practices, their approaches and their worksheets come from each
practice page's front matter. Every link is built here once, as a relative Markdown link that the strict
build checks, file and anchor.
"""
from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache
from pathlib import Path

import yaml

from . import caveats
from .cards import render as cards_render
from .data import DATA, DataError, check_keys, expect_list, expect_text, page_kinds, read_yaml, relative
from .practices import DOCS, WORKSHEETS, duration, page_title

CONCERNS = DATA / "concerns.yml"
PACKETS = "therapists/packets"
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_SECTION = re.compile(r'^\{\{\s*section\("([a-z-]+)"[^}]*\}\}\s*$', re.M)
_HEADING = re.compile(r"^(#{2,5}) (.+?)(?: \{#([a-z0-9-]+)\})?[ \t]*$", re.M)
_LINK = re.compile(r"\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")
# A paragraph followed by its attr_list line `{: .closer-caveat }`.
_CAVEAT = re.compile(r"(?:^|\n\n)((?:(?!\n\n).)+?)\n\{:[^}\n]*\.closer-caveat[^}\n]*\}", re.S)


@lru_cache(maxsize=None)
def concerns(path: Path = CONCERNS) -> list[dict]:
    """The presenting concerns, validated: unique slugs, existing pages and practices."""
    data = read_yaml(path)
    if not isinstance(data, list) or not data:
        raise DataError(f"{relative(path)}: expected a list of concerns")
    seen = set()
    for i, entry in enumerate(data):
        where = f"{relative(path)}: concern {entry.get('id', i) if isinstance(entry, dict) else i!r}"
        check_keys(where, entry, ["id", "words", "about", "read", "practices"])
        if not isinstance(entry["id"], str) or not SLUG.fullmatch(entry["id"]) or entry["id"] in seen:
            raise DataError(f"{where}: 'id' must be a new lowercase slug such as same-fight, got {entry['id']!r}")
        seen.add(entry["id"])
        expect_text(where, "words", entry["words"])
        expect_text(where, "about", entry["about"])
        for target in expect_list(where, "read", entry["read"]):
            page, _, anchor = str(target).partition("#")
            if not anchor:
                raise DataError(f"{where}: 'read' must name a section, as folder/page#anchor, got {target!r}")
            if not (DOCS / f"{page}.md").is_file():
                raise DataError(f"{where}: 'read' names {target!r}, but docs/{page}.md does not exist")
            if not has_anchor(page, anchor):
                raise DataError(
                    f"{where}: 'read' names {target!r}, but docs/{page}.md has no heading with the id "
                    f"'{anchor}'; expected an id written as {{#{anchor}}} or a section(\"{anchor}\")"
                )
        for slug in expect_list(where, "practices", entry["practices"]):
            if not (DOCS / "practices" / f"{slug}.md").is_file():
                raise DataError(f"{where}: 'practices' names {slug!r}, but docs/practices/{slug}.md does not exist")
    return data


@lru_cache(maxsize=None)
def practice_meta(slug: str) -> dict:
    """A practice page's front matter, read without building it."""
    from mkdocs.utils.meta import get_data

    _, meta = get_data((DOCS / "practices" / f"{slug}.md").read_text(encoding="utf-8"))
    return meta


def practice_slugs() -> list[str]:
    return sorted(p.stem for p in (DOCS / "practices").glob("*.md") if p.name != "index.md")


def href(from_uri: str, target: str) -> str:
    """A relative link from the page at from_uri to 'folder/page.md' (plus any '#anchor')."""
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(from_uri) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def worksheet_target(slug: str) -> str | None:
    """The practice's worksheet page, or None while it has none yet."""
    wid = (practice_meta(slug).get("practice") or {}).get("worksheet", slug)
    if wid is False:  # the practice says it has no worksheet
        return None
    return f"worksheets/{wid}.md" if (WORKSHEETS / f"{wid}.yml").is_file() else None


def worksheet_link(from_uri: str, slug: str) -> str:
    """'(worksheet)' after a practice link, named in full for screen readers, which list links alone."""
    target = worksheet_target(slug)
    title = page_title("practices", slug).replace('"', "'")
    if target is None:
        return f"[all worksheets]({href(from_uri, 'worksheets/index.md')})"
    return f'[worksheet]({href(from_uri, target)}){{ aria-label="Worksheet: {title}" }}'


def practice_with_worksheet(from_uri: str, slug: str) -> str:
    steps_link = f"[{page_title('practices', slug)}]({href(from_uri, f'practices/{slug}.md#how-to-do-it')})"
    return f"{steps_link} ({worksheet_link(from_uri, slug)})"


def read_link(from_uri: str, target: str) -> str:
    """'Page title: section' linked to the exact section."""
    page, _, anchor = target.partition("#")
    folder, name = page.split("/", 1)
    label = page_title(folder, name)
    if anchor:
        label += f": {section_title(page, anchor)}"
    return f"[{label}]({href(from_uri, page + '.md' + (f'#{anchor}' if anchor else ''))})"


def has_anchor(page: str, anchor: str) -> bool:
    """Whether the page's Markdown gives some element the id `anchor` ({#id}, {: #id } or a section)."""
    text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    a = re.escape(anchor)
    return bool(re.search(rf'\{{:?[^}}\n]*#{a}[\s}}.]', text) or re.search(rf'section\("{a}"', text))


def section_title(page: str, anchor: str) -> str:
    """The wording of the heading that carries `anchor` on a page, read from its Markdown source."""
    text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    match = re.search(rf'^#+ (.+?) \{{#{re.escape(anchor)}\}}\s*$', text, re.M)
    if match:
        return match.group(1).strip().strip('"')
    match = re.search(rf'^\{{\{{\s*section\("{re.escape(anchor)}"(?:,\s*"([^"]+)")?\)\s*\}}\}}', text, re.M)
    if match:
        return match.group(1) or _section_names().get(anchor, anchor.replace("-", " "))
    return anchor.replace("-", " ")


def packet_target(concern: dict) -> str:
    return f"{PACKETS}/{concern['id']}.md"


def concern_index(from_uri: str) -> str:
    """The hub's link index: one short block per concern, with a stable anchor (its id)."""
    out = []
    for c in concerns():
        tries = "; ".join(practice_with_worksheet(from_uri, s) for s in c["practices"])
        out += [
            f"### \u201c{c['words']}\u201d {{#{c['id']}}}",
            "",
            c["about"],
            "",
            f"- **Read:** {', '.join(read_link(from_uri, t) for t in c['read'])}",
            f"- **Try:** {tries}",
            *cards_render.hub_line(from_uri, c),
            f"- **Hand out:** [one printable page for this concern]({href(from_uri, packet_target(c))}), "
            "also as a PDF with its worksheets",
            "",
        ]
    return "\n".join(out)


def approach_target(slug: str) -> str:
    """An approach page's 'Practices that echo it' section; the whole page for other kinds of page."""
    from mkdocs.utils.meta import get_data

    _, meta = get_data((DOCS / "approaches" / f"{slug}.md").read_text(encoding="utf-8"))
    return f"approaches/{slug}.md" + ("#at-home" if meta.get("kind") == "approach" else "")


def pairings(from_uri: str) -> str:
    """Homework pairings: approach, then the practices that echo it, then each one's worksheet."""
    by_approach: dict[str, list[str]] = {}
    for slug in practice_slugs():
        for approach in practice_meta(slug)["practice"].get("approaches") or []:
            by_approach.setdefault(approach, []).append(slug)
    items = []
    for approach in sorted(by_approach, key=lambda a: page_title("approaches", a)):
        name = f"[{page_title('approaches', approach)}]({href(from_uri, approach_target(approach))})"
        items.append(f"- **{name}:** " + "; ".join(practice_with_worksheet(from_uri, s) for s in by_approach[approach]))
    return "\n".join(items)


def steps(slug: str, from_uri: str) -> str:
    """A practice's 'How to do it' section, with its links made relative to the page at from_uri."""
    return practice_section(slug, "how-to-do-it", from_uri)


def practice_section(slug: str, section_id: str, from_uri: str) -> str:
    """One required section of a practice page, with its links made relative to the page at from_uri."""
    source = (DOCS / "practices" / f"{slug}.md").read_text(encoding="utf-8")
    parts = _SECTION.split(source)
    found = dict(zip(parts[1::2], parts[2::2]))
    if section_id not in found:
        raise DataError(
            f"docs/practices/{slug}.md: a practice page needs the section '{section_id}' "
            "(its handout packet copies it); found none"
        )
    block = found[section_id].strip()
    if "{{" in block or "{%" in block:
        raise DataError(f"docs/practices/{slug}.md: the '{section_id}' section uses a macro, which a handout packet cannot copy")
    return _relinked(slug, block, from_uri)


def practice_caveats(slug: str, from_uri: str) -> list[str]:
    """Paragraphs a practice marks `{: .closer-caveat }`: warnings a handout must carry with its steps."""
    source = (DOCS / "practices" / f"{slug}.md").read_text(encoding="utf-8")
    return [_relinked(slug, m.group(1).strip(), from_uri) for m in _CAVEAT.finditer(source)]


def _relinked(slug: str, block: str, from_uri: str) -> str:
    def relink(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join("practices", match.group(1)))
        return f"]({href(from_uri, target)}{match.group(2) or ''})"

    def demote(match: re.Match) -> str:
        # The steps sit one level deeper in a packet, and two practices may use the same sub-ids.
        anchor = f" {{#{slug}-{match.group(3)}}}" if match.group(3) else ""
        return f"#{match.group(1)} {match.group(2)}{anchor}"

    return _HEADING.sub(demote, _LINK.sub(relink, block))


def packet_source(concern: dict, site_url: str) -> str:
    """The Markdown source of one concern's handout packet: front matter, then each practice."""
    uri = packet_target(concern)
    sources = list(dict.fromkeys(s for p in concern["practices"] for s in practice_meta(p)["sources"]))
    meta = {
        "title": f"Handout: {concern['words'].rstrip('.')}",
        "description": f"A printable handout of practices for couples who say: {concern['words'].rstrip('.?!')}.",
        "theme": "therapists",
        "kind": "hub",
        # A handout is only as fresh as its least recently checked practice.
        "reviewed": min(practice_meta(p)["reviewed"] for p in concern["practices"]),
        "next_review": min(practice_meta(p)["next_review"] for p in concern["practices"]),
        "sources": sources,
        "search": {"exclude": True},
    }
    body = [
        f"# \u201c{concern['words']}\u201d",
        f'<p class="closer-packet-lede">{html.escape(concern["about"])}</p>',
        "This handout gathers a few practices that can help. Try one at a time, for a week or two, and "
        "talk about how it went. Each part ends with the address of the full page and its worksheet.",
        f"**Read first:** {', '.join(read_link(uri, t) for t in concern['read'])}.",
        # The same line every practice page carries (macros/caveats.py), with the address for paper.
        f"{caveats.TEXT.format(href=href(uri, caveats.SAFETY_PAGE))} On paper: {site_url}safety/\n"
        "{: .closer-packet-safety }",
        # Raw HTML: the PDF is written after the pages, so MkDocs cannot check a Markdown link to it.
        f'<p class="closer-packet-download"><a href="{concern["id"]}.pdf" download>Download this handout '
        f"as a PDF</a>, with its worksheets to print.</p>",
    ]
    for slug in concern["practices"]:
        meta_p = practice_meta(slug)
        p = meta_p["practice"]
        page_url = f"{site_url}practices/{slug}/#how-to-do-it"
        ws = worksheet_target(slug) or "worksheets/index.md"
        ws_url = site_url + ws[: -len("index.md")] if ws.endswith("index.md") else f"{site_url}{ws[:-3]}/"
        body += [
            f'<section class="closer-packet-practice" markdown>\n\n## {meta_p["title"]} {{#{slug}}}',
            f"{meta_p['description']}",
            f"**Time:** about {duration(p['minutes'])}, {p['how_often']}.",
            *practice_caveats(slug, uri),
            f"### How to do it {{#{slug}-steps}}",
            steps(slug, uri),
            f"### Watch out for {{#{slug}-pitfalls}}",
            practice_section(slug, "pitfalls", uri),
            # The addresses are the link texts, so they print in full and no other hook rewrites them.
            f"**The full page:** [{page_url}]({href(uri, f'practices/{slug}.md#how-to-do-it')})",
            f"**{'Worksheet' if worksheet_target(slug) else 'Worksheets'}:** [{ws_url}]({href(uri, ws)}), "
            "to print, fill in on screen, or download as a PDF.",
            "</section>",
        ]
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n" + "\n\n".join(body) + "\n"


def _section_names() -> dict[str, str]:
    return {s["id"]: s["title"] for kind in page_kinds().values() for s in kind.get("sections") or []}
