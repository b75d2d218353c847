"""The prioritising panels inside the main window: one model, many views."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest

from cxdesigner.ui import main_window as mw
from cxdesigner.ui import settings
from cxdesigner.ui.main_window import MainWindow
from cxdesigner.fileformat.templates import sample_path


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield
    settings.use_file(None)


@pytest.fixture
def window(qapp, qtbot, monkeypatch):
    # Closing at teardown must not stop at the unsaved-changes question.
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    window = MainWindow.open_new(sample_path("en"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for w in mw.windows():
        w.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def test_the_window_docks_plan_matrix_swot_and_analysis(window):
    assert {"plan", "matrix", "swot", "analysis"} <= set(window.docks)
    assert window.docks["plan"].widget() is window.plan


def test_a_key_on_a_selected_note_names_the_new_action_in_the_plan(window, qtbot):
    window.scene.select_ids(["nt-whatsapp-slow"])
    window.view.setFocus()
    before = set(window.document.journey.ids("action"))
    QTest.keyClick(window.view.viewport(), Qt.Key_A)
    created = set(window.document.journey.ids("action")) - before
    assert len(created) == 1
    action = created.pop()
    assert window.document.journey.addressed_by(action) == ["nt-whatsapp-slow"]
    assert window.plan.tabs.currentWidget() is window.plan.actions_view


def test_selecting_a_note_in_the_matrix_selects_its_chip_on_the_canvas(window):
    window.show_elements(["nt-whatsapp-slow"])
    assert window.scene.selected_ids() == ["nt-whatsapp-slow"]


def test_f11_enters_and_leaves_workshop_mode(window, qtbot):
    QTest.keyClick(window, Qt.Key_F11)
    assert window.workshop.active and window.isFullScreen()
    QTest.keyClick(window, Qt.Key_F11)
    assert not window.workshop.active and not window.isFullScreen()
    assert window.docks["inspector"].isVisible()


def test_view_menu_offers_workshop_mode(window):
    view_menu = next(a.menu() for a in window.menuBar().actions() if "View" in a.text())
    assert window.workshop.toggle_action in view_menu.actions()
