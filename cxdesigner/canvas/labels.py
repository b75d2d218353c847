"""Names and colours for the model's vocabularies.

Two languages meet here.  What the map draws (its cards, bands, chips and lane, on
the canvas and in the PNG and SVG exports) speaks the **map's** language:
``map_words(journey)``, the Qt-free table of ``model/vocabulary.py`` that the report
reads too, so a Hebrew map's pictures are Hebrew in an English editor.  The panels'
lists and fields speak the **interface's** language: the ``tr`` functions below,
translated by Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ..model.vocabulary import Vocabulary, vocabulary


def map_words(journey) -> Vocabulary:
    """The words the map draws of itself, in the map's language (not the interface's)."""
    return vocabulary(journey.document["language"])


def tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def channel_label(channel: str) -> str:
    return {
        "advertising": tr("Advertising"), "website": tr("Website"), "app": tr("App"),
        "social": tr("Social media"), "search": tr("Search"),
        "reviews": tr("Reviews / word of mouth"), "phone": tr("Phone / call centre"),
        "chat": tr("Chat"), "whatsapp": tr("WhatsApp"), "email": tr("Email"),
        "store": tr("Store / sales floor"), "face_to_face": tr("Face to face"),
        "delivery": tr("Delivery / packaging"), "other": tr("Other"),
    }.get(channel, channel)


def note_kind_label(kind: str) -> str:
    return {
        "pain_point": tr("Pain point"), "opportunity": tr("Opportunity"),
        "strength": tr("Strength"), "weakness": tr("Weakness"), "threat": tr("Threat"),
        "insight": tr("Insight"),
    }.get(kind, kind)


def note_kind_letter(kind: str) -> str:
    """One letter on a note's icon in the interface; translators pick their language's
    initials (the canvas draws the map's own, from ``model.vocabulary``).  Literal calls:
    ``pyside6-lupdate`` only finds those."""
    translate = QCoreApplication.translate
    letters = {"pain_point": translate("chip", "P"), "opportunity": translate("chip", "O"),
               "strength": translate("chip", "S"), "weakness": translate("chip", "W"),
               "threat": translate("chip", "T"), "insight": translate("chip", "I")}
    return letters.get(kind, "?")


NOTE_COLOURS = {
    "pain_point": QColor("#d64545"), "opportunity": QColor("#2e9e5b"),
    "strength": QColor("#3b7dd8"), "weakness": QColor("#e08a1e"),
    "threat": QColor("#8e44ad"), "insight": QColor("#5f7c8a"),
}


def emotion_colour(value: int | None) -> QColor:
    return {-2: QColor("#c0392b"), -1: QColor("#e67e22"), 0: QColor("#95a5a6"),
            1: QColor("#7cb342"), 2: QColor("#2e9e5b")}.get(value, QColor("#bdc3c7"))


def mode_label(mode: str) -> str:
    return tr("Direct") if mode == "direct" else tr("Indirect")


def persona_kind_label(kind: str) -> str:
    return {"new": tr("New customer"), "existing": tr("Existing customer"),
            "returning": tr("Returning customer")}.get(kind, kind)


def status_label(status: str) -> str:
    return {"planned": tr("Planned"), "in_progress": tr("In progress"), "done": tr("Done"),
            "cancelled": tr("Cancelled")}.get(status, status)
