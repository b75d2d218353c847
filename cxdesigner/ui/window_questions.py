"""The main window's questions to the user, each a small method so that tests can
answer them (a mixin of ``MainWindow``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..bidi import isolate
from . import settings


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # The main window's context: these texts were its own and keep their translations.
    return QCoreApplication.translate("MainWindow", text, disambiguation, n)


class QuestionsMixin:
    """Needs ``document`` of the window."""

    def ask_unsaved(self) -> str:
        """Save, Discard or Cancel: "save", "discard" or "cancel"."""
        self.raise_()
        self.activateWindow()
        name = self.document.path.name if self.document.path else tr("Untitled")
        button = QMessageBox.question(
            self, tr("Unsaved Changes"),
            tr("Do you want to save the changes to “%1”?").replace("%1", isolate(name)),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(button, "cancel")

    def ask_changed_on_disk(self) -> str:
        """Another program changed the file: "overwrite", "save_as" or "cancel"."""
        self.raise_()
        self.activateWindow()
        path = self.document.path
        box = QMessageBox(QMessageBox.Warning, tr("File Changed on Disk"), tr(
            "The file “%1” changed on disk since you opened or last saved it, perhaps "
            "in another program.").replace("%1", path.name if path else ""), QMessageBox.NoButton, self)
        box.setInformativeText(tr(
            "Overwrite it with this map (the other version is kept as “%1”), save this "
            "map under another name, or cancel?").replace(
            "%1", (path.name + ".bak") if path else ""))
        overwrite = box.addButton(tr("&Overwrite"), QMessageBox.DestructiveRole)
        save_as = box.addButton(tr("Save &As…"), QMessageBox.AcceptRole)
        cancel = box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(save_as)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked == overwrite:
            return "overwrite"
        return "save_as" if clicked == save_as else "cancel"

    def ask_read_only(self, path: Path) -> str:
        """The file to save over is read-only: "save_as" or "cancel"."""
        self.raise_()
        self.activateWindow()
        box = QMessageBox(QMessageBox.Warning, tr("File Is Read-Only"), tr(
            "The file “%1” is read-only, so the map was not saved.").replace(
            "%1", Path(path).name), QMessageBox.NoButton, self)
        box.setInformativeText(tr("Save this map under another name, or cancel?"))
        save_as = box.addButton(tr("Save &As…"), QMessageBox.AcceptRole)
        cancel = box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(save_as)
        box.setEscapeButton(cancel)
        box.exec()
        return "save_as" if box.clickedButton() == save_as else "cancel"

    def ask_open_path(self, title: str, name_filter: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, title, str(self._folder()), name_filter)
        return path

    def ask_save_path(self, title: str, name_filter: str, suggested: Path) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, str(suggested), name_filter)
        return path

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _folder(self) -> Path:
        if self.document.path is not None:
            return self.document.path.parent
        recent = settings.recent_files()
        return recent[0].parent if recent else Path.home()
