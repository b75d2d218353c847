"""Recovery that keeps unsaved work private and never hangs, one window per file, and
deletions that say what they took (issue 9, items 4, 7 and 8)."""

from __future__ import annotations

import json
import os
import socket
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest

from cxdesigner.bidi import plain
from cxdesigner.commands import RenameCommand
from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap
from cxdesigner.ui.document import autosave, recovery_store
from cxdesigner.ui import settings
from cxdesigner.ui import main_window as mw
from cxdesigner.ui.main_window import MainWindow
from cxdesigner.ui.dialogs.recovery import RecoveryDialog

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX modes and special files")
INSTANCE = "a" * 32


# ---------------------------------------------------------------- fixtures
@pytest.fixture
def folder(tmp_path):
    return tmp_path / "recovery"


@pytest.fixture(autouse=True)
def editor(qapp, tmp_path, folder, monkeypatch):
    """Temporary settings and recovery folder, a running session; at the end every
    window is closed (discarding) and then the session ended."""
    settings.use_file(tmp_path / "settings.ini")
    monkeypatch.setattr(autosave, "IDLE_MS", 150)
    monkeypatch.setattr(MainWindow, "ask_changed_on_disk",
                        lambda self: pytest.fail("unexpected changed-on-disk question"))
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, title, text: errors.append(text))
    autosave.start_session(folder)
    yield errors
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    for window in mw.windows():
        window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    autosave.end_session()
    settings.use_file(None)


def small_map(title="Shop") -> JourneyMap:
    j = JourneyMap(document={"title": title})
    j.add_stage("Awareness", id="s1")
    j.add_stage("Purchase", id="s2")
    j.add_touchpoint("s1", "Flyer", id="t1")
    j.add_touchpoint("s2", "Till", id="t2")
    j.add_touchpoint("s2", "Receipt", id="t3", flow_from="t2")
    j.add_flow("t1", "t2")
    j.add_note("pain_point", "Queue", on="t2", id="n1")
    j.add_note("insight", "Cash only", on="t3", id="n2")
    j.add_note("opportunity", "Loyalty", on="s2", id="n3")
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


def copy_written(qtbot, window):
    saver = window.autosaver
    qtbot.waitUntil(lambda: saver.map_path.exists() and saver.meta_path.exists()
                    and not saver.busy, timeout=5000)
    autosave.wait_for_writes()
    return saver.map_path


def left_copy(folder: Path, key: str, journey: JourneyMap | None = None, *,
              original: Path | None = None, title="Lost map", meta: bytes | None = None):
    """A copy a dead editor left (no marker: nobody runs it)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{INSTANCE}-{key}.cxmap").write_bytes(
        autosave.serialise(journey if journey is not None else small_map()))
    (folder / f"{INSTANCE}-{key}.json").write_bytes(meta if meta is not None else json.dumps({
        "format": "cxdesigner-recovery", "version": 1, "title": title,
        "original_path": str(original) if original else None,
        "copied_at": "2024-05-01T10:30:00+00:00"}).encode())


def drive_dialog(monkeypatch, act):
    """Replace the dialog's exec: record the dialog, then ``act`` on it."""
    seen: list[RecoveryDialog] = []

    def exec_(dialog):
        seen.append(dialog)
        act(dialog)
        return dialog.result()
    monkeypatch.setattr(RecoveryDialog, "exec", exec_)
    return seen


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


# ------------------------------------------------------------ private files
@POSIX
def test_the_recovery_folder_is_made_private(tmp_path):
    autosave.end_session()
    old = os.umask(0o022)
    try:
        session = autosave.start_session(tmp_path / "fresh" / "recovery")
    finally:
        os.umask(old)
    assert mode(session.folder) == 0o700
    assert mode(session.marker) == 0o600


@POSIX
def test_a_recovery_folder_of_ours_open_to_others_is_tightened(tmp_path):
    autosave.end_session()
    wide = tmp_path / "wide"
    wide.mkdir()
    os.chmod(wide, 0o755)
    assert autosave.start_session(wide) is not None
    assert mode(wide) == 0o700


