"""The in-place title editor: a text field laid over a card, a stage header or a chip.

One editor item per scene, shown while a title is being typed and hidden otherwise.
It only collects text: ``committed`` (Enter, or focus moved elsewhere) and
``cancelled`` (Esc) tell the canvas editor, which pushes the one rename command, so
typing a title is one undo step and never one per letter.

A title is cut at ``MAX_TITLE`` characters as it is typed or pasted (a title already
longer, from an older file or a CSV, may stay as long but not grow), and the user is
told, so a pasted page does not become a card's title and a report's 90 pages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import (QFocusEvent, QFont, QKeyEvent, QPainter, QPen, QTextCursor,
                           QTextDocument)
from PySide6.QtWidgets import (QGraphicsTextItem, QLineEdit, QMainWindow, QStyle,
                               QStyleOptionGraphicsItem, QToolTip, QWidget)

from .items import text_option

EDITOR_Z = 1000.0  # above cards, chips and flows
# The longest title the editor lets one type or paste.  The model allows MAX_TEXT for
# any text, which suits evidence, not a title shown on a card, in lists and in reports.
MAX_TITLE = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("TitleEditor", text)


def cut_message(limit: int, title: bool = True) -> str:
    message = (tr("A title may have at most %1 characters; the rest was cut.") if title
               else tr("This text may have at most %1 characters; the rest was cut."))
    return message.replace("%1", f"{limit:,}")


def limit_document(document: QTextDocument, limit: Callable[[], int],
                   cut: Callable[[int], None]) -> None:
    """Keep ``document`` within ``limit()`` characters by cutting what was just typed or
    pasted (not the text already there); ``cut(limit)`` tells the user."""
    def changed(position: int, _removed: int, added: int) -> None:
        most = limit()
        extra = document.characterCount() - 1 - most  # Qt counts a closing paragraph mark
        if extra <= 0 or added <= 0:
            return
        cursor = QTextCursor(document)
        end = min(position + added, document.characterCount() - 1)
        cursor.setPosition(max(position, end - extra))
        cursor.setPosition(end, QTextCursor.KeepAnchor)
        # Part of the same undo step as the paste, so Ctrl+Z takes both back.
        cursor.joinPreviousEditBlock()
        cursor.removeSelectedText()
        cursor.endEditBlock()
        cut(most)
    document.contentsChange.connect(changed)


def tell(widget: QWidget | None, message: str) -> None:
    """Say ``message`` in the window's status bar and in a tooltip at ``widget``."""
    if widget is None:
        return
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 8000)
    QToolTip.showText(widget.mapToGlobal(widget.rect().center()), message, widget)


def limit_line(edit: QLineEdit, most: int = MAX_TITLE, title: bool = True) -> None:
    """Hold a one-line field to ``most`` characters and say so when typing or a paste
    goes past it.  Call ``show_line`` to put a value in: a longer one already in the map
    is shown whole (and may shrink), never cut by the field."""
    edit.setProperty("cxd_limit", most)
    edit.setMaxLength(most)
    # QLineEdit drops what goes past its length silently, but for this signal.
    edit.inputRejected.connect(lambda: tell(edit, cut_message(edit.maxLength(), title)))


def show_line(edit: QLineEdit, value: str) -> None:
    most = edit.property("cxd_limit") or edit.maxLength()
    edit.setMaxLength(max(int(most), len(value)))
    edit.setText(value)


class TitleEditor(QGraphicsTextItem):
    committed = Signal()
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(EDITOR_Z)
        self.setTextInteractionFlags(Qt.TextEditorInteraction)
        self.element_id: str | None = None
        self.original = ""
        self._min_height = 0.0
        self.limit = MAX_TITLE
        limit_document(self.document(), lambda: self.limit, self._cut)
        self.hide()

    @property
    def is_open(self) -> bool:
        return self.element_id is not None

    def open(self, element_id: str, text: str, rect: QRectF, rtl: bool, font: QFont) -> None:
        """Show the field over ``rect`` (scene units) holding ``text``, all of it selected
        so that typing replaces it."""
        self.element_id = element_id
        self.original = text
        self.limit = max(MAX_TITLE, len(text))  # a longer title may stay, not grow
        self.setFont(font)
        self.setPlainText(text)
        # The map's direction, not the first letter typed, decides the paragraph's.
        self.document().setDefaultTextOption(text_option(rtl))
        self.place(rect)
        self.show()
        self.setFocus(Qt.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.Document)
        self.setTextCursor(cursor)

    def place(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._min_height = rect.height()
        self.setTextWidth(rect.width())
        self.setPos(rect.topLeft())

    def close(self) -> None:
        # Forget the element first: hiding takes the focus away, and that focus-out
        # must not commit a second time.
        self.element_id = None
        self.clearFocus()
        self.hide()

    def text(self) -> str:
        return self.toPlainText()

    def _cut(self, limit: int) -> None:
        views = self.scene().views() if self.scene() else []
        tell(views[0] if views else None, cut_message(limit))

    def boundingRect(self) -> QRectF:  # Qt's name: at least the area it covers
        rect = super().boundingRect()
        return rect.united(QRectF(0, 0, rect.width(), self._min_height)).adjusted(-3, -3, 3, 3)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            # A title is one line: Enter finishes it rather than breaking it.
            event.accept()
            self.committed.emit()
        elif event.key() == Qt.Key_Escape:
            event.accept()
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # Qt's name
        super().focusOutEvent(event)
        # Clicking elsewhere commits; a context menu or a switch to another window
        # only pauses the typing.
        if self.is_open and event.reason() not in (Qt.PopupFocusReason,
                                                   Qt.ActiveWindowFocusReason):
            self.committed.emit()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        # An opaque field with the selection colour round it, so the text being typed
        # reads clearly over the card it covers.
        palette = self.scene().palette() if self.scene() else None
        area = super().boundingRect().united(QRectF(0, 0, self.textWidth(), self._min_height))
        if palette is not None:
            painter.setPen(QPen(palette.highlight().color(), 2))
            painter.setBrush(palette.base())
            painter.drawRoundedRect(area.adjusted(-1, -1, 1, 1), 4, 4)
        # Without Qt's dashed focus frame, which would double the border.
        option.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        super().paint(painter, option, widget)
