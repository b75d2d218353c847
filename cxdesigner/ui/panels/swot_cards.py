"""A quadrant of the SWOT board: its header, its list of note cards and its entry.

A list shows rows it is given and reports gestures; it never changes the model.
Dragging cards carries their note ids (``MIME``); a list that receives them emits
``notes_dropped`` and the board turns that into one command.  Renaming a card emits
``title_edited`` once the editor has closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (QByteArray, QCoreApplication, QEvent, QItemSelection,
                            QItemSelectionModel, QMimeData, QModelIndex, QRect,
                            QRectF, QSize, Qt, QTimer, Signal)
from PySide6.QtGui import (QColor, QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont,
                           QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPen)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QListView, QListWidget, QListWidgetItem, QSizePolicy, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QToolButton,
                               QVBoxLayout, QWidget)

from ...canvas import labels
from ...canvas.items import text_option
from ...canvas.title_editor import limit_line
from ..language import ours

MIME = "application/x-cxdesigner-note-ids"
ID_ROLE, KIND_ROLE, WHERE_ROLE = Qt.UserRole, Qt.UserRole + 1, Qt.UserRole + 2
PAD, BADGE = 6, 20
TINTS = {"strength": "#e8f0fb", "weakness": "#fcf1e3", "opportunity": "#e6f5ec",
         "threat": "#f2e9f7"}


def tr(text: str) -> str:
    return QCoreApplication.translate("SwotBoard", text)


@dataclass(frozen=True)
class Row:
    """What a card shows: read from the model by the board."""
    note: str
    title: str
    kind: str
    where: str  # what the note is about: a touchpoint, a stage or the whole map
    tooltip: str


def encode_ids(ids: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, QByteArray("\n".join(ids).encode("utf-8")))
    return data


def decode_ids(data: QMimeData) -> list[str]:
    if not data.hasFormat(MIME):
        return []
    return [i for i in bytes(data.data(MIME)).decode("utf-8", "replace").split("\n") if i]


class CardDelegate(QStyledItemDelegate):
    title_edited = Signal(str, str)  # note id, new title

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.85))
        return title, small

    def _text_width(self) -> int:
        view: QListWidget = self.parent()
        return max(60, view.viewport().width() - 2 * view.spacing() - 3 * PAD - BADGE - 8)

    def _title(self, index: QModelIndex) -> str:
        return index.data(Qt.DisplayRole) or tr("Untitled note")

    def card_size(self, font: QFont, title: str) -> QSize:
        """A card's size, kept on its item (``SizeHintRole``) by the list: Qt's own
        delegate reads it there, so laying out thousands of cards after one came or
        went calls no Python.  The list sets it again when its width changes."""
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        box = QFontMetrics(font).boundingRect(
            QRect(0, 0, self._text_width(), 100_000),
            Qt.TextWordWrap | Qt.TextWrapAnywhere, title or tr("Untitled note"))
        # A few units spare: the card's border and the descenders of the last line.
        height = PAD + box.height() + 6 + QFontMetrics(small).lineSpacing() + PAD
        return QSize(self._text_width() + BADGE + 3 * PAD, max(height, BADGE + 2 * PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex) -> None:  # Qt's name
        rtl = option.direction == Qt.RightToLeft
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        kind = index.data(KIND_ROLE)
        card = QRectF(option.rect).adjusted(2, 1, -2, -1)
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(palette.highlight().color(), 2.5) if selected
                       else QPen(palette.mid().color(), 1))
        painter.setBrush(palette.base())
        painter.drawRoundedRect(card, 6, 6)
        # The kind's badge at the reading start, as on the canvas chips.
        x = card.right() - PAD - BADGE if rtl else card.left() + PAD
        badge = QRectF(x, card.top() + PAD, BADGE, BADGE)
        painter.setPen(Qt.NoPen)
        painter.setBrush(labels.NOTE_COLOURS.get(kind, QColor("gray")))
        painter.drawEllipse(badge)
        painter.setPen(QColor("white"))
        letter_font = QFont(option.font)
        letter_font.setBold(True)
        painter.setFont(letter_font)
        painter.drawText(badge, Qt.AlignCenter, labels.note_kind_letter(kind))
        title_font, small = self._fonts(option)
        text = card.adjusted(PAD, PAD, -PAD, -PAD)
        if rtl:
            text.setRight(badge.left() - PAD)
        else:
            text.setLeft(badge.right() + PAD)
        where_h = QFontMetrics(small).lineSpacing()
        painter.setFont(title_font)
        title = index.data(Qt.DisplayRole)
        painter.setPen(palette.text().color() if title else palette.placeholderText().color())
        painter.drawText(text.adjusted(0, 0, 0, -where_h - 2), self._title(index),
                         text_option(rtl))
        painter.setFont(small)
        painter.setPen(palette.placeholderText().color())
        where = QFontMetrics(small).elidedText(index.data(WHERE_ROLE) or "", Qt.ElideRight,
                                               int(text.width()))
        painter.drawText(QRectF(text.left(), text.bottom() - where_h, text.width(), where_h),
                         where, text_option(rtl, wrap=False))
        painter.restore()

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex) -> None:  # Qt's name
        rect = option.rect.adjusted(PAD + BADGE + PAD, PAD - 2, -PAD, 0)
        if option.direction == Qt.RightToLeft:
            rect = option.rect.adjusted(PAD, PAD - 2, -(PAD + BADGE + PAD), 0)
        rect.setHeight(editor.sizeHint().height())
        editor.setGeometry(rect)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # Qt's name
        # The item is not written: the rename is a command, and the board follows the
        # model.  Later, so the editor has closed before the card is patched.
        note, title = index.data(ID_ROLE), editor.text()
        QTimer.singleShot(0, lambda: self.title_edited.emit(note, title))


class NoteList(QListWidget):
    notes_dropped = Signal(list)  # note ids dropped on this list
    title_edited = Signal(str, str)

    def __init__(self, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.placeholder = placeholder
        self._drop_here = False
        self._rows: list[Row] = []
        self._item_of: dict[str, QListWidgetItem] = {}  # each card's item, by note
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDrop)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setWordWrap(True)
        self.setResizeMode(QListView.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setSpacing(2)
        self.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.delegate = CardDelegate(self)
        self.delegate.title_edited.connect(self.title_edited)
        self.setItemDelegate(self.delegate)
        self._sized_for = (0, "")  # the text width and font the cards' sizes are for

    # ------------------------------------------------------------- content
    def ids(self) -> list[str]:
        return [row.note for row in self._rows]

    def selected_ids(self) -> list[str]:
        return [i.data(ID_ROLE) for i in self.selectedItems()]

    def item_for(self, note: str) -> QListWidgetItem | None:
        return self._item_of.get(note)

    def select_only(self, wanted: set[str]) -> QListWidgetItem | None:
        """Select the cards of ``wanted`` and no other, in one selection change (not
        one call per card: a quadrant holds thousands); gives the first one."""
        selection, first = QItemSelection(), None
        for note in wanted:
            item = self._item_of.get(note)
            if item is not None:
                index = self.indexFromItem(item)
                selection.select(index, index)
                if first is None or index.row() < self.row(first):
                    first = item
        if selection.isEmpty() and not self.selectionModel().hasSelection():
            return None
        self.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect)
        return first

    def set_rows(self, rows: list[Row]) -> None:
        """Show these notes, keeping the selection and the scroll; nothing happens if
        they are shown."""
        if rows == self._rows:
            return
        self._resize_cards()
        selected = set(self.selected_ids())
        scrolled = self.verticalScrollBar().value()
        self._rows = list(rows)
        self.clear()
        self._item_of.clear()
        for row in rows:
            item = self._make(row)
            self.addItem(item)
            item.setSelected(row.note in selected)
        self.verticalScrollBar().setValue(scrolled)

    # One card at a time, for the board's patches: the other cards, their selection
    # and the scroll stay as they are.
    def insert_row(self, place: int, row: Row, selected: bool = False) -> None:
        self._resize_cards()
        self._rows.insert(place, row)
        item = self._make(row)
        self.insertItem(place, item)
        item.setSelected(selected)

    def take_row(self, place: int) -> bool:
        """Remove the card at ``place``; whether it was selected."""
        row = self._rows.pop(place)
        item = self.takeItem(place)
        if self._item_of.get(row.note) is item:
            del self._item_of[row.note]
        return item is not None and item.isSelected()

    def change_row(self, place: int, row: Row) -> None:
        if self._rows[place] != row:
            self._resize_cards()
            if self._rows[place].note != row.note:
                self._item_of.pop(self._rows[place].note, None)
            self._rows[place] = row
            self._fill(self.item(place), row)

    def _fill(self, item: QListWidgetItem, row: Row) -> None:
        self._item_of[row.note] = item
        item.setSizeHint(self.delegate.card_size(self.font(), row.title))
        item.setText(row.title)
        item.setData(ID_ROLE, row.note)
        item.setData(KIND_ROLE, row.kind)
        item.setData(WHERE_ROLE, row.where)
        item.setToolTip(row.tooltip)

    def _make(self, row: Row) -> QListWidgetItem:
        item = QListWidgetItem()
        self._fill(item, row)
        item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled
                      | Qt.ItemIsEditable)
        return item

    def _resize_cards(self) -> None:
        """Size every card again if the width or font the sizes were made for changed."""
        sized_for = (self.delegate._text_width(), self.font().key())
        if sized_for == self._sized_for:
            return
        self._sized_for = sized_for
        size, font = self.delegate.card_size, self.font()
        for place, row in enumerate(self._rows):
            self.item(place).setSizeHint(size(font, row.title))

    def resizeEvent(self, event) -> None:  # Qt's name; the viewport's resizes too
        self._resize_cards()
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:  # Qt's name
        if event.type() == QEvent.FontChange:
            self._resize_cards()
        super().changeEvent(event)

    # ------------------------------------------------------------ dragging
    def mimeTypes(self) -> list[str]:  # Qt's name
        return [MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # Qt's name
        return encode_ids([i.data(ID_ROLE) for i in items])

    def startDrag(self, actions) -> None:  # Qt's name
        items = self.selectedItems()
        if not items:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData(items))
        drag.setPixmap(self.viewport().grab(self.visualItemRect(items[0])))
        # The drop target pushes the command; the source removes nothing itself,
        # since the board redraws both lists from the model.
        drag.exec(Qt.MoveAction)

    def _accepts(self, event: QDragMoveEvent) -> bool:
        if decode_ids(event.mimeData()):
            event.setDropAction(Qt.MoveAction)
            event.accept()
            return True
        event.ignore()
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt's name
        self._set_drop_here(self._accepts(event))

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # Qt's name
        self._accepts(event)

    def dragLeaveEvent(self, event) -> None:  # Qt's name
        self._set_drop_here(False)

    def dropEvent(self, event: QDropEvent) -> None:  # Qt's name
        self._set_drop_here(False)
        ids = decode_ids(event.mimeData())
        if not ids:
            event.ignore()
            return
        event.setDropAction(Qt.MoveAction)
        event.accept()
        self.notes_dropped.emit(ids)

    def _set_drop_here(self, value: bool) -> None:
        if value != self._drop_here:
            self._drop_here = value
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        super().paintEvent(event)
        if self.count() and not self._drop_here:
            return
        painter = QPainter(self.viewport())
        rect = QRectF(self.viewport().rect()).adjusted(3, 3, -3, -3)
        if self._drop_here:
            # The whole quadrant is the target: where in it a note lands does not matter.
            painter.setRenderHint(QPainter.Antialiasing)
            painter.setPen(QPen(self.palette().highlight().color(), 2, Qt.DashLine))
            painter.drawRoundedRect(rect, 6, 6)
        if not self.count():
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(rect.adjusted(8, 8, -8, -8),
                             Qt.AlignCenter | Qt.TextWordWrap, self.placeholder)


def quadrant_texts(kind: str) -> tuple[str, str, str, str]:
    """Name, what it means (tooltip), empty-list hint and the entry's placeholder."""
    return {
        "strength": (tr("Strengths"), tr("Internal and helpful: what the business does "
                                         "well along the journey."),
                     tr("No strengths yet. Drag a note here or press +."),
                     tr("New strength: type, then Enter")),
        "weakness": (tr("Weaknesses"), tr("Internal and harmful: weaknesses, and the pain "
                                          "points customers feel."),
                     tr("No weaknesses or pain points yet. Drag a note here or press +."),
                     tr("New weakness: type, then Enter")),
        "opportunity": (tr("Opportunities"), tr("External and helpful: where the journey "
                                                "could delight."),
                        tr("No opportunities yet. Drag a note here or press +."),
                        tr("New opportunity: type, then Enter")),
        "threat": (tr("Threats"), tr("External and harmful: what could hurt the journey "
                                     "from outside."),
                   tr("No threats yet. Drag a note here or press +."),
                   tr("New threat: type, then Enter")),
    }[kind]


