"""What the action trees' modules share: translation, row roles, the overdue and
review-due marks, note icons, and the follow-the-model and keep-the-expansion helpers.

The plan (``plan_view``) and the editable actions (``actions_view``) follow the
model's events, at most once per turn of the event loop and only while shown
(``_Follower``), keeping what the user had expanded and selected (``_TreeState``); the
plan patches its rows, reordering them with ``arrange_children``.
Overdue actions and actions whose review is due are marked by colour *and* icon *and*
text (``mark_flags``).  ``map_direction`` is also used by the analysis panel and the
workshop's vote list; ``note_icon`` by the workshop's vote list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QStyle, QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator,
                               QWidget)

from ...canvas import labels
from ...model import schema as S
from ...model.changes import AddNode, RemoveNode, SetNode, SetStageOrder, evidence_only
from .lazy_panel import LazyPanel

SelectCallback = Callable[[list[str]], None]

ROLE_ID = Qt.UserRole  # the element's id
ROLE_KIND = Qt.UserRole + 1  # "stage", "note", "action"
ROLE_KEY = Qt.UserRole + 2  # the row's path from the root, to keep expansion state

OVERDUE_COLOUR = QColor("#b3261e")
REVIEW_COLOUR = QColor("#8a5a00")


# One context for every module of the action trees' dock.
def tr(text: str) -> str:
    return QCoreApplication.translate("ActionTreePanel", text)


def format_date(iso: str | None) -> str:
    # ISO dates, as the CLI and the report write them: unambiguous in every locale.
    return iso or ""


def note_title(journey, note: str) -> str:
    return journey.title(note) or tr("Untitled note")


def map_direction(journey) -> Qt.LayoutDirection:
    """The direction the map's content reads in.  Views of the content follow it (as
    the canvas does), so Hebrew titles line up on the right under an English menu."""
    return Qt.RightToLeft if journey.document["direction"] == "rtl" else Qt.LeftToRight


_icon_cache: dict[str, QIcon] = {}


def note_icon(kind: str) -> QIcon:
    """The note's chip in small: its colour with its letter (so not colour alone)."""
    letter = labels.note_kind_letter(kind)
    icon = _icon_cache.get((kind, letter))  # by letter too: the interface's language
    if icon is None:
        pixmap = QPixmap(18, 16)
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(labels.NOTE_COLOURS.get(kind, QColor("#777777")))
        painter.drawRoundedRect(QRectF(0.5, 0.5, 17, 15), 3, 3)
        font = QFont("DejaVu Sans")
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, 18, 16), Qt.AlignCenter, letter)
        painter.end()
        icon = _icon_cache[(kind, letter)] = QIcon(pixmap)
    return icon


_SCORE_WORDS = re.compile(r"\bnot scored\b|\b(?:impact|effort|confidence|ease|reach|votes|"
                          r"assumed|unscored|no|x)\b")


def score_vocabulary() -> dict[str, str]:
    """The words of the model's score formulas and flags, in the interface's language
    (look it up once per build: it is used on every ranked row)."""
    return {"impact": tr("impact"), "effort": tr("effort"), "confidence": tr("confidence"),
            "ease": tr("ease"), "reach": tr("reach"), "votes": tr("votes"),
            "assumed": tr("assumed"), "unscored": tr("unscored"), "no": tr("no"),
            "not scored": tr("not scored"), "x": "×"}


def score_text(text: str, vocabulary: dict[str, str]) -> str:
    """A formula ("impact 3 / effort 2 = 1.50") or flag ("reach assumed 3") of
    ``model.scoring``, which speaks English, in the words of ``vocabulary``."""
    return _SCORE_WORDS.sub(lambda match: vocabulary[match.group(0)], text)


def flag_text(overdue: bool, review_due: bool) -> str:
    parts = []
    if overdue:
        parts.append(tr("Overdue"))
    if review_due:
        parts.append(tr("Review due"))
    return " · ".join(parts)


def mark_flags(item: QTreeWidgetItem, style: QStyle, overdue: bool, review_due: bool,
               columns: Iterable[int]) -> None:
    """Colour, icon and words, so the mark does not rest on colour alone."""
    if not (overdue or review_due):
        return
    colour = OVERDUE_COLOUR if overdue else REVIEW_COLOUR
    icon = style.standardIcon(QStyle.SP_MessageBoxWarning if overdue
                              else QStyle.SP_BrowserReload)
    item.setIcon(0, icon)
    for column in columns:
        item.setForeground(column, QBrush(colour))
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    tips = []
    if overdue:
        tips.append(tr("Overdue: the due date has passed and the action is not done."))
    if review_due:
        tips.append(tr("Review due: last reviewed longer ago than its review cadence."))
    for column in range(item.columnCount()):
        item.setToolTip(column, "\n".join([t for t in [item.toolTip(column)] if t] + tips))


# Touchpoint fields the plan and the action tree never read: editing them (a card
# renamed, an emotion, a channel) leaves both trees as they are.  A card's place does
# count: notes of equal score are ranked in journey order.  A card added or removed
# alone (its notes go by their own operations) keeps the order of the others.
_PLACE_KEYS = {"x", "y"}


