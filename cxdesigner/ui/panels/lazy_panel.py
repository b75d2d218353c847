"""Only what is seen works: how every panel derived from the map follows its edits.

A panel hands its update to a ``LazyPanel`` and calls ``mark_stale()`` from its model
event handlers.  That call is O(1): it sets a flag and, if the panel is seen, starts a
single-shot timer.  So

* no panel updates inside ``Document.push`` or the model's event emission (the edit
  and every other observer finish first, and the window paints the edit);
* a burst of edits in one turn of the event loop (a paste, a group, an undo of many)
  costs one update, when the loop turns;
* a panel that is not seen (a dock closed, or tabbed behind another dock, or a tab of
  a ``QTabWidget`` not chosen) does nothing but keep the flag, and catches up once
  when it is seen again.

"Seen" is not ``isVisible()``: a dock tabbed behind another stays visible to Qt (its
tab is merely not current), so a panel asks whether any of it is on screen
(``visibleRegion()``), and a dock's ``visibilityChanged`` (emitted when its tab is
raised or hidden) tells it when to catch up: the panel finds the dock it sits in when
it is first shown, so the window has nothing to wire.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget


def is_seen(widget: QWidget) -> bool:
    """Whether some of the widget is on screen (not hidden, not a tab behind others)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


class LazyPanel(QObject):
    """Runs ``update`` at most once per event-loop turn, and only while ``widget`` is
    seen.  ``delay_ms`` spaces updates while edits keep coming (the analysis waits for
    the map to be still); catching up when shown never waits.  ``ready()`` may hold an
    update back (a title being typed in the tree); call ``poke()`` when it is ready."""

    def __init__(self, widget: QWidget, update: Callable[[], None], *, delay_ms: int = 0,
                 ready: Callable[[], bool] = lambda: True, stale: bool = True):
        super().__init__(widget)
        self.widget = widget
        self._update = update
        self._ready = ready
        self.delay_ms = delay_ms
        self.stale = stale
        self.updates = 0  # how many updates ran: for tests and benchmarks
        self._dock: QDockWidget | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timeout)
        # A plain show (a dock reopened, a tab of a QTabWidget chosen) is a showEvent.
        widget.installEventFilter(self)

    # ------------------------------------------------------------ the flag
    def mark_stale(self) -> None:
        """The model changed: O(1), whatever the panel shows."""
        self.stale = True
        # Restarted on every edit: with a delay, the update waits until edits pause.
        if is_seen(self.widget):
            self.timer.start(self.delay_ms)

    def poke(self) -> None:
        """Update soon if stale and seen (the panel became ready, or was shown)."""
        if self.stale:
            self.timer.start(0)

    def flush(self) -> None:
        """Update now if stale, seen or not: for a caller that reads the panel's
        content at once (a test, or a panel about to select what an edit made)."""
        if self.stale:
            self._run()

    def flush_if_seen(self) -> None:
        if self.stale and is_seen(self.widget):
            self._run()

    def cancel(self) -> None:
        self.timer.stop()

    # ----------------------------------------------------------- internals
    def _run(self) -> None:
        self.timer.stop()
        self.stale = False
        self.updates += 1
        self._update()

    def _on_timeout(self) -> None:
        if self.stale and is_seen(self.widget) and self._ready():
            self._run()

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.poke()

    def _follow_dock(self) -> None:
        """Catch up when the dock holding the panel has its tab raised (once found)."""
        if self._dock is not None:
            return
        parent = self.widget.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not None:
            self._dock = parent
            parent.visibilityChanged.connect(self._on_dock_visibility_changed)

    def eventFilter(self, watched, event) -> bool:  # Qt's name
        # While Python tears a panel down, Qt may still deliver events to this filter
        # after the wrapper has lost its attributes.
        if watched is getattr(self, "widget", None) and event.type() == QEvent.Show:
            self._follow_dock()
            self.poke()
        return False
