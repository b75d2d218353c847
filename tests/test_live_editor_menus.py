"""The live session's menus, dialogs and command line: joining with a malformed address,
hosting a room on this computer (a ``cxdesigner serve`` child on 127.0.0.1, pushed the
open map, its links shown with QR codes), Save a Copy, ``cxdesigner --join``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QProcess

from cxdesigner.cli import main
from cxdesigner.fileformat import cxmap
from cxdesigner.ui import main_window as mw
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.live.dialogs import HostDialog, JoinDialog, check_url
from cxdesigner.ui.main_window import MainWindow

pytestmark = [pytest.mark.timeout(120),
              pytest.mark.usefixtures("temp_settings", "close_all_windows")]
WAIT_MS = 20_000




@pytest.fixture
def map_window(tmp_path):
    from test_live_editor import small_map

    path = tmp_path / "shop.cxmap"
    cxmap.save(small_map(), path)
    window = MainWindow.open_new(path)
    window.show()
    return window


def test_the_join_dialog_says_what_is_wrong_with_a_malformed_address(qapp):
    dialog = JoinDialog(url="http://example.org/no-key")
    dialog.accept()
    assert dialog.result() != JoinDialog.Accepted
    assert dialog.message.text() == ("This is not a room's address: it looks like "
                                     "http://HOST:PORT/ROOM?key=KEY")


def test_a_room_address_passes_the_check(qapp):
    assert check_url(" http://192.168.1.20:8765/abc?key=xyz ") == ""


def test_join_on_the_command_line_refuses_a_malformed_address_in_one_line(capsys):
    assert main(["--join", "ftp://nowhere"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("cxdesigner --join:") and "\n" not in err


def test_the_file_menu_offers_the_live_session(map_window):
    texts = [a.text() for a in map_window.menuBar().actions()[0].menu().actions()]
    for text in ("S&tart Live Session…", "&Join Live Session…", "&Leave Live Session",
                 "Save a Cop&y…"):
        assert text in texts
    assert not map_window.act.leave_live.isEnabled()


def test_save_a_copy_writes_the_map_and_keeps_the_documents_file(map_window, tmp_path,
                                                                 monkeypatch):
    copy = tmp_path / "copy.cxmap"
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda self, *a, **k: str(copy))
    assert map_window.save_copy()
    assert cxmap.load(copy).journey.snapshot() == map_window.document.journey.snapshot()
    assert map_window.document.path == tmp_path / "shop.cxmap"


def test_start_live_session_hosts_the_map_shows_its_links_and_joins(qtbot, map_window,
                                                                     tmp_path, monkeypatch):
    shown: list[HostDialog] = []
    monkeypatch.setattr(HostDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(MainWindow, "live_host", "127.0.0.1")
    monkeypatch.setattr(MainWindow, "live_server_args", ["--data", str(tmp_path / "rooms")])
    map_window.start_live_session()
    process = map_window._hosted
    try:
        assert process is not None and process.state() == QProcess.Running
        assert len(shown) == 1 and shown[0].fields
        for field in shown[0].fields.values():
            assert "?key=" in field.text()
        for code in shown[0].codes.values():
            assert not code.pixmap().isNull()
        qtbot.waitUntil(lambda: map_window.live is not None
                        and map_window.live.state == "connected", timeout=WAIT_MS)
        assert map_window.document.path == tmp_path / "shop.cxmap"  # still its file
        assert len(map_window.document.journey) == 5  # the map, as it was
        assert not map_window.document.is_modified  # the room's map is the file's
    finally:
        map_window.leave_live_session()
    assert process.state() == QProcess.NotRunning


def test_a_second_editor_joins_the_hosted_room(qtbot, map_window, tmp_path, monkeypatch):
    shown: list[HostDialog] = []
    monkeypatch.setattr(HostDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(MainWindow, "live_host", "127.0.0.1")
    monkeypatch.setattr(MainWindow, "live_server_args", ["--data", str(tmp_path / "rooms")])
    map_window.start_live_session()
    try:
        # The links name this computer's network address; the test's server is on
        # 127.0.0.1 only.
        url = map_window.live.url
        other = MainWindow(Document())
        other.show()
        assert other.join_live(url)
        qtbot.waitUntil(lambda: len(other.document.journey) == 5, timeout=WAIT_MS)
    finally:
        for window in mw.windows():
            window.leave_live_session()
