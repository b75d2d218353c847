"""Putting a picture on a touchpoint: a PNG or JPEG file or image data dropped on its
card, pasted onto the selected card, or chosen in the inspector.  Each is one undoable
command (``EditFieldsCommand`` setting ``picture``); a refused image changes nothing and
says why, in the interface's language.

The image work itself is Qt-free (``model/pictures.py``: prepare, the limits); here are
the Qt halves: what a drag or the clipboard carries, and the translated messages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage

from ..commands import EditFieldsCommand
from ..fileformat import files
from ..fileformat.errors import FileFormatError
from ..model import pictures as P
from .texts import tr

SUFFIXES = (".png", ".jpg", ".jpeg")
_RAW_TYPES = ("image/png", "image/jpeg")


class RefusedPicture(Exception):
    """An image that cannot go on a touchpoint; ``str()`` is the translated reason."""


def picture_files(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()
            and Path(url.toLocalFile()).suffix.lower() in SUFFIXES]


def carries_picture(mime: QMimeData | None) -> bool:
    """Whether a drag or the clipboard holds an image file or image data (cheap: no
    file is read, nothing decoded)."""
    if mime is None:
        return False
    if mime.hasUrls():  # files: only pictures (a map dragged along is the window's)
        return len(picture_files(mime)) == len(mime.urls())
    return mime.hasImage() or any(mime.hasFormat(kind) for kind in _RAW_TYPES)


def picture_bytes(mime: QMimeData) -> bytes:
    """The image a drag or the clipboard carries, as file bytes: a dropped file as it
    is, PNG or JPEG data as given, any other image Qt holds made a PNG."""
    found = picture_files(mime)
    if found:
        try:
            return files.read_bytes(found[0], P.MAX_INPUT_BYTES, "picture")
        except (OSError, FileFormatError) as exc:  # a folder, a pipe, too big, unreadable
            raise RefusedPicture(tr("The picture could not be read: %1").replace(
                "%1", str(getattr(exc, "message", exc)))) from None
    for kind in _RAW_TYPES:
        if mime.hasFormat(kind):
            return bytes(mime.data(kind))
    image = mime.imageData() if mime.hasImage() else None
    if not isinstance(image, QImage) or image.isNull():
        raise RefusedPicture(tr("This is not a picture: use a PNG or JPEG image."))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def picture_command(journey, tp: str, data: bytes) -> EditFieldsCommand:
    """The command that puts the image ``data`` on touchpoint ``tp``, the image made
    fit first; ``RefusedPicture`` with the reason if it cannot be."""
    try:
        text = P.prepare(data)
    except P.PictureError as exc:
        raise RefusedPicture(message(exc)) from None
    old = journey.get(tp).get("picture", "")
    full = P.map_full(P.map_bytes(journey) - P.decoded_size(old), P.decoded_size(text))
    if full is not None:
        raise RefusedPicture(message(full))
    return EditFieldsCommand(journey, tp, tr("Set Picture"), picture=text)


def remove_command(journey, tp: str) -> EditFieldsCommand:
    return EditFieldsCommand(journey, tp, tr("Remove Picture"), picture="")


def message(error: P.PictureError) -> str:
    """The interface's words for a refused image."""
    limit = P.mib(error.values.get("limit", 0))
    return {
        "not_image": tr("This is not a picture CX Designer can use: use a PNG or JPEG "
                        "image."),
        "not_base64": tr("This is not a picture CX Designer can use: use a PNG or JPEG "
                         "image."),
        "damaged": tr("The picture is damaged and cannot be read."),
        "too_many_pixels": tr("The picture has too many pixels to open safely."),
        "too_big": tr("The picture is too large: a picture may take at most %1.").replace(
            "%1", limit),
        "map_full": tr("The map's pictures would pass %1 in all: remove a picture "
                       "first.").replace("%1", limit),
    }.get(error.reason, str(error))