@POSIX
def test_recovery_copies_and_sidecars_are_private(qtbot, window):
    old = os.umask(0o022)  # a new file would be 0644
    try:
        window.document.push(RenameCommand(window.document.journey, "t1", "Poster"))
        copy = copy_written(qtbot, window)
    finally:
        os.umask(old)
    assert mode(copy) == 0o600
    assert mode(window.autosaver.meta_path) == 0o600


@POSIX
def test_a_copy_left_readable_by_an_older_version_becomes_private(qtbot, window):
    saver = window.autosaver
    saver.map_path.parent.mkdir(parents=True, exist_ok=True)
    saver.map_path.write_bytes(b"{}")
    os.chmod(saver.map_path, 0o644)
    window.document.push(RenameCommand(window.document.journey, "t1", "Poster"))
    qtbot.waitUntil(lambda: saver.writes >= 1 and not saver.busy, timeout=5000)
    assert mode(saver.map_path) == 0o600


# ------------------------------------------------- a folder that is not to be trusted
@POSIX
@pytest.mark.timeout(30)
def test_fifos_in_the_recovery_folder_are_skipped_and_start_up_does_not_hang(
        folder, monkeypatch):
    left_copy(folder, "b" * 32)
    os.mkfifo(folder / f"{'c' * 32}-{'d' * 32}.cxmap")  # a map copy's name
    left_copy(folder, "e" * 32)
    (folder / f"{INSTANCE}-{'e' * 32}.json").unlink()
    os.mkfifo(folder / f"{INSTANCE}-{'e' * 32}.json")  # a sidecar's name
    os.mkfifo(folder / f"session-{'f' * 32}.json")  # a marker's name
    seen = drive_dialog(monkeypatch, lambda dialog: dialog.later_button.click())
    MainWindow.start(None)
    assert [entry.key for entry in seen[0].entries] == ["b" * 32]
    skipped = seen[0].folder_note.text()
    assert "3 items" in skipped and "a pipe, not a file" in skipped


@POSIX
@pytest.mark.timeout(30)
def test_a_socket_a_folder_and_symlinks_in_the_recovery_folder_are_skipped(
        tmp_path, folder, monkeypatch):
    left_copy(folder, "b" * 32)
    (folder / f"{INSTANCE}-{'c' * 32}.cxmap").mkdir()
    outside = tmp_path / "elsewhere.cxmap"
    outside.write_bytes(autosave.serialise(small_map("Not ours")))
    os.symlink(outside, folder / f"{INSTANCE}-{'d' * 32}.cxmap")
    os.symlink(tmp_path / "nowhere", folder / f"{INSTANCE}-{'e' * 32}.cxmap")
    sock = socket.socket(socket.AF_UNIX)
    sock_path = folder / f"{INSTANCE}-{'9' * 32}.cxmap"
    if len(str(sock_path)) < 100:  # AF_UNIX paths are short
        sock.bind(str(sock_path))
    try:
        scan = autosave.current_session().scan()
        scan.release()
    finally:
        sock.close()
    assert [entry.key for entry in scan.entries] == ["b" * 32]
    reasons = sorted(s.reason for s in scan.skipped)
    assert reasons.count("a symbolic link, not a file") == 2
    assert "a folder, not a file" in reasons
    assert outside.exists() and (folder / f"{INSTANCE}-{'c' * 32}.cxmap").is_dir()


def test_the_scan_loads_no_map_and_recover_loads_it(folder, monkeypatch):
    left_copy(folder, "b" * 32, title="From the sidecar")
    real = cxmap.loads
    loading = {"allowed": False}

    def guarded(data):
        if not loading["allowed"]:
            pytest.fail("a map was loaded to list it")
        return real(data)
    monkeypatch.setattr(cxmap, "loads", guarded)
    monkeypatch.setattr(cxmap, "load", lambda *a, **k: pytest.fail("loaded by path"))

    def recover(dialog):
        assert [e.title for e in dialog.entries] == ["From the sidecar"]
        loading["allowed"] = True
        dialog.recover_button.click()
    drive_dialog(monkeypatch, recover)
    front = MainWindow.start(None)
    assert front.document.journey.title("t1") == "Flyer" and front.document.is_modified


