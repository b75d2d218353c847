"""The lanes panel: the rows under the touchpoints, added, named, ordered and shown.

A list of the map's lanes top to bottom, each with a box that shows or hides it.  Drag
a lane (or Alt+Up/Alt+Down) to move it, double-click or F2 to rename it, Delete to
remove it; Add offers every kind of lane and the whole service blueprint at once.
Every change is one undo step; the list follows the model, so an undo shows here too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMenu, QPushButton, QToolButton,
                               QVBoxLayout, QWidget)

from ...commands.lanes import (AddLanesCommand, MoveLaneCommand, RemoveLaneCommand,
                               RenameLaneCommand, ShowLaneCommand)
from ...model import Event
from ...model import schema as S
from ...model.lane_edits import EMOTION_LANE_ID
from ..document.document import Document

ID_ROLE = Qt.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("Lanes", text)


def kind_label(kind: str) -> str:
    """A lane kind in the interface's language (the panel is chrome, not the map)."""
    return {
        "physical_evidence": tr("Physical evidence"),
        "customer_actions": tr("Customer actions"),
        "frontstage": tr("Frontstage"),
        "backstage": tr("Backstage"),
        "support": tr("Support processes"),
        "text": tr("Text lane"),
        "image": tr("Pictures"),
        "emotion": tr("Emotion"),
    }.get(kind, kind)


def add_lane_actions(parent, push) -> list[QAction]:
    """The actions that add lanes, for the panel's Add button and the Lanes menu:
    ``push(lanes)`` adds ``[(kind, title), ...]`` as one step."""
    whole = QAction(tr("Whole Service Blueprint"), parent)
    whole.setStatusTip(tr("Adds the five blueprint lanes, from physical evidence to "
                          "support processes."))
    whole.triggered.connect(lambda: push([(kind, "") for kind in S.BLUEPRINT_LANES]))
    actions = [whole]
    for kind in (*S.BLUEPRINT_LANES, "text", "image"):
        action = QAction(kind_label(kind) + ("…" if kind == "text" else ""), parent)
        action.triggered.connect(lambda _=False, k=kind: push([(k, "")]))
        actions.append(action)
    return actions


class LanesPanel(QWidget):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Lanes"))
        self.list.setDragDropMode(QAbstractItemView.InternalMove)
        self.list.setEditTriggers(QAbstractItemView.DoubleClicked
                                  | QAbstractItemView.EditKeyPressed)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.model().rowsMoved.connect(self._on_rows_moved)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.add_button = QToolButton()
        self.add_button.setText(tr("Add"))
        self.add_button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self.add_button)
        self.add_actions = add_lane_actions(self, self._add)
        menu.addAction(self.add_actions[0])
        menu.addSeparator()
        menu.addActions(self.add_actions[1:])
        self.add_button.setMenu(menu)
        self.up_button = QPushButton(tr("Up"))
        self.up_button.setToolTip(tr("Move the lane up (Alt+Up)"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(tr("Down"))
        self.down_button.setToolTip(tr("Move the lane down (Alt+Down)"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        for text, keys, slot in ((tr("Move Lane Up"), "Alt+Up", lambda: self.move_current(-1)),
                                 (tr("Move Lane Down"), "Alt+Down",
                                  lambda: self.move_current(1)),
                                 (tr("Remove Lane"), QKeySequence.Delete, self.remove_current)):
            action = QAction(text, self.list)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.WidgetShortcut)
            action.triggered.connect(slot)
            self.list.addAction(action)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(tr("Lanes under the touchpoints, top to bottom:")))
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        self._filling = False
        document.journey.events.subscribe("journey_changed", self._on_journey_changed)
        self.refresh()

    def detach(self) -> None:
        self.document.journey.events.unsubscribe(self._on_journey_changed)

    @property
    def journey(self):
        return self.document.journey

    def current_lane(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    # -------------------------------------------------------------- actions
    def _add(self, lanes: list[tuple[str, str]]) -> None:
        command = AddLanesCommand(self.journey, lanes)
        if self.document.push(command):
            self._select(command.created)
            if lanes[0][0] == "text" and len(lanes) == 1:
                item = self.list.currentItem()
                if item is not None:  # a text lane is named by the user: ask at once
                    self.list.editItem(item)

    def move_current(self, step: int) -> None:
        lane = self.current_lane()
        if lane is None:
            return
        index = self.journey.lanes().index(lane) + step
        if 0 <= index < len(self.journey.lanes()):
            self.document.push(MoveLaneCommand(self.journey, lane, index))
            self._select(lane)

    def remove_current(self) -> None:
        lane = self.current_lane()
        if lane is None or lane == EMOTION_LANE_ID:
            return
        row = self.list.currentRow()
        self.document.push(RemoveLaneCommand(self.journey, lane))
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        journey = self.journey
        current = self.current_lane()
        self._filling = True
        try:
            self.list.clear()
            for lane in journey.lanes():
                info = journey.lane(lane)
                item = QListWidgetItem(info["title"] or kind_label(info["lane_kind"]))
                item.setData(ID_ROLE, lane)
                flags = (Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable
                         | Qt.ItemIsDragEnabled | Qt.ItemIsEditable)
                item.setFlags(flags)
                item.setCheckState(Qt.Unchecked if info["hidden"] else Qt.Checked)
                if info["title"]:
                    item.setToolTip(kind_label(info["lane_kind"]))
                self.list.addItem(item)
        finally:
            self._filling = False
        self._select(current)

    def _select(self, lane: str | None) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == lane:
                self.list.setCurrentRow(row)
                break
        self._update_buttons()

    def _update_buttons(self) -> None:
        lane = self.current_lane()
        self.remove_button.setEnabled(lane is not None and lane != EMOTION_LANE_ID)
        row, count = self.list.currentRow(), self.list.count()
        self.up_button.setEnabled(lane is not None and row > 0)
        self.down_button.setEnabled(lane is not None and row < count - 1)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        lane = item.data(ID_ROLE)
        info = self.journey.lane(lane)
        shown = item.checkState() == Qt.Checked
        if shown == info["hidden"]:
            self.document.push(ShowLaneCommand(self.journey, lane, shown))
            return
        title = item.text().strip()
        shown_name = info["title"] or kind_label(info["lane_kind"])
        if title != shown_name:
            # Cleared, or the kind's own name typed back: the lane keeps its usual name.
            new = "" if title in ("", kind_label(info["lane_kind"])) else title
            if new != info["title"]:
                self.document.push(RenameLaneCommand(self.journey, lane, new))
            else:
                QTimer.singleShot(0, self.refresh)  # show the usual name again

    def _on_rows_moved(self, *_args) -> None:
        if self._filling:
            return
        order = [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]
        lane = self.current_lane()
        moved = [n for n in order if order.index(n) != self.journey.lanes().index(n)]
        if lane not in moved and moved:
            lane = moved[0]
        if lane is not None and moved:
            # A drop is one move: put the dragged lane where it was dropped.
            QTimer.singleShot(0, lambda: self.document.push(
                MoveLaneCommand(self.journey, lane, order.index(lane))))

    def _on_journey_changed(self, event: Event) -> None:
        if any(getattr(op, "kind", None) == S.LANE for op in event.change.ops):
            self.refresh()
