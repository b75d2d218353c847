"""Reviews in the editor: the Review menu (take a snapshot, compare with one), and the
next review date in the status bar, marked when it is overdue.

The method reviews the map every 3 to 5 months (the map's ``review_months``): the date
follows the latest snapshot and the setting, edit by edit.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QLabel

from ..commands.feedback import TakeSnapshotCommand
from ..model import Event
from ..model import schema as S
from ..model import snapshots
from ..model.changes import SetDocument

_DATE_KEYS = frozenset({"review_months", "created"})  # what the next review follows


def tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


class Review(QObject):
    """The window's reviews: its menu, its actions and its status-bar date."""

    def __init__(self, window, today=_dt.date.today):
        super().__init__(window)
        self.window = window
        self.today = today  # a function, so a window open past midnight keeps up
        journey = window.document.journey
        self.journey = journey
        self.label = QLabel()
        self.label.setAccessibleName(tr("Next review"))
        window.statusBar().addPermanentWidget(self.label)
        menu = window.menuBar().addMenu(tr("&Review"))
        window.menuBar().insertMenu(window.view_menu.menuAction(), menu)  # before View
        self.menu = menu
        self.take_action = menu.addAction(tr("&Take Snapshot…"))
        self.take_action.setStatusTip(tr("Keep the map as it is today, to compare with at "
                                         "the next review"))
        self.take_action.triggered.connect(lambda: self.take_snapshot())
        self.compare_action = menu.addAction(tr("&Compare with Snapshot…"))
        self.compare_action.setStatusTip(tr("What changed since a snapshot: NPS, CSAT, "
                                            "emotions, notes and actions"))
        self.compare_action.triggered.connect(self.compare)
        journey.events.subscribe("journey_changed", self._on_journey_changed)
        self.refresh()

    def detach(self) -> None:
        self.journey.events.unsubscribe(self._on_journey_changed)

    # ------------------------------------------------------------ actions
    def take_snapshot(self, name: str | None = None) -> str | None:
        """Take a snapshot (asking for its name); its id, or None."""
        if name is None:
            default = tr("Review %1").replace("%1", self.today().isoformat())
            name, ok = QInputDialog.getText(self.window, tr("Take Snapshot"),
                                            tr("Name of the snapshot:"), text=default)
            if not ok:
                return None
        if not name.strip():
            self.window.document.edit_refused.emit(tr("A snapshot needs a name."))
            return None
        command = TakeSnapshotCommand(self.journey, name.strip())
        if not self.window.document.push(command):
            return None
        self.window.statusBar().showMessage(
            tr("Snapshot “%1” taken; the next review is due on %2.").replace(
                "%1", name.strip()).replace("%2", self.next_review().isoformat()), 8000)
        return command.created

    def compare(self) -> None:
        from .dialogs.compare_view import CompareDialog

        dialog = CompareDialog(self.journey, self.window, self.today())
        dialog.open()
        self.dialog = dialog  # kept for tests and so it is not collected while open

    # ----------------------------------------------------------- the date
    def next_review(self) -> _dt.date:
        return snapshots.next_review(self.journey, self.today())

    def refresh(self) -> None:
        today = self.today()
        due = snapshots.next_review(self.journey, today)
        self.compare_action.setEnabled(bool(self.journey.snapshots()))
        if due < today:
            self.label.setText(tr("Review overdue since %1").replace("%1", due.isoformat()))
            self.label.setStyleSheet("color: #c62828; font-weight: bold")
        else:
            self.label.setText(tr("Next review: %1").replace("%1", due.isoformat()))
            self.label.setStyleSheet("")

    def _on_journey_changed(self, event: Event) -> None:
        # O(ops): only a snapshot or the map's details move the date.
        for op in event.change.ops:
            if getattr(op, "kind", None) == S.SNAPSHOT or (
                    type(op) is SetDocument and _DATE_KEYS & op.new.keys()):
                self.refresh()
                return
