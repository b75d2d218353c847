"""The personas panel: the map's customer profiles, and whose emotions the canvas shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from ...canvas import labels
from ...canvas.scene import JourneyScene
from ...commands import AddPersonaCommand, ChangeCommand
from ...model import Event
from ...model import schema as S
from ...model.vocabulary import vocabulary
from ..document.document import Document
from .fields import Form

ID_ROLE = Qt.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("Personas", text)


class PersonasPanel(QWidget):
    persona_chosen = Signal(str)  # a persona id, or schema.GENERAL for any customer

    def __init__(self, document: Document, scene: JourneyScene, parent=None):
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.shown = QComboBox()
        self.shown.setAccessibleName(tr("Emotions shown for"))
        # Long persona names elide rather than widen the panel.
        self.shown.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.shown.setMinimumContentsLength(12)
        self.shown.currentIndexChanged.connect(self._on_shown_changed)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Personas"))
        self.list.currentItemChanged.connect(lambda *_: self._bind_current())
        self.add_button = QPushButton(tr("Add"))
        self.add_button.clicked.connect(self.add_persona)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        self.form = Form(document)
        self.name_edit = self.form.add_line("title", tr("Name"))
        self.form.add_choice("persona_kind", tr("Kind"),
                             [(k, labels.persona_kind_label(k)) for k in S.PERSONA_KINDS])
        self.form.add_text("description", tr("Description"))
        shown_row = QFormLayout()
        shown_row.addRow(tr("Emotions shown for:"), self.shown)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(shown_row)
        column.addWidget(QLabel(tr("Personas of this map:")))
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        column.addWidget(self.form)
        self._filling = False
        self._announced = scene.persona
        document.journey.events.subscribe("journey_changed", self._on_journey_changed)
        self.refresh()

    def detach(self) -> None:
        self.document.journey.events.unsubscribe(self._on_journey_changed)

    @property
    def journey(self):
        return self.document.journey

    def current_persona(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    # -------------------------------------------------------------- actions
    def choose(self, persona: str) -> None:
        """Show the emotions of ``persona`` (or ``schema.GENERAL``) on the canvas."""
        index = self.shown.findData(persona)
        self.shown.setCurrentIndex(max(0, index))

    def add_persona(self) -> None:
        # The name is map content: the map's language, not the interface's.
        name = vocabulary(self.journey.document["language"])("new_persona")
        command = AddPersonaCommand(self.journey, name)
        if self.document.push(command):
            self._select(command.created)
            self.name_edit.setFocus()
            self.name_edit.selectAll()

    def remove_current(self) -> None:
        persona = self.current_persona()
        if persona is None:
            return
        self.document.push(ChangeCommand(self.journey, tr("Remove Persona"),
                                         lambda: self.journey.remove(persona)))

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        journey = self.journey
        current = self.current_persona()
        personas = journey.ids(S.PERSONA)
        self._filling = True
        try:
            self.list.clear()
            self.shown.clear()
            self.shown.addItem(tr("Any customer"), S.GENERAL)
            for persona in personas:
                name = journey.title(persona) or tr("(unnamed persona)")
                kind = labels.persona_kind_label(journey.get(persona)["persona_kind"])
                item = QListWidgetItem(f"{name} — {kind}")
                item.setData(ID_ROLE, persona)
                self.list.addItem(item)
                self.shown.addItem(name, persona)
            self.shown.setCurrentIndex(max(0, self.shown.findData(self.scene.persona)))
        finally:
            self._filling = False
        self._select(current if current in journey else (personas[0] if personas else None))

    def _select(self, persona: str | None) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == persona:
                self.list.setCurrentRow(row)
                break
        self._bind_current()

    def _bind_current(self) -> None:
        if self._filling:
            return
        persona = self.current_persona()
        self.form.bind(persona)
        self.form.setEnabled(persona is not None)
        self.remove_button.setEnabled(persona is not None)
        if persona is None:
            self.name_edit.clear()

    def _on_shown_changed(self, _index: int) -> None:
        if self._filling:
            return
        persona = self.shown.currentData() or S.GENERAL
        if persona != self.scene.persona:
            self.scene.set_persona(persona)
        self._announce()

    def _announce(self) -> None:
        self._announced = self.scene.persona
        self.persona_chosen.emit(self.scene.persona)

    def _on_journey_changed(self, event: Event) -> None:
        if any(getattr(op, "kind", None) == S.PERSONA for op in event.change.ops):
            self.refresh()
        if self.scene.persona != self._announced:
            # The shown persona was removed, and the canvas went back to any customer.
            self._announce()
