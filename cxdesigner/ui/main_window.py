"""The main window: the canvas in the centre, panels around it, menus and toolbar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox

from ..canvas.scene import JourneyScene
from ..canvas.view import JourneyView
from ..fileformat import FileFormatError
from .document import Document


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, document: Document):
        super().__init__()
        self.document = document
        document.setParent(self)
        self.scene = JourneyScene(document.journey, document.push, self)
        self.view = JourneyView(self.scene, self)
        self.setCentralWidget(self.view)
        document.modified_changed.connect(self.setWindowModified)
        document.path_changed.connect(self._update_title)
        document.edit_refused.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self._update_title()
        self.resize(1400, 900)

    @classmethod
    def open_new(cls, path: Path | None) -> "MainWindow":
        """A window on ``path``; a file that fails to load is reported and a new map
        opened instead."""
        if path is not None:
            try:
                document, problems = Document.open(path)
            except FileFormatError as exc:
                QMessageBox.warning(None, tr("Cannot open map"), str(exc))
            else:
                window = cls(document)
                if problems:
                    window.statusBar().showMessage(
                        tr("%n problem(s) in the file were repaired; save to keep the repairs.",
                           ).replace("%n", str(len(problems))))
                return window
        return cls(Document())

    def showEvent(self, event) -> None:  # Qt's name
        super().showEvent(event)
        if not getattr(self, "_fitted", False):
            self._fitted = True
            self.view.fit_all()

    def _update_title(self, *_args) -> None:
        path = self.document.path
        name = path.name if path else tr("Untitled")
        self.setWindowTitle(f"{name}[*] — CX Designer")
        self.setWindowModified(self.document.is_modified)
