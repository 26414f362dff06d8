"""At-home practices: the `practice` mapping in each practice page's front matter, checked into a record.

Who links to what is declared here once: the pillars a practice builds, the approaches it comes from,
the barriers it helps with and its worksheet. The approach pages, the practices index, the therapists'
hub and the handouts are all generated from these records.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..content.errors import DataError
from ..content.fields import check_keys, expect_bool, expect_list, expect_text, expect_whole
from ..content.pages import Page

KEYS_REQUIRED = ("minutes", "how_often", "pillars")
KEYS_OPTIONAL = ("approaches", "barriers", "worksheet", "together")
# Each linked key: the folder its pages live in, and the kind a linked page must have. `approaches` is the
# one declaration of which practices echo a therapeutic approach: the practice's summary, its tags, the
# approach page's at-home list and the therapists' pairings all come from it.
LINKED = {"pillars": ("foundations", "pillar"), "approaches": ("approaches", "approach"), "barriers": ("barriers", "barrier")}
# Upper bound in minutes and label of each time bucket, shortest first; the last bound is the largest allowed.
TIME_BUCKETS = ((10, "10 minutes or less"), (30, "10 to 30 minutes"), (240, "More than 30 minutes"))


@dataclass(frozen=True)
class Practice:
    slug: str
    title: str
    minutes: int
    how_often: str
    pillars: tuple[str, ...]
    approaches: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    # The worksheet this practice names (its own slug unless `worksheet: false`); it may not exist yet.
    worksheet: str | None = None
    together: bool = True
    page: Page | None = None

    @property
    def src_uri(self) -> str:
        return f"practices/{self.slug}.md"

    def linked(self, key: str) -> tuple[str, ...]:
        return getattr(self, key)


def validate(page: Page, pages: dict[str, Page]) -> Practice:
    """Check a practice page's `practice` mapping; `pages` are the guide's pages by src_uri."""
    where = f"docs/{page.src_uri}: practice"
    mapping = page.meta.get("practice")
    if mapping is None:
        raise DataError(f"{where}: a practice page needs a 'practice' mapping in its front matter")
    check_keys(where, mapping, KEYS_REQUIRED, KEYS_OPTIONAL)
    minutes = expect_whole(where, "minutes", mapping["minutes"], 1, TIME_BUCKETS[-1][0])
    linked = {}
    for key, (folder, kind) in LINKED.items():
        slugs = expect_list(where, key, mapping[key]) if key in mapping else []
        for slug in slugs:
            check_linked_page(where, key, folder, kind, slug, pages)
        linked[key] = tuple(slugs)
    together = expect_bool(where, "together", mapping.get("together", True),
                           "true (a practice for two) or false (for one)")
    return Practice(
        slug=page.slug, title=page.title, minutes=minutes,
        how_often=expect_text(where, "how_often", mapping["how_often"]),
        worksheet=worksheet_id(where, page.slug, mapping.get("worksheet")), together=together, page=page, **linked,
    )


def check_linked_page(where: str, key: str, folder: str, kind: str | None, slug: object, pages: dict[str, Page]) -> None:
    page = pages.get(f"{folder}/{slug}.md") if isinstance(slug, str) and slug != "index" else None
    if page is None:
        raise DataError(f"{where}: '{key}' names {slug!r}, but docs/{folder}/{slug}.md is not a page of the guide")
    if kind and page.kind != kind:
        raise DataError(f"{where}: '{key}' names {slug!r}, which is a {page.kind!r} page, not a {kind!r} page")


def worksheet_id(where: str, own: str, value: object) -> str | None:
    """A practice's worksheet is named after the practice; `worksheet: false` says it has none."""
    if value is None or value is True or value == own:
        return own
    if value is False:
        return None
    raise DataError(f"{where}: 'worksheet' must be this page's own slug {own!r} or false, got {value!r}")


def duration(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} minutes"
    hours, rest = divmod(minutes, 60)
    text = f"{hours} hour" + ("s" if hours > 1 else "")
    return text + (f" {rest} minutes" if rest else "")


def time_bucket(minutes: int) -> str:
    return next(label for bound, label in TIME_BUCKETS if minutes <= bound)


def tag_order(tag, *_) -> tuple:
    """Sort key for Material's tags plugin (tags_sort_by, listings_tags_sort_by): time buckets first,
    shortest first, then every other tag alphabetically."""
    labels = [label for _, label in TIME_BUCKETS]
    if tag.name in labels:
        return (0, labels.index(tag.name), "")
    return (1, 0, tag.name.casefold())
