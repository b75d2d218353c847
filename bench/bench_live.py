"""A live workshop at full size: how long an edit takes to reach everyone in the room.

    python bench/bench_live.py [--editors 3] [--participants 30] [--edits 60]

Starts ``cxdesigner serve`` (its own process, 127.0.0.1, a temporary data folder),
creates a room from the bundled sample (``push``), and joins it with the editors (the
facilitator's key) and the participants (the participant's key), every one a pycrdt
``Doc`` synced through the y-websocket protocol, all in this process on one event loop.
Then, one at a time, each edit is made by the next peer in turn: an editor renames a
touchpoint, a participant adds a pain point (exactly as the participant page writes
it).  An edit has reached a peer when the update carrying it is applied to the peer's
document (``Doc.observe``); its time to reach the room is until the last peer has it.
Every peer's document is then checked to hold the edit.

The bare baseline, in the same run: the same peers and edits through pycrdt-websocket's
own ``WebsocketServer`` served by uvicorn, with no keys, no rights, no store (the least
a y-websocket relay does), also in its own process.

Prints, for each: the median, 95th percentile and worst time for an edit to reach
every peer, and the server's peak memory (``VmHWM``).  Target (issue 12): median
<= 100 ms, 95th percentile <= 300 ms, with 3 editors and 30 participants.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import AsyncExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pycrdt import Doc, Map  # noqa: E402

from cxdesigner.fileformat.templates import sample_path  # noqa: E402
from cxdesigner.fileformat import cxmap  # noqa: E402
from cxdesigner.live import client, ydoc  # noqa: E402
from cxdesigner.live.ydoc import edge_key  # noqa: E402

WAIT = 20.0  # seconds: for a server to start, a peer to sync, an edit to arrive

BARE_SERVER = r"""
import asyncio, socket, sys
import uvicorn
from pycrdt.websocket import ASGIServer, WebsocketServer

async def main():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)  # connections wait in the backlog until uvicorn serves
    print(f"port {sock.getsockname()[1]}", file=sys.stderr, flush=True)
    websocket_server = WebsocketServer()
    app = ASGIServer(websocket_server)
    config = uvicorn.Config(app, lifespan="off", log_level="warning")
    async with websocket_server:
        await uvicorn.Server(config).serve(sockets=[sock])

