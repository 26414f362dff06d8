"""How much the glossary linker costs: 1,000 generated pages against 200 generated terms.

Run it with `.venv/bin/python -m bench.linker`; `measure()` returns the figures as a dict.
The pages are shaped like the guide's (paragraphs, headings, lists, links, code) and about as long,
so the cost per page is comparable with a real build.
"""
from __future__ import annotations

import random
import statistics
import time

from macros.glossary.linker import Linker
from macros.glossary.terms import Term

SYLLABLES = ("ba", "ko", "ri", "tem", "sul", "na", "vo", "dre", "lin", "mo", "pa", "shi", "tor", "que", "len")
FILLER = ("you", "and", "the", "partner", "feel", "when", "talk", "a", "to", "of", "it", "is", "with",
          "time", "day", "listen", "small", "each", "other", "home", "can", "try", "this", "week", "calm")


def measure(pages: int = 1000, terms: int = 200, seed: int = 7) -> dict:
    """Link `pages` generated pages against `terms` generated terms; return timings and counts."""
    rng = random.Random(seed)
    glossary = make_terms(rng, terms)
    html_pages = [make_page(rng, glossary) for _ in range(pages)]
    start = time.perf_counter()
    linker = Linker(glossary)
    prepare = time.perf_counter() - start
    # CPU time per page: steadier than wall time on a machine that is busy with other work.
    per_page, links = [], 0
    wall = time.perf_counter()
    for html in html_pages:
        start = time.process_time()
        _, used = linker.link(html, "../../glossary/")
        per_page.append(time.process_time() - start)
        links += len(used)
    wall = time.perf_counter() - wall
    total = sum(per_page)
    size = sum(len(h) for h in html_pages)
    return {
        "pages": pages,
        "terms": terms,
        "wordings": len(linker.slug_of),
        "page_kib_mean": round(size / pages / 1024, 1),
        "prepare_ms": round(prepare * 1000, 2),
        "cpu_s": round(total, 3),
        "wall_s": round(wall, 3),
        "per_page_ms_mean": round(total / pages * 1000, 3),
        "per_page_ms_median": round(statistics.median(per_page) * 1000, 3),
        "per_page_ms_p95": round(sorted(per_page)[int(pages * 0.95) - 1] * 1000, 3),
        "mib_per_s": round(size / total / 2**20, 2),
        "links_made": links,
    }


def make_terms(rng: random.Random, count: int) -> list[Term]:
    """Distinct made-up terms of one to three words, each with a plural and sometimes a variant."""
    seen: set[str] = set()
    result = []
    while len(result) < count:
        words = [_word(rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
        name = " ".join(words)
        if name in seen:
            continue
        seen.add(name)
        aliases = [name + "s"] + ([words[-1] + " " + name] if rng.random() < 0.3 else [])
        if any(a in seen for a in aliases):
            continue
        seen.update(aliases)
        slug = "-".join(words)
        result.append(Term(slug, name, f"What {name} means, in one sentence.", f"More about {name}.", tuple(aliases)))
    return result


def make_page(rng: random.Random, terms: list[Term]) -> str:
    """About 900 words: headings, paragraphs with terms, a list, a link, inline and block code."""
    parts = [f'<h1 id="t">{_sentence(rng, terms, 4)}</h1>']
    for section in range(6):
        parts.append(f'<h2 id="s{section}">{_sentence(rng, terms, 3)}<a class="headerlink" href="#s{section}">¶</a></h2>')
        for _ in range(3):
            parts.append(f"<p>{_sentence(rng, terms, 40)} <code>x = 1</code> {_sentence(rng, terms, 10)}</p>")
        items = "".join(f"<li><strong>{_word(rng)}.</strong> {_sentence(rng, terms, 8)}</li>" for _ in range(3))
        parts.append(f'<ul>{items}</ul><p><a href="../other/">{_sentence(rng, terms, 4)}</a></p>')
    parts.append(f"<pre><code>{_sentence(rng, terms, 10)}</code></pre>")
    return "\n".join(parts)


def _sentence(rng: random.Random, terms: list[Term], words: int) -> str:
    out = []
    for _ in range(words):
        if rng.random() < 0.06:
            out.append(rng.choice(rng.choice(terms).forms))
        else:
            out.append(rng.choice(FILLER))
    return " ".join(out).capitalize() + "."


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4))))


def main() -> None:
    figures = measure()
    print("Glossary linker benchmark")
    for key, value in figures.items():
        print(f"  {key:<20} {value}")


if __name__ == "__main__":
    main()