def test_the_dialog_shows_title_file_time_and_size_from_the_sidecar(tmp_path, folder,
                                                                    monkeypatch):
    original = tmp_path / "plans" / "shop.cxmap"
    left_copy(folder, "b" * 32, original=original, title="Summer shop")
    size = (folder / f"{INSTANCE}-{'b' * 32}.cxmap").stat().st_size
    rows = []

    def look(dialog):
        item = dialog.list.topLevelItem(0)
        rows.append([item.text(column) for column in range(4)])
        dialog.later_button.click()
    drive_dialog(monkeypatch, look)
    MainWindow.start(None)
    title, path, when, shown_size = rows[0]
    assert title == "Summer shop" and str(original) in path
    assert "2024" in when
    assert shown_size and shown_size[0].isdigit() and size < 10_000  # "2.1 KB" or so


def test_a_huge_sidecar_is_skipped_with_a_message(folder, monkeypatch):
    left_copy(folder, "b" * 32)
    left_copy(folder, "c" * 32, meta=b'{"title": "' + b"x" * (100 * 1024) + b'"}')
    seen = drive_dialog(monkeypatch, lambda dialog: dialog.later_button.click())
    MainWindow.start(None)
    assert [entry.key for entry in seen[0].entries] == ["b" * 32]
    assert "its description is 100 KiB" in seen[0].folder_note.text()
    assert (folder / f"{INSTANCE}-{'c' * 32}.cxmap").exists()  # left alone


def test_a_huge_sidecar_alone_is_reported_in_the_status_bar(folder, monkeypatch):
    left_copy(folder, "c" * 32, meta=b" " * (recovery_store.MAX_SIDECAR_BYTES + 1))
    monkeypatch.setattr(RecoveryDialog, "exec", lambda self: pytest.fail("nothing to offer"))
    front = MainWindow.start(None)
    assert "skipped" in front.statusBar().currentMessage()


def test_the_scan_lists_at_most_max_entries_and_says_so(folder, monkeypatch):
    monkeypatch.setattr(recovery_store, "MAX_ENTRIES", 3)
    for n in range(5):
        left_copy(folder, f"{n:032x}")
    seen = drive_dialog(monkeypatch, lambda dialog: dialog.later_button.click())
    MainWindow.start(None)
    assert len(seen[0].entries) == 3
    assert "2 older copies" in seen[0].folder_note.text()
    assert len(list(folder.glob("*.cxmap"))) == 5  # the others wait their turn


def test_a_copy_that_fails_to_load_on_recover_stays_with_the_loaders_message(
        folder, monkeypatch):
    left_copy(folder, "b" * 32)
    copy = folder / f"{INSTANCE}-{'b' * 32}.cxmap"
    copy.write_bytes(b'{"format": "cxdesigner-map", "version": 2, "document": [}')
    state = {}

    def recover(dialog):
        assert dialog.recover_button.isEnabled()  # nothing known against it yet
        dialog.recover_button.click()
        state["open"] = dialog.list.topLevelItemCount()
        state["details"] = dialog.details.text()
        state["recover"] = dialog.recover_button.isEnabled()
        dialog.later_button.click()
    drive_dialog(monkeypatch, recover)
    front = MainWindow.start(None)
    assert state["open"] == 1 and not state["recover"]
    assert "not valid JSON" in state["details"]
    assert copy.exists() and not front.document.is_modified


