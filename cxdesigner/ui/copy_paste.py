"""Copy, cut, paste and duplicate through the system clipboard, each one undo step.

The data is ``model.clipboard``'s dict as JSON under our own MIME type, so a copy in
one window pastes in another; the titles go along as plain text for other programs.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtWidgets import QApplication

from ..canvas import picture_edits
from ..canvas.picture_edits import carries_picture
from ..commands import ChangeCommand
from ..model import JourneyMap, ModelError
from ..model import clipboard, pictures

ELEMENTS_MIME = "application/x-cxdesigner-elements"
MAX_CLIPBOARD_BYTES = 50 * 1024 * 1024  # what another program put there is not ours to trust


def tr(text: str) -> str:
    return QCoreApplication.translate("CopyPaste", text)


def copy(journey: JourneyMap, ids: list[str]) -> bool:
    """Put the elements on the clipboard; False if there is nothing to copy."""
    data = clipboard.extract(journey, ids)
    if not (data["stages"] or data["touchpoints"] or data["notes"]):
        return False
    mime = QMimeData()
    mime.setData(ELEMENTS_MIME, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    mime.setText("\n".join(t for t in clipboard.titles(data) if t))
    QApplication.clipboard().setMimeData(mime)
    return True


def can_paste() -> bool:
    mime = QApplication.clipboard().mimeData()
    return mime is not None and (mime.hasFormat(ELEMENTS_MIME) or carries_picture(mime))


def clipboard_picture() -> QMimeData | None:
    """The clipboard's content when it is an image (and not our elements): pasted on
    the selected touchpoint as its picture."""
    mime = QApplication.clipboard().mimeData()
    if mime is None or mime.hasFormat(ELEMENTS_MIME) or not carries_picture(mime):
        return None
    return mime


def clipboard_data() -> Any:
    """What the clipboard holds under our type, or None (the model checks the rest)."""
    mime = QApplication.clipboard().mimeData()
    if mime is None or not mime.hasFormat(ELEMENTS_MIME):
        return None
    raw = bytes(mime.data(ELEMENTS_MIME))
    if len(raw) > MAX_CLIPBOARD_BYTES:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def paste_command(journey: JourneyMap, data: Any, stage: str | None = None,
                  on: str | None = None) -> ChangeCommand:
    return ChangeCommand(journey, tr("Paste"),
                         lambda: _paste(journey, data, stage, on))


def duplicate_command(journey: JourneyMap, ids: list[str], stage: str | None = None,
                      on: str | None = None) -> ChangeCommand:
    data = clipboard.extract(journey, ids)
    return ChangeCommand(journey, tr("Duplicate"),
                         lambda: _paste(journey, data, stage, on))


def _paste(journey: JourneyMap, data: Any, stage: str | None, on: str | None):
    # Copies of touchpoints bring their pictures: the map's limit holds for them too
    # (the saver would refuse the map), so a paste past it is refused whole.
    full = pictures.map_full(pictures.map_bytes(journey), _picture_bytes(data))
    if full is not None:
        raise ModelError(picture_edits.message(full))
    return clipboard.paste(journey, data, stage, on=on)


def _picture_bytes(data: Any) -> int:
    """The pictures' bytes in clipboard data (which another program may have made)."""
    entries = data.get("touchpoints") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return 0
    found = (entry.get("fields", {}).get("picture") for entry in entries
             if isinstance(entry, dict) and isinstance(entry.get("fields"), dict))
    return pictures.total_bytes(p for p in found if isinstance(p, str) and p)


def cut_command(journey: JourneyMap, ids: list[str]) -> ChangeCommand:
    """The removal half of a cut (copy first): one undo step named Cut."""
    return ChangeCommand(journey, tr("Cut"), lambda: journey.remove_many(ids))
