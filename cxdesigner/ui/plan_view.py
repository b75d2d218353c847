"""The Plan tab: the derived prioritised action tree, read-only.

Derived by ``model.plan.derive`` every time the map changes (method steps 5 to 7 of
the domain): goal, stages, their pain points and opportunities best ranked first, the
actions addressing each and their sub-actions, numbered 1, 1.1, 1.1.1.  A click shows
the row's notes on the canvas; a double click on an action opens it in the Actions tab.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QMenu, QStyle,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..canvas import labels
from ..model import Event, plan
from .action_common import (ROLE_ID, ROLE_KEY, ROLE_KIND, SelectCallback, _Follower,
                            _TreeState, affects_actions, all_items, flag_text,
                            format_date, map_direction, mark_flags, note_icon, tr)
from .document import Document


def method_label(method: str) -> str:
    return {"impact_effort": tr("impact ÷ effort"), "ice": tr("ICE"), "rice": tr("RICE"),
            "votes": tr("votes"), "weighted": tr("weighted score")}.get(method, method)


def format_score(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


class PlanView(QWidget, _Follower):
    """The derived prioritised action tree, read-only."""

    address_requested = Signal(str)  # a note: make an action for it
    action_requested = Signal(str)  # an action: edit it in the Actions tab

    COLUMNS = 5

    def __init__(self, document: Document, select_callback: SelectCallback,
                 today: Callable[[], _dt.date] = _dt.date.today,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.select_callback = select_callback
        self.today = today
        self.plan: plan.Plan | None = None
        self._words: dict = {}
        self.goal = QLabel()
        self.goal.setWordWrap(True)
        self.goal.setTextFormat(Qt.PlainText)
        self.method = QLabel()
        font = QFont(self.method.font())
        font.setItalic(True)
        self.method.setFont(font)
        self.hint = QLabel(tr("No pain points or opportunities yet: add them on the "
                              "canvas (P, O), then plan actions for them."))
        self.hint.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(self.COLUMNS)
        self.tree.setHeaderLabels([tr("Plan"), tr("Score"), tr("Owner"), tr("Due"),
                                   tr("Status")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemClicked.connect(self._show_on_canvas)
        # Double click, not "activated": on desktops where one click activates, a click
        # must only show the note, not jump to the other tab.
        self.tree.itemDoubleClicked.connect(self._activated)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in range(1, self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.state = _TreeState(self.tree)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.goal)
        column.addWidget(self.method)
        column.addWidget(self.hint)
        column.addWidget(self.tree, 1)
        self._init_follower(self, self.rebuild)
        document.journey.events.subscribe("journey_changed", self._on_journey_changed)

    def detach(self) -> None:
        self.document.journey.events.unsubscribe(self._on_journey_changed)

    @property
    def journey(self):
        return self.document.journey

    def _on_journey_changed(self, event: Event) -> None:
        if affects_actions(event.change):
            self.schedule()  # O(1): derived once the loop turns, and only while seen

    # ------------------------------------------------------------- building
    def rebuild(self) -> None:
        journey = self.journey
        current = self.tree.currentItem()
        current_key = current.data(0, ROLE_KEY) if current else None
        scroll = self.tree.verticalScrollBar().value()
        self.setLayoutDirection(map_direction(journey))
        self.plan = derived = plan.derive(journey, today=self.today())
        goal = derived.goal.strip()
        self.goal.setText(tr("Goal: %1").replace("%1", goal) if goal
                          else tr("No goal yet: set it in the map details."))
        self.method.setText(tr("Ranked by %1").replace("%1", method_label(derived.method)))
        self.hint.setVisible(not derived.branches)
        self.tree.setUpdatesEnabled(False)
        # Words and brushes shared by thousands of rows, looked up once per rebuild.
        self._words: dict = {}
        try:
            self.tree.clear()
            style = self.style()
            for branch in derived.branches:
                self.tree.addTopLevelItem(self._item(branch, (), style))
            items = all_items(self.tree)
            self.state.apply(items)
            for item in items:
                if current_key is not None and item.data(0, ROLE_KEY) == current_key:
                    self.tree.setCurrentItem(item)
                    break
        finally:
            self.tree.setUpdatesEnabled(True)
        self.tree.verticalScrollBar().setValue(scroll)

    def _item(self, node: plan.Node, parent_key: tuple, style: QStyle) -> QTreeWidgetItem:
        journey = self.journey
        key = parent_key + (node.kind, node.id)
        item = QTreeWidgetItem()
        item.setData(0, ROLE_ID, node.id)
        item.setData(0, ROLE_KIND, node.kind)
        item.setData(0, ROLE_KEY, key)
        if node.kind == "stage":
            title = node.title or (tr("Whole journey") if node.id is None
                                   else labels.tr("Untitled stage"))
            item.setText(0, f"{node.number}  {title}")
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        elif node.kind == "note":
            attrs = journey.get(node.id)
            kind = attrs["note_kind"]
            kind_name = self._word(kind, labels.note_kind_label)
            item.setIcon(0, note_icon(kind))
            item.setText(0, f"{node.number}  {node.title or self._word('Untitled note', tr)}")
            score = node.score
            item.setText(1, format_score(score.value))
            item.setTextAlignment(1, Qt.AlignRight | Qt.AlignVCenter)
            tip = [kind_name, self._word("Rank %1", tr).replace("%1", str(score.rank)),
                   self._word("Score: %1", tr).replace("%1", score.formula)]
            tip += list(score.flags)
            for column in range(self.COLUMNS):
                item.setToolTip(column, "\n".join(tip))
            item.setText(4, kind_name)
            item.setForeground(4, self._word(
                "placeholder", lambda _: QBrush(self.palette().placeholderText().color())))
        else:
            attrs = journey.get(node.id)
            untitled = self._word("Untitled action", tr)
            item.setText(0, f"{node.number}  {node.title or untitled}")
            item.setToolTip(0, node.title)  # the column is narrow in a dock
            item.setText(2, attrs["owner"])
            item.setText(3, format_date(attrs["due"]))
            status = self._word(("status", attrs["status"]),
                                lambda key: labels.status_label(key[1]))
            flags = flag_text(node.overdue, node.review_due)
            item.setText(4, f"{status} · {flags}" if flags else status)
            mark_flags(item, style, node.overdue, node.review_due, range(self.COLUMNS))
        for child in node.children:
            item.addChild(self._item(child, key, style))
        return item

    def _word(self, key, make):
        word = self._words.get(key)
        if word is None:
            word = self._words[key] = make(key)
        return word

    # ------------------------------------------------------------- using
    def item_for(self, kind: str, element: str) -> QTreeWidgetItem | None:
        """The first row showing an element (an action may show under several notes)."""
        self.lazy.flush()
        for item in all_items(self.tree):
            if item.data(0, ROLE_KIND) == kind and item.data(0, ROLE_ID) == element:
                return item
        return None

    def _show_on_canvas(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind, element = item.data(0, ROLE_KIND), item.data(0, ROLE_ID)
        if element is None or element not in self.journey:
            return
        if kind == "action":
            notes = self.journey.addressed_by(element)
            if notes:
                self.select_callback(notes)
        else:
            self.select_callback([element])

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, ROLE_KIND) == "action":
            self.action_requested.emit(item.data(0, ROLE_ID))
        else:
            self._show_on_canvas(item)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        kind, element = item.data(0, ROLE_KIND), item.data(0, ROLE_ID)
        menu = QMenu(self)
        if kind == "note":
            menu.addAction(tr("Address This…"), lambda: self.address_requested.emit(element))
            menu.addAction(tr("Show on Canvas"), lambda: self._show_on_canvas(item))
        elif kind == "action":
            menu.addAction(tr("Edit Action"), lambda: self.action_requested.emit(element))
            menu.addAction(tr("Show Its Notes on Canvas"), lambda: self._show_on_canvas(item))
        else:
            return
        menu.exec(self.tree.viewport().mapToGlobal(pos))