def affects_actions(change) -> bool:
    """Whether an applied change can alter the plan or the action tree.  O(ops)."""
    if evidence_only(change):
        return False
    came_or_went = {op.id for op in change.ops
                    if type(op) in (AddNode, RemoveNode) and op.kind == S.TOUCHPOINT}
    for op in change.ops:
        kind, t = getattr(op, "kind", None), type(op)
        if kind == S.FLOW or (kind == S.TOUCHPOINT and t is not SetNode):
            continue
        if kind == S.IN_STAGE and op.source in came_or_went:
            continue
        if t is SetNode and kind == S.TOUCHPOINT and not _PLACE_KEYS & op.new.keys():
            continue
        # A stage that comes or goes with nothing in it, or an order in which the stages
        # kept keep their order, leaves every branch as it was (its notes, its
        # touchpoints and their notes each come with ops of their own).
        if kind == S.STAGE and t in (AddNode, RemoveNode):
            continue
        if t is SetStageOrder and _same_order(op.old, op.new):
            continue
        return True
    return False


def _same_order(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    both = set(old) & set(new)
    return [s for s in old if s in both] == [s for s in new if s in both]


class _Follower:
    """Rebuild a view after model changes: once per turn of the event loop, and only
    while it is seen (a hidden tab catches up when it is shown again): a ``LazyPanel``."""

    def _init_follower(self, widget: QWidget, rebuild: Callable[[], None],
                       ready: Callable[[], bool] = lambda: True) -> None:
        self.lazy = LazyPanel(widget, rebuild, ready=ready)

    def schedule(self) -> None:
        self.lazy.mark_stale()

    def refresh(self) -> None:
        """Rebuild now (after an edit whose result must be shown at once)."""
        self.lazy.stale = True
        self.lazy.flush()


class _TreeState:
    """What the user expanded and selected, kept across rebuilds by row path.  Rows are
    open unless folded (``collapsed``); with ``default_open`` off (a large tree), folded
    unless opened (``opened``): every open row is a persistent index Qt walks at each
    row put in or taken out (~5 ms a row with 5,000 open)."""

    def __init__(self, tree: QTreeWidget):
        self.tree = tree
        self.collapsed: set[tuple] = set()
        self.opened: set[tuple] = set()
        self.default_open = True
        tree.itemCollapsed.connect(self._on_collapsed)
        tree.itemExpanded.connect(self._on_expanded)

    def _on_collapsed(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, ROLE_KEY)
        self.collapsed.add(key)
        self.opened.discard(key)

    def _on_expanded(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, ROLE_KEY)
        self.collapsed.discard(key)
        self.opened.add(key)

    def is_open(self, key: tuple) -> bool:
        return key not in self.collapsed if self.default_open else key in self.opened

    def apply(self, items: Iterable[QTreeWidgetItem]) -> None:
        for item in items:
            if item.childCount():
                item.setExpanded(self.is_open(item.data(0, ROLE_KEY)))


def all_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    out = []
    it = QTreeWidgetItemIterator(tree)
    while it.value():
        out.append(it.value())
        it += 1
    return out


def subtree(item: QTreeWidgetItem):
    """A row and every row under it."""
    yield item
    for i in range(item.childCount()):
        yield from subtree(item.child(i))


def rekey(item: QTreeWidgetItem, parent_key: tuple) -> None:
    """The row paths of rows moved to another branch (folds are kept by path)."""
    key = parent_key + (item.data(0, ROLE_KIND), item.data(0, ROLE_ID))
    item.setData(0, ROLE_KEY, key)
    for i in range(item.childCount()):
        rekey(item.child(i), key)


def _in_order(wanted: list, place: dict) -> set:
    """The longest run of ``wanted``'s keys (those in ``place``) whose places rise:
    the rows that can stay where they are."""
    tails: list[int] = []  # tails[k]: index in ``keys`` ending the best run of k + 1
    before: list[int] = []
    keys = [key for key in wanted if key in place]
    for i, key in enumerate(keys):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if place[keys[tails[mid]]] < place[key]:
                lo = mid + 1
            else:
                hi = mid
        before.append(tails[lo - 1] if lo else -1)
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    out, i = set(), tails[-1] if tails else -1
    while i >= 0:
        out.add(keys[i])
        i = before[i]
    return out


def arrange_children(parent: QTreeWidgetItem, current: list, wanted: list,
                     item_of: Callable) -> list[QTreeWidgetItem]:
    """Make ``parent``'s children (keyed by ``current``, in order) those of ``wanted``:
    the longest run already in order stays, the others are taken out and put in their
    places (a row moved far is one move, where swapping neighbours would shift every
    row in between).  Rows of ``current`` not in ``wanted`` are taken out for good.
    Gives the rows put in, whose folds are to be set."""
    if current == wanted:
        return []
    stay = _in_order(wanted, {key: i for i, key in enumerate(current)})
    for i in range(len(current) - 1, -1, -1):
        if current[i] not in stay:
            parent.takeChild(i)
    placed = []
    for i, key in enumerate(wanted):
        if key not in stay:
            item = item_of(key)
            parent.insertChild(i, item)
            placed.append(item)
    return placed
