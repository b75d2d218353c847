"""The action trees' dock: the derived prioritised plan, and the editable actions.

Two tabs over one document (method steps 5 to 7 of the domain):

* **Plan** (``plan_view``): read-only, derived from the map as it changes (kept by a
  ``plan.PlanIndex``, its rows patched where an edit changed them).
* **Actions** (``actions_view``): the actions as the user arranges them, with every
  field editable below the tree (``action_tree``, ``action_details``).

Every edit is one undoable command pushed on the document; the trees only follow the
model's events (``action_common`` holds what they share).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...model import schema as S
from .action_common import SelectCallback, tr
from .actions_view import ActionsView
from ..document.document import Document
from .plan_view import PlanView


class ActionTreePanel(QWidget):
    """The two action trees in tabs, for a dock.

    ``select_callback(ids)`` shows elements on the canvas (the window passes the
    scene's ``select_ids``).  The window tells the panel what is selected on the
    canvas with ``set_selection(ids)`` (for "Address This" and "Link Selected Note").
    """

    def __init__(self, document: Document, select_callback: SelectCallback,
                 parent: QWidget | None = None, *,
                 today: Callable[[], _dt.date] = _dt.date.today):
        super().__init__(parent)
        self.document = document
        self.plan_view = PlanView(document, select_callback, today)
        self.actions_view = ActionsView(document, select_callback, today)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.plan_view, tr("Plan"))
        self.tabs.addTab(self.actions_view, tr("Actions"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs)
        self.plan_view.address_requested.connect(lambda note: self.address_notes([note]))
        self.plan_view.action_requested.connect(self.show_action)
        self.setMinimumSize(QSize(320, 240))

    def detach(self) -> None:
        self.plan_view.detach()
        self.actions_view.detach()

    def set_selection(self, ids: list[str]) -> None:
        """The canvas's selection (connect ``scene.selectionChanged`` to this)."""
        journey = self.document.journey
        notes = [i for i in ids if i in journey and journey.kind_of(i) == S.NOTE]
        self.actions_view.set_canvas_notes(notes)

    def address_notes(self, notes: list[str]) -> str | None:
        """Create an action addressing the notes and open its title for typing."""
        self.tabs.setCurrentWidget(self.actions_view)
        return self.actions_view.create_action(None, list(notes), tr("Address Note"))

    def show_action(self, action: str, edit_title: bool = False) -> None:
        """Show an action in the Actions tab (say, one just made with A on the canvas)."""
        self.tabs.setCurrentWidget(self.actions_view)
        self.actions_view.show_action(action, edit_title)

    def refresh(self) -> None:
        self.plan_view.refresh()
        self.actions_view.refresh()