asyncio.run(main())
"""


class Peer:
    """One person in the room: a document and when each update reached it."""

    def __init__(self, name: str, url: str) -> None:
        self.name, self.url = name, url
        self.doc = Doc()
        self.waiting: asyncio.Future | None = None
        self.doc.observe(self._on_update)

    def _on_update(self, event) -> None:
        # Inside the transaction's commit: only the time is taken here.
        if self.waiting is not None and not self.waiting.done():
            self.waiting.set_result(time.perf_counter())

    def expect(self) -> asyncio.Future:
        self.waiting = asyncio.get_running_loop().create_future()
        return self.waiting


def start(command: list[str], pattern: str) -> tuple[subprocess.Popen, int]:
    """A server process and the port its first stderr lines name."""
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        found = re.search(pattern, line)
        if found:
            return process, int(found.group(1))
    process.kill()
    raise SystemExit(f"the server did not start: {' '.join(command[:4])}")


def peak_mib(process: subprocess.Popen) -> float:
    with open(f"/proc/{process.pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rename(doc: Doc, tp: str, title: str) -> None:
    root = doc.get("cxmap", type=Map)
    root["nodes"][tp]["title"] = title


def add_note(doc: Doc, tp: str, title: str) -> None:
    root = doc.get("cxmap", type=Map)
    note = str(uuid.uuid4())
    with doc.transaction():
        root["nodes"][note] = Map({"kind": "note", "note_kind": "pain_point",
                                   "title": title, "description": ""})
        root["edges"][edge_key(note, tp)] = "about"


def holds(doc: Doc, title: str) -> bool:
    nodes = doc.get("cxmap", type=Map)["nodes"]
    return any(node.get("title") == title for node in nodes.values())


async def run_room(editor_urls: list[str], participant_urls: list[str],
                   edits: int) -> list[float]:
    """The time (ms) each edit took to reach every peer."""
    peers = [Peer(f"editor {i + 1}", url) for i, url in enumerate(editor_urls)]
    peers += [Peer(f"participant {i + 1}", url) for i, url in enumerate(participant_urls)]
    times: list[float] = []
    async with AsyncExitStack() as stack:
        providers = [await stack.enter_async_context(client.connect(p.url, p.doc, WAIT))
                     for p in peers]
        await asyncio.wait_for(asyncio.gather(*(pr.synced.wait() for pr in providers)), WAIT)
        root = peers[0].doc.get("cxmap", type=Map)
        touchpoints = sorted(k for k, v in root["nodes"].items()
                             if v.get("kind") == "touchpoint")
        for k in range(edits):
            writer = peers[k % len(peers)]
            others = [p for p in peers if p is not writer]
            arrivals = [p.expect() for p in others]
            title = f"edit {k} {uuid.uuid4().hex[:8]}"
            tp = touchpoints[k % len(touchpoints)]
            start = time.perf_counter()
            if writer.name.startswith("editor"):
                rename(writer.doc, tp, title)
            else:
                add_note(writer.doc, tp, title)
            reached = await asyncio.wait_for(asyncio.gather(*arrivals), WAIT)
            times.append((max(reached) - start) * 1000)
            missing = [p.name for p in others if not holds(p.doc, title)]
            if missing:
                raise SystemExit(f"edit {k} did not reach {', '.join(missing[:3])}")
    return times


def summary(times: list[float]) -> tuple[float, float, float]:
    """Median, 95th percentile and worst."""
    ordered = sorted(times)
    return (statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)],
            ordered[-1])


def row(name: str, times: list[float], mib: float, bare: list[float]) -> str:
    (median, p95, worst), (bare_median, bare_p95, _) = summary(times), summary(bare)
    return (f"| {name} | {len(times)} | {median:.1f} | {p95:.1f} | {worst:.1f} "
            f"| {median / bare_median:.1f} | {p95 / bare_p95:.1f} | {mib:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editors", type=int, default=3)
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--edits", type=int, default=60)
    args = parser.parse_args()
    journey = cxmap.load(sample_path("en")).journey
    print(f"{args.editors} editors and {args.participants} participants in one room, "
          f"{args.edits} edits one after another, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as data:
        server, port = start([sys.executable, "-m", "cxdesigner", "serve", "--port", "0",
                              "--data", data], r"http://127\.0\.0\.1:(\d+)")
        try:
            urls = client.push(journey, f"http://127.0.0.1:{port}")
            ours = asyncio.run(run_room([urls["facilitator"]] * args.editors,
                                        [urls["participant"]] * args.participants,
                                        args.edits))
            ours_mib = peak_mib(server)
        finally:
            server.kill()
            server.wait()
    relay, port = start([sys.executable, "-c", BARE_SERVER], r"port (\d+)")
    try:
        # A room of the bare relay starts empty: the first peer brings the map.
        seed = Doc()
        ydoc.to_ydoc(journey, seed)
        bare = asyncio.run(_bare(f"http://127.0.0.1:{port}/bench?key=none",
                                 seed.get_update(), args))
        bare_mib = peak_mib(relay)
    finally:
        relay.kill()
        relay.wait()
    print("| server | edits | median ms | 95th percentile ms | worst ms | median / bare "
          "| 95th / bare | server peak MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    print(row("cxdesigner serve (keys, rights, store)", ours, ours_mib, bare))
    print(row("bare pycrdt-websocket relay", bare, bare_mib, bare))
    print("\nTarget (issue 12): median <= 100 ms, 95th percentile <= 300 ms.")


async def _bare(url: str, state: bytes, args) -> list[float]:
    first = Doc()
    async with client.connect(url, first, WAIT) as provider:
        await asyncio.wait_for(provider.synced.wait(), WAIT)
        first.apply_update(state)
        await asyncio.sleep(0.5)  # the relay has the map before the room fills
        return await run_room([url] * args.editors, [url] * args.participants, args.edits)


if __name__ == "__main__":
    main()
