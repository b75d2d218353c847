"""The Feedback panel offers the touchpoints model/matching.py suggests for an
unmatched item, with the words that explain them, and assigns the one chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cxdesigner.model import JourneyMap
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("temp_settings", "close_all_windows")


@pytest.fixture
def window(qtbot):
    journey = JourneyMap()
    journey.add_stage("Buy", id="s1")
    journey.add_touchpoint("s1", "Card reader at the till", id="t1", channel="store")
    journey.add_touchpoint("s1", "Parcel delivery", id="t2", channel="delivery",
                           description="A courier brings the box.")
    journey.add_feedback([{"id": "f1", "source": "email", "title": "Late parcel",
                           "description": "The courier came a week late"}])
    window = MainWindow(Document(journey))
    window.resize(1400, 900)
    window.show()
    window.docks["feedback"].raise_()
    qtbot.waitUntil(lambda: window.feedback.rows.rowCount() == 1)
    return window


def _select(qtbot, panel, item):
    rect = panel.table.visualRect(panel.rows.index(panel.rows.row_of(item), 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())


def test_an_unmatched_item_shows_its_likeliest_touchpoint_and_why(qtbot, window):
    panel = window.feedback
    _select(qtbot, panel, "f1")
    text = panel.suggestion.text()
    # The till's card reader shares no word with the e-mail: it is not offered.
    assert "Parcel delivery" in text and "Card reader" not in text
    assert "courier" in text and "parcel" in text


def test_the_suggested_touchpoint_in_the_assign_menu_assigns_the_item(qtbot, window):
    panel = window.feedback
    _select(qtbot, panel, "f1")
    panel.assign_menu.aboutToShow.emit()
    first = panel.assign_menu.actions()[0]
    assert "Parcel delivery" in first.text() and "courier" in first.toolTip()
    first.trigger()
    assert window.document.journey.touchpoint_of_item("f1") == "t2"
    window.document.undo_stack.undo()
    assert window.document.journey.touchpoint_of_item("f1") is None


def test_a_touchpoint_renamed_in_the_editor_is_suggested_by_its_new_words(qtbot, window):
    from cxdesigner.commands import RenameCommand

    panel = window.feedback
    assert window.document.push(RenameCommand(window.document.journey, "t1", "Courier desk"))
    _select(qtbot, panel, "f1")
    assert "Courier desk" in panel.suggestion.text()
