"""The view on the journey scene: zoom to the cursor, pan, fit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

from .scene import JourneyScene

MIN_ZOOM, MAX_ZOOM = 0.02, 4.0
ZOOM_STEP = 1.2


class JourneyView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, scene: JourneyScene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setFocusPolicy(Qt.StrongFocus)
        self.grabGesture(Qt.PinchGesture)

    @property
    def journey_scene(self) -> JourneyScene:
        return self.scene()

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if current and abs(factor - current) > 1e-9:
            self.scale(factor / current, factor / current)
            self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_all(self) -> None:
        bounds = self.journey_scene.layout.bounds
        self.fitInView(QRectF(bounds.x - 40, bounds.y - 40, bounds.w + 80, bounds.h + 80),
                       Qt.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:  # Qt's name
        if event.modifiers() & Qt.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom() * ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def event(self, event: QEvent) -> bool:  # Qt's name: pinch to zoom on touchpads
        if event.type() == QEvent.Gesture:
            pinch = event.gesture(Qt.PinchGesture)
            if pinch is not None:
                self.set_zoom(self.zoom() * pinch.scaleFactor())
                return True
        return super().event(event)
