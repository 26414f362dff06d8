"""Reading a built site: its pages, their parsed HTML and what they link to."""
from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=None)
def project():
    """The content model of this project, loaded once per test session as a build loads it
    (macros/content/model.py), with the public address mkdocs.yml declares (parsed by MkDocs)."""
    from mkdocs.config import load_config

    from macros import adapter
    from macros.content.model import load

    return load(ROOT, adapter.public_url(load_config(str(ROOT / "mkdocs.yml"))))


# Pages MkDocs and Material write that are not guide pages.
NOT_PAGES = {"404.html"}


class BuiltSite:
    def __init__(self, root: Path, read_log: Path | None = None):
        self.root = root
        self.read_log = read_log  # every file the build opened (tests/count_reads.py), when this session built it

    @cached_property
    def pages(self) -> list[Path]:
        """Every HTML page of the guide, as paths relative to the site root."""
        return sorted(
            p.relative_to(self.root) for p in self.root.rglob("*.html")
            if str(p.relative_to(self.root)) not in NOT_PAGES and not self.is_redirect(p)
        )

    def is_redirect(self, path: Path) -> bool:
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        head = text[: text.find("</head>") if "</head>" in text else 3000]
        return 'http-equiv="refresh"' in head and "md-container" not in head

    @lru_cache(maxsize=None)
    def soup(self, page: Path) -> BeautifulSoup:
        return BeautifulSoup((self.root / page).read_text(encoding="utf-8"), "html.parser")

    def kind(self, page: Path) -> str | None:
        tag = self.soup(page).find("meta", attrs={"name": "closer:kind"})
        return tag["content"] if tag else None

    def article_text(self, page: Path) -> str:
        """The words a reader reads in the article body: no nav, no sources box, no code."""
        article = BeautifulSoup(str(self.soup(page).select_one("article.md-content__inner")), "html.parser")
        for tag in article.select(".closer-page-meta, .headerlink, pre, code, .md-source-file, form, table"):
            tag.decompose()
        return article.get_text(" ", strip=True)

    def resolve(self, page: Path, url: str) -> tuple[Path, str] | None:
        """The file and fragment an internal link from `page` points at, or None for other hosts."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "sms:", "javascript:", "data:")):
            return None
        path = unquote(parts.path)
        if path == "":
            target = page
        else:
            target = Path((self.root / page.parent / path).resolve().relative_to(self.root.resolve()))
            if path.endswith("/") or (self.root / target).is_dir():
                target = target / "index.html"
        return target, unquote(parts.fragment)

    def ids(self, page: Path) -> set[str]:
        soup = self.soup(page)
        return {t["id"] for t in soup.find_all(id=True)} | {t["name"] for t in soup.find_all("a", attrs={"name": True})}
