"""Material's stylesheets without the rules that nothing on the built site can ever match.

Material for MkDocs ships one stylesheet for every site it can build: blogs, keyboard keys, tabs,
content tabs, code annotations, social cards, twenty colour palettes. Closer uses a few of them, and
the rest was a quarter of every page's first load on a phone (issue 18). A rule is dropped only when
each of its selectors needs something that no built page has and no script could add:

- a class (outside :not(), :is() and the like) that no page's class attribute holds and no script
  names (Material's and ours, inline ones included: a class a script adds appears in it as text;
  for a modifier such as md-source__fact--version, its base md-source__fact counts too, since a
  script may build the rest);
- or an exact attribute value, [name=value], that no page's tag carries and no script writes as a
  quoted string (the palettes Closer does not use: [data-md-color-primary=pink]).

Everything else (at-rules, keyframes, fonts, rules inside @media and @supports) is kept as written.
Pure functions over text; hooks/unused_css.py runs it on the finished site. Our own stylesheets are not
touched: every rule in them is there because a page uses it.

Written here rather than taken from a library: PurgeCSS, the tool for this, runs on Node, which a build
must not need; tinycss2 (already installed with WeasyPrint) does the parsing.
"""
from __future__ import annotations

import hashlib
import html as htmllib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2

_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_SCRIPT_SRC = re.compile(r"""<script\b[^>]*\ssrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s"'>]+))""", re.I)
# A vendor-prefixed pseudo-class or pseudo-element: ::-moz-selection, :-webkit-autofill.
_VENDOR = re.compile(r"::?-[a-z]+-")


@dataclass(frozen=True)
class Selector:
    text: str
    classes: tuple[str, ...]
    attributes: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Rule:
    around: tuple[tuple[int, str], ...]  # the blocks it sits in, outermost first: ((812, '@media screen{'),)
    selectors: tuple[Selector, ...] | None   # None: not a style rule, kept as written
    text: str                  # the declarations in braces, or the whole at-rule


@dataclass
class Usage:
    """What the built pages and scripts hold: class names, attribute values, and script text."""
    classes: set[str]
    attributes: set[tuple[str, str]]
    scripts: str
    _known: dict[str, bool] = field(default_factory=dict, repr=False)

    def knows_class(self, name: str) -> bool:
        known = self._known.get(name)
        if known is None:
            base = name.split("--", 1)[0]
            known = self._known[name] = (name in self.classes or name in self.scripts
                                         or (base != name and (base in self.classes or base in self.scripts)))
        return known

    def knows_attribute(self, name: str, value: str) -> bool:
        if (name, value) in self.attributes or (name, value.lower()) in self.attributes:
            return True
        return any(f"{q}{value}{q}" in self.scripts for q in "\"'`")


def rules(css: str) -> list[Rule]:
    """The stylesheet as a flat list of rules, each with the at-rules around it. Every piece of text is
    cut from the source as written (escapes such as Material's \\3c in its icons survive byte for
    byte); tinycss2 only reads the selectors."""
    found: list[Rule] = []
    _scan(css, 0, len(css), (), found)
    return found


def cache_key(css: str) -> str:
    """The cache's name for a stylesheet's parse: its text, this module's code and tinycss2's version, so
    a change to either never meets an old copy."""
    from importlib.metadata import version

    code = Path(__file__).read_text(encoding="utf-8") + version("tinycss2")
    return hashlib.sha256((css + code).encode("utf-8")).hexdigest()[:16]


def cached_rules(css: str, cache: Path) -> list[Rule]:
    """`rules(css)`, kept in `cache` as JSON under a hash of the text: reading Material's stylesheet
    took a tenth of a CPU second a build, and it changes only with Material's version."""
    path = cache / f"{cache_key(css)}.json"
    try:
        return [_from_json(item) for item in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        pass  # not cached yet, or unreadable: parse again
    parsed = rules(css)
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps([_to_json(rule) for rule in parsed]), encoding="utf-8")
    partial.replace(path)
    return parsed


def _to_json(rule: Rule) -> list:
    selectors = None if rule.selectors is None else [[s.text, s.classes, s.attributes] for s in rule.selectors]
    return [rule.around, selectors, rule.text]


def _from_json(item: list) -> Rule:
    around, selectors, text = item
    return Rule(tuple((offset, opening) for offset, opening in around),
                None if selectors is None else tuple(
                    Selector(t, tuple(classes), tuple((n, v) for n, v in attributes)) for t, classes, attributes in selectors),
                text)


def attribute_names(parsed: list[Rule]) -> set[str]:
    """The attributes the stylesheet's exact-value selectors ask about."""
    return {name for rule in parsed for s in rule.selectors or () for name, _ in s.attributes}


