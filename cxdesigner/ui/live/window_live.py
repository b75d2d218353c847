"""The main window's live session: File > Join / Start / Leave Live Session and Save a
Copy…, the status bar's "Live: …" label and the title's "— live: ROOM" (a mixin of
``MainWindow``; networking modules are imported only when a session starts)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, Qt
from PySide6.QtWidgets import QApplication, QLabel

SERVER_START_S = 20.0  # for the hosted server's first line (a cold start imports a lot)


def tr(text: str) -> str:
    return QCoreApplication.translate("LiveWindow", text)


class LiveWindowMixin:
    """Needs ``document``, ``scene``, ``view``, ``statusBar()``, ``show_error``,
    ``_selection_timer`` and ``_update_title`` of the window."""

    live = None  # the LiveSession, while in one
    live_outlines = None
    _live_label: QLabel | None = None
    _hosted: QProcess | None = None
    # Where a hosted room listens: every interface, so phones on the network reach it
    # (tests use 127.0.0.1).
    live_host = "0.0.0.0"
    live_server_args: list[str] = []  # more options for it (tests: --data DIR)

    # ------------------------------------------------------------ joining
    def join_live_session(self) -> None:
        from .dialogs import JoinDialog

        dialog = JoinDialog(self)
        if dialog.exec() != JoinDialog.Accepted:
            return
        self.join_live_somewhere(dialog.url)

    def join_live_somewhere(self, url: str):
        """Join in this window if it is untouched and empty, else in a new one."""
        from ..document.document import Document

        window = self if self.is_pristine() and self.live is None else type(self)(Document())
        window.show()
        window.join_live(url)
        return window

    def join_live(self, url: str) -> bool:
        """Join the room at ``url`` with this window's map (the room's map replaces it
        as it arrives).  A malformed address is said in one line; False then."""
        from ...live.rooms import RoomError, role_of
        from .outlines import PresenceOutlines
        from .session import LiveSession

        self.leave_live_session()
        try:
            session = LiveSession(self.document, url, parent=self)
        except RoomError as exc:
            self.show_error(tr("Cannot join the live session"), str(exc))
            return False
        # A participant's or viewer's link is for a browser: the editor edits everything,
        # and the room would refuse its first edit.  Asked before joining (a server
        # that does not say, as the reference y-websocket server, is joined).
        role = role_of(url)
        if role in ("participant", "viewer"):
            session.deleteLater()
            self.show_error(tr("Cannot join the live session"), tr(
                "This is a participant's link: open it in a browser (on a phone, scan its "
                "QR code). The editor joins a room with the facilitator's link.")
                if role == "participant" else tr(
                "This is a viewer's link: open it in a browser. The editor joins a room "
                "with the facilitator's link."))
            return False
        self.live = session
        session.status_changed.connect(self._show_live_status)
        session.refused.connect(self._live_refused)
        session.joined.connect(self._live_joined)
        self.live_outlines = PresenceOutlines(self.scene, session.presence, self)
        # After the window's own short wait: a rubber band's many changes, one message.
        self._selection_timer.timeout.connect(self._publish_selection)
        session.start()
        self._show_live_status()
        self._update_title()
        return True

    def leave_live_session(self) -> None:
        session, self.live = self.live, None
        if session is not None:
            self._selection_timer.timeout.disconnect(self._publish_selection)
            session.close()
            self.live_outlines.clear()
            self.live_outlines = None
            session.deleteLater()
        self._stop_hosting()
        if self._live_label is not None:
            self._live_label.hide()
        self._update_title()
        self._update_live_actions()

    def _live_joined(self) -> None:
        if self.document.path is None and self.document.undo_stack.count() == 0:
            self.show_start()  # the room's map has just arrived: show it as at opening

    def _live_refused(self, message: str) -> None:
        self.leave_live_session()
        self.show_error(tr("Cannot join the live session"), message)

    def _publish_selection(self) -> None:
        if self.live is not None:
            self.live.set_selection(self.scene.selected_ids())

    # ------------------------------------------------------------ hosting
    def start_live_session(self) -> None:
        """Host a room here: a ``cxdesigner serve`` child process on every interface,
        the open map pushed to it, its links shown, and this window joined."""
        from ...live.client import push
        from ...live.rooms import RoomError
        from ...live.hosting import lan_address
        from .dialogs import HostDialog

        self.leave_live_session()
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            port = self._start_hosting()
            if port is None:
                return
            base = f"http://127.0.0.1:{port}"
            try:
                local = push(self.document.journey, base)
            except RoomError as exc:
                self._stop_hosting()
                self.show_error(tr("Cannot start the live session"), str(exc))
                return
        finally:
            QApplication.restoreOverrideCursor()
        public = lan_address()
        links = {role: url.replace("127.0.0.1", public, 1) for role, url in local.items()}
        HostDialog(links, self).exec()
        process, self._hosted = self._hosted, None  # joining must not stop our server
        self.join_live(local["facilitator"])
        self._hosted = process
        self._update_live_actions()

    def _start_hosting(self) -> int | None:
        from ...live.hosting import server_port

        process = QProcess(self)
        process.setProcessChannelMode(QProcess.SeparateChannels)
        process.start(sys.executable, ["-m", "cxdesigner", "serve", "--host", self.live_host,
                                       "--port", "0"] + self.live_server_args)
        self._hosted = process
        said = b""
        deadline = time.monotonic() + SERVER_START_S
        while b"\n" not in said and time.monotonic() < deadline:
            if process.state() == QProcess.NotRunning:
                break
            process.waitForReadyRead(200)
            said += bytes(process.readAllStandardError())
        line = said.decode("utf-8", "replace").splitlines()[0] if said else ""
        port = server_port(line)
        if port is not None:
            # Its joins and leaves are not shown: drop them rather than let them pile up.
            process.readyReadStandardError.connect(process.readAllStandardError)
        else:
            self._stop_hosting()
            self.show_error(tr("Cannot start the live session"), line.strip() or tr(
                "The room server did not start."))
        return port

    def _stop_hosting(self) -> None:
        process, self._hosted = self._hosted, None
        if process is None:
            return
        if process.state() != QProcess.NotRunning:
            process.terminate()  # open connections get 3 s, every update is on disk
            if not process.waitForFinished(5000):
                process.kill()
                process.waitForFinished(3000)
        process.deleteLater()

    # ------------------------------------------------------------ the room's vote
    def ask_round_dots(self) -> int | None:
        from PySide6.QtWidgets import QInputDialog

        dots, ok = QInputDialog.getInt(self, tr("Open a Voting Round"),
                                       tr("Dots for each participant:"), 3, 1, 99)
        return dots if ok else None

    def open_voting_round(self) -> None:
        """A new round for the participants' phones (the room's ``round``)."""
        from ...live import rounds

        if self.live is None or self.live.binding is None:
            return
        dots = self.ask_round_dots()
        if dots is None:
            return
        rounds.open_round(self.live.doc, dots)
        self.statusBar().showMessage(tr("Voting round open: %1 dots for each "
                                        "participant.").replace("%1", str(dots)), 8000)

    def close_voting_round(self) -> None:
        """Close the round: its tallies added to the notes' votes, as one undoable
        edit, and the round marked closed for the phones."""
        from ...commands.actions import RecordVotesCommand
        from ...live import rounds

        if self.live is None or self.live.binding is None:
            return
        doc, journey = self.live.doc, self.document.journey
        now = rounds.current(doc)
        if not now.open:
            self.statusBar().showMessage(tr("No voting round is open."), 5000)
            return
        counts = {note: n for note, n in rounds.tallies(doc, now.id, now.dots).items()
                  if note in journey and journey.kind_of(note) == "note"}
        rounds.close_round(doc)
        if counts:
            self.document.push(RecordVotesCommand(journey, counts, tr("Record Room Votes")))
        total = sum(counts.values())
        self.statusBar().showMessage(tr("Voting round closed: %1 dots recorded.").replace(
            "%1", str(total)), 8000)

    # ------------------------------------------------------------ a copy
    def save_copy(self) -> bool:
        """The map as it is now in a file of one's own; the document keeps its file."""
        from ...fileformat import FileFormatError, cxmap
        from ..window_exports import file_stem

        suggested = Path.home() / (file_stem(self.document.journey.document["title"])
                                   + ".cxmap")
        path = self.ask_save_path(tr("Save a Copy"), tr("Journey maps (%1)").replace(
            "%1", "*.cxmap"), suggested)
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != ".cxmap":
            path = path.with_name(path.name + ".cxmap")
        self.commit_pending()
        try:
            cxmap.save(self.document.journey, path)
        except (FileFormatError, OSError) as exc:
            self.show_error(tr("Cannot save the copy"), str(exc))
            return False
        self.statusBar().showMessage(tr("Saved a copy: %1").replace("%1", str(path)), 5000)
        return True

    # ------------------------------------------------------------ shown
    def live_title(self) -> str:
        return " — " + tr("live: %1").replace("%1", self.live.room) if self.live else ""

    def _show_live_status(self) -> None:
        if self.live is None:
            return
        if self._live_label is None:
            self._live_label = QLabel()
            self._live_label.setObjectName("live_status")
            self.statusBar().addPermanentWidget(self._live_label)
        self._live_label.setText(self.live.status_text())
        self._live_label.setToolTip(self.live.detail)
        self._live_label.show()
        self._update_live_actions()

    def _update_live_actions(self) -> None:
        act = getattr(self, "act", None)
        if act is not None and hasattr(act, "leave_live"):
            act.leave_live.setEnabled(self.live is not None)
            act.join_live.setEnabled(self.live is None)
            act.start_live.setEnabled(self.live is None)
            for action in (act.open_round, act.close_round):
                action.setEnabled(self.live is not None)
