"""The map's pictures for the deck, drawn by the canvas's renderer and handed to
``export.deck`` (the export layer never imports Qt or the canvas; the editor and the
command line pass ``map_picture`` in).

One scene is built for all the views a deck asks for (the whole map, each part), and
each view is drawn on its own at its own scale: a part of a wide map keeps its full
resolution instead of being cut from one picture that had to shrink to fit.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtGui import QImage, QPainter

from ..canvas import render
from ..export.deck_map import MapPictureError, View


def map_picture(journey, persona: str | None,
                views: list[View]) -> tuple[list[bytes], list[str]]:
    """PNG bytes of each ``((x, y, w, h), scale)`` view of the map, in scene units and
    pixels a unit, on white in the light palette (as ``render.png_bytes`` draws)."""
    try:
        render.ensure_app()
        # render.py's own scene and painting (the same picture as File > Export >
        # Image), view by view rather than whole.
        scene = render.picture_scene(journey, persona)
    except render.RenderError as exc:
        raise MapPictureError(str(exc)) from None
    out = []
    try:
        for (x, y, w, h), scale in views:
            # Cards as shapes when the view is small, as the editor zoomed out that far.
            scene.set_detail(scale)
            width, height = max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale))
            image = QImage(width, height, QImage.Format_RGB32)
            if image.isNull():
                raise MapPictureError(render.tr(
                    "There is not enough memory for a picture of %1 x %2 pixels; try a "
                    "smaller scale.").replace("%1", str(width)).replace("%2", str(height)))
            image.fill(render.BACKGROUND)
            painter = QPainter(image)
            try:
                render.paint_view(painter, scene, QRectF(x, y, w, h),
                              QRectF(0, 0, w * scale, h * scale))
            finally:
                painter.end()
            buffer = QBuffer()
            buffer.open(QIODevice.WriteOnly)
            if not image.save(buffer, "PNG"):
                raise MapPictureError(render.tr("The picture could not be encoded as PNG."))
            out.append(bytes(buffer.data()))
            buffer.close()
    finally:
        scene.detach()
    return out, []
