"""mkdocs-macros entry point (module_name: macros). define_env only registers thin wrappers;
the work lives in the sibling modules, which import without MkDocs running."""
from __future__ import annotations

from . import caveats, glossary, helplines, macro_errors, pages, practices, worksheet_render, worksheets

from . import therapists


def define_env(env):
    @env.macro
    def term(slug: str, text: str | None = None) -> str:
        """A forced link to a glossary term: {{ term("stonewalling") }} or {{ term("stonewalling", "shutting down") }}."""
        return glossary.term_link(glossary.load(), env.page.file.src_uri, slug, text)

    @env.macro
    def glossary_entries() -> str:
        """The glossary page body, generated from data/glossary.yml."""
        terms = glossary.load()
        return glossary.page_markdown(terms, glossary.related_titles(terms))

    @env.macro
    def safe_to_open_up() -> str:
        """The one line saying a page's practices are for partners who feel safe, linked to the safety page."""
        return caveats.safe_to_open_up(env.page.file.src_uri, env.page.meta)

    def practice() -> dict:
        return practices.validate(env.page.file.src_uri, env.page.meta.get("practice"))

    @env.macro
    def section(section_id: str, title: str | None = None) -> str:
        """A required section heading for this page's kind, with its stable id: {{ section("what-it-is") }}."""
        return pages.section_heading(env.page.meta.get("kind", ""), section_id, title)

    @env.macro
    def practice_summary() -> str:
        """The time, frequency and links card at the top of a practice page."""
        return practices.summary(env.page.file.src_uri, practice())

    @env.macro
    def practice_time() -> str:
        """The time-needed sentence, from the page's `practice.minutes` and `practice.how_often`."""
        return practices.time_needed(practice())

    @env.macro
    def practice_worksheet() -> str:
        """The link to this practice's worksheet."""
        return practices.worksheet_link(env.page.file.src_uri, practice())

    @env.macro
    def practices_by(grouping: str) -> str:
        """The practices index grouped by "time", "pillars" or "barriers", read from every practice page."""
        return practices.index(env.page.file.src_uri, grouping)

    @env.macro
    def worksheet(worksheet_id: str) -> str:
        """A worksheet page's body (form, print footer, tools), from data/worksheets/<id>.yml."""
        return worksheet_render.page_body(worksheets.get(worksheet_id), worksheet_render.public_site_url(env.conf),
                                          directory_urls=env.conf["use_directory_urls"])

    @env.macro
    def worksheet_index() -> str:
        """Every worksheet, grouped by theme, with its purpose and time needed."""
        return worksheet_render.index_markdown(list(worksheets.load_all().values()))

    @env.macro
    def concern_index() -> str:
        """The therapists' link index by presenting concern, from data/concerns.yml."""
        return therapists.concern_index(env.page.file.src_uri)

    @env.macro
    def homework_pairings() -> str:
        """Approach, practice and worksheet, read from every practice page's front matter."""
        return therapists.pairings(env.page.file.src_uri)

    @env.macro
    def helpline_directory() -> str:
        """Every helpline from data/helplines.yml, by country, each a tap-to-call (and text) link."""
        return helplines.directory_html(helplines.load())

    @env.macro
    def emergency_numbers() -> str:
        """'911 in the United States and Canada, 999 in …', each a tap-to-call link."""
        return helplines.emergency_html(helplines.load())

    @env.macro
    def helpline(helpline_id: str) -> str:
        """One service's call (and text) links: {{ helpline("uk-ndah") }}."""
        return helplines.contact_links(helplines.load().get(helpline_id, f"docs/{env.page.file.src_uri}"))

    @env.macro
    def emergency(emergency_id: str) -> str:
        """One emergency number as a tap-to-call link: {{ emergency("uk-ie") }}."""
        return helplines.emergency_link(helplines.load().emergency_number(emergency_id, f"docs/{env.page.file.src_uri}"))

    @env.macro
    def url_promises() -> str:
        """How many addresses and section links data/urls.yml promises, in words."""
        from . import urls  # not at the top: `python -m macros.urls` runs that module as a script

        return urls.promises(urls.load())

    macro_errors.install(env)
