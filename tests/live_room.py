"""A room server for the live editor's tests: ``cxdesigner serve`` in a subprocess on
127.0.0.1 (never in the test's process: its threads and asyncio loop stay out of Qt's
way), always killed at the end.  ``RoomServer.kill()`` is ``kill -9``; ``start()``
again serves the same data folder on the same port."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap

START_TIMEOUT = 20.0  # seconds for the server's first line (a cold start imports a lot)


class RoomServer:
    def __init__(self, data: Path) -> None:
        self.data = data
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "RoomServer":
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cxdesigner", "serve", "--host", "127.0.0.1",
             "--port", str(self.port), "--data", str(self.data)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        line = _first_line(self.process, START_TIMEOUT)
        # "cxdesigner serve: rooms at http://127.0.0.1:PORT (data in DIR)"
        try:
            self.port = int(line.split("http://127.0.0.1:")[1].split()[0])
        except (IndexError, ValueError):
            self.kill()
            raise RuntimeError(f"the server did not start: {line!r}") from None
        # The rest of stderr is drained so the server never blocks on a full pipe.
        threading.Thread(target=self.process.stderr.read, daemon=True).start()
        return self

    def kill(self) -> None:
        """``kill -9``: no goodbye to anyone."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def push(self, journey: JourneyMap, tmp: Path) -> str:
        """A new room holding ``journey``, through the CLI (``cxdesigner push``)."""
        path = tmp / f"pushed-{time.monotonic_ns()}.cxmap"
        cxmap.save(journey, path)
        done = subprocess.run([sys.executable, "-m", "cxdesigner", "push", str(path), self.base],
                              capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.strip().splitlines()
        # "participants: URL", "viewers: URL", then the facilitator's, alone, last.
        self.links = {line.split(":", 1)[0]: line.split(":", 1)[1].strip()
                      for line in lines if line.startswith(("participants:", "viewers:"))}
        return lines[-1]


def _first_line(process: subprocess.Popen, timeout: float) -> str:
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.append(process.stderr.readline().decode()),
                              daemon=True)
    reader.start()
    reader.join(timeout)
    if not out:
        process.kill()
        process.wait(10)
        raise RuntimeError(f"the server said nothing in {timeout:g} s")
    return out[0]


class Page:
    """A participant's page as a headless client: a ``LiveConnection`` whose updates
    are kept as bytes and turned into a ``Doc`` on the test's thread only."""

    def __init__(self, url: str) -> None:
        from cxdesigner.live.connection import LiveConnection

        self.received: list[bytes] = []  # appended on the connection's thread
        self.states: list[str] = []
        self.connection = LiveConnection(url, self.received.append, lambda a: None,
                                         lambda s, d: self.states.append(s))
        self.connection.start()

    def wait_connected(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while "connected" not in self.states and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "connected" in self.states, self.states

    def doc(self):
        """The room's document as received so far."""
        from pycrdt import Doc

        doc = Doc()
        for update in list(self.received):
            doc.apply_update(update)
        return doc

    def write(self, edit) -> None:
        """``edit(doc, root)`` in one transaction on the room's document, sent."""
        from pycrdt import Map

        doc = self.doc()
        before = doc.get_state()
        with doc.transaction():
            edit(doc, doc.get("cxmap", type=Map))
        self.connection.send_update(doc.get_update(before))

    def close(self) -> None:
        self.connection.close()