class EntryLine(QLineEdit):
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() == Qt.Key_Escape:
            event.accept()
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class Quadrant(QFrame):
    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        name, about, empty, placeholder = quadrant_texts(kind)
        self.setObjectName("quadrant")
        # Equal halves whatever the names and scroll bars need: the grid splits the
        # width by stretch alone.
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setMinimumWidth(160)
        self.setStyleSheet(f"QFrame#quadrant {{ background: {TINTS[kind]}; "
                           "border-radius: 8px; }")
        self.name = name
        self.count = 0
        # One label for name and count: as two, a right-to-left board put the count
        # before an English name.
        self.title = QLabel(name)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        # Fixed dark ink: the tint behind it is fixed too, whatever the theme.
        ink = QColor(labels.NOTE_COLOURS[kind]).darker(160).name()
        self.title.setStyleSheet(f"color: {ink};")
        self.title.setToolTip(about)
        self.add_button = QToolButton()
        self.add_button.setText("+")
        self.add_button.setToolTip(tr("Add a note here"))
        self.add_button.setAutoRaise(True)
        self.list = NoteList(empty)
        self.entry = EntryLine()
        limit_line(self.entry)
        self.entry.setPlaceholderText(placeholder)
        self.entry.hide()
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.add_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(4)
        column.addLayout(header)
        column.addWidget(self.list, 1)
        column.addWidget(self.entry)
        self.add_button.clicked.connect(self.open_entry)
        self.set_count(0)
        self.entry.cancelled.connect(self.close_entry)

    def set_count(self, count: int) -> None:
        self.count = count
        self.title.setText(ours(tr("%1 (%2)").replace("%2", str(count)).replace(
            "%1", self.name)))

    def open_entry(self) -> None:
        self.entry.show()
        self.entry.setFocus(Qt.OtherFocusReason)

    def close_entry(self) -> None:
        self.entry.clear()
        self.entry.hide()
