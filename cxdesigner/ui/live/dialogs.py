"""The live session's dialogs: the room's address to join, and the links (with QR
codes) of a room this computer hosts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)


def tr(text: str) -> str:
    return QCoreApplication.translate("LiveDialogs", text)


def check_url(text: str) -> str:
    """"" for a room's address, else a one-line message saying what is wrong."""
    from ...live.rooms import RoomError, room_url

    text = text.strip()
    if not text:
        return tr("Paste the room's address.")
    try:
        room_url(text)
    except RoomError:
        return tr("This is not a room's address: it looks like "
                  "http://HOST:PORT/ROOM?key=KEY")
    return ""


class JoinDialog(QDialog):
    """Asks for a room's address; OK only for one that is well formed."""

    def __init__(self, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Join Live Session"))
        self.edit = QLineEdit(url)
        self.edit.setPlaceholderText("http://192.168.1.20:8765/ROOM?key=KEY")
        self.edit.setLayoutDirection(Qt.LeftToRight)  # an address reads left to right
        self.edit.setMinimumWidth(480)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("Join"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(tr("The room's address, as the host gave it:"))
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.edit.textChanged.connect(lambda _text: self.message.clear())

    @property
    def url(self) -> str:
        return self.edit.text().strip()

    def accept(self) -> None:  # Qt's name
        problem = check_url(self.url)
        if problem:
            self.message.setText(problem)
            return
        super().accept()


def qr_pixmap(text: str, scale: int = 4) -> QPixmap:
    """A QR code of ``text`` (segno), as a pixmap."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class HostDialog(QDialog):
    """The links of a hosted room, each with its QR code and a Copy button."""

    def __init__(self, links: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Live Session Started"))
        layout = QVBoxLayout(self)
        shared = len(set(links.values())) == 1
        intro = (tr("Everyone joins with this link (this server has one key per room); "
                    "keep it among the workshop's people.") if shared else
                 tr("Give the participant link to the room; keep the facilitator link "
                    "for who runs the workshop."))
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        grid = QGridLayout()
        names = {"facilitator": tr("Facilitator (editors)"),
                 "participant": tr("Participants (phones and browsers)"),
                 "viewer": tr("Viewers (read only)")}
        # The participants' link first: it is the one shown to the room.
        order = ("participant", "facilitator", "viewer")
        shown = ({"facilitator": links.get("facilitator", "")} if shared else
                 {role: links[role] for role in order if role in links})
        self.fields: dict[str, QLineEdit] = {}
        self.codes: dict[str, QLabel] = {}
        for row, (role, url) in enumerate(shown.items()):
            if not url:
                continue
            qr = QLabel()
            qr.setPixmap(qr_pixmap(url))
            field = QLineEdit(url)
            field.setReadOnly(True)
            field.setLayoutDirection(Qt.LeftToRight)
            field.setMinimumWidth(420)
            field.setCursorPosition(0)  # the host and room first; the key runs on
            copy = QPushButton(tr("Copy"))
            copy.clicked.connect(lambda _c=False, u=url: QGuiApplication.clipboard().setText(u))
            grid.addWidget(QLabel(tr("Everyone") if shared else names.get(role, role)),
                           row * 2, 0, 1, 3)
            grid.addWidget(qr, row * 2 + 1, 0)
            grid.addWidget(field, row * 2 + 1, 1)
            grid.addWidget(copy, row * 2 + 1, 2)
            self.fields[role] = field
            self.codes[role] = qr
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
