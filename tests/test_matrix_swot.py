"""The priority matrix and the SWOT board, driven with real mouse and key events on
the sample map: each gesture is one undo step, and both follow the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from cxdesigner.fileformat.templates import sample_path
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.panels.matrix import PriorityMatrixView
from cxdesigner.ui.panels.matrix_chart import cell_at, cell_center, cell_rect
from cxdesigner.ui.panels.swot import SwotBoard, kind_after_drop
from cxdesigner.ui.panels.swot_cards import ID_ROLE


def open_sample(lang: str = "en") -> Document:
    document, problems = Document.open(sample_path(lang))
    assert not problems
    return document


@pytest.fixture
def document(qapp):
    return open_sample()


@pytest.fixture
def picked():
    """What the widget asked the window to select, call by call."""
    return []


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# ------------------------------------------------------------- the matrix
@pytest.fixture
def matrix(qtbot, document, picked):
    view = show(qtbot, PriorityMatrixView(document, picked.append))
    yield view
    view.detach()


def scores(document, note):
    attrs = document.journey.get(note)
    return attrs["impact"], attrs["effort"]


def dot_point(view, note) -> QPoint:
    return view.mapFromScene(view.matrix_scene.item_for(note).scenePos())


def drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    """Press, move in steps (past the drag distance) and release, as a hand would."""
    qtbot.mousePress(widget, Qt.LeftButton, pos=start)
    for step in (1, 2, 3, 4):
        qtbot.mouseMove(widget, start + (end - start) * step / 4)
    qtbot.mouseRelease(widget, Qt.LeftButton, pos=end)


def drag_note(qtbot, view, note, scene_point: QPointF) -> None:
    drag(qtbot, view.viewport(), dot_point(view, note), view.mapFromScene(scene_point))


def test_only_scored_rankable_notes_are_dots(matrix, document):
    dots = set(matrix.matrix_scene.dot_ids())
    assert "nt-queue" in dots and "nt-chain-opening" in dots
    assert "nt-taste" not in dots  # a strength is not ranked
    assert "nt-map-insight" not in dots


def test_a_dot_sits_in_the_cell_of_its_scores(matrix):
    pos = matrix.matrix_scene.item_for("nt-whatsapp-slow").scenePos()
    assert cell_at(pos) == (5, 2)


def test_notes_sharing_a_cell_fan_out_so_each_can_be_clicked(matrix, document):
    scene = matrix.matrix_scene
    crowd = [n for n in scene.dot_ids() if scores(document, n) == (3, 1)]
    assert len(crowd) >= 4
    points = {(p.x(), p.y()) for p in (scene.item_for(n).scenePos() for n in crowd)}
    assert len(points) == len(crowd)
    for note in crowd:
        assert cell_rect(3, 1).contains(scene.item_for(note).scenePos())
        top = matrix.itemAt(dot_point(matrix, note))
        assert top is scene.item_for(note)


def test_dragging_a_dot_to_another_cell_rescores_it_as_one_undo_step(qtbot, matrix, document):
    stack = document.undo_stack
    drag_note(qtbot, matrix, "nt-queue", cell_center(2, 5) + QPointF(20, -15))
    assert scores(document, "nt-queue") == (2, 5)
    assert stack.count() == 1


def test_one_undo_puts_the_dragged_dot_back(qtbot, matrix, document):
    before = matrix.matrix_scene.item_for("nt-queue").scenePos()
    drag_note(qtbot, matrix, "nt-queue", cell_center(1, 4))
    document.undo_stack.undo()
    assert scores(document, "nt-queue") == (5, 3)
    assert matrix.matrix_scene.item_for("nt-queue").scenePos() == before


def test_a_drop_beyond_the_edge_snaps_to_the_edge_cell(qtbot, matrix, document):
    drag_note(qtbot, matrix, "nt-queue", cell_center(1, 5) + QPointF(60, 60))
    assert scores(document, "nt-queue") == (1, 5)


def test_a_drop_far_off_the_chart_changes_nothing(qtbot, matrix, document):
    before = matrix.matrix_scene.item_for("nt-queue").scenePos()
    drag_note(qtbot, matrix, "nt-queue", QPointF(-400, 200))
    assert scores(document, "nt-queue") == (5, 3)
    assert document.undo_stack.count() == 0
    assert matrix.matrix_scene.item_for("nt-queue").scenePos() == before


def test_escape_abandons_a_drag(qtbot, matrix, document):
    viewport = matrix.viewport()
    start = dot_point(matrix, "nt-queue")
    end = matrix.mapFromScene(cell_center(1, 1))
    qtbot.mousePress(viewport, Qt.LeftButton, pos=start)
    qtbot.mouseMove(viewport, (start + end) / 2)
    qtbot.mouseMove(viewport, end)
    qtbot.keyClick(matrix, Qt.Key_Escape)
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=end)
    assert scores(document, "nt-queue") == (5, 3)
    assert document.undo_stack.count() == 0


def test_a_score_edited_elsewhere_moves_the_dot(matrix, document):
    document.journey.set_fields("nt-queue", impact=1, effort=1)
    assert cell_at(matrix.matrix_scene.item_for("nt-queue").scenePos()) == (1, 1)


def test_an_unscored_note_waits_in_the_strip(matrix, document):
    document.journey.set_fields("nt-queue", effort=None)
    scene = matrix.matrix_scene
    assert "nt-queue" in scene.strip_ids() and "nt-queue" not in scene.dot_ids()
    assert scene.strip.sceneBoundingRect().contains(scene.item_for("nt-queue").scenePos())


def test_dragging_a_note_from_the_strip_onto_the_matrix_scores_it(qtbot, matrix, document):
    document.journey.set_fields("nt-queue", impact=None, effort=None)
    drag_note(qtbot, matrix, "nt-queue", cell_center(4, 2))
    assert scores(document, "nt-queue") == (4, 2)
    assert "nt-queue" in matrix.matrix_scene.dot_ids()
    assert document.undo_stack.count() == 1


def test_dropping_a_dot_on_the_strip_clears_its_score(qtbot, matrix, document):
    strip = matrix.matrix_scene.strip.sceneBoundingRect()
    drag_note(qtbot, matrix, "nt-queue", strip.center())
    assert scores(document, "nt-queue") == (None, None)
    assert "nt-queue" in matrix.matrix_scene.strip_ids()


def test_clicking_a_dot_selects_its_note_through_the_callback(qtbot, matrix, picked):
    qtbot.mouseClick(matrix.viewport(), Qt.LeftButton, pos=dot_point(matrix, "nt-phone-busy"))
    assert picked == [["nt-phone-busy"]]
    assert matrix.matrix_scene.shows_selected("nt-phone-busy")


def test_a_selected_dot_is_ringed_in_the_highlight_colour_without_a_dashed_box(
        qtbot, matrix):
    scene = matrix.matrix_scene
    dot = scene.item_for("nt-phone-busy")
    qtbot.mouseClick(matrix.viewport(), Qt.LeftButton, pos=dot_point(matrix, "nt-phone-busy"))
    assert dot.pen().color() == scene.palette().highlight().color()
    assert not dot.isSelected()  # Qt's own selection would draw its dashed box


def test_a_click_on_the_background_unrings_the_selected_dot(qtbot, matrix):
    scene = matrix.matrix_scene
    qtbot.mouseClick(matrix.viewport(), Qt.LeftButton, pos=dot_point(matrix, "nt-phone-busy"))
    empty = matrix.mapFromScene(cell_center(1, 5, scene.rtl))  # a cell with no note
    assert not scene.items(cell_center(1, 5, scene.rtl)) or all(
        not hasattr(item, "element_id") for item in scene.items(cell_center(1, 5, scene.rtl)))
    qtbot.mouseClick(matrix.viewport(), Qt.LeftButton, pos=empty)
    assert not scene.shows_selected("nt-phone-busy")
    assert scene.item_for("nt-phone-busy").pen().color() != scene.palette().highlight().color()


def test_the_dots_are_drawn_by_qt_not_by_python():
    # A crowded cell holds a thousand dots: a repaint across them must not call
    # Python for each (see DotItem).
    from cxdesigner.ui.panels.matrix_items import DotItem
    assert "paint" not in DotItem.__dict__ and "boundingRect" not in DotItem.__dict__


def test_the_tiny_dots_of_a_crowded_cell_keep_their_colour_within_the_rim():
    from cxdesigner.ui.panels.matrix_items import DotItem
    dot = DotItem("n")
    for radius in (13.0, 6.0, 3.0, 1.0):
        dot.set_radius(radius)
        assert dot.pen().style() == Qt.NoPen or dot.pen().widthF() < radius / 2


def test_a_selection_shown_on_the_matrix_from_elsewhere_does_not_call_back(matrix, picked):
    matrix.show_selection(["nt-queue"])
    assert matrix.matrix_scene.shows_selected("nt-queue")
    assert picked == []


def test_hovering_a_dot_shows_its_title_and_scores(qtbot, matrix):
    qtbot.mouseMove(matrix.viewport(), dot_point(matrix, "nt-chain-opening"))
    hover = matrix.matrix_scene.hover
    assert hover.isVisible()
    assert hover.text.startswith("A bakery chain opens 300 m away")
    assert "impact 4, effort 4" in hover.text


@pytest.fixture
def hebrew_matrix(qtbot, picked):
    view = show(qtbot, PriorityMatrixView(open_sample("he"), picked.append))
    yield view
    view.detach()


def test_a_hebrew_map_runs_effort_from_the_right(hebrew_matrix):
    scene = hebrew_matrix.matrix_scene
    low, high = scene.item_for("nt-allergen-info"), scene.item_for("nt-chain-opening")
    assert low.scenePos().x() > high.scenePos().x()  # effort 1 right of effort 4
    assert cell_at(scene.item_for("nt-whatsapp-slow").scenePos(), rtl=True) == (5, 2)


def test_a_hebrew_map_puts_the_strip_on_the_left(hebrew_matrix):
    strip = hebrew_matrix.matrix_scene.strip.sceneBoundingRect()
    assert strip.right() < 0


def test_dragging_in_a_hebrew_map_scores_by_the_mirrored_cell(qtbot, hebrew_matrix):
    document = hebrew_matrix.matrix_scene.document
    drag_note(qtbot, hebrew_matrix, "nt-queue", cell_center(2, 5, rtl=True))
    assert scores(document, "nt-queue") == (2, 5)


# ---------------------------------------------------------- the SWOT board
@pytest.fixture
def board(qtbot, document, picked):
    widget = show(qtbot, SwotBoard(document, picked.append))
    yield widget
    widget.detach()


def shown(board, quadrant):
    # The board follows edits when the event loop turns (once per turn, while seen).
    QApplication.processEvents()
    return board.quadrants[quadrant].list.ids()


def card_point(board, quadrant, note) -> QPoint:
    notes = board.quadrants[quadrant].list
    return notes.visualItemRect(notes.item_for(note)).center()


@pytest.fixture
def drops_on(monkeypatch):
    """Offscreen, QDrag.exec returns at once: deliver the drag to a chosen list as a
    window system would (enter, move, drop on its viewport)."""
    where = {}

    def exec_(drag, *args, **kwargs):
        target, data = where["list"].viewport(), drag.mimeData()
        point = target.rect().center()
        for event in (QDragEnterEvent(point, Qt.MoveAction, data, Qt.LeftButton,
                                      Qt.NoModifier),
                      QDragMoveEvent(point, Qt.MoveAction, data, Qt.LeftButton,
                                     Qt.NoModifier),
                      QDropEvent(QPointF(point), Qt.MoveAction, data, Qt.LeftButton,
                                 Qt.NoModifier)):
            QApplication.sendEvent(target, event)
        return Qt.MoveAction

    monkeypatch.setattr(QDrag, "exec", exec_)
    return lambda notes: where.__setitem__("list", notes)


def drag_card(qtbot, board, drops_on, note, source, target) -> None:
    drops_on(board.quadrants[target].list)
    start = card_point(board, source, note)
    drag(qtbot, board.quadrants[source].list.viewport(), start, start + QPoint(0, 40))


def test_quadrants_hold_their_kinds_and_weaknesses_the_pain_points_too(board):
    assert "nt-taste" in shown(board, "strength")
    assert {"nt-no-crm", "nt-queue"} <= set(shown(board, "weakness"))
    assert "nt-express-shelf" in shown(board, "opportunity")
    assert "nt-chain-opening" in shown(board, "threat")


def test_insights_stay_off_the_board(board):
    everything = [n for q in board.quadrants.values() for n in q.list.ids()]
    assert "nt-map-insight" not in everything and len(everything) == 27


def test_moving_a_note_to_another_quadrant_changes_its_kind(qtbot, board, document,
                                                            drops_on):
    drag_card(qtbot, board, drops_on, "nt-taste", "strength", "threat")
    assert document.journey.get("nt-taste")["note_kind"] == "threat"
    assert "nt-taste" in shown(board, "threat") and "nt-taste" not in shown(board, "strength")


def test_one_undo_returns_a_moved_note_to_its_quadrant(qtbot, board, document, drops_on):
    drag_card(qtbot, board, drops_on, "nt-taste", "strength", "threat")
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.journey.get("nt-taste")["note_kind"] == "strength"
    assert "nt-taste" in shown(board, "strength")


def test_a_pain_point_moved_to_opportunities_becomes_an_opportunity(qtbot, board, document,
                                                                    drops_on):
    drag_card(qtbot, board, drops_on, "nt-queue", "weakness", "opportunity")
    assert document.journey.get("nt-queue")["note_kind"] == "opportunity"


def test_a_pain_point_dropped_on_weaknesses_stays_a_pain_point():
    assert kind_after_drop("pain_point", "weakness") == "pain_point"
    assert kind_after_drop("strength", "weakness") == "weakness"


def test_adding_a_note_in_a_quadrant_makes_it_about_the_filtered_touchpoint(
        qtbot, board, document):
    board.set_filter("tp-queue")
    quadrant = board.quadrants["opportunity"]
    qtbot.mouseClick(quadrant.add_button, Qt.LeftButton)
    qtbot.keyClicks(quadrant.entry, "Coffee while you wait")
    qtbot.keyClick(quadrant.entry, Qt.Key_Return)
    journey = document.journey
    (new,) = [n for n in journey.notes_on("tp-queue") if journey.title(n) == "Coffee while "
              "you wait"]
    assert journey.get(new)["note_kind"] == "opportunity"
    assert new in shown(board, "opportunity") and document.undo_stack.count() == 1


def test_a_note_added_on_the_whole_map_is_about_the_whole_map(qtbot, board, document):
    quadrant = board.quadrants["threat"]
    qtbot.mouseClick(quadrant.add_button, Qt.LeftButton)
    qtbot.keyClicks(quadrant.entry, "Flour prices")
    qtbot.keyClick(quadrant.entry, Qt.Key_Return)
    titles = [document.journey.title(n) for n in document.journey.notes_on(None)]
    assert "Flour prices" in titles


def test_escape_closes_the_entry_without_adding(qtbot, board, document):
    quadrant = board.quadrants["strength"]
    qtbot.mouseClick(quadrant.add_button, Qt.LeftButton)
    qtbot.keyClicks(quadrant.entry, "Half-typed")
    qtbot.keyClick(quadrant.entry, Qt.Key_Escape)
    assert quadrant.entry.isHidden() and document.undo_stack.count() == 0


def test_filtering_to_a_stage_shows_only_its_notes_and_its_touchpoints(board, document):
    board.set_filter("st-purchase")
    everything = {n for q in board.quadrants.values() for n in q.list.ids()}
    assert {"nt-queue", "nt-whatsapp-slow", "nt-courier-fees"} <= everything
    assert "nt-taste" not in everything and "nt-chain-opening" not in everything
    journey = document.journey
    for note in everything:
        target = journey.target_of(note)
        assert target == "st-purchase" or journey.stage_of(target) == "st-purchase"


def test_filtering_to_a_touchpoint_shows_only_its_notes(board):
    board.set_filter("tp-delivery")
    everything = {n for q in board.quadrants.values() for n in q.list.ids()}
    assert everything == {"nt-delivery-damage", "nt-courier-fees"}


def test_removing_the_filtered_stage_shows_the_whole_map_again(board, document):
    board.set_filter("st-use")
    document.journey.remove("st-use")
    assert board.filter_target() is None
    assert "nt-chain-opening" in shown(board, "threat")


def test_the_board_follows_a_change_made_through_the_model(board, document):
    document.journey.set_fields("nt-express-shelf", note_kind="strength", title="Shelf")
    assert "nt-express-shelf" in shown(board, "strength")
    notes = board.quadrants["strength"].list
    assert notes.item_for("nt-express-shelf").text() == "Shelf"


def test_clicking_a_card_selects_its_note_through_the_callback(qtbot, board, picked):
    notes = board.quadrants["threat"].list
    qtbot.mouseClick(notes.viewport(), Qt.LeftButton,
                     pos=card_point(board, "threat", "nt-courier-fees"))
    assert picked[-1] == ["nt-courier-fees"]


def test_a_selection_shown_on_the_board_from_elsewhere_does_not_call_back(board, picked):
    board.show_selection(["nt-queue"])
    selected = board.quadrants["weakness"].list.selectedItems()
    assert [i.data(ID_ROLE) for i in selected] == ["nt-queue"] and picked == []


def test_double_click_renames_a_card_as_one_undo_step(qtbot, board, document):
    notes = board.quadrants["strength"].list
    point = card_point(board, "strength", "nt-taste")
    # A real double click: QTest's sends only the second press, without the first.
    qtbot.mouseClick(notes.viewport(), Qt.LeftButton, pos=point)
    qtbot.mouseDClick(notes.viewport(), Qt.LeftButton, pos=point)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Best sourdough")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: document.journey.title("nt-taste") == "Best sourdough")
    assert document.undo_stack.count() == 1


def test_a_hebrew_map_lays_the_board_out_right_to_left(qtbot, picked):
    board = show(qtbot, SwotBoard(open_sample("he"), picked.append))
    assert board.layoutDirection() == Qt.RightToLeft
    strengths, weaknesses = board.quadrants["strength"], board.quadrants["weakness"]
    assert strengths.x() > weaknesses.x()  # Strengths first, at the right
    board.detach()


# ------------------------------------------- patched per edit, not built again
def test_a_single_rescore_patches_one_dot_and_builds_nothing(matrix, document,
                                                              monkeypatch):
    from cxdesigner.commands import EditFieldsCommand
    from cxdesigner.ui.panels import matrix_items

    scene = matrix.matrix_scene
    crowd = [n for n in scene.dot_ids() if scores(document, n) == (3, 1)]
    empty = next((i, e) for i in range(1, 6) for e in range(1, 6)
                 if not any(scores(document, n) == (i, e) for n in scene.dot_ids()))
    builds, placed = [], []
    monkeypatch.setattr(scene, "sync", lambda: builds.append(1))
    place = matrix_items.NoteItem.place
    monkeypatch.setattr(matrix_items.NoteItem, "place",
                        lambda item, pos: (placed.append(item.element_id), place(item, pos)))
    assert document.push(EditFieldsCommand(document.journey, crowd[0], impact=empty[0],
                                           effort=empty[1]))
    QApplication.processEvents()
    assert builds == [] and scene.lazy.updates >= 1
    assert cell_at(scene.item_for(crowd[0]).scenePos()) == empty
    # The dot itself, and the notes of the cell it left (fanned out one fewer).
    assert crowd[0] in placed and set(placed) <= set(crowd)
    document.undo_stack.undo()
    QApplication.processEvents()
    assert builds == [] and cell_at(scene.item_for(crowd[0]).scenePos()) == (3, 1)


def test_a_renamed_note_patches_its_card_keeping_selection_and_scroll(qtbot, picked):
    from cxdesigner.commands import AddNoteCommand, EditFieldsCommand, RenameCommand

    document = open_sample()
    journey = document.journey
    for n in range(60):
        journey.add_note("strength", f"Strength {n:02}", id=f"many-{n:02}")
    board = show(qtbot, SwotBoard(document, picked.append))
    notes = board.quadrants["strength"].list
    QApplication.processEvents()
    bar = notes.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    board.show_selection(["many-30"])
    rebuilds, scrolled = board.rebuilds, bar.value()
    set_rows = []
    notes.set_rows = lambda rows: set_rows.append(rows)
    assert document.push(RenameCommand(journey, "many-10", "Strength 10, renamed"))
    assert document.push(AddNoteCommand(journey, "strength", "Strength 45b", None))
    assert document.push(EditFieldsCommand(journey, "many-50", note_kind="threat"))
    QApplication.processEvents()
    assert board.rebuilds == rebuilds and set_rows == []
    assert notes.item_for("many-10").text() == "Strength 10, renamed"
    assert "many-50" in board.quadrants["threat"].list.ids()
    assert notes.selected_ids() == ["many-30"] and bar.value() == scrolled
    assert board.quadrants["strength"].count == notes.count()
    board.detach()
