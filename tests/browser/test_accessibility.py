"""axe-core finds no violations on any page, in light and in dark mode; the keyboard reaches what
matters, with a visible focus."""
from __future__ import annotations

import io
from pathlib import Path

import axe_playwright_python
import pytest
from PIL import Image

from tests.support import PHONE, next_frames

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
AXE_SOURCE = AXE.read_text(encoding="utf-8")
SCHEMES = {"light": "default", "dark": "slate"}


def axe_violations(page) -> list[str]:
    # Evaluated through the browser's debugging protocol: a <script> tag would be refused by the
    # site's Content-Security-Policy, as any script a page did not ship should be.
    page.evaluate(AXE_SOURCE)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:4])}"
        for v in result["violations"]
    ]


WIDTHS = {"phone": PHONE["width"], "desktop": 1280}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_on_any_page(site, base_url, browser, scheme, width):
    ctx = browser.new_context(color_scheme=scheme, viewport={"width": WIDTHS[width], "height": 900})
    page = ctx.new_page()
    found = {}
    # Every page of the guide, the tags page among them, and the page a wrong address lands on.
    for path in [*site.pages, Path("404.html")]:
        page.goto(base_url + path.as_posix().removesuffix("index.html"))
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        if violations := axe_violations(page):
            found[str(path)] = violations
    ctx.close()
    assert not found, f"axe-core violations in {scheme} mode at {width} width:\n" + "\n".join(f"{p}: {v}" for p, v in found.items())


def test_axe_catches_a_real_violation(page, base_url):
    """Negative control: an image without alt text is reported."""
    page.goto(base_url)
    page.evaluate("() => document.querySelector('article').append(Object.assign(document.createElement('img'), {src: 'x.png'}))")
    assert any(v.startswith("image-alt") for v in axe_violations(page))


# The box around the focused element and any label that stands for it (Material draws the focus ring
# of a hidden toggle on its label).
FOCUS_BOX = """() => {
  const el = document.activeElement;
  const boxes = [el, ...(el.labels || [])].map(p => p.getBoundingClientRect()).filter(r => r.width && r.height);
  if (!boxes.length) return null;
  const x = Math.max(0, Math.min(...boxes.map(r => r.left)) - 6), y = Math.max(0, Math.min(...boxes.map(r => r.top)) - 6);
  return {tag: el.tagName.toLowerCase(), cls: String(el.className || '').split(' ')[0], id: el.id || '',
          clip: {x, y, width: Math.max(...boxes.map(r => r.right)) + 6 - x, height: Math.max(...boxes.map(r => r.bottom)) + 6 - y}};
}"""


def crop(png: bytes, clip: dict) -> bytes:
    box = (int(clip["x"]), int(clip["y"]), int(clip["x"] + clip["width"]), int(clip["y"] + clip["height"]))
    return Image.open(io.BytesIO(png)).convert("RGB").crop(box).tobytes()


def tab_through(page, presses: int) -> list[dict]:
    """Press Tab; for each new kind of control reached, record whether the reader can see the focus
    arrive: the screen around it differs from just before the key press."""
    seen, kinds = [], set()
    page.evaluate("() => document.fonts.ready.then(() => true)")
    next_frames(page)
    before = page.screenshot(animations="disabled")
    for _ in range(presses):
        page.keyboard.press("Tab")
        next_frames(page)  # the focus style drawn; screenshots finish any transition at once
        after = page.screenshot(animations="disabled")
        info = page.evaluate(FOCUS_BOX)
        if info is not None:
            kind = (info["tag"], info["cls"])
            info["visible"] = kind in kinds or crop(before, info["clip"]) != crop(after, info["clip"])
            kinds.add(kind)
            seen.append(info)
        before = after
    return seen


def test_keyboard_reaches_search_and_navigation_with_visible_focus(page, base_url):
    page.goto(base_url + "foundations/")
    seen = tab_through(page, 30)
    assert any(s["tag"] == "input" and s["cls"] == "md-search__input" for s in seen), "search never focused"
    assert any(s["tag"] == "a" and s["cls"] == "md-nav__link" for s in seen), "no navigation link reached by Tab"
    hidden = [s for s in seen if not s["visible"]]
    assert not hidden, f"focused without a visible focus indicator: {hidden[:5]}"


def test_the_focus_check_notices_a_missing_focus_ring(page, base_url):
    """Negative control: with every focus style removed, the check reports the link."""
    page.goto(base_url + "foundations/")
    page.add_style_tag(content="*, *:focus, *:focus-visible { outline: none !important; box-shadow: none !important; }")
    seen = tab_through(page, 2)
    assert seen[1]["cls"] == "closer-help-link" and not seen[1]["visible"]


def test_keyboard_reaches_worksheet_fields_and_copy_link_controls(page, base_url):
    page.goto(base_url + "worksheets/mirroring/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className").startswith("md-skip")
    page.keyboard.press("Enter")  # "Skip to content", as a keyboard user would
    seen = tab_through(page, 30)
    fields = [s for s in seen if s["tag"] in ("textarea", "input") and s["cls"].startswith("ws-")]
    copy = [s for s in seen if s["cls"] == "closer-copylink"]
    assert fields, "no worksheet field reached by Tab"
    assert copy, "no copy-link control reached by Tab"
    hidden = [s for s in fields + copy if not s["visible"]]
    assert not hidden, f"focused without a visible focus indicator: {hidden[:5]}"
