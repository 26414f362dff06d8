"""Nothing a writer types can reach a page as script: a hostile value planted in every text field of
every kind of data file and of every page's front matter is refused when it is loaded, with the field
named. The fields are found by walking the real files, so a new field is covered without a list."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from macros.cards import model as cards_model
from macros.content import kinds as kinds_module
from macros.content.errors import DataError
from macros.content.files import read_text, read_yaml
from macros.content.markdown import front_matter
from macros.content.pages import Page, validate_meta
from macros.content.sources import check_source
from macros.glossary import terms as glossary_terms
from macros.practices import model as practices_model
from macros.safety import helplines
from macros.therapists import concerns
from macros.worksheets import model as worksheets_model
from tests.conftest import ROOT

HOSTILE = '"><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
DATA = ROOT / "data"


def string_fields(value, path=()):
    """The path of every string in a YAML structure, one per shape (list positions count as one)."""
    seen = set()

    def walk(obj, at):
        if isinstance(obj, dict):
            for key, item in obj.items():
                yield from walk(item, at + (key,))
        elif isinstance(obj, list):
            for i, item in enumerate(obj):
                yield from walk(item, at + (i,))
        elif isinstance(obj, str):
            shape = tuple(p if isinstance(p, str) else "#" for p in at)
            if shape not in seen:
                seen.add(shape)
                yield at

    yield from walk(value, path)


def planted(value, path):
    value = copy.deepcopy(value)
    here = value
    for step in path[:-1]:
        here = here[step]
    here[path[-1]] = HOSTILE
    return value


def field_name(path) -> str:
    return next(str(p) for p in reversed(path) if isinstance(p, str))


def sources_loader(value):
    for sid, entry in value.items():
        check_source(f"data/sources.yml: source '{sid}'", entry)


def front_matter_loader(uri, content):
    def load(meta):
        validate_meta(f"docs/{uri}", uri, meta, content.kinds, content.sources)
        if meta.get("kind") == "practice":
            practices_model.validate(Page(uri, meta, ""), content.pages)
    return load


def kinds(content):
    """(name, the file's parsed value, its loader) for every kind of input a writer edits."""
    pages, practices = frozenset(content.pages), frozenset(content.practices)
    yield "data/page_kinds.yml", read_yaml(DATA / "page_kinds.yml"), lambda v: kinds_module.load(v, "data/page_kinds.yml")
    yield "data/glossary.yml", read_yaml(DATA / "glossary.yml"), lambda v: glossary_terms.validate(v, "data/glossary.yml", pages)
    yield "data/helplines.yml", read_yaml(DATA / "helplines.yml"), lambda v: helplines.validate(v, "data/helplines.yml", content.sources)
    yield "data/sources.yml", read_yaml(DATA / "sources.yml"), sources_loader
    yield "data/concerns.yml", read_yaml(DATA / "concerns.yml"), lambda v: concerns.validate(v, "data/concerns.yml", content.pages, practices)
    for path in sorted((DATA / "worksheets").glob("*.yml")):
        yield f"data/worksheets/{path.name}", read_yaml(path), lambda v, p=path: worksheets_model.validate(
            f"data/worksheets/{p.name}", p.stem, v, practices, content.sources)
    concern_ids = frozenset(c.id for c in content.concerns)
    for path in sorted((DATA / "cards").glob("*.yml")):
        yield f"data/cards/{path.name}", read_yaml(path), lambda v, p=path: cards_model.validate(
            f"data/cards/{p.name}", p.stem, v, practices, content.sources, concern_ids)
    for path in sorted((ROOT / "docs").rglob("*.md")):
        uri = path.relative_to(ROOT / "docs").as_posix()
        yield f"docs/{uri}", front_matter(f"docs/{uri}", read_text(path))[0], front_matter_loader(uri, content)


def test_a_hostile_value_in_any_text_field_is_refused_with_the_field_named(content):
    accepted, unnamed, checked = [], [], 0
    for name, value, load in kinds(content):
        for path in string_fields(value):
            checked += 1
            try:
                load(planted(value, path))
            except DataError as err:
                file = str(err).split(": ", 1)[0]
                if not file.endswith(Path(name).name) or field_name(path) not in str(err):
                    unnamed.append(f"{name} {path}: {err}")
                continue
            accepted.append(f"{name} {path}")
    assert checked > 400, f"only {checked} fields found: is the walk still reading the files?"
    assert not accepted, "a script would reach a page from:\n" + "\n".join(accepted[:20])
    assert not unnamed, "refused without naming the file and field:\n" + "\n".join(unnamed[:20])


def test_the_walk_finds_nested_fields_and_the_planting_reaches_them():
    value = {"a": "x", "b": [{"c": "y"}, {"c": "z"}], "d": 3}
    paths = list(string_fields(value))
    assert paths == [("a",), ("b", 0, "c")]
    assert planted(value, ("b", 0, "c"))["b"][0]["c"] == HOSTILE and value["b"][0]["c"] == "y"
