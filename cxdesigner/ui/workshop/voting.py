"""Dot voting in workshop mode: the round, its dialog, banner and list, and the dots.

Each participant in turn puts their dots on the notes they would fix first, by
clicking note chips on the canvas (or notes in a ``VoteList``).

Dots are a draft until the round is closed.  They live in the round (``VotingRound``),
not in the map, on a round-local ``QUndoStack``: Ctrl+Z during the round takes back
the last dot (one ``PlaceDotCommand`` per press), and leaves the document's history
alone.  Closing the round (``WorkshopMode.close_round``) adds every dot to the notes'
votes as ONE document command (``RecordVotesCommand``), so the ranking follows at once
and one undo takes the whole round back; cancelling discards the draft.  (Putting each
dot on the document's stack instead would have made the round many undo steps, or
needed them folded into one afterwards, and a cancelled round would have left its
dots in the redo history.)

The dots are drawn as extra items laid over the chips (``DotBadgeItem``), so no
canvas file is touched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QPainter, QPalette, QPen, QUndoCommand,
                           QUndoStack)
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout,
                               QFrame, QGraphicsItem, QGridLayout, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
                               QSpinBox, QStackedWidget, QStyledItemDelegate,
                               QStyleOptionViewItem, QVBoxLayout, QWidget)

from ...bidi import isolate
from ...model.scoring import RANKED_KINDS
from ..language import ours
from ..panels.action_common import map_direction, note_icon

DEFAULT_DOTS = 3
DOT_COLOUR = QColor("#1d3557")


# Workshop mode's context, as in workshop.py: one context for the whole mode.
def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call (lupdate then marks the text a plural).
    return QCoreApplication.translate("Workshop", text, disambiguation, n)


class PlaceDotCommand(QUndoCommand):
    """One dot of one participant on one note (on the round's own undo stack)."""

    def __init__(self, round_: VotingRound, participant: int, note: str):
        super().__init__(tr("Place Dot"))
        self.round = round_
        self.participant = participant
        self.note = note

    def redo(self) -> None:  # Qt's name
        r = self.round
        r.dots.append((self.participant, self.note))
        r.current = self.participant
        if r.remaining(self.participant) == 0:
            r.current = r.next_with_dots(self.participant)  # hand over to the next one
        r.changed.emit()

    def undo(self) -> None:  # Qt's name
        r = self.round
        r.dots.pop()  # the stack undoes in reverse order: this is the last dot
        r.current = self.participant  # the dot goes back to its owner, who is shown
        r.changed.emit()


class VotingRound(QObject):
    """Who votes, how many dots each has, and the dots placed so far."""

    changed = Signal()

    def __init__(self, participants: Iterable[str], dots_each: int,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.participants = list(participants) or [tr("Participant 1")]
        self.dots_each = max(1, int(dots_each))
        self.dots: list[tuple[int, str]] = []  # (participant, note), in order placed
        self.current = 0
        self.stack = QUndoStack(self)

    def used(self, participant: int) -> int:
        return sum(1 for p, _ in self.dots if p == participant)

    def remaining(self, participant: int | None = None) -> int:
        p = self.current if participant is None else participant
        return self.dots_each - self.used(p)

    @property
    def participant(self) -> str:
        return self.participants[self.current]

    @property
    def complete(self) -> bool:
        return len(self.dots) >= self.dots_each * len(self.participants)

    def next_with_dots(self, after: int) -> int:
        """The next participant (round the table) who still has dots; ``after`` if none."""
        count = len(self.participants)
        for step in range(1, count + 1):
            p = (after + step) % count
            if self.remaining(p) > 0:
                return p
        return after

    def place_dot(self, note: str) -> bool:
        """The current participant's dot on a note (several on one note are fine)."""
        if self.remaining() <= 0:
            return False
        self.stack.push(PlaceDotCommand(self, self.current, note))
        return True

    def set_current(self, participant: int) -> None:
        self.current = participant % len(self.participants)
        self.changed.emit()

    def next_participant(self) -> None:
        self.set_current(self.current + 1)

    def previous_participant(self) -> None:
        self.set_current(self.current - 1)

    def votes(self) -> dict[str, int]:
        """Dots per note."""
        return dict(Counter(note for _, note in self.dots))


class VotingSetupDialog(QDialog):
    """How many take part (names optional) and how many dots each."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Dot Voting"))
        intro = QLabel(tr("Each participant gets the same number of dots and puts them "
                          "on the pain points and opportunities they would act on "
                          "first, several on one note if they like."))
        intro.setWordWrap(True)
        self.count = QSpinBox()
        self.count.setRange(1, 100)
        self.count.setValue(4)
        self.dots = QSpinBox()
        self.dots.setRange(1, 50)
        self.dots.setValue(DEFAULT_DOTS)
        self.names = QPlainTextEdit()
        self.names.setPlaceholderText(tr("Optional, one per line:\nDana\nEli"))
        self.names.setTabChangesFocus(True)
        self.names.setMaximumHeight(140)
        form = QFormLayout()
        form.addRow(tr("Participants:"), self.count)
        form.addRow(tr("Dots each:"), self.dots)
        form.addRow(tr("Names:"), self.names)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("Start Voting"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(buttons)
        # Typed names set the count (it can still be raised for unnamed participants).
        self.names.textChanged.connect(self._follow_names)

    def _names(self) -> list[str]:
        return [line.strip() for line in self.names.toPlainText().splitlines() if line.strip()]

    def _follow_names(self) -> None:
        names = self._names()
        if names:
            self.count.setValue(max(self.count.value(), len(names)))

    def participants(self) -> list[str]:
        names = self._names()
        return [names[i] if i < len(names) else
                tr("Participant %1").replace("%1", str(i + 1))
                for i in range(max(self.count.value(), len(names)))]

    def dots_each(self) -> int:
        return self.dots.value()


class VotingBanner(QFrame):
    """Whose turn it is and how many dots they have left, with the round's controls."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.round: VotingRound | None = None
        self.setObjectName("votingBanner")
        self.setStyleSheet("#votingBanner { background: #fff3c4; border: 1px solid #e0b400;"
                           " border-radius: 6px; } QLabel { color: #3d2e00; }")
        self.turn = QLabel()
        self.turn.setAccessibleName(tr("Current participant"))
        font = QFont("DejaVu Sans")
        font.setPixelSize(30)
        font.setBold(True)
        self.turn.setFont(font)
        self.detail = QLabel()
        self.message = QLabel()
        self.message.setStyleSheet("QLabel { color: #9b1c1c; }")
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.turn)
        texts.addWidget(self.detail)
        texts.addWidget(self.message)
        self.previous_button = QPushButton(tr("◀ Previous"))
        self.next_button = QPushButton(tr("Next ▶"))
        self.undo_button = QPushButton(tr("Undo Dot"))
        self.undo_button.setToolTip(tr("Take back the last dot (Ctrl+Z)"))
        self.close_button = QPushButton(tr("Close Round"))
        self.close_button.setToolTip(tr("Record every dot as votes on the notes"))
        self.cancel_button = QPushButton(tr("Cancel Round"))
        self.cancel_button.setToolTip(tr("Discard this round's dots"))
        # Buttons on two rows and wrapping texts: the banner must fit a small screen
        # in large type (a window cannot be narrower than its toolbars).
        for label in (self.turn, self.detail, self.message):
            label.setWordWrap(True)
        controls = QWidget()
        buttons = QGridLayout(controls)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        buttons.addWidget(self.previous_button, 0, 0)
        buttons.addWidget(self.next_button, 0, 1)
        buttons.addWidget(self.undo_button, 0, 2)
        buttons.addWidget(self.close_button, 1, 0, 1, 2)
        buttons.addWidget(self.cancel_button, 1, 2)
        # A closed round keeps the banner, with its result, until Done: taking a toolbar
        # and a dock out of the window lays the whole window out again (~20 ms on a big
        # map), which the vote itself should not cost; and the room sees the outcome.
        self.new_round_button = QPushButton(tr("New Round…"))
        self.new_round_button.setToolTip(tr("Start another round of dot voting"))
        self.done_button = QPushButton(tr("Done"))
        self.done_button.setToolTip(tr("Put the voting banner and the list of notes away"))
        closed = QWidget()
        after = QGridLayout(closed)
        after.setContentsMargins(0, 0, 0, 0)
        after.setSpacing(4)
        after.addWidget(self.new_round_button, 0, 0)
        after.addWidget(self.done_button, 1, 0)
        self.pages = QStackedWidget()
        self.pages.addWidget(controls)
        self.pages.addWidget(closed)
        for button in (self.previous_button, self.next_button, self.undo_button,
                       self.close_button, self.cancel_button, self.new_round_button,
                       self.done_button):
            button.setFocusPolicy(Qt.TabFocus)  # clicking keeps the keyboard on the canvas
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        row.addLayout(texts, 1)
        row.addWidget(self.pages)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.say(""))
        self.message.setVisible(False)

    def set_round(self, round_: VotingRound | None) -> None:
        old = self.round
        if old is not None:
            old.changed.disconnect(self.update_text)
            self.previous_button.clicked.disconnect(old.previous_participant)
            self.next_button.clicked.disconnect(old.next_participant)
            self.undo_button.clicked.disconnect(old.stack.undo)
        self.round = round_
        if round_ is not None:
            round_.changed.connect(self.update_text)
            self.previous_button.clicked.connect(round_.previous_participant)
            self.next_button.clicked.connect(round_.next_participant)
            self.undo_button.clicked.connect(round_.stack.undo)
        self.update_text()

    @property
    def closed(self) -> bool:
        return self.pages.currentIndex() == 1

    def show_result(self, dots: int, notes: int) -> None:
        """The round is over: what it recorded, and the way to another round or out."""
        self.set_round(None)
        # Shorter texts must not shrink the banner: the window would lay out again.
        self.setMinimumHeight(self.height())
        self.pages.setCurrentIndex(1)
        if dots:
            self.turn.setText(tr("Round closed: %n dot(s) recorded", None, dots))
            self.detail.setText(tr("They count as votes on %n note(s) now; Ctrl+Z takes "
                                   "them back.", None, notes))
        else:
            self.turn.setText(tr("Round closed: no dots were placed"))
            self.detail.setText(tr("Start another round, or put the banner away."))

    def update_text(self) -> None:
        r = self.round
        if r is None:
            return
        if r.complete:
            self.turn.setText(tr("All dots are placed"))
            self.detail.setText(tr("Close the round to record the votes, or Ctrl+Z to "
                                   "take a dot back."))
        else:
            self.turn.setText(ours(tr("%1: %2 of %3 dots left").replace("%2", str(
                r.remaining())).replace("%3", str(r.dots_each)).replace(
                "%1", isolate(r.participant))))
            self.detail.setText(
                tr("Participant %1 of %2 · click a note to give a dot · %3 placed in all")
                .replace("%1", str(r.current + 1)).replace("%2", str(len(r.participants)))
                .replace("%3", str(len(r.dots))))
        self.undo_button.setEnabled(bool(r.dots))
        several = len(r.participants) > 1
        self.previous_button.setEnabled(several)
        self.next_button.setEnabled(several)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self._message_timer.start(6000)


