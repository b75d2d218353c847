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

The board is built when first seen, then patched once per turn of the event loop
while seen: the edits' operations name the notes whose card may have come, gone,
moved or changed (a note's own fields or target, the title or place along the journey
of what it is about), and each such card is put where a full build would put it, by
bisection in its quadrant's sort keys.  A new filter, the filtered element removed, or
a burst of many operations builds the board again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QHBoxLayout, QLabel,
                               QVBoxLayout, QWidget)

from ...canvas import labels
from ...commands import AddNoteCommand, EditFieldsCommand, GroupCommand, RenameCommand
from ...model import Event
from ...model import schema as S
from ...model.changes import AddEdge, RemoveEdge, SetDocument, SetNode, SetStageOrder
from ..document.document import Document
from .lazy_panel import LazyPanel
from .swot_cards import Quadrant, Row

SelectCallback = Callable[[list[str]], None]
QUADRANTS = ("strength", "weakness", "opportunity", "threat")  # reading order, 2 x 2
SHOWN = {"strength": ("strength",), "weakness": ("weakness", "pain_point"),
         "opportunity": ("opportunity",), "threat": ("threat",)}
SHOWN_IN = {k: q for q, kinds in SHOWN.items() for k in kinds}
_CARD_FIELDS = frozenset({"title", "note_kind"})  # a note's fields its card shows
# More operations than this in one catch-up, or more cards to look at, build the
# board again: one sorted pass is cheaper than that many bisections.
MAX_PATCH_OPS = 500
MAX_PATCH_NOTES = 2_000


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
        # What the board shows, by note: its quadrant and sort key; each quadrant's
        # keys in order (as its list shows them); each stage's and touchpoint's place
        # along the journey, which orders the cards.
        self._shown: dict[str, tuple[str, tuple]] = {}
        self._keys: dict[str, list[tuple]] = {kind: [] for kind in QUADRANTS}
        self._places: dict[str | None, tuple[int, int]] = {}
        self._forget_edits()
        self._rebuild_due = True
        self.rebuilds = 0  # how many full builds ran: for tests and benchmarks
        # Built when first seen, then patched after edits once per loop turn while seen.
        self.lazy = LazyPanel(self, self._catch_up)
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

    def _refresh_filter(self) -> bool:
        """Offer the map's stages and touchpoints; whether the filter fell back to the
        whole map (its element was removed)."""
        entries = self._filter_entries()
        if entries == self._filters:
            return False
        target = self.filter.currentData()
        current = target if target in self.journey else None
        self._filters = entries
        self.filter.blockSignals(True)
        try:
            self.filter.clear()
            for element, text in entries:
                self.filter.addItem(text, element)
            # A filtered element that was removed falls back to the whole map.
            self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        finally:
            self.filter.blockSignals(False)
        return current != target

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
        """Build the board from the model (first shown, a new filter, many edits)."""
        self.lazy.cancel()
        self.lazy.stale = False
        self.rebuilds += 1
        self._forget_edits()
        self._follow_direction()
        self._refresh_filter()
        journey = self.journey
        self._places = place = self._journey_places()
        rows: dict[str, list[tuple]] = {kind: [] for kind in QUADRANTS}
        for note in self._notes_in_filter():
            attrs = journey.get(note)
            quadrant = SHOWN_IN.get(attrs["note_kind"])
            if quadrant is not None:
                target = journey.target_of(note)
                rows[quadrant].append((place.get(target, (0, 0)), attrs["title"], note))
        self._shown = {}
        self._quiet = True
        try:
            for kind, quadrant in self.quadrants.items():
                # In journey order: map-wide notes, then stage by stage.
                keys = self._keys[kind] = sorted(rows[kind])
                self._shown.update((key[-1], (kind, key)) for key in keys)
                quadrant.list.set_rows([self._row(key[-1]) for key in keys])
                quadrant.set_count(len(keys))
        finally:
            self._quiet = False
        self._show_wanted()

    def _catch_up(self) -> None:
        """The lazy update: patch the cards the edits since the last one touched."""
        if self._rebuild_due:
            self.refresh()
            return
        self.lazy.stale = False
        journey = self.journey
        notes, titled, moved = self._dirty, self._titled, self._moved
        structure, direction = self._structure, self._direction
        self._forget_edits()
        if direction:
            self._follow_direction()
        if (structure or titled) and self._refresh_filter():
            self.refresh()  # the filtered element went: the whole map shows
            return
        if structure:
            # A stage or touchpoint moved along the journey: its notes' cards move.
            places, self._places = self._places, self._journey_places()
            changed = {t for t, p in self._places.items() if places.get(t) != p}
            titled |= changed | moved
        for target in titled:  # the cards say what their note is about
            if target in journey and journey.kind_of(target) in (S.STAGE, S.TOUCHPOINT):
                notes.update(journey.notes_on(target))
                if len(notes) > MAX_PATCH_NOTES:
                    self.refresh()
                    return
        touched: set[str] = set()
        self._quiet = True  # a card removed while selected tells nobody
        try:
            for note in notes:
                touched.update(self._patch_card(note))
        finally:
            self._quiet = False
        for kind in touched:
            self.quadrants[kind].set_count(len(self._keys[kind]))
        self._show_wanted()

    def _patch_card(self, note: str) -> tuple[str, ...]:
        """Put the note's card where a full build would; the quadrants it changed."""
        old, new = self._shown.get(note), self._card(note)
        if old is not None and new is not None and old == new[:2]:
            keys = self._keys[old[0]]
            self.quadrants[old[0]].list.change_row(bisect_left(keys, old[1]), new[2])
            return ()
        selected = False
        if old is not None:
            kind, key = self._shown.pop(note)
            keys = self._keys[kind]
            place = bisect_left(keys, key)
            del keys[place]
            selected = self.quadrants[kind].list.take_row(place)
        if new is not None:
            kind, key, row = new
            keys = self._keys[kind]
            place = bisect_left(keys, key)
            keys.insert(place, key)
            self._shown[note] = (kind, key)
            self.quadrants[kind].list.insert_row(place, row, selected)
        return tuple(q[0] for q in (old, new) if q is not None)

    def _card(self, note: str) -> tuple[str, tuple, Row] | None:
        """The quadrant, sort key and row of a note's card, or None: not shown."""
        journey = self.journey
        if note not in journey or journey.kind_of(note) != S.NOTE:
            return None
        attrs = journey.get(note)
        quadrant = SHOWN_IN.get(attrs["note_kind"])
        target = journey.target_of(note)
        if quadrant is None or not self._in_filter(target):
            return None
        key = (self._places.get(target, (0, 0)), attrs["title"], note)
        return quadrant, key, self._row(note)

    def _in_filter(self, target: str | None) -> bool:
        """Whether notes about ``target`` show under the current filter."""
        journey, shown = self.journey, self.filter.currentData()
        if shown is None or shown not in journey or target == shown:
            return True
        return (target is not None and journey.kind_of(shown) == S.STAGE
                and journey.kind_of(target) == S.TOUCHPOINT
                and journey.stage_of(target) == shown)

    def _show_wanted(self) -> None:
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
                item = quadrant.list.select_only(wanted)
                if item is not None and first is None:
                    first = (quadrant.list, item)
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

    def _forget_edits(self) -> None:
        """Nothing waits to be shown: the notes, the targets retitled, the touchpoints
        moved between stages, whether the journey's order or direction changed."""
        self._dirty: set[str] = set()
        self._titled: set[str] = set()
        self._moved: set[str] = set()
        self._structure = self._direction = self._rebuild_due = False
        self._ops = 0

    def _on_journey_changed(self, event: Event) -> None:
        # O(1) per operation: the cards are looked at when the board catches up.
        if self._collect(event.change.ops):
            self.lazy.mark_stale()

    def _collect(self, ops) -> bool:
        """Keep what the operations touched; whether any of it shows here."""
        if self._rebuild_due:
            return True
        self._ops += len(ops)
        if self._ops > MAX_PATCH_OPS:
            self._rebuild_due = True
            return True
        relevant = False
        for op in ops:
            t = type(op)
            if t is SetStageOrder:
                self._structure = True
            elif t is SetDocument:
                if "direction" not in op.new:
                    continue
                self._direction = True
            elif t is AddEdge or t is RemoveEdge:
                if op.kind == S.ABOUT:
                    self._dirty.add(op.source)
                elif op.kind == S.IN_STAGE:
                    self._structure = True
                    self._moved.add(op.source)
                else:
                    continue
            elif op.kind == S.NOTE:
                if t is SetNode and _CARD_FIELDS.isdisjoint(op.new):
                    continue
                self._dirty.add(op.id)
            elif op.kind in (S.STAGE, S.TOUCHPOINT):
                if t is not SetNode:
                    self._structure = True  # added or removed
                else:
                    moved = "x" in op.new or "y" in op.new  # the reading order may change
                    self._structure |= moved
                    if "title" in op.new:
                        self._titled.add(op.id)
                    elif not moved:
                        continue
            else:
                continue
            relevant = True
        return relevant
