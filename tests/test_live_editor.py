"""The live editor: two editor windows in one room (a ``cxdesigner serve`` subprocess on
127.0.0.1) see each other's keyboard edits, keep editing through a server crash, and
see each other's selections.  Every wait is bounded; the server is always killed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest

from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.ui import main_window as mw
from cxdesigner.ui import settings
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.main_window import MainWindow
from live_room import RoomServer

pytestmark = pytest.mark.timeout(120)
WAIT_MS = 20_000  # for an edit to cross the room (it takes milliseconds; CI is slow)


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
        window.close()  # leaves its session: the network thread is joined
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def server(tmp_path):
    room_server = RoomServer(tmp_path / "rooms").start()
    yield room_server
    room_server.kill()


def small_map() -> JourneyMap:
    j = JourneyMap(document={"title": "Shop"})
    j.add_stage("Awareness", id="s1")
    j.add_stage("Purchase", id="s2")
    j.add_touchpoint("s1", "Flyer", id="t1")
    j.add_touchpoint("s1", "Website", id="t2", x=240.0)
    j.add_touchpoint("s2", "Till", id="t3")
    j.add_flow("t1", "t2")
    return j


def joined_window(qtbot, url: str) -> MainWindow:
    window = MainWindow(Document())
    window.show()
    qtbot.waitExposed(window)
    assert window.join_live(url)
    qtbot.waitUntil(lambda: window.live.binding is not None and len(window.document.journey) > 0,
                    timeout=WAIT_MS)
    return window


@pytest.fixture
def pair(qtbot, server, tmp_path):
    url = server.push(small_map(), tmp_path)
    return joined_window(qtbot, url), joined_window(qtbot, url)


def titles(window: MainWindow, kind: str = S.TOUCHPOINT) -> set[str]:
    journey = window.document.journey
    return {journey.title(i) for i in journey.ids(kind)}


def type_touchpoint_after(window: MainWindow, after: str, name: str) -> None:
    """``T`` name ``Enter`` on the canvas, with ``after`` selected: real key events."""
    window.scene.select_ids([after])
    window.activateWindow()
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_T)
    QTest.keyClicks(window.view.focusWidget() or window.view, name)
    QTest.keyClick(window.view.focusWidget() or window.view, Qt.Key_Return)


def test_a_keyboard_edit_in_one_window_shows_in_the_other(qtbot, pair):
    one, two = pair
    type_touchpoint_after(one, "t2", "Kiosk")
    assert "Kiosk" in titles(one)
    qtbot.waitUntil(lambda: "Kiosk" in titles(two), timeout=WAIT_MS)


def test_a_remote_edit_never_enters_the_undo_stack(qtbot, pair):
    one, two = pair
    type_touchpoint_after(one, "t2", "Kiosk")
    qtbot.waitUntil(lambda: "Kiosk" in titles(two), timeout=WAIT_MS)
    assert one.document.undo_stack.count() == 1
    assert two.document.undo_stack.count() == 0


def test_the_title_and_status_bar_show_the_room(qtbot, pair):
    one, two = pair
    assert f"— live: {one.live.room}" in one.windowTitle()
    qtbot.waitUntil(lambda: one.live.people == 2, timeout=WAIT_MS)
    assert one._live_label.text() == "Live: connected · 2 people"


def test_edits_made_while_the_server_is_down_merge_when_it_is_back(qtbot, pair, server):
    one, two = pair
    server.kill()  # kill -9: no goodbye
    qtbot.waitUntil(lambda: one.live.state != "connected" and two.live.state != "connected",
                    timeout=WAIT_MS)
    type_touchpoint_after(one, "t2", "Offline one")
    type_touchpoint_after(two, "t3", "Offline two")
    assert one._live_label.text() in ("Live: offline — your edits are kept",
                                      "Live: reconnecting…")
    server.start()  # the same folder, the same port
    qtbot.waitUntil(lambda: {"Offline one", "Offline two"} <= titles(one)
                    and {"Offline one", "Offline two"} <= titles(two), timeout=WAIT_MS)
    assert one.document.journey.snapshot() == two.document.journey.snapshot()


def test_the_other_persons_selection_is_outlined_in_their_colour(qtbot, pair):
    one, two = pair
    two.scene.select_ids(["t3"])
    them = two.live.presence.client_id
    qtbot.waitUntil(lambda: (them, "t3") in one.live_outlines.shown(), timeout=WAIT_MS)
    outline = one.live_outlines.shown()[(them, "t3")]
    assert outline.parentItem() is one.scene.item_for("t3")
    two.scene.select_ids(["t1"])
    qtbot.waitUntil(lambda: set(one.live_outlines.shown()) == {(them, "t1")}, timeout=WAIT_MS)


def test_leaving_drops_the_room_from_the_title_and_ends_the_thread(qtbot, pair):
    one, _two = pair
    connection = one.live.connection
    one.leave_live_session()
    assert not connection._thread.is_alive()
    assert "live:" not in one.windowTitle()


def test_a_wrong_key_is_refused_in_one_line(qtbot, server, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text) or QMessageBox.Ok)
    url = server.push(small_map(), tmp_path)
    window = MainWindow(Document())
    window.show()
    window.join_live(url.split("?key=")[0] + "?key=wrong")
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert shown == ["The room refused to let you in: no such room, or a wrong key."]
    assert window.live is None


@pytest.mark.parametrize("link,says", [
    ("participants", "This is a participant's link: open it in a browser (on a phone, scan "
                     "its QR code). The editor joins a room with the facilitator's link."),
    ("viewers", "This is a viewer's link: open it in a browser. The editor joins a room "
                "with the facilitator's link.")])
def test_a_participants_or_viewers_link_is_sent_to_a_browser(qtbot, server, tmp_path,
                                                              monkeypatch, link, says):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text) or QMessageBox.Ok)
    server.push(small_map(), tmp_path)
    window = MainWindow(Document())
    window.show()
    assert not window.join_live(server.links[link])
    assert window.live is None
    assert shown == [says]


def test_undo_after_a_remote_delete_is_skipped_with_a_word_in_the_status_bar(qtbot, pair):
    from cxdesigner.commands import RenameCommand

    one, two = pair
    assert one.document.push(RenameCommand(one.document.journey, "t3", "Checkout"))
    qtbot.waitUntil(lambda: "Checkout" in titles(two), timeout=WAIT_MS)
    two.scene.select_ids(["t3"])
    two.view.setFocus()
    QTest.keyClick(two.view, Qt.Key_Delete)
    assert "t3" not in two.document.journey
    qtbot.waitUntil(lambda: "t3" not in one.document.journey, timeout=WAIT_MS)
    one.act.undo.trigger()
    assert one.statusBar().currentMessage() == \
        "Undo skipped: the touchpoint was removed by someone else"
    assert "t3" not in one.document.journey


def test_after_the_server_is_back_each_sees_the_other_again(qtbot, pair, server):
    one, two = pair
    qtbot.waitUntil(lambda: one.live.people == 2, timeout=WAIT_MS)
    server.kill()
    qtbot.waitUntil(lambda: one.live.people == 1, timeout=WAIT_MS)
    server.start()
    qtbot.waitUntil(lambda: one.live.state == two.live.state == "connected", timeout=WAIT_MS)
    # Far sooner than awareness's own renewal (15 s): a reconnection publishes afresh.
    qtbot.waitUntil(lambda: one.live.people == 2 and two.live.people == 2, timeout=5_000)


def test_a_connection_with_no_server_is_offline_and_closes_promptly():
    import socket
    import time

    from cxdesigner.live.connection import LiveConnection

    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    states: list[str] = []
    connection = LiveConnection(f"http://127.0.0.1:{port}/room?key=k", lambda u: None,
                                lambda a: None, lambda s, d: states.append(s))
    connection.start()
    deadline = time.monotonic() + 10
    while "offline" not in states and time.monotonic() < deadline:
        time.sleep(0.05)
    from pycrdt import Doc, Map

    edit = Doc()
    edit["cxmap"] = Map({"version": 1})
    connection.send_update(edit.get_update())  # kept for later, never blocking
    started = time.monotonic()
    connection.close()
    assert "offline" in states
    assert not connection._thread.is_alive()
    assert time.monotonic() - started < 5


def test_a_malformed_room_address_is_refused_before_any_thread():
    from cxdesigner.live.client import RoomError
    from cxdesigner.live.connection import LiveConnection

    with pytest.raises(RoomError, match="is not a room's address"):
        LiveConnection("ws://host/room", lambda u: None, lambda a: None, lambda s, d: None)


def test_a_participants_note_shows_in_the_editor_and_not_on_its_undo_stack(qtbot, server,
                                                                           tmp_path):
    """A note written as the participant page writes it (the shared contract: a new
    ``nodes`` entry and its ``about`` edge, in one transaction, plus the round keys an
    editor does not read) reaches a joined editor as a note on the touchpoint."""
    import json
    import uuid

    from pycrdt import Map

    from live_room import Page

    url = server.push(small_map(), tmp_path)
    window = joined_window(qtbot, url)
    page = Page(url)
    note = str(uuid.uuid4())

    def add_note(doc, root):
        root["nodes"][note] = Map({"kind": "note", "note_kind": "pain_point",
                                   "title": "The queue is long", "description": ""})
        root["edges"][json.dumps([note, "t3"], separators=(",", ":"))] = "about"
        root["round"] = Map({"id": "", "open": False, "dots": 0.0})
        root["ballots"] = Map()
    try:
        page.wait_connected()
        page.write(add_note)
        qtbot.waitUntil(lambda: note in window.document.journey, timeout=WAIT_MS)
    finally:
        page.close()
    journey = window.document.journey
    assert journey.title(note) == "The queue is long"
    assert journey.target_of(note) == "t3"
    assert window.document.undo_stack.count() == 0


def test_an_edit_the_room_refuses_ends_the_retries_instead_of_sending_it_again():
    from types import SimpleNamespace

    from cxdesigner.live.connection import EDIT, REFUSED, LiveConnection

    states: list[tuple[str, str]] = []
    connection = LiveConnection("http://127.0.0.1:9/room?key=k", lambda u: None,
                                lambda a: None, lambda s, d: states.append((s, d)))
    # The three-keys server closes with 4003 on an edit beyond the key's role.
    assert connection._lost(SimpleNamespace(close_code=4003)) == "refused"
    assert states == [(REFUSED, EDIT)]
    assert connection._lost(SimpleNamespace(close_code=1006)) == "the connection was lost"


def test_closing_while_a_server_does_not_answer_is_prompt():
    import socket
    import time

    from cxdesigner.live.connection import LiveConnection

    with socket.socket() as silent:  # accepts connections, never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        states: list[str] = []
        connection = LiveConnection(f"http://127.0.0.1:{port}/room?key=k", lambda u: None,
                                    lambda a: None, lambda s, d: states.append(s),
                                    timeout=30)
        connection.start()
        time.sleep(0.5)  # the opening handshake is under way
        started = time.monotonic()
        connection.close()
        assert not connection._thread.is_alive()
        assert time.monotonic() - started < 2
        assert states[-1] == "closed"


def test_joining_loads_none_of_the_servers_networking_stack():
    # The editor's connection needs the room's address and the websocket only: the
    # room server's stack (uvicorn, pycrdt-websocket, its store) stays unloaded.
    import subprocess
    import sys

    probe = ("import sys, cxdesigner.live.connection, cxdesigner.ui.live.session\n"
             "print(sorted(m for m in ('uvicorn', 'pycrdt.websocket', 'pycrdt.store', "
             "'cxdesigner.live.server', 'cxdesigner.live.client') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
