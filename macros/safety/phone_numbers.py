"""Phone numbers belong in data/helplines.yml: find one typed into a page by hand, or shown on a built
page other than as a tap-to-call link, so the build can refuse it and name the line. Pure functions."""
from __future__ import annotations

import re

from ..content.errors import DataError
from .helplines import Directory, digits


# The check: a phone number typed into a page rather than rendered from data.

_FRONT = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.S)
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_MACRO = re.compile(r"\{\{.*?\}\}")
# Seven or more digits, alone or in groups joined by a space, hyphen or dot: 0808 2000 247,
# 1-866-863-0511, (01) 554 3811, +44 808 2000 247, 07860077333. Years, dates, page ranges and
# "1,000" do not match.
_PHONE = re.compile(r"(?<![\w,.–/-])\+?\(?\d{1,15}\)?(?:[ .-]\(?\d{2,6}\)?){0,4}(?![\w–/-])")


def hand_written_numbers(markdown: str, directory: Directory) -> list[tuple[int, str]]:
    """(line, text) of every phone number written into a page's Markdown by hand."""
    front = _FRONT.match(markdown)
    offset = markdown[: front.end()].count("\n") if front else 0
    body = markdown[front.end():] if front else markdown
    known = {digits(n) for h in directory.helplines for n in (h.call, h.text) if n}
    known |= {digits(e.number) for e in directory.emergency}
    short = sorted((k for k in known if len(k) < 7), key=len, reverse=True)
    spaced = [r"[ .-]?".join(k) for k in short]
    short_pattern = re.compile(r"(?<![\w,.–/-])(?:" + "|".join(spaced) + r")(?![\w–/-])") if spaced else None
    # The whole body at once, not line by line (a tenth of the time): no pattern crosses a line end,
    # and a match's line is counted only when there is one.
    body = _MACRO.sub("", _DATE.sub("", body))
    hits = [m for m in _PHONE.finditer(body) if len(m.group()) >= 7 and len(digits(m.group())) >= 7]
    if short_pattern:
        hits += list(short_pattern.finditer(body))
    hits.sort(key=lambda m: m.start())
    found = [(offset + 1 + body.count("\n", 0, m.start()), m.group()) for m in hits]
    return found


def check_page(src_uri: str, markdown: str, directory: Directory) -> None:
    """Fail when a page writes a phone number by hand."""
    numbers = hand_written_numbers(markdown, directory)
    if numbers:
        line, text = numbers[0]
        raise DataError(
            f"docs/{src_uri}: line {line} writes the phone number {text!r} by hand; expected every number to come "
            f"from data/helplines.yml through a macro such as {{{{ helpline(\"uk-ndah\") }}}}, so it is checked and tap-to-call"
        )


# The same rule on the built page: a number that reaches the reader must be a tap-to-call link, except
# on paper-only parts (a worksheet's print footer), which print the numbers as text by design, and a
# service's own name ("988 Suicide & Crisis Lifeline"), which sits beside its link.
_LINKED = re.compile(r'<a\b[^>]*\bhref="(?:tel|sms):[^"]*"[^>]*>.*?</a>', re.S)
_PAPER_CLASSES = ("ws-print-footer", "closer-print-safety", "closer-helpline-name")
_OPENING = re.compile(r'<(div|aside|span|footer)\b[^>]*\bclass="[^"]*\b(?:' + "|".join(_PAPER_CLASSES) + r')\b[^"]*"[^>]*>')
_TAG = re.compile(r"<[^>]+>")


def unlinked_numbers(html: str, directory: Directory) -> list[str]:
    """Phone numbers shown in a page's HTML that are not tap-to-call links."""
    text = _TAG.sub(" ", _without_paper_parts(_LINKED.sub(" ", html)))
    return [number for _, number in hand_written_numbers(text.replace("&nbsp;", " "), directory)]


def _without_paper_parts(html: str) -> str:
    """The HTML less every element with a paper-only class, nested elements of the same name included."""
    while match := _OPENING.search(html):
        name, depth, pos = match.group(1), 1, match.end()
        tags = re.compile(rf"<(/?){name}\b[^>]*>")
        while depth and (tag := tags.search(html, pos)):
            depth += -1 if tag.group(1) else 1
            pos = tag.end()
        html = html[: match.start()] + " " + html[pos:]
    return html


def check_html(src_uri: str, html: str, directory: Directory) -> None:
    numbers = unlinked_numbers(html, directory)
    if numbers:
        raise DataError(
            f"docs/{src_uri}: the page shows the phone number {numbers[0]!r} as plain text; expected every number "
            f"on a page to be a tap-to-call link rendered from data/helplines.yml"
        )
