"""The Plan tab: the derived prioritised action tree, read-only.

Derived from the map (method steps 5 to 7 of the domain): goal, stages, their pain
points and opportunities best ranked first, the actions addressing each and their
sub-actions, numbered 1, 1.1, 1.1.1.  A click shows the row's notes on the canvas; a
double click on an action opens it in the Actions tab.

The view keeps a ``plan.PlanIndex``, which after an edit makes anew only the nodes the
edit touched, and patches its ``QTreeWidget`` to match (at 5,000 touchpoints the tree
has some 33,000 rows, and making them all again took most of a second per edit):

* a branch (a stage) whose ``Node`` is the one shown keeps all its rows; if a branch
  came or went before it, only its numbers are set again;
* in a branch made anew, a note whose ``Node`` is the one shown keeps its rows (its
  number and score, changed in place, set again if they changed); a note made anew
  with the same actions in the same nesting has its words set in its rows (putting
  rows in or out has the view lay out all its rows again); other notes' rows are made
  anew.  Rows go into rank order by moving only those out of order, and a note that
  changed stage takes its rows along;
* the whole tree is built again only for a new ranking method, or when most note rows
  would be made anew anyway (a new day, a huge burst).

Folds (by row path, ``_TreeState``), the selected row and the scroll position are
kept.  The rows are ``QTreeWidgetItem``s rather than a Python model for the reason
given in ``outline_model``: the view's layout after each change stays in C++.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QStyle,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from ...bidi import isolate
from ...canvas import labels
from ...model import Event, plan
from .action_common import (ROLE_ID, ROLE_KEY, ROLE_KIND, SelectCallback, _Follower, _TreeState,
                            affects_actions, all_items, arrange_children, flag_text, format_date,
                            map_direction, mark_flags, note_icon, rekey, score_text,
                            score_vocabulary, subtree, tr)
from ..document.document import Document
from ..language import ours
from .plan_rows import (_Branch, _new_item, _PlanTree, _Row, _UsingRows, format_score,
                        method_label)


# More note rows than both of these to make anew: build the whole tree again.
REBUILD_MIN = 200
REBUILD_SHARE = 0.5
# A plan with more notes than this (a map of some 150 touchpoints) first shows every
# row folded: a thousand open rows are more than anyone reads, and Qt walks every open
# row whenever a row comes or goes (~10 ms at 500 touchpoints, ~20 ms at 5,000).
FOLD_OVER = 300
_GONE = object()  # "no such key" where None is a key (the whole-journey branch)


class PlanView(_UsingRows, QWidget, _Follower):
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
        self.tree = _PlanTree(self.note_tip)
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
        self.tree.itemExpanded.connect(self._on_expanded)
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
        # The plan kept between edits: it makes anew only the nodes an edit touched,
        # and the tree changes only their rows (``_patch``).
        self._index = plan.PlanIndex(document.journey)
        self._branches: dict[str | None, _Branch] = {}  # stage -> its row, as shown
        self._rows: dict[str, _Row] = {}  # note -> its row, as shown
        self._method: str | None = None  # the ranking shown
        self.builds = 0  # full builds: for tests and benchmarks
        self._init_follower(self, self.rebuild)
        document.journey.events.subscribe("journey_changed", self._on_journey_changed)

    def detach(self) -> None:
        self.document.journey.events.unsubscribe(self._on_journey_changed)
        self._index.close()

    @property
    def journey(self):
        return self.document.journey

    def _on_journey_changed(self, event: Event) -> None:
        if affects_actions(event.change):
            self.schedule()  # O(1): derived once the loop turns, and only while seen

    # ------------------------------------------------------------- building
    def rebuild(self) -> None:
        """Show the plan as the map has it now: patched, or built again (see module)."""
        journey = self.journey
        current = self.tree.currentItem()
        current_key = current.data(0, ROLE_KEY) if current else None
        scroll = self.tree.verticalScrollBar().value()
        self.setLayoutDirection(map_direction(journey))
        # Branches come without their notes' nodes; ``_children`` makes them for the
        # branches shown open (a large plan starts folded).
        self.plan = derived = self._index.plan(self.today(), fill=False)
        goal = derived.goal.strip()
        # The goal is the user's, in the map's language: isolated, its "?" stays at
        # its own end whatever the interface's direction.
        self.goal.setText(ours(tr("Goal: %1").replace("%1", isolate(goal))) if goal
                          else tr("No goal yet: set it in the map details."))
        self.method.setText(tr("Ranked by %1").replace("%1", method_label(derived.method)))
        self.hint.setVisible(not derived.branches)
        self.tree.setUpdatesEnabled(False)
        try:
            if derived.method != self._method or self._mostly_new(derived):
                self._build(derived)
            else:
                self._patch(derived)
            self._method = derived.method
            if current_key is not None:
                self._select_again(current, current_key)
        finally:
            self.tree.setUpdatesEnabled(True)
        self.tree.verticalScrollBar().setValue(scroll)

    def _mostly_new(self, derived: plan.Plan) -> bool:
        """Whether most note rows would be made anew (a new day, a huge burst): then
        one build, adding whole branches at once, costs less than row-by-row changes.
        Only the branches ``PlanIndex`` reports changed can hold new rows."""
        rows, branches, index = self._rows, self._branches, self._index
        new = 0
        for stage in index.changed:
            branch = index.branches.get(stage)
            shown = branches.get(stage)
            if shown is not None and not shown.filled:
                continue  # no rows to make
            if branch is not None and (shown is None or shown.node is not branch):
                new += sum(1 for n in self._children(branch)
                           if (row := rows.get(n.id)) is None or row.node is not n)
        return new > REBUILD_MIN and new > REBUILD_SHARE * index.note_count

    def _build(self, derived: plan.Plan) -> None:
        self.builds += 1
        # Words and brushes shared by thousands of rows, looked up once per build.
        self._words = {}
        self._branches.clear()
        self._rows.clear()
        self.tree.clear()
        if self.builds == 1 and self._index.note_count > FOLD_OVER:
            self.state.default_open = False
        style = self.style()
        # A folded branch of a large plan shows its row only: its notes' rows (some
        # 16,000 at 5,000 touchpoints) are made when it is first opened.
        lazy = not self.state.default_open
        self.tree.addTopLevelItems([
            self._folded_branch(branch) if lazy and not self.state.is_open(("stage", branch.id))
            else self._item(branch, (), style) for branch in derived.branches])
        self.state.apply(all_items(self.tree))

    def _folded_branch(self, branch: plan.Node) -> QTreeWidgetItem:
        item = self._stage_item(branch)
        self._branches[branch.id].filled = False
        self._show_indicator(item, branch)
        return item

    def _show_indicator(self, item: QTreeWidgetItem, branch: plan.Node) -> None:
        item.setChildIndicatorPolicy(QTreeWidgetItem.ShowIndicator
                                     if self._index.count(branch.id)
                                     else QTreeWidgetItem.DontShowIndicator)

    def _children(self, node: plan.Node) -> list[plan.Node]:
        """A node's children, a branch's notes made now if they were left for later."""
        return self._index.fill(node) if node.kind == "stage" else node.children

    def _fill(self, shown: _Branch) -> None:
        """Make the rows of a branch shown folded so far."""
        if shown.filled:
            return
        key, style = shown.item.data(0, ROLE_KEY), self.style()
        rows = [self._item(n, key, style) for n in self._children(shown.node)]
        shown.item.setChildIndicatorPolicy(
            QTreeWidgetItem.DontShowIndicatorWhenChildless)
        shown.item.addChildren(rows)
        shown.notes = [n.id for n in shown.node.children]
        shown.filled = True
        self.state.apply(item for row in rows for item in subtree(row))

    def _on_expanded(self, item: QTreeWidgetItem) -> None:
        if item.data(0, ROLE_KIND) == "stage":
            shown = self._branches.get(item.data(0, ROLE_ID), None)
            if shown is not None and not shown.filled:
                self.lazy.flush()  # the branch as the map has it now
                self._fill(self._branches.get(item.data(0, ROLE_ID), shown))

    def _patch(self, derived: plan.Plan) -> None:
        """Change only the rows whose nodes ``PlanIndex`` made anew: a kept branch keeps
        its items (renumbered if it moved), a changed one keeps its kept notes' items,
        moving them into rank order; rows of a note that changed stage move with it.
        Only the branches the index reports changed are visited, and the top-level
        rows only when branches came, went or moved."""
        branches, rows, index = self._branches, self._rows, self._index
        current, changed = index.branches, index.changed
        stays: dict = {}  # note -> its branch, for every note row kept in a changed branch
        style = self.style()
        for stage in changed:
            branch = current.get(stage)
            shown = branches.get(stage)
            if shown is not None and not shown.filled:
                continue  # no rows to keep: its notes are made when it is opened
            if branch is not None and (shown is None or shown.node is not branch):
                for n in self._children(branch):
                    row = rows.get(n.id)
                    if row is not None and (row.node is n or self._refill(row, n, style)):
                        stays[n.id] = stage
        aside = self._take_out(changed, current, stays)
        placed: list[QTreeWidgetItem] = []  # rows put in, new or moved: folds to set
        for stage in changed:
            branch = current.get(stage)
            if branch is None:
                continue
            shown = branches.get(stage)
            if shown is None or shown.node is not branch:
                placed += self._patch_branch(branch, aside, style)
            elif shown.number != branch.number:  # a branch came or went before it
                self._renumber_branch(shown)
        # (Rows left aside would mean a PlanIndex broken: they simply go.)
        if index.reordered:
            root = self.tree.invisibleRootItem()
            top = [root.child(i).data(0, ROLE_ID) for i in range(root.childCount())]
            placed += arrange_children(root, top, [b.id for b in derived.branches],
                                       lambda stage: branches[stage].item)
        self.state.apply(item for row in placed for item in subtree(row))

    def _take_out(self, changed, by_id: dict, stays: dict) -> dict[str, _Row]:
        """Rows leave their branches before any is put in, so a note gone to another
        stage is free to join it: gives such notes' rows, kept aside meanwhile."""
        branches, rows = self._branches, self._rows
        aside: dict[str, _Row] = {}
        root = self.tree.invisibleRootItem()
        for stage in changed:
            shown = branches.get(stage, None)
            if shown is None or by_id.get(stage, _GONE) is shown.node:
                continue
            if stage not in by_id:  # the branch goes with its rows, less those aside
                for note in shown.notes:
                    row = rows.pop(note)
                    if note in stays:
                        aside[note] = row
                        shown.item.removeChild(row.item)
                root.takeChild(root.indexOfChild(shown.item))
                del branches[stage]
                continue
            keep = []
            for place in range(len(shown.notes) - 1, -1, -1):  # from the end: places hold
                note = shown.notes[place]
                if stays.get(note, _GONE) == stage:
                    keep.append(note)
                    continue
                shown.item.takeChild(place)
                row = rows.pop(note)
                if note in stays:
                    aside[note] = row
            keep.reverse()
            shown.notes = keep
        return aside

    def _patch_branch(self, branch: plan.Node, aside: dict[str, _Row],
                      style: QStyle) -> list[QTreeWidgetItem]:
        """A branch made anew: its row kept (or made), its kept notes' rows kept and
        refreshed, the others made or taken from aside, all put in rank order."""
        rows = self._rows
        shown = self._branches.get(branch.id)
        if shown is None:
            self._stage_item(branch)  # notes the branch, with no rows yet
            shown = self._branches[branch.id]
        else:
            shown.node = branch
            shown.number = branch.number
            shown.item.setText(0, self._stage_text(branch))
            if not shown.filled:  # rows made when it is opened, from the node then
                self._show_indicator(shown.item, branch)
                return []
        key = shown.item.data(0, ROLE_KEY)
        wanted = []
        for n in self._children(branch):
            row = rows.get(n.id)
            if row is None and n.id in aside:
                row = rows[n.id] = aside.pop(n.id)
                rekey(row.item, key)
            if row is None:
                self._item(n, key, style)  # makes the row
            else:
                self._refresh_note(row)
            wanted.append(n.id)
        placed = arrange_children(shown.item, shown.notes, wanted,
                                  lambda note: rows[note].item)
        shown.notes = wanted
        return placed

    def _renumber_branch(self, shown: _Branch) -> None:
        shown.number = shown.node.number
        shown.item.setText(0, self._stage_text(shown.node))
        for note in shown.notes:  # none in a branch not filled yet
            self._refresh_note(self._rows[note])

    def _refresh_note(self, row: _Row) -> None:
        """A kept note's number and score, changed in place by ``PlanIndex``."""
        node, item = row.node, row.item
        if row.number != node.number:
            row.number = node.number
            self._renumber(node, item)
        if row.score is not node.score:
            old, row.score = row.score, node.score
            if old is None or old.value != node.score.value:
                item.setText(1, format_score(node.score.value))

    def _renumber(self, node: plan.Node, item: QTreeWidgetItem) -> None:
        """Numbers of a kept subtree: its items mirror its nodes one for one."""
        item.setText(0, self._note_text(node) if node.kind == "note"
                     else self._action_text(node))
        for i, child in enumerate(node.children):
            self._renumber(child, item.child(i))

    def _select_again(self, current: QTreeWidgetItem, key: tuple) -> None:
        """The row selected before, kept or made anew, selected again."""
        if current.treeWidget() is not self.tree:
            current = self._find(key)
        if current is not None and self.tree.currentItem() is not current:
            self.tree.setCurrentItem(current)

    def _find(self, key: tuple) -> QTreeWidgetItem | None:
        """The row at a path: its branch's and note's rows noted, then child by child
        (not a walk over every row)."""
        shown = self._branches.get(key[1], None) if len(key) >= 2 else None
        if shown is None or len(key) < 4:
            return None if shown is None else shown.item
        self._fill(shown)
        row = self._rows.get(key[3])
        item = None if row is None or row.item.data(0, ROLE_KEY) != key[:4] else row.item
        for depth in range(6, len(key) + 1, 2):
            if item is None:
                return None
            item = next((item.child(i) for i in range(item.childCount())
                         if item.child(i).data(0, ROLE_KEY) == key[:depth]), None)
        return item

    def _item(self, node: plan.Node, parent_key: tuple, style: QStyle) -> QTreeWidgetItem:
        """A node's row and its sub-rows, made anew (and noted, for a stage or note)."""
        if node.kind == "stage":
            item = self._stage_item(node)
            self._branches[node.id].notes = [n.id for n in self._children(node)]
        else:
            item = _new_item(node, parent_key + (node.kind, node.id))
            if node.kind == "note":
                item.setTextAlignment(1, Qt.AlignRight | Qt.AlignVCenter)
                item.setForeground(4, self._word(
                    "placeholder", lambda _: QBrush(self.palette().placeholderText().color())))
                self._fill_note(node, item)
                self._rows[node.id] = _Row(node, item)
            else:
                self._fill_action(node, item, style)
        key = item.data(0, ROLE_KEY)
        item.addChildren([self._item(child, key, style) for child in node.children])
        return item

    def _fill_note(self, node: plan.Node, item: QTreeWidgetItem) -> None:
        kind = self.journey.get(node.id)["note_kind"]
        item.setIcon(0, note_icon(kind))
        item.setText(0, self._note_text(node))
        item.setText(1, format_score(node.score.value))
        item.setText(4, self._word(kind, labels.note_kind_label))

    def _fill_action(self, node: plan.Node, item: QTreeWidgetItem, style: QStyle) -> None:
        attrs = self.journey.get(node.id)
        item.setText(0, self._action_text(node))
        item.setToolTip(0, node.title)  # the column is narrow in a dock
        item.setText(2, attrs["owner"])
        item.setText(3, format_date(attrs["due"]))
        status = self._word(("status", attrs["status"]),
                            lambda key: labels.status_label(key[1]))
        flags = flag_text(node.overdue, node.review_due)
        item.setText(4, f"{status} · {flags}" if flags else status)
        mark_flags(item, style, node.overdue, node.review_due, range(self.COLUMNS))

    def _refill(self, row: _Row, node: plan.Node, style: QStyle) -> bool:
        """A note made anew whose rows can take its new node's words in place: the
        same actions in the same nesting, none marked overdue or review due (marks
        are only ever added to a row).  Changing texts costs next to nothing, where
        putting rows in or out has the view lay out all its rows again (~25 ms at
        5,000 touchpoints).  False if the rows must be made anew."""
        old = list(row.node.walk())
        new = list(node.walk())
        if len(old) != len(new) or any(
                a.id != b.id or len(a.children) != len(b.children)
                or a.overdue or a.review_due or b.overdue or b.review_due
                for a, b in zip(old[1:], new[1:])):
            return False
        self._fill_note(node, row.item)
        items = list(subtree(row.item))
        for action, item in zip(new[1:], items[1:]):
            self._fill_action(action, item, style)
        row.node, row.number, row.score = node, node.number, node.score
        return True

    def _stage_item(self, node: plan.Node) -> QTreeWidgetItem:
        """A branch's row without its notes' rows (noted as shown, with none yet)."""
        item = _new_item(node, ("stage", node.id))
        item.setText(0, self._stage_text(node))
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self._branches[node.id] = _Branch(node, item)
        return item

    def _stage_text(self, node: plan.Node) -> str:
        title = node.title or (self._word("Whole journey", lambda _: tr("Whole journey")) if node.id is None
                               else self._word("Untitled stage", labels.tr))
        return f"{node.number}  {title}"

    def _note_text(self, node: plan.Node) -> str:
        return f"{node.number}  {node.title or self._word('Untitled note', lambda _: tr('Untitled note'))}"

    def _action_text(self, node: plan.Node) -> str:
        return f"{node.number}  {node.title or self._word('Untitled action', lambda _: tr('Untitled action'))}"

    def note_tip(self, item: QTreeWidgetItem) -> str | None:
        """A note row's tooltip (its kind, rank and score formula), made when hovered;
        ``None`` for other rows, which keep theirs in the item."""
        row = self._rows.get(item.data(0, ROLE_ID)) if item.data(0, ROLE_KIND) == "note" \
            else None
        if row is None or row.node.id not in self.journey:
            return None
        score = row.node.score
        # Nodes carry no rank (one note going would re-rank thousands): asked here.
        rank = self.journey.rank_of(row.node.id, score.method)
        if rank is None:
            return None
        kind_name = labels.note_kind_label(self.journey.get(row.node.id)["note_kind"])
        words = score_vocabulary()
        return "\n".join([kind_name, tr("Rank %1").replace("%1", str(rank)),
                          tr("Score: %1").replace("%1", score_text(score.formula, words)),
                          *(score_text(flag, words) for flag in score.flags)])

    def _word(self, key, make):
        # ``make`` calls tr() with the literal text itself: lupdate only finds literals.
        word = self._words.get(key)
        if word is None:
            word = self._words[key] = make(key)
        return word
