"""The Feedback panel's table: one row per feedback item, filtered and sorted.

A Qt table model over a list of item ids, kept in the table's sort order with each
row's sort key beside it.  Cells are read from the model when the view asks (only the
rows on screen), so a map of 100,000 items shows at once.  The list is made again when
the filters change; an edit only patches it (``patch``): an item that came, went or
changed is put in, taken out, or repainted where it is, in O(log rows) each, so
assigning one item costs the same with 100 items or 100,000.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...bidi import isolate
from ...model import JourneyMap
from ...model.metrics import Tally, in_range

DATE, TOUCHPOINT, NPS, CSAT, SOURCE, TEXT = range(6)
ID_ROLE = Qt.UserRole
# Score filters: (name, test on an item's fields).
SCORES: dict[str, Callable[[dict], bool]] = {
    "promoters": lambda a: a["nps"] is not None and a["nps"] >= 9,
    "passives": lambda a: a["nps"] is not None and 7 <= a["nps"] <= 8,
    "detractors": lambda a: a["nps"] is not None and a["nps"] <= 6,
    "unhappy": lambda a: a["csat"] is not None and a["csat"] <= 2,
    "unscored": lambda a: a["nps"] is None and a["csat"] is None,
}
UNMATCHED = "\0unmatched"  # the touchpoint filter's "no touchpoint yet"


def tr(text: str) -> str:
    return QCoreApplication.translate("Feedback", text)


def source_label(source: str) -> str:
    """A source as the interface names it: the importers' own words translated, what a
    file said kept as it said it."""
    return {"survey": tr("Survey"), "email": tr("E-mail")}.get(source, source)


def headers() -> tuple[str, ...]:
    return (tr("Date"), tr("Touchpoint"), tr("NPS"), tr("CSAT"), tr("Source"), tr("Text"))


def item_text(attrs: dict) -> str:
    """An item's words on one line: the subject, then the text."""
    parts = [attrs["title"].strip(), attrs["description"].strip()]
    return " — ".join(p for p in parts if p).replace("\n", " ")


