"""Worksheet definitions: the real ones load, and each kind of mistake fails with the file and entry named."""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
import yaml

from macros import worksheet_pdf, worksheet_render, worksheets
from macros.data import DataError
from macros.pages import validate_meta

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


def write(tmp_path: Path, data: dict, name: str = "sample") -> Path:
    path = tmp_path / f"{name}.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def changed(edit) -> dict:
    data = copy.deepcopy(GOOD)
    edit(data)
    return data


def field(data: dict, index: int) -> dict:
    return data["sections"][0]["fields"][index]


def test_the_real_worksheets_load():
    loaded = worksheets.load_all()
    assert len(loaded) >= 17
    assert {"barriers-checklist", "time-to-get-help"} <= set(loaded)
    assert len(PRACTICE_SLUGS & set(loaded)) >= 15
    assert set(loaded) - PRACTICE_SLUGS <= {"barriers-checklist", "time-to-get-help"}


def test_the_reflective_checklists_point_to_safety():
    for wid in ("barriers-checklist", "time-to-get-help"):
        assert worksheets.get(wid)["safety_note"] is True
        assert "[Get help now](../safety/index.md)" in worksheet_render.page_body(worksheets.get(wid), "https://x.org/")


def test_a_good_definition_has_every_field_type_with_unique_control_ids(tmp_path):
    sheet = worksheets.load(write(tmp_path, GOOD))
    kinds = [f["type"] for f in sheet["sections"][0]["fields"]]
    assert set(kinds) == set(worksheets.FIELD_TYPES)
    ids = worksheets.field_ids(sheet)
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
def test_each_mistake_names_the_file_the_entry_and_what_was_expected(tmp_path, edit, message):
    with pytest.raises(DataError) as err:
        worksheets.load(write(tmp_path, changed(edit)))
    assert message in str(err.value)


def test_the_loader_accepts_what_the_negatives_break(tmp_path):
    """Negative control for the test above: the untouched definition loads."""
    assert worksheets.load(write(tmp_path, GOOD))["title"] == "A sample worksheet"


def test_generated_front_matter_is_valid_page_front_matter():
    for sheet in worksheets.load_all().values():
        source = worksheet_render.page_source(sheet)
        meta = yaml.safe_load(source.split("---")[1])
        assert meta["kind"] == "worksheet" and meta["theme"] == "worksheets"
        validate_meta(f"worksheets/{sheet['id']}.md", meta)


def test_the_index_groups_every_worksheet_with_its_time():
    loaded = list(worksheets.load_all().values())
    text = worksheet_render.index_markdown(loaded)
    for group, title in worksheets.GROUPS.items():
        assert f"## {title} {{#{group}}}" in text
    for sheet in loaded:
        line = next(line for line in text.splitlines() if f"]({sheet['id']}.md)" in line)
        assert "*About " in line and ("minutes" in line or "hour" in line), line


def test_page_url_follows_site_url():
    assert worksheet_render.page_url("https://closer-guide.org/", "gratitude") == "https://closer-guide.org/worksheets/gratitude/"
    assert worksheet_render.page_url("https://x.org/guide", "a") == "https://x.org/guide/worksheets/a/"


def test_the_pdf_fetcher_refuses_the_network():
    from weasyprint.urls import FatalURLFetchingError

    with pytest.raises(FatalURLFetchingError) as err:
        worksheet_pdf.render('<img src="https://example.org/a.png">', "")
    assert "refused 'https://example.org/a.png'" in str(err.value.__cause__)
    with pytest.raises(ValueError, match="refused"):
        worksheet_pdf.local_only_fetcher().fetch("file:///etc/hostname")
    assert worksheet_pdf.local_only_fetcher().fetch("data:text/plain,hi").url.startswith("data:")


def test_a_pdf_is_rendered_once_then_taken_from_the_cache(tmp_path):
    sheet = worksheets.get("gratitude")
    cache, target = tmp_path / "cache", tmp_path / "site" / "gratitude.pdf"
    assert worksheet_pdf.build(sheet, "https://x.org/", cache, target) is True
    first = target.read_bytes()
    assert first.startswith(b"%PDF")
    assert worksheet_pdf.build(sheet, "https://x.org/", cache, target) is False
    assert target.read_bytes() == first
    edited = {**sheet, "title": "Gratitude, edited"}
    assert worksheet_pdf.build(edited, "https://x.org/", cache, target) is True
    assert len(list(cache.glob("gratitude.*.pdf"))) == 1, "the stale cached PDF was not removed"


def test_a_pdf_failure_names_the_worksheet(tmp_path, monkeypatch):
    def broken(html, css):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(worksheet_pdf, "render", broken)
    with pytest.raises(DataError, match=r"data/worksheets/gratitude.yml: worksheet 'gratitude': the PDF could not be made"):
        worksheet_pdf.build(worksheets.get("gratitude"), "https://x.org/", tmp_path / "c", tmp_path / "t.pdf")
