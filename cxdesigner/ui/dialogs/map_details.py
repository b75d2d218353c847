"""The map details dialog: title, client, author, goal, language, direction, scoring,
and how often the map is reviewed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QPlainTextEdit, QSpinBox, QWidget)

from ...canvas.title_editor import limit_line, show_line
from ...model import JourneyMap
from ..language import ours
from ..panels.fields import follow_text_direction


def tr(text: str) -> str:
    return QCoreApplication.translate("MapDetails", text)


def scoring_label(method: str) -> str:
    return {"impact_effort": tr("Impact and effort"), "ice": tr("ICE (impact, confidence, ease)"),
            "rice": tr("RICE (reach, impact, confidence, effort)"), "votes": tr("Votes"),
            "weighted": tr("Weighted")}.get(method, method)


class MapDetailsDialog(QDialog):
    """Edits a copy of the details; ``changes()`` is what differs, for one command."""

    def __init__(self, journey: JourneyMap, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Map Details"))
        self.document = dict(journey.document)
        rtl = self.document["direction"] == "rtl"
        self.lines: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for name, label in (("title", tr("Title")), ("client", tr("Client")),
                            ("author", tr("Author"))):
            edit = QLineEdit()
            limit_line(edit, title=name == "title")
            show_line(edit, self.document[name])
            follow_text_direction(edit, edit.text(), rtl)
            edit.textEdited.connect(lambda text, e=edit: follow_text_direction(e, text, rtl))
            form.addRow(ours(tr("%1:").replace("%1", label)), edit)
            self.lines[name] = edit
        self.goal = QPlainTextEdit(self.document["goal"])
        follow_text_direction(self.goal, self.document["goal"], rtl)
        self.goal.setTabChangesFocus(True)
        form.addRow(tr("Goal of the experience:"), self.goal)
        self.language = self._combo([("en", tr("English")), ("he", tr("Hebrew"))], "language")
        self.direction = self._combo([("ltr", tr("Left to right")),
                                      ("rtl", tr("Right to left"))], "direction")
        self.scoring = self._combo([(m, scoring_label(m)) for m in
                                    ("impact_effort", "ice", "rice", "votes", "weighted")],
                                   "scoring_method")
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(tr("Language:"), self.language)
        form.addRow(tr("Direction:"), self.direction)
        form.addRow(tr("Prioritise by:"), self.scoring)
        # The method reviews the map every 3 to 5 months: the next review is due this
        # long after the last snapshot.
        self.review = QSpinBox()
        self.review.setRange(1, 24)
        self.review.setValue(self.document["review_months"])
        self.review.setSuffix(tr(" months"))
        self.review.setToolTip(tr("The method advises a review every 3 to 5 months; the "
                                  "next one is due this long after the last snapshot."))
        form.addRow(tr("Review every:"), self.review)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def _combo(self, options: list[tuple[str, str]], name: str) -> QComboBox:
        combo = QComboBox()
        for value, text in options:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(self.document[name])))
        return combo

    def _language_changed(self) -> None:
        # Hebrew reads right to left: follow the language, which is nearly always wanted.
        self.direction.setCurrentIndex(self.direction.findData(
            "rtl" if self.language.currentData() == "he" else "ltr"))

    def values(self) -> dict[str, Any]:
        values = {name: edit.text() for name, edit in self.lines.items()}
        values["goal"] = self.goal.toPlainText()
        values["language"] = self.language.currentData()
        values["direction"] = self.direction.currentData()
        values["scoring_method"] = self.scoring.currentData()
        values["review_months"] = self.review.value()
        return values

    def changes(self) -> dict[str, Any]:
        return {k: v for k, v in self.values().items() if self.document[k] != v}
