"""What the content model reads from a page's Markdown as written: its front matter, the ids it gives
headings and elements, the wording of a heading, its required sections and its caveat paragraphs.
Read once per page by the content model, so no feature scans page files of its own."""
from __future__ import annotations

import re

from .errors import DataError
from .files import parse_yaml

_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*\n", re.S)
_SECTION = re.compile(r'^\{\{\s*section\("([a-z0-9-]+)"[^}]*\}\}\s*$', re.M)
_SECTION_CALL = re.compile(r'^\{\{\s*section\("([a-z0-9-]+)"(?:,\s*"([^"]+)")?\)\s*\}\}', re.M)
_ATTR_ID = re.compile(r'\{:?[^}\n]*#([A-Za-z0-9_-]+)[\s}.]')
_HEADING_ID = re.compile(r'^#+ (.+?) \{#([A-Za-z0-9_-]+)\}\s*$', re.M)
# A paragraph followed by its attr_list line `{: .closer-caveat }`.
_CAVEAT = re.compile(r"(?:^|\n\n)((?:(?!\n\n).)+?)\n\{:[^}\n]*\.closer-caveat[^}\n]*\}", re.S)


def front_matter(where: str, source: str) -> tuple[dict, str]:
    """A page's front matter, parsed strictly, and the text after it. MkDocs drops front matter it cannot
    parse without a word and lets a repeated key win silently; this names the page, the line and the problem."""
    if not source.strip():
        raise DataError(f"{where}: the page is empty; expected front matter between two '---' lines, then the text")
    match = _FRONT.match(source)
    if not match:
        raise DataError(f"{where}: no front matter; expected the page to start with front matter between two '---' lines")
    data = parse_yaml(match.group(1), where, first_line=2, subject="front matter")
    if not isinstance(data, dict):
        raise DataError(f"{where}: front matter must be keys and values such as 'title: Trust', got {type(data).__name__}")
    return data, source[match.end():]


def declared_ids(body: str) -> frozenset[str]:
    """The ids the Markdown gives elements: `{#id}`, `{: #id }` and `{{ section("id") }}`."""
    return frozenset(_ATTR_ID.findall(body + "\n")) | frozenset(m.group(1) for m in _SECTION_CALL.finditer(body))


def heading_titles(body: str, section_names: dict[str, str]) -> dict[str, str]:
    """The words of every heading that carries an id, by id (a section() heading takes its kind's title)."""
    titles = {m.group(2): m.group(1).strip().strip('"') for m in _HEADING_ID.finditer(body)}
    for m in _SECTION_CALL.finditer(body):
        titles.setdefault(m.group(1), m.group(2) or section_names.get(m.group(1), m.group(1).replace("-", " ")))
    return titles


def sections(body: str) -> dict[str, str]:
    """Each required section's Markdown, from its section() heading to the next one, by id."""
    parts = _SECTION.split(body)
    return {sid: block.strip() for sid, block in zip(parts[1::2], parts[2::2])}


def caveats(body: str) -> tuple[str, ...]:
    """Paragraphs a page marks `{: .closer-caveat }`: warnings a handout must carry with its steps."""
    return tuple(m.group(1).strip() for m in _CAVEAT.finditer(body))
