"""The service blueprint in the PDF report: the lanes, cells, marks and lines on the
map pages, and the "Service blueprint" section's tables, in English and in Hebrew.

Text is read back with poppler's pdftotext, as in ``test_report.py``: Hebrew compared
as word tokens in reading order.
"""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxdesigner.export import Branding
from cxdesigner.model import JourneyMap
from cxdesigner.model import layout as L
from cxdesigner.model import schema as S
from cxdesigner.model.lane_edits import EMOTION_LANE_ID
from cxdesigner.model.vocabulary import BLUEPRINT_LINES, CELL_MARKS, LANE_KINDS
from tests.strategies import journeys, texts

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils are not installed")
DAY = _dt.date(2026, 6, 15)
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")
BLUEPRINT = ("customer_actions", "frontstage", "backstage", "support", "physical_evidence")

WORDS = {
    "en": {
        "title": "Dental clinic visit", "stages": ("Booking", "Visit"),
        "touchpoints": (("Online booking", "Reminder text"), ("Reception desk", "Check-up")),
        "custom": "Staff notes",
        "cells": {
            "customer_actions": ("Picks a time slot", "Confirms by reply", "Gives her name",
                                 "Sits in the chair"),
            "frontstage": ("Booking page", "Reminder message", "Receptionist greets",
                           "Dentist explains"),
            "backstage": ("Calendar sync", "Queue job", "Checks the file", "Reads x-rays"),
            "support": ("Scheduling vendor", "Messaging gateway", "Patient records",
                        "Imaging server"),
            "physical_evidence": ("Confirmation email", "Phone screen", "Waiting room",
                                  "Treatment room"),
            "custom": ("Slots fill fast", "Many never reply", "Desk understaffed",
                       "Runs late"),
        },
    },
    "he": {
        "title": "ביקור במרפאת שיניים", "stages": ("קביעת תור", "הביקור"),
        "touchpoints": (("הזמנה באתר", "תזכורת במסרון"), ("דלפק הקבלה", "בדיקה")),
        "custom": "הערות הצוות",
        "cells": {
            "customer_actions": ("בוחרת שעה פנויה", "מאשרת בתשובה", "מוסרת את שמה",
                                 "מתיישבת בכיסא"),
            "frontstage": ("עמוד ההזמנה", "הודעת תזכורת", "פקידת הקבלה מקבלת",
                           "הרופאה מסבירה"),
            "backstage": ("סנכרון היומן", "תור משימות", "בדיקת התיק", "קריאת צילומים"),
            "support": ("ספק התורים", "שער ההודעות", "רשומות המטופלים", "שרת הצילומים"),
            "physical_evidence": ("מכתב אישור", "מסך הטלפון", "חדר ההמתנה", "חדר הטיפולים"),
            "custom": ("התורים מתמלאים מהר", "רבים לא עונים", "חסר צוות בדלפק",
                       "מתעכבים בלוח הזמנים"),
        },
    },
}
MARKS = (("backstage", 0, "fail"), ("frontstage", 2, "wait"), ("custom", 3, "fail"),
         ("support", 1, "wait"))


def blueprint_map(lang: str) -> tuple[JourneyMap, dict[str, str]]:
    """A map of two stages and four touchpoints with the five blueprint lanes and a
    custom lane, every cell filled, two fail and two wait points.  Returns the map and
    its lane ids by kind ("custom" for the text lane)."""
    w = WORDS[lang]
    j = JourneyMap()
    j.set_document(title=w["title"], language=lang, direction="rtl" if lang == "he" else "ltr")
    tps = []
    for stage_title, titles in zip(w["stages"], w["touchpoints"]):
        stage = j.add_stage(stage_title).id
        tps += [j.add_touchpoint(stage, t, x=i * 240.0).id for i, t in enumerate(titles)]
    lanes = {kind: j.add_lane(kind).id for kind in BLUEPRINT}
    lanes["custom"] = j.add_lane("text", w["custom"]).id
    for kind, values in w["cells"].items():
        for tp, value in zip(tps, values):
            j.set_cell(tp, lanes[kind], value)
    for kind, i, mark in MARKS:
        j.set_mark(tps[i], lanes[kind], mark)
    return j, lanes


def render(journey: JourneyMap, path: Path, **options) -> Path:
    from cxdesigner.export.report import build_report

    options.setdefault("branding", Branding(date=DAY))
    build_report(journey, path, **options)
    return path


