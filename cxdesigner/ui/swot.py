"""The SWOT board: strengths, weaknesses, opportunities and threats of the journey.

Which notes show where (a decision, kept here and in the quadrants' tooltips):

* Strengths, Opportunities and Threats show notes of that kind;
* Weaknesses shows weaknesses *and pain points*: a pain point is a weakness as the
  customer feels it, and a SWOT without them would miss the map's main findings.
  Its card keeps the pain point's colour and letter, so the two stay apart;
* insights are findings, not a SWOT category, and stay off the board.

Dropping notes on a quadrant gives them that quadrant's kind, except that a pain point
dropped on Weaknesses stays a pain point (it already belongs there).  A drop is one
undo step however many notes it carries.  The filter narrows the board to one stage
(its own notes and those about its touchpoints) or one touchpoint; a note added with
a quadrant's "+" is about whatever the filter shows (the whole map, the stage, the
touchpoint).  The board reads the model and follows its events; it changes it only
through commands pushed on the document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QHBoxLayout, QLabel,
                               QVBoxLayout, QWidget)

from ..canvas import labels
from ..commands import AddNoteCommand, EditFieldsCommand, GroupCommand, RenameCommand
from ..model import Event
from ..model import schema as S
from ..model.changes import SetDocument, SetStageOrder
from .document import Document
from .lazy_panel import LazyPanel
from .swot_cards import ID_ROLE, Quadrant, Row

SelectCallback = Callable[[list[str]], None]
QUADRANTS = ("strength", "weakness", "opportunity", "threat")  # reading order, 2 x 2
SHOWN = {"strength": ("strength",), "weakness": ("weakness", "pain_point"),
         "opportunity": ("opportunity",), "threat": ("threat",)}
_RELEVANT = {S.NOTE, S.STAGE, S.TOUCHPOINT, S.ABOUT, S.IN_STAGE}


def tr(text: str) -> str:
    return QCoreApplication.translate("SwotBoard", text)


def kind_after_drop(current: str, quadrant: str) -> str:
    """The kind a note takes when dropped on a quadrant."""
    return current if current in SHOWN[quadrant] else quadrant


class SwotBoard(QWidget):
    """The SWOT 2x2 as a widget to dock.  ``select_callback(ids)`` is called when the
    user picks notes here; ``show_selection(ids)`` mirrors a selection made elsewhere
    without calling back."""

    def __init__(self, document: Document, select_callback: SelectCallback,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.select_callback = select_callback
        self._quiet = False  # set while the board itself changes a list's selection
        self._filters: list[tuple[str | None, str]] = []
        self.filter = QComboBox()
        self.filter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.filter.setMinimumContentsLength(24)
        filter_label = QLabel(tr("Notes about:"))
        filter_label.setBuddy(self.filter)
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.quadrants: dict[str, Quadrant] = {}
        for i, kind in enumerate(QUADRANTS):
            quadrant = Quadrant(kind)
            self.quadrants[kind] = quadrant
            grid.addWidget(quadrant, i // 2, i % 2)
            quadrant.list.notes_dropped.connect(lambda ids, k=kind: self.move_notes(ids, k))
            quadrant.list.title_edited.connect(self.rename)
            quadrant.list.itemSelectionChanged.connect(
                lambda q=quadrant: self._on_list_selection(q))
            quadrant.entry.returnPressed.connect(lambda q=quadrant: self._on_entry(q))
        for row in range(2):
            grid.setRowStretch(row, 1)
            grid.setColumnStretch(row, 1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addLayout(grid, 1)
        self.filter.currentIndexChanged.connect(lambda _: self.refresh())
        # Built when first seen, then after edits once per loop turn while seen.
        self.lazy = LazyPanel(self, self.refresh)
        self._follow_direction()
        self._wanted: set[str] | None = None  # a selection to show once caught up
        self.journey.events.subscribe("journey_changed", self._on_journey_changed)

    @property
    def journey(self):
        return self.document.journey

    def detach(self) -> None:
        self.journey.events.unsubscribe(self._on_journey_changed)
        self.lazy.cancel()

    # ----------------------------------------------------------- filtering
    def filter_target(self) -> str | None:
        """The stage or touchpoint the board is narrowed to, or None: the whole map."""
        self.lazy.flush()
        target = self.filter.currentData()
        return target if target in self.journey else None

    def set_filter(self, target: str | None) -> None:
        self.lazy.flush()
        index = self.filter.findData(target)
        self.filter.setCurrentIndex(max(0, index))

    def _filter_entries(self) -> list[tuple[str | None, str]]:
        journey = self.journey
        entries: list[tuple[str | None, str]] = [(None, tr("The whole map"))]
        for n, stage in enumerate(journey.stages(), 1):
            title = journey.title(stage) or labels.tr("Untitled stage")
            entries.append((stage, f"{n}. {title}"))
            for tp in journey.touchpoints_in(stage):
                name = journey.title(tp) or labels.tr("Untitled touchpoint")
                entries.append((tp, f"      {name}"))  # indented under its stage
        return entries

    def _refresh_filter(self) -> None:
        entries = self._filter_entries()
        if entries == self._filters:
            return
        target = self.filter.currentData()
        current = target if target in self.journey else None
        self._filters = entries
        self.filter.blockSignals(True)
        try:
            self.filter.clear()
            for target, text in entries:
                self.filter.addItem(text, target)
            # A filtered element that was removed falls back to the whole map.
            self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        finally:
            self.filter.blockSignals(False)

    def _notes_in_filter(self) -> list[str]:
        journey, target = self.journey, self.filter_target()
        if target is None:
            return journey.ids(S.NOTE)
        notes = journey.notes_on(target)
        if journey.kind_of(target) == S.STAGE:
            for tp in journey.touchpoints_in(target):
                notes += journey.notes_on(tp)
        return notes

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Show the model as it is now (after any change, or a new filter)."""
        self.lazy.cancel()
        self.lazy.stale = False
        self._follow_direction()
        self._refresh_filter()
        journey = self.journey
        place = self._journey_places()
        rows: dict[str, list[tuple]] = {kind: [] for kind in QUADRANTS}
        shown_in = {k: q for q, kinds in SHOWN.items() for k in kinds}
        for note in self._notes_in_filter():
            attrs = journey.get(note)
            quadrant = shown_in.get(attrs["note_kind"])
            if quadrant is not None:
                target = journey.target_of(note)
                rows[quadrant].append((place.get(target, (0, 0)), attrs["title"], note))
        self._quiet = True
        try:
            for kind, quadrant in self.quadrants.items():
                # In journey order: map-wide notes, then stage by stage.
                shown = [self._row(note) for *_, note in sorted(rows[kind])]
                quadrant.list.set_rows(shown)
                quadrant.count_label.setText(f"({len(shown)})")
        finally:
            self._quiet = False
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            self.show_selection(wanted)

    def _follow_direction(self) -> None:
        self.setLayoutDirection(Qt.RightToLeft if self.journey.document["direction"] == "rtl"
                                else Qt.LeftToRight)

    def _journey_places(self) -> dict[str | None, tuple[int, int]]:
        place: dict[str | None, tuple[int, int]] = {None: (0, 0)}
        for s, stage in enumerate(self.journey.stages(), 1):
            place[stage] = (s, 0)
            for t, tp in enumerate(self.journey.touchpoints_in(stage), 1):
                place[tp] = (s, t)
        return place

    def _row(self, note: str) -> Row:
        journey = self.journey
        attrs = journey.get(note)
        target = journey.target_of(note)
        if target is None:
            where = tr("The whole map")
        else:
            where = journey.title(target) or (labels.tr("Untitled stage")
                                              if journey.kind_of(target) == S.STAGE
                                              else labels.tr("Untitled touchpoint"))
        kind = attrs["note_kind"]
        if kind == "pain_point":
            where = f"{labels.note_kind_label(kind)} · {where}"
        title = attrs["title"] or tr("Untitled note")
        tooltip = f"{title}\n{labels.note_kind_label(kind)} · {where}"
        return Row(note, attrs["title"], kind, where, tooltip)

    def show_selection(self, ids: Iterable[str]) -> None:
        """Show a selection made elsewhere (the canvas); tells nobody."""
        wanted = set(ids)
        self.lazy.flush_if_seen()
        if self.lazy.stale:  # not seen: shown with the rows when it catches up
            self._wanted = wanted
            return
        self._quiet = True
        try:
            first = None
            for quadrant in self.quadrants.values():
                notes = quadrant.list
                for row in range(notes.count()):
                    item = notes.item(row)
                    chosen = item.data(ID_ROLE) in wanted
                    item.setSelected(chosen)
                    if chosen and first is None:
                        first = (notes, item)
            if first is not None:
                first[0].scrollToItem(first[1])
        finally:
            self._quiet = False

    def _on_list_selection(self, quadrant: Quadrant) -> None:
        if self._quiet:
            return
        self._quiet = True
        try:
            # One selection across the board, unless the user extends it on purpose.
            if not QApplication.keyboardModifiers() & (Qt.ControlModifier | Qt.ShiftModifier):
                for other in self.quadrants.values():
                    if other is not quadrant:
                        other.list.clearSelection()
        finally:
            self._quiet = False
        self.select_callback([n for q in self.quadrants.values() for n in q.list.selected_ids()])

    # -------------------------------------------------------------- edits
    def move_notes(self, ids: list[str], quadrant: str) -> bool:
        """Give dropped notes the quadrant's kind, as one undo step."""
        journey = self.journey
        moves = []
        for note in ids:
            if note in journey and journey.kind_of(note) == S.NOTE:
                current = journey.get(note)["note_kind"]
                new = kind_after_drop(current, quadrant)
                if new != current:
                    moves.append((note, new))
        if not moves:
            return False
        text = tr("Change Note Kind")
        if len(moves) == 1:
            command = EditFieldsCommand(journey, moves[0][0], text, note_kind=moves[0][1])
        else:
            command = GroupCommand(journey, text, lambda: [journey.set_fields(n, note_kind=k)
                                                           for n, k in moves])
        if not self.document.push(command):
            return False
        self.lazy.flush()  # the cards to select are the ones the edit moved
        moved = [n for n, _ in moves]
        self.show_selection(moved)
        self.select_callback(moved)
        return True

    def add_note(self, kind: str, title: str) -> str | None:
        """A new note of ``kind`` about what the filter shows; its id, or None."""
        command = AddNoteCommand(self.journey, kind, title, self.filter_target())
        if not self.document.push(command):
            return None
        self.lazy.flush()
        self.show_selection([command.created])
        self.select_callback([command.created])
        return command.created

    def rename(self, note: str, title: str) -> None:
        if note in self.journey and self.journey.title(note) != title:
            self.document.push(RenameCommand(self.journey, note, title))

    def _on_entry(self, quadrant: Quadrant) -> None:
        title = quadrant.entry.text().strip()
        if not title:
            quadrant.close_entry()
            return
        if self.add_note(quadrant.kind, title) is not None:
            # Stays open: in a workshop the next idea follows at once.
            quadrant.entry.clear()

    def _on_journey_changed(self, event: Event) -> None:
        if self.lazy.stale:
            return  # O(1) while an update is already due
        for op in event.change.ops:
            if isinstance(op, (SetDocument, SetStageOrder)) or op.kind in _RELEVANT:
                self.lazy.mark_stale()
                return
