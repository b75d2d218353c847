"""Cyclic garbage collection on the GUI thread only.

Python's collector runs in whichever thread happens to allocate when a threshold is
crossed.  A report or deck drawn on the worker thread allocates a great deal, so the
collection would often run there, and it would then destroy whatever Qt objects sit in
unreachable cycles (a closed dialog, a picture's scene) on the wrong thread while the
GUI thread may still be using them: a crash that comes and goes.  Once the editor has
a window, automatic collection is off and a timer on the GUI thread collects instead,
with the same thresholds (the approach pyqtgraph takes for the same reason).

While a worker is inside ``collector_paused`` (building a presentation: lxml trees
that thread is still changing), the timer waits: their garbage is collected once the
worker is done with them.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from ..model.gc_pause import is_paused

INTERVAL_MS = 200


def collect_due(threshold: tuple[int, int, int]) -> int | None:
    """Collect the generations whose counts passed ``threshold``, as Python's
    automatic collection would; the generation collected, or None."""
    if is_paused():
        return None
    count0, count1, count2 = gc.get_count()
    if count0 <= threshold[0]:
        return None
    generation = 0
    if count1 > threshold[1]:
        generation = 2 if count2 > threshold[2] else 1
    gc.collect(generation)
    return generation


class GuiThreadCollector(QObject):
    """The application's one collector; it lives as long as the application."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timeout)
        self.timer.start(INTERVAL_MS)

    def _on_timeout(self) -> None:
        collect_due(self.threshold)


def collect_on_gui_thread_only() -> GuiThreadCollector | None:
    """Start the GUI thread's collector (once per application); call on that thread."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    collector = app.findChild(GuiThreadCollector)
    if collector is None:
        collector = GuiThreadCollector(app)
    gc.disable()  # again: whatever turned it back on since
    return collector
