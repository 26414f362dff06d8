"""The book's plan: which pages, in which order, under which part, from the site's navigation and the
content model. Safety comes first; the glossary, the worksheets and the conversation cards (each deck as
its numbered list of questions) are appendices; the tags page and the generated handouts (which repeat
the practices) are left out."""
from __future__ import annotations

from dataclasses import dataclass

from ..content.errors import DataError
from ..content.links import public_url
from ..content.model import Content

SAFETY = "safety/index.md"
GLOSSARY = "glossary/index.md"
LEFT_OUT = ("tags/index.md",)
CARDS = "cards/index.md"


@dataclass(frozen=True)
class Chapter:
    src_uri: str
    title: str
    part: str
    address: str          # the chapter's public address, printed under its title

    @property
    def id(self) -> str:
        """The chapter's anchor in the book: its path, e.g. 'practices-mirroring' ('home' for the home page)."""
        path = self.src_uri.removesuffix(".md").removesuffix("index").strip("/")
        return "chapter-" + (path.replace("/", "-") or "home")

    @property
    def site_path(self) -> str:
        """Its address from the site root, as links in built pages reach it: '/practices/mirroring/'."""
        return "/" + public_url("https://x/", self.src_uri).removeprefix("https://x/")


def _walk(nav: list, part: str):
    for item in nav:
        if isinstance(item, str):
            yield part, item
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    yield (part or title), value
                else:
                    yield from _walk(value, title)


def plan(nav: list, content: Content) -> list[Chapter]:
    """Every page of the navigation once, safety first, then the guide, then the appendices."""
    def chapter(src_uri: str, part: str) -> Chapter:
        if src_uri in content.pages:
            title = content.pages[src_uri].title
        elif src_uri.startswith("worksheets/") and src_uri != "worksheets/index.md":
            title = content.title(src_uri)
        elif src_uri == CARDS:
            title = "Conversation cards"
        elif src_uri.startswith("cards/") and src_uri[len("cards/"):-len(".md")] in content.decks:
            title = content.decks[src_uri[len("cards/"):-len(".md")]].title
        else:
            raise DataError(f"mkdocs.yml: nav names {src_uri!r}, which is not a page in docs/ or a worksheet")
        return Chapter(src_uri, title, part, public_url(content.site_url, src_uri))

    entries = [(part, uri) for part, uri in _walk(nav, "") if uri not in LEFT_OUT]
    seen = {uri for _, uri in entries}
    main = [chapter(uri, part or "Closer") for part, uri in entries
            if uri not in (SAFETY, GLOSSARY, "worksheets/index.md", CARDS) and not uri.startswith("cards/")]
    chapters = [chapter(SAFETY, "Get help now")] if SAFETY in seen else []
    chapters += main
    if GLOSSARY in seen:
        chapters.append(chapter(GLOSSARY, "Appendix A: Glossary"))
    if "worksheets/index.md" in seen:
        chapters.append(chapter("worksheets/index.md", "Appendix B: Worksheets"))
        chapters += [chapter(w.src_uri, "Appendix B: Worksheets") for w in content.worksheets.values()]
    if CARDS in seen:
        chapters.append(chapter(CARDS, "Appendix C: Conversation cards"))
        chapters += [chapter(f"cards/{deck}.md", "Appendix C: Conversation cards") for deck in content.decks]
    return chapters
