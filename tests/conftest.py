import os

# Before anything imports Qt: the suite runs without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(scope="session", autouse=True)
def _clear_clipboard_at_exit():
    # Mime data left on the clipboard is freed after Python has finalised, and Qt
    # then crashes in its own shutdown: the app clears its data on quit, so do the tests.
    yield
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is not None:
        app.clipboard().clear()


@pytest.fixture
def temp_settings(tmp_path):
    """The editor's settings in a file of the test's own, never the user's."""
    from cxdesigner.ui import settings

    settings.use_file(tmp_path / "settings.ini")
    yield
    settings.use_file(None)


@pytest.fixture
def close_all_windows(qapp, monkeypatch):
    """Every main window closed after the test, without asking about unsaved changes."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from cxdesigner.ui import main_window as mw

    yield
    monkeypatch.setattr(mw.MainWindow, "ask_unsaved", lambda self: "discard")
    for window in mw.windows():
        window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
