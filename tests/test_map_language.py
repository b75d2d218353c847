"""What a map draws speaks the map's language, not the interface's.

The canvas, the PNG and the SVG exports take their words (channels, chip letters,
"Untitled touchpoint", the lane's title...) from ``model/vocabulary.py`` in the map's
``language``; a Hebrew map's pictures hold no English label in an English editor, an
English map's no Hebrew one, and a translator installed for the interface changes
neither.  Every string the canvas lays out goes through ``items._lay_out``; the tests
record them there while a picture is drawn (pixels cannot be read back as text).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QTranslator
from PySide6.QtGui import QImage, QPainter, QTextLayout

from cxdesigner.canvas import items, lane, render
from cxdesigner.canvas.scene import JourneyScene
from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.model import vocabulary as V
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.panels.personas import PersonasPanel

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"
HEBREW_QM = ROOT / "resources" / "i18n" / "cxdesigner_he.qm"

LATIN_WORD = re.compile(r"[A-Za-z]+")
HEBREW_LETTER = re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]")
ALLOWED_WORDS = {w for phrase in V.ALLOWED_LATIN for w in phrase.split()}
ISOLATED = re.compile("\u2068([^\u2069]*)\u2069?")
CONTROLS = re.compile("[\u2066-\u2069\u202a-\u202e\u200e\u200f]")


def sample(name: str) -> JourneyMap:
    return cxmap.load(SAMPLES / f"{name}.cxmap").journey


def user_content(journey: JourneyMap) -> list[str]:
    """Every text a user wrote in the map: these may be in any language."""
    texts = [journey.document["title"]]
    for kind in (S.STAGE, S.TOUCHPOINT, S.NOTE, S.PERSONA, S.ACTION):
        texts += [journey.title(i) for i in journey.ids(kind)]
    return [t.replace("\n", " ") for t in texts if t]


def labels_only(drawn: str, content: list[str]) -> str:
    """``drawn`` without the user's text in it (whole, cut into lines or elided)."""
    def is_content(piece: str) -> bool:
        piece = CONTROLS.sub("", piece).replace("\u2028", " ").rstrip("…").strip()
        return bool(piece) and any(piece in text for text in content)

    drawn = ISOLATED.sub(lambda m: "" if is_content(m.group(1)) else m.group(1), drawn)
    return "" if is_content(drawn) else CONTROLS.sub("", drawn)


def foreign_words(drawn: list[str], journey: JourneyMap, language: str) -> list[str]:
    content = user_content(journey)
    found = []
    for text in drawn:
        rest = labels_only(text, content)
        if language == "he":
            found += [w for w in LATIN_WORD.findall(rest) if w not in ALLOWED_WORDS]
        elif HEBREW_LETTER.search(rest) or "XX" in rest:  # "XX": the fake translator's
            found.append(rest)
    return found


@pytest.fixture
def drawn(monkeypatch) -> list[str]:
    """Every text the canvas lays out from now on (the layout caches emptied first)."""
    texts: list[str] = []
    real = items._lay_out

    def recording(text, font, option, width):
        texts.append(text)
        return real(text, font, option, width)

    items._line.cache_clear()
    items._short.cache_clear()
    lane._fitted_title.cache_clear()
    monkeypatch.setattr(items, "_lay_out", recording)
    yield texts
    items._line.cache_clear()
    items._short.cache_clear()


