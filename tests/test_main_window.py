"""The main window: files, the unsaved-changes prompt, drops, settings, copy and paste."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from cxdesigner.commands import RenameCommand
from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.ui import main_window as mw
from cxdesigner.ui import settings
from cxdesigner.ui.copy_paste import ELEMENTS_MIME
from cxdesigner.ui.main_window import MainWindow
from cxdesigner.ui.dialogs.map_details import MapDetailsDialog


# ---------------------------------------------------------------- fixtures
@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield
    settings.use_file(None)


@pytest.fixture(autouse=True)
def close_all_windows(qapp, monkeypatch):
    yield
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    for window in mw.windows():
        window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def errors(monkeypatch):
    """Messages of error dialogs, which are not shown."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text) or QMessageBox.Ok)
    return shown


@pytest.fixture
def answer(monkeypatch):
    """Set the answer to the unsaved-changes question; records that it was asked."""
    asked: list[str] = []

    def set_answer(button):
        def question(parent, title, text, *a, **k):
            asked.append(text)
            return button
        monkeypatch.setattr(QMessageBox, "question", question)
    set_answer.asked = asked
    return set_answer


def small_map() -> JourneyMap:
    j = JourneyMap(document={"title": "Shop"})
    j.add_stage("Awareness", id="s1")
    j.add_stage("Purchase", id="s2")
    j.add_touchpoint("s1", "Flyer", id="t1", emotions={"*": 1})
    j.add_touchpoint("s1", "Website", id="t2", x=240.0)
    j.add_touchpoint("s2", "Till", id="t3")
    j.add_flow("t1", "t2")
    j.add_note("pain_point", "Small print", on="t1", id="n1")
    return j


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "shop.cxmap"
    cxmap.save(small_map(), path)
    return path


@pytest.fixture
def window(map_file):
    w = MainWindow.open_new(map_file)
    w.show()
    return w


def rename(window, element, title):
    assert window.document.push(RenameCommand(window.document.journey, element, title))


