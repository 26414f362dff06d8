"""A "copy link to this section" button on every linkable heading, next to Material's ¶ permalink.

The button is written into the page at build time, so it is real HTML a test can find; it starts
`hidden` and docs/javascripts/copylink.js reveals it and makes it work, so a reader without scripts
never meets a control that does nothing. Its accessible name carries the heading's words; it has no
`title`, whose tooltip stayed over the text after a tap on a touch screen. The heading's last word, the
permalink and the button sit in one nowrap span, so the icon never wraps onto a line of its own.
"""
from __future__ import annotations

import html
import re

from mkdocs.plugins import event_priority

from macros.urls.scan import GENERATED_PREFIXES


# On the finished page, last: the tags plugin fills its listings in after every page's content is
# built, so a button added earlier ended up on placeholder headings with stray markup in its label.
@event_priority(-100)
def on_post_page(output, page, config):
    return add_buttons(output)


def add_buttons(content: str) -> str:
    """Insert a copy-link button after the permalink of every h2-h6 that has one, bar generated ids, and
    give every permalink an accessible name (the heading's words where there is a button)."""
    return _UNNAMED_PERMALINK.sub(_name_from_heading, _HEADING.sub(_with_button, content))


def _with_button(match: re.Match) -> str:
    start, anchor, inner, permalink, end = match.group("start", "id", "inner", "permalink", "end")
    if anchor.startswith(GENERATED_PREFIXES) or _LETTER.match(anchor):
        # Ids that the tags plugin or footnotes make up are not promised in data/urls.yml; nobody
        # sends a link to the glossary's letter "E".
        return match.group(0)
    words = _words(inner)
    label = html.escape(f"Copy link to section: {words}", quote=True)
    permalink = _named_permalink(permalink, f"Link to section: {words}")
    button = BUTTON.format(anchor=html.escape(anchor, quote=True), label=label)
    # The last word, the permalink and the button share a line: the icon never wraps on its own.
    last = _LAST_WORD.search(inner)
    head, word = (inner[:last.start()], last.group()) if last else (inner, "")
    return f'{start}{head}<span class="closer-heading-end">{word}{permalink}{button}</span>{end}'


def _words(inner: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", inner)).split())


def _name_from_heading(match: re.Match) -> str:
    """A heading without a copy-link button (the page title, a glossary letter, a generated id) whose
    permalink has no name yet."""
    words = _words(match.group("inner"))
    name = f"Link to section: {words}" if words else "Link to this section"
    return match.group("before") + _named_permalink(match.group("permalink"), name)


def _named_permalink(permalink: str, name: str) -> str:
    """The permalink with an aria-label. It has no `title` (mkdocs.yml sets no `permalink_title`): Material's
    tooltips (`content.tooltips`) build one for every element with a title, and on the glossary's 85
    headings that machinery was most of the page's blocking time on a phone (issue 18)."""
    return permalink.replace("<a ", f'<a aria-label="{html.escape(name, quote=True)}" ', 1)


_UNNAMED_PERMALINK = re.compile(
    r'(?P<before><h[1-6]\b[^>]*>(?P<inner>(?:(?!</h[1-6]>).)*?))(?P<permalink><a class="headerlink" href="[^"]*"[^>]*>)',
    re.S,
)
_HEADING = re.compile(
    r'(?P<start><h(?P<level>[2-6])\b[^>]*?\sid="(?P<id>[^"]+)"[^>]*>)(?P<inner>.*?)'
    r'(?P<permalink><a class="headerlink" href="#(?P=id)"[^>]*>.*?</a>)(?P<end></h(?P=level)>)',
    re.S,
)
# The heading's last word: a run of text with no space or tag, or a last element such as <code>x</code>
# that holds one word.
_LAST_WORD = re.compile(r"(?:[^\s<>]+|<(?P<tag>[a-z][a-z0-9]*)\b[^>]*>[^\s<>]+</(?P=tag)>)\s*$", re.I)
_LETTER = re.compile(r"letter-(?:[a-z]|other)$")
# Material Design's "content-copy" icon (Apache 2.0), as Material for MkDocs ships it.
BUTTON = (
    '<button type="button" class="closer-copylink" data-closer-anchor="{anchor}" aria-label="{label}" hidden>'
    '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"><path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 '
    '2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12z"/></svg></button>'
)
