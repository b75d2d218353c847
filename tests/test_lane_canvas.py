"""Lanes on the canvas, driven as a user would: click a cell, type, Tab, Enter, Esc,
flag it, reorder and hide lanes in the panel; every edit one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cxdesigner.canvas.lane_rows import LaneRowItem
from cxdesigner.model import JourneyMap
from cxdesigner.model.lane_edits import EMOTION_LANE_ID
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.main_window import MainWindow


pytestmark = pytest.mark.usefixtures("temp_settings", "close_all_windows")


def blueprint_map(direction: str = "ltr") -> JourneyMap:
    j = JourneyMap(document={"title": "Clinic", "direction": direction,
                             "language": "he" if direction == "rtl" else "en"})
    j.add_stage("Booking", id="s1")
    j.add_stage("Visit", id="s2")
    j.add_touchpoint("s1", "Phone call", id="t1")
    j.add_touchpoint("s1", "Reminder SMS", id="t2", x=240.0)
    j.add_touchpoint("s2", "Reception", id="t3")
    j.add_lane("customer_actions", id="ca")
    j.add_lane("frontstage", id="fs")
    j.add_lane("backstage", id="bs")
    return j


@pytest.fixture
def window(qapp):
    w = MainWindow(Document(blueprint_map()))
    w.resize(1400, 900)
    w.show()
    QApplication.processEvents()
    return w


def make_window(journey: JourneyMap) -> MainWindow:
    w = MainWindow(Document(journey))
    w.resize(1400, 900)
    w.show()
    QApplication.processEvents()
    return w


def click_cell(w: MainWindow, tp: str, lane: str, double: bool = False) -> None:
    view, layout = w.view, w.scene.layout
    r = layout.cell(tp, lane)
    view.centerOn(r.x + r.w / 2, r.y + r.h / 2)
    QApplication.processEvents()
    pos = view.mapFromScene(r.x + r.w / 2, r.y + r.h / 2)
    if double:
        QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    else:
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, pos)


def keys(w: MainWindow, *sequence) -> None:
    for key in sequence:
        if isinstance(key, str):
            QTest.keyClicks(w.view.viewport(), key)
        elif isinstance(key, tuple):
            QTest.keyClick(w.view.viewport(), key[0], key[1])
        else:
            QTest.keyClick(w.view.viewport(), key)


def steps(w: MainWindow) -> int:
    return w.document.undo_stack.count()


def test_a_click_makes_a_cell_current_and_typing_fills_it(window):
    click_cell(window, "t1", "ca")
    assert window.scene.current_cell == ("t1", "ca")
    keys(window, "Calls the clinic", Qt.Key_Return)
    assert window.document.journey.cell("t1", "ca") == "Calls the clinic"
    assert steps(window) == 1


def test_tab_keeps_the_text_and_goes_on_to_the_next_touchpoint(window):
    click_cell(window, "t1", "ca")
    keys(window, Qt.Key_F2, "Calls", Qt.Key_Tab, "Reads the SMS", Qt.Key_Tab, "Arrives",
         Qt.Key_Return)
    j = window.document.journey
    assert [j.cell(t, "ca") for t in ("t1", "t2", "t3")] == ["Calls", "Reads the SMS",
                                                             "Arrives"]
    assert steps(window) == 3
    window.document.undo_stack.undo()
    assert j.cell("t3", "ca") == "" and j.cell("t2", "ca") == "Reads the SMS"


def test_shift_tab_goes_back_along_the_journey(window):
    click_cell(window, "t2", "ca")
    keys(window, (Qt.Key_Backtab, Qt.ShiftModifier))
    assert window.scene.current_cell == ("t1", "ca")


def test_down_while_typing_keeps_the_text_and_opens_the_lane_below(window):
    click_cell(window, "t1", "ca")
    keys(window, "Calls", Qt.Key_Down, "Receptionist answers", Qt.Key_Return)
    j = window.document.journey
    assert j.cell("t1", "ca") == "Calls" and j.cell("t1", "fs") == "Receptionist answers"
    assert window.scene.current_cell == ("t1", "fs")


def test_escape_drops_what_was_typed(window):
    window.document.journey.set_cell("t1", "ca", "Calls")
    click_cell(window, "t1", "ca")
    keys(window, Qt.Key_F2, "Writes an e-mail", Qt.Key_Escape)
    assert window.document.journey.cell("t1", "ca") == "Calls"
    assert steps(window) == 0


def test_double_click_opens_the_cell_with_its_text(window):
    window.document.journey.set_cell("t3", "bs", "File pulled")
    click_cell(window, "t3", "bs")
    click_cell(window, "t3", "bs", double=True)
    assert window.view.cells.is_editing
    assert window.view.cells.editor_item.text() == "File pulled"


def test_delete_empties_the_current_cell_in_one_step(window):
    window.document.journey.set_cell("t2", "fs", "SMS sent")
    click_cell(window, "t2", "fs")
    keys(window, Qt.Key_Delete)
    assert window.document.journey.cell("t2", "fs") == ""
    window.document.undo_stack.undo()
    assert window.document.journey.cell("t2", "fs") == "SMS sent"


def test_ctrl_shift_f_flags_a_fail_point_as_one_undo_step(window):
    click_cell(window, "t3", "bs")
    keys(window, (Qt.Key_F, Qt.ControlModifier | Qt.ShiftModifier))
    j = window.document.journey
    assert j.mark("t3", "bs") == "fail" and steps(window) == 1
    keys(window, (Qt.Key_F, Qt.ControlModifier | Qt.ShiftModifier))  # again: cleared
    assert j.mark("t3", "bs") is None
    window.document.undo_stack.undo()
    assert j.mark("t3", "bs") == "fail"


def test_the_wait_point_key_flags_a_wait_point(window):
    click_cell(window, "t1", "fs")
    keys(window, (Qt.Key_W, Qt.ControlModifier | Qt.ShiftModifier))
    assert window.document.journey.mark("t1", "fs") == "wait"


def test_arrows_move_as_the_map_reads_in_a_right_to_left_map(qapp):
    w = make_window(blueprint_map("rtl"))
    click_cell(w, "t1", "ca")
    keys(w, Qt.Key_Left)  # the next touchpoint lies to the left of a Hebrew map
    assert w.scene.current_cell == ("t2", "ca")
    keys(w, Qt.Key_Right, Qt.Key_Down)
    assert w.scene.current_cell == ("t1", "fs")


def test_letters_fill_a_current_cell_instead_of_adding_stages(window):
    stages = len(window.document.journey.stages())
    click_cell(window, "t1", "ca")
    keys(window, "Sees", Qt.Key_Return)
    assert len(window.document.journey.stages()) == stages
    assert window.document.journey.cell("t1", "ca") == "Sees"


def test_clicking_a_card_lets_the_cell_go(window):
    click_cell(window, "t1", "ca")
    card = window.scene.layout.cards["t2"]
    pos = window.view.mapFromScene(card.x + 20, card.y + 60)
    window.view.centerOn(card.x, card.y)
    QApplication.processEvents()
    pos = window.view.mapFromScene(card.x + 20, card.y + 60)
    QTest.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    assert window.scene.current_cell is None


def test_the_panel_moves_a_lane_down_with_alt_down_in_one_step(window):
    panel = window.lanes
    window.docks["lanes"].show()
    window.docks["lanes"].raise_()
    j = window.document.journey
    order = j.lanes()
    panel.list.setCurrentRow(order.index("ca"))
    panel.list.setFocus()
    QTest.keyClick(panel.list, Qt.Key_Down, Qt.AltModifier)
    assert j.lanes().index("ca") == order.index("ca") + 1
    assert steps(window) == 1
    window.document.undo_stack.undo()
    assert j.lanes() == order


def test_unticking_a_lane_hides_it_on_the_canvas(window):
    panel = window.lanes
    row = window.document.journey.lanes().index("fs")
    item = panel.list.item(row)
    item.setCheckState(Qt.Unchecked)
    QApplication.processEvents()
    assert window.document.journey.lane("fs")["hidden"]
    assert "fs" not in window.scene.layout.lanes
    assert "fs" not in window.scene.rows.items
    assert steps(window) == 1


def test_the_emotion_lane_can_be_hidden_but_not_removed(window):
    panel = window.lanes
    panel.list.setCurrentRow(window.document.journey.lanes().index(EMOTION_LANE_ID))
    assert not panel.remove_button.isEnabled()
    panel.list.item(panel.list.currentRow()).setCheckState(Qt.Unchecked)
    QApplication.processEvents()
    assert window.scene.layout.lane.h == 0


def test_adding_the_whole_blueprint_from_the_menu_is_one_step(qapp):
    j = JourneyMap()
    j.add_stage("One")
    w = make_window(j)
    w.act.add_lanes[0].trigger()
    kinds = [j.lane(n)["lane_kind"] for n in j.lanes()]
    assert kinds == ["emotion", "physical_evidence", "customer_actions", "frontstage",
                     "backstage", "support"]
    assert steps(w) == 1
    assert len([i for i in w.scene.items() if isinstance(i, LaneRowItem)]) == 5


def test_removing_a_lane_and_undoing_brings_its_cells_back_on_the_canvas(window):
    j = window.document.journey
    j.set_cell("t1", "bs", "Checks the diary")
    panel = window.lanes
    panel.list.setCurrentRow(j.lanes().index("bs"))
    panel.remove_button.click()
    assert "bs" not in j.lanes() and "bs" not in window.scene.rows.items
    window.document.undo_stack.undo()
    assert j.cell("t1", "bs") == "Checks the diary" and "bs" in window.scene.rows.items


def test_the_panel_renames_a_lane_with_f2_in_one_step(window):
    panel = window.lanes
    window.docks["lanes"].show()
    window.docks["lanes"].raise_()
    j = window.document.journey
    panel.list.setCurrentRow(j.lanes().index("bs"))
    panel.list.setFocus()
    QApplication.processEvents()
    QTest.keyClick(panel.list, Qt.Key_F2)
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(editor, "Kitchen")
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    assert j.lane("bs")["title"] == "Kitchen" and steps(window) == 1
    window.document.undo_stack.undo()
    assert j.lane("bs")["title"] == ""


def test_a_text_lane_added_from_the_panel_asks_for_its_name(window):
    window.docks["lanes"].show()
    window.docks["lanes"].raise_()
    QApplication.processEvents()
    text_lane = next(a for a in window.lanes.add_actions if a.text().startswith("Text lane"))
    text_lane.trigger()
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    QTest.keyClick(editor, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(editor, "Quotes")
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    j = window.document.journey
    titles = [j.lane(n)["title"] for n in j.lanes()]
    assert "Quotes" in titles
    assert steps(window) == 2  # the lane, then its name


def test_zoomed_out_a_lane_paints_its_filled_cells_as_kept_boxes(window, monkeypatch):
    j = window.document.journey
    j.set_cell("t1", "ca", "Calls")
    j.set_cell("t3", "ca", "Arrives")
    window.view.set_zoom(0.1)
    QApplication.processEvents()
    assert not window.scene.detailed
    monkeypatch.setattr(LaneRowItem, "_paint_cells",
                        lambda *a: pytest.fail("text drawn while zoomed out"))
    window.view.viewport().grab()
    row = window.scene.rows.items["ca"]
    assert row._boxes is not None and len(row._boxes) == 2
    j.set_cell("t2", "ca", "Reads")  # an edit drops the kept boxes
    assert row._boxes is None