class FakeTranslator(QTranslator):
    """Translates every interface string to "XX" + itself: shows what follows it."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return "XX" + source

    def isEmpty(self):
        return False


@pytest.fixture(params=["english", "fake", "hebrew"])
def interface(request, qapp):
    """The interface in English, under a translator of everything, or in Hebrew."""
    translator = None
    if request.param == "fake":
        translator = FakeTranslator()
    elif request.param == "hebrew":
        translator = QTranslator()
        if not HEBREW_QM.exists() or not translator.load(str(HEBREW_QM)):
            pytest.skip("no Hebrew interface translation built yet")
    if translator is not None:
        qapp.installTranslator(translator)
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)


def expected_labels(language: str) -> set[str]:
    """Labels of the map's language the samples' pictures must show: proof that the
    capture sees the labels at all."""
    words = V.vocabulary(language)
    return {f'{words.channel("social")} · {words.mode("indirect")}',
            words("emotion_lane", persona=words("all_customers"))}


# ------------------------------------------------------------ the vocabulary itself
@pytest.mark.parametrize("name", sorted(V.TABLES))
def test_english_and_hebrew_vocabularies_have_the_same_keys(name):
    table = V.TABLES[name]
    assert set(table) == set(V.LANGUAGES)
    assert set(table["en"]) == set(table["he"])


@pytest.mark.parametrize("name", sorted(V.TABLES))
def test_no_vocabulary_value_is_empty(name):
    for language in V.LANGUAGES:
        assert all(value.strip() for value in V.TABLES[name][language].values())


@pytest.mark.parametrize("name", sorted(V.TABLES))
def test_hebrew_vocabulary_has_no_latin_letters_but_allowed_acronyms(name):
    for key, value in V.TABLES[name]["he"].items():
        words = LATIN_WORD.findall(re.sub(r"{\w+}", "", value))  # not the placeholders
        assert set(words) <= ALLOWED_WORDS, (key, value)
        assert HEBREW_LETTER.search(value), (key, value)


def test_vocabulary_names_every_value_of_the_schemas_lists():
    assert set(V.CHANNELS["en"]) == set(S.CHANNELS)
    assert set(V.NOTE_KINDS["en"]) == set(V.NOTE_LETTERS["en"]) == set(S.NOTE_KINDS)
    assert set(V.STATUSES["en"]) == set(S.ACTION_STATUSES)
    assert set(V.PERSONA_KINDS["en"]) == set(S.PERSONA_KINDS)
    assert set(V.MODES["en"]) == set(S.MODES)


def test_an_unknown_language_reads_english():
    assert V.vocabulary("fr") is V.vocabulary("en")


# ------------------------------------------------------------ pictures
@pytest.mark.parametrize("name, language", [("bakery-he", "he"), ("bakery-en", "en")])
def test_the_png_draws_labels_only_in_the_maps_language(interface, drawn, name, language):
    journey = sample(name)
    render.png_bytes(journey)
    assert expected_labels(language) <= set(drawn)
    assert foreign_words(drawn, journey, language) == []


@pytest.mark.parametrize("name, language", [("bakery-he", "he"), ("bakery-en", "en")])
def test_the_svg_draws_labels_only_in_the_maps_language(interface, drawn, name, language):
    journey = sample(name)
    data, _ = render.svg_bytes(journey)
    svg = data.decode("utf-8")
    runs = [html.unescape(t) for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)]
    meta = [html.unescape(t) for t in re.findall(r"<(?:title|desc)>([^<]*)</", svg)]
    assert runs and len(meta) == 2
    assert foreign_words(runs + meta + drawn, journey, language) == []


def test_the_svg_runs_hold_no_isolate_marks(qapp):
    data, _ = render.svg_bytes(sample("bakery-he"))
    runs = re.findall(r"<text\b[^>]*>([^<]*)</text>", data.decode("utf-8"))
    assert runs and not any(re.search("[\u2066-\u2069]", run) for run in runs)


def test_the_lane_names_the_persona_in_the_maps_language(interface, drawn):
    journey = sample("bakery-he")
    persona = journey.ids(S.PERSONA)[0]
    render.png_bytes(journey, persona=persona)
    title = [t for t in drawn if t.startswith("רגש (")]
    assert title and journey.title(persona)[:4] in title[0]


# ------------------------------------------------------------ the canvas follows
def _paint(scene: JourneyScene) -> None:
    image = QImage(200, 200, QImage.Format_RGB32)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 200, 200), scene.itemsBoundingRect())
    painter.end()


def test_changing_the_maps_language_relabels_the_canvas(qapp, drawn):
    journey = sample("bakery-en")
    scene = JourneyScene(journey)
    _paint(scene)
    journey.set_document(language="he")
    drawn.clear()
    _paint(scene)
    assert V.vocabulary("he").channel("social") in " ".join(drawn)
    assert foreign_words(drawn, journey, "he") == []
    scene.detach()


def test_a_language_change_keeps_the_items(qapp):
    journey = sample("bakery-en")
    scene = JourneyScene(journey)
    before = set(map(id, scene.items()))
    journey.set_document(language="he")
    assert set(map(id, scene.items())) == before
    scene.detach()


def test_a_new_persona_on_a_hebrew_map_is_named_in_hebrew(qapp):
    journey = JourneyMap({"title": "", "language": "he", "direction": "rtl"})
    scene = JourneyScene(journey)
    panel = PersonasPanel(Document(journey), scene)
    panel.add_persona()
    (persona,) = journey.ids(S.PERSONA)
    assert journey.title(persona) == "פרסונה חדשה"
    panel.deleteLater()
    scene.detach()


def test_an_untitled_touchpoint_is_named_in_the_maps_language(qapp, drawn):
    journey = JourneyMap({"title": "", "language": "he", "direction": "rtl"})
    stage = journey.add_stage("").id
    journey.add_touchpoint(stage, "")
    render.png_bytes(journey)
    assert "נקודת מגע ללא שם" in drawn and "שלב ללא שם" in " ".join(drawn)


# ------------------------------------------------------------ bidi
def _x_of(layout: QTextLayout) -> dict[int, float]:
    """The x of each drawn character of ``layout``, by its place in the string."""
    where = {}
    for run in layout.glyphRuns(-1, -1, QTextLayout.GlyphRunRetrievalFlag.RetrieveAll):
        for index, point in zip(run.stringIndexes(), run.positions()):
            where.setdefault(index, point.x())
    return where


@pytest.fixture
def laid_out(monkeypatch) -> dict[str, QTextLayout]:
    """Each text the canvas lays out, with its layout."""
    found: dict[str, QTextLayout] = {}
    real = items._lay_out

    def recording(text, font, option, width):
        found[text] = layout = real(text, font, option, width)
        return layout

    items._line.cache_clear()
    monkeypatch.setattr(items, "_lay_out", recording)
    yield found
    items._line.cache_clear()


@pytest.mark.parametrize("title", ["Z", "Buy online.", "Step 2", "חשיפה"])
def test_the_stage_number_is_at_the_reading_start_of_any_title_in_an_rtl_map(
        qapp, laid_out, title):
    journey = JourneyMap({"title": "", "language": "he", "direction": "rtl"})
    journey.add_stage(title)
    render.png_bytes(journey)
    (text,) = [t for t in laid_out if t.startswith("1. ")]
    x = _x_of(laid_out[text])
    title_start = text.index(title)
    title_xs = [x[i] for i in range(title_start, title_start + len(title)) if i in x]
    assert x[0] > max(title_xs)  # "1" at the right, where a Hebrew reader starts


def test_a_latin_stage_title_keeps_its_own_order_in_an_rtl_map(qapp, laid_out):
    journey = JourneyMap({"title": "", "language": "he", "direction": "rtl"})
    journey.add_stage("Buy online.")
    render.png_bytes(journey)
    (text,) = [t for t in laid_out if t.startswith("1. ")]
    x = _x_of(laid_out[text])
    start = text.index("Buy")
    assert x[start] < x[start + 4] < x[start + len("Buy online")]  # B, o, then "."


def test_a_latin_card_title_keeps_its_full_stop_at_its_end_in_an_rtl_map(qapp, laid_out):
    journey = JourneyMap({"title": "", "language": "he", "direction": "rtl"})
    journey.add_touchpoint(journey.add_stage("שלב").id, "Order online.")
    render.png_bytes(journey)
    x = _x_of(laid_out["Order online."])
    assert x[0] < x[len("Order online")]


def test_the_lane_title_shortens_only_the_persona_name(qapp):
    journey = JourneyMap({"title": "", "language": "he", "direction": "rtl"})
    name = "רונית, אמא עובדת לשלושה ילדים שמזמינה עוגות לכל יום הולדת בכיתה"
    persona = journey.add_persona(name).id
    title = lane.lane_title(journey, persona, 200.0)
    assert title.startswith("רגש (\u2068") and title.endswith("\u2069)")
    inner = title[len("רגש (\u2068"):-2]
    assert inner.endswith("…") and name.startswith(inner[:-1])


def test_the_lane_title_fits_its_room(qapp):
    journey = JourneyMap({"title": "", "language": "en", "direction": "ltr"})
    persona = journey.add_persona("Ronit " * 40).id
    title = lane.lane_title(journey, persona, 200.0)
    layout = items._line(title, 14, True, False, 200.0, own_direction=True)
    assert layout.lineAt(0).naturalTextWidth() <= 200.0
    assert title.startswith("Emotion (") and title.endswith(")")


def test_the_lane_title_names_any_customer_in_the_maps_language(qapp):
    journey = JourneyMap({"title": "", "language": "he", "direction": "rtl"})
    assert lane.lane_title(journey, S.GENERAL, 300.0) == "רגש (כל לקוח)"


def test_the_lane_title_is_whole_on_a_one_stage_map(qapp, drawn):
    journey = JourneyMap({"title": "", "language": "en", "direction": "ltr"})
    journey.add_stage("Only")
    render.png_bytes(journey)
    assert "Emotion (Any customer)" in drawn
