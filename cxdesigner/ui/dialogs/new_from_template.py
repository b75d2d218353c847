"""File > New from Template: the bundled templates with what each one is, and the
language of the new map.

The names and descriptions come from the catalogue (``fileformat.templates``), which
has them in both languages; the list shows them in the interface's language, while
the map is made in the language chosen here (a Hebrew map in an English editor is
fine, and the other way round).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QListWidget, QListWidgetItem, QVBoxLayout, QWidget)

from ...fileformat.templates import CATALOGUE


def tr(text: str) -> str:
    return QCoreApplication.translate("NewFromTemplate", text)


def interface_language() -> str:
    # What MainWindow.new_map asks too: language.install sets the default locale when
    # the interface's language is not the system's.
    return "he" if QLocale().language() == QLocale.Hebrew else "en"


class NewFromTemplateDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("New from Template"))
        shown = interface_language()
        layout = QVBoxLayout(self)
        label = QLabel(tr("&Template:"))
        layout.addWidget(label)
        self.templates = QListWidget()
        self.templates.setWordWrap(True)
        for template in CATALOGUE:
            # Two lines: the name, then what it is.
            item = QListWidgetItem(f"{template.title(shown)}\n{template.description(shown)}")
            item.setData(Qt.UserRole, template.name)
            item.setToolTip(template.description(shown))
            self.templates.addItem(item)
        self.templates.setCurrentRow(0)
        self.templates.setMinimumSize(460, 360)
        self.templates.itemDoubleClicked.connect(lambda _item: self.accept())
        label.setBuddy(self.templates)
        layout.addWidget(self.templates)

        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem(tr("English"), "en")
        self.language.addItem(tr("Hebrew"), "he")
        self.language.setCurrentIndex(self.language.findData(shown))
        form.addRow(tr("Map &language:"), self.language)
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.templates.setFocus()

    def chosen(self) -> tuple[str, str]:
        """(template name, map language)."""
        item = self.templates.currentItem()
        name = item.data(Qt.UserRole) if item is not None else CATALOGUE[0].name
        return name, self.language.currentData()

