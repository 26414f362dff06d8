"""The content model: every input of a build read once, checked, and held as typed records.

`load(root, site_url)` reads data/*.yml, data/worksheets/*.yml, data/cards/*.yml and every page in docs/,
checks each against the rules in its room (content/, glossary/, practices/, worksheets/, cards/,
therapists/, safety/, urls/)
and returns one frozen Content. Features render from it; nothing else opens an input file. A builder
calls `load` at the start of each build (hooks/content.py for MkDocs), so an edit always shows.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import kinds as kinds_module, sources as sources_module
from .errors import DataError
from .files import read_text, read_yaml, relative
from .kinds import Kind, section_names
from .pages import Page, parse, validate_meta
from .sources import Source


# The worksheets' stylesheet: the page prints with it, and so do the PDFs (worksheets/pdf.py).
WORKSHEET_CSS = "docs/stylesheets/worksheets.css"
# The cards' stylesheet: the deck pages print with it, and so do the deck PDFs (cards/render.py).
CARDS_CSS = "docs/stylesheets/cards.css"


@dataclass(frozen=True)
class Content:
    root: Path
    site_url: str                              # the public address, ending in '/'
    sources: dict[str, Source]
    kinds: dict[str, Kind]
    pages: dict[str, Page]                     # docs/ pages by src_uri
    page_sources: dict[str, tuple[Source, ...]]
    terms: tuple                               # glossary.terms.Term, sorted by term
    practices: dict                            # practices.model.Practice by slug, sorted by title
    worksheets: dict                           # worksheets.model.Worksheet by id, in index order
    concerns: tuple                            # therapists.concerns.Concern
    helplines: object                          # safety.helplines.Directory
    urls: dict                                 # the URL contract (urls.contract.load)
    worksheet_css: str                         # docs/stylesheets/worksheets.css, which the PDFs print with
    decks: dict = field(default_factory=dict)  # cards.model.Deck by id, in index order
    cards_css: str = ""                        # docs/stylesheets/cards.css, which the deck PDFs print with

    def title(self, target: str) -> str:
        """The title of the page 'folder/page.md' (an anchor after '#' is ignored)."""
        src_uri = target.partition("#")[0]
        page = self.pages.get(src_uri)
        if page is not None:
            return page.title
        if src_uri.startswith("worksheets/") and (w := self.worksheets.get(src_uri[len("worksheets/"):-3])):
            return w.title
        raise DataError(f"{src_uri}: no such page in docs/")

    def worksheet_of(self, practice) -> object | None:
        """The practice's worksheet, or None when it has none (yet)."""
        return self.worksheets.get(practice.worksheet) if practice.worksheet else None

    def kind_of(self, meta: dict) -> Kind | None:
        return self.kinds.get(meta.get("kind", ""))


def load(root: Path, site_url: str, today: dt.date | None = None) -> Content:
    """Read and check every input under `root`; the first problem stops with one sentence."""
    from ..cards import model as cards_model
    from ..glossary import terms as glossary_terms
    from ..practices import model as practices_model
    from ..safety import helplines
    from ..therapists import concerns as concerns_model
    from ..urls import contract
    from ..worksheets import model as worksheets_model

    root = Path(root)
    data = root / "data"

    def yaml_file(name: str):
        return read_yaml(data / name, f"data/{name}")

    registry = sources_module.load(yaml_file("sources.yml"), "data/sources.yml")
    kinds = kinds_module.load(yaml_file("page_kinds.yml"), "data/page_kinds.yml")
    names = section_names(kinds)
    pages = {}
    for path in sorted((root / "docs").rglob("*.md")):
        src_uri = path.relative_to(root / "docs").as_posix()
        pages[src_uri] = parse(src_uri, read_text(path, f"docs/{src_uri}"), names)
    page_sources = {
        uri: validate_meta(page.where, uri, page.meta, kinds, registry, today) for uri, page in pages.items()
    }
    practices = [practices_model.validate(p, pages) for p in pages.values() if p.kind == "practice"]
    practices = {p.slug: p for p in sorted(practices, key=lambda p: p.title.strip('"').lower())}
    terms = glossary_terms.validate(yaml_file("glossary.yml"), "data/glossary.yml", frozenset(pages))
    folder = data / "worksheets"
    _refuse_strays(folder, root, "a worksheet file")
    worksheets = worksheets_model.in_order([
        worksheets_model.validate(f"data/worksheets/{p.name}", p.stem, read_yaml(p, f"data/worksheets/{p.name}"),
                                  frozenset(practices), registry, today)
        for p in sorted(folder.glob("*.yml"))
    ])
    concerns = concerns_model.validate(yaml_file("concerns.yml"), "data/concerns.yml", pages, frozenset(practices))
    decks = {}
    if (data / "cards").is_dir():
        _refuse_strays(data / "cards", root, "a deck file")
        decks = cards_model.in_order(
            cards_model.validate(f"data/cards/{p.name}", p.stem, read_yaml(p, f"data/cards/{p.name}"),
                                 frozenset(practices), registry, frozenset(c.id for c in concerns), today)
            for p in sorted((data / "cards").glob("*.yml"))
        )
    directory = helplines.validate(yaml_file("helplines.yml"), "data/helplines.yml", registry)
    urls = contract.load(yaml_file("urls.yml"))
    css = read_text(root / WORKSHEET_CSS, WORKSHEET_CSS)
    cards_css = read_text(root / CARDS_CSS, CARDS_CSS) if decks else ""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return Content(root, base, registry, kinds, pages, page_sources, tuple(terms), practices, worksheets,
                   concerns, directory, urls, css, decks, cards_css)


def _refuse_strays(folder: Path, root: Path, what: str) -> None:
    """Fail on a file in a data folder that does not end in .yml: it would be ignored."""
    strays = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".yml" and not p.name.startswith("."))
    if strays:
        raise DataError(
            f"{relative(strays[0], root)}: {what} must end in .yml, found {strays[0].name!r}; "
            f"rename it to {strays[0].stem}.yml (any other file in {relative(folder, root)}/ would be ignored)"
        )
