"""data/concerns.yml: what couples say when they come to therapy, each with its reading and practices."""
from __future__ import annotations

from dataclasses import dataclass

from ..content.errors import DataError
from ..content.fields import check_keys, expect_list, expect_text, is_slug
from ..content.pages import Page

PACKETS = "therapists/packets"


@dataclass(frozen=True)
class Concern:
    id: str
    words: str
    about: str
    read: tuple[str, ...]          # 'folder/page#anchor'
    practices: tuple[str, ...]     # practice slugs

    @property
    def packet(self) -> str:
        """The src_uri of its generated handout page."""
        return f"{PACKETS}/{self.id}.md"

    @property
    def name(self) -> str:
        return self.words.rstrip(".")


def validate(data: object, file: str, pages: dict[str, Page], practices: set[str] | frozenset[str]) -> tuple[Concern, ...]:
    """The concerns, checked: unique slugs, existing pages and sections, existing practices."""
    if not isinstance(data, list) or not data:
        raise DataError(f"{file}: expected a list of concerns")
    seen, concerns = set(), []
    for i, entry in enumerate(data):
        where = f"{file}: concern {entry.get('id', i) if isinstance(entry, dict) else i!r}"
        check_keys(where, entry, ["id", "words", "about", "read", "practices"])
        if not is_slug(entry["id"]) or entry["id"] in seen:
            raise DataError(f"{where}: 'id' must be a new lowercase slug such as same-fight, got {entry['id']!r}")
        seen.add(entry["id"])
        words, about = expect_text(where, "words", entry["words"]), expect_text(where, "about", entry["about"])
        for target in expect_list(where, "read", entry["read"]):
            page_path, _, anchor = str(target).partition("#")
            if not anchor:
                raise DataError(f"{where}: 'read' must name a section, as folder/page#anchor, got {target!r}")
            page = pages.get(f"{page_path}.md")
            if page is None:
                raise DataError(f"{where}: 'read' names {target!r}, but docs/{page_path}.md does not exist")
            if anchor not in page.ids:
                raise DataError(
                    f"{where}: 'read' names {target!r}, but docs/{page_path}.md has no heading with the id "
                    f"'{anchor}'; expected an id written as {{#{anchor}}} or a section(\"{anchor}\")"
                )
        for slug in expect_list(where, "practices", entry["practices"]):
            if slug not in practices:
                raise DataError(f"{where}: 'practices' names {slug!r}, but docs/practices/{slug}.md does not exist")
        concerns.append(Concern(
            id=entry["id"], words=words, about=about,
            read=tuple(entry["read"]), practices=tuple(entry["practices"]),
        ))
    return tuple(concerns)
