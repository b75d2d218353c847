"""The canvas's interface text, with Qt's plural forms and English's as a fallback."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The interface's text; with ``n``, Qt's plural forms (``%n``).  Without a
    translation, English's: "(s)" is dropped for one and made "s" for the rest.  The
    count goes third, as in Qt's own call, so that lupdate sees the plural."""
    translated = QCoreApplication.translate("canvas", text, disambiguation, n)
    if n >= 0 and translated == text.replace("%n", str(n)):
        translated = english_plural(translated, n)
    return translated


def english_plural(text: str, n: int) -> str:
    """"%n note(s)" and "%n copy(ies)" as English has them, for ``n``."""
    if n == 1:
        return text.replace("(s)", "").replace("(ies)", "")
    return text.replace("(s)", "s").replace("y(ies)", "ies")
