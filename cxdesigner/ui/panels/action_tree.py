"""The editable action tree widget of the Actions tab, and its title delegate.

A drop never moves rows itself: it asks for the move (``nest_requested``), the model
decides, and the tree follows the model.  Drags carry our own MIME type, so no other
view takes them by mistake.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QStyledItemDelegate,
                               QTreeWidget, QTreeWidgetItem, QWidget)

from .action_common import ROLE_ID, all_items, tr

DRAG_MIME = "application/x-cxdesigner-action"  # our own: no other view takes it by mistake


class TitleDelegate(QStyledItemDelegate):
    """Shows "Untitled action" for an empty title, greyed, without making it the text."""

    def initStyleOption(self, option, index: QModelIndex) -> None:  # Qt's name
        super().initStyleOption(option, index)
        if index.column() == 0 and not option.text:
            option.text = tr("Untitled action")
            option.palette.setColor(option.palette.ColorRole.Text,
                                    option.palette.color(option.palette.ColorRole.PlaceholderText))


class ActionTree(QTreeWidget):
    """The editable tree.  A drop never moves rows itself: it asks for the move
    (``nest_requested``), the model decides, and the tree follows the model."""

    nest_requested = Signal(str, object, object)  # action, new parent, before sibling
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(5)
        self.setHeaderLabels([tr("Action"), tr("Owner"), tr("Due"), tr("Status"),
                              tr("Addresses")])
        self.setItemDelegateForColumn(0, TitleDelegate(self))
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.setAlternatingRowColors(True)
        self.dragged: str | None = None  # the action being dragged from this tree
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        self.setColumnWidth(0, 280)

    def mimeTypes(self) -> list[str]:  # Qt's name
        """What a drop may carry: Qt draws the drop indicator only for these."""
        return [DRAG_MIME]

    def current_action(self) -> str | None:
        item = self.currentItem()
        return item.data(0, ROLE_ID) if item is not None else None

    def item_for(self, action: str) -> QTreeWidgetItem | None:
        for item in all_items(self):
            if item.data(0, ROLE_ID) == action:
                return item
        return None

    # Dragging: our own QDrag (Python), so a test can stand in for QDrag.exec, which
    # returns at once on the offscreen platform.
    def startDrag(self, supported: Qt.DropActions) -> None:  # Qt's name
        item = self.currentItem()
        if item is None:
            return
        self.dragged = item.data(0, ROLE_ID)
        drag = QDrag(self)
        mime = QMimeData()
        mime.setData(DRAG_MIME, self.dragged.encode())
        drag.setMimeData(mime)
        rect = self.visualItemRect(item)
        drag.setPixmap(self.viewport().grab(rect))
        try:
            drag.exec(Qt.MoveAction)
        finally:
            self.dragged = None

    def dragEnterEvent(self, event) -> None:  # Qt's name
        if self.dragged is not None and event.mimeData().hasFormat(DRAG_MIME):
            super().dragEnterEvent(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # Qt's name
        if self.dragged is None:
            event.ignore()
            return
        super().dragMoveEvent(event)  # draws the drop indicator
        # Qt refuses a drop on the dragged row's own sub-rows; the model refuses it
        # too, and says why, so let the drop through to hear it.
        event.setDropAction(Qt.MoveAction)
        event.accept()

    def dropEvent(self, event) -> None:  # Qt's name
        action = self.dragged
        if action is None:
            event.ignore()
            return
        parent, before = self.drop_place(event.position().toPoint(), action)
        # Not MoveAction: Qt would then delete the dragged rows itself.
        event.setDropAction(Qt.IgnoreAction)
        event.accept()
        self.setState(QAbstractItemView.NoState)
        self.viewport().update()
        self.nest_requested.emit(action, parent, before)

    def drop_place(self, pos: QPoint, action: str) -> tuple[str | None, str | None]:
        """(new parent, sibling to go before) for a drop at ``pos``, as the indicator
        shows it: on a row's middle, under it as its last sub-action; near its top
        or bottom edge, before or after it."""
        item = self.itemAt(pos)
        if item is None:
            return None, None  # empty space: last at the top level
        rect = self.visualItemRect(item)
        margin = max(2, min(int(rect.height() / 5.5), 12))  # as Qt's indicator
        target = item.data(0, ROLE_ID)
        parent_item = item.parent()
        parent = parent_item.data(0, ROLE_ID) if parent_item else None
        if pos.y() - rect.top() < margin:
            return parent, target
        if rect.bottom() - pos.y() < margin:
            if item.isExpanded() and item.childCount():
                return target, item.child(0).data(0, ROLE_ID)  # where the line shows
            siblings = ([parent_item.child(i) for i in range(parent_item.childCount())]
                        if parent_item else
                        [self.topLevelItem(i) for i in range(self.topLevelItemCount())])
            index = siblings.index(item)
            after = [s.data(0, ROLE_ID) for s in siblings[index + 1:]
                     if s.data(0, ROLE_ID) != action]
            return parent, after[0] if after else None
        return target, None

    def keyPressEvent(self, event) -> None:  # Qt's name
        if event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.state() != \
                QAbstractItemView.EditingState and self.currentItem() is not None:
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
