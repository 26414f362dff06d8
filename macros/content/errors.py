"""The one kind of error a writer's mistake raises: one sentence naming the file and the entry, what was
expected and what was found. Plain Python, so another builder can catch it; macros/adapter.py turns it
into MkDocs' own error, which stops the build and prints the sentence without a traceback."""
from __future__ import annotations


class DataError(Exception):
    """A data or front-matter problem, worded for the writer who made it."""
