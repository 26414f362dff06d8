"""The built worksheets: one page and one fillable PDF per definition, labelled fields, the print footer."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from macros.worksheets.model import GROUPS
from tests.site.test_pages import nav_targets
from tests.support import PUBLIC, project

ROOT = Path(__file__).resolve().parents[2]
SHEETS = list(project().worksheets.values())
IDS = [s.id for s in SHEETS]
CONTROLS = "form.ws-form input, form.ws-form textarea, form.ws-form select"


def page_of(sheet: dict) -> Path:
    return Path("worksheets") / sheet.id / "index.html"


def unlabelled(soup: BeautifulSoup) -> list[str]:
    """Form controls without a <label for> that names them."""
    labels = {label.get("for"): label.get_text(strip=True) for label in soup.find_all("label")}
    return [str(c.get("id") or c) for c in soup.select(CONTROLS) if not labels.get(c.get("id"))]


def test_every_definition_has_a_page_of_kind_worksheet_in_the_navigation(site):
    targets = nav_targets(site)
    for sheet in SHEETS:
        assert site.kind(page_of(sheet)) == "worksheet", sheet.id
        assert page_of(sheet) in targets, f"{sheet.id} is not in the navigation"
    generated = {p.parent.name for p in site.pages if p.parts[0] == "worksheets" and len(p.parts) == 3}
    assert generated == set(IDS), "worksheet pages and data/worksheets/*.yml do not match one to one"


@pytest.mark.parametrize("sheet", SHEETS, ids=IDS)
def test_every_field_is_a_labelled_form_control_from_the_data(site, sheet):
    soup = site.soup(page_of(sheet))
    controls = soup.select(CONTROLS)
    assert not unlabelled(soup), f"{sheet.id}: controls without a label: {unlabelled(soup)}"
    ids = [c["id"] for c in controls]
    assert len(ids) == len(set(ids)), f"{sheet.id}: duplicate field ids"
    assert ids == [f"ws-{cid}" for cid in sheet.field_ids]
    assert soup.select_one("form.ws-form")["data-worksheet"] == sheet.id


def test_the_label_check_catches_a_bare_field():
    """Negative control: a textarea without a label is reported."""
    soup = BeautifulSoup('<form class="ws-form"><label for="a">A</label><textarea id="a"></textarea><textarea id="b"></textarea></form>', "html.parser")
    assert unlabelled(soup) == ["b"]


@pytest.mark.parametrize("sheet", SHEETS, ids=IDS)
def test_the_tools_privacy_sentence_and_print_footer(site, sheet):
    soup = site.soup(page_of(sheet))
    tools = soup.select_one(".ws-tools")
    privacy = " ".join(tools.select_one(".ws-privacy").get_text(" ").split())
    assert "Who could see your answers?" in privacy and "Nothing is sent to us or to anyone else." in privacy
    assert site.resolve(page_of(sheet), tools.select_one(".ws-privacy a")["href"]) == (
        Path("safety/index.html"), "online-safety")
    assert tools.select_one("button[data-ws-print]").get_text(strip=True) == "Print"
    assert tools.select_one("button[data-ws-clear]").get_text(strip=True) == "Clear my answers"
    pdf = tools.select_one("a[data-ws-pdf]")
    assert pdf.get_text(strip=True) == "Download PDF" and pdf["href"] == f"{sheet.id}.pdf"
    footer = soup.select_one(".ws-print-footer")
    # The public address, written out here rather than computed the way the renderer computes it.
    assert footer.select_one(".ws-url").get_text() == f"{PUBLIC}worksheets/{sheet.id}/"
    assert footer.select_one(".ws-qr svg path"), "no inline SVG QR code"


@pytest.mark.parametrize("sheet", SHEETS, ids=IDS)
def test_every_pdf_exists_with_its_page_count_and_form_fields(site, sheet):
    path = site.root / "worksheets" / sheet.id / f"{sheet.id}.pdf"
    assert path.is_file(), f"missing {path.relative_to(site.root)}"
    reader = PdfReader(path)
    assert len(reader.pages) == sheet.pages, f"{sheet.id}: {len(reader.pages)} pages vs {sheet.pages} declared"
    names = set(reader.get_fields() or {})
    expected = set(sheet.field_ids)
    assert expected <= names, f"{sheet.id}: PDF lacks fields {sorted(expected - names)[:5]}"


def test_the_index_lists_every_worksheet_by_group_with_time(site):
    soup = site.soup(Path("worksheets/index.html"))
    article = soup.select_one("article")
    for group in GROUPS:
        assert article.find(id=group), f"no heading for group {group}"
    for sheet in SHEETS:
        link = article.find("a", href=f"{sheet.id}/")
        assert link is not None, f"the index does not link {sheet.id}"
        assert "About " in link.find_parent("li").get_text(" ")


@pytest.mark.parametrize("sheet", [s for s in SHEETS if (ROOT / "docs/practices" / f"{s.id}.md").is_file()],
                         ids=lambda s: s.id)
def test_the_practice_page_links_its_worksheet(site, sheet):
    practice = Path("practices") / sheet.id / "index.html"
    hrefs = [site.resolve(practice, a["href"]) for a in site.soup(practice).select("article a[href]")]
    assert (page_of(sheet), "") in hrefs, f"practices/{sheet.id}.md does not link its worksheet"


def test_the_reflective_checklists_link_the_safety_page(site):
    for wid in ("barriers-checklist", "time-to-get-help"):
        page = Path("worksheets") / wid / "index.html"
        safety = site.soup(page).select_one(".ws-safety a[href]")
        assert safety and site.resolve(page, safety["href"])[0] == Path("safety/index.html")
