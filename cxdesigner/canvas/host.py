"""What the editor and the gestures need of the view, as a protocol.

``editing.CanvasEditor`` and ``gestures.GestureController`` are made by the view and
hold it; typing them against ``JourneyView`` would make them import the module that
imports them.  ``JourneyView`` (a ``QGraphicsView`` showing a ``JourneyScene``) has
all of this, so the imports run one way: ``view`` -> ``editing``, ``gestures`` ->
``host``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QScrollBar, QWidget

    from .scene import JourneyScene


class CanvasView(Protocol):
    """The view of one journey scene: a ``QGraphicsView`` with a zoom factor."""

    def scene(self) -> "JourneyScene": ...

    def zoom(self) -> float: ...

    def viewport(self) -> "QWidget": ...

    def mapToScene(self, *args: Any) -> Any: ...

    def ensureVisible(self, *args: Any) -> None: ...

    def hasFocus(self) -> bool: ...

    def setFocus(self, *args: Any) -> None: ...

    def isRightToLeft(self) -> bool: ...

    def palette(self) -> "QPalette": ...

    def horizontalScrollBar(self) -> "QScrollBar": ...

    def verticalScrollBar(self) -> "QScrollBar": ...