def drop(widget, path):
    """Drag a file over a widget and drop it: the events a real drop sends."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPointF(widget.width() / 2, widget.height() / 2)
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(widget, kind(where.toPoint(), Qt.CopyAction, mime,
                                            Qt.LeftButton, Qt.NoModifier))
    event = QDropEvent(where, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, event)
    return event


# ---------------------------------------------------------------- the title
def test_title_shows_the_file_name(window):
    assert window.windowTitle().startswith("shop.cxmap[*]")


def test_title_marks_an_edit(window):
    rename(window, "t1", "Poster")
    assert window.isWindowModified()


def test_title_mark_goes_after_undo_back_to_clean(window):
    rename(window, "t1", "Poster")
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


def test_undo_action_names_the_command(window):
    rename(window, "t1", "Poster")
    assert window.act.undo.text() == "&Undo Rename"


# -------------------------------------------------------- unsaved changes
def test_close_with_changes_answered_save_writes_the_file(window, map_file, answer):
    answer(QMessageBox.Save)
    rename(window, "t1", "Poster")
    assert window.close()
    assert cxmap.load(map_file).journey.title("t1") == "Poster"


def test_close_with_changes_answered_discard_closes_without_writing(window, map_file, answer):
    answer(QMessageBox.Discard)
    rename(window, "t1", "Poster")
    assert window.close()
    assert window not in mw.windows()
    assert cxmap.load(map_file).journey.title("t1") == "Flyer"


def test_close_with_changes_answered_cancel_keeps_the_window(window, answer):
    answer(QMessageBox.Cancel)
    rename(window, "t1", "Poster")
    assert not window.close()
    assert window in mw.windows() and window.document.journey.title("t1") == "Poster"


def test_close_without_changes_asks_nothing(window, answer):
    answer(QMessageBox.Cancel)
    assert window.close()
    assert answer.asked == []


def test_save_then_reopen_gives_the_same_map(window, map_file):
    rename(window, "t2", "Web shop")
    assert window.save()
    assert cxmap.load(map_file).journey.snapshot() == window.document.journey.snapshot()


def test_save_as_for_an_untitled_map_adds_the_extension(qapp, tmp_path, monkeypatch):
    window = MainWindow.open_new(None)
    target = tmp_path / "new map"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save()
    assert window.document.path == tmp_path / "new map.cxmap"
    assert window.windowTitle().startswith("new map.cxmap")


def test_a_save_error_shows_the_message_and_keeps_the_map_modified(window, tmp_path,
                                                                   monkeypatch, errors):
    rename(window, "t1", "Poster")
    target = tmp_path / "missing folder" / "x.cxmap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert not window.save_as()
    assert len(errors) == 1 and window.document.is_modified and window.isWindowModified()


def test_save_commits_a_title_still_being_typed(window, map_file):
    window.scene.select_ids(["t1"])
    window.sync_selection()
    edit = window.inspector.touchpoint_title
    edit.setText("Half typed")
    edit.setModified(True)  # as typing does, before editing has finished
    assert window.save()
    assert cxmap.load(map_file).journey.title("t1") == "Half typed"


# ------------------------------------------------------------------ opening
def test_opening_a_corrupt_file_shows_the_message_and_changes_nothing(window, tmp_path, errors):
    bad = tmp_path / "bad.cxmap"
    bad.write_text('{"format": "cxdesigner-map", "version": 1, "graph": ', encoding="utf-8")
    rename(window, "t1", "Poster")
    before = window.document.journey.snapshot()
    assert window.open_path(bad) is None
    assert len(errors) == 1 and "bad.cxmap" in errors[0]
    assert window.document.journey.snapshot() == before and window.document.is_modified
    assert mw.windows() == [window]


def test_opening_from_an_untouched_empty_window_replaces_it(qapp, map_file):
    empty = MainWindow.open_new(None)
    empty.show()
    opened = empty.open_path(map_file)
    assert mw.windows() == [opened] and opened.document.path == map_file


def test_opening_from_a_window_with_a_map_opens_a_second_window(window, tmp_path):
    other = tmp_path / "other.cxmap"
    cxmap.save(JourneyMap(), other)
    opened = window.open_path(other)
    assert mw.windows() == [window, opened]


def test_opening_a_file_already_open_gives_its_window(window, map_file):
    assert window.open_path(map_file) is window and mw.windows() == [window]


def test_new_from_the_hebrew_template_is_right_to_left(window):
    new = window.new_map("five-stages", "he")
    assert new.document.journey.document["direction"] == "rtl"
    assert len(new.document.journey.stages()) == 5 and not new.document.is_modified


# -------------------------------------------------------------------- drops
def test_dropping_a_map_file_opens_it(qapp, qtbot, map_file):
    empty = MainWindow.open_new(None)
    event = drop(empty, map_file)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: any(w.document.path == map_file for w in mw.windows()))


def test_a_map_dropped_on_the_canvas_reaches_the_window(window, qtbot, tmp_path):
    other = tmp_path / "other.cxmap"
    cxmap.save(JourneyMap(), other)
    drop(window.view.viewport(), other)
    qtbot.waitUntil(lambda: len(mw.windows()) == 2)
    assert mw.windows()[1].document.path == other


def test_dropping_a_csv_imports_it_as_a_new_untitled_modified_map(window, qtbot, tmp_path):
    csv = tmp_path / "workshop.csv"
    csv.write_text("stage,touchpoint,channel,emotion\nAwareness,Flyer,advertising,1\n"
                   "Purchase,Till,store,-1\n", encoding="utf-8")
    drop(window, csv)
    qtbot.waitUntil(lambda: len(mw.windows()) == 2)
    imported = mw.windows()[1]
    assert imported.document.path is None and imported.document.is_modified
    assert imported.document.journey.count(S.TOUCHPOINT) == 2


def test_dropping_another_kind_of_file_is_refused(window, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    assert not drop(window, other).isAccepted()


# ----------------------------------------------------------------- settings
def test_recent_files_persist(window, map_file, tmp_path):
    settings.use_file(tmp_path / "settings.ini")  # as a new run would read it
    assert settings.recent_files()[0] == map_file.resolve()


def test_recent_menu_lists_the_files(window, map_file):
    window.recent_menu.aboutToShow.emit()
    assert "shop.cxmap" in window.recent_menu.actions()[0].text()


def test_dock_layout_is_restored_in_the_next_window(window, answer):
    window.docks["outline"].hide()
    window.close()
    again = MainWindow.open_new(None)
    again.show()
    assert not again.docks["outline"].isVisible()
    assert again.docks["inspector"].isVisible()


def test_settings_go_to_the_temporary_file(window, tmp_path):
    window.close()
    assert "window" in (tmp_path / "settings.ini").read_text()


# -------------------------------------------------------- copy and paste
def test_copy_in_one_window_pastes_in_another_with_new_ids(window, tmp_path):
    other_path = tmp_path / "other.cxmap"
    target = JourneyMap()
    target.add_stage("Only", id="x1")
    cxmap.save(target, other_path)
    other = window.open_path(other_path)
    window.scene.select_ids(["t1", "t2"])
    assert window.copy()
    other.paste()
    journey = other.document.journey
    pasted = journey.touchpoints_in("x1")
    assert sorted(journey.title(t) for t in pasted) == ["Flyer", "Website"]
    assert not set(pasted) & {"t1", "t2"}
    assert other.document.undo_stack.count() == 1


def test_paste_selects_what_it_added(window):
    window.scene.select_ids(["t3"])
    window.copy()
    window.paste()
    selected = window.scene.selected_ids()
    assert len(selected) == 1 and selected[0] != "t3"
    assert window.document.journey.title(selected[0]) == "Till"


def test_copy_puts_the_titles_on_the_clipboard_as_text(window):
    window.scene.select_ids(["t1"])
    window.copy()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasFormat(ELEMENTS_MIME) and mime.text() == "Flyer\nSmall print"


def test_paste_of_something_else_is_refused_with_a_message(window, qtbot):
    QApplication.clipboard().setText("just text")
    mime = QMimeData()
    mime.setData(ELEMENTS_MIME, json.dumps({"format": "nope"}).encode())
    QApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.document.edit_refused):
        window.paste()
    assert window.document.undo_stack.count() == 0


def test_duplicate_adds_a_copy_in_one_undo_step(window):
    journey = window.document.journey
    before = journey.snapshot()
    window.scene.select_ids(["t1"])
    window.duplicate()
    assert [journey.title(t) for t in journey.touchpoints_in("s1")].count("Flyer") == 2
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert journey.snapshot() == before


def test_cut_removes_in_one_step_and_paste_brings_it_back(window):
    journey = window.document.journey
    window.scene.select_ids(["t3"])
    window.cut()
    assert "t3" not in journey and window.document.undo_stack.count() == 1
    window.scene.select_ids(["s2"])
    window.paste()
    assert [journey.title(t) for t in journey.touchpoints_in("s2")] == ["Till"]


# -------------------------------------------------------------- map details
def test_map_details_edit_is_one_undoable_step(window, monkeypatch):
    def accept(dialog):
        dialog.lines["client"].setText("Rosemary Bakery")
        dialog.goal.setPlainText("Regulars who recommend us")
        return MapDetailsDialog.Accepted
    monkeypatch.setattr(MapDetailsDialog, "exec", accept)
    window.edit_map_details()
    document = window.document.journey.document
    assert (document["client"], document["goal"]) == ("Rosemary Bakery",
                                                      "Regulars who recommend us")
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert window.document.journey.document["client"] == ""


def test_map_details_cancelled_changes_nothing(window, monkeypatch):
    monkeypatch.setattr(MapDetailsDialog, "exec", lambda dialog: MapDetailsDialog.Rejected)
    window.edit_map_details()
    assert window.document.undo_stack.count() == 0


def test_choosing_hebrew_in_map_details_turns_the_map_right_to_left(window):
    dialog = MapDetailsDialog(window.document.journey, window)
    dialog.language.setCurrentIndex(dialog.language.findData("he"))
    assert dialog.changes() == {"language": "he", "direction": "rtl"}


# ---------------------------------------------------------------- shortcuts
def test_no_menu_action_has_a_single_letter_shortcut(window):
    for action in window.findChildren(type(window.act.copy)):
        for key in action.shortcuts():
            text = key.toString()
            assert not (len(text) == 1 and text.isalpha()), action.text()


def test_delete_in_the_menu_does_not_take_the_key_from_the_canvas(window):
    assert window.act.delete.shortcut() == QKeySequence(QKeySequence.Delete)
    assert window.act.delete.shortcutContext() == Qt.WidgetWithChildrenShortcut
    assert window.act.delete in window.outline.actions()


def test_fit_is_control_zero(window):
    assert window.act.fit.shortcut() == QKeySequence("Ctrl+0")


def test_edit_actions_follow_the_selection(window):
    assert not window.act.copy.isEnabled()
    window.scene.select_ids(["t1"])
    window.sync_selection()
    assert window.act.copy.isEnabled() and window.act.duplicate.isEnabled()


def test_delete_from_the_menu_removes_the_selection_in_one_step(window, qtbot):
    window.scene.select_ids(["t2"])
    qtbot.waitUntil(window.act.delete.isEnabled)  # the actions follow the selection
    window.act.delete.trigger()
    assert "t2" not in window.document.journey
    assert window.document.undo_stack.count() == 1


def test_geometry_is_kept_as_bytes(window):
    window.close()
    geometry, state = settings.window_state()
    assert isinstance(geometry, QByteArray) and not state.isEmpty()