# ------------------------------------------------------------ one window per file
def test_recovering_a_file_that_is_open_raises_its_window_and_keeps_the_copy(
        editor, folder, map_file, window, monkeypatch):
    changed = small_map()
    changed.rename("t1", "Poster")
    left_copy(folder, "b" * 32, changed, original=map_file)
    raised = []
    monkeypatch.setattr(MainWindow, "raise_", lambda self: raised.append(self))
    drive_dialog(monkeypatch, lambda dialog: dialog.recover_button.click())
    front = window.offer_recovery()
    assert len(mw.windows()) == 1 and front == [window] and raised == [window]
    assert window.document.journey.title("t1") == "Flyer"  # the open one, untouched
    assert "already open" in editor[0]  # told, and...
    assert (folder / f"{INSTANCE}-{'b' * 32}.cxmap").exists()  # ...nothing lost


def test_recovering_what_an_open_window_already_shows_drops_the_copy(
        folder, map_file, window, monkeypatch):
    left_copy(folder, "b" * 32, cxmap.load(map_file).journey, original=map_file)
    drive_dialog(monkeypatch, lambda dialog: dialog.recover_button.click())
    window.offer_recovery()
    assert len(mw.windows()) == 1
    assert list(folder.glob(f"{INSTANCE}-*")) == []


@POSIX
def test_opening_an_open_file_through_a_link_raises_its_window(tmp_path, map_file, window,
                                                              monkeypatch):
    link = tmp_path / "link.cxmap"
    os.symlink(map_file, link)
    raised = []
    monkeypatch.setattr(MainWindow, "raise_", lambda self: raised.append(self))
    assert window.open_path(link) is window
    assert window.open_path(str(map_file)) is window
    assert len(mw.windows()) == 1 and raised == [window, window]


# ------------------------------------------------------- a deletion says what it took
def test_deleting_a_stage_with_the_delete_key_says_what_went_and_ctrl_z_restores(
        qtbot, window):
    before = window.document.journey.snapshot()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.view.setFocus()
    window.scene.select_ids(["s2"])
    QTest.keyClick(window.view, Qt.Key_Delete)
    assert "s2" not in window.document.journey
    assert plain(window.statusBar().currentMessage()) == (
        "Deleted stage “Purchase” with 2 touchpoints, 3 notes and 2 flows — "
        "Ctrl+Z restores it")
    QTest.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert window.document.journey.snapshot() == before


def test_deleting_a_selection_counts_what_the_cascade_removed(window):
    window.scene.select_ids(["t1", "t3", "n1"])
    window.delete_selection()  # Edit > Delete
    assert plain(window.statusBar().currentMessage()) == (
        "Deleted 2 touchpoints, 2 notes and 2 flows — Ctrl+Z restores it")


def test_deleting_one_note_names_it(window):
    window.scene.select_ids(["n1"])
    window.delete_selection()
    assert plain(window.statusBar().currentMessage()) == "Deleted note “Queue” — Ctrl+Z restores it"


def test_cutting_a_stage_says_what_went(window):
    window.scene.select_ids(["s2"])
    window.cut()  # Edit > Cut
    assert "s2" not in window.document.journey
    assert plain(window.statusBar().currentMessage()) == (
        "Deleted stage “Purchase” with 2 touchpoints, 3 notes and 2 flows — "
        "Ctrl+Z restores it")


# --------------------------------------------------- a copy the loader would refuse
def test_autosave_refuses_a_copy_over_the_limit_keeps_the_last_and_says_so_once(
        qtbot, window, monkeypatch):
    journey = window.document.journey
    window.document.push(RenameCommand(journey, "t1", "Poster"))
    copy = copy_written(qtbot, window)
    kept = copy.read_bytes()
    monkeypatch.setattr(autosave, "MAX_FILE_BYTES", len(kept) + 1000)
    messages: list[str] = []
    window.autosaver.failed.connect(messages.append)
    for n in range(2):
        window.document.push(RenameCommand(journey, "t2", f"Till {n} " + "x" * 2000))
        assert not window.autosaver.write_now()
    autosave.wait_for_writes()
    assert len(messages) == 1 and "too large to keep a recovery copy" in messages[0]
    assert "too large" in window.statusBar().currentMessage()
    assert copy.read_bytes() == kept  # the previous copy, still recoverable
