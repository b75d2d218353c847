"""The current action's fields under the Actions tab's tree, every one editable.

Each change is one undoable command pushed on the document; a refused or unchanged
edit shows the model's value again.  Dates may be unset (``OptionalDateEdit``).
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QSizePolicy, QSpinBox, QWidget)

from ...canvas import labels
from ...commands import EditFieldsCommand, GroupCommand, RenameCommand
from ...commands.actions import LinkActionCommand, UnlinkActionCommand
from ...canvas.title_editor import limit_line, show_line
from ...model import schema as S
from .action_common import ROLE_ID, SelectCallback, note_icon, note_title, tr
from ..document.document import Document
from ..language import ours


class OptionalDateEdit(QWidget):
    """A date that may be unset: a check box and a date edit that reads "None"."""

    value_changed = Signal(object)  # "YYYY-MM-DD" or None

    NONE_DATE = QDate(1900, 1, 1)

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox()
        self.check.setToolTip(tr("Set a date"))
        self.check.setAccessibleName(tr("%1 set").replace("%1", name))
        self.edit = QDateEdit()
        self.edit.setAccessibleName(name)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(self.NONE_DATE)
        self.edit.setSpecialValueText(tr("None"))
        self.edit.setKeyboardTracking(False)  # one change when typing ends, not per digit
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)  # a form row's height
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateChanged.connect(self._on_date)
        self._showing = False

    def value(self) -> str | None:
        date = self.edit.date()
        if not self.check.isChecked() or date == self.NONE_DATE:
            return None
        return date.toString(Qt.ISODate)

    def set_value(self, iso: str | None) -> None:
        self._showing = True
        try:
            self.check.setChecked(iso is not None)
            self.edit.setDate(QDate.fromString(iso, Qt.ISODate) if iso else self.NONE_DATE)
            self.edit.setEnabled(iso is not None)
        finally:
            self._showing = False

    def _on_toggled(self, checked: bool) -> None:
        if self._showing:
            return
        self._showing = True
        try:
            self.edit.setEnabled(checked)
            self.edit.setDate(QDate.currentDate() if checked else self.NONE_DATE)
        finally:
            self._showing = False
        self.value_changed.emit(self.value())

    def _on_date(self, _date: QDate) -> None:
        if not self._showing and self.check.isChecked():
            self.value_changed.emit(self.value())


class ActionDetails(QWidget):
    """Every field of the current action; each change is one undo step."""

    def __init__(self, document: Document, select_callback: SelectCallback,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.select_callback = select_callback
        self.action: str | None = None
        self.canvas_notes: list[str] = []
        self._loading = False
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setContentsMargins(4, 4, 4, 4)
        self.title = QLineEdit()
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(tr("Who does it (a person or department)"))
        self.due = OptionalDateEdit(tr("Due date"))
        self.status = QComboBox()
        for status in S.ACTION_STATUSES:
            self.status.addItem(labels.status_label(status), status)
        self.kpi = QLineEdit()
        limit_line(self.title)
        limit_line(self.owner, title=False)
        limit_line(self.kpi, title=False)
        self.kpi.setPlaceholderText(tr("How you will know it worked"))
        self.review = QSpinBox()
        self.review.setRange(1, S.MAX_REVIEW_MONTHS)
        self.review.setKeyboardTracking(False)
        self.review.setSuffix(tr(" months"))
        self.review.setToolTip(tr("Review the plan every 3 to 5 months."))
        self.reviewed = OptionalDateEdit(tr("Last reviewed"))
        self.reviewed_today = QPushButton(tr("Reviewed Today"))
        reviewed_row = QWidget()
        reviewed_row.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        row = QHBoxLayout(reviewed_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reviewed, 1)
        row.addWidget(self.reviewed_today)
        self.notes = QListWidget()
        self.notes.setMaximumHeight(90)
        self.notes.setToolTip(tr("Click a note to show it on the canvas."))
        self.link = QPushButton(tr("Link Selected Note"))
        self.link.setToolTip(tr("This action also addresses the note selected on the canvas."))
        self.unlink = QPushButton(tr("Unlink"))
        notes_row = QWidget()
        notes_row.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        buttons = QHBoxLayout(notes_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.link)
        buttons.addWidget(self.unlink)
        buttons.addStretch(1)
        for label, widget in ((tr("Title"), self.title), (tr("Owner"), self.owner),
                              (tr("Due"), self.due), (tr("Status"), self.status),
                              (tr("KPI"), self.kpi), (tr("Review every"), self.review),
                              (tr("Last reviewed"), reviewed_row),
                              (tr("Addresses"), self.notes), ("", notes_row)):
            if label:
                caption = QLabel(ours(tr("%1:").replace("%1", label)))
                caption.setBuddy(widget)
                form.addRow(caption, widget)
                if not widget.accessibleName():
                    widget.setAccessibleName(label)
            else:
                form.addRow(widget)
        self.title.editingFinished.connect(self._commit_title)
        self.owner.editingFinished.connect(lambda: self._commit_line(self.owner, "owner",
                                                                     tr("Edit Owner")))
        self.kpi.editingFinished.connect(lambda: self._commit_line(self.kpi, "kpi",
                                                                   tr("Edit KPI")))
        self.due.value_changed.connect(lambda v: self._commit("due", v, tr("Edit Due Date")))
        self.status.currentIndexChanged.connect(
            lambda _i: self._commit("status", self.status.currentData(), tr("Edit Status")))
        self.review.valueChanged.connect(
            lambda v: self._commit("review_months", v, tr("Edit Review Cadence")))
        self.reviewed.value_changed.connect(
            lambda v: self._commit("reviewed", v, tr("Edit Last Review")))
        self.reviewed_today.clicked.connect(self.mark_reviewed_today)
        self.notes.itemClicked.connect(self._show_note)
        self.notes.currentItemChanged.connect(lambda item, _old: self._update_buttons())
        self.link.clicked.connect(self.link_canvas_notes)
        self.unlink.clicked.connect(self.unlink_current_note)
        self.bind(None)

    @property
    def journey(self):
        return self.document.journey

    def bind(self, action: str | None) -> None:
        if action != self.action:
            self.flush()
            self.action = action
        self.load()

    def flush(self) -> None:
        """Commit a half-typed text before showing another action."""
        if self.title.isModified():
            self._commit_title()
        for edit, name, text in ((self.owner, "owner", tr("Edit Owner")),
                                 (self.kpi, "kpi", tr("Edit KPI"))):
            if edit.isModified():
                self._commit_line(edit, name, text)

    def load(self) -> None:
        action = self.action
        if action is not None and action not in self.journey:
            self.action = action = None
        self.setEnabled(action is not None)
        self._loading = True
        widgets = (self.title, self.owner, self.kpi, self.status, self.review, self.due,
                   self.reviewed)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if action is None:
                for edit in (self.title, self.owner, self.kpi):
                    edit.clear()
                self.due.set_value(None)
                self.reviewed.set_value(None)
                self.notes.clear()
                return
            attrs = self.journey.get(action)
            for edit, name in ((self.title, "title"), (self.owner, "owner"),
                               (self.kpi, "kpi")):
                if edit.isModified():
                    continue  # being typed: another edit must not wipe it
                if edit.text() != attrs[name]:
                    show_line(edit, attrs[name])
            self.status.setCurrentIndex(max(0, self.status.findData(attrs["status"])))
            self.review.setValue(attrs["review_months"])
            self.due.set_value(attrs["due"])
            self.reviewed.set_value(attrs["reviewed"])
            current = self.notes.currentItem()
            current_note = current.data(ROLE_ID) if current else None
            self.notes.clear()
            for note in self.journey.addressed_by(action):
                item = QListWidgetItem(note_icon(self.journey.get(note)["note_kind"]),
                                       note_title(self.journey, note))
                item.setData(ROLE_ID, note)
                self.notes.addItem(item)
                if note == current_note:
                    self.notes.setCurrentItem(item)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
            self._loading = False
            self._update_buttons()

    def set_canvas_notes(self, notes: list[str]) -> None:
        self.canvas_notes = notes
        self._update_buttons()

    def _update_buttons(self) -> None:
        action = self.action
        linked = set(self.journey.addressed_by(action)) if action else set()
        self.link.setEnabled(action is not None and
                             any(n not in linked for n in self.canvas_notes))
        self.unlink.setEnabled(action is not None and self.notes.currentItem() is not None)

    # ------------------------------------------------------------- commits
    def _push(self, command) -> bool:
        if self.document.push(command):
            return True
        self.load()  # refused or unchanged: show the model's value again
        return False

    def _commit(self, name: str, value, text: str) -> None:
        action = self.action
        if self._loading or action is None or action not in self.journey:
            return
        if self.journey.get(action)[name] == value:
            return
        self._push(EditFieldsCommand(self.journey, action, text, **{name: value}))

    def _commit_line(self, edit: QLineEdit, name: str, text: str) -> None:
        edit.setModified(False)
        self._commit(name, edit.text(), text)

    def _commit_title(self) -> None:
        self.title.setModified(False)
        action = self.action
        if self._loading or action is None or action not in self.journey:
            return
        if self.title.text() != self.journey.title(action):
            self._push(RenameCommand(self.journey, action, self.title.text()))

    def mark_reviewed_today(self) -> None:
        self._commit("reviewed", _dt.date.today().isoformat(), tr("Mark Reviewed"))

    def link_canvas_notes(self) -> None:
        action = self.action
        if action is None:
            return
        notes = [n for n in self.canvas_notes
                 if n in self.journey and n not in self.journey.addressed_by(action)]
        if len(notes) == 1:
            self._push(LinkActionCommand(self.journey, action, notes[0]))
        elif notes:
            journey = self.journey
            self._push(GroupCommand(journey, tr("Link Action to Notes"),
                                    lambda: [journey.link_action(action, n) for n in notes]))

    def unlink_current_note(self) -> None:
        item = self.notes.currentItem()
        if self.action is None or item is None:
            return
        self._push(UnlinkActionCommand(self.journey, self.action, item.data(ROLE_ID)))

    def _show_note(self, item: QListWidgetItem) -> None:
        note = item.data(ROLE_ID)
        if note in self.journey:
            self.select_callback([note])

