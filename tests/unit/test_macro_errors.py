"""A failing macro is reported as one sentence naming the page and line, never as a traceback."""
from __future__ import annotations

import jinja2
import pytest

from macros.content.errors import DataError
from macros.macro_errors import body_offset, sentence

NAMES = ["section", "term"]


def rendered_error(markdown: str) -> BaseException:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.globals["section"] = lambda s: (_ for _ in ()).throw(DataError(f"section {s!r} is not a section of a 'pillar' page"))
    try:
        env.from_string(markdown).render()
    except Exception as err:  # what mkdocs-macros catches
        return err
    raise AssertionError("rendering did not fail")


@pytest.mark.parametrize("markdown, expected", [
    ("# T\n\n{{ sectoin('what-it-is') }}\n", "docs/foundations/trust.md: line 13: 'sectoin' is not a macro or value Closer defines; expected one of: section, term"),
    ("# T\n\nDear {{ your name }}\n", "docs/foundations/trust.md: line 13: the macro is not written correctly: expected token 'end of print statement', got 'name'"),
    ("# T\n\n\n{{ section('nope') }}\n", "docs/foundations/trust.md: line 14: section 'nope' is not a section of a 'pillar' page"),
])
def test_each_kind_of_macro_failure_is_one_sentence(markdown, expected):
    text = sentence(rendered_error(markdown), "foundations/trust.md", NAMES, offset=10)
    assert text.startswith(expected), text
    assert "\n" not in text and "Traceback" not in text


def test_a_data_error_that_names_its_file_is_kept_as_it_is():
    err = DataError("data/glossary.yml: term 'trust': missing required key 'definition'")
    assert sentence(err, "foundations/trust.md", NAMES) == str(err)


def test_the_offset_counts_the_front_matter_lines():
    source = "---\ntitle: T\n---\n\n# T\n\nText\n"
    assert body_offset(source, "# T\n\nText\n") == 4
    assert body_offset(source, "something else") == 0
