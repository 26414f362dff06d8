"""One sentence for any error raised while a page's macros render.

mkdocs-macros prints a failing macro as a Markdown report with the whole Python and Jinja traceback
(20 to 40 lines) and exits with code 100. Closer's errors already say what is wrong in one sentence;
`sentence` turns every kind of macro failure into one, naming the page and, where Jinja knows it, the
line, and `install` makes mkdocs-macros print that sentence alone. Pure but for `install`.
"""
from __future__ import annotations

import re
import traceback

import jinja2

from .content.errors import DataError

_UNDEFINED = re.compile(r"'([^']+)' is undefined")


def _template_line(error: BaseException) -> int | None:
    """The line of the page's Markdown where Jinja was when the error was raised."""
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<template>"]
    return lines[-1] if lines else None


def body_offset(source: str, markdown: str) -> int:
    """How many lines of the file come before the Markdown that Jinja renders (its front matter)."""
    tail = markdown.rstrip()
    if tail and source.rstrip().endswith(tail):
        return source[: len(source.rstrip()) - len(tail)].count("\n")
    return 0


def sentence(error: BaseException, src_path: str, names: list[str], offset: int = 0) -> str:
    """The error as one sentence that starts with the page (docs/...) and says what was expected.
    `offset` is the number of file lines before the rendered Markdown (see body_offset)."""
    page = f"docs/{src_path}"
    line = getattr(error, "lineno", None) or _template_line(error)
    line = line + offset if line else None
    at = f"{page}: line {line}" if line else page
    if isinstance(error, DataError):
        text = str(error)
        return text if text.startswith(("docs/", "data/")) else f"{at}: {text}"
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"{at}: the macro is not written correctly: {error.message}; write literal braces as {{{{ '{{{{' }}}}"
    if isinstance(error, jinja2.UndefinedError):
        match = _UNDEFINED.search(str(error))
        name = match.group(1) if match else str(error)
        return (
            f"{at}: '{name}' is not a macro or value Closer defines; expected one of: {', '.join(names)} "
            f"(to show double braces as text, write {{{{ '{{{{' }}}})"
        )
    return f"{at}: a macro failed with {type(error).__name__}: {error}"


def install(env) -> None:
    """Make mkdocs-macros report a failing macro as `sentence`, alone, instead of its traceback."""
    from mkdocs_macros.errors import format_error

    names = sorted(n for n in env.macros if n not in {"context", "macros_info", "now", "fix_url"})

    def one_sentence(error, markdown, page):
        written = getattr(env.conf, "closer_content", None)
        source = written.pages[page.file.src_uri].source if written and page.file.src_uri in written.pages else ""
        try:
            offset = body_offset(source, markdown) if source else 0
        except ValueError:
            offset = 0
        return sentence(error, page.file.src_path, names, offset)

    for kind in (Exception, jinja2.TemplateSyntaxError):
        format_error.register(kind, one_sentence)
