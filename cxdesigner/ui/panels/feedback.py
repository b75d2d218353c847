"""The Feedback panel: what customers wrote, sorted into the map.

A table of the map's feedback items (date, touchpoint, NPS, CSAT, source, text) with
filters by touchpoint (or those still unmatched), source, score and words.  The user
assigns the selected items to a touchpoint (the likeliest ones are offered first, when
a suggester is given) and turns them into a pain point, opportunity or insight that
cites them as its evidence.  Every change is one undo step; the table follows the model
and updates only while it is seen (``LazyPanel``), when the feedback changed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QLineEdit, QMenu, QPlainTextEdit,
                               QSplitter, QTableView, QToolButton, QVBoxLayout, QWidget)

from ...bidi import isolate
from ...commands import RemoveElementsCommand
from ...commands.feedback import AssignFeedbackCommand, NoteFromFeedbackCommand
from ...model import Event
from ...model import schema as S
from ...model.metrics import parse_date
from ..document.document import Document
from .action_common import map_direction
from .feedback_rows import (DATE, UNMATCHED, FeedbackRows, item_text, kind_names,
                            source_label, sources)
from .lazy_panel import LazyPanel

# suggest(text) -> [(touchpoint id, why)], best first: the window gives
# model/matching.Suggester.
Suggester = Callable[[str], list[tuple[str, str]]]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call, so that lupdate sees the plural.
    return QCoreApplication.translate("Feedback", text, disambiguation, n)


MAX_PATCH = 2000  # items touched at once past which filtering them all again is cheaper


class LazyCombo(QComboBox):
    """A filter's list, made again only when it is opened after it went stale (a map's
    5,000 touchpoints are not listed again for each edit); the choice is kept."""

    def __init__(self, entries: Callable[[], list[tuple[str, object]]]):
        super().__init__()
        self.entries = entries
        self.stale = True

    def refill(self) -> None:
        self.stale = False
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        for name, key in self.entries():
            self.addItem(name, key)
        self.setCurrentIndex(max(self.findData(chosen), 0))
        self.blockSignals(False)
        if self.currentData() != chosen:  # the chosen one is gone: filter again
            self.currentIndexChanged.emit(self.currentIndex())

    def showPopup(self) -> None:  # Qt's name
        if self.stale:
            self.refill()
        super().showPopup()


class FeedbackPanel(QWidget):
    def __init__(self, document: Document, show: Callable[[list[str]], None] | None = None,
                 suggester: Suggester | None = None, parent=None):
        super().__init__(parent)
        self.document = document
        self.show_elements = show  # selects a new note on the canvas and in the inspector
        self.journey = journey = document.journey
        self.suggester = suggester
        self.rows = FeedbackRows(journey, self)
        self.lazy = LazyPanel(self, self._catch_up)
        # What the edits since the last catch-up touched: items to patch in the table,
        # or (past MAX_PATCH of them, or at first) the whole table to filter again.
        self._touched: set[str] = set()
        self._refilter_due = True
        self._renamed = False  # a touchpoint's title: its items' rows repaint
        self._suggested: str | None = None  # the item whose suggestions are shown

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Filter by words"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Filter feedback by words"))
        self.touchpoint = LazyCombo(self._touchpoint_entries)
        self.touchpoint.setAccessibleName(tr("Filter feedback by touchpoint"))
        self.source = LazyCombo(self._source_entries)
        self.source.setAccessibleName(tr("Filter feedback by source"))
        self.score = QComboBox()
        self.score.setAccessibleName(tr("Filter feedback by score"))
        for key, name in ((None, tr("Any score")), ("promoters", tr("Promoters (9–10)")),
                          ("passives", tr("Passives (7–8)")),
                          ("detractors", tr("Detractors (0–6)")),
                          ("unhappy", tr("Dissatisfied (CSAT 1–2)")),
                          ("unscored", tr("No score"))):
            self.score.addItem(name, key)
        # A period, as the metrics command takes it: the count gives its NPS and CSAT.
        self.first_day, self.last_day = QLineEdit(), QLineEdit()
        for edit, hint, name in ((self.first_day, tr("From YYYY-MM-DD"),
                                  tr("Feedback dated on or after")),
                                 (self.last_day, tr("To YYYY-MM-DD"),
                                  tr("Feedback dated on or before"))):
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(name)
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(130)
        self.count = QLabel()
        filters = QHBoxLayout()
        for widget in (self.search, self.touchpoint, self.source, self.score, self.first_day,
                       self.last_day):
            filters.addWidget(widget, 1 if widget is not self.search else 2)
        filters.addWidget(self.count)

        self.table = QTableView()
        self.table.setModel(self.rows)
        self.table.setAccessibleName(tr("Feedback items"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.Interactive)
        for column, width in enumerate((90, 170, 44, 44, 80)):
            self.table.setColumnWidth(column, width)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(tr("The chosen feedback item"))
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextFormat(Qt.PlainText)

        self.assign_button = QToolButton()
        self.assign_button.setText(tr("Assign to Touchpoint"))
        self.assign_button.setPopupMode(QToolButton.InstantPopup)
        self.assign_menu = QMenu(self.assign_button)
        self.assign_menu.aboutToShow.connect(self._fill_assign_menu)
        self.assign_button.setMenu(self.assign_menu)
        self.note_button = QToolButton()
        self.note_button.setText(tr("Make Note"))
        self.note_button.setPopupMode(QToolButton.InstantPopup)
        notes = QMenu(self.note_button)
        for kind, name in kind_names().items():
            action = notes.addAction(name + "…")
            action.triggered.connect(lambda _=False, k=kind: self.make_note(k))
        self.note_button.setMenu(notes)
        self.delete_action = QAction(tr("Delete Feedback"), self)
        self.delete_action.setShortcut(QKeySequence.Delete)
        self.delete_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.note_button)
        buttons.addStretch(1)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.detail, 1)
        side_layout.addWidget(self.suggestion)
        side_layout.addLayout(buttons)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

        self.search.textChanged.connect(self._refilter)
        self.first_day.textChanged.connect(self._refilter)
        self.last_day.textChanged.connect(self._refilter)
        for combo in (self.touchpoint, self.source, self.score):
            combo.currentIndexChanged.connect(self._refilter)
        # Until first opened, a filter lists only its "all" entries (and Unmatched): a
        # map of 5,000 touchpoints opens without listing them.
        self.touchpoint.addItem(tr("All touchpoints"), None)
        self.touchpoint.addItem(tr("Unmatched"), UNMATCHED)
        self.source.addItem(tr("All sources"), None)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        journey.events.subscribe("journey_changed", self._on_journey_changed)
        self._on_selection_changed()

    def detach(self) -> None:
        self.journey.events.unsubscribe(self._on_journey_changed)

    # ------------------------------------------------------------ reading
    def selected_items(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [item for item in map(self.rows.item_at, rows) if item in self.journey]

    def select(self, items: list[str]) -> None:
        """Select these items (those the filters show)."""
        model = self.table.selectionModel()
        model.clearSelection()
        for item in items:
            row = self.rows.row_of(item)
            if row >= 0:
                model.select(self.rows.index(row, 0), QItemSelectionModel.Select
                             | QItemSelectionModel.Rows)
                model.setCurrentIndex(self.rows.index(row, 0), QItemSelectionModel.NoUpdate)

    # ------------------------------------------------------------- editing
    def assign(self, touchpoint: str | None, items: list[str] | None = None) -> bool:
        items = self.selected_items() if items is None else items
        if not items:
            return False
        return self.document.push(AssignFeedbackCommand(self.journey, items, touchpoint))

    def make_note(self, note_kind: str, title: str | None = None) -> str | None:
        """A note of ``note_kind`` citing the selected items; asks for its title."""
        items = self.selected_items()
        if not items:
            return None
        if title is None:
            first = self.journey.get(items[0])
            guess = (first["title"] or item_text(first))[:80]
            title, ok = QInputDialog.getText(
                self, kind_names()[note_kind],
                tr("Title of the note (feedback items cited: %n):", None, len(items)),
                text=guess)
            if not ok or not title.strip():
                return None
        command = NoteFromFeedbackCommand(self.journey, items, note_kind, title.strip())
        if not self.document.push(command):
            return None
        if self.show_elements is not None:
            self.show_elements([command.created])
        return command.created

    def delete_selected(self) -> bool:
        items = self.selected_items()
        return bool(items) and self.document.push(RemoveElementsCommand(self.journey, items))

    # ----------------------------------------------------------- following
    def _on_journey_changed(self, event: Event) -> None:
        # O(ops): what to patch is kept until the panel is seen and the loop turns.
        touched = self._touched
        for op in event.change.ops:
            kind = getattr(op, "kind", None)
            if kind == S.FEEDBACK:
                touched.add(op.id)
            elif kind == S.CONCERNS:
                touched.add(op.source)
            elif kind in (S.TOUCHPOINT, S.STAGE):
                # Touchpoints name the rows and fill the touchpoint filter.
                self.touchpoint.stale = True
                self._renamed = True
            elif kind != S.CITES:  # a note's evidence shows in the chosen item only
                continue
            self.lazy.mark_stale()
        if len(touched) > MAX_PATCH:
            touched.clear()
            self._refilter_due = True

    def _catch_up(self) -> None:
        self.setLayoutDirection(map_direction(self.journey))
        self.source.stale = True  # read again only when its list is opened
        if self._refilter_due:
            self._refilter()
            return
        chosen = self.selected_items()
        touched, self._touched = self._touched, set()
        if self._renamed:
            self._renamed = False
            self.rows.touchpoints_renamed()
        self.rows.patch(touched)
        self._after_rows_changed(chosen)

    def _touchpoint_entries(self) -> list[tuple[str, str | None]]:
        journey = self.journey
        return [(tr("All touchpoints"), None), (tr("Unmatched"), UNMATCHED)] + [
            (isolate(journey.title(tp) or tr("Untitled touchpoint")), tp)
            for tp in journey.journey_order()]

    def _source_entries(self) -> list[tuple[str, str | None]]:
        return [(tr("All sources"), None)] + [(isolate(source_label(s)), s)
                                             for s in sources(self.journey)]

    def _refilter(self) -> None:
        self._refilter_due = False
        self._touched.clear()
        chosen = self.selected_items()
        tp = self.touchpoint.currentData()
        if tp is not None and tp != UNMATCHED and tp not in self.journey:
            tp = None
        self.rows.refilter(tp, self.source.currentData(), self.score.currentData(),
                           self.search.text(), self._dates())
        self._after_rows_changed(chosen)

    def _dates(self) -> tuple[_dt.date | None, _dt.date | None]:
        """The period typed; a box holding something that is not a date says so in red
        and filters nothing until it is one."""
        days = []
        for edit in (self.first_day, self.last_day):
            text, day = edit.text().strip(), None
            if text:
                try:
                    day = parse_date(text, "")
                except ValueError:
                    day = None
            bad = bool(text) and day is None
            edit.setStyleSheet("color: #c62828" if bad else "")
            edit.setToolTip(tr("Write a date as YYYY-MM-DD, for example 2026-03-31.")
                            if bad else "")
            days.append(day)
        return days[0], days[1]

    def _after_rows_changed(self, chosen: list[str]) -> None:
        parts = [tr("%1 of %2").replace("%1", f"{len(self.rows.ids):,}").replace(
            "%2", f"{self.journey.count(S.FEEDBACK):,}")]
        tally = self.rows.tally  # the shown rows' figures: the filter's NPS and CSAT
        if tally.nps_answers:
            nps = round(tally.nps)
            parts.append(tr("NPS %1").replace("%1", f"{nps:+d}".replace("-", "−") if nps
                                               else "0"))
        if tally.csat_answers:
            parts.append(tr("CSAT %1%").replace("%1", f"{tally.csat:.0f}"))
        self.count.setText(isolate(" · ".join(parts)))
        if chosen != self.selected_items():
            self.select(chosen)
        self._on_selection_changed()

    def _on_selection_changed(self, *_args) -> None:
        items = self.selected_items()
        self.assign_button.setEnabled(bool(items))
        self.note_button.setEnabled(bool(items))
        self.delete_action.setEnabled(bool(items))
        index = self.table.currentIndex()
        current = self.rows.item_at(index.row()) if index.isValid() else None
        if current not in self.journey:
            self._suggested = None
            self.detail.setPlainText("")
            self.suggestion.setText("")
            return
        self.detail.setPlainText(self._describe(current))
        if self.journey.touchpoint_of_item(current) is not None:
            self._suggested = None
            self.suggestion.setText("")
        elif current != self._suggested:
            # Only when another item is chosen: the suggester's index is made again
            # after the map changes (0.5 s at 5,000 touchpoints), which a card dragged
            # while the panel shows must not wait for.
            self._suggested = current
            self.suggestion.setText(self._suggestion_text(current))

    def _describe(self, item: str) -> str:
        attrs = self.journey.get(item)
        lines = [attrs["title"]] if attrs["title"] else []
        lines.append(attrs["description"])
        facts = [f"{tr('Date')}: {attrs['date'] or '—'}", f"{tr('Source')}: {source_label(attrs['source'])}"]
        if attrs["channel"]:
            facts.append(f"{tr('Channel')}: {attrs['channel']}")
        facts += [f"{name}: {value}" for name, value in attrs["fields"].items()]
        if attrs["masked"]:
            facts.append(tr("Personal data masked: %n", None, attrs["masked"]))
        notes = self.journey.citing_notes(item)
        if notes:
            facts.append(tr("Evidence for: %1").replace(
                "%1", ", ".join(isolate(self.journey.title(n)) for n in notes)))
        return "\n".join(lines + [""] + facts)

    def suggestions(self, item: str) -> list[tuple[str, str]]:
        if self.suggester is None:
            return []
        attrs = self.journey.get(item)
        return [(tp, why) for tp, why in self.suggester(item_text(attrs))
                if tp in self.journey][:3]

    def _suggestion_text(self, item: str) -> str:
        if self.journey.touchpoint_of_item(item) is not None:
            return ""
        found = self.suggestions(item)
        if not found:
            return tr("Not matched to a touchpoint yet.")
        names = [f"{isolate(self.journey.title(tp))} ({why})" for tp, why in found]
        return tr("Likeliest touchpoints: %1").replace("%1", "; ".join(names))

    def _fill_assign_menu(self) -> None:
        menu = self.assign_menu
        menu.clear()
        items = self.selected_items()
        if not items:
            return
        journey = self.journey
        for tp, why in self.suggestions(items[0]) if len(items) == 1 else []:
            action = menu.addAction(tr("%1 (suggested)").replace(
                "%1", isolate(journey.title(tp) or tr("Untitled touchpoint"))))
            action.setToolTip(why)
            action.triggered.connect(lambda _=False, t=tp: self.assign(t))
        if not menu.isEmpty():
            menu.addSeparator()
        choose = menu.addAction(tr("Choose Touchpoint…"))
        choose.triggered.connect(self._choose_touchpoint)
        unmatch = menu.addAction(tr("Unmatched"))
        unmatch.triggered.connect(lambda: self.assign(None))

    def _choose_touchpoint(self) -> None:
        journey = self.journey
        order = journey.journey_order()
        if not order:
            self.document.edit_refused.emit(tr("The map has no touchpoint yet."))
            return
        names = [f"{i}. {journey.title(tp) or tr('Untitled touchpoint')}"
                 for i, tp in enumerate(order, 1)]
        name, ok = QInputDialog.getItem(self, tr("Assign to Touchpoint"),
                                        tr("Touchpoint:"), names, 0, False)
        if ok:
            self.assign(order[names.index(name)])
