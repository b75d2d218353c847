"""The processes of the live tests, each a bounded subprocess: the reference Node
y-websocket server (web/reference-server.mjs), the static server of the participant
page (peer_static_server.py) and Python Yjs peers (peer_yjs.py).  Nothing here opens a
socket in the pytest process; every wait has a timeout; every process is killed on the
way out, even when a test fails.
"""

from __future__ import annotations

import base64
import contextlib
import json
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest
from pycrdt import Doc

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
HERE = Path(__file__).resolve().parent
SAMPLES = ROOT / "resources" / "samples"
ANSWER_S = 15  # the longest any one process may take to answer


class Process:
    """A subprocess that speaks in lines; its stdout is read by a thread into a queue,
    so reading a line waits at most a given time."""

    def __init__(self, args: list[str], what: str) -> None:
        self.what = what
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, cwd=ROOT)
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def line(self, timeout: float = ANSWER_S) -> str:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"{self.what} said nothing in {timeout} s") from None
        if line is None:
            self.proc.wait(timeout=5)
            raise AssertionError(f"{self.what} ended (code {self.proc.returncode}): "
                                 f"{self.proc.stderr.read()[-2000:]}")
        return line

    def close(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
            try:
                self.proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        for stream in (self.proc.stdout, self.proc.stderr):
            with contextlib.suppress(OSError):
                stream.close()


def node_or_skip() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (the reference y-websocket server runs on it)")
    if not (WEB / "node_modules" / "@y" / "websocket-server").is_dir():
        pytest.fail("The reference server is not installed: run  npm ci --prefix web  "
                    "(or python3 dev.py web)", pytrace=False)
    return node


@contextlib.contextmanager
def reference_server(port: int = 0) -> Iterator[int]:
    """The reference y-websocket server on 127.0.0.1; yields its port."""
    server = Process([node_or_skip(), str(WEB / "reference-server.mjs"), str(port)],
                     "the reference server")
    try:
        line = server.line()
        assert line.startswith("PORT "), line
        yield int(line.split()[1])
    finally:
        server.close()


@contextlib.contextmanager
def static_server() -> Iterator[int]:
    """The participant page's files on 127.0.0.1; yields the port."""
    server = Process([sys.executable, str(HERE / "peer_static_server.py")], "the static server")
    try:
        yield int(server.line())
    finally:
        server.close()


@contextlib.contextmanager
def refusing_server(path: Path) -> Iterator[int]:
    """A y-websocket server serving the map of ``path`` and closing with 4003 on the
    first update it receives; yields its port."""
    server = Process([sys.executable, str(HERE / "peer_refusing_server.py"), str(path)],
                     "the refusing server")
    try:
        yield int(server.line())
    finally:
        server.close()


class Peer(Process):
    """A Python Yjs peer in a room of a y-websocket server (peer_yjs.py)."""

    def __init__(self, url: str) -> None:
        super().__init__([sys.executable, str(HERE / "peer_yjs.py"), url], f"the peer on {url}")

    def do(self, op: str, **args) -> dict:
        self.proc.stdin.write(json.dumps({"op": op, **args}) + "\n")
        self.proc.stdin.flush()
        answer = json.loads(self.line())
        assert answer["ok"], answer
        return answer

    def doc(self) -> Doc:
        """A copy of the peer's document, to read in the test."""
        copy = Doc()
        copy.apply_update(base64.b64decode(self.do("state")["update"]))
        return copy

    def wait_for(self, check, what: str, timeout: float = ANSWER_S):
        """Polls the peer's document until check(doc) is truthy; returns that value."""
        deadline = time.monotonic() + timeout
        while True:
            result = check(self.doc())
            if result:
                return result
            if time.monotonic() > deadline:
                raise AssertionError(f"the peer never saw {what} in {timeout} s")
            time.sleep(0.1)


@contextlib.contextmanager
def peer(url: str) -> Iterator[Peer]:
    p = Peer(url)
    try:
        p.wait_for(lambda _doc: p.do("state")["synced"], "the first sync")
        yield p
    finally:
        p.close()
