"""Workshop mode's countdown: the clock, and the display the room sees.

``Countdown`` reads a monotonic clock rather than counting timer ticks, so it does not
drift, and its clock is replaceable so tests need not wait.  ``TimerWidget`` shows it
in large type with the facilitator's controls, and flashes 00:00 when the time is up.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QWidget)

DEFAULT_MINUTES = 5
TICK_MS = 200
FLASH_MS = 250
FLASHES = 12  # half-periods: three seconds of flashing when the time is up


# Workshop mode's context, as in workshop.py: one context for the whole mode.
def tr(text: str) -> str:
    return QCoreApplication.translate("Workshop", text)


def format_time(seconds: int) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class Countdown(QObject):
    """A countdown that does not drift: it reads a monotonic clock, it does not count
    timer ticks.  ``clock`` is replaceable so tests need not wait."""

    changed = Signal(int)  # whole seconds left (rounded up: 00:01 until it is over)
    running_changed = Signal(bool)
    finished = Signal()

    def __init__(self, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.clock = clock
        self.duration = DEFAULT_MINUTES * 60
        self._left = float(self.duration)  # seconds left when last started or paused
        self._started: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)

    @property
    def is_running(self) -> bool:
        return self._started is not None

    def remaining_exact(self) -> float:
        if self._started is None:
            return self._left
        return max(0.0, self._left - (self.clock() - self._started))

    def remaining(self) -> int:
        return math.ceil(self.remaining_exact())

    def set_duration(self, seconds: int) -> None:
        self._stop()
        self.duration = max(1, int(seconds))
        self._left = float(self.duration)
        self.changed.emit(self.remaining())

    def set_minutes(self, minutes: float) -> None:
        self.set_duration(round(minutes * 60))

    def start(self) -> None:
        if self.is_running:
            return
        if self._left <= 0:
            self._left = float(self.duration)  # started again after it ran out
        self._started = self.clock()
        self._timer.start()
        self.running_changed.emit(True)
        self.changed.emit(self.remaining())

    def pause(self) -> None:
        if self.is_running:
            self._left = self.remaining_exact()
            self._stop()
            self.changed.emit(self.remaining())

    def toggle(self) -> None:
        self.pause() if self.is_running else self.start()

    def reset(self) -> None:
        self._stop()
        self._left = float(self.duration)
        self.changed.emit(self.remaining())

    def tick(self) -> None:
        if not self.is_running:
            return
        left = self.remaining_exact()
        if left <= 0:
            self._left = 0.0
            self._stop()
            self.changed.emit(0)
            self.finished.emit()
        else:
            self.changed.emit(math.ceil(left))

    def _stop(self) -> None:
        self._timer.stop()
        if self._started is not None:
            self._started = None
            self.running_changed.emit(False)


class TimerWidget(QFrame):
    """The countdown as the room sees it, with the facilitator's controls."""

    def __init__(self, countdown: Countdown, parent: QWidget | None = None):
        super().__init__(parent)
        self.countdown = countdown
        self.display = QLabel()
        self.display.setAccessibleName(tr("Time left"))
        font = QFont("DejaVu Sans")
        font.setPixelSize(40)
        font.setBold(True)
        self.display.setFont(font)
        self.display.setAlignment(Qt.AlignCenter)
        self.display.setMinimumWidth(150)
        self.display.setAutoFillBackground(True)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 180)
        self.minutes.setValue(round(countdown.duration / 60))
        self.minutes.setSuffix(tr(" min"))
        self.minutes.setAccessibleName(tr("Timer minutes"))
        self.minutes.setKeyboardTracking(False)
        self.start_button = QPushButton()
        self.reset_button = QPushButton(tr("Reset"))
        for button in (self.start_button, self.reset_button):
            button.setFocusPolicy(Qt.TabFocus)  # a click must not take the canvas's keys
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.display)
        row.addWidget(self.minutes)
        row.addWidget(self.start_button)
        row.addWidget(self.reset_button)
        self.minutes.valueChanged.connect(self._on_minutes)
        self.start_button.clicked.connect(countdown.toggle)
        self.reset_button.clicked.connect(self._reset)
        countdown.changed.connect(self._show)
        countdown.running_changed.connect(self._show_running)
        countdown.finished.connect(self.flash)
        self._flashes = 0
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._flash_step)
        self._show(countdown.remaining())
        self._show_running(countdown.is_running)

    @property
    def flashing(self) -> bool:
        return self._flash_timer.isActive()

    def _on_minutes(self, minutes: int) -> None:
        self._stop_flash()
        self.countdown.set_minutes(minutes)

    def _reset(self) -> None:
        self._stop_flash()
        self.countdown.reset()

    def _show(self, seconds: int) -> None:
        self.display.setText(format_time(seconds))

    def _show_running(self, running: bool) -> None:
        self.start_button.setText(tr("Pause") if running else tr("Start"))
        self.minutes.setEnabled(not running)
        if running:
            self._stop_flash()

    def flash(self) -> None:
        """Time is up: 00:00 flashes for a few seconds (and the system beeps)."""
        QApplication.beep()
        self._flashes = FLASHES
        self._flash_timer.start()
        self._flash_step()

    def _flash_step(self) -> None:
        if self._flashes <= 0:
            self._stop_flash()
            return
        self._flashes -= 1
        self._set_alert(self._flashes % 2 == 1)

    def _stop_flash(self) -> None:
        self._flash_timer.stop()
        self._flashes = 0
        # Once flashing is over 00:00 stays red, so a late glance still sees it.
        self._set_alert(self.countdown.remaining() == 0 and not self.countdown.is_running)

    def _set_alert(self, on: bool) -> None:
        self.display.setStyleSheet("QLabel { background: #c62828; color: white; "
                                   "border-radius: 6px; }" if on else "")
