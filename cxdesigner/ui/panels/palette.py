"""The palette: new stages, touchpoints (by channel) and notes (by kind).

Drag an entry onto the canvas (the view takes the drop), or activate it (double-click
or Enter) to add one where the selection is.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QDrag
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from ...canvas import labels
from ...model import schema as S
from .outline import dot_icon

PALETTE_MIME = "application/x-cxdesigner-palette"
PAYLOAD_ROLE = Qt.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("Palette", text)


def payload_bytes(payload: dict) -> bytes:
    return json.dumps(payload).encode("utf-8")


class Palette(QTreeWidget):
    entry_activated = Signal(dict)  # the entry's payload, as dragged

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragOnly)
        self.setAccessibleName(tr("Palette of new elements"))
        self._entry(self, tr("Stage"), {"kind": S.STAGE}, QColor("#7f8c8d"), square=True)
        touchpoints = self._group(tr("Touchpoints"))
        for channel in S.CHANNELS:
            self._entry(touchpoints, labels.channel_label(channel),
                        {"kind": S.TOUCHPOINT, "channel": channel}, QColor("#bdc3c7"))
        notes = self._group(tr("Notes"))
        for kind in S.NOTE_KINDS:
            self._entry(notes, labels.note_kind_label(kind), {"kind": S.NOTE, "note_kind": kind},
                        labels.NOTE_COLOURS[kind], square=True)
        self.expandAll()
        self.itemActivated.connect(self._on_activated)

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        item.setFlags(Qt.ItemIsEnabled)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _entry(self, parent, title: str, payload: dict, colour: QColor,
               square: bool = False) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [title])
        item.setData(0, PAYLOAD_ROLE, payload)
        item.setIcon(0, dot_icon(colour, square))
        item.setToolTip(0, tr("Drag onto the canvas, or double-click to add"))
        item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled)
        return item

    def entries(self) -> list[QTreeWidgetItem]:
        found = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item.data(0, PAYLOAD_ROLE):
                found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def mime_for(self, item: QTreeWidgetItem) -> QMimeData:
        mime = QMimeData()
        mime.setData(PALETTE_MIME, payload_bytes(item.data(0, PAYLOAD_ROLE)))
        return mime

    def startDrag(self, supported_actions) -> None:  # Qt's name
        item = self.currentItem()
        if item is None or not item.data(0, PAYLOAD_ROLE):
            return
        drag = QDrag(self)
        drag.setMimeData(self.mime_for(item))
        drag.setPixmap(item.icon(0).pixmap(24, 24))
        drag.exec(Qt.CopyAction)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        payload = item.data(0, PAYLOAD_ROLE)
        if payload:
            self.entry_activated.emit(dict(payload))
