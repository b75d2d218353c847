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
