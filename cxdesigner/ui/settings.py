"""What the editor remembers between runs: window layout, recent files and the
interface language (QSettings)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

MAX_RECENT = 10
# The interface language: the system's, or one chosen in Preferences.
LANGUAGES = ("system", "en", "he")
_override: Path | None = None


def use_file(path: str | os.PathLike[str] | None) -> None:
    """Keep settings in this INI file instead of the user's (tests; portable runs)."""
    global _override
    _override = Path(path) if path is not None else None


def open_settings() -> QSettings:
    if _override is not None:
        return QSettings(str(_override), QSettings.IniFormat)
    if not QCoreApplication.organizationName():
        # Not started through app.make_app (a script or a test): never write into the
        # settings of whatever program this happens to be.
        return QSettings(str(Path(tempfile.gettempdir()) / f"cxdesigner-{os.getpid()}.ini"),
                         QSettings.IniFormat)
    return QSettings()


def recent_files() -> list[Path]:
    value = open_settings().value("recent_files", [])
    if isinstance(value, str):  # INI files give back a one-item list as a string
        value = [value]
    return [Path(v) for v in value or [] if v]


def add_recent_file(path: str | os.PathLike[str]) -> None:
    path = Path(path).resolve()
    kept = [p for p in recent_files() if p != path]
    _write_recent([path, *kept][:MAX_RECENT])


def remove_recent_file(path: str | os.PathLike[str]) -> None:
    path = Path(path).resolve()
    _write_recent([p for p in recent_files() if p != path])


def clear_recent_files() -> None:
    _write_recent([])


def _write_recent(paths: list[Path]) -> None:
    settings = open_settings()
    settings.setValue("recent_files", [str(p) for p in paths])
    settings.sync()


def window_state() -> tuple[QByteArray | None, QByteArray | None]:
    """The last closed window's geometry and dock layout, if any."""
    settings = open_settings()
    return settings.value("window/geometry"), settings.value("window/state")


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    settings = open_settings()
    settings.setValue("window/geometry", geometry)
    settings.setValue("window/state", state)
    settings.sync()


def language() -> str:
    """The interface language chosen in Preferences: "system", "en" or "he"."""
    value = open_settings().value("interface/language", "system")
    return value if value in LANGUAGES else "system"  # a hand-edited file: the default


def set_language(value: str) -> None:
    if value not in LANGUAGES:
        raise ValueError(f"unknown interface language: {value!r}")
    settings = open_settings()
    settings.setValue("interface/language", value)
    settings.sync()
