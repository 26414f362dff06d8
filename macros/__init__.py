"""mkdocs-macros entry point (module_name: macros). define_env only registers thin wrappers over the
content model of the current build (adapter.content); the work lives in the feature packages, which
import nothing from MkDocs."""
from __future__ import annotations


def define_env(env):
    from . import adapter, macro_errors
    from .content.errors import DataError
    from .content.pages import section_heading as section_heading_of
    from .glossary import page as glossary_page
    from .practices import render as practice_render
    from .safety import caveats, contact
    from .therapists import hub
    from .urls import contract
    from .worksheets import page as worksheet_page

    def content():
        return adapter.content(env.conf)

    def here() -> str:
        return env.page.file.src_uri

    def practice():
        found = content().practices.get(env.page.file.src_uri.removeprefix("practices/").removesuffix(".md"))
        if found is None or not here().startswith("practices/"):
            raise DataError(f"docs/{here()}: practice macros belong on practice pages (docs/practices/)")
        return found

    @env.macro
    def term(slug: str, text: str | None = None) -> str:
        """A forced link to a glossary term: {{ term("stonewalling") }} or {{ term("stonewalling", "shutting down") }}."""
        return glossary_page.term_link(list(content().terms), here(), slug, text)

    @env.macro
    def glossary_entries() -> str:
        """The glossary page body, generated from data/glossary.yml."""
        c = content()
        titles = {p: c.title(p) for t in c.terms for p in t.related}
        return glossary_page.page_markdown(list(c.terms), titles)

    @env.macro
    def safe_to_open_up() -> str:
        """The one line saying a page's practices are for partners who feel safe, linked to the safety page."""
        return caveats.safe_to_open_up(here(), env.page.meta)

    @env.macro
    def section(section_id: str, title: str | None = None) -> str:
        """A required section heading for this page's kind, with its stable id: {{ section("what-it-is") }}."""
        kind = env.page.meta.get("kind", "")
        return section_heading_of(content().kinds.get(kind), kind, section_id, title)

    @env.macro
    def practice_summary() -> str:
        """The time, frequency and links card at the top of a practice page."""
        return practice_render.summary(content(), here(), practice())

    @env.macro
    def practice_time() -> str:
        """The time-needed sentence, from the page's `practice.minutes` and `practice.how_often`."""
        return practice_render.time_needed(practice())

    @env.macro
    def practice_worksheet() -> str:
        """The link to this practice's worksheet."""
        return practice_render.worksheet_link(content(), here(), practice())

    @env.macro
    def practices_by(grouping: str) -> str:
        """The practices index grouped by "time", "pillars" or "barriers"."""
        return practice_render.index(content(), here(), grouping)

    @env.macro
    def approach_practices() -> str:
        """An approach page's at-home list, from every practice's `approaches` (the one declaration)."""
        return practice_render.at_home(content(), here())

    @env.macro
    def worksheet_index() -> str:
        """Every worksheet, grouped by theme, with its purpose and time needed."""
        return worksheet_page.index_markdown(list(content().worksheets.values()))

    @env.macro
    def concern_index() -> str:
        """The therapists' link index by presenting concern, from data/concerns.yml."""
        return hub.concern_index(content(), here(), env.conf["use_directory_urls"])

    @env.macro
    def homework_pairings() -> str:
        """Approach, practice and worksheet, from every practice's record."""
        return hub.pairings(content(), here())

    @env.macro
    def helpline_directory() -> str:
        """Every helpline from data/helplines.yml, by country, each a tap-to-call (and text) link."""
        return contact.directory_html(content().helplines)

    @env.macro
    def emergency_numbers() -> str:
        """'911 in the United States and Canada, 999 in …', each a tap-to-call link."""
        return contact.emergency_html(content().helplines)

    @env.macro
    def helpline(helpline_id: str) -> str:
        """One service's call (and text) links: {{ helpline("uk-ndah") }}."""
        return contact.contact_links(content().helplines.get(helpline_id, f"docs/{here()}"))

    @env.macro
    def emergency(emergency_id: str) -> str:
        """One emergency number as a tap-to-call link: {{ emergency("uk-ie") }}."""
        return contact.emergency_link(content().helplines.emergency_number(emergency_id, f"docs/{here()}"))

    @env.macro
    def url_promises() -> str:
        """How many addresses and section links data/urls.yml promises, in words."""
        return contract.promises(content().urls)

    macro_errors.install(env)
