"""Start the editor: the application object, fonts, translations, the first window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from .resources_path import resource


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    created = app is None
    if created:
        app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("CX Designer")
    app.setApplicationName("CX Designer")
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource("fonts", name)))
    app.aboutToQuit.connect(_release_clipboard)
    if created:
        # The language is chosen once, before any window: the saved choice, else the
        # system locale.  An application made elsewhere (a test) keeps its own.
        from .ui import language

        language.start(app)
    return app


def _release_clipboard() -> None:
    # Our mime data on the clipboard would be freed after Python has finalised, which
    # crashes Qt's shutdown.  It could not outlive the app anyway (its owner is gone).
    from .ui.copy_paste import ELEMENTS_MIME

    clipboard = QApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(ELEMENTS_MIME):
        clipboard.clear()


def run_editor(path: Path | None, join: str | None = None) -> int:
    """The editor on ``path`` (or a new map); with ``join``, also in that live room."""
    app = make_app()
    from .ui.document import autosave
    from .ui.main_window import MainWindow

    # The session marker tells the next start whether this one crashed; a clean exit
    # removes it once the last recovery write has finished.
    autosave.start_session()
    app.aboutToQuit.connect(autosave.end_session)
    window = MainWindow.start(path)
    if join:
        window.join_live_somewhere(join)
    return app.exec()
