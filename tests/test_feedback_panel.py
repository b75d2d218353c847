"""The Feedback panel driven as a user would: filters, assigning, notes made from
feedback, deleting, and undo showing in the table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from cxdesigner.model import JourneyMap
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.main_window import MainWindow
from cxdesigner.ui.panels.feedback_rows import UNMATCHED

pytestmark = pytest.mark.usefixtures("temp_settings", "close_all_windows")


@pytest.fixture
def window(qtbot):
    journey = JourneyMap()
    journey.add_stage("Buy", id="s1")
    journey.add_touchpoint("s1", "Till", id="t1")
    journey.add_touchpoint("s1", "Delivery", id="t2")
    journey.add_feedback([
        {"id": "f1", "touchpoint": "t1", "nps": 10, "source": "survey", "date": "2026-01-02",
         "description": "Quick and friendly"},
        {"id": "f2", "touchpoint": "t1", "nps": 3, "source": "survey", "date": "2026-01-03",
         "description": "The card reader failed"},
        {"id": "f3", "source": "email", "title": "Late parcel",
         "description": "My parcel came a week late", "date": "2026-01-04"},
        {"id": "f4", "source": "email", "title": "Late again",
         "description": "Second late parcel this month"}])
    window = MainWindow(Document(journey))
    window.resize(1400, 900)
    window.show()
    window.docks["feedback"].raise_()
    qtbot.waitUntil(lambda: window.feedback.rows.rowCount() == 4)
    return window


def strip(text: str) -> str:
    return text.strip("\u2066\u2067\u2068\u2069")


def shown(window) -> list[str]:
    return list(window.feedback.rows.ids)


def click_row(qtbot, panel, item, modifier=Qt.NoModifier):
    table = panel.table
    rect = table.visualRect(panel.rows.index(panel.rows.row_of(item), 0))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, modifier, rect.center())


def test_the_unmatched_filter_shows_only_items_without_a_touchpoint(qtbot, window):
    panel = window.feedback
    panel.touchpoint.setCurrentIndex(panel.touchpoint.findData(UNMATCHED))
    assert sorted(shown(window)) == ["f3", "f4"]
    assert strip(panel.count.text()) == "2 of 4"


def test_typing_words_filters_and_the_score_filter_finds_detractors(qtbot, window):
    panel = window.feedback
    qtbot.keyClicks(panel.search, "parcel")
    assert sorted(shown(window)) == ["f3", "f4"]
    panel.search.clear()
    panel.score.setCurrentIndex(panel.score.findData("detractors"))
    assert shown(window) == ["f2"]


def test_newest_first_with_undated_items_last(qtbot, window):
    assert shown(window) == ["f3", "f2", "f1", "f4"]


def test_assigning_the_selection_is_one_undo_step(qtbot, window, monkeypatch):
    panel = window.feedback
    click_row(qtbot, panel, "f3")
    click_row(qtbot, panel, "f4", Qt.ControlModifier)
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: ("2. Delivery", True))
    panel._choose_touchpoint()
    journey = window.document.journey
    assert journey.touchpoint_of_item("f3") == journey.touchpoint_of_item("f4") == "t2"
    window.document.undo_stack.undo()
    assert journey.touchpoint_of_item("f3") is None and journey.touchpoint_of_item("f4") is None


def test_a_pain_point_made_from_items_cites_them_and_counts_them(qtbot, window, monkeypatch):
    panel = window.feedback
    click_row(qtbot, panel, "f1")
    click_row(qtbot, panel, "f2", Qt.ControlModifier)
    assert sorted(panel.selected_items()) == ["f1", "f2"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("The till is slow", True))
    note = panel.make_note("pain_point")
    journey = window.document.journey
    assert journey.get(note)["note_kind"] == "pain_point" and journey.target_of(note) == "t1"
    assert sorted(journey.cited_items(note)) == ["f1", "f2"]
    qtbot.waitUntil(lambda: "Customers who wrote about this: 2" in window.inspector.subheading.text())
    window.document.undo_stack.undo()
    assert note not in journey


def test_delete_removes_the_selected_items_and_undo_brings_them_back(qtbot, window):
    panel = window.feedback
    click_row(qtbot, panel, "f1")
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key_Delete)
    journey = window.document.journey
    assert "f1" not in journey
    qtbot.waitUntil(lambda: "f1" not in shown(window))
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: "f1" in shown(window))


def test_the_detail_shows_the_whole_item(qtbot, window):
    panel = window.feedback
    click_row(qtbot, panel, "f3")
    text = panel.detail.toPlainText()
    assert "Late parcel" in text and "a week late" in text and "2026-01-04" in text


def test_a_hidden_panel_does_no_work_until_shown(qtbot, window):
    window.docks["plan"].raise_()
    panel = window.feedback
    qtbot.waitUntil(lambda: not panel.isVisible() or panel.visibleRegion().isEmpty())
    before = panel.lazy.updates
    window.document.journey.add_feedback([{"id": "f9"}])
    qtbot.wait(50)
    assert panel.lazy.updates == before
    window.docks["feedback"].raise_()
    qtbot.waitUntil(lambda: "f9" in shown(window))


def test_the_touchpoint_filter_follows_a_renamed_touchpoint(qtbot, window):
    window.document.journey.rename("t2", "Courier")
    panel = window.feedback
    panel.touchpoint.showPopup()  # the list is made again when opened
    assert "Courier" in panel.touchpoint.itemText(panel.touchpoint.findData("t2"))
    panel.touchpoint.hidePopup()


def test_an_edit_patches_the_rows_instead_of_filtering_them_all(qtbot, window):
    panel = window.feedback
    journey = window.document.journey
    calls = []
    original = panel.rows.refilter
    panel.rows.refilter = lambda *a: calls.append(a) or original(*a)
    panel.touchpoint.setCurrentIndex(panel.touchpoint.findData(UNMATCHED))
    assert len(calls) == 1 and sorted(shown(window)) == ["f3", "f4"]
    journey.assign_feedback(["f3"], "t2")  # leaves the unmatched rows
    journey.add_feedback([{"id": "f5", "date": "2026-02-01"}])  # comes in, newest first
    qtbot.waitUntil(lambda: shown(window) == ["f5", "f4"])
    journey.set_fields("f4", date="2026-03-01")  # moves to its new place
    qtbot.waitUntil(lambda: shown(window) == ["f4", "f5"])
    assert len(calls) == 1 and strip(panel.count.text()) == "2 of 5"


@pytest.mark.parametrize("column", range(6))
def test_patched_rows_keep_the_order_a_fresh_sort_gives(qtbot, window, column):
    panel = window.feedback
    journey = window.document.journey
    panel.table.sortByColumn(column, Qt.AscendingOrder)
    journey.add_feedback([{"id": f"g{i}", "nps": i % 11, "date": f"2026-0{1 + i % 9}-01",
                           "source": "survey" if i % 2 else "email",
                           "description": f"comment {i * 7 % 13}",
                           "touchpoint": ("t1", "t2", None)[i % 3]} for i in range(20)])
    journey.assign_feedback(["g1", "g5"], "t1")
    qtbot.waitUntil(lambda: len(shown(window)) == 24)
    patched = shown(window)
    panel.rows.show(list(patched))
    assert shown(window) == patched


def test_the_count_gives_the_nps_and_csat_of_what_the_filters_show(qtbot, window):
    panel = window.feedback
    journey = window.document.journey
    assert strip(panel.count.text()) == "4 of 4 · NPS 0"  # a promoter and a detractor
    panel.touchpoint.setCurrentIndex(panel.touchpoint.findData(UNMATCHED))
    assert strip(panel.count.text()) == "2 of 4"  # no answers among them
    journey.add_feedback([{"id": "p1", "nps": 10, "csat": 5},
                          {"id": "p2", "nps": 8, "csat": 2}])
    qtbot.waitUntil(lambda: strip(panel.count.text()) == "4 of 6 · NPS +50 · CSAT 50%")
    journey.set_fields("p2", nps=0)  # a passive becomes a detractor
    qtbot.waitUntil(lambda: strip(panel.count.text()) == "4 of 6 · NPS 0 · CSAT 50%")
    journey.remove("p1")
    qtbot.waitUntil(lambda: strip(panel.count.text()) == "3 of 5 · NPS −100 · CSAT 0%")


def test_a_period_filters_by_date_and_gives_its_nps(qtbot, window):
    panel = window.feedback
    qtbot.keyClicks(panel.first_day, "2026-01-03")
    assert sorted(shown(window)) == ["f2", "f3"]  # undated items fall outside a period
    assert "NPS −100" in panel.count.text()  # f2 answered 3: a detractor
    qtbot.keyClicks(panel.last_day, "2026-13-01")  # not a date: no upper bound yet
    assert sorted(shown(window)) == ["f2", "f3"] and panel.last_day.styleSheet()
    panel.last_day.clear()
    qtbot.keyClicks(panel.last_day, "2026-01-03")
    assert shown(window) == ["f2"] and not panel.last_day.styleSheet()


def test_an_edit_elsewhere_does_not_ask_for_suggestions_again(qtbot, window, monkeypatch):
    panel = window.feedback
    asked = []

    def suggest(text):
        asked.append(text)
        return [("t2", "parcel")]
    monkeypatch.setattr(panel, "suggestions", lambda item: suggest(item))
    click_row(qtbot, panel, "f3")
    assert len(asked) == 1 and "Delivery" in panel.suggestion.text()
    window.document.journey.move_touchpoint("t1", 40.0, 0.0)  # a card dragged
    window.document.journey.rename("t1", "Till 2")
    qtbot.waitUntil(lambda: not panel.lazy.stale)
    assert len(asked) == 1
    click_row(qtbot, panel, "f4")
    assert len(asked) == 2