class FeedbackRows(QAbstractTableModel):
    def __init__(self, journey: JourneyMap, parent=None):
        super().__init__(parent)
        self.journey = journey
        self.ids: list[str] = []
        self.keys: list[tuple] = []  # each row's sort key, in the rows' order
        self._at: dict[str, int] | None = None  # item -> row, made when first asked
        self._sort = (DATE, Qt.DescendingOrder)
        # (touchpoint, source, score, words): what the rows let through; and the dates
        # (first, last day, or None: open), as ``cxdesigner metrics --from --to``.
        self.filters: tuple = (None, None, None, "")
        self.dates: tuple[_dt.date | None, _dt.date | None] = (None, None)
        # The shown rows' answers, kept per row as rows come and go: their NPS and CSAT
        # are read in O(1) (``tally``) however many rows there are.
        self.tally = Tally()
        self._answers: dict[str, tuple[int | None, int | None]] = {}

    # ------------------------------------------------------------ filling
    def refilter(self, touchpoint: str | None, source: str | None, score: str | None,
                 words: str, dates: tuple = (None, None)) -> None:
        """Show the items these filters let through, in O(items)."""
        self.filters = (touchpoint, source, score, words.casefold().strip())
        self.dates = dates
        journey = self.journey
        ids = (journey.feedback_on(touchpoint) if touchpoint not in (None, UNMATCHED)
               else journey.feedback_items())
        self.show([item for item in ids if self.passes(item)])

    def show(self, ids: list[str]) -> None:
        """Show these items, in the table's sort order."""
        self.beginResetModel()
        key = self._key
        pairs = sorted(((key(item), item) for item in ids),
                       reverse=self._sort[1] == Qt.DescendingOrder)
        self.keys = [k for k, _ in pairs]
        self.ids = [item for _, item in pairs]
        self._at = None
        self.tally, self._answers = Tally(), {}
        for item in self.ids:
            self._count(item)
        self.endResetModel()

    def _count(self, item: str) -> None:
        attrs = self.journey.get(item)
        answers = self._answers[item] = (attrs["nps"], attrs["csat"])
        self.tally.add(*answers)

    def _uncount(self, item: str) -> None:
        self.tally.add(*self._answers.pop(item), count=-1)

    def passes(self, item: str) -> bool:
        """Whether an item of the map passes the filters."""
        touchpoint, source, score, words = self.filters
        journey = self.journey
        attrs = journey.get(item)
        if touchpoint is not None:
            tp = journey.touchpoint_of_item(item)
            if tp != (None if touchpoint == UNMATCHED else touchpoint):
                return False
        if source is not None and attrs["source"] != source:
            return False
        if self.dates != (None, None) and not in_range(attrs["date"], *self.dates):
            return False
        test = SCORES.get(score) if score else None
        if test is not None and not test(attrs):
            return False
        return not words or words in item_text(attrs).casefold()

    def patch(self, touched: set[str]) -> None:
        """Follow the items that came, went or changed: each put in its place, taken
        out, or repainted, in O(log rows) (and the list's own shift)."""
        journey = self.journey
        for item in touched:
            row = self.row_of(item)
            keep = item in journey and self.passes(item)
            if row >= 0 and keep and self.keys[row] == self._key(item):
                self._uncount(item)
                self._count(item)
                self.dataChanged.emit(self.index(row, 0), self.index(row, 5))
                continue
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._uncount(item)
                del self.ids[row], self.keys[row]
                self._at = None
                self.endRemoveRows()
            if keep:
                key = self._key(item)
                at = self._place(key)
                self.beginInsertRows(QModelIndex(), at, at)
                self._count(item)
                self.ids.insert(at, item)
                self.keys.insert(at, key)
                self._at = None
                self.endInsertRows()

    def touchpoints_renamed(self) -> None:
        """A touchpoint's title changed: its items' cells say it (the view repaints
        only the rows on screen)."""
        if self.ids:
            self.dataChanged.emit(self.index(0, TOUCHPOINT),
                                  self.index(len(self.ids) - 1, TOUCHPOINT))

    def item_at(self, row: int) -> str | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, item: str) -> int:
        if self._at is None:  # made again after rows moved: once per burst of edits
            self._at = {i: n for n, i in enumerate(self.ids)}
        return self._at.get(item, -1)

    # ------------------------------------------------------------- Qt's API
    def rowCount(self, parent=QModelIndex()) -> int:  # Qt's name
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # Qt's name
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # Qt's name
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):  # Qt's name
        item = self.item_at(index.row())
        if item is None or item not in self.journey:
            return None
        if role == ID_ROLE:
            return item
        column = index.column()
        if role == Qt.TextAlignmentRole and column in (NPS, CSAT):
            return int(Qt.AlignCenter)
        if role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        attrs = self.journey.get(item)
        if column == TEXT and role == Qt.ToolTipRole:
            return item_text(attrs)[:2000]
        if column == DATE:
            return attrs["date"] or ""
        if column == TOUCHPOINT:
            tp = self.journey.touchpoint_of_item(item)
            if tp is None:
                return tr("(unmatched)")
            return isolate(self.journey.title(tp) or tr("Untitled touchpoint"))
        if column == NPS:
            return "" if attrs["nps"] is None else str(attrs["nps"])
        if column == CSAT:
            return "" if attrs["csat"] is None else str(attrs["csat"])
        if column == SOURCE:
            return isolate(source_label(attrs["source"]))
        return isolate(item_text(attrs)[:300])

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:  # Qt's name
        self._sort = (column, order)
        self.show(list(self.ids))

    def _key(self, item: str) -> tuple:
        """The row's sort key; the id last, so equal rows keep one order."""
        column = self._sort[0]
        journey = self.journey
        attrs = journey.get(item)
        if column == TOUCHPOINT:
            tp = journey.touchpoint_of_item(item)
            return (tp is None, journey.title(tp).casefold() if tp else "", item)
        if column in (NPS, CSAT):
            value = attrs["nps" if column == NPS else "csat"]
            return (value is None, value or 0, item)
        if column == SOURCE:
            return (attrs["source"].casefold(), item)
        if column == TEXT:
            return (item_text(attrs).casefold(), item)
        return (attrs["date"] is not None, attrs["date"] or "", item)  # undated: last

    def _place(self, key: tuple) -> int:
        """Where a row of ``key`` goes among the sorted rows (binary search)."""
        keys, descending = self.keys, self._sort[1] == Qt.DescendingOrder
        lo, hi = 0, len(keys)
        while lo < hi:
            mid = (lo + hi) // 2
            if (keys[mid] > key) if descending else (keys[mid] < key):
                lo = mid + 1
            else:
                hi = mid
        return lo


def sources(journey: JourneyMap) -> list[str]:
    """The sources the map's items name, sorted."""
    get = journey.get
    return sorted({get(item)["source"] for item in journey.feedback_items()} - {""},
                  key=str.casefold)


def kind_names() -> dict[str, str]:
    """The note kinds a selection can become, in the interface's language."""
    return {"pain_point": tr("Pain Point"), "opportunity": tr("Opportunity"),
            "insight": tr("Insight")}

