"""The view on the journey scene: zoom to the cursor, pan, fit; and where the
canvas's mouse gestures, workshop keys and palette drops come in.

The view only routes input: ``gestures`` (gestures.py) runs mouse drags and
``editor`` (editing.py) makes the edits, so menus and keys share one code path.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (QDragEnterEvent, QDragMoveEvent, QDropEvent, QFocusEvent,
                           QKeyEvent, QMouseEvent, QPainter, QPixmapCache, QWheelEvent)
from PySide6.QtWidgets import QGraphicsView

from .cell_editing import CellEditing
from .editing import PALETTE_MIME, CanvasEditor, parse_palette
from .gestures import GestureController, card_at, top_item
from .picture_edits import carries_picture
from .items import BAND_TYPE, CARD_TYPE, CHIP_TYPE
from .scene import JourneyScene

MIN_ZOOM, MAX_ZOOM = 0.02, 4.0
ZOOM_STEP = 1.2
# Qt keeps each card's pixels in its pixmap cache (items.py), 10 MiB by default: about
# 90 cards at zoom 1, fewer on a high-density screen.  A full screen of cards at any
# zoom fits in this; past it Qt drops the oldest, which only costs a repaint.
_PIXMAP_CACHE_KIB = 96 * 1024

# Workshop keys (design.md section 4): single keys while the canvas has focus and no
# text is being edited.  Part of the product: a menu shortcut must not take them.
_LETTER_KEYS = {Qt.Key_S, Qt.Key_T, Qt.Key_P, Qt.Key_O, Qt.Key_A}
_NO_SHORTCUT = Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier
# Keys the in-place title field needs besides the ones that type text.
_TEXT_EDIT_KEYS = {Qt.Key_Return, Qt.Key_Enter, Qt.Key_Escape, Qt.Key_Backspace,
                   Qt.Key_Delete, Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down,
                   Qt.Key_Home, Qt.Key_End}


class JourneyView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, scene: JourneyScene, parent=None):
        super().__init__(scene, parent)
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), _PIXMAP_CACHE_KIB))
        # The scene's own rect has headroom for its index; scrolling covers the map only.
        self.setSceneRect(scene.content_rect)
        scene.content_rect_changed.connect(self.setSceneRect)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        # A map shorter than the view starts at the top, not in a band of empty space.
        self.setAlignment(Qt.AlignTop | Qt.AlignHCenter)
        self.setDragMode(QGraphicsView.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setFocusPolicy(Qt.StrongFocus)
        self.grabGesture(Qt.PinchGesture)
        # Level of detail: every zoom change reaches the scene (overview.py).
        self.zoom_changed.connect(lambda zoom: self.journey_scene.set_detail(zoom))
        self.setAcceptDrops(True)  # palette items and pictures on cards; other files: the window
        self.gestures = GestureController(self)
        self._stages_kept: set = set()  # stages selected before a rubber band began
        self.editor = CanvasEditor(self)  # what menus, keys and palette drops call
        self.cells = CellEditing(self)  # the lanes' cells, filled like a spreadsheet

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

    def paintEvent(self, event) -> None:  # Qt's name
        # Cards about to be seen make their chip items first (clicks and the rubber
        # band find them); cards never seen never make them (see TouchpointCardItem).
        scene = self.scene()  # none while the window closes
        if scene is not None and scene.detailed:
            scene.make_chips_in(self.mapToScene(event.rect()).boundingRect())
        super().paintEvent(event)

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
        if self._cell_tab(event):
            return True
        if event.type() == QEvent.ShortcutOverride and self._claims_key(event):
            event.accept()  # the key comes to keyPressEvent, not to a menu action
            return True
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:  # Qt's name
        return self._cell_tab(event) or super().viewportEvent(event)

    def _cell_tab(self, event: QEvent) -> bool:
        """Tab moves between cells, as in a spreadsheet, not between widgets."""
        if (event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Tab, Qt.Key_Backtab)
                and (self.cells.is_editing or self.cells.current is not None)):
            self.keyPressEvent(event)
            return True
        return False

    # ------------------------------------------------------------------ keys
    def _claims_key(self, event: QKeyEvent) -> bool:
        """Whether a key press is the canvas's own (so a shortcut must not take it)."""
        modifiers = event.modifiers() & ~Qt.KeypadModifier
        key = event.key()
        if self.cells.is_editing:
            return not modifiers & _NO_SHORTCUT and (
                key in _TEXT_EDIT_KEYS or key in (Qt.Key_Tab, Qt.Key_Backtab)
                or event.text().isprintable() and event.text() != "")
        if self.cells.claims(event):
            return True
        if self.editor.is_editing:
            # Typing: text and editing keys are the field's; F11 and the like are not.
            return not modifiers & _NO_SHORTCUT and (
                key in _TEXT_EDIT_KEYS or event.text().isprintable() and event.text() != "")
        if key == Qt.Key_0 and modifiers == Qt.ControlModifier:
            return True
        if modifiers & _NO_SHORTCUT:
            return False
        if key in _LETTER_KEYS or key in (Qt.Key_F2, Qt.Key_Space):
            return True
        has_selection = bool(self.scene().selectedItems())
        if key in (Qt.Key_Delete, Qt.Key_Backspace):
            return has_selection
        if key == Qt.Key_Escape:
            # Only when there is something to cancel: Esc may also leave full screen.
            return has_selection or self.gestures.active
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if self.cells.is_editing and event.key() in (Qt.Key_Tab, Qt.Key_Backtab):
            # Never to the field: Qt's items take Tab as a move of the focus.
            back = event.key() == Qt.Key_Backtab or bool(event.modifiers() & Qt.ShiftModifier)
            self.cells.go_on("previous" if back else "next")
            event.accept()
            return
        if self.cells.is_editing:
            self._to_item(self.cells.editor_item, event, super().keyPressEvent)
            return
        if self.editor.is_editing:
            self._to_title(event, super().keyPressEvent)
            return
        if self.cells.key(event):
            event.accept()
            return
        if self._workshop_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if self.cells.is_editing:
            self._to_item(self.cells.editor_item, event, super().keyReleaseEvent)
            return
        if self.editor.is_editing:
            self._to_title(event, super().keyReleaseEvent)
            return
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self.gestures.set_space(False)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _to_title(self, event: QKeyEvent, through_scene) -> None:
        self._to_item(self.editor.title_item, event, through_scene)

    def _to_item(self, field, event: QKeyEvent, through_scene) -> None:
        # The scene passes keys to its focus item only while its window is active;
        # an in-place field must get them even so (a key sent before activation).
        if self.scene().focusItem() is field:
            through_scene(event)
        else:
            self.scene().sendEvent(field, event)

    def _workshop_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeypadModifier
        if key == Qt.Key_0 and modifiers == Qt.ControlModifier:
            self.fit_all()
            return True
        if modifiers & _NO_SHORTCUT:
            return False
        editor = self.editor
        if key == Qt.Key_Space:
            if not event.isAutoRepeat():
                self.gestures.set_space(True)
            return True
        if event.isAutoRepeat() and key in _LETTER_KEYS:
            return True  # a held key must not make a row of elements
        if key == Qt.Key_S:
            editor.add_stage()
        elif key == Qt.Key_T:
            editor.add_touchpoint()
        elif key == Qt.Key_P:
            editor.add_note("pain_point")
        elif key == Qt.Key_O:
            editor.add_note("opportunity")
        elif key == Qt.Key_A:
            editor.add_action()
        elif key == Qt.Key_F2:
            editor.edit_title()
        elif key in (Qt.Key_Delete, Qt.Key_Backspace):
            return editor.delete_selection()
        elif key == Qt.Key_Escape:
            if self.gestures.active:
                self.gestures.cancel()
            else:
                self.scene().clearSelection()
        else:
            return False
        return True

    def focusOutEvent(self, event: QFocusEvent) -> None:  # Qt's name
        # A Space released in another window never reaches us.
        self.gestures.set_space(False)
        super().focusOutEvent(event)

    # ----------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt's name
        scene_pos = self.mapToScene(event.position().toPoint())
        if self.cells.is_editing:
            if self.cells.contains(scene_pos):
                super().mousePressEvent(event)  # placing the text cursor
                return
            self.cells.commit()  # clicking elsewhere keeps the text
        if self.editor.is_editing:
            if self.editor.title_contains(scene_pos):
                super().mousePressEvent(event)  # placing the text cursor
                return
            self.editor.commit_title()  # clicking elsewhere commits
        # Cells lie under the bands, clear of every card, chip and flow.
        cell = (self.cells.cell_at(scene_pos) if event.button() == Qt.LeftButton
                and top_item(self.scene(), scene_pos) is None else None)
        self.cells.select(cell)
        if cell is not None:
            self.setFocus(Qt.MouseFocusReason)
            event.accept()
            return
        if self.gestures.press(event):
            event.accept()
            return
        self._stages_kept = {i for i in self.scene().selectedItems() if i.type() == BAND_TYPE}
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt's name
        if self.gestures.move(event):
            event.accept()
            return
        super().mouseMoveEvent(event)
        rubber = self.rubberBandRect()
        if not rubber.isNull():
            self._keep_enclosed_stages(self.mapToScene(rubber).boundingRect())

    def _keep_enclosed_stages(self, area: QRectF) -> None:
        # A rubber band takes a stage only when it encloses the whole header, as
        # whiteboards do with frames: sweeping over cards must not pick up (and let
        # Delete remove) the stages they sit in.
        for item in self.scene().selectedItems():
            if (item.type() == BAND_TYPE and item not in self._stages_kept
                    and not area.contains(item.mapRectToScene(item.header_rect()))):
                item.setSelected(False)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt's name
        if self.gestures.release(event):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # Qt's name
        scene_pos = self.mapToScene(event.position().toPoint())
        if event.button() == Qt.LeftButton and self.cells.current is not None \
                and self.cells.cell_at(scene_pos) == self.cells.current:
            self.cells.open()
            event.accept()
            return
        if event.button() == Qt.LeftButton and not self.editor.title_contains(scene_pos):
            item = top_item(self.scene(), scene_pos)
            # A band is hit only on its header (its shape), so this is the stage title.
            if item is not None and item.type() in (CARD_TYPE, CHIP_TYPE, BAND_TYPE):
                self.editor.edit_title(item.element_id)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:  # Qt's name
        scene_pos = self.mapToScene(event.pos())
        cell = self.cells.cell_at(scene_pos) if top_item(self.scene(), scene_pos) is None else None
        if cell is None:
            super().contextMenuEvent(event)
            return
        self.cells.menu(cell, self).exec(event.globalPos())
        event.accept()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # Qt's name
        super().drawForeground(painter, rect)
        self.gestures.paint(painter)  # rubber line, insertion marker, drop feedback

    # ------------------------------------------------------------ palette drops
    def _palette_payload(self, event: QDropEvent) -> dict | None:
        mime = event.mimeData()
        if not mime.hasFormat(PALETTE_MIME):
            return None
        return parse_palette(mime.data(PALETTE_MIME).data())

    def _picture_card(self, event: QDropEvent):
        """The card a dragged PNG or JPEG would go on, if it carries one and is over one."""
        if not carries_picture(event.mimeData()):
            return None
        return card_at(self.scene(), self.mapToScene(event.position().toPoint()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt's name
        payload = self._palette_payload(event)
        if payload is None:
            if carries_picture(event.mimeData()):
                event.acceptProposedAction()  # dragMove says where it may land: on a card
                return
            event.ignore()  # a file, say: the main window opens or imports it
            return
        event.acceptProposedAction()
        self.gestures.preview_palette(payload, self.mapToScene(event.position().toPoint()))

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # Qt's name
        payload = self._palette_payload(event)
        if payload is None:
            if self._picture_card(event) is not None:
                event.acceptProposedAction()
            else:
                event.ignore()
            return
        event.acceptProposedAction()
        self.gestures.preview_palette(payload, self.mapToScene(event.position().toPoint()))

    def dragLeaveEvent(self, event) -> None:  # Qt's name
        self.gestures.clear_preview()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt's name
        payload = self._palette_payload(event)
        self.gestures.clear_preview()
        if payload is None:
            card = self._picture_card(event)
            if card is not None and self.editor.put_picture(card.element_id,
                                                            event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return
        self.setFocus(Qt.OtherFocusReason)  # so typing names what was dropped
        if self.editor.drop_palette(payload, self.mapToScene(event.position().toPoint())):
            event.acceptProposedAction()
        else:
            event.ignore()
