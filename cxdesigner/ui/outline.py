"""The outline: stages, their touchpoints and the notes on them, as a tree.

It is also the keyboard's and the screen reader's way to every element of the map:
selecting here selects on the canvas and the other way round (the main window keeps
the two in step).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from ..canvas import labels
from ..model import Event
from ..model import schema as S
from ..model.changes import SetNode
from .document import Document

ID_ROLE = Qt.UserRole
MAP_NOTES = "__map_notes__"  # the branch of notes about the whole map
# Fields whose change moves an element in the tree; other edits only relabel it.
_PLACING = {"x", "y", "note_kind"}


def tr(text: str) -> str:
    return QCoreApplication.translate("Outline", text)


def dot_icon(colour: QColor, square: bool = False) -> QIcon:
    pixmap = QPixmap(QSize(12, 12))
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(Qt.NoPen)
    painter.setBrush(colour)
    if square:
        painter.drawRoundedRect(1, 1, 10, 10, 2, 2)
    else:
        painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class Outline(QTreeWidget):
    selection_made = Signal(list)  # ids the user selected here

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setUniformRowHeights(True)
        self.setAccessibleName(tr("Outline of the map"))
        self._items: dict[str, QTreeWidgetItem] = {}
        self._collapsed: set[str] = set()
        self._map_notes: QTreeWidgetItem | None = None
        self._syncing = False
        self.itemSelectionChanged.connect(self._on_selection)
        document.journey.events.subscribe("journey_changed", self._on_journey_changed)
        self.rebuild()

    def detach(self) -> None:
        self.document.journey.events.unsubscribe(self._on_journey_changed)

    @property
    def journey(self):
        return self.document.journey

    def item_for(self, element_id: str) -> QTreeWidgetItem | None:
        return self._items.get(element_id)

    def selected_ids(self) -> list[str]:
        return [i.data(0, ID_ROLE) for i in self.selectedItems()
                if i.data(0, ID_ROLE) in self.journey]

    def select_ids(self, ids: list[str]) -> None:
        """Show the canvas's selection here, without echoing it back."""
        self._syncing = True
        try:
            self.clearSelection()
            current = None
            for element_id in ids:
                item = self._items.get(element_id)
                if item is not None:
                    item.setSelected(True)
                    current = current or item
            if current is not None:
                self.setCurrentItem(current, 0, _NO_UPDATE)
                self.scrollToItem(current)
        finally:
            self._syncing = False

    # ------------------------------------------------------------ building
    def rebuild(self) -> None:
        journey = self.journey
        selected = set(self.selected_ids())
        # What the user folded stays folded (new branches come unfolded).
        self._collapsed = {element_id for element_id, item in self._items.items()
                           if item.childCount() and not item.isExpanded()}
        if self._map_notes is not None and not self._map_notes.isExpanded():
            self._collapsed.add(MAP_NOTES)
        self._map_notes = None
        self._syncing = True
        try:
            self.clear()
            self._items.clear()
            self.setLayoutDirection(Qt.RightToLeft if journey.document["direction"] == "rtl"
                                    else Qt.LeftToRight)
            for stage in journey.stages():
                stage_item = self._add(self, stage)
                for tp in journey.touchpoints_in(stage):
                    tp_item = self._add(stage_item, tp)
                    for note in journey.notes_on(tp):
                        self._add(tp_item, note)
                for note in journey.notes_on(stage):
                    self._add(stage_item, note)
            map_notes = journey.notes_on(None)
            if map_notes:
                branch = self._map_notes = QTreeWidgetItem(
                    self, [tr("Notes about the whole map")])
                branch.setData(0, ID_ROLE, MAP_NOTES)
                branch.setFlags(Qt.ItemIsEnabled)
                for note in map_notes:
                    self._add(branch, note)
            for element_id, item in self._items.items():
                self._label(item, element_id)
                item.setSelected(element_id in selected)
            self.expandAll()
            for element_id in self._collapsed:
                item = (self._map_notes if element_id == MAP_NOTES
                        else self._items.get(element_id))
                if item is not None:
                    item.setExpanded(False)
        finally:
            self._syncing = False

    def _add(self, parent, element_id: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent)
        item.setData(0, ID_ROLE, element_id)
        self._items[element_id] = item
        return item

    def _label(self, item: QTreeWidgetItem, element_id: str) -> None:
        journey = self.journey
        attrs = journey.get(element_id)
        kind = attrs["kind"]
        title = attrs.get("title", "")
        if kind == S.STAGE:
            number = journey.stage_position(element_id) + 1
            text = f"{number}. {title or labels.tr('Untitled stage')}"
            tip = tr("Stage")
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        elif kind == S.TOUCHPOINT:
            text = title or labels.tr("Untitled touchpoint")
            tip = f"{labels.channel_label(attrs['channel'])} · {labels.mode_label(attrs['mode'])}"
            item.setIcon(0, dot_icon(labels.emotion_colour(journey.emotion(element_id))))
        else:
            kind_name = labels.note_kind_label(attrs["note_kind"])
            text = title or kind_name
            tip = kind_name
            item.setIcon(0, dot_icon(labels.NOTE_COLOURS[attrs["note_kind"]], square=True))
        item.setText(0, text)
        item.setToolTip(0, f"{text}\n{tip}")  # the whole title, which the tree may cut
        # Screen readers say what the element is, not only its title.
        item.setData(0, Qt.AccessibleTextRole, f"{tip}: {text}")

    # -------------------------------------------------------------- events
    def _on_journey_changed(self, event: Event) -> None:
        ops = event.change.ops if event.change is not None else ()
        relabel_only = all(type(op) is SetNode and op.id in self._items
                           and not set(op.new) & _PLACING for op in ops)
        if relabel_only:
            for op in ops:
                self._label(self._items[op.id], op.id)
        else:
            self.rebuild()

    def _on_selection(self) -> None:
        if not self._syncing:
            self.selection_made.emit(self.selected_ids())


_NO_UPDATE = QItemSelectionModel.NoUpdate
