"""Forms over one element's fields, where every change is one undoable command.

A ``Form`` holds bindings: a widget, how to read its value from the model, and the
command that writes it.  Text commits when editing finishes (a typed title is one undo
step, not one per letter); choices and numbers commit on change.  ``load()`` shows the
model again, so an undo or an edit made elsewhere is seen at once.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSpinBox, QWidget)

from ...canvas.title_editor import MAX_TITLE, cut_message, limit_document, tell
from ...commands import ChangeCommand, EditFieldsCommand
from ...model.schema import MAX_TEXT
from ..document.document import Document
from ..language import ours

UNSET = "—"


def tr(text: str) -> str:
    return QCoreApplication.translate("Form", text)


def text_is_rtl(text: str, default: bool) -> bool:
    """The direction of text by its first strong character (as Qt and Unicode do)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return default


def follow_text_direction(widget: QWidget, text: str, default_rtl: bool) -> None:
    """Right to left for Hebrew text, and for an empty field of a right-to-left map."""
    direction = Qt.RightToLeft if text_is_rtl(text, default_rtl) else Qt.LeftToRight
    if widget.layoutDirection() != direction:
        widget.setLayoutDirection(direction)


class CommitTextEdit(QPlainTextEdit):
    """Several lines of text that, like a line edit, report when editing finished."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.setMinimumHeight(56)
        self.setMaximumHeight(96)
        # Without a limit a pasted book would reach the model, which refuses it whole.
        self.limit = MAX_TEXT
        limit_document(self.document(), lambda: self.limit,
                       lambda limit: tell(self, cut_message(limit, title=False)))

    def set_text(self, text: str) -> None:
        self.limit = max(MAX_TEXT, len(text))
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.document().setModified(False)

    def focusOutEvent(self, event) -> None:  # Qt's name
        super().focusOutEvent(event)
        self.finish()

    def finish(self) -> None:
        if self.document().isModified():
            self.document().setModified(False)
            self.editing_finished.emit()


class Binding:
    """One row of a form: a widget showing one value of the element."""

    def __init__(self, widget: QWidget, label: str, read: Callable[[Any, str], Any],
                 command: Callable[[Any, str, Any], ChangeCommand]):
        self.widget = widget
        self.label = label
        self.read = read  # (journey, element id) -> value
        self.command = command  # (journey, element id, value) -> command
        self.show: Callable[[Any], None] = lambda value: None
        self.value: Callable[[], Any] = lambda: None
        self.is_text = False
        # For a list whose choices depend on the map (its stages): (journey, element)
        # -> [(value, text)], filled again each time the form loads.
        self.options: Callable[[Any, str], list[tuple[Any, str]]] | None = None
        self.shown_value: Any = None  # what the widget last showed of the model

    def pending(self) -> bool:
        """Text typed and not yet committed."""
        widget = self.widget
        if isinstance(widget, CommitTextEdit):
            return widget.document().isModified()
        return isinstance(widget, QLineEdit) and widget.isModified()


def field_reader(name: str) -> Callable[[Any, str], Any]:
    return lambda journey, element: journey.get(element)[name]


def field_writer(name: str, label: str) -> Callable[[Any, str, Any], ChangeCommand]:
    text = tr("Edit %1").replace("%1", label)
    return lambda journey, element, value: EditFieldsCommand(journey, element, text,
                                                             **{name: value})


class Form(QWidget):
    """A form over one element of one kind; ``bind`` chooses the element."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.element_id: str | None = None
        self.bindings: list[Binding] = []
        self._loading = False
        self.form_layout = QFormLayout(self)
        self.form_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        # Never wrap: a wrapped row puts its field under the label and the form zigzags.
        self.form_layout.setRowWrapPolicy(QFormLayout.DontWrapRows)
        self.form_layout.setContentsMargins(0, 0, 0, 0)

    @property
    def journey(self):
        return self.document.journey

    @property
    def map_rtl(self) -> bool:
        return self.journey.document["direction"] == "rtl"

    # ------------------------------------------------------------- building
    def add_row(self, binding: Binding) -> Binding:
        # A form label in the interface's direction: "NPS:" in a Hebrew form ends in its
        # colon on the left, like the Hebrew labels around it.
        label = QLabel(ours(tr("%1:").replace("%1", binding.label)))
        label.setBuddy(binding.widget)
        binding.widget.setAccessibleName(binding.label)
        self.form_layout.addRow(label, binding.widget)
        self.bindings.append(binding)
        return binding

    def add_line(self, name: str, label: str, limit: int | None = None) -> QLineEdit:
        """One line of text; a title is kept to ``MAX_TITLE`` characters, other lines to
        ``limit`` (Qt's own 32,767 unless given)."""
        edit = QLineEdit()
        most = limit or (MAX_TITLE if name == "title" else edit.maxLength())
        binding = Binding(edit, label, field_reader(name), field_writer(name, label))

        def set_text(value: str) -> None:
            # A longer value already in the map is shown whole (and may shrink), never
            # cut by the field, which would lose its end at the next commit.
            edit.setMaxLength(max(most, len(value)))
            if edit.text() != value:
                edit.setText(value)
            if not edit.hasFocus():
                edit.setCursorPosition(0)  # show a long title's start, not its end
        self._as_text(binding, set_text, edit.text)
        edit.editingFinished.connect(lambda: self._commit_text(binding))
        edit.textEdited.connect(lambda text: follow_text_direction(edit, text, self.map_rtl))
        # QLineEdit drops what goes past its length silently, but for this signal.
        edit.inputRejected.connect(
            lambda: tell(edit, cut_message(edit.maxLength(), title=name == "title")))
        self.add_row(binding)
        return edit

    def add_text(self, name: str, label: str) -> CommitTextEdit:
        edit = CommitTextEdit()
        binding = Binding(edit, label, field_reader(name), field_writer(name, label))
        self._as_text(binding, edit.set_text, edit.toPlainText)
        edit.editing_finished.connect(lambda: self._commit(binding))
        edit.textChanged.connect(
            lambda: follow_text_direction(edit, edit.toPlainText(), self.map_rtl))
        self.add_row(binding)
        return edit

    def add_choice(self, name: str, label: str, options, read=None,
                   command=None) -> QComboBox:
        """A list of ``(value, text)``; or a function of (journey, element) giving it."""
        combo = QComboBox()
        # Long choices must not widen the panel: they elide instead.
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        binding = Binding(combo, label, read or field_reader(name),
                          command or field_writer(name, label))
        if callable(options):
            binding.options = options
        else:
            _fill(combo, options)
        binding.show = lambda value: combo.setCurrentIndex(max(0, combo.findData(value)))
        binding.value = combo.currentData
        combo.currentIndexChanged.connect(lambda _index: self._commit(binding))
        self.add_row(binding)
        return combo

    def add_score(self, name: str, label: str, lo: int, hi: int) -> QComboBox:
        """A score that may be left unset: a short list beats a spin box for 1..5."""
        options = [(None, UNSET)] + [(n, str(n)) for n in range(lo, hi + 1)]
        return self.add_choice(name, label, options)

    def add_count(self, name: str, label: str, lo: int, hi: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(lo, hi)
        spin.setKeyboardTracking(False)  # typing "12" is one change, not "1" then "12"
        binding = Binding(spin, label, field_reader(name), field_writer(name, label))
        binding.show = spin.setValue
        binding.value = spin.value
        spin.valueChanged.connect(lambda _value: self._commit(binding))
        self.add_row(binding)
        return spin

    def add_optional_number(self, name: str, label: str, placeholder: str) -> QLineEdit:
        """A number that may be blank (unset); the model checks its range."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        binding = Binding(edit, label, field_reader(name), field_writer(name, label))
        binding.show = lambda value: edit.setText("" if value is None else f"{value:g}")
        binding.value = lambda: _parse_number(edit.text())
        edit.editingFinished.connect(lambda: self._commit_text(binding))
        self.add_row(binding)
        return edit

    def add_optional_text(self, name: str, label: str, placeholder: str) -> QLineEdit:
        """Text where blank means unset (a due date)."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        binding = Binding(edit, label, field_reader(name), field_writer(name, label))
        binding.show = lambda value: edit.setText(value or "")
        binding.value = lambda: edit.text().strip() or None
        edit.editingFinished.connect(lambda: self._commit_text(binding))
        self.add_row(binding)
        return edit

    def _as_text(self, binding: Binding, setter, getter) -> None:
        binding.is_text = True

        def show(value: str) -> None:
            setter(value)
            follow_text_direction(binding.widget, value, self.map_rtl)
        binding.show = show
        binding.value = getter

    # -------------------------------------------------------------- working
    def bind(self, element_id: str | None) -> None:
        """Show another element (or none), first committing a half-finished text."""
        if element_id != self.element_id:
            self.flush()
            self.element_id = element_id
        self.load()

    def flush(self) -> None:
        for binding in self.bindings:
            widget = binding.widget
            if isinstance(widget, CommitTextEdit):
                widget.finish()
            elif isinstance(widget, QLineEdit) and widget.isModified():
                self._commit_text(binding)

    def load(self) -> None:
        if self.element_id is None or self.element_id not in self.journey:
            return
        self._loading = True
        try:
            for binding in self.bindings:
                value = binding.read(self.journey, self.element_id)
                if binding.pending() and value == binding.shown_value:
                    continue  # an edit elsewhere must not wipe what is being typed here
                binding.widget.blockSignals(True)
                try:
                    if binding.options is not None:
                        _fill(binding.widget, binding.options(self.journey, self.element_id))
                    binding.show(value)
                finally:
                    binding.widget.blockSignals(False)
                binding.shown_value = value
                if isinstance(binding.widget, QLineEdit):
                    binding.widget.setModified(False)
                elif isinstance(binding.widget, CommitTextEdit):
                    binding.widget.document().setModified(False)
        finally:
            self._loading = False

    def _commit_text(self, binding: Binding) -> None:
        binding.widget.setModified(False)
        self._commit(binding)

    def _commit(self, binding: Binding) -> None:
        element = self.element_id
        if self._loading or element is None or element not in self.journey:
            return
        try:
            value = binding.value()
        except ValueError:
            value = _Invalid
        if value is not _Invalid and value == binding.read(self.journey, element):
            return
        if value is _Invalid:
            self.document.edit_refused.emit(
                tr("%1: please write a number, or leave it blank.").replace("%1", binding.label))
            self.load()
            return
        if not self.document.push(binding.command(self.journey, element, value)):
            self.load()  # refused: show the model's value again


def _fill(combo: QComboBox, options: list[tuple[Any, str]]) -> None:
    combo.clear()
    for value, text in options:
        combo.addItem(text, value)


class _Invalid:
    """A value that could not be read from its widget."""


def _parse_number(text: str) -> int | float | None:
    text = text.strip().replace(",", ".").replace("\u2212", "-")
    if not text:
        return None
    number = float(text)  # ValueError for text that is no number
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(text)
    return int(number) if number.is_integer() else number