DOTS_W = 84  # the room at each row's end where its dots are drawn
DOTS_SHOWN = 4  # dots drawn before the count alone says how many


class _DotsDelegate(QStyledItemDelegate):
    """Draws a row's dots in a room of its own at the row's end, from the list's counts
    rather than the item's data: changing an item's data has a list of rows of
    differing heights lay out every row again (60 ms for 6,600 notes), where a dot
    needs only its row repainted."""

    def __init__(self, owner: VoteList):
        super().__init__(owner)
        self.owner = owner

    def _text_room(self, option: QStyleOptionViewItem) -> QStyleOptionViewItem:
        opt = QStyleOptionViewItem(option)
        if option.direction == Qt.RightToLeft:
            opt.rect = option.rect.adjusted(DOTS_W, 0, 0, 0)
        else:
            opt.rect = option.rect.adjusted(0, 0, -DOTS_W, 0)
        return opt

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # Qt's name
        size = super().sizeHint(self._text_room(option), index)
        return QSize(size.width() + DOTS_W, size.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:  # Qt's
        super().paint(painter, self._text_room(option), index)
        count = self.owner.dots(index.data(Qt.UserRole))
        if not count:
            return
        rtl = option.direction == Qt.RightToLeft
        room = QRect(option.rect.left() if rtl else option.rect.right() - DOTS_W,
                     option.rect.top(), DOTS_W, option.rect.height())
        painter.save()
        painter.setPen(option.palette.color(QPalette.Highlight))
        painter.drawText(room, Qt.AlignVCenter | (Qt.AlignLeft if rtl else Qt.AlignRight),
                         dots_text(count))
        painter.restore()


class VoteList(QListWidget):
    """The notes to vote on, for those without a chip on the canvas (about a stage or
    the whole map) and for keyboard use: a click or Enter gives a dot."""

    vote_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._counts: dict[str, int] = {}
        self.setItemDelegate(_DotsDelegate(self))
        self.setWordWrap(True)  # long notes in large type: wrapped, never cut
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setSpacing(2)
        self.setMinimumWidth(280)
        self.itemClicked.connect(lambda item: self.vote_requested.emit(item.data(Qt.UserRole)))

    def resizeEvent(self, event) -> None:  # Qt's name
        # Rows wrap to the list's width only, but a wrapping QListView lays every row
        # out again at any resize: the banner above changing height with its text
        # made each dot cost ~75 ms at 6,600 notes.  A change of height alone only
        # moves the viewport's edge.
        if event.size().width() == event.oldSize().width() and self.count():
            QAbstractItemView.resizeEvent(self, event)
            self.updateGeometries()
            return
        super().resizeEvent(event)

    def keyPressEvent(self, event) -> None:  # Qt's name
        item = self.currentItem()
        if item is not None and event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.vote_requested.emit(item.data(Qt.UserRole))
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def filled(self) -> bool:
        return getattr(self, "_rows", None) is not None

    def fill(self, journey, dots: dict[str, int]) -> None:
        """Every votable note, after a change to the map."""
        current = self.currentItem()
        current_note = current.data(Qt.UserRole) if current else None
        self.setLayoutDirection(map_direction(journey))
        self.clear()
        # note -> its row: a dot then repaints one row.
        self._rows: dict[str, QListWidgetItem] = {}
        self._counts = {note: count for note, count in dots.items() if count}
        for note, where in votable_notes(journey):
            base = journey.title(note) or tr("Untitled note")
            if where:
                base = f"{base} — {where}"
            item = QListWidgetItem(note_icon(journey.get(note)["note_kind"]), base)
            item.setData(Qt.UserRole, note)
            self.addItem(item)
            self._rows[note] = item
            if note == current_note:
                self.setCurrentItem(item)

    def set_dots(self, dots: dict[str, int]) -> None:
        """New counts of the open round, the map unchanged: only their rows repaint."""
        old, new = self._counts, {note: count for note, count in dots.items() if count}
        self._counts = new
        viewport = self.viewport()
        for note in old.keys() | new.keys():
            item = self._rows.get(note)
            if item is not None and old.get(note) != new.get(note):
                viewport.update(self.visualItemRect(item))

    def dots(self, note: str) -> int:
        """The dots a note has in the open round, as its row shows them."""
        return self._counts.get(note, 0)


def dots_text(count: int) -> str:
    return f"{'●' * min(count, DOTS_SHOWN)} {count}"


def votable_notes(journey) -> list[tuple[str, str]]:
    """(note, where it is) for the notes a ranking counts votes of, in journey order."""
    out = []

    def add(target, where: str) -> None:
        for note in journey.notes_on(target):
            if journey.get(note)["note_kind"] in RANKED_KINDS:
                out.append((note, where))
    add(None, tr("whole map"))
    for stage in journey.stages():
        add(stage, journey.title(stage))
        for tp in journey.touchpoints_in(stage):
            add(tp, journey.title(tp))
    return out


class DotBadgeItem(QGraphicsItem):
    """The dots a note has in the open round, drawn over its chip.  It takes no
    clicks, so a click on it reaches the chip under it."""

    SIZE = 20.0

    def __init__(self, note: str, count: int):
        super().__init__()
        self.note = note
        self.count = count
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setZValue(1000)

    def boundingRect(self) -> QRectF:  # Qt's name
        return QRectF(-1, -1, self.SIZE + 2, self.SIZE + 2)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # Qt's name
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(QBrush(DOT_COLOUR))
        painter.drawEllipse(QRectF(0, 0, self.SIZE, self.SIZE))
        font = QFont("DejaVu Sans")
        font.setPixelSize(12)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, self.SIZE, self.SIZE), Qt.AlignCenter, str(self.count))
