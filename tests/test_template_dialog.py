"""File > New from Template: the dialog lists every template with its description,
offers the map's language (the interface's by default), and opens the chosen map."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from cxdesigner.fileformat import templates
from cxdesigner.model import schema as S
from cxdesigner.ui import language
from cxdesigner.ui import main_window as mw
from cxdesigner.ui.dialogs.new_from_template import NewFromTemplateDialog
from cxdesigner.ui.main_window import MainWindow
from hebrew_ui import latin_leaks, shown_texts


pytestmark = pytest.mark.usefixtures("temp_settings", "close_all_windows")


@pytest.fixture
def hebrew(qapp):
    installed = language.install(qapp, "he")
    yield
    language.uninstall(qapp, installed)


@pytest.fixture
def window(qtbot):
    w = MainWindow.open_new(None)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    return w


def open_dialog(qtbot, window) -> NewFromTemplateDialog:
    """Ctrl+Shift+N, as a user would press it."""
    qtbot.keyClick(window.view, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: window.findChild(NewFromTemplateDialog) is not None)
    dialog = window.findChild(NewFromTemplateDialog)
    qtbot.waitExposed(dialog)
    return dialog


def click_template(qtbot, dialog: NewFromTemplateDialog, name: str) -> None:
    view = dialog.templates
    row = templates.TEMPLATES.index(name)
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())


def test_the_dialog_lists_every_template_with_its_description(qapp):
    dialog = NewFromTemplateDialog()
    items = [dialog.templates.item(i) for i in range(dialog.templates.count())]
    assert [item.data(Qt.UserRole) for item in items] == list(templates.TEMPLATES)
    for item, template in zip(items, templates.CATALOGUE):
        title, description = item.text().split("\n")
        assert (title, description) == (template.title_en, template.description_en)


def test_the_map_language_defaults_to_the_interface_language(qapp):
    assert NewFromTemplateDialog().chosen() == ("blank", "en")


def test_in_the_hebrew_interface_the_dialog_is_hebrew_and_so_is_the_default(qapp, hebrew):
    dialog = NewFromTemplateDialog()
    dialog.show()
    QApplication.processEvents()
    assert dialog.chosen()[1] == "he"
    assert dialog.templates.item(2).text().split("\n") == [
        templates.CATALOGUE[2].title_he, templates.CATALOGUE[2].description_he]
    assert [(where, text) for where, text in shown_texts(dialog) if latin_leaks(text)] == []
    dialog.close()


def test_file_menu_has_new_from_template_beside_the_new_submenu(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]
    assert texts[:2] == ["&New", "New from &Template…"]
    new_menu = file_menu.actions()[0].menu()
    assert [a.text() for a in new_menu.actions()] == [
        "&Blank Map", "Five Stages (&English)", "Five Stages (&Hebrew)"]
    action = file_menu.actions()[1]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+N")


def test_choosing_a_template_and_hebrew_then_enter_opens_that_map_in_hebrew(qtbot, window):
    dialog = open_dialog(qtbot, window)
    click_template(qtbot, dialog, "clinic")
    qtbot.keyClick(dialog.templates, Qt.Key_Tab)  # to the language
    assert dialog.focusWidget() is dialog.language
    qtbot.keyClick(dialog.language, Qt.Key_Down)  # English -> Hebrew
    qtbot.keyClick(dialog.language, Qt.Key_Return)
    qtbot.waitUntil(lambda: any(w.document.journey.stages() for w in mw.windows()))
    [opened] = [w for w in mw.windows() if w.document.journey.stages()]
    journey = opened.document.journey
    clinic = templates.new_from_template("clinic", "he")
    assert journey.document["title"] == clinic.document["title"]
    assert journey.document["language"] == "he" and journey.document["direction"] == "rtl"
    assert journey.count(S.TOUCHPOINT) >= 8
    assert opened.view.layoutDirection() == Qt.RightToLeft
    assert not opened.document.is_modified and opened.document.path is None


def test_double_clicking_a_template_opens_it_in_the_default_language(qtbot, window):
    dialog = open_dialog(qtbot, window)
    view = dialog.templates
    rect = view.visualItemRect(view.item(templates.TEMPLATES.index("cafe")))
    # QTest's double click is the second click only: the first comes before it.
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: any(w.document.journey.stages() for w in mw.windows()))
    [opened] = [w for w in mw.windows() if w.document.journey.stages()]
    assert opened.document.journey.document["language"] == "en"
    assert "café" in opened.document.journey.document["title"].lower()


def test_escape_opens_nothing(qtbot, window):
    dialog = open_dialog(qtbot, window)
    click_template(qtbot, dialog, "agent")
    qtbot.keyClick(dialog.templates, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    QApplication.processEvents()
    assert mw.windows() == [window] and window.document.journey.stages() == []
