"""Reading data files: strict YAML and UTF-8, each problem named with the file and line."""
from __future__ import annotations

import pytest

from macros.content.errors import DataError
from macros.content.fields import expect_text
from macros.content.files import read_yaml


@pytest.mark.parametrize("text, message", [
    ("- id: a\n  id: b\n", "x.yml: the file, line 2: 'id' is written twice (lines 1 and 2); expected each key once"),
    ("a:\n  b: 1\n  c: 2\n  b: 3\n", "x.yml: the file, line 4: 'b' is written twice (lines 2 and 4)"),
    ("reviewed: 2026-02-30\n", "x.yml: the file, line 1: 'reviewed' must be a real date written YYYY-MM-DD, got '2026-02-30'"),
    ("title: Draft: one\n", "x.yml: the file is not valid YAML at line 1"),
])
def test_yaml_mistakes_are_named_with_the_line(tmp_path, text, message):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_yaml(path)
    assert str(err.value).endswith(str(err.value)[str(err.value).index("x.yml"):])
    assert message in str(err.value)


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "x.yml"
    path.write_bytes("title: caf\u00e9\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"x.yml: expected UTF-8 text, found a byte that is not UTF-8 at position 10"):
        read_yaml(path)


def test_good_yaml_still_reads_dates_and_merges(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("base: &b {a: 1}\nother:\n  <<: *b\n  c: 2\nday: 2026-12-01\n", encoding="utf-8")
    data = read_yaml(path)
    assert data["other"] == {"a": 1, "c": 2} and data["day"].isoformat() == "2026-12-01"


@pytest.mark.parametrize("value", [
    '<script>alert(1)</script>', 'A <img src=x onerror=alert(1)> term', 'Break &quot; out', 'An &#60;em&#62;',
    "A comment <!-- here -->", "</p>",
])
def test_markup_in_a_text_field_is_refused_naming_the_field(value):
    with pytest.raises(DataError, match=r"^x.yml: term 'trust': 'definition' must be plain text without HTML"):
        expect_text("x.yml: term 'trust'", "definition", value)


@pytest.mark.parametrize("value", ["Fear & anger", "If a < b then", "Tom & Jerry's 2 < 3 rule", "Q&A"])
def test_ordinary_punctuation_is_text(value):
    assert expect_text("x.yml: term 'trust'", "definition", value) == value
