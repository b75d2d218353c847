"""Touchpoints' pictures as small pixmaps, decoded once and kept.

``thumbnail(tp, picture_text, w, h)`` gives the picture scaled to fit ``w`` x ``h``
(scene units, drawn at twice that for a sharp zoom), from a small cache keyed by the
touchpoint and the size and checked against the picture's text.  The text of an
unchanged picture is the very same string object, so the check is an identity test;
painting a card decodes nothing after its first paint.  Any canvas item (a card, an
image lane's cells) can use it.
"""

from __future__ import annotations

import base64
import binascii
from collections import OrderedDict

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QImage, QPixmap

MAX_KEPT = 600  # thumbnails of about 100 x 100 pixels: a few MiB at most
SHARPNESS = 2.0  # pixels per scene unit: sharp up to 200% zoom

_kept: OrderedDict[tuple[str, int, int], tuple[str, QPixmap]] = OrderedDict()


def thumbnail(tp: str, picture_text: str, w: int, h: int) -> QPixmap:
    """The picture scaled to fit ``w`` x ``h`` keeping its proportions; a null pixmap
    for no picture or one that cannot be decoded."""
    if not picture_text:
        return QPixmap()
    key = (tp, w, h)
    found = _kept.get(key)
    if found is not None and (found[0] is picture_text or found[0] == picture_text):
        _kept.move_to_end(key)
        return found[1]
    pixmap = _decode(picture_text, w, h)
    _kept[key] = (picture_text, pixmap)
    if len(_kept) > MAX_KEPT:
        _kept.popitem(last=False)
    return pixmap


def _decode(picture_text: str, w: int, h: int) -> QPixmap:
    try:
        data = base64.b64decode(picture_text, validate=True)
    except (binascii.Error, ValueError):
        return QPixmap()
    image = QImage.fromData(QByteArray(data))
    if image.isNull():
        return QPixmap()
    size = QSize(round(w * SHARPNESS), round(h * SHARPNESS))
    scaled = image.scaled(size, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    pixmap = QPixmap.fromImage(scaled)
    pixmap.setDevicePixelRatio(SHARPNESS)
    return pixmap


def forget() -> None:
    """Drop every kept thumbnail (tests, and a closed window's memory)."""
    _kept.clear()
