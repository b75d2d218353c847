"""Level of detail, the canvas's cost per edit, cached text and dark mode.

Below ``DETAIL_ZOOM`` the cards and flows stop painting themselves (Qt skips them) and
one overview item draws them; they stay selectable.  No timings here: speed is checked
by ``bench/bench_canvas.py``; these tests check that what is drawn stays right.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem

from cxdesigner.app import make_app
from cxdesigner.canvas import flows
from cxdesigner.canvas import items as I
from cxdesigner.canvas import labels
from cxdesigner.canvas.overview import CHIPS_FROM, DETAIL_ZOOM, SHAPES_FROM
from cxdesigner.canvas.scene import JourneyScene
from cxdesigner.canvas.view import JourneyView
from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
NO_CONTENTS = QGraphicsItem.ItemHasNoContents


@pytest.fixture
def paints(monkeypatch):
    """Counts of paint() calls by kind of item (patched before any item paints)."""
    counts = {"card": 0, "flow": 0, "overview": 0}
    from cxdesigner.canvas.overview import OverviewItem
    for name, cls in (("card", I.TouchpointCardItem), ("flow", flows.FlowItem),
                      ("overview", OverviewItem)):
        original = cls.paint

        def counting(self, *args, _original=original, _name=name):
            counts[_name] += 1
            return _original(self, *args)

        monkeypatch.setattr(cls, "paint", counting)
    return counts


def small_map(rtl: bool = False) -> JourneyMap:
    j = JourneyMap()
    if rtl:
        j.set_document(direction="rtl", language="he")
    j.add_stage("Discover", id="s1")
    j.add_stage("Buy", id="s2")
    j.add_touchpoint("s1", "Advert", id="t1", emotions={S.GENERAL: 2})
    j.add_touchpoint("s1", "Website", id="t2", x=240, flow_from="t1",
                     emotions={S.GENERAL: -2})
    j.add_touchpoint("s2", "Checkout", id="t3", flow_from="t2", emotions={S.GENERAL: 0})
    j.add_note("pain_point", "Slow", on="t2", id="n1")
    j.add_note("opportunity", "Offer", on="t2", id="n2")
    return j


class Shown:
    def __init__(self, qtbot, journey: JourneyMap):
        make_app([])  # the bundled fonts, as in the editor
        self.journey = journey
        self.scene = JourneyScene(journey)
        self.view = JourneyView(self.scene)
        qtbot.addWidget(self.view)
        self.view.resize(1000, 700)
        self.view.show()
        qtbot.waitExposed(self.view)

    def look(self, zoom: float, at: QPointF | None = None) -> None:
        self.view.set_zoom(zoom)
        self.view.centerOn(at if at is not None else self.scene.itemsBoundingRect().center())
        QApplication.processEvents()

    def grab(self) -> QImage:
        return self.view.viewport().grab().toImage()

    def pixel(self, image: QImage, scene_point: QPointF) -> QColor:
        return QColor(image.pixel(self.view.mapFromScene(scene_point)))

    def card_point(self, tp: str, x: float, y: float) -> QPointF:
        return self.scene.item_for(tp).mapToScene(QPointF(x, y))

    def close(self) -> None:
        self.scene.clearSelection()
        self.scene.detach()


@pytest.fixture
def shown(qtbot):
    s = Shown(qtbot, small_map())
    yield s
    s.close()


def unpainted(item: QGraphicsItem) -> bool:
    return bool(item.flags() & NO_CONTENTS)


# ------------------------------------------------------------------ level of detail
def test_zoomed_out_cards_and_flows_leave_their_drawing_to_the_overview(qtbot, paints):
    shown = Shown(qtbot, small_map())
    try:
        shown.look(DETAIL_ZOOM / 2)
        assert not shown.scene.detailed and shown.scene.overview.isVisible()
        assert all(unpainted(c) for c in shown.scene.card_items())
        assert all(unpainted(f) for f in shown.scene.flow_items())
        for key in paints:
            paints[key] = 0
        shown.grab()
        assert paints["card"] == 0 and paints["flow"] == 0
        assert paints["overview"] >= 1

        shown.look(1.0)
        assert shown.scene.detailed and not shown.scene.overview.isVisible()
        assert not any(unpainted(c) for c in shown.scene.card_items())
        for card in shown.scene.card_items():
            card.update()  # else the pixels a card keeps (items.py) show without a paint
        for key in paints:
            paints[key] = 0
        shown.grab()
        assert paints["card"] == 3 and paints["flow"] == 2 and paints["overview"] == 0
    finally:
        shown.close()


def test_the_threshold_itself_shows_full_detail(shown):
    shown.look(DETAIL_ZOOM)
    assert shown.scene.detailed
    shown.look(DETAIL_ZOOM * 0.99)
    assert not shown.scene.detailed


def test_fit_all_on_a_big_map_switches_to_the_overview(shown):
    shown.view.fit_all()
    assert shown.scene.detailed == (shown.view.zoom() >= DETAIL_ZOOM)


def test_overview_draws_each_card_and_its_note_chips_where_they_are(shown):
    shown.look(max(CHIPS_FROM, 0.3))  # chips drawn, and large enough to hit a pixel
    image = shown.grab()
    palette = shown.scene.palette()
    # The card's body below the emotion strip, its strip in the emotion's colour.
    assert shown.pixel(image, shown.card_point("t1", 100, 80)) == palette.base().color()
    assert shown.pixel(image, shown.card_point("t2", 100, 10)) == labels.emotion_colour(-2)
    for chip in shown.scene.item_for("t2").chips:
        kind = shown.journey.get(chip.element_id)["note_kind"]
        centre = chip.sceneBoundingRect().center()
        assert shown.pixel(image, centre) == labels.NOTE_COLOURS[kind]


def test_overview_draws_the_flows_where_the_flow_items_are(shown):
    from PySide6.QtGui import QPainterPath

    shown.look(0.3)
    shown.view.grab()  # the overview builds its flows when first painted
    expected = QPainterPath()
    for flow in shown.scene.flow_items():
        expected.addPath(flow.scene_path())
    assert shown.scene.overview._flows == expected


def test_overview_places_chips_mirrored_in_a_right_to_left_map(qtbot):
    shown = Shown(qtbot, small_map(rtl=True))
    try:
        shown.look(0.3)
        image = shown.grab()
        for chip in shown.scene.item_for("t2").chips:
            kind = shown.journey.get(chip.element_id)["note_kind"]
            centre = chip.sceneBoundingRect().center()
            assert shown.pixel(image, centre) == labels.NOTE_COLOURS[kind]
    finally:
        shown.close()


def test_far_out_each_card_is_a_block_of_its_emotion_colour(shown):
    shown.look(SHAPES_FROM * 0.8)
    image = shown.grab()
    for tp, value in (("t1", 2), ("t2", -2), ("t3", 0)):
        centre = shown.scene.item_for(tp).sceneBoundingRect().center()
        assert shown.pixel(image, centre) == labels.emotion_colour(value)


def test_a_click_at_low_zoom_selects_the_card_under_it(shown, qtbot):
    shown.look(0.25)
    point = shown.view.mapFromScene(shown.card_point("t2", 100, 60))
    qtbot.mouseClick(shown.view.viewport(), Qt.LeftButton, pos=point)
    assert shown.scene.selected_ids() == ["t2"]


def test_selection_survives_zooming_out_and_in_and_is_outlined_far_out(shown):
    shown.look(1.0)
    shown.scene.select_ids(["t1"])
    shown.look(0.25)
    assert shown.scene.selected_ids() == ["t1"]
    image = shown.grab()
    edge = shown.card_point("t1", 0, 60)
    assert shown.pixel(image, edge) == shown.scene.palette().highlight().color()
    shown.look(1.0)
    assert shown.scene.selected_ids() == ["t1"]


def test_items_made_while_zoomed_out_do_not_paint_themselves(shown):
    shown.look(0.2)
    shown.journey.add_touchpoint("s2", "Receipt", id="t4", x=240, flow_from="t3")
    assert unpainted(shown.scene.item_for("t4"))
    assert unpainted(shown.scene.flow_item("t3", "t4"))
    shown.look(1.0)
    assert not unpainted(shown.scene.item_for("t4"))
    assert not unpainted(shown.scene.flow_item("t3", "t4"))


def test_an_edit_while_zoomed_out_shows_in_the_overview(shown):
    shown.look(SHAPES_FROM * 0.8)
    shown.journey.set_emotion("t3", 2)
    image = shown.grab()
    centre = shown.scene.item_for("t3").sceneBoundingRect().center()
    assert shown.pixel(image, centre) == labels.emotion_colour(2)


def test_note_chips_are_painted_by_their_card_and_stay_hit_testable(shown, paints):
    chip = shown.scene.item_for("n1")
    assert chip.type() == I.CHIP_TYPE and unpainted(chip)
    shown.look(1.0, shown.card_point("t2", 100, 60))
    assert shown.scene.items(chip.sceneBoundingRect().center())[0] is chip
    shown.grab()
    paints["card"] = 0
    chip.setSelected(True)  # the card repaints: the chip's outline is its card's to draw
    QApplication.processEvents()
    assert paints["card"] >= 1
    image = shown.grab()
    assert shown.pixel(image, chip.mapToScene(QPointF(0, 11))) == (
        shown.scene.palette().highlight().color())


# ------------------------------------------------------------------ cost of an edit
def test_a_rename_leaves_the_layout_alone(shown):
    before = shown.scene.layout
    shown.journey.rename("t1", "Billboard")
    assert shown.scene.layout is before


def test_a_move_relayouts_and_reshapes_the_flows_of_the_moved_card(shown):
    before = shown.scene.flow_item("t1", "t2").path().boundingRect()
    shown.journey.move_touchpoint("t2", 240, 200)
    assert shown.scene.layout.cards["t2"].y == shown.scene.item_for("t2").scenePos().y()
    assert shown.scene.flow_item("t1", "t2").path().boundingRect() != before


def test_a_flow_added_between_existing_cards_gets_its_path(shown):
    shown.journey.add_flow("t1", "t3")
    path = shown.scene.flow_item("t1", "t3").path()
    assert not path.isEmpty()
    assert path.pointAtPercent(1).x() == shown.scene.layout.cards["t3"].x


def test_an_emotion_change_redraws_the_curve_without_a_relayout(shown):
    before = shown.scene.layout
    shown.journey.set_emotion("t1", -1)
    assert shown.scene.layout is before
    ys = [p.y() for p in shown.scene.lane.points()]
    assert ys[0] == before.emotion_y(-1)


def test_the_lane_draws_the_same_curve_when_only_a_strip_is_repainted(qtbot):
    j = JourneyMap()
    j.add_stage("One", id="s1")
    previous = None
    for i in range(12):
        previous = j.add_touchpoint("s1", f"T{i}", x=i * 240, flow_from=previous,
                                    emotions={S.GENERAL: i % 5 - 2}).id
    scene = JourneyScene(j)
    try:
        lane = scene.layout.lane
        strip = QRectF(1000, lane.y, 300, lane.h)
        wide = QRectF(0, lane.y, lane.w, lane.h)

        def render(source: QRectF) -> QImage:
            image = QImage(int(source.width()), int(source.height()),
                           QImage.Format_ARGB32_Premultiplied)
            image.fill(Qt.white)
            painter = QPainter(image)
            scene.render(painter, QRectF(image.rect()), source)
            painter.end()
            return image

        part = render(strip)
        whole = render(wide).copy(int(strip.x()), 0, int(strip.width()), int(strip.height()))
        # Antialiasing may round a channel differently when less is drawn: allow 3/255.
        differ = [(x, y) for y in range(part.height()) for x in range(part.width())
                  if max(abs(a - b) for a, b in zip(QColor(part.pixel(x, y)).getRgb(),
                                                      QColor(whole.pixel(x, y)).getRgb())) > 3]
        assert differ == []
        curve = scene.palette().highlight().color()
        assert any(QColor(part.pixel(x, y)) == curve
                   for y in range(part.height()) for x in range(part.width()))
    finally:
        scene.detach()


# ------------------------------------------------------------------ text
def test_long_titles_keep_to_three_lines_and_end_in_an_ellipsis(qapp):
    make_app([])
    layout = I.text_block("word " * 60, I._font(16, True), I._option(False), 180,
                          max_height=58)
    assert layout.lineCount() == 3
    last = layout.lineAt(2)
    assert layout.text()[last.textStart():].rstrip().endswith("…")


def test_a_line_break_in_a_title_breaks_the_line(qapp):
    make_app([])
    layout = I.text_block("Order\nonline", I._font(16, True), I._option(False), 180,
                          max_height=58)
    assert layout.lineCount() == 2


def test_wrapped_right_to_left_lines_end_flush_at_the_right(qapp):
    make_app([])
    width = 180.0
    title = "הזמנה בוואטסאפ (WhatsApp) עם אישור מהיר מאוד ארוך"
    layout = I.text_block(title, I._font(16, True), I._option(True), width, max_height=58)
    assert layout.lineCount() >= 2
    for i in range(layout.lineCount()):
        right = layout.lineAt(i).naturalTextRect().right()
        assert abs(right - width) < 1.0


# ------------------------------------------------------------------ dark mode
@pytest.fixture
def dark_palette(qapp):
    before = QApplication.palette()
    dark = QPalette(QColor("#353535"))
    dark.setColor(QPalette.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.AlternateBase, QColor("#262626"))
    dark.setColor(QPalette.Text, QColor("#f0f0f0"))
    yield dark
    QApplication.setPalette(before)


@pytest.mark.parametrize("zoom", [1.0, 0.25])
def test_switching_the_application_to_a_dark_palette_darkens_the_canvas(shown, dark_palette,
                                                                       zoom):
    shown.look(zoom)
    body = shown.card_point("t1", 100, 80)  # below the title, above the chips
    light = shown.pixel(shown.grab(), body)
    QApplication.setPalette(dark_palette)
    QApplication.processEvents()
    assert shown.scene.palette().base().color() == QColor("#1e1e1e")
    dark = shown.pixel(shown.grab(), body)
    assert light.lightness() > 200 and dark == QColor("#1e1e1e")


def test_the_real_sample_renders_in_both_palettes(qtbot, dark_palette):
    journey = cxmap.load(SAMPLES / "bakery-he.cxmap").journey
    shown = Shown(qtbot, journey)
    try:
        shown.view.fit_all()
        QApplication.setPalette(dark_palette)
        QApplication.processEvents()
        image = shown.grab()
        assert not image.isNull()
    finally:
        shown.close()


# ------------------------------------------------------------------ what an edit repaints
class PaintSpy(QObject):
    """The regions the view's viewport is asked to paint."""

    def __init__(self, viewport):
        super().__init__()
        self.regions: list[QRect] = []
        viewport.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        if event.type() == QEvent.Paint:
            self.regions.append(event.region().boundingRect())
        return False


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_a_rename_repaints_its_card_and_nothing_else(shown):
    shown.look(1.0, shown.scene.item_for("t2").sceneBoundingRect().center())
    settle()
    spy = PaintSpy(shown.view.viewport())
    shown.journey.rename("t2", "A new name")
    settle()
    card = shown.view.mapFromScene(shown.scene.item_for("t2").sceneBoundingRect())
    card = card.boundingRect().adjusted(-4, -4, 4, 4)
    assert spy.regions, "the rename was not painted"
    assert all(card.contains(region) for region in spy.regions), (spy.regions, card)


def test_an_emotion_repaints_its_card_and_a_strip_of_the_lane(shown):
    shown.look(0.5, QPointF(shown.scene.layout.lane.w / 2, shown.scene.layout.lane.y))
    settle()
    spy = PaintSpy(shown.view.viewport())
    shown.journey.set_emotion("t3", -1)
    settle()
    viewport = shown.view.viewport().rect()
    assert spy.regions
    painted = sum(r.width() * r.height() for r in spy.regions)
    assert painted < viewport.width() * viewport.height() / 2
    lane = shown.scene.layout.lane
    ys = [p.y() for p in shown.scene.lane.points()]
    assert lane.y <= ys[-1] <= lane.bottom
