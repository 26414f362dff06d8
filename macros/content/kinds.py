"""data/page_kinds.yml: what each kind of page is for, the sections it must have, its search weight."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import DataError
from .fields import check_keys, expect_text, is_slug


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Kind:
    name: str
    about: str
    sections: tuple[Section, ...] = ()
    article: bool = False
    search_boost: float | None = None

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


def load(data: Any, file: str) -> dict[str, Kind]:
    if not isinstance(data, dict) or not data:
        raise DataError(f"{file}: expected a mapping of page kinds")
    kinds = {}
    for name, entry in data.items():
        where = f"{file}: kind '{name}'"
        check_keys(where, entry, ["about"], ["sections", "article", "search_boost"])
        boost = entry.get("search_boost")
        if boost is not None and (isinstance(boost, bool) or not isinstance(boost, (int, float)) or boost <= 0):
            raise DataError(f"{where}: 'search_boost' must be a positive number, got {boost!r}")
        sections = []
        for section in entry.get("sections") or []:
            check_keys(f"{where}: section {section!r}", section, ["id", "title"])
            if not is_slug(section["id"]):
                raise DataError(f"{where}: section 'id' must be a lowercase slug such as what-it-is, got {section['id']!r}")
            sections.append(Section(section["id"], expect_text(f"{where}: section '{section['id']}'", "title", section["title"])))
        kinds[name] = Kind(name, expect_text(where, "about", entry["about"]), tuple(sections),
                           bool(entry.get("article", False)), boost)
    return kinds


def section_names(kinds: dict[str, Kind]) -> dict[str, str]:
    """Every required section's title by id, across kinds."""
    return {s.id: s.title for kind in kinds.values() for s in kind.sections}
