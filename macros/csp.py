"""The Content-Security-Policy every page carries, as a <meta> tag written at build time.

Scripts run only from this site or, inline, when their exact text is hashed into the policy: a script a
writer's text slipped into a page would not run. Nothing may load from another host. Styles allow
inline attributes, because worksheet fields size themselves with `style="--rows: 4"`. `policy_for`
hashes the inline scripts of one page's final HTML; `with_policy` writes the tags at the top of its
<head>. The same policy goes into deploy headers later. Pure functions; no MkDocs here.
"""
from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
# Types a browser does not run, so CSP does not apply (Material's settings are JSON).
_DATA_TYPES = ("application/json", "application/ld+json")

DIRECTIVES = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
)


def script_hashes(html: str) -> list[str]:
    """The CSP source for each inline script that runs: 'sha256-…' of its exact text, in page order."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\ssrc=", attrs) or any(t in attrs for t in _DATA_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return list(dict.fromkeys(hashes))


def policy_for(html: str) -> str:
    scripts = " ".join(["'self'", *script_hashes(html)])
    return "; ".join([f"{name} {value}" for name, value in DIRECTIVES] + [f"script-src {scripts}"])


def with_policy(html: str) -> str:
    """The page with its policy and a no-referrer policy as the first tags after <meta charset>."""
    tags = (
        f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">\n'
        '<meta name="referrer" content="no-referrer">'
    )
    html, found = _CHARSET.subn(lambda m: m.group(0) + "\n" + tags, html, count=1)
    if not found:
        raise ValueError("the page has no <meta charset=\"utf-8\"> to put its Content-Security-Policy after")
    return html
