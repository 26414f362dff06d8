"""Worksheet definitions: the real ones load, and each kind of mistake fails with the file and entry named."""
from __future__ import annotations

import copy
import datetime as dt

import pytest
import yaml

from macros.content.errors import DataError
from macros.content.links import public_url
from macros.content.pages import validate_meta
from macros.worksheets import model as worksheets, page as worksheet_render

PRACTICE_SLUGS = {
    "daily-check-in", "weekly-check-in", "rituals-of-connection", "i-feel-statements", "protective-boundaries",
    "active-listening", "mirroring", "turning-toward-bids", "gratitude", "quality-time",
    "sharing-your-inner-world", "naming-emotions", "calm-conflict-and-repair", "perspective-taking",
    "mindful-listening", "rewriting-your-story", "self-reflection", "rebuilding-trust-through-action",
}

GOOD = {
    "id": "sample",
    "title": "A sample worksheet",
    "purpose": "A worksheet used only by the tests.",
    "minutes": 10,
    "pages": 1,
    "practice": "daily-check-in",
    "group": "every-day",
    "reviewed": dt.date(2026, 11, 22),
    "next_review": dt.date(2027, 11, 22),
    "sources": ["seed-001"],
    "instructions": ["Fill it in."],
    "sections": [{
        "title": "The only section",
        "fields": [
            {"type": "lines", "id": "notes", "label": "Notes", "rows": 3},
            {"type": "box", "id": "box", "label": "A box"},
            {"type": "checklist", "id": "ticks", "label": "Ticks", "items": ["One", "Two"]},
            {"type": "rating", "id": "scale", "label": "How much?", "low": "Little", "high": "Lots"},
            {"type": "days", "id": "week", "label": "Each day", "columns": ["Feeling"]},
            {"type": "prompts", "id": "asks", "prompts": ["First?", "Second?"]},
            {"type": "partners", "id": "both", "prompts": ["Each of you?"]},
        ],
    }],
}


@pytest.fixture
def load(content):
    """A definition checked as the content model checks data/worksheets/sample.yml."""
    return lambda data: worksheets.validate("data/worksheets/sample.yml", "sample", data, frozenset(content.practices),
                                           content.sources)


def changed(edit) -> dict:
    data = copy.deepcopy(GOOD)
    edit(data)
    return data


def field(data: dict, index: int) -> dict:
    return data["sections"][0]["fields"][index]


def test_the_real_worksheets_load(content):
    loaded = content.worksheets
    assert len(loaded) >= 17
    assert {"barriers-checklist", "time-to-get-help"} <= set(loaded)
    assert len(PRACTICE_SLUGS & set(loaded)) >= 15
    assert set(loaded) - PRACTICE_SLUGS <= {"barriers-checklist", "time-to-get-help"}


def test_the_reflective_checklists_point_to_safety(content):
    for wid in ("barriers-checklist", "time-to-get-help"):
        sheet = content.worksheets[wid]
        assert sheet.safety_note is True
        body = worksheet_render.page_body(sheet, "A practice", "https://x.org/", content.helplines)
        assert "[Get help now](../safety/index.md)" in body and "https://x.org/safety/" in body


def test_a_good_definition_has_every_field_type_with_unique_control_ids(load):
    sheet = load(GOOD)
    kinds = [f.type for f in sheet.sections[0].fields]
    assert set(kinds) == set(worksheets.FIELD_TYPES)
    ids = sheet.field_ids
    assert len(ids) == len(set(ids)) == 1 + 1 + 2 + 5 + 7 + 2 + 2


