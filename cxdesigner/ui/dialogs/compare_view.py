"""The Compare view: what changed between a snapshot and a later one (or the map now).

Two choices, From (a snapshot) and To (a later snapshot or the current map), and tabs
of what ``model/snapshots.compare`` found: NPS and CSAT per touchpoint with the change,
emotions that moved per persona, pain points and opportunities added and resolved,
actions completed, late and new, touchpoints added and removed.  It only reads the map.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from ...bidi import isolate
from ...model import JourneyMap
from ...model import metrics as M
from ...model import snapshots
from ..panels.feedback_rows import kind_names

CURRENT = "\0current"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("Compare", text, disambiguation, n)


def number(value: float | None, typed: bool = False, signed: bool = False) -> str:
    """A figure for a cell: "−12", "+5", "40 *" (typed by hand), or "—" for none,
    isolated so it reads left to right in either direction."""
    if value is None:
        return "—"
    text = f"{value:+.0f}" if signed and round(value) else f"{value:.0f}"
    # Isolated: in a right-to-left table a sign would otherwise move to the number's end.
    return isolate(text.replace("-", "−") + (" *" if typed else ""))


class CompareDialog(QDialog):
    def __init__(self, journey: JourneyMap, parent: QWidget | None = None,
                 today: _dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Compare with a Snapshot"))
        self.journey = journey
        self.today = today or _dt.date.today()
        self.comparison: snapshots.Comparison | None = None
        self.start = QComboBox()
        self.end = QComboBox()
        for shot in reversed(journey.snapshots()):  # the latest first
            self.start.addItem(self._name(shot), shot)
            self.end.addItem(self._name(shot), shot)
        self.end.insertItem(0, tr("The map now"), CURRENT)
        self.end.setCurrentIndex(0)
        choose = QFormLayout()
        choose.addRow(tr("From:"), self.start)
        choose.addRow(tr("To:"), self.end)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.PlainText)
        self.tabs = QTabWidget()
        self.scores = self._table((tr("Touchpoint"), tr("NPS before"), tr("NPS now"),
                                   tr("Change"), tr("CSAT before"), tr("CSAT now"),
                                   tr("Change")))
        self.emotions = self._table((tr("Touchpoint"), tr("Persona"), tr("Before"),
                                     tr("Now"), tr("Change")))
        self.notes = self._table((tr("Note"), tr("Kind"), tr("What happened")))
        self.actions = self._table((tr("Action"), tr("Due"), tr("What happened")))
        self.touchpoints = self._table((tr("Touchpoint"), tr("What happened")))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addLayout(choose)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        legend = QLabel(tr("* typed by hand, not measured from feedback"))
        legend.setEnabled(False)  # a quiet footnote
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self.start.currentIndexChanged.connect(self.refresh)
        self.end.currentIndexChanged.connect(self.refresh)
        self.resize(860, 560)
        self.refresh()

    def _name(self, shot: str) -> str:
        attrs = self.journey.get(shot)
        return f"{isolate(attrs['title'])} ({attrs['taken'][:10]})"

    @staticmethod
    def _table(headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        table.setWordWrap(False)
        return table

    # ------------------------------------------------------------ content
    def _record(self, choice: str | None):
        if choice == CURRENT:
            return snapshots.make_record(self.journey, M.compute(self.journey), self.today)
        return self.journey.get(choice)["record"]

    def refresh(self) -> None:
        start, end = self.start.currentData(), self.end.currentData()
        if start is None:
            self.summary.setText(tr("The map has no snapshot yet: take one with Review > "
                                    "Take Snapshot, and compare with it at the next review."))
            self.tabs.clear()
            return
        if end == start:
            self.summary.setText(tr("Choose two different moments to compare."))
            self.tabs.clear()
            return
        before, after = self._record(start), self._record(end)
        found = snapshots.compare(before, after)
        if (end != CURRENT and found.before_date and found.after_date
                and found.after_date < found.before_date):
            found = snapshots.compare(after, before)  # two snapshots: the earlier first
        self.comparison = found
        self._fill(found)

    def _fill(self, found: snapshots.Comparison) -> None:
        resolved, added = len(found.notes_resolved), len(found.notes_added)
        self.summary.setText(" · ".join((
            tr("From %1 to %2").replace("%1", str(found.before_date or "—")).replace(
                "%2", str(found.after_date or "—")),
            tr("Notes resolved: %n", None, resolved), tr("Notes added: %n", None, added),
            tr("Actions completed: %n", None, len(found.actions_completed)),
            tr("Actions late: %n", None, len(found.actions_late)))))
        self._rows(self.scores, [
            (s.title, number(s.nps_before, s.typed_before), number(s.nps_after, s.typed_after),
             number(s.nps_change, signed=True), number(s.csat_before, s.csat_typed_before),
             number(s.csat_after, s.csat_typed_after), number(s.csat_change, signed=True))
            for s in found.scores])
        self._rows(self.emotions, [
            (e.title, e.persona_title or tr("Any customer"), number(e.before, signed=True),
             number(e.after, signed=True), number(e.change, signed=True))
            for e in found.changed_emotions()])
        kinds = {**kind_names(), "pain_point": tr("Pain point")}
        self._rows(self.notes, [(n.title, kinds.get(n.kind, n.kind), tr("Added"))
                                for n in found.notes_added] +
                   [(n.title, kinds.get(n.kind, n.kind), tr("Resolved"))
                    for n in found.notes_resolved])
        self._rows(self.actions, [(a.title, a.detail or "—", what)
                                  for what, items in ((tr("Completed"), found.actions_completed),
                                                      (tr("Late"), found.actions_late),
                                                      (tr("New"), found.actions_new))
                                  for a in items])
        self._rows(self.touchpoints, [(t.title, tr("Added")) for t in found.touchpoints_added]
                   + [(t.title, tr("Removed")) for t in found.touchpoints_removed])
        self.tabs.clear()
        for table, name in ((self.scores, tr("NPS and CSAT")), (self.emotions, tr("Emotions")),
                            (self.notes, tr("Notes")), (self.actions, tr("Actions")),
                            (self.touchpoints, tr("Touchpoints"))):
            self.tabs.addTab(table, f"{name} ({table.rowCount()})")

    @staticmethod
    def _rows(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(isolate(text) if c == 0 else text)
                if c:
                    item.setTextAlignment(Qt.AlignCenter)
                table.setItem(r, c, item)
