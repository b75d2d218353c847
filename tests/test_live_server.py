"""The room server (``cxdesigner serve``) with push, pull and live clients, over
127.0.0.1 on a port the system picks; every wait is bounded (``WAIT`` seconds)."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pycrdt import Doc
from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from cxdesigner.cli import main
from cxdesigner.fileformat import cxmap
from cxdesigner.live.binding import LiveBinding
from cxdesigner.live.client import connect, pull, push, room_url
from cxdesigner.live.server import MAX_MESSAGE
from cxdesigner.live.ydoc import from_ydoc
from cxdesigner.resources_path import resource

WAIT = 10.0
SAMPLE = resource("samples", "bakery-en.cxmap")


class Server:
    def __init__(self, data: Path, log: Path) -> None:
        self.data, self.log = data, log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cxdesigner", "serve", "--port", "0", "--data", str(data)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log.open("ab"))
        self.url = self._wait_for(r"rooms at (http://127\.0\.0\.1:\d+)").group(1)

    def _wait_for(self, pattern: str) -> re.Match:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            found = re.search(pattern, self.log.read_text())
            if found:
                return found
            assert self.proc.poll() is None, self.log.read_text()
            time.sleep(0.02)
        raise AssertionError(f"no {pattern!r} in the server's log: {self.log.read_text()}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(WAIT)
            except subprocess.TimeoutExpired:  # never leave a server behind
                self.proc.kill()
                self.proc.wait(WAIT)
                raise


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rooms")
    running = Server(folder / "data", folder / "server.log")
    yield running
    running.stop()


def _until(check, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


async def _until_async(check, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)


def _unsaved(journey) -> dict:
    """The map's data without the time of saving, which saving the pulled file sets."""
    data = journey.snapshot()
    data["document"] = {k: v for k, v in data["document"].items() if k != "modified"}
    return data


def _titles(journey) -> set[str]:
    return {a.get("title") for _, a in journey.graph.nodes(data=True)}


def test_a_pushed_map_pulls_back_equal(server, tmp_path, capsys):
    assert main(["push", str(SAMPLE), server.url]) == 0
    url = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(re.escape(server.url) + r"/[\w-]+\?key=[\w-]{43,}", url)
    assert main(["pull", url, "-o", str(tmp_path / "pulled.cxmap")]) == 0
    pulled = cxmap.load(tmp_path / "pulled.cxmap")
    assert pulled.problems == []
    assert _unsaved(pulled.journey) == _unsaved(cxmap.load(SAMPLE).journey)


def test_an_edit_on_one_client_reaches_the_other(server):
    url = push(cxmap.load(SAMPLE).journey, server.url)

    async def workshop():
        doc_a, doc_b = Doc(), Doc()
        async with connect(url, doc_a) as pa, connect(url, doc_b) as pb:
            await asyncio.wait_for(pa.synced.wait(), WAIT)
            await asyncio.wait_for(pb.synced.wait(), WAIT)
            a, b = from_ydoc(doc_a), from_ydoc(doc_b)
            binding_a, binding_b = LiveBinding(a, doc_a), LiveBinding(b, doc_b)
            a.add_stage("Delivery by bicycle")
            await _until_async(lambda: binding_b.flush() is not None
                               or "Delivery by bicycle" in _titles(b), "the edit on b")
            assert b.snapshot() == a.snapshot()
            binding_a.close()
            binding_b.close()

    asyncio.run(workshop())


def test_an_edit_relayed_before_kill_9_is_there_after_a_restart(tmp_path):
    first = Server(tmp_path / "data", tmp_path / "server.log")
    try:
        url = push(cxmap.load(SAMPLE).journey, first.url)

        async def edit():
            doc_a, doc_b = Doc(), Doc()
            async with connect(url, doc_a) as pa, connect(url, doc_b) as pb:
                await asyncio.wait_for(pa.synced.wait(), WAIT)
                await asyncio.wait_for(pb.synced.wait(), WAIT)
                a = from_ydoc(doc_a)
                binding = LiveBinding(a, doc_a)
                a.add_stage("After the crash")
                # Relayed to b means written first: the server's acknowledgement.
                await _until_async(lambda: "After the crash" in _titles(from_ydoc(doc_b)),
                                   "the relay")
                binding.close()
                first.stop(signal.SIGKILL)

        asyncio.run(edit())
    finally:
        first.stop(signal.SIGKILL)
    second = Server(tmp_path / "data", tmp_path / "restarted.log")
    try:
        assert "After the crash" in _titles(pull(url.replace(first.url, second.url)))
    finally:
        second.stop()


def test_a_wrong_key_and_an_unknown_room_are_refused_alike(server):
    url = push(cxmap.load(SAMPLE).journey, server.url)
    address, path = room_url(url)
    wrong_key = re.sub(r"key=.*", "key=" + "A" * 43, address)
    no_room = address.replace(path, "/no-such-room")

    async def refusal(target: str) -> tuple[int, bytes]:
        with pytest.raises(InvalidStatus) as refused:
            await ws_connect(target, open_timeout=WAIT)
        return refused.value.response.status_code, refused.value.response.body

    assert asyncio.run(refusal(wrong_key)) == asyncio.run(refusal(no_room))
    assert asyncio.run(refusal(no_room))[0] == 403


def test_an_oversized_message_closes_that_connection_only(server):
    url = push(cxmap.load(SAMPLE).journey, server.url)
    address, _ = room_url(url)

    async def oversize() -> int | None:
        async with ws_connect(address, open_timeout=WAIT, max_size=None) as websocket:
            with pytest.raises(ConnectionClosed) as closed:
                await asyncio.wait_for(websocket.send(bytes(MAX_MESSAGE + 1)), WAIT)
                await asyncio.wait_for(websocket.recv(), WAIT)  # the room's own sync first
                await asyncio.wait_for(websocket.recv(), WAIT)
            return closed.value.rcvd.code if closed.value.rcvd else None

    assert asyncio.run(oversize()) == 1009  # "message too big"
    assert pull(url).snapshot() == cxmap.load(SAMPLE).journey.snapshot()


def test_push_to_no_server_is_one_line_and_exit_2(capsys):
    assert main(["push", str(SAMPLE), "http://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cxdesigner push: cannot reach http://127.0.0.1:9")
    assert err.count("\n") == 1


def test_joins_and_leaves_are_logged_one_line_each_without_the_key(server):
    url = push(cxmap.load(SAMPLE).journey, server.url)
    room = room_url(url)[1]
    pull(url)
    _until(lambda: f"leave {room}" in server.log.read_text(), "the leave line")
    lines = server.log.read_text().splitlines()
    assert sum(line.startswith(f"cxdesigner serve: join {room} ") for line in lines) == 1
    assert url.split("key=")[1] not in server.log.read_text()


def test_a_malformed_update_is_dropped_and_the_room_serves_on(server):
    url = push(cxmap.load(SAMPLE).journey, server.url)

    async def send_garbage() -> None:
        async with ws_connect(room_url(url)[0], open_timeout=WAIT) as websocket:
            # y-websocket "sync, update" with a payload that is no Yjs update
            await websocket.send(b"\x00\x02\x05\x01\x02garb")
            await _until_async(lambda: server.log.read_text().count("dropped a malformed")
                               > before, "the server to drop it")

    before = server.log.read_text().count("dropped a malformed")
    asyncio.run(send_garbage())
    assert pull(url).snapshot() == cxmap.load(SAMPLE).journey.snapshot()