def pdftotext(path: Path, *mode: str) -> str:
    out = subprocess.run(["pdftotext", *mode, str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return BIDI_MARKS.sub(" ", out)


def token_line(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text)) + " "


def section_pages(path: Path, heading: str) -> str:
    """The text of the pages from the one starting with ``heading`` up to the next
    section (a page whose first line is another section heading is not reached: the
    blueprint's own pages are all this returns)."""
    pages = pdftotext(path).split("\f")
    start = next(i for i, page in enumerate(pages)
                 if token_line(heading) in token_line(page.strip().split("\n")[0]))
    return "\f".join(pages[start:start + 2])


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    if not POPPLER:
        pytest.skip("poppler-utils are not installed")
    folder = tmp_path_factory.mktemp("blueprint")
    return {lang: render(blueprint_map(lang)[0], folder / f"blueprint-{lang}.pdf")
            for lang in ("en", "he")}


def expected_words(lang: str) -> list[str]:
    w = WORDS[lang]
    words = [LANE_KINDS[lang][k] for k in BLUEPRINT] + [w["custom"]]
    words += list(BLUEPRINT_LINES[lang].values()) + list(CELL_MARKS[lang].values())
    words += [cell for values in w["cells"].values() for cell in values]
    return words


# -------------------------------------------------------------- the map pages
@needs_poppler
@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_map_pages_name_every_lane_line_and_cell(tmp_path, lang):
    path = render(blueprint_map(lang)[0], tmp_path / "map.pdf", sections="map")
    text = token_line(pdftotext(path, *(["-raw"] if lang == "en" else [])))
    missing = [w for w in expected_words(lang)[:-2] if token_line(w) not in text]
    assert missing == []  # (the mark words are in the legend only when marks show)


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_map_legend_names_the_fail_and_wait_symbols(tmp_path, lang):
    path = render(blueprint_map(lang)[0], tmp_path / "map.pdf", sections="map")
    text = token_line(pdftotext(path))
    for word in CELL_MARKS[lang].values():
        assert token_line(word) in text


@needs_poppler
def test_a_hidden_lane_is_not_drawn(tmp_path):
    j, lanes = blueprint_map("en")
    j.set_lane(lanes["custom"], hidden=True)
    text = token_line(pdftotext(render(j, tmp_path / "r.pdf", sections="map,blueprint")))
    assert token_line("Staff notes") not in text
    assert token_line("Runs late") not in text
    assert token_line("Sits in the chair") in text  # the shown lanes still are


@needs_poppler
def test_a_hidden_emotion_lane_is_not_drawn(tmp_path):
    j, _ = blueprint_map("en")
    for tp in j.journey_order():
        j.set_emotion(tp, -1)
    shown = token_line(pdftotext(render(j, tmp_path / "shown.pdf", sections="map")))
    assert token_line("Emotion (Any customer)") in shown
    j.set_lane(EMOTION_LANE_ID, hidden=True)
    assert L.compute(j).lane.h == 0
    hidden = token_line(pdftotext(render(j, tmp_path / "hidden.pdf", sections="map")))
    assert token_line("Emotion (Any customer)") not in hidden


def test_a_hidden_emotion_lane_draws_no_curve():
    from cxdesigner.export.report import render_report

    j, _ = blueprint_map("en")
    for tp in j.journey_order():
        j.set_emotion(tp, 2)
    j.set_lane(EMOTION_LANE_ID, hidden=True)
    painted = []
    from cxdesigner.export import mapdraw

    original = mapdraw.MapPainter._curve
    mapdraw.MapPainter._curve = lambda self, canv: painted.append(1)
    try:
        render_report(j, sections="map")
    finally:
        mapdraw.MapPainter._curve = original
    assert painted == []


def test_a_large_map_with_lanes_is_cut_into_parts_that_keep_the_lanes():
    from cxdesigner.export.report import render_report

    j = JourneyMap()
    lane = None
    for s in range(8):
        stage = j.add_stage(f"Stage {s}").id
        for t in range(4):
            tp = j.add_touchpoint(stage, f"T{s}.{t}", x=t * 240.0).id
            if lane is None:
                lane = j.add_lane("frontstage").id
            j.set_cell(tp, lane, f"cell {s}.{t}")
    data = render_report(j, sections="map")
    assert data.startswith(b"%PDF-")
    if POPPLER:
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(data)
            f.flush()
            text = pdftotext(Path(f.name), "-raw")
        assert "Part 2 of" in text
        missing = [f"cell {s}.{t}" for s in range(8) for t in range(4)
                   if f"cell {s}.{t}" not in text]
        assert missing == []


# ---------------------------------------------------------- the section
@needs_poppler
def test_the_blueprint_section_lists_every_lane_line_cell_and_mark(reports):
    text = token_line(section_pages(reports["en"], "Service blueprint"))
    missing = [w for w in expected_words("en") if token_line(w) not in text]
    assert missing == []


@needs_poppler
def test_the_hebrew_blueprint_section_reads_in_hebrew(reports):
    text = token_line(section_pages(reports["he"], "שרטוט השירות"))
    missing = [w for w in expected_words("he") if token_line(w) not in text]
    assert missing == []
    assert "Service blueprint" not in text


@needs_poppler
def test_the_hebrew_blueprint_columns_run_from_the_right(reports):
    """The first touchpoint's column is the rightmost, the lanes' names rightmost of all."""
    page = _page_of(reports["he"], "שרטוט השירות")
    boxes = _word_boxes(reports["he"], page)

    def x_of(word: str) -> float:
        found = [x0 for w, x0, _ in boxes if w == word[::-1]]  # -bbox: glyph order
        assert found, word
        return found[0]

    first, second = WORDS["he"]["cells"]["customer_actions"][:2]
    assert x_of(first.split()[0]) > x_of(second.split()[0])
    assert x_of("חזית") > x_of(first.split()[0])


@needs_poppler
def test_the_english_blueprint_columns_run_from_the_left(reports):
    page = _page_of(reports["en"], "Service blueprint")
    boxes = _word_boxes(reports["en"], page)
    x = {w: x0 for w, x0, _ in reversed(boxes)}
    assert x["Frontstage"] < x["Picks"] < x["Confirms"]


def test_a_map_without_cell_lanes_has_no_blueprint_section(tmp_path):
    from cxdesigner.export.report import render_report

    j, lanes = blueprint_map("en")
    for lane in lanes.values():
        j.remove(lane)
    j.add_lane("image", "Photos")  # an image lane holds no text
    pdf = render_report(j, branding=Branding(date=DAY))
    assert b"Service blueprint" not in pdf  # nor in the outline
    if POPPLER:
        path = tmp_path / "r.pdf"
        path.write_bytes(pdf)
        assert "Service blueprint" not in pdftotext(path)


def test_only_the_blueprint_chosen_of_a_map_without_lanes_is_still_a_pdf():
    from cxdesigner.export.report import render_report

    j, lanes = blueprint_map("en")
    for lane in lanes.values():
        j.remove(lane)
    assert render_report(j, sections="blueprint").startswith(b"%PDF-")


@needs_poppler
def test_the_blueprint_section_is_in_the_contents(reports):
    contents = pdftotext(reports["en"]).split("\f")[1]
    assert "Service blueprint" in contents


def test_a_stage_wider_than_a_page_is_cut_into_tables_of_five():
    from cxdesigner.export import blueprint as B
    from cxdesigner.export.context import Ctx, Theme
    from cxdesigner.export.flowables import Table
    from cxdesigner.export.labels import Labels

    j = JourneyMap()
    stage = j.add_stage("Long").id
    tps = [j.add_touchpoint(stage, f"T{i}", x=i * 240.0).id for i in range(12)]
    lane = j.add_lane("backstage").id
    for tp in tps:
        j.set_cell(tp, lane, tp)
    ctx = Ctx(j, Labels("en"), Theme("#1f5f8b"))
    ctx.numbers = {tp: i for i, tp in enumerate(j.journey_order(), 1)}
    tables = [f for f in B.blueprint(ctx) if isinstance(f, Table)][1:]  # after the key
    assert [len(t.header[0].cells) - 1 for t in tables] == [5, 5, 2]


# ------------------------------------------------------------------- any input

@settings(max_examples=30, deadline=None)
@given(journeys(max_stages=3, max_touchpoints=6), st.data())
def test_any_lanes_cells_and_marks_make_a_valid_pdf(journey, data):
    """Any lane kinds, titles, order and hiding, any text in any cell (right to left,
    emoji, 10,000 characters...), any marks, in either direction."""
    from cxdesigner.export.report import render_report

    kinds = [k for k in S.LANE_KINDS if k != S.EMOTION_LANE]
    lanes = [journey.add_lane(data.draw(st.sampled_from(kinds)), data.draw(texts)).id
             for _ in range(data.draw(st.integers(0, 6)))]
    if data.draw(st.booleans()):
        journey.set_lane(EMOTION_LANE_ID, hidden=True)
    for lane in lanes:
        if data.draw(st.integers(0, 4)) == 0:
            journey.set_lane(lane, hidden=True)
        if journey.lane(lane)["lane_kind"] not in ("image",):
            for tp in journey.journey_order():
                journey.set_cell(tp, lane, data.draw(texts))
                journey.set_mark(tp, lane, data.draw(st.sampled_from([None, *S.CELL_MARKS])))
    pdf = render_report(journey, sections=data.draw(st.sampled_from(
        ["map,blueprint", "contents,blueprint", None])), branding=Branding(date=DAY))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


# ------------------------------------------------------------------ helpers
def _page_of(path: Path, heading: str) -> int:
    pages = pdftotext(path).split("\f")
    return 1 + next(i for i, page in enumerate(pages)
                    if token_line(heading) in token_line(page.strip().split("\n")[0]))


def _word_boxes(path: Path, page: int) -> list[tuple[str, float, float]]:
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path),
                           "-"], capture_output=True, text=True, check=True).stdout
    return [(word, float(x0), float(x1)) for x0, x1, word in
            re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">'
                       r"([^<]*)</word>", html)]
