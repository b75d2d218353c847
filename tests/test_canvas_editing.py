"""Editing on the canvas, driven with real mouse, key and drag-and-drop events.

Every test opens the Rosemary Bakery sample (English, or Hebrew for right to left),
shows it at zoom 1 and acts on the viewport as a user would: the model must change
only through one command per gesture, and undo must take it back.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPoint, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence,
                           QMouseEvent)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow

from cxdesigner.app import make_app
from cxdesigner.canvas.editing import PALETTE_MIME
from cxdesigner.canvas.gestures import Mode
from cxdesigner.canvas.scene import JourneyScene
from cxdesigner.canvas.view import JourneyView
from cxdesigner.model import layout as L
from cxdesigner.ui.document.document import Document

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"


class Canvas:
    """A document shown in a view, with helpers that speak in scene points."""

    def __init__(self, qtbot, path: Path):
        make_app([])  # the bundled fonts, as the editor has them
        self.qtbot = qtbot
        self.document, _ = Document.open(path)
        self.journey = self.document.journey
        self.opened = self.journey.snapshot()
        self.scene = JourneyScene(self.journey, self.document.push)
        self.view = JourneyView(self.scene)
        self.stack = self.document.undo_stack
        self.refused: list[str] = []
        self.messages: list[str] = []
        self.document.edit_refused.connect(self.refused.append)
        self.view.editor.message.connect(self.messages.append)
        qtbot.addWidget(self.view)
        self.view.resize(1400, 900)
        self.view.show()
        qtbot.waitExposed(self.view)
        self.view.activateWindow()
        self.view.setFocus()
        self.view.set_zoom(1.0)

    # ----------------------------------------------------------- geometry
    @property
    def viewport(self):
        return self.view.viewport()

    def card(self, tp: str):
        return self.scene.item_for(tp)

    def card_centre(self, tp: str) -> QPointF:
        return self.card(tp).sceneBoundingRect().center()

    def handle(self, tp: str) -> QPointF:
        card = self.card(tp)
        return card.mapToScene(card.handle_rect().center())

    def band(self, stage: str) -> L.Rect:
        return self.scene.layout.bands[stage]

    def header(self, stage: str) -> QPointF:
        band = self.band(stage)
        return QPointF(band.center[0], band.y + L.BAND_HEADER / 2)

    def look_at(self, point: QPointF) -> None:
        self.view.centerOn(point)

    def at(self, point: QPointF) -> QPoint:
        return self.view.mapFromScene(point)

    # -------------------------------------------------------------- input
    def click(self, point: QPointF, modifiers=Qt.NoModifier) -> None:
        QTest.mouseClick(self.viewport, Qt.LeftButton, modifiers, self.at(point))

    def drag(self, start: QPointF, end: QPointF, button=Qt.LeftButton,
             modifiers=Qt.NoModifier, steps: int = 6, release: bool = True) -> None:
        """Press at ``start``, move in steps with the button held, release at ``end``
        (scene points).  The moves carry the button explicitly: a gesture reads it."""
        self.drag_view(self.at(start), self.at(end), button, modifiers, steps, release)

    def drag_view(self, start: QPoint, end: QPoint, button=Qt.LeftButton,
                  modifiers=Qt.NoModifier, steps: int = 6, release: bool = True) -> None:
        QTest.mousePress(self.viewport, button, modifiers, start)
        for i in range(1, steps + 1):
            point = start + (end - start) * (i / steps)
            self.move_to(point, button, modifiers)
        if release:
            QTest.mouseRelease(self.viewport, button, modifiers, end)

    def move_to(self, point: QPoint, buttons=Qt.LeftButton, modifiers=Qt.NoModifier) -> None:
        event = QMouseEvent(QEvent.MouseMove, QPointF(point),
                            QPointF(self.viewport.mapToGlobal(point)), Qt.NoButton, buttons,
                            modifiers)
        QApplication.sendEvent(self.viewport, event)

    def keys(self, *keys) -> None:
        """Press keys on the view: ``Qt.Key`` values, or text typed as it is."""
        for key in keys:
            if isinstance(key, str):
                QTest.keyClicks(self.view, key)
            else:
                QTest.keyClick(self.view, key)

    def drop(self, payload: dict | None, point: QPointF, urls: list[QUrl] | None = None):
        """Drag a palette item (or files) over the view and drop it at a scene point.
        Returns the drop event, to read whether it was accepted."""
        mime = QMimeData()
        if payload is not None:
            mime.setData(PALETTE_MIME, QByteArray(json.dumps(payload).encode("utf-8")))
        if urls:
            mime.setUrls(urls)
        pos = self.at(point)
        actions = Qt.CopyAction
        enter = QDragEnterEvent(pos, actions, mime, Qt.LeftButton, Qt.NoModifier)
        QApplication.sendEvent(self.viewport, enter)
        move = QDragMoveEvent(pos, actions, mime, Qt.LeftButton, Qt.NoModifier)
        QApplication.sendEvent(self.viewport, move)
        drop = QDropEvent(QPointF(pos), actions, mime, Qt.LeftButton, Qt.NoModifier)
        QApplication.sendEvent(self.viewport, drop)
        self.last_enter = enter
        return drop

    # ---------------------------------------------------------------- model
    def undo_all(self) -> None:
        while self.stack.canUndo():
            self.stack.undo()

    def selected(self) -> list[str]:
        return self.scene.selected_ids()


    def close(self) -> None:
        # A scene destroyed with a selection emits selectionChanged while its items
        # are being deleted; leave it with none.
        self.scene.clearSelection()
        self.scene.detach()


@pytest.fixture
def canvas(qtbot):
    shown = Canvas(qtbot, SAMPLES / "bakery-en.cxmap")
    yield shown
    shown.close()


@pytest.fixture
def blank_canvas(qtbot):
    shown = Canvas(qtbot, SAMPLES.parent / "templates" / "blank.cxmap")
    yield shown
    shown.close()


@pytest.fixture
def rtl_canvas(qtbot):
    shown = Canvas(qtbot, SAMPLES / "bakery-he.cxmap")
    yield shown
    shown.close()


def node(canvas: Canvas, element_id: str):
    return canvas.journey.graph.nodes[element_id]


# ------------------------------------------------------------------ palette drops
def test_palette_drop_creates_touchpoint_in_stage_under_cursor(canvas):
    band = canvas.band("st-consider")
    point = QPointF(band.x + 400, band.y + L.BAND_HEADER + 300)
    canvas.look_at(point)
    before = set(canvas.journey.ids("touchpoint"))
    drop = canvas.drop({"kind": "touchpoint", "channel": "whatsapp"}, point)
    assert drop.isAccepted()
    (new,) = set(canvas.journey.ids("touchpoint")) - before
    assert canvas.journey.stage_of(new) == "st-consider"
    assert node(canvas, new)["channel"] == "whatsapp"
    # The card is centred on the cursor: its top-left is the cursor minus half a card.
    rect = canvas.scene.layout.cards[new]
    assert abs(rect.center[0] - point.x()) <= 1 and abs(rect.center[1] - point.y()) <= 1


def test_dropped_touchpoint_is_selected_and_named_by_typing(canvas):
    band = canvas.band("st-use")
    point = QPointF(band.x + 150, band.bottom - 80)
    canvas.look_at(point)
    before = set(canvas.journey.ids("touchpoint"))
    canvas.drop({"kind": "touchpoint", "channel": "email"}, point)
    (new,) = set(canvas.journey.ids("touchpoint")) - before
    assert canvas.selected() == [new]
    canvas.keys("Thank-you email", Qt.Key_Return)
    assert canvas.journey.title(new) == "Thank-you email"


def test_palette_touchpoint_dropped_outside_bands_is_refused_with_message(canvas):
    lane = canvas.scene.layout.lane
    point = QPointF(lane.x + 300, lane.y + 100)  # the emotion lane, under the bands
    canvas.look_at(point)
    drop = canvas.drop({"kind": "touchpoint", "channel": "app"}, point)
    assert not drop.isAccepted()
    assert canvas.journey.snapshot() == canvas.opened
    assert canvas.messages


def test_palette_note_dropped_on_card_is_about_that_card(canvas):
    point = canvas.card_centre("tp-shop-window")
    canvas.look_at(point)
    before = set(canvas.journey.ids("note"))
    canvas.drop({"kind": "note", "note_kind": "pain_point"}, point)
    (new,) = set(canvas.journey.ids("note")) - before
    assert canvas.journey.target_of(new) == "tp-shop-window"
    assert node(canvas, new)["note_kind"] == "pain_point"


def test_palette_note_dropped_on_band_is_about_the_stage(canvas):
    band = canvas.band("st-use")
    point = QPointF(band.x + 100, band.bottom - 30)  # band body, below its cards
    canvas.look_at(point)
    before = set(canvas.journey.ids("note"))
    canvas.drop({"kind": "note", "note_kind": "opportunity"}, point)
    (new,) = set(canvas.journey.ids("note")) - before
    assert canvas.journey.target_of(new) == "st-use"


def test_palette_note_dropped_on_empty_canvas_is_about_the_map(canvas):
    point = QPointF(-100, -100)  # the margin round the map
    canvas.look_at(point)
    before = set(canvas.journey.ids("note"))
    canvas.drop({"kind": "note", "note_kind": "insight"}, point)
    (new,) = set(canvas.journey.ids("note")) - before
    assert canvas.journey.target_of(new) is None
    canvas.keys("Regulars want a subscription", Qt.Key_Return)
    assert canvas.journey.title(new) == "Regulars want a subscription"


def test_palette_stage_drop_lands_in_gap_under_cursor(canvas):
    first, second = canvas.band("st-aware"), canvas.band("st-consider")
    point = QPointF(second.x + 40, second.y + 200)  # left half of the second band
    canvas.look_at(point)
    canvas.drop({"kind": "stage"}, point)
    stages = canvas.journey.stages()
    assert len(stages) == 6
    assert stages[0] == "st-aware" and stages[2] == "st-consider"
    assert first.x < canvas.band(stages[1]).x < canvas.band("st-consider").x


def test_rtl_palette_stage_drop_counts_gaps_from_the_right(rtl_canvas):
    canvas = rtl_canvas
    aware = canvas.band("st-aware")  # the rightmost band in a right-to-left map
    point = QPointF(aware.x + 40, aware.y + 200)  # its left half: after it in reading
    canvas.look_at(point)
    canvas.drop({"kind": "stage"}, point)
    stages = canvas.journey.stages()
    assert stages[0] == "st-aware" and stages[2] == "st-consider"


def test_file_drop_is_left_to_the_window(canvas):
    point = canvas.card_centre("tp-neighbour")
    canvas.look_at(point)
    drop = canvas.drop(None, point, urls=[QUrl.fromLocalFile("/tmp/other.cxmap")])
    assert not canvas.last_enter.isAccepted()
    assert not drop.isAccepted()
    assert canvas.journey.snapshot() == canvas.opened


# ------------------------------------------------------------------ card drags
def test_dragging_card_into_another_band_changes_stage_and_one_undo_restores_it(canvas):
    tp = "tp-shop-window"
    target = canvas.band("st-consider")
    start = canvas.card_centre(tp)
    # The card's top-left lands 130 into the band's card area, one row lower.
    end = QPointF(target.x + L.BAND_PAD + 130 + L.CARD_W / 2, start.y() + 160)
    canvas.look_at((start + end) / 2)
    before = dict(node(canvas, tp)), canvas.journey.stage_of(tp)
    canvas.drag(start, end)
    assert canvas.journey.stage_of(tp) == "st-consider"
    assert (node(canvas, tp)["x"], node(canvas, tp)["y"]) == (130, 160)
    assert canvas.stack.count() == 1
    canvas.stack.undo()
    assert canvas.journey.stage_of(tp) == before[1]
    assert (node(canvas, tp)["x"], node(canvas, tp)["y"]) == (before[0]["x"], before[0]["y"])
    assert canvas.journey.snapshot() == canvas.opened


def test_card_drag_changes_the_model_only_at_release(canvas):
    tp = "tp-neighbour"
    start = canvas.card_centre(tp)
    canvas.look_at(start)
    canvas.drag(start, start + QPointF(60, 120), release=False)
    assert canvas.view.gestures.mode is Mode.CARDS
    assert canvas.card(tp).scenePos() != QPointF(canvas.scene.layout.cards[tp].x,
                                                 canvas.scene.layout.cards[tp].y)
    assert canvas.journey.snapshot() == canvas.opened
    QTest.mouseRelease(canvas.viewport, Qt.LeftButton, Qt.NoModifier,
                       canvas.at(start + QPointF(60, 120)))
    assert (node(canvas, tp)["x"], node(canvas, tp)["y"]) == (300, 120)


def test_a_card_dragged_within_its_stage_repaints_only_where_it_moves(canvas):
    tp = "tp-neighbour"
    start = canvas.card_centre(tp)
    canvas.look_at(start)
    viewport, whole = canvas.viewport, []
    viewport.update = lambda *args: whole.append(args)  # the whole view (no rect)
    try:
        canvas.drag(start, start + QPointF(40, 60), steps=8, release=False)
    finally:
        del viewport.update
    assert canvas.view.gestures.mode is Mode.CARDS
    assert len([args for args in whole if not args]) <= 2  # the band outlined, once
    QTest.mouseRelease(canvas.viewport, Qt.LeftButton, Qt.NoModifier,
                       canvas.at(start + QPointF(40, 60)))


def test_a_card_dragged_out_of_its_band_is_still_found_and_painted_there(canvas):
    # A stage's cards are found through its layer's rectangle (canvas/layers.py): a
    # card dragged beyond its band must widen it, or the card vanishes mid-drag.
    tp = "tp-neighbour"
    start = canvas.card_centre(tp)
    band = canvas.band(canvas.journey.stage_of(tp))
    end = QPointF(band.right + 3 * L.CARD_W, start.y() + 40)
    canvas.look_at(end)
    canvas.drag(start, end, release=False)
    card = canvas.card(tp)
    centre = card.sceneBoundingRect().center()
    assert centre.x() > band.right + 2 * L.CARD_W
    assert card in canvas.scene.items(centre)
    assert card in canvas.scene.items(canvas.view.mapToScene(canvas.viewport.rect()))
    QTest.keyClick(canvas.view, Qt.Key_Escape)


def test_escape_during_card_drag_puts_the_card_back(canvas):
    tp = "tp-neighbour"
    start = canvas.card_centre(tp)
    canvas.look_at(start)
    canvas.drag(start, start + QPointF(80, 90), release=False)
    canvas.keys(Qt.Key_Escape)
    rect = canvas.scene.layout.cards[tp]
    assert canvas.card(tp).pos() == QPointF(rect.x, rect.y)
    QTest.mouseRelease(canvas.viewport, Qt.LeftButton, Qt.NoModifier,
                       canvas.at(start + QPointF(80, 90)))
    assert canvas.journey.snapshot() == canvas.opened
    assert canvas.stack.count() == 0


def test_selected_cards_move_together_as_one_step(canvas):
    a, b = "tp-insta-ad", "tp-neighbour"
    canvas.look_at(canvas.card_centre(b))
    canvas.click(canvas.card_centre(a))
    canvas.click(canvas.card_centre(b), Qt.ControlModifier)
    assert set(canvas.selected()) == {a, b}
    canvas.drag(canvas.card_centre(a), canvas.card_centre(a) + QPointF(0, 200))
    assert node(canvas, a)["y"] == 200 and node(canvas, b)["y"] == 200
    assert canvas.stack.count() == 1


def test_rtl_card_dropped_in_band_to_the_left_moves_to_next_stage(rtl_canvas):
    canvas = rtl_canvas
    tp = "tp-shop-window"
    left = canvas.band("st-consider")
    assert left.x < canvas.band("st-aware").x  # reading runs right to left
    start = canvas.card_centre(tp)
    end = QPointF(left.right - 100 - L.CARD_W / 2, start.y())
    canvas.look_at((start + end) / 2)
    canvas.drag(start, end)
    assert canvas.journey.stage_of(tp) == "st-consider"
    # Measured from the band's reading start (its right edge).
    assert node(canvas, tp)["x"] == 100 - L.BAND_PAD
    canvas.stack.undo()
    assert canvas.journey.snapshot() == canvas.opened


# ------------------------------------------------------------------ flows
def test_dragging_from_handle_to_card_creates_flow(canvas):
    source, target = "tp-insta-ad", "tp-shop-window"
    assert not canvas.journey.has_flow(source, target)
    canvas.look_at(canvas.card_centre("tp-neighbour"))
    canvas.drag(canvas.handle(source), canvas.card_centre(target) + QPointF(0, 30))
    assert canvas.journey.has_flow(source, target)
    assert canvas.stack.count() == 1
    assert canvas.scene.flow_item(source, target) is not None


def test_rubber_line_follows_the_mouse_while_connecting(canvas):
    canvas.look_at(canvas.card_centre("tp-neighbour"))
    end = canvas.card_centre("tp-neighbour") + QPointF(0, 200)
    canvas.drag(canvas.handle("tp-insta-ad"), end, release=False)
    gestures = canvas.view.gestures
    assert gestures.mode is Mode.CONNECT
    assert (gestures._cursor_scene - end).manhattanLength() < 3
    QTest.mouseRelease(canvas.viewport, Qt.LeftButton, Qt.NoModifier, canvas.at(end))


def test_connection_released_on_empty_canvas_creates_nothing(canvas):
    canvas.look_at(canvas.card_centre("tp-neighbour"))
    canvas.drag(canvas.handle("tp-insta-ad"), canvas.card_centre("tp-insta-ad") + QPointF(0, 250))
    assert canvas.journey.snapshot() == canvas.opened
    assert canvas.view.gestures.mode is Mode.IDLE


def test_duplicate_flow_is_refused_with_the_models_message(canvas):
    canvas.look_at(canvas.card_centre("tp-neighbour"))
    canvas.drag(canvas.handle("tp-insta-ad"), canvas.card_centre("tp-neighbour"))
    assert canvas.refused and "already" in canvas.refused[0]
    assert canvas.stack.count() == 0


def test_clicked_flow_is_selected_and_deleted(canvas):
    flow = canvas.scene.flow_item("tp-insta-ad", "tp-neighbour")
    point = flow.path().pointAtPercent(0.5)
    canvas.look_at(point)
    canvas.click(point)
    assert canvas.scene.selected_flows() == [("tp-insta-ad", "tp-neighbour")]
    canvas.keys(Qt.Key_Delete)
    assert not canvas.journey.has_flow("tp-insta-ad", "tp-neighbour")
    assert canvas.stack.count() == 1


# ------------------------------------------------------------------ stages
def test_dragging_stage_header_reorders_stages(canvas):
    start = canvas.header("st-aware")
    consider = canvas.band("st-consider")
    end = QPointF(consider.right - 40, start.y())
    canvas.look_at((start + end) / 2)
    canvas.drag(start, end, release=False)
    assert canvas.view.gestures.mode is Mode.STAGE
    assert canvas.journey.stages()[0] == "st-aware"  # nothing changes until release
    QTest.mouseRelease(canvas.viewport, Qt.LeftButton, Qt.NoModifier, canvas.at(end))
    assert canvas.journey.stages()[:2] == ["st-consider", "st-aware"]
    assert canvas.stack.count() == 1
    canvas.stack.undo()
    assert canvas.journey.snapshot() == canvas.opened


def test_stage_header_dropped_where_it_was_changes_nothing(canvas):
    start = canvas.header("st-consider")
    canvas.look_at(start)
    canvas.drag(start, start + QPointF(50, 0))
    assert canvas.stack.count() == 0


# ------------------------------------------------------------------ keys
def test_t_type_enter_loop_builds_connected_touchpoints(canvas):
    canvas.look_at(canvas.card_centre("tp-recommend"))
    canvas.scene.select_ids(["tp-recommend"])
    before = set(canvas.journey.ids("touchpoint"))
    canvas.keys(Qt.Key_T, "Loyalty newsletter", Qt.Key_Return,
                Qt.Key_T, "Second visit", Qt.Key_Return)
    new = set(canvas.journey.ids("touchpoint")) - before
    by_title = {canvas.journey.title(t): t for t in new}
    assert set(by_title) == {"Loyalty newsletter", "Second visit"}
    first, second = by_title["Loyalty newsletter"], by_title["Second visit"]
    assert canvas.journey.has_flow("tp-recommend", first)
    assert canvas.journey.has_flow(first, second)
    assert node(canvas, second)["x"] == node(canvas, first)["x"] + 240
    assert canvas.journey.stage_of(second) == canvas.journey.stage_of("tp-recommend")
    assert canvas.selected() == [second]


def test_creating_and_naming_is_one_undo_step(canvas):
    canvas.scene.select_ids(["st-use"])
    canvas.keys(Qt.Key_T, "Reheating tips", Qt.Key_Return)
    assert canvas.stack.count() == 1
    canvas.stack.undo()
    assert canvas.journey.snapshot() == canvas.opened
    canvas.stack.redo()
    assert "Reheating tips" in [canvas.journey.title(t) for t in canvas.journey.ids("touchpoint")]


def test_t_on_a_stage_adds_after_its_last_touchpoint(canvas):
    canvas.scene.select_ids(["st-use"])
    last_x = max(node(canvas, t)["x"] for t in canvas.journey.touchpoints_in("st-use"))
    new = canvas.view.editor.add_touchpoint()
    assert canvas.journey.stage_of(new) == "st-use"
    assert (node(canvas, new)["x"], node(canvas, new)["y"]) == (last_x + 240, 0)


def test_s_t_on_a_blank_map_build_a_first_stage_and_touchpoint(blank_canvas):
    canvas = blank_canvas
    canvas.keys(Qt.Key_S, "Awareness", Qt.Key_Return, Qt.Key_T, "Flyer", Qt.Key_Return)
    (stage,) = canvas.journey.stages()
    (tp,) = canvas.journey.touchpoints_in(stage)
    assert (canvas.journey.title(stage), canvas.journey.title(tp)) == ("Awareness", "Flyer")


def test_t_on_a_map_without_stages_asks_for_a_stage(blank_canvas):
    blank_canvas.keys(Qt.Key_T)
    assert blank_canvas.messages
    assert not blank_canvas.view.editor.is_editing
    assert blank_canvas.stack.count() == 0


def test_add_touchpoint_with_a_channel_is_one_undo_step(canvas):
    canvas.scene.select_ids(["tp-box"])
    new = canvas.view.editor.add_touchpoint(channel="delivery")
    assert node(canvas, new)["channel"] == "delivery"
    assert canvas.journey.has_flow("tp-box", new)
    canvas.stack.undo()
    assert canvas.journey.snapshot() == canvas.opened


def test_s_adds_a_stage_after_the_selected_one(canvas):
    canvas.scene.select_ids(["st-consider"])
    canvas.keys(Qt.Key_S, "Delivery", Qt.Key_Return)
    stages = canvas.journey.stages()
    assert canvas.journey.title(stages[2]) == "Delivery"


def test_s_on_a_map_taller_than_the_view_scrolls_once_to_the_new_stage_header(canvas):
    # Asked to show a whole band taller than the view, Qt scrolled to its bottom and
    # the title field then scrolled back up: two full repaints and a jump.
    canvas.view.resize(1400, 260)
    tp = "tp-shop-window"
    canvas.look_at(canvas.card_centre(tp))
    canvas.scene.select_ids([tp])
    bar, moves = canvas.view.verticalScrollBar(), []
    bar.valueChanged.connect(moves.append)
    canvas.keys(Qt.Key_S)
    new = canvas.scene.selected_ids()[0]
    header = canvas.scene.item_for(new)
    seen = canvas.view.mapToScene(canvas.viewport.rect()).boundingRect()
    assert seen.contains(header.mapRectToScene(header.header_rect()).center())
    assert len(moves) <= 1
    canvas.keys(Qt.Key_Escape)


def test_p_and_o_attach_notes_to_the_selected_touchpoint(canvas):
    tp = "tp-shop-window"
    canvas.look_at(canvas.card_centre(tp))
    canvas.click(canvas.card_centre(tp))
    before = set(canvas.journey.notes_on(tp))
    canvas.keys(Qt.Key_P, "Window display is dated", Qt.Key_Return,
                Qt.Key_O, "Show the morning bake", Qt.Key_Return)
    new = {canvas.journey.title(n): n for n in set(canvas.journey.notes_on(tp)) - before}
    assert node(canvas, new["Window display is dated"])["note_kind"] == "pain_point"
    assert node(canvas, new["Show the morning bake"])["note_kind"] == "opportunity"


def test_p_o_t_on_a_selected_note_act_on_its_touchpoint(canvas):
    tp = "tp-shop-window"
    canvas.look_at(canvas.card_centre(tp))
    canvas.scene.select_ids([tp])
    before_tps = set(canvas.journey.ids("touchpoint"))
    canvas.keys(Qt.Key_P, "No prices shown", Qt.Key_Return)
    pain = canvas.selected()[0]  # the new note is selected
    assert canvas.journey.kind_of(pain) == "note"
    canvas.keys(Qt.Key_O, "Price board", Qt.Key_Return,
                Qt.Key_T, "Steps inside", Qt.Key_Return)
    notes = canvas.journey.notes_on(tp)
    assert {canvas.journey.title(n) for n in notes} >= {"No prices shown", "Price board"}
    (new_tp,) = set(canvas.journey.ids("touchpoint")) - before_tps
    assert canvas.journey.title(new_tp) == "Steps inside"
    assert canvas.journey.has_flow(tp, new_tp)


def test_a_adds_an_action_addressing_the_selected_note(canvas):
    note = canvas.journey.notes_on("tp-neighbour")[0]
    canvas.look_at(canvas.card_centre("tp-neighbour"))
    canvas.scene.select_ids([note])
    canvas.keys(Qt.Key_A, "Referral cards at the till", Qt.Key_Return)
    (action,) = [a for a in canvas.journey.actions_for(note)
                 if canvas.journey.title(a) == "Referral cards at the till"]
    assert canvas.selected() == [note]
    assert canvas.stack.count() == 1


def test_f2_renames_in_place_as_one_undo_step(canvas):
    tp = "tp-neighbour"
    canvas.look_at(canvas.card_centre(tp))
    canvas.scene.select_ids([tp])
    canvas.keys(Qt.Key_F2, "A friend recommends us", Qt.Key_Return)
    assert canvas.journey.title(tp) == "A friend recommends us"
    assert canvas.stack.count() == 1
    canvas.stack.undo()
    assert canvas.journey.snapshot() == canvas.opened


def test_escape_cancels_a_title_edit(canvas):
    tp = "tp-neighbour"
    title = canvas.journey.title(tp)
    canvas.scene.select_ids([tp])
    canvas.keys(Qt.Key_F2, "Something else", Qt.Key_Escape)
    assert not canvas.view.editor.is_editing
    assert canvas.journey.title(tp) == title
    assert canvas.stack.count() == 0


def test_clicking_elsewhere_commits_a_title_edit(canvas):
    tp = "tp-neighbour"
    canvas.look_at(canvas.card_centre(tp))
    canvas.scene.select_ids([tp])
    canvas.keys(Qt.Key_F2, "Word of mouth")
    canvas.click(canvas.card_centre("tp-insta-ad"))
    assert not canvas.view.editor.is_editing
    assert canvas.journey.title(tp) == "Word of mouth"


def test_double_click_on_a_card_edits_its_title(canvas):
    tp = "tp-insta-ad"
    canvas.look_at(canvas.card_centre(tp))
    QTest.mouseDClick(canvas.viewport, Qt.LeftButton, Qt.NoModifier,
                      canvas.at(canvas.card_centre(tp)))
    assert canvas.view.editor.title_item.element_id == tp


def test_double_click_on_a_stage_header_edits_the_stage_title(canvas):
    point = canvas.header("st-use")
    canvas.look_at(point)
    QTest.mouseDClick(canvas.viewport, Qt.LeftButton, Qt.NoModifier, canvas.at(point))
    canvas.keys("Eating together", Qt.Key_Return)
    assert canvas.journey.title("st-use") == "Eating together"


def test_undo_while_naming_a_new_element_closes_the_editor(canvas):
    canvas.scene.select_ids(["st-use"])
    canvas.keys(Qt.Key_T, "Half typed")
    canvas.stack.undo()
    assert not canvas.view.editor.is_editing
    assert canvas.journey.snapshot() == canvas.opened


def test_escape_clears_the_selection(canvas):
    canvas.scene.select_ids(["tp-neighbour"])
    canvas.keys(Qt.Key_Escape)
    assert canvas.selected() == []


def test_delete_removes_elements_and_flows_as_one_undo_step(canvas):
    canvas.scene.select_ids(["tp-shop-window"])
    canvas.scene.flow_item("tp-insta-ad", "tp-neighbour").setSelected(True)
    canvas.keys(Qt.Key_Delete)
    assert "tp-shop-window" not in canvas.journey
    assert not canvas.journey.has_flow("tp-insta-ad", "tp-neighbour")
    assert canvas.stack.count() == 1
    canvas.stack.undo()
    assert canvas.journey.snapshot() == canvas.opened


def test_select_all_then_delete_empties_the_map_in_one_step(canvas):
    canvas.view.editor.select_all()
    canvas.keys(Qt.Key_Delete)
    assert canvas.journey.count("stage") == canvas.journey.count("touchpoint") == 0
    assert canvas.stack.count() == 1
    canvas.stack.undo()
    assert canvas.journey.snapshot() == canvas.opened


def test_ctrl_0_fits_the_map(canvas):
    QTest.keyClick(canvas.view, Qt.Key_0, Qt.ControlModifier)
    bounds = canvas.scene.layout.bounds
    shown = canvas.view.mapToScene(canvas.viewport.rect()).boundingRect()
    assert shown.contains(QRectF(bounds.x, bounds.y, bounds.w, bounds.h))


def test_menu_shortcuts_do_not_take_workshop_keys(canvas):
    window = QMainWindow()
    canvas.qtbot.addWidget(window)  # closed after the test, so it keeps no focus
    window.setCentralWidget(canvas.view)
    fired = []
    for shortcut in ("T", "Delete", "F11"):
        action = QAction(window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda *_, s=shortcut: fired.append(s))
        window.addAction(action)
    try:
        window.show()
        with canvas.qtbot.waitActive(window):
            window.activateWindow()
        canvas.view.setFocus()
        assert QApplication.focusWidget() is canvas.view  # else no shortcut could fire
        canvas.scene.select_ids(["st-use"])
        canvas.keys(Qt.Key_T, "Tasting", Qt.Key_Return, Qt.Key_Delete)
        assert fired == []
        canvas.keys(Qt.Key_F2, Qt.Key_F11)  # a window key still works while typing
        assert fired == ["F11"]
    finally:
        window.takeCentralWidget()  # the view is the fixture's to dispose of
    assert canvas.stack.count() == 2  # the named touchpoint, then its deletion


# ------------------------------------------------------------------ selection, panning
def test_rubber_band_inside_a_band_selects_its_cards(canvas):
    band = canvas.band("st-aware")
    start = QPointF(band.x + 10, band.y + L.BAND_HEADER + 10)
    end = QPointF(band.x + 2 * 240 + 40, band.y + L.BAND_HEADER + L.BAND_PAD + L.CARD_H + 20)
    canvas.look_at((start + end) / 2)
    canvas.drag(start, end)
    assert {"tp-insta-ad", "tp-neighbour"} <= set(canvas.selected())
    assert "st-aware" not in canvas.selected()


def test_rubber_band_takes_a_stage_only_when_enclosing_its_header(canvas):
    band = canvas.band("st-aware")
    start = QPointF(band.x - 20, band.y - 20)
    canvas.look_at(QPointF(band.center[0], band.y + 100))
    canvas.drag(start, QPointF(band.x + 300, band.y + L.BAND_HEADER + 150))
    assert "st-aware" not in canvas.selected()  # crossed the header, did not enclose it
    canvas.drag(start, QPointF(band.right + 2, band.y + L.BAND_HEADER + 20))
    assert "st-aware" in canvas.selected()


def test_clicking_a_stage_header_selects_the_stage(canvas):
    point = canvas.header("st-use")
    canvas.look_at(point)
    canvas.click(point)
    assert canvas.selected() == ["st-use"]


def test_middle_button_drag_pans_the_view(canvas):
    canvas.look_at(canvas.card_centre("tp-website-menu"))
    h, v = canvas.view.horizontalScrollBar(), canvas.view.verticalScrollBar()
    before = h.value(), v.value()
    canvas.drag_view(QPoint(700, 500), QPoint(500, 400), Qt.MiddleButton)
    assert (h.value(), v.value()) == (before[0] + 200, before[1] + 100)
    assert canvas.journey.snapshot() == canvas.opened


def test_space_and_left_drag_pans_the_view(canvas):
    canvas.look_at(canvas.card_centre("tp-website-menu"))
    h = canvas.view.horizontalScrollBar()
    before = h.value()
    QTest.keyPress(canvas.view, Qt.Key_Space)
    canvas.drag_view(QPoint(700, 500), QPoint(550, 500))
    QTest.keyRelease(canvas.view, Qt.Key_Space)
    assert h.value() == before + 150
    assert canvas.selected() == []


# ------------------------------------------------------------------ undo everything
def test_undo_all_returns_the_map_to_the_state_it_was_opened_in(canvas):
    canvas.look_at(canvas.card_centre("tp-neighbour"))
    canvas.scene.select_ids(["tp-neighbour"])
    canvas.keys(Qt.Key_T, "Follows us", Qt.Key_Return, Qt.Key_P, "Slow replies",
                Qt.Key_Return, Qt.Key_A, "Answer within an hour", Qt.Key_Return)
    canvas.drag(canvas.card_centre("tp-insta-ad"), canvas.card_centre("tp-insta-ad")
                + QPointF(0, 170))
    canvas.drag(canvas.handle("tp-neighbour"), canvas.card_centre("tp-insta-ad"))
    canvas.drop({"kind": "touchpoint", "channel": "app"}, canvas.card_centre("tp-insta-ad")
                + QPointF(240, 170))
    canvas.keys("Orders in the app", Qt.Key_Return)
    canvas.drag(canvas.header("st-aware"), QPointF(canvas.band("st-consider").right - 30,
                                                   canvas.header("st-aware").y()))
    canvas.scene.select_ids(["tp-shop-window"])
    canvas.keys(Qt.Key_Delete)
    assert canvas.stack.count() >= 7
    final = canvas.journey.snapshot()
    canvas.undo_all()
    assert canvas.journey.snapshot() == canvas.opened
    while canvas.stack.canRedo():
        canvas.stack.redo()
    assert canvas.journey.snapshot() == final
