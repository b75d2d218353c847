"""``LiveSession``: an open ``Document`` joined to a room.

It owns the network connection (``live/connection.py``, its own thread) and, once the
room's state has arrived, the ``LiveBinding`` of the document's map.  Everything Yjs is
on the Qt thread: the connection hands remote updates over through a queued signal,
and they are applied to the Y ``Doc`` here, then flushed into the map as one model
Change (never onto the undo stack: only one's own edits are undone).  Local edits
reach the Y document through the binding; the document's update event passes them to
the connection, which keeps them while offline and merges them on reconnection.
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from ...fileformat.errors import FileFormatError
from . import presence as P

if TYPE_CHECKING:
    from ..document.document import Document


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call, so that lupdate sees the plural.
    return QCoreApplication.translate("LiveSession", text, disambiguation, n)


class LiveSession(QObject):
    status_changed = Signal()  # the state or the number of people
    joined = Signal()  # the room's map has arrived and is shown
    refused = Signal(str)  # no room or a wrong key: the session is over
    remote_applied = Signal(object)  # the model Change a remote edit made
    # From the connection's thread; queued to this object's thread by Qt.
    _remote_in = Signal(bytes)
    _awareness_in = Signal(bytes)
    _state_in = Signal(str, str)

    def __init__(self, document: "Document", url: str, name: str | None = None,
                 parent: QObject | None = None, *, timeout: float = 10.0) -> None:
        """Raises ``RoomError`` (one line) for a malformed URL; nothing is started."""
        super().__init__(parent)
        from pycrdt import Doc

        from ...live.connection import CONNECTING, LiveConnection

        self.document = document
        self.url = url
        self.doc = Doc()
        self.binding = None
        self.state, self.detail = CONNECTING, ""
        self.problem = ""  # a room whose map could not be read
        self._receiving = False
        self._flush_timer = QTimer(self, singleShot=True, interval=0)
        self._flush_timer.timeout.connect(self._flush)
        self._remote_in.connect(self._on_remote)
        self._awareness_in.connect(self._on_awareness)
        self._state_in.connect(self._on_state)
        self.connection = LiveConnection(url, self._remote_in.emit, self._awareness_in.emit,
                                         self._state_in.emit, timeout=timeout)
        self.room = self.connection.room
        self.presence = P.Presence(self.doc, name or default_name(), self)
        self.presence.changed.connect(self.status_changed)
        self.presence.outgoing.connect(self.connection.send_awareness)
        self._subscription = self.doc.observe(self._on_doc_update)

    def start(self) -> None:
        self.connection.start()
        self.presence.publish()

    def close(self) -> None:
        """Leave the room: say goodbye (presence), disconnect, join the thread."""
        from ...live.connection import CLOSED

        if self.state == CLOSED:
            return
        self._flush_timer.stop()
        self.presence.leave()
        self.connection.close()
        self._state_in.disconnect()
        self._remote_in.disconnect()
        self._awareness_in.disconnect()
        if self.binding is not None:
            self.binding.close()
        self.doc.unobserve(self._subscription)
        self.state = CLOSED
        self.status_changed.emit()

    @property
    def people(self) -> int:
        return self.presence.people

    # ------------------------------------------------------------ from the room
    def _on_remote(self, update: bytes) -> None:
        self._receiving = True
        try:
            self.doc.apply_update(update)
        except Exception as exc:  # yrs refused it: keep what we have, say so once
            self.problem = str(exc)
            return
        finally:
            self._receiving = False
        if self.binding is not None:
            self._flush_timer.start()  # a burst of updates becomes one model Change

    def _flush(self) -> None:
        if self.binding is None:
            return
        change = self.binding.flush()
        self._after_read(change)

    def _after_read(self, change) -> None:
        error = self.binding.error
        self.problem = str(error) if isinstance(error, FileFormatError) else ""
        if change is not None:
            if self.document.path is not None:
                # The host's file: others' edits are unsaved changes of it too.
                self.document.mark_modified()
            self.remote_applied.emit(change)
        self.status_changed.emit()

    def _on_state(self, state: str, detail: str) -> None:
        from ...live.connection import CONNECTED, EDIT, REFUSED

        self.state, self.detail = state, detail
        if state == CONNECTED:
            # A fresh clock: peers that forgot us while the line was down take it.
            self.presence.publish()
            if self.binding is None:
                self._bind()
        else:
            self.presence.forget_others()  # they are shown again as they come back
        if state == REFUSED and detail == EDIT:
            self.refused.emit(tr("The room refused an edit: this room's address lets "
                                 "you take part, not edit the map. Your map stays open; "
                                 "Save a Copy keeps it."))
        elif state == REFUSED:
            self.refused.emit(tr("The room refused to let you in: no such room, or a "
                                 "wrong key."))
        self.status_changed.emit()

    def _bind(self) -> None:
        from ...live.binding import LiveBinding

        self.binding = LiveBinding(self.document.journey, self.doc)
        self.binding.pending = True  # the room's map: read it in
        self._after_read(self.binding.flush())
        self.joined.emit()

    def _on_awareness(self, payload: bytes) -> None:
        self.presence.receive(payload)

    # ------------------------------------------------------------ to the room
    def _on_doc_update(self, event) -> None:
        # Every transaction on the document: ours (the binding's) go to the room; the
        # room's own, applied in _on_remote, do not go back.
        if not self._receiving:
            self.connection.send_update(event.update)

    def set_selection(self, ids: list[str]) -> None:
        self.presence.set_selection(ids)

    # ------------------------------------------------------------ shown
    def status_text(self) -> str:
        from ...live import connection as C

        if self.problem:
            return tr("Live: the room's map cannot be read")
        if self.state == C.CONNECTED:
            people = self.people  # a name: lupdate drops a count given as an expression
            return tr("Live: connected · %n people", None, people)
        if self.state in (C.CONNECTING, C.RECONNECTING):
            return tr("Live: connecting…") if self.binding is None else tr(
                "Live: reconnecting…")
        if self.state == C.REFUSED:
            return tr("Live: refused")
        if self.state == C.CLOSED:
            return tr("Live: left")
        return tr("Live: offline — your edits are kept")


def default_name() -> str:
    """The name others see: the one set in the settings, else the OS user's."""
    from .. import settings

    name = str(settings.open_settings().value("live/name", "") or "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):  # no name for this uid (a container)
            name = ""
    return name[:60] or tr("Someone")
