"""The Feedback panel's table: one row per feedback item, filtered and sorted.

A Qt table model over a list of item ids.  Cells are read from the model when the view
asks (only the rows on screen), so a map of 100,000 items shows at once; the list is
made again only when the filter or the feedback changes (``FeedbackPanel``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...bidi import isolate
from ...model import JourneyMap

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
        self._sort = (DATE, Qt.DescendingOrder)

    # ------------------------------------------------------------ filling
    def show(self, ids: list[str]) -> None:
        """Show these items, in the table's sort order."""
        self.beginResetModel()
        self.ids = self._sorted(ids)
        self.endResetModel()

    def filtered(self, touchpoint: str | None, source: str | None, score: str | None,
                 words: str) -> list[str]:
        """The items the filters let through, in O(items)."""
        journey = self.journey
        ids = (journey.feedback_on(touchpoint) if touchpoint not in (None, UNMATCHED)
               else journey.feedback_items())
        get = journey.get
        test = SCORES.get(score) if score else None
        words = words.casefold().strip()
        out = []
        for item in ids:
            attrs = get(item)
            if touchpoint == UNMATCHED and journey.touchpoint_of_item(item) is not None:
                continue
            if source is not None and attrs["source"] != source:
                continue
            if test is not None and not test(attrs):
                continue
            if words and words not in item_text(attrs).casefold():
                continue
            out.append(item)
        return out

    def item_at(self, row: int) -> str | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, item: str) -> int:
        try:
            return self.ids.index(item)
        except ValueError:
            return -1

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
        self.layoutAboutToBeChanged.emit()
        self.ids = self._sorted(self.ids)
        self.layoutChanged.emit()

    def _sorted(self, ids: list[str]) -> list[str]:
        column, order = self._sort
        journey = self.journey
        get = journey.get

        def key(item: str):
            attrs = get(item)
            if column == TOUCHPOINT:
                tp = journey.touchpoint_of_item(item)
                return (tp is None, journey.title(tp).casefold() if tp else "")
            if column in (NPS, CSAT):
                value = attrs["nps" if column == NPS else "csat"]
                return (value is None, value or 0)
            if column == SOURCE:
                return (attrs["source"].casefold(),)
            if column == TEXT:
                return (item_text(attrs).casefold(),)
            return (attrs["date"] is not None, attrs["date"] or "")  # undated: last
        return sorted(ids, key=key, reverse=order == Qt.DescendingOrder)


def sources(journey: JourneyMap) -> list[str]:
    """The sources the map's items name, sorted."""
    get = journey.get
    return sorted({get(item)["source"] for item in journey.feedback_items()} - {""},
                  key=str.casefold)


def kind_names() -> dict[str, str]:
    """The note kinds a selection can become, in the interface's language."""
    return {"pain_point": tr("Pain Point"), "opportunity": tr("Opportunity"),
            "insight": tr("Insight")}

