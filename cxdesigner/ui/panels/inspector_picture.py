"""The touchpoint's picture in the inspector: its thumbnail, "Choose picture…" and
"Remove picture", each one undo step (the same command as a drop on the card).

A row of the touchpoint's ``Form``: the form shows the model's value here on every
load, so an undo, a drop or a paste on the canvas shows at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from ...canvas import picture_edits
from ...canvas.pictures import thumbnail
from ...fileformat import files
from ...fileformat.errors import FileFormatError
from ...model import pictures as P
from .fields import Binding, Form, field_reader

PREVIEW_W, PREVIEW_H = 180, 120


def tr(text: str) -> str:
    return QCoreApplication.translate("Inspector", text)


class PictureBox(QWidget):
    def __init__(self, form: Form):
        super().__init__()
        self.form = form
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignLeading | Qt.AlignVCenter)
        self.preview.setMinimumHeight(24)
        # One short line, not wrapped: a word-wrapped label made every change of the
        # inspector's page lay it out again (heightForWidth), 4 ms a selection.
        self.preview.setToolTip(tr("Drop a PNG or JPEG on the card, or paste one."))
        self.choose_button = QPushButton(tr("Choose picture…"))
        self.remove_button = QPushButton(tr("Remove picture"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.preview)
        column.addLayout(buttons)
        self.show_picture("")

    def show_picture(self, text: str) -> None:
        element = self.form.element_id
        # Touched only when what it shows changes: the word-wrapped label lays the
        # whole inspector out again (12 ms) at every selection otherwise.
        shown = (element, text) if text else ""
        if shown == getattr(self, "_shown", None):
            return
        self._shown = shown
        pixmap = thumbnail(element, text, PREVIEW_W, PREVIEW_H) if element and text else None
        if pixmap is None or pixmap.isNull():
            self.preview.setText(tr("(picture cannot be shown)") if text else
                                 tr("No picture"))
        else:
            self.preview.setPixmap(pixmap)
        self.remove_button.setEnabled(bool(text))

    def ask_path(self) -> str:
        """The picture file to use, "" if cancelled (tests answer it)."""
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose Picture"), "",
                                              tr("Pictures (*.png *.jpg *.jpeg)"))
        return path

    def choose(self) -> bool:
        element = self.form.element_id
        path = self.ask_path()
        if not path or element is None or element not in self.form.journey:
            return False
        document = self.form.document
        try:
            data = files.read_bytes(Path(path), P.MAX_INPUT_BYTES, "picture")
            command = picture_edits.picture_command(self.form.journey, element, data)
        except FileFormatError as exc:
            document.edit_refused.emit(tr("The picture could not be read: %1").replace(
                "%1", exc.message))
            return False
        except picture_edits.RefusedPicture as exc:
            document.edit_refused.emit(str(exc))
            return False
        return document.push(command)

    def remove(self) -> bool:
        element = self.form.element_id
        if element is None or element not in self.form.journey:
            return False
        return self.form.document.push(picture_edits.remove_command(self.form.journey,
                                                                    element))


def add_picture_row(form: Form) -> PictureBox:
    box = PictureBox(form)
    binding = Binding(box, tr("Picture"), field_reader("picture"),
                      lambda journey, element, value: picture_edits.remove_command(
                          journey, element))
    binding.show = box.show_picture
    binding.value = lambda: form.journey.get(form.element_id)["picture"]
    form.add_row(binding)
    return box
