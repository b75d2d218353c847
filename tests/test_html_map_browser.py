"""The interactive HTML map in a real browser (Debian's chromium, driven by Playwright),
offline: every request that is not file: or data: is refused and fails the test.  The
page shows every title, a click or Enter opens a touchpoint's notes, the filters and
zoom work, and a Hebrew page reads right to left.  Every wait is bounded.

Screenshots go to a temporary folder; with CXD_SCREENSHOTS=1 they replace
docs/screenshots/html-map-*.png.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cxdesigner.export.html_map import export_html
from cxdesigner.fileformat import cxmap
from cxdesigner.model import schema as S
from cxdesigner.resources_path import resource

CHROMIUM = "/usr/bin/chromium"
WAIT_MS = 10_000
SHOTS = Path(__file__).parents[1] / "docs" / "screenshots"


def sample(language: str):
    return cxmap.load(resource("samples", f"bakery-{language}.cxmap")).journey


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, timeout=30_000)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html-map")
    out = {}
    for language in ("en", "he"):
        out[language] = export_html(sample(language), folder / f"bakery-{language}.html")
    return out


def open_page(browser, path: Path, viewport=None):
    context = browser.new_context(viewport=viewport or {"width": 1400, "height": 900},
                                  offline=True)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.refused, page.errors = [], []

    def only_local(route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            page.refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_selector("html.ready")
    return page


@pytest.fixture
def english(browser, pages):
    page = open_page(browser, pages["en"])
    yield page
    assert page.refused == [] and page.errors == []
    page.context.close()


@pytest.fixture
def hebrew(browser, pages):
    page = open_page(browser, pages["he"])
    yield page
    assert page.refused == [] and page.errors == []
    page.context.close()


def scale(page) -> float:
    return page.evaluate("new DOMMatrix(getComputedStyle(document.getElementById('canvas'))"
                         ".transform).a")


def test_every_stage_touchpoint_and_note_title_is_shown(english):
    j = sample("en")
    shown = english.inner_text("body")
    titles = [j.title(n) for kind in (S.STAGE, S.TOUCHPOINT, S.NOTE) for n in j.ids(kind)]
    assert [t for t in titles if t not in shown] == []


def test_clicking_a_touchpoint_opens_its_notes_in_the_details_pane(english):
    j = sample("en")
    tp = next(t for t in j.journey_order() if len(j.notes_on(t)) >= 2)
    card = english.locator(f'[data-tp="{tp}"]')
    card.focus()  # brings it into view
    card.click()
    pane = english.locator("#details-body")
    assert pane.locator("h3").inner_text() == j.title(tp)
    notes = pane.locator(".note-title").all_inner_texts()
    assert notes == [j.title(n) for n in j.notes_on(tp)]


def test_enter_on_a_focused_card_opens_it_and_escape_closes_it(english):
    j = sample("en")
    first, second = j.journey_order()[:2]
    english.locator(f'[data-tp="{first}"]').focus()
    english.keyboard.press("Tab")  # cards are buttons in reading order
    assert english.evaluate("document.activeElement.dataset.tp") == second
    english.keyboard.press("Enter")
    assert english.locator("#details-body h3").inner_text() == j.title(second)
    english.keyboard.press("Escape")
    assert english.locator("#details-body h3").count() == 0
    assert english.evaluate("document.activeElement.dataset.tp") == second


def test_the_persona_filter_shows_that_personas_curve_and_emotions(english):
    j = sample("en")
    persona = j.ids(S.PERSONA)[0]
    tp = next(t for t in j.journey_order()
              if j.emotion(t, persona) not in (None, j.emotion(t)))
    english.select_option("#persona", persona)
    assert english.locator(f'.curve[data-persona="{persona}"]').is_visible()
    assert not english.locator(f'.curve[data-persona="{S.GENERAL}"]').is_visible()
    dot = english.locator(f'[data-tp="{tp}"] .emo').inner_text()
    assert dot.replace("\u2212", "-").lstrip("+") == str(j.emotion(tp, persona))


def test_the_note_kind_filter_hides_that_kind(english):
    chips = english.locator('.card .chip[data-kind="pain_point"]')
    assert chips.count() > 0 and chips.first.is_visible()
    english.locator('input[data-filter-kind="pain_point"]').uncheck()
    assert not chips.first.is_visible()
    assert english.locator('.outline [data-kind="opportunity"]').first.is_visible()


def test_buttons_and_the_wheel_zoom_and_a_drag_pans(english):
    before = scale(english)
    english.click("#zoom-in")
    assert scale(english) == pytest.approx(before * 1.25)
    box = english.locator("#viewport").bounding_box()
    english.mouse.move(box["x"] + 200, box["y"] + 300)
    english.mouse.wheel(0, -300)
    assert scale(english) > before * 1.25
    left = english.locator(".band").first.bounding_box()["x"]
    english.locator("#viewport").scroll_into_view_if_needed()
    box = english.locator("#viewport").bounding_box()
    middle = box["y"] + box["height"] / 2
    english.mouse.move(box["x"] + 500, middle)
    english.mouse.down()
    english.mouse.move(box["x"] + 400, middle, steps=5)
    english.mouse.up()
    assert english.locator(".band").first.bounding_box()["x"] == pytest.approx(left - 100, abs=2)


def test_printing_fits_the_whole_map_on_the_page(english):
    english.emulate_media(media="print")
    width = english.locator("#canvas").bounding_box()["width"]
    assert width <= 1031
    assert not english.locator(".toolbar").is_visible()


def test_the_hebrew_page_is_right_to_left_with_its_first_stage_at_the_right(hebrew):
    j = sample("he")
    assert hebrew.evaluate("document.documentElement.dir") == "rtl"
    assert hebrew.evaluate("getComputedStyle(document.body).direction") == "rtl"
    bands = hebrew.locator(".band")
    first, last = bands.first.bounding_box(), bands.last.bounding_box()
    assert first["x"] > last["x"]
    assert j.title(j.stages()[0]) in bands.first.inner_text()
    viewport = hebrew.locator("#viewport").bounding_box()
    details = hebrew.locator("#details").bounding_box()
    assert details["x"] < viewport["x"]  # the pane mirrors too: on the left


def test_screenshots_of_both_samples(browser, pages, tmp_path):
    folder = SHOTS if os.environ.get("CXD_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    for language in ("en", "he"):
        j = sample(language)
        page = open_page(browser, pages[language], {"width": 1400, "height": 1000})
        tp = next(t for t in j.journey_order() if len(j.notes_on(t)) >= 2)
        page.locator(f'[data-tp="{tp}"]').focus()
        page.locator(f'[data-tp="{tp}"]').click()
        page.evaluate("document.querySelector('.map-section').scrollIntoView()")
        shot = tmp_path / f"html-map-{language}.png"
        page.screenshot(path=str(shot))
        assert page.refused == [] and page.errors == []
        page.context.close()
        assert shot.stat().st_size > 20_000
        if folder != tmp_path:
            shutil.copyfile(shot, folder / shot.name)


def test_a_printed_hebrew_page_uses_the_whole_page_width(hebrew, tmp_path):
    """Printed by chromium to PDF: the title at the page's right margin, not shrunk to
    half the page (the map's wide box once made chromium shrink every page)."""
    if not shutil.which("pdftotext"):
        pytest.skip("no pdftotext (apt-get install poppler-utils)")
    pdf = tmp_path / "printed.pdf"
    hebrew.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    box = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    page_w = float(re.search(r'<page width="([\d.]+)"', box).group(1))
    right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', box))
    assert page_w > 800  # A4 landscape
    assert right > page_w * 0.9


def test_a_touchpoints_picture_shows_in_its_details(browser, tmp_path):
    from test_html_map import pictured_map

    page = open_page(browser, export_html(pictured_map(), tmp_path / "pictures.html"))
    page.locator('[data-tp="t1"]').click()
    size = page.evaluate("document.querySelector('#details-body img').naturalWidth")
    assert size == 120  # decoded: the page's policy lets data: pictures in
    assert page.refused == [] and page.errors == []
    page.context.close()
