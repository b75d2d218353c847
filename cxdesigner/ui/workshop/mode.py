"""Workshop mode (F11): the editor as a facilitator uses it on a wall screen.

Full screen, larger type, the panels out of the way, a countdown everyone can see
(``countdown``), and dot voting (``voting``): each participant in turn puts their
dots on the notes they would fix first.  The dots are a draft on the round's own undo
stack until the round is closed, when they become ONE document command (why: see
``voting``).

Wiring in the main window::

    self.workshop = WorkshopMode(self, self.view, self.scene, self.document,
                                 keep_docks=[self.actions_dock])
    view_menu.addAction(self.workshop.toggle_action)   # F11

The mode touches no canvas file: note clicks are caught by an event filter on the
view's viewport, and the dots are drawn as extra items laid over the chips.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut, QTransform
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QDialog, QDockWidget,
                               QGraphicsItem, QLineEdit, QMainWindow, QMessageBox,
                               QPlainTextEdit, QSizePolicy, QTextEdit, QToolBar, QWidget)

from ...bidi import isolate
from ...canvas.items import CHIP_TYPE
from ...commands.actions import RecordVotesCommand
from ...model import Event
from ...model.scoring import RANKED_KINDS
from .countdown import Countdown, TimerWidget
from ..document.document import Document
from ..language import ours
from .voting import DotBadgeItem, VoteList, VotingBanner, VotingRound, VotingSetupDialog

if TYPE_CHECKING:  # only named in signatures: the mode drives them through Qt's API
    from ...canvas.scene import JourneyScene
    from ...canvas.view import JourneyView

FONT_SCALE = 1.35  # the application's type in workshop mode
CANVAS_ZOOM = 1.4  # the canvas's zoom, relative to where it was
MIN_CANVAS_ZOOM = 0.8  # cards readable across a room, chips big enough to click


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call: lupdate marks such a text as a plural
    # (it misses the plural of a direct ``translate`` call with a variable count).
    return QCoreApplication.translate("Workshop", text, disambiguation, n)


def scaled_font(font: QFont, factor: float) -> QFont:
    out = QFont(font)
    if font.pointSizeF() > 0:
        out.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        out.setPixelSize(round(font.pixelSize() * factor))
    return out


@dataclass
class _Saved:
    """What entering workshop mode changed, to put back on leaving."""

    window_state: Qt.WindowState
    geometry: QRect
    state: QByteArray
    font: QFont
    transform: QTransform
    scroll: tuple[int, int]
    hidden_docks: list[QDockWidget] = field(default_factory=list)


class WorkshopMode(QObject):
    """Workshop mode over a main window's canvas and document.

    ``toggle_action`` (F11, checkable) enters and leaves it; Esc leaves it too when the
    canvas has nothing to cancel.  ``keep_docks`` stay visible in workshop mode (the
    action tree, say); the other docks are hidden and come back on leaving.
    """

    active_changed = Signal(bool)
    round_changed = Signal()  # a round started, changed, closed or was cancelled

    def __init__(self, window: QMainWindow, view: JourneyView, scene: JourneyScene,
                 document: Document, keep_docks: Iterable[QDockWidget] = (),
                 parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.view = view
        self.scene = scene
        self.document = document
        self.keep_docks = list(keep_docks)
        self.active = False
        self.countdown = Countdown(self)
        self.round: VotingRound | None = None
        self._saved: _Saved | None = None
        self._swallow_release = False
        self._badges: list[DotBadgeItem] = []
        self.toolbar: QToolBar | None = None
        self.timer_widget: TimerWidget | None = None
        self.banner_bar: QToolBar | None = None
        self.banner: VotingBanner | None = None
        self.vote_dock: QDockWidget | None = None
        self.vote_list: VoteList | None = None
        # Asks a question; tests replace it.  (text, buttons, default) -> button.
        self.ask: Callable[[str, QMessageBox.StandardButtons, QMessageBox.StandardButton],
                           QMessageBox.StandardButton] = self._ask

        self.toggle_action = QAction(tr("&Workshop Mode"), window)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence(Qt.Key_F11))
        self.toggle_action.setStatusTip(tr("Full screen, large type, a timer and dot voting"))
        self.toggle_action.triggered.connect(self.set_active)
        window.addAction(self.toggle_action)  # F11 works even if no menu shows it
        self.leave_shortcut = QShortcut(QKeySequence(Qt.Key_Escape), window)
        self.leave_shortcut.setEnabled(False)
        self.leave_shortcut.activated.connect(self.exit)
        self._badge_timer = QTimer(self)
        self._badge_timer.setSingleShot(True)
        self._badge_timer.setInterval(0)
        self._badge_timer.timeout.connect(self._refresh_round_views)
        document.journey.events.subscribe("journey_changed", self._on_journey_changed)
        scene.layout_changed.connect(self._badge_timer.start)

    def detach(self) -> None:
        self.document.journey.events.unsubscribe(self._on_journey_changed)

    @property
    def journey(self):
        return self.document.journey

    # ------------------------------------------------------------ entering
    def set_active(self, active: bool) -> None:
        self.enter() if active else self.exit()

    def toggle(self) -> None:
        self.set_active(not self.active)

    def enter(self) -> None:
        if self.active:
            return
        w, view, app = self.window, self.view, QApplication.instance()
        saved = self._saved = _Saved(
            window_state=w.windowState(), geometry=QRect(w.geometry()), state=w.saveState(),
            font=QFont(app.font()), transform=QTransform(view.transform()),
            scroll=(view.horizontalScrollBar().value(), view.verticalScrollBar().value()))
        for dock in w.findChildren(QDockWidget):
            if dock.isVisible() and dock not in self.keep_docks:
                dock.hide()
                saved.hidden_docks.append(dock)
        app.setFont(scaled_font(saved.font, FONT_SCALE))
        self._add_toolbar()
        centre = view.mapToScene(view.viewport().rect().center())
        w.showFullScreen()
        # Larger, and at least large enough to read the cards and click the chips.
        view.set_zoom(max(view.zoom() * CANVAS_ZOOM, MIN_CANVAS_ZOOM))
        view.centerOn(centre)
        # Full screen arrives with the next resize: keep the same spot in the middle.
        QTimer.singleShot(0, lambda: self.active and view.centerOn(centre))
        self.active = True
        self.leave_shortcut.setEnabled(True)
        self.toggle_action.setChecked(True)
        view.setFocus()
        self.active_changed.emit(True)

    def exit(self) -> None:
        """Leave workshop mode, putting back the window, type and panels as they were.
        An open round with dots is recorded or discarded as the facilitator says."""
        if not self.active:
            return
        if self.round is not None and not self._settle_round_before_leaving():
            self.toggle_action.setChecked(True)
            return
        w, view, saved = self.window, self.view, self._saved
        self.countdown.pause()
        self.put_banner_away()  # a closed round's result
        self._remove_toolbar()
        QApplication.instance().setFont(saved.font)
        w.restoreState(saved.state)
        for dock in saved.hidden_docks:
            dock.show()  # restoreState cannot place a dock without an object name
        if saved.window_state & Qt.WindowFullScreen:
            w.showFullScreen()
        elif saved.window_state & Qt.WindowMaximized:
            w.showMaximized()
        else:
            w.showNormal()  # Qt puts back the geometry it had before full screen ...
            if w.geometry() != saved.geometry:
                w.setGeometry(saved.geometry)  # ... unless the window manager has not yet
        view.setTransform(saved.transform)
        view.zoom_changed.emit(view.zoom())  # the scene's level of detail follows it
        h, v = saved.scroll
        view.horizontalScrollBar().setValue(h)
        view.verticalScrollBar().setValue(v)
        self._saved = None
        self.active = False
        self.leave_shortcut.setEnabled(False)
        self.toggle_action.setChecked(False)
        self.active_changed.emit(False)

    def _add_toolbar(self) -> None:
        bar = self.toolbar = QToolBar(tr("Workshop"), self.window)
        bar.setObjectName("workshopToolBar")
        bar.setMovable(False)
        self.timer_widget = TimerWidget(self.countdown)
        bar.addWidget(self.timer_widget)
        bar.addSeparator()
        vote = bar.addAction(tr("Dot Voting…"), self.ask_voting_round)
        vote.setToolTip(tr("Start a round of dot voting on the notes"))
        self.vote_action = vote
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(tr("Leave Workshop (F11)"), self.exit)
        self.window.addToolBarBreak(Qt.TopToolBarArea)
        self.window.addToolBar(Qt.TopToolBarArea, bar)

    def _remove_toolbar(self) -> None:
        for bar in (self.banner_bar, self.toolbar):
            if bar is not None:
                self.window.removeToolBar(bar)
                bar.deleteLater()
        self.toolbar = self.banner_bar = None
        self.timer_widget = self.banner = None

    # ------------------------------------------------------------ voting
    def ask_voting_round(self) -> VotingRound | None:
        if self.round is not None:
            return self.round
        dialog = VotingSetupDialog(self.window)
        if dialog.exec() != QDialog.Accepted:
            return None
        return self.start_round(dialog.participants(), dialog.dots_each())

    def start_round(self, participants: Iterable[str], dots_each: int) -> VotingRound:
        """Open a round (entering workshop mode first if need be)."""
        if self.round is not None:
            return self.round
        if not self.active:
            self.enter()
        self.put_banner_away()  # the last round's result
        self.round = VotingRound(participants, dots_each, self)
        self.round.changed.connect(self._on_round_changed)
        banner = self.banner = VotingBanner()
        banner.set_round(self.round)
        banner.close_button.clicked.connect(self.close_round)
        banner.cancel_button.clicked.connect(self._cancel_clicked)
        banner.new_round_button.clicked.connect(self.ask_voting_round)
        banner.done_button.clicked.connect(self.put_banner_away)
        bar = self.banner_bar = QToolBar(tr("Dot Voting"), self.window)
        bar.setObjectName("votingToolBar")
        bar.setMovable(False)
        bar.addWidget(banner)
        banner.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.window.addToolBarBreak(Qt.TopToolBarArea)
        self.window.addToolBar(Qt.TopToolBarArea, bar)
        dock = self.vote_dock = QDockWidget(tr("Notes to Vote On"), self.window)
        dock.setObjectName("votingDock")
        dock.setFeatures(QDockWidget.NoDockWidgetFeatures)
        self.vote_list = VoteList()
        self.vote_list.vote_requested.connect(self.place_dot)
        dock.setWidget(self.vote_list)
        self.window.addDockWidget(Qt.RightDockWidgetArea, dock)
        self.vote_action.setEnabled(False)
        self.view.viewport().installEventFilter(self)
        QApplication.instance().installEventFilter(self)
        self._refresh_round_views()
        self.view.setFocus()
        self.round_changed.emit()
        return self.round

    def place_dot(self, note: str) -> bool:
        """The current participant's dot on a note; a refusal is said on the banner."""
        r = self.round
        if r is None or note not in self.journey:
            return False
        if self.journey.get(note)["note_kind"] not in RANKED_KINDS:
            self.banner.say(tr("Only pain points, weaknesses, threats and opportunities "
                               "are ranked: give the dot to one of those."))
            return False
        if r.complete:
            self.banner.say(tr("Every dot is placed. Close the round to record the votes."))
            return False
        if not r.place_dot(note):
            self.banner.say(ours(tr("%1 has no dots left: go on to the next participant.")
                                 .replace("%1", isolate(r.participant))))
            return False
        return True

    def close_round(self) -> bool:
        """Record the round's dots as votes, as one undo step, and end the round."""
        r = self.round
        if r is None:
            return False
        votes = {note: n for note, n in r.votes().items() if note in self.journey}
        total = sum(votes.values())
        if votes:
            text = tr("Record Dot Votes (%n dot(s))", None, total)
            if not self.document.push(RecordVotesCommand(self.journey, votes, text)):
                self.banner.say(tr("The votes could not be recorded; the round stays open."))
                return False
        banner, vote_list = self.banner, self.vote_list
        self._end_round(keep_banner=True)
        banner.show_result(total, len(votes))
        vote_list.setEnabled(False)  # the closed round's dots, for the room to see
        return True

    def cancel_round(self) -> None:
        """Discard the round's dots."""
        if self.round is not None:
            self._end_round()

    def _cancel_clicked(self) -> None:
        r = self.round
        if r is not None and r.dots:
            dots = len(r.dots)
            answer = self.ask(tr("Discard the %n dot(s) placed in this round?", None, dots),
                              QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Discard:
                return
        self.cancel_round()

    def _settle_round_before_leaving(self) -> bool:
        r = self.round
        if not r.dots:
            self.cancel_round()
            return True
        answer = self.ask(tr("A voting round is open. Record its votes before leaving "
                             "workshop mode?"),
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
                          QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.close_round()
        if answer == QMessageBox.Discard:
            self.cancel_round()
            return True
        return False

    def _end_round(self, keep_banner: bool = False) -> None:
        """The round is over; its banner and list stay (showing the result) if
        ``keep_banner``, until Done, a new round or leaving workshop mode."""
        self.view.viewport().removeEventFilter(self)
        QApplication.instance().removeEventFilter(self)
        self._swallow_release = False
        self._clear_badges()
        if not keep_banner:
            self.put_banner_away()
        if self.toolbar is not None:
            self.vote_action.setEnabled(True)
        self.round.deleteLater()
        self.round = None
        self.round_changed.emit()

    def put_banner_away(self) -> None:
        """Take the voting banner and the list of notes out of the window."""
        if self.banner_bar is not None:
            self.window.removeToolBar(self.banner_bar)
            self.banner_bar.deleteLater()
        if self.vote_dock is not None:
            self.window.removeDockWidget(self.vote_dock)
            self.vote_dock.deleteLater()
        self.banner_bar = self.banner = self.vote_dock = self.vote_list = None

    def _ask(self, text: str, buttons, default) -> QMessageBox.StandardButton:
        return QMessageBox.question(self.window, tr("Dot Voting"), text, buttons, default)

    # ------------------------------------------------------- following
    def _on_round_changed(self) -> None:
        # A dot changes only counts: the list keeps its rows (thousands on a big map).
        self._refresh_round_views(map_changed=False)
        self.round_changed.emit()

    def _on_journey_changed(self, event: Event) -> None:
        if self.round is not None:
            # After the scene has rebuilt its chips for this change.
            self._badge_timer.start()

    def _refresh_round_views(self, map_changed: bool = True) -> None:
        r = self.round
        if r is None:
            return
        votes = r.votes()
        self._clear_badges()
        for note, count in votes.items():
            chip = self.scene.item_for(note)
            if chip is None or chip.type() != CHIP_TYPE or chip.scene() is not self.scene:
                continue
            badge = DotBadgeItem(note, count)
            rect = chip.sceneBoundingRect()
            # Hanging under the chip, over the card's edge: the chip's letter, the card's
            # title and the neighbouring chips all stay readable.
            badge.setPos(rect.center().x() - DotBadgeItem.SIZE / 2, rect.bottom() - 4)
            self.scene.addItem(badge)
            self._badges.append(badge)
        if self.vote_list is not None:
            if map_changed or not self.vote_list.filled:
                self.vote_list.fill(self.journey, votes)
            else:
                self.vote_list.set_dots(votes)
        if self.banner is not None:
            self.banner.update_text()

    def _clear_badges(self) -> None:
        for badge in self._badges:
            if badge.scene() is not None:
                badge.scene().removeItem(badge)
        self._badges = []

    # -------------------------------------------------------- input routing
    def chip_at(self, viewport_pos) -> QGraphicsItem | None:
        """The note chip under a point of the view's viewport (our badges let it through)."""
        for item in self.view.items(viewport_pos):
            if isinstance(item, DotBadgeItem):
                continue
            return item if item.type() == CHIP_TYPE else None
        return None

    def _typing(self) -> bool:
        focus = QApplication.focusWidget()
        if isinstance(focus, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
            return True
        editor = getattr(self.view, "editor", None)
        return bool(getattr(editor, "is_editing", False))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if self.round is None:
            return False
        kind = event.type()
        if watched is self.view.viewport():
            if kind in (QEvent.MouseButtonPress, QEvent.MouseButtonDblClick) and \
                    event.button() == Qt.LeftButton:
                chip = self.chip_at(event.position().toPoint())
                if chip is not None:
                    # A double click is a second dot, as two quick clicks are meant.
                    if not getattr(self.scene, "detailed", True):
                        self.banner.say(tr("Zoom in to see the notes you vote on, or use "
                                           "the list of notes."))
                    elif getattr(chip, "extra", 0):
                        self.banner.say(tr("This chip stands for several notes: choose "
                                           "one in the list of notes."))
                    else:
                        self.place_dot(chip.element_id)
                    self._swallow_release = True
                    return True  # no selection, no drag: a vote is all a click does
            elif kind == QEvent.MouseButtonRelease and self._swallow_release:
                self._swallow_release = False
                return True
            return False
        if kind in (QEvent.ShortcutOverride, QEvent.KeyPress):
            which = self._undo_key(event)
            if which is None or self._typing():
                return False
            if kind == QEvent.ShortcutOverride:
                # Claim the key before the window's Undo shortcut takes it: during
                # a round, Ctrl+Z takes back a dot, not the last edit of the map.
                event.accept()
                return True
            (self.round.stack.undo if which == "undo" else self.round.stack.redo)()
            return True
        return False

    @staticmethod
    def _undo_key(event) -> str | None:
        if event.matches(QKeySequence.Undo):
            return "undo"
        if event.matches(QKeySequence.Redo):
            return "redo"
        return None
