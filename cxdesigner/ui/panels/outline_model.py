"""What the outline shows, and how an edit changes it, row by row.

``OutlineRows`` keeps, for each branch of the outline (``ROOT``, a stage, a touchpoint,
``MAP_NOTES``: the notes about the whole map), the ids of its rows in order, and each
row's branch and place.  An edit is applied by comparing, for each branch the edit can
have changed, the rows shown with the rows the model has now (``rows_now``, the same
function the full build uses): rows that went are removed, rows that stay are moved
into place, new rows are inserted with their sub-rows, and changed elements are
relabelled.  Each step is told to a *sink* (the outline widget), which does it to its
items.  So the patched outline equals a freshly built one by construction, and the
work is proportional to the edit and the branches it touches, not to the map.

The sink is a ``QTreeWidget`` rather than a Python ``QAbstractItemModel``: a tree view
lays out every unfolded row again after each insert or removal, and with a Python
model that is three calls into Python per row (15,000 rows at 5,000 touchpoints, some
250 ms); over ``QTreeWidget``'s own model it stays in C++.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ...canvas import labels
from ...model import schema as S
from ...model.changes import AddEdge, AddNode, RemoveEdge, RemoveNode, SetNode, SetStageOrder

ROOT = ""  # the invisible root's key
MAP_NOTES = "__map_notes__"  # the branch of notes about the whole map
_SHOWN = {S.STAGE, S.TOUCHPOINT, S.NOTE}
# Fields that order a row among its siblings (touchpoints by place, notes by kind and
# title); other field changes only relabel the row.
_ORDERING = {S.TOUCHPOINT: {"x", "y"}, S.NOTE: {"note_kind", "title"}}
# More moves than this in one branch (a reversed stage order) build the outline again:
# rows move one at a time.
MAX_MOVES = 64


def tr(text: str) -> str:
    return QCoreApplication.translate("Outline", text)


_icons: dict[tuple[int, bool], QIcon] = {}


def dot_icon(colour: QColor, square: bool = False) -> QIcon:
    """A dot (touchpoint) or rounded square (note) of a colour, made once per colour:
    the outline's rows share a handful of icons."""
    key = (QColor(colour).rgba(), square)
    icon = _icons.get(key)
    if icon is None:
        pixmap = QPixmap(QSize(12, 12))
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(colour)
        if square:
            painter.drawRoundedRect(1, 1, 10, 10, 2, 2)
        else:
            painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        icon = _icons[key] = QIcon(pixmap)
    return icon


def row_label(journey, key: str, memo: dict) -> tuple[str, str, QIcon | None]:
    """(text, what it is, icon) of an element's row; stages have no icon (bold).

    ``memo`` keeps the words and icons shared by many rows (a channel's name, an
    emotion's dot) for one build or patch: 15,000 rows ask only a few dozen of them."""
    attrs = journey.get(key)
    kind, title = attrs["kind"], attrs.get("title", "")
    if kind == S.STAGE:
        number = journey.stage_position(key) + 1
        untitled = memo.get("stage") or memo.setdefault(
            "stage", (labels.tr("Untitled stage"), tr("Stage")))
        return f"{number}. {title or untitled[0]}", untitled[1], None
    if kind == S.TOUCHPOINT:
        ways = (attrs["channel"], attrs["mode"])
        tip = memo.get(ways) or memo.setdefault(
            ways, f"{labels.channel_label(ways[0])} · {labels.mode_label(ways[1])}")
        feeling = ("emotion", journey.emotion(key))
        icon = memo.get(feeling) or memo.setdefault(
            feeling, dot_icon(labels.emotion_colour(feeling[1])))
        untitled = memo.get("touchpoint") or memo.setdefault(
            "touchpoint", labels.tr("Untitled touchpoint"))
        return title or untitled, tip, icon
    note_kind = ("note", attrs["note_kind"])
    kind_name, icon = memo.get(note_kind) or memo.setdefault(note_kind, (
        labels.note_kind_label(note_kind[1]),
        dot_icon(labels.NOTE_COLOURS[note_kind[1]], square=True)))
    return title or kind_name, kind_name, icon


