"""The Hebrew interface: every text in Hebrew, right to left, the canvas following the
map's own direction."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from cxdesigner.ui import language, settings
from cxdesigner.ui import main_window as mw
from cxdesigner.ui.dialogs.map_details import MapDetailsDialog
from cxdesigner.ui.dialogs.preferences import PreferencesDialog
from cxdesigner.ui.dialogs.recovery import RecoveryDialog
from cxdesigner.ui.dialogs.report_dialog import ReportDialog, ReportOptions
from cxdesigner.ui.document.recovery_store import Skipped
from cxdesigner.ui.main_window import MainWindow
from cxdesigner.ui.workshop.voting import VotingSetupDialog

from cxdesigner.bidi import isolate
from cxdesigner.model import schema as S
from hebrew_ui import latin_leaks, shown_texts

REPO = Path(__file__).resolve().parents[1]
HEBREW_MAP = REPO / "resources" / "samples" / "bakery-he.cxmap"
ENGLISH_MAP = REPO / "resources" / "samples" / "bakery-en.cxmap"


@pytest.fixture
def temporary_settings(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield
    settings.use_file(None)


@pytest.fixture
def hebrew(qapp, temporary_settings):
    """The Hebrew interface for one test, then English again."""
    installed = language.install(qapp, "he")
    yield installed
    for window in mw.windows():
        window.document.mark_modified = lambda: None
        window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    language.uninstall(qapp, installed)


def open_window(path: Path) -> MainWindow:
    window = MainWindow.open_new(path)
    window.show()
    QApplication.processEvents()
    return window


def leaks(widget) -> list[tuple[str, str]]:
    # The map's file name is the user's, shown in the window title and File menu.
    names = (str(HEBREW_MAP), HEBREW_MAP.name)
    return [(where, text) for where, text in shown_texts(widget)
            if latin_leaks(text, names)]


def test_hebrew_interface_is_right_to_left(hebrew, qapp):
    window = open_window(HEBREW_MAP)
    assert qapp.layoutDirection() == Qt.RightToLeft
    assert window.menuBar().layoutDirection() == Qt.RightToLeft
    assert window.inspector.layoutDirection() == Qt.RightToLeft


def test_hebrew_interface_puts_palette_and_outline_on_the_right(hebrew):
    window = open_window(HEBREW_MAP)
    assert window.dockWidgetArea(window.docks["palette"]) == Qt.RightDockWidgetArea
    assert window.docks["palette"].x() > window.view.x()


def test_canvas_of_english_map_reads_left_to_right_in_hebrew_interface(hebrew):
    window = open_window(ENGLISH_MAP)
    assert window.view.layoutDirection() == Qt.LeftToRight


def test_canvas_of_hebrew_map_reads_right_to_left_in_english_interface(qapp,
                                                                       temporary_settings):
    window = open_window(HEBREW_MAP)
    try:
        assert qapp.layoutDirection() == Qt.LeftToRight
        assert window.view.layoutDirection() == Qt.RightToLeft
    finally:
        window.document.mark_modified = lambda: None
        window.close()


def test_canvas_follows_a_change_of_the_map_direction(hebrew):
    from cxdesigner.commands import EditDocumentCommand

    window = open_window(HEBREW_MAP)
    journey = window.document.journey
    assert window.document.push(EditDocumentCommand(journey, direction="ltr"))
    assert window.view.layoutDirection() == Qt.LeftToRight
    window.document.undo_stack.undo()
    assert window.view.layoutDirection() == Qt.RightToLeft


def test_main_window_menus_and_panels_have_no_english_left(hebrew):
    window = open_window(HEBREW_MAP)
    window.scene.select_ids([window.document.journey.stages()[0]])  # the inspector's form
    window.sync_selection()
    found = leaks(window)
    for dock in window.docks.values():  # a tab shows (and builds) its panel when raised
        dock.raise_()
        QApplication.processEvents()
        found += leaks(dock)
    assert found == []


def test_workshop_mode_and_voting_have_no_english_left(hebrew):
    window = open_window(HEBREW_MAP)
    window.workshop.start_round(["דנה", "אלי"], 3)
    QApplication.processEvents()
    try:
        assert leaks(window) == []
        assert leaks(VotingSetupDialog(window)) == []
    finally:
        window.workshop.cancel_round()
        window.workshop.exit()


def test_dialogs_have_no_english_left(hebrew):
    window = open_window(HEBREW_MAP)
    journey = window.document.journey
    remembered = QCoreApplication.translate(
        "ReportDialog", "These choices are remembered for this map file.")
    dialogs = [MapDetailsDialog(journey, window), PreferencesDialog(window),
               ReportDialog(journey, ReportOptions.default(), remembered, window),
               RecoveryDialog([], window, skipped=[Skipped("עותק-ישן", "תיקייה, לא קובץ")],
                              not_listed=2)]
    for dialog in dialogs:
        dialog.show()
        QApplication.processEvents()
        assert leaks(dialog) == [], type(dialog).__name__
        dialog.close()


def test_qt_standard_buttons_are_hebrew(hebrew):
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    assert latin_leaks(box.button(QDialogButtonBox.Cancel).text()) == []
    message = QMessageBox(QMessageBox.Warning, "כותרת", "טקסט",
                          QMessageBox.Save | QMessageBox.Discard)
    assert leaks(message) == []


def test_leak_check_catches_an_english_text(hebrew):
    # The check itself must be able to fail: an untranslated text is found.
    window = open_window(HEBREW_MAP)
    window.inspector.setToolTip("Select an element")
    assert ("Inspector ", "Select an element") in [(w.split(" ")[0] + " ", t)
                                                   for w, t in leaks(window)]


def test_preference_is_saved_and_read_back(temporary_settings):
    assert settings.language() == "system"
    settings.set_language("he")
    assert settings.language() == "he"


def test_preferences_dialog_saves_the_chosen_language(qapp, temporary_settings):
    dialog = PreferencesDialog()
    dialog.language.setCurrentIndex(dialog.language.findData("he"))
    dialog.accept()
    assert settings.language() == "he"


@pytest.mark.parametrize("choice, system, expected", [
    ("system", "he_IL", "he"), ("system", "en_GB", "en"), ("system", "de_DE", "en"),
    ("he", "en_US", "he"), ("en", "he_IL", "en")])
def test_interface_language_is_the_choice_else_the_system(choice, system, expected):
    assert language.interface_language(choice, QLocale(system)) == expected


def test_saved_choice_drives_the_translator(qapp, temporary_settings):
    settings.set_language("he")
    chosen = language.interface_language(settings.language())
    installed = language.install(qapp, chosen)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&קובץ"
    finally:
        language.uninstall(qapp, installed)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_isolate_wraps_user_text_in_first_strong_isolate():
    assert isolate("לחברים?") == "\u2068לחברים?\u2069"
    assert isolate("") == ""


def test_swot_header_is_one_sentence_with_the_count_after_the_name(qapp, temporary_settings):
    window = open_window(HEBREW_MAP)  # a right-to-left board in the English interface
    try:
        window.docks["swot"].raise_()
        window.swot.lazy.flush()
        quadrant = window.swot.quadrants["weakness"]
        assert quadrant.title.text() == f"\u200eWeaknesses ({quadrant.count})\u200e"
    finally:
        window.document.mark_modified = lambda: None
        window.close()


def test_analysis_isolates_the_title_in_its_sentence(qapp, temporary_settings):
    window = open_window(HEBREW_MAP)
    try:
        window.analysis.refresh()
        hotspots = window.analysis.tree.topLevelItem(2)
        first = hotspots.child(0).text(0)
        assert first.startswith("\u200e\u2068") and "\u2069: pain weighing " in first
    finally:
        window.document.mark_modified = lambda: None
        window.close()


def test_goal_keeps_its_own_direction_in_the_plan(hebrew):
    window = open_window(HEBREW_MAP)
    goal = window.document.journey.document["goal"].strip()
    window.plan.plan_view.refresh()
    assert f"\u2068{goal}\u2069" in window.plan.plan_view.goal.text()


def test_text_without_translation_shows_its_source(hebrew):
    # The translator answers "not here" (a null string), not an empty text.
    assert QCoreApplication.translate("MainWindow", "No such text anywhere") == \
        "No such text anywhere"


def test_score_formula_is_in_the_interface_words(hebrew):
    from cxdesigner.ui.panels.action_common import score_text, score_vocabulary

    assert score_text("impact 3 / effort 2 = 1.50", score_vocabulary()) == \
        "השפעה 3 / מאמץ 2 = 1.50"


def test_note_icons_in_the_panels_carry_hebrew_letters(hebrew):
    from cxdesigner.canvas import labels

    letters = {kind: labels.note_kind_letter(kind) for kind in S.NOTE_KINDS}
    assert not [k for k, letter in letters.items() if latin_leaks(letter)]
    assert len(set(letters.values())) == len(letters)  # one letter a kind


def test_a_deletion_is_told_in_hebrew_with_hebrew_plurals(hebrew):
    from cxdesigner.canvas.deletion import deletion_summary
    from cxdesigner.model import JourneyMap

    j = JourneyMap()
    stage = j.add_stage("Purchase").id
    for i in range(3):
        j.add_touchpoint(stage, f"T{i}")
    change = j.remove_stage(stage)
    text = deletion_summary(change, (stage, S.STAGE, "Purchase"))
    assert "3 נקודות מגע" in text
    assert latin_leaks(text, ("Purchase", "Ctrl+Z", "Ctrl", "Z")) == []
