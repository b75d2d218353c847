"""The Plan tab's rows: what a shown note or stage row keeps, the tree that makes its
note tooltips when hovered, and the words of a score."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QMenu, QToolTip, QTreeWidget, QTreeWidgetItem

from ...model import plan
from .action_common import ROLE_ID, ROLE_KEY, ROLE_KIND, all_items, tr


class _Row:
    """A note's row as shown: its node, and the number and score its texts show (the
    node's own change in place at the next ``plan()``)."""

    __slots__ = ("item", "node", "number", "score")

    def __init__(self, node: plan.Node, item: QTreeWidgetItem):
        self.node, self.item, self.number, self.score = node, item, node.number, node.score


class _Branch:
    """A stage's row as shown: its node, the number it shows, its notes in order, and
    whether its notes' rows are made (``filled``): a folded branch of a large plan
    makes them when first opened."""

    __slots__ = ("filled", "item", "node", "notes", "number")

    def __init__(self, node: plan.Node, item: QTreeWidgetItem):
        self.node, self.item, self.number = node, item, node.number
        self.notes: list[str] = []
        self.filled = True


def _new_item(node: plan.Node, key: tuple) -> QTreeWidgetItem:
    item = QTreeWidgetItem()
    item.setData(0, ROLE_ID, node.id)
    item.setData(0, ROLE_KIND, node.kind)
    item.setData(0, ROLE_KEY, key)
    return item


class _PlanTree(QTreeWidget):
    """The plan's tree, whose note rows make their tooltip when one is asked for: it
    names the note's rank, and one note in or out re-ranks thousands of rows."""

    def __init__(self, tip: Callable[[QTreeWidgetItem], str | None]):
        super().__init__()
        self._tip = tip

    def viewportEvent(self, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.ToolTip:
            item = self.itemAt(event.pos())
            tip = self._tip(item) if item is not None else None
            if tip is not None:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
                return True
        return super().viewportEvent(event)


def method_label(method: str) -> str:
    return {"impact_effort": tr("impact ÷ effort"), "ice": tr("ICE"), "rice": tr("RICE"),
            "votes": tr("votes"), "weighted": tr("weighted score")}.get(method, method)


def format_score(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _UsingRows:
    """What a click, a double click or the context menu does with a plan row (a mixin
    of ``PlanView``: needs its ``tree``, ``journey``, ``lazy``, ``select_callback``,
    signals and ``_fill``)."""

    def item_for(self, kind: str, element: str) -> QTreeWidgetItem | None:
        """The first row showing an element (an action may show under several notes)."""
        self.lazy.flush()
        for shown in list(self._branches.values()):
            self._fill(shown)
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
