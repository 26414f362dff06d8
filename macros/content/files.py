"""Reading input files: UTF-8 text and strict YAML, every problem a DataError naming the file and line.

The content model (model.py) is the only caller during a build, so each input is opened once per build
(tests/site/test_reads.py counts the opens).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

# LibYAML's safe loader when PyYAML was built with it: about eight times faster on our data files.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def relative(path: Path, root: Path) -> str:
    """The path as a writer sees it: relative to the project root when it is inside it."""
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)


class _Refused(Exception):
    """A YAML problem the safe loader lets pass: a key written twice, a date that cannot be."""

    def __init__(self, key: Any, lines: tuple[int, ...], value: str = ""):
        super().__init__(key)
        self.key, self.lines, self.value = key, lines, value

    def message(self, offset: int) -> str:
        lines = [n + offset for n in self.lines]
        if self.value:
            return f"line {lines[0]}: '{self.key}' must be a real date written YYYY-MM-DD, got {self.value!r}"
        return f"line {lines[1]}: '{self.key}' is written twice (lines {lines[0]} and {lines[1]}); expected each key once"


class StrictLoader(SAFE_LOADER):
    """The safe loader, refusing what it would otherwise let through silently: a key written twice in one
    mapping (the second would win) and a date such as 2026-13-45 (a traceback naming no key)."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *base` may be overridden on purpose
                continue
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise _Refused(key, (seen[key], line))
            seen[key] = line
            if value_node.tag == "tag:yaml.org,2002:timestamp":
                try:
                    self.construct_yaml_timestamp(value_node)
                except ValueError:
                    raise _Refused(key, (line,), value_node.value) from None
        return super().construct_mapping(node, deep=deep)


def parse_yaml(text: str, where: str, first_line: int = 1, subject: str = "the file") -> Any:
    """Parse YAML text strictly; every problem is a DataError naming `where`, `subject` and the line.
    `first_line` is the file's line number of the text's first line (2 for front matter)."""
    try:
        return yaml.load(text, Loader=StrictLoader)
    except _Refused as err:
        raise DataError(f"{where}: {subject}, {err.message(first_line - 1)}") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" at line {mark.line + first_line}" if mark else ""
        raise DataError(
            f"{where}: {subject} is not valid YAML{line}: {getattr(err, 'problem', err)} (quote text that contains ': ')"
        ) from None


def read_text(path: Path, name: str | None = None) -> str:
    """A file's text, which must be UTF-8; a DataError naming the file (`name`, as the writer sees it)."""
    name = name or str(path)
    try:
        return Path(path).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise DataError(f"{name}: file not found") from None
    except UnicodeDecodeError as err:
        raise DataError(
            f"{name}: expected UTF-8 text, found a byte that is not UTF-8 at position {err.start}; "
            "save the file as UTF-8"
        ) from None


def read_yaml(path: Path, name: str | None = None) -> Any:
    """Parse one YAML file strictly (see StrictLoader), naming the file and line of any problem."""
    return parse_yaml(read_text(path, name), name or str(path))
