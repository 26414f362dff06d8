"""Which pages carry the quick exit: every page whose front matter says `safety: true`, and every
worksheet whose data says `safety_note: true`. Read from the sources, not from the built HTML, so a
page that loses its control in the build is still expected to have one."""
from __future__ import annotations

from mkdocs.utils.meta import get_data

from tests.support import DOCS, address, project


# The pages issue 13 names; the list may grow, never lose one of these.
REQUIRED = {"", "safety/", "approaches/when-to-seek-help/", "worksheets/time-to-get-help/"}


def safety_pages() -> list[str]:
    pages = [
        address(md) for md in sorted(DOCS.rglob("*.md"))
        if get_data(md.read_text(encoding="utf-8"))[1].get("safety") is True
    ]
    pages += [f"worksheets/{w.id}/" for w in project().worksheets.values() if w.safety_note]
    return pages