class Sink(Protocol):
    """What the rows tell the widget showing them (places are before the step)."""

    def rows_removed(self, branch: str, first: int, last: int) -> None: ...
    def forgotten(self, keys: list[str]) -> None: ...
    def row_moved(self, branch: str, source: int, place: int) -> None: ...
    def rows_inserted(self, branch: str, first: int, keys: list[str]) -> None: ...
    def row_changed(self, key: str) -> None: ...
    def rebuilt(self) -> None: ...


class OutlineRows:
    def __init__(self, journey, sink: Sink):
        self.journey = journey
        self.sink = sink
        self._rows: dict[str, list[str]] = {}  # branch -> its rows' keys, in order
        self._parent: dict[str, str] = {}  # row -> its branch
        self._place: dict[str, int] = {}  # row -> its place in its branch
        self._rows[ROOT] = []  # empty until ``rebuild``

    # ------------------------------------------------------------ look-ups
    def rows_of(self, key: str) -> list[str]:
        return self._rows.get(key, [])

    def branch_of(self, key: str) -> str | None:
        return self._parent.get(key)

    def __contains__(self, key: str) -> bool:
        return key in self._parent

    def count(self) -> int:
        """Every row's count."""
        return len(self._parent)

    def rows_now(self, key: str, map_notes: list[str] | None = None) -> list[str]:
        """The branch's rows as the model has them now (the full build uses it too)."""
        journey = self.journey
        if key == ROOT:
            present = self._rows.get(MAP_NOTES) if map_notes is None else map_notes
            return journey.stages() + ([MAP_NOTES] if present else [])
        if key == MAP_NOTES:
            return journey.notes_on(None) if map_notes is None else map_notes
        if key not in journey:
            return []
        kind = journey.kind_of(key)
        if kind == S.STAGE:
            return journey.touchpoints_in(key) + journey.notes_on(key)
        if kind == S.TOUCHPOINT:
            return journey.notes_on(key)
        return []

    # ------------------------------------------------------------ building
    def rebuild(self) -> None:
        for mapping in (self._rows, self._parent, self._place):
            mapping.clear()
        map_notes = self.journey.notes_on(None)
        self._rows[MAP_NOTES] = map_notes
        self._adopt(ROOT, self.rows_now(ROOT, map_notes))
        self.sink.rebuilt()

    def _adopt(self, branch: str, rows: list[str]) -> None:
        """Make ``rows`` the branch's, and build each one's sub-rows from the model."""
        self._rows[branch] = rows
        for place, key in enumerate(rows):
            self._parent[key] = branch
            self._place[key] = place
            sub = self._rows.get(MAP_NOTES) if key == MAP_NOTES else None
            self._adopt(key, list(sub) if sub is not None else self.rows_now(key))

    def _forget(self, key: str, out: list[str]) -> None:
        out.append(key)
        for child in self._rows.pop(key, ()):
            if self._parent.get(child) == key:
                self._forget(child, out)
        self._parent.pop(key, None)
        self._place.pop(key, None)

    def _renumber(self, branch: str, start: int = 0) -> None:
        rows, place = self._rows[branch], self._place
        for i in range(start, len(rows)):
            place[rows[i]] = i

    # ------------------------------------------------------------- patching
    def apply(self, changes: Iterable) -> None:
        """Show the effect of applied changes (in order), row by row."""
        journey = self.journey
        touched: set[str] = set()
        relabel: set[str] = set()
        dirty: set[str | None] = set()
        renumber = False
        for change in changes:
            for op in change.ops:
                kind = type(op)
                if kind is SetStageOrder:
                    dirty.add(ROOT)
                    renumber = True
                elif kind is AddEdge or kind is RemoveEdge:
                    if op.kind in (S.IN_STAGE, S.ABOUT):
                        touched.add(op.source)
                elif kind is AddNode or kind is RemoveNode:
                    if op.kind in _SHOWN:
                        touched.add(op.id)
                elif kind is SetNode and op.kind in _SHOWN:
                    relabel.add(op.id)
                    if _ORDERING.get(op.kind, set()) & op.new.keys():
                        touched.add(op.id)
        for key in touched:
            dirty.add(self._parent.get(key))
            if key in journey:
                dirty.add(self._branch_now(key))
                relabel.add(key)
        dirty.discard(None)
        map_notes = None
        if MAP_NOTES in dirty:
            map_notes = journey.notes_on(None)
            if bool(map_notes) != bool(self._rows.get(MAP_NOTES)):
                dirty.add(ROOT)
            if MAP_NOTES not in self._parent:  # no branch shown: ROOT's insert builds it
                self._rows[MAP_NOTES] = map_notes
        wanted = {branch: self.rows_now(branch, map_notes if branch in (ROOT, MAP_NOTES)
                                        else None)
                  for branch in dirty if branch == ROOT or branch in self._parent}
        # Removals everywhere first: a row moving between branches leaves its old one
        # before it is inserted in the new one.
        for branch, rows in wanted.items():
            if branch == ROOT or branch in self._parent:
                self._remove_gone(branch, set(rows))
        for branch, rows in wanted.items():
            if branch == ROOT or branch in self._parent:
                if not self._move_and_insert(branch, rows):
                    self.rebuild()
                    return
        if renumber:  # every stage's number may have changed
            relabel.update(key for key in self._rows[ROOT] if key != MAP_NOTES)
        for key in relabel:
            if key in self._parent:
                self.sink.row_changed(key)

    def _branch_now(self, key: str) -> str:
        kind = self.journey.kind_of(key)
        if kind == S.STAGE:
            return ROOT
        if kind == S.TOUCHPOINT:
            return self.journey.stage_of(key)
        return self.journey.target_of(key) or MAP_NOTES

    def _remove_gone(self, branch: str, keep: set[str]) -> None:
        rows = self._rows[branch]
        last = len(rows) - 1
        while last >= 0:  # runs of rows, from the end, so places stay right
            if rows[last] in keep:
                last -= 1
                continue
            first = last
            while first > 0 and rows[first - 1] not in keep:
                first -= 1
            self.sink.rows_removed(branch, first, last)
            gone: list[str] = []
            for key in rows[first:last + 1]:
                if self._parent.get(key) == branch:
                    self._forget(key, gone)
            del rows[first:last + 1]
            self._renumber(branch, first)
            self.sink.forgotten(gone)
            last = first - 1

    def _move_and_insert(self, branch: str, wanted: list[str]) -> bool:
        rows = self._rows[branch]
        present = set(rows)
        kept = [key for key in wanted if key in present]
        moves = 0
        for i, key in enumerate(kept):
            if rows[i] == key:
                continue
            moves += 1
            if moves > MAX_MOVES:
                return False
            j = rows.index(key, i + 1)
            self.sink.row_moved(branch, j, i)
            rows.insert(i, rows.pop(j))
            self._renumber(branch, i)
        i = 0
        while i < len(wanted):
            if i < len(rows) and rows[i] == wanted[i]:
                i += 1
                continue
            j = i
            while j < len(wanted) and wanted[j] not in present:
                j += 1
            new = wanted[i:j]
            rows[i:i] = new
            for key in new:
                self._parent[key] = branch
                sub = self._rows.get(MAP_NOTES) if key == MAP_NOTES else None
                self._adopt(key, list(sub) if sub is not None else self.rows_now(key))
            self._renumber(branch, i)
            self.sink.rows_inserted(branch, i, new)
            i = j
        return True
