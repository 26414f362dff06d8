"""The arithmetic and the table: pure functions, tested in tests/unit/test_bench.py."""
from __future__ import annotations

import statistics
from typing import Sequence


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("median of no values")
    return statistics.median(values)


def ratio(ours: float, theirs: float, digits: int = 2) -> float:
    """ours / theirs, rounded: 1.10 means ours takes 10 % longer (or weighs 10 % more)."""
    if theirs <= 0:
        raise ValueError(f"ratio against a non-positive baseline: {ours} / {theirs}")
    return round(ours / theirs, digits)


def share(part: float, whole: float) -> float:
    """part as a percentage of whole, to one decimal place."""
    if whole <= 0:
        raise ValueError(f"share of a non-positive whole: {part} / {whole}")
    return round(100 * part / whole, 1)


def growth(small: tuple[int, float], large: tuple[int, float]) -> float:
    """Marginal cost per added page between two sizes: (seconds, pages) -> seconds per page."""
    (pages_a, seconds_a), (pages_b, seconds_b) = small, large
    if pages_b <= pages_a:
        raise ValueError(f"growth needs a larger second site: {pages_a} then {pages_b} pages")
    return (seconds_b - seconds_a) / (pages_b - pages_a)


def kib(size: int) -> float:
    return round(size / 1024, 1)


def verdict(value: float | None, limit: float, higher_is_better: bool = False) -> str:
    """'ok' when the target holds, 'MISS' when it does not, 'n/a' without a figure."""
    if value is None:
        return "n/a"
    holds = value >= limit if higher_is_better else value <= limit
    return "ok" if holds else "MISS"


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table: the first column left-aligned, numbers right-aligned, one space of padding."""
    cells = [[_cell(v) for v in headers]] + [[_cell(v) for v in row] for row in rows]
    width = len(headers)
    if any(len(row) != width for row in cells):
        raise ValueError(f"every row needs {width} cells, got {[len(r) for r in cells if len(r) != width]}")
    widths = [max(len(row[i]) for row in cells) for i in range(width)]
    numeric = [all(_is_number(row[i]) for row in rows) and rows for i in range(width)]

    def line(row: list[str]) -> str:
        parts = [c.rjust(w) if numeric[i] and i else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) or value is None
