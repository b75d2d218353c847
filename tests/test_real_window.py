"""The editor opens in a real X11 window (Xvfb), as `python3 dev.py run` does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from cxdesigner.fileformat.templates import sample_path

pytestmark = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (.ci/run installs them)")


@pytest.fixture
def display():
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    number = server.stdout.readline().decode().strip()
    yield f":{number}"
    server.terminate()
    server.wait(10)


def test_editor_opens_the_sample_in_a_real_window(display, tmp_path):
    # Its own recovery folder: the killed editor leaves a session marker behind.
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
               CXD_RECOVERY_DIR=str(tmp_path / "recovery"))
    app = subprocess.Popen([sys.executable, "-m", "cxdesigner", str(sample_path("he"))],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        found = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not found and app.poll() is None:
            result = subprocess.run(["xdotool", "search", "--name", "CX Designer",
                                     "getwindowname"], env=env, capture_output=True, text=True)
            found = result.stdout.strip()
            time.sleep(0.3)
        assert app.poll() is None, app.stderr.read().decode()
        assert "bakery-he.cxmap" in found
    finally:
        app.terminate()
        app.wait(10)
