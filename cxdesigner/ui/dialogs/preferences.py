"""The Preferences dialog: the interface language (applied at the next start)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QWidget)

from .. import settings


def tr(text: str) -> str:
    return QCoreApplication.translate("Preferences", text)


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        form = QFormLayout(self)
        self.language = QComboBox()
        # Each language is named in itself, so it can be found whatever is shown now.
        for value, text in (("system", tr("System language")), ("en", "English"),
                            ("he", "עברית")):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        form.addRow(tr("&Language:"), self.language)
        # Every window, menu and panel is built in the language: a restart rebuilds them.
        note = QLabel(tr("The new language is used the next time CX Designer starts."))
        note.setWordWrap(True)
        note.setTextFormat(Qt.PlainText)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_language(self) -> str:
        return self.language.currentData()

    def accept(self) -> None:  # Qt's name
        settings.set_language(self.chosen_language())
        super().accept()


def edit_preferences(parent: QWidget) -> None:
    PreferencesDialog(parent).exec()