def usage(pages: list[str], scripts: list[str], attributes: set[str]) -> Usage:
    """What the pages' HTML and the scripts they load hold, for `purge`. `attributes`: the names whose
    values to collect (attribute_names of the stylesheets); class attributes are always read. Names are
    matched in any case and values in any quoting, decoded, as a browser reads them."""
    classes: set[str] = set()
    values: set[tuple[str, str]] = set()
    inline: set[str] = set()
    # One pass per page for the class attributes and the other attributes asked about.
    pattern = re.compile(r"\s(" + "|".join(map(re.escape, sorted(attributes | {"class"}))) + r")\s*=\s*"
                         r"""(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
    for html in pages:
        for name, double, single, bare in pattern.findall(html):
            value = double or single or bare
            if "&" in value:
                value = htmllib.unescape(value)
            name = name.lower()
            if name == "class":
                classes.update(value.split())
            else:
                values.add((name, value))
                values.add((name, value.lower()))  # some values (type, dir) match in any case
        inline.update(_INLINE_SCRIPT.findall(html))
    return Usage(classes, values, "\n".join(scripts + sorted(inline)))


def script_sources(html: str) -> list[str]:
    """The src of every script a page loads, as written."""
    return ["".join(groups) for groups in _SCRIPT_SRC.findall(html)]


def purge(parsed: list[Rule], used: Usage) -> str:
    """The stylesheet less every rule that no selector of it can match on this site."""
    out: list[str] = []
    open_around: tuple[tuple[int, str], ...] = ()
    for rule in parsed:
        if rule.selectors is None:
            kept_text = rule.text
        else:
            kept = [s.text for s in rule.selectors if _may_match(s, used)]
            if not kept:
                continue
            if len(kept) < len(rule.selectors) and any(_VENDOR.search(s.text) for s in rule.selectors):
                # A browser drops a whole rule with a selector it cannot read (::-moz-selection in
                # Chromium); cutting that selector out would switch the rest of the rule on.
                kept = [s.text for s in rule.selectors]
            kept_text = ",".join(kept) + rule.text
        # Rules of the same block (the same @media at the same place in the source) share it again.
        common = 0
        while common < min(len(open_around), len(rule.around)) and open_around[common] == rule.around[common]:
            common += 1
        out.append("}" * (len(open_around) - common))
        out.extend(opening for _, opening in rule.around[common:])
        open_around = rule.around
        out.append(kept_text)
    out.append("}" * len(open_around))
    return "".join(out) + "\n"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _may_match(selector: Selector, used: Usage) -> bool:
    return (all(used.knows_class(c) for c in selector.classes)
            and all(used.knows_attribute(n, v) for n, v in selector.attributes))


_GROUPING = ("@media", "@supports", "@layer", "@container")


def _scan(css: str, start: int, end: int, around: tuple[tuple[int, str], ...], found: list[Rule]) -> None:
    """Cut css[start:end] into rules: a prelude, then a block in braces or, for a statement such as
    @charset or @import, a semicolon. Strings, comments and escapes are stepped over whole."""
    i = start
    while i < end:
        i = _skip_space_and_comments(css, i, end)
        if i >= end:
            break
        stop = _find_top_level(css, i, end, "{;")
        if stop >= end:
            break  # a dangling prelude: a browser ignores it too
        prelude = css[i:stop].strip()
        if css[stop] == ";":
            found.append(Rule(around, None, css[i:stop + 1]))
            i = stop + 1
            continue
        close = _matching_brace(css, stop, end)
        if prelude.lower().startswith(_GROUPING):
            _scan(css, stop + 1, close, around + ((i, css[i:stop + 1]),), found)
        elif prelude.startswith("@"):
            found.append(Rule(around, None, css[i:close + 1]))
        else:
            selectors = tuple(_selector(text) for text in _split_top_level(prelude))
            found.append(Rule(around, selectors, css[stop:close + 1]))
        i = close + 1


def _skip_space_and_comments(css: str, i: int, end: int) -> int:
    while i < end:
        if css[i].isspace():
            i += 1
        elif css.startswith("/*", i):
            closing = css.find("*/", i + 2, end)
            i = end if closing < 0 else closing + 2
        else:
            break
    return i


def _step(css: str, i: int, end: int) -> int:
    """The index after the string, comment or escape at i, or i + 1."""
    char = css[i]
    if char == "\\":
        return i + 2
    if char in "\"'":
        j = i + 1
        while j < end and css[j] != char:
            j += 2 if css[j] == "\\" else 1
        return j + 1
    if css.startswith("/*", i):
        closing = css.find("*/", i + 2, end)
        return end if closing < 0 else closing + 2
    return i + 1


def _find_top_level(css: str, i: int, end: int, wanted: str) -> int:
    """The index of the first of `wanted` outside strings, comments, () and []; `end` if none."""
    depth = 0
    while i < end:
        char = css[i]
        if depth == 0 and char in wanted:
            return i
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        i = _step(css, i, end)
    return end


def _matching_brace(css: str, i: int, end: int) -> int:
    depth = 0
    while i < end:
        char = css[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
        i = _step(css, i, end)
    raise ValueError(f"a block opened at character {i} of the stylesheet is never closed")


def _split_top_level(prelude: str) -> list[str]:
    parts, i = [], 0
    while True:
        comma = _find_top_level(prelude, i, len(prelude), ",")
        parts.append(prelude[i:comma].strip())
        if comma >= len(prelude):
            return parts
        i = comma + 1


def _selector(text: str) -> Selector:
    """A selector's text, and the classes and exact attribute values it requires at its top level
    (not inside :not(), :is(), :where() or :has(), whose arguments may be optional or negated)."""
    tokens = tinycss2.parse_component_value_list(text)
    classes: list[str] = []
    attributes: list[tuple[str, str]] = []
    for index, token in enumerate(tokens):
        if token.type == "literal" and token.value == "." and index + 1 < len(tokens) \
                and tokens[index + 1].type == "ident":
            classes.append(tokens[index + 1].value)
        elif token.type == "[] block":
            inside = [t for t in token.content if t.type != "whitespace"]
            if len(inside) == 3 and inside[0].type == "ident" and inside[1].type == "literal" \
                    and inside[1].value == "=" and inside[2].type in ("ident", "string"):
                attributes.append((inside[0].value.lower(), inside[2].value))
    return Selector(text, tuple(classes), tuple(attributes))
