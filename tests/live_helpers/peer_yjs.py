"""A Python Yjs peer for the live tests: pycrdt over a y-websocket connection, driven by
JSON lines on stdin, one JSON answer line per command on stdout.

    python peer_yjs.py ws://127.0.0.1:PORT/ROOM[?key=K]

Commands ({"op": ...}):
    push   {"file": PATH}                 the map of a .cxmap file (ydoc.to_ydoc)
    round  {"id": S, "open": B, "dots": N} the voting round (and an empty `ballots`)
    note   {"note": ID, "touchpoint": ID, "kind": K, "title": S}   a note, as a page adds one
    set    {"key": K, "value": V}          a scalar at the root of cxmap (a newer version...)
    state  {}                              the document: {"update": base64, "synced": B}
    quit   {}

A subprocess, so the websocket client and its threads stay out of the pytest process.
One thread owns the document (pycrdt documents are not for sharing between threads);
stdin is read by another and handed over through a queue.  Every wait is bounded.
"""

from __future__ import annotations

import base64
import json
import queue
import sys
import threading
import time
from pathlib import Path

from pycrdt import (Doc, Map, YMessageType, YSyncMessageType, create_sync_message,
                    create_update_message, handle_sync_message)
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from cxdesigner.fileformat import cxmap  # noqa: E402
from cxdesigner.live import ydoc  # noqa: E402

LIFETIME_S = 120  # a peer a test forgot ends by itself


def main(url: str) -> int:
    doc = Doc()
    root = doc.get(ydoc.ROOT, type=Map)
    commands: queue.Queue = queue.Queue()
    threading.Thread(target=_read_stdin, args=(commands,), daemon=True).start()
    synced = False
    with connect(url, open_timeout=10, close_timeout=2, max_size=2 ** 24) as ws:
        ws.send(create_sync_message(doc))
        deadline = time.monotonic() + LIFETIME_S
        while time.monotonic() < deadline:
            try:
                message = ws.recv(timeout=0.05)
            except TimeoutError:
                message = None
            except ConnectionClosed:
                _answer({"ok": False, "error": "connection closed"})
                return 1
            if isinstance(message, bytes) and message and message[0] == YMessageType.SYNC:
                if message[1] == YSyncMessageType.SYNC_STEP2:
                    synced = True
                reply = handle_sync_message(message[1:], doc)
                if reply is not None:
                    ws.send(reply)
            while not commands.empty():
                command = commands.get()
                if command.get("op") == "quit":
                    _answer({"ok": True})
                    return 0
                if command.get("op") == "state":
                    _answer({"ok": True, "synced": synced,
                             "update": base64.b64encode(doc.get_update()).decode()})
                    continue
                before = doc.get_state()
                _write(doc, root, command)
                ws.send(create_update_message(doc.get_update(before)))
                _answer({"ok": True})
    return 1


def _write(doc: Doc, root: Map, command: dict) -> None:
    op = command["op"]
    if op == "push":
        ydoc.to_ydoc(cxmap.load(command["file"]).journey, doc)
    elif op == "round":
        with doc.transaction():
            if "ballots" not in root:
                root["ballots"] = Map()
            root["round"] = Map({"id": command["id"], "open": command["open"],
                                 "dots": command["dots"]})
    elif op == "note":
        with doc.transaction():
            root[ydoc.NODES][command["note"]] = Map({
                "kind": "note", "note_kind": command["kind"], "title": command["title"],
                "description": ""})
            root[ydoc.EDGES][ydoc.edge_key(command["note"], command["touchpoint"])] = "about"
    elif op == "set":
        root[command["key"]] = command["value"]
    else:
        raise SystemExit(f"unknown command {op!r}")


def _read_stdin(commands: queue.Queue) -> None:
    for line in sys.stdin:
        if line.strip():
            commands.put(json.loads(line))
    commands.put({"op": "quit"})


def _answer(data: dict) -> None:
    print(json.dumps(data), flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