@pytest.mark.parametrize("edit, message", [
    (lambda d: field(d, 0).update(type="slider"),
     "sample.yml: worksheet 'sample': section 'The only section': field 'notes': unknown field type 'slider'; expected one of: lines"),
    (lambda d: d.pop("title"), "sample.yml: worksheet: missing required key 'title'"),
    (lambda d: d.update(pages=0), "worksheet 'sample': 'pages' must be a whole number from 1 to 4, got 0"),
    (lambda d: d.update(pages="two"), "worksheet 'sample': 'pages' must be a whole number from 1 to 4, got 'two'"),
    (lambda d: d.update(practice="juggling"),
     "worksheet 'sample': 'practice' must name a page in docs/practices/, but 'juggling' is not one"),
    (lambda d: field(d, 0).update(rows="seven"),
     "field 'notes': 'rows' must be a whole number from 1 to 30, got 'seven'"),
    (lambda d: d.update(colour="red"), "sample.yml: worksheet: unknown key 'colour'; expected one of"),
    (lambda d: field(d, 2).update(colour="red"), "field 'ticks': unknown key 'colour'; expected one of"),
    (lambda d: d.update(id="other"), "'id' must match the file name 'sample', got 'other'"),
    (lambda d: d.update(group="misc"), "'group' must be one of every-day"),
    (lambda d: d.update(sources=["seed-999"]), "source 'seed-999' is not in data/sources.yml"),
    (lambda d: d.update(purpose="Two sentences. Not one."), "'purpose' must be one sentence"),
    (lambda d: field(d, 1).update(id="notes"), "field 'notes': field id 'notes' is used twice"),
    (lambda d: field(d, 3).update(scale=1), "field 'scale': 'scale' must be a whole number from 2 to 10, got 1"),
    (lambda d: field(d, 2).pop("items"), "field 'ticks': missing required key 'items'"),
    (lambda d: d["sections"].append(copy.deepcopy(d["sections"][0]) | {"fields": [{"type": "box", "id": "other", "label": "B"}]}),
     "section 'The only section': its anchor 'ws-the-only-section' is also used by another section"),
    (lambda d: d["sections"][0].update(title="Notes"), "its anchor 'ws-notes' is also used by another section or a field"),
])
def test_each_mistake_names_the_file_the_entry_and_what_was_expected(load, edit, message):
    with pytest.raises(DataError) as err:
        load(changed(edit))
    assert message in str(err.value)


def test_the_loader_accepts_what_the_negatives_break(load):
    """Negative control for the test above: the untouched definition loads."""
    assert load(GOOD).title == "A sample worksheet"


def test_generated_front_matter_is_valid_page_front_matter(content):
    for sheet in content.worksheets.values():
        source = worksheet_render.page_source(sheet, "A practice", content.site_url, content.helplines)
        meta = yaml.safe_load(source.split("---")[1])
        assert meta["kind"] == "worksheet" and meta["theme"] == "worksheets" and meta["render_macros"] is False
        validate_meta(sheet.file, sheet.src_uri, meta, content.kinds, content.sources)


def test_the_index_groups_every_worksheet_with_its_time(content):
    loaded = list(content.worksheets.values())
    text = worksheet_render.index_markdown(loaded)
    for group, title in worksheets.GROUPS.items():
        assert f"## {title} {{#{group}}}" in text
    for sheet in loaded:
        line = next(line for line in text.splitlines() if f"]({sheet.id}.md)" in line)
        assert "*About " in line and ("minutes" in line or "hour" in line), line


def test_public_addresses_follow_site_url():
    assert public_url("https://closer-guide.org/", "worksheets/gratitude.md") == "https://closer-guide.org/worksheets/gratitude/"
    assert public_url("https://x.org/guide", "worksheets/a.md") == "https://x.org/guide/worksheets/a/"
    assert public_url("https://x.org/", "safety/index.md#helplines") == "https://x.org/safety/#helplines"


def test_a_worksheet_text_reaches_its_page_as_text_never_as_a_template(content, load):
    sheet = load(changed(lambda d: d.update(purpose="Write {{ 7 * 7 }} and {% raw %} as you like.")))
    source = worksheet_render.page_source(sheet, "A practice", content.site_url, content.helplines)
    assert "render_macros: false" in source and "{{ 7 * 7 }}" in source
