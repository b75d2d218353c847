"""The outline: stages, their touchpoints and the notes on them, as a tree.

It is also the keyboard's and the screen reader's way to every element of the map:
selecting here selects on the canvas and the other way round (the main window keeps
the two in step).

The tree is patched row by row after each edit (``OutlineRows`` works out which rows
go, move, come and change).  The outline collects the edits (O(1) each) and patches
once per turn of the event loop, and only while it is seen (``LazyPanel``): tabbed
behind Personas it only keeps them, and catches up when raised.  What the user folded
stays folded, by element id, even across an undo that brings the element back; new
branches come unfolded.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from ...model import Event
from ...model.changes import SetDocument, evidence_only
from ..document.document import Document
from .lazy_panel import LazyPanel
from .outline_model import MAP_NOTES, ROOT, OutlineRows, dot_icon, row_label, tr

__all__ = ["ID_ROLE", "MAP_NOTES", "Outline", "dot_icon"]
ID_ROLE = Qt.UserRole
# Edits waiting for a hidden outline beyond this many operations: patching them all
# would cost more than building the outline again when it is shown.
MAX_PENDING_OPS = 20_000
FOLD_OVER = 1000  # rows: past this, only the top rows open at first (see _big)
HUGE_OVER = 3000  # rows: past this, the top rows start folded too (see _huge)


class Outline(QTreeWidget):
    selection_made = Signal(list)  # ids the user selected here

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setUniformRowHeights(True)
        self.setAccessibleName(tr("Outline of the map"))
        self._items: dict[str, QTreeWidgetItem] = {}
        self._collapsed: set[str] = set()
        # A large map opens only its top rows (stages): every open row is a persistent
        # index Qt walks at each row put in or taken out (~5 ms a row with 5,000 open).
        # Then ``_opened`` keeps the deeper rows the user (or a selection) opened.
        self._big = False
        # A huge map (thousands of touchpoints) opens none: the stages' rows alone are
        # made, and a stage's touchpoints when it is opened (5,000 rows, their words
        # and icons, were a tenth of a second of opening a map).
        self._huge = False
        self._opened: set[str] = set()
        # Rows folded at their first showing on a large map, whose sub-rows (a
        # touchpoint's notes) are made when first opened: 10,000 items not made at
        # opening 5,000 touchpoints.  The row model's steps for them wait till then.
        self._unfilled: set[str] = set()
        self._pending: list = []  # changes not shown yet
        self._pending_ops = 0
        self._rebuild_due = False
        self._wanted: list[str] | None = None  # a selection to show once caught up
        self._syncing = False
        self._folding = False  # set while the outline folds and unfolds rows itself
        self._memo: dict = {}  # shared words and icons, for one build or patch
        self.lazy = LazyPanel(self, self._catch_up, stale=False)
        self.itemSelectionChanged.connect(self._on_selection)
        self.itemCollapsed.connect(self._on_collapsed)
        self.itemExpanded.connect(self._on_expanded)
        self.rows = OutlineRows(document.journey, self)
        self.rows.rebuild()  # builds the items (``rebuilt``)
        document.journey.events.subscribe("journey_changed", self._on_journey_changed)

    def detach(self) -> None:
        self.document.journey.events.unsubscribe(self._on_journey_changed)
        self.lazy.cancel()

    @property
    def journey(self):
        return self.document.journey

    # ------------------------------------------------------------ reading
    def item_for(self, element_id: str) -> QTreeWidgetItem | None:
        self.lazy.flush()
        self._fill_to(element_id)
        return self._items.get(element_id)

    def _fill_to(self, key: str) -> None:
        """Make the row of ``key`` if its branch was folded unmade."""
        branch = self.rows.branch_of(key)
        if branch is not None and branch in self._unfilled:
            self._fill_to(branch)
            self._fill(branch)

    def _fill(self, key: str) -> None:
        if key not in self._unfilled:
            return
        self._unfilled.discard(key)
        item = self._items[key]
        children = [self._make(child) for child in self.rows.rows_of(key)]
        item.setChildIndicatorPolicy(QTreeWidgetItem.DontShowIndicatorWhenChildless)
        item.addChildren(children)
        for child in children:
            self._unfold(child)

    def selected_ids(self) -> list[str]:
        self.lazy.flush()
        return self._selected_now()

    def _selected_now(self) -> list[str]:
        return [i.data(0, ID_ROLE) for i in self.selectedItems()
                if i.data(0, ID_ROLE) in self.journey]

    def select_ids(self, ids: list[str]) -> None:
        """Show the canvas's selection here, without echoing it back."""
        self.lazy.flush_if_seen()
        if self.lazy.stale:  # not seen: shown with the rows when the outline catches up
            self._wanted = list(ids)
            return
        self._syncing = True
        try:
            # One selection change (clear and select at once), not one per row.
            selection, current = QItemSelection(), None
            for element_id in ids:
                self._fill_to(element_id)
                item = self._items.get(element_id)
                if item is not None:
                    index = self.indexFromItem(item)
                    selection.select(index, index)
                    current = current or item
            self.selectionModel().select(
                selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            if current is not None:
                self.setCurrentItem(current, 0, QItemSelectionModel.NoUpdate)
                self.scrollToItem(current)
        finally:
            self._syncing = False

    # ------------------------------------------------------------ updating
    def rebuild(self) -> None:
        """Build every row again from the model, keeping folds and selection."""
        self._pending.clear()
        self._pending_ops = 0
        self._rebuild_due = False
        self.rows.rebuild()

    def _catch_up(self) -> None:
        """The lazy update: patch the rows with the edits collected since the last."""
        pending, self._pending = self._pending, []
        self._pending_ops = 0
        self._syncing = True  # rows going away deselect: nothing to tell the canvas
        self._memo.clear()  # the words may have changed language since
        try:
            if self._rebuild_due:
                self.rebuild()
            else:
                self.rows.apply(pending)
        finally:
            self._syncing = False
        if any(type(op) is SetDocument for change in pending for op in change.ops):
            self._follow_direction()
        if self._wanted is not None:
            wanted, self._wanted = self._wanted, None
            self.select_ids(wanted)

    def _follow_direction(self) -> None:
        self.setLayoutDirection(Qt.RightToLeft if self.journey.document["direction"] == "rtl"
                                else Qt.LeftToRight)

    # ---------------------------------------------- the rows' steps (Sink)
    def _branch_item(self, branch: str) -> QTreeWidgetItem:
        return self.invisibleRootItem() if branch == ROOT else self._items[branch]

    def _unmade(self, branch: str) -> bool:
        """Whether the branch's rows are not made: it is folded unfilled, or its own
        row is not made either (under a folded stage of a huge outline).  Its rows
        are made from the row model when it is opened."""
        return branch in self._unfilled or (branch != ROOT and branch not in self._items)

    def rows_removed(self, branch: str, first: int, last: int) -> None:
        if self._unmade(branch):
            return  # no rows made
        parent = self._branch_item(branch)
        for row in range(last, first - 1, -1):
            parent.takeChild(row)

    def forgotten(self, keys: list[str]) -> None:
        for key in keys:
            self._items.pop(key, None)
            self._unfilled.discard(key)

    def row_moved(self, branch: str, source: int, place: int) -> None:
        if self._unmade(branch):
            return
        parent = self._branch_item(branch)
        item = parent.takeChild(source)
        parent.insertChild(place, item)
        self._unfold(item)  # a taken item comes back folded

    def rows_inserted(self, branch: str, first: int, keys: list[str]) -> None:
        if branch != ROOT and branch not in self._items:
            return  # under a folded stage not made yet: made from the rows when opened
        if branch in self._unfilled:
            # Its rows are made now, the new ones among them (the row model holds
            # them already); and a note put in shows at once, as below.
            self._fill(branch)
            items = []
        else:
            items = [self._make(key) for key in keys]
            self._branch_item(branch).insertChildren(first, items)
        parent = self._branch_item(branch)
        if parent is not self.invisibleRootItem() and branch not in self._collapsed:
            self._folding = True
            parent.setExpanded(True)  # a first note on a touchpoint shows at once
            self._folding = False
            if self._big:
                self._opened.add(branch)
        for item in items:
            self._unfold(item)

    def row_changed(self, key: str) -> None:
        item = self._items.get(key)
        if item is not None:  # else not made yet: labelled when it is
            self._label(item, key)

    def rebuilt(self) -> None:
        selected = set(self._wanted or self._selected_now())
        self._memo.clear()
        self._syncing = self._folding = True
        try:
            self.clear()
            self._items.clear()
            self._unfilled.clear()
            self._follow_direction()
            self._big = self.rows.count() > FOLD_OVER
            self._huge = self.rows.count() > HUGE_OVER
            tops = [self._make(key) for key in self.rows.rows_of(ROOT)]
            self.addTopLevelItems(tops)
            if self._big:
                for item in tops:
                    item.setExpanded(self._wants_open(item))
                for key in self._opened:
                    item = self._items.get(key)
                    if item is not None and key not in self._collapsed:
                        item.setExpanded(True)
            else:
                self.expandAll()  # in C++: then fold again what the user had folded
                for key in self._collapsed:
                    item = self._items.get(key)
                    if item is not None:
                        item.setExpanded(False)
            for key in selected:
                item = self._items.get(key)
                if item is not None:
                    item.setSelected(True)
        finally:
            self._syncing = self._folding = False

    def _make(self, key: str) -> QTreeWidgetItem:
        """An item for the row and, under it, its sub-rows."""
        item = QTreeWidgetItem()
        item.setData(0, ID_ROLE, key)
        self._items[key] = item
        if key == MAP_NOTES:
            item.setText(0, tr("Notes about the whole map"))
            item.setFlags(Qt.ItemIsEnabled)
        else:
            self._label(item, key)
        rows = self.rows.rows_of(key)
        if rows and self._big and key not in self._opened \
                and (self._huge or self.rows.branch_of(key) != ROOT):
            self._unfilled.add(key)  # folded at first: sub-rows made when opened
            item.setChildIndicatorPolicy(QTreeWidgetItem.ShowIndicator)
        elif rows:
            item.addChildren([self._make(child) for child in rows])
        return item

    def _label(self, item: QTreeWidgetItem, key: str) -> None:
        text, tip, icon = row_label(self.journey, key, self._memo)
        item.setText(0, text)
        item.setToolTip(0, f"{text}\n{tip}")  # the whole title, which the tree may cut
        # Screen readers say what the element is, not only its title.
        item.setData(0, Qt.AccessibleTextRole, f"{tip}: {text}")
        if icon is None:
            font = item.font(0)
            font.setBold(True)  # stages
            item.setFont(0, font)
        else:
            item.setIcon(0, icon)

    def _unfold(self, item: QTreeWidgetItem) -> None:
        """Unfold a row come into the tree and its sub-rows, but what the user folded."""
        stack = [item]
        self._folding = True
        try:
            while stack:
                current = stack.pop()
                count = current.childCount()
                if count:
                    current.setExpanded(self._wants_open(current))
                    stack.extend(current.child(i) for i in range(count))
        finally:
            self._folding = False

    def _wants_open(self, item: QTreeWidgetItem) -> bool:
        key = item.data(0, ID_ROLE)
        if key in self._collapsed:
            return False
        return (not self._big or (item.parent() is None and not self._huge)
                or key in self._opened)

    # -------------------------------------------------------------- events
    def _on_journey_changed(self, event: Event) -> None:
        # O(1): kept until the loop turns (or the outline is shown again).
        if evidence_only(event.change):
            return  # feedback and snapshots have no rows here
        if not self._rebuild_due:
            self._pending.append(event.change)
            self._pending_ops += len(event.change.ops)
            if self._pending_ops > MAX_PENDING_OPS:
                self._pending.clear()
                self._rebuild_due = True
        self.lazy.mark_stale()

    # Every fold and unfold counts, the user's or the view's (showing a selected row
    # unfolds its stage), but the outline's own while it builds rows.
    def _on_collapsed(self, item: QTreeWidgetItem) -> None:
        if not self._folding:
            self._collapsed.add(item.data(0, ID_ROLE))
            self._opened.discard(item.data(0, ID_ROLE))

    def _on_expanded(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, ID_ROLE)
        if not self._folding:
            self._collapsed.discard(key)
            self._opened.add(key)
        if key in self._unfilled:
            self._fill(key)

    def _on_selection(self) -> None:
        if not self._syncing:
            self.selection_made.emit(self.selected_ids())
