"""The room server of ``cxdesigner serve`` (``docs/collaboration.md``, "Running a room").

The y-websocket protocol is pycrdt-websocket's (``WebsocketServer``, ``YRoom``, its
``ASGIWebsocket``); rooms persist in one SQLite file through pycrdt-store's
``SQLiteYStore``; uvicorn serves the ASGI app.  What is ours:

- ``POST /rooms`` with a Yjs update holding a map creates a room and answers
  ``{"room": ..., "key": ...}``, only once the update and the key's hash are on disk;
- a websocket on ``/ROOM?key=KEY`` is refused (close before accept: HTTP 403) when the
  room does not exist or the key is wrong, the same answer for both;
- each update a client sends is written to the store **before** the room applies and
  relays it (``YRoom`` alone writes after relaying, in the background), so an update
  any client has seen relayed survives ``kill -9``;
- a message above ``MAX_MESSAGE`` closes that connection (uvicorn's ``ws_max_size``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import socket
import sqlite3
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from anyio import Lock
from pycrdt import Doc, YMessageType, YSyncMessageType, read_message
from pycrdt.store import SQLiteYStore, YDocNotFound
from pycrdt.websocket import WebsocketServer, YRoom, exception_logger
from pycrdt.websocket.asgi_server import ASGIWebsocket

from ..fileformat.errors import FileFormatError
from ..fileformat.limits import MAX_FILE_BYTES
from . import ydoc

# A room holds a map, and a map's file is at most MAX_FILE_BYTES: no update (a client's
# whole state on joining, at most) of a map we could save needs more.
MAX_MESSAGE = MAX_FILE_BYTES
REFUSED = 4403  # the close code (before accept, so HTTP 403) for no room and wrong key
EMPTY_UPDATE = b"\x00\x00"

log = logging.getLogger("cxdesigner.serve")


def default_data_dir() -> Path:
    """The per-user folder for rooms (no Qt here: the server is headless)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "cxdesigner" / "rooms"


def _digest(key: str) -> bytes:
    # The key is 256 random bits: a plain hash is enough (nothing to brute-force), and
    # a stolen database does not hand out the keys.
    return hashlib.sha256(key.encode()).digest()


class RoomKeys:
    """Each room's key, hashed, in ``keys.sqlite`` (stdlib sqlite3: a few tiny rows)."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("CREATE TABLE IF NOT EXISTS rooms (name TEXT PRIMARY KEY, "
                         "key_sha256 BLOB NOT NULL, created REAL NOT NULL)")

    def add(self, name: str, key: str) -> None:
        self._db.execute("INSERT INTO rooms VALUES (?, ?, ?)", (name, _digest(key), time.time()))

    def check(self, name: str, key: str) -> bool:
        row = self._db.execute("SELECT key_sha256 FROM rooms WHERE name = ?", (name,)).fetchone()
        # Compared even for no room, against a hash no key has: the same work either way.
        return hmac.compare_digest(row[0] if row else bytes(32), _digest(key)) and row is not None

    def close(self) -> None:
        self._db.close()


class _Relay(WebsocketServer):
    """pycrdt-websocket's server, with each room loaded from and written to the store."""

    def __init__(self, db_path: str) -> None:
        # A room stays loaded until the server stops: unloading the last client's room
        # races with a client joining it (it could be served by a stopped room).
        super().__init__(auto_clean_rooms=False, exception_handler=exception_logger,
                         log=logging.getLogger("cxdesigner.serve.relay"))
        self.db_path = db_path
        self.stores: dict[str, SQLiteYStore] = {}
        self._rooms_lock = Lock()

    async def store(self, name: str) -> SQLiteYStore:
        if name not in self.stores:
            store = SQLiteYStore(path=name, log=self.log)
            store.db_path = self.db_path  # a class attribute upstream: one file per server
            assert self._task_group is not None
            await self._task_group.start(store.start)
            await store.db_initialized.wait()
            self.stores[name] = store
        return self.stores[name]

    async def get_room(self, name: str) -> YRoom:
        async with self._rooms_lock:  # two joining at once must not make two rooms
            if name not in self.rooms:
                store = await self.store(name)
                doc = Doc()
                try:
                    await store.apply_updates(doc)
                except YDocNotFound:
                    pass
                room = YRoom(ready=True, ydoc=doc, exception_handler=exception_logger,
                             log=self.log)
                room.on_message = partial(self._persist_first, store)
                self.rooms[name] = room
            room = self.rooms[name]
            await self.start_room(room)  # in the lock too: a room started twice fails
        return room

    async def _persist_first(self, store: SQLiteYStore, message: Any) -> bool:
        """``YRoom.on_message``: True skips the message.  An update is written (and
        committed) before the room applies and relays it; one that is not a valid Yjs
        update is dropped, never stored, so it cannot break loading the room later."""
        if not isinstance(message, bytes) or len(message) < 2:
            return True
        if message[0] != YMessageType.SYNC or message[1] not in (
                YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE):
            return False
        try:
            update = read_message(message[2:])
            Doc().apply_update(update)
        except Exception:  # pycrdt raises ValueError; anything else is as bad
            self.log.warning("dropped a malformed update")
            return True
        if update != EMPTY_UPDATE:
            await store.write(update)
        return False


class RoomServer:
    """The ASGI app: ``POST /rooms``, and the y-websocket relay on ``/ROOM?key=KEY``."""

    def __init__(self, data: Path, max_message: int = MAX_MESSAGE) -> None:
        data.mkdir(parents=True, exist_ok=True)
        self.max_message = max_message
        self.keys = RoomKeys(data / "keys.sqlite")
        self.relay = _Relay(str(data / "rooms.sqlite"))

    async def __aenter__(self) -> RoomServer:
        await self.relay.__aenter__()
        # Create the store's tables once, before rooms open connections side by side.
        await self.relay.store("/")
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.relay.__aexit__(*exc)
        self.keys.close()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
        elif scope["type"] == "http":
            await self._http(scope, receive, send)

    # ------------------------------------------------------------ websocket
    async def _websocket(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if (await receive())["type"] != "websocket.connect":
            return
        path = scope["path"]
        keys = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("key", [""])
        if not self.keys.check(path[1:], keys[0]):  # path is "/" + the room's name
            await send({"type": "websocket.close", "code": REFUSED})
            return
        await send({"type": "websocket.accept"})
        room = await self.relay.get_room(path)
        log.info("join %s (%d in the room)", path, len(room.clients) + 1)
        try:
            await self.relay.serve(ASGIWebsocket(receive, send, path))
        finally:
            log.info("leave %s", path)

    # ------------------------------------------------------------ http
    async def _http(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["path"] != "/rooms":
            return await _answer(send, 404, {"error": "not found"})
        if scope["method"] != "POST":
            return await _answer(send, 405, {"error": "use POST"})
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_message:
                return await _answer(send, 413, {"error": f"a room's map is at most "
                                                 f"{self.max_message} bytes"})
            if not message.get("more_body"):
                break
        update = bytes(body)
        try:
            doc = Doc()
            doc.apply_update(update)
            ydoc.read_ydoc(doc)
        except (ValueError, FileFormatError) as exc:
            return await _answer(send, 400, {"error": f"not a CX Designer map: {exc}"})
        room, key = secrets.token_urlsafe(12), secrets.token_urlsafe(32)
        # The map first, then the key: a crash between leaves a map no one can open,
        # never a key to an empty room.
        store = await self.relay.store("/" + room)
        await store.write(update)
        self.keys.add(room, key)
        log.info("created /%s", room)
        await _answer(send, 201, {"room": room, "key": key})


async def _answer(send: Any, status: int, payload: dict[str, str]) -> None:
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def serve(host: str, port: int, data: Path, max_message: int = MAX_MESSAGE) -> None:
    """Serve rooms until interrupted; one line on stderr once connections are taken.
    On SIGTERM or Ctrl+C, open connections get 3 s to end (every update they sent is
    already on disk), so stopping never hangs on a client that does not answer."""
    import uvicorn  # only the server needs it

    sock = socket.create_server((host, port))  # bound here: port 0 picks a free one
    bound = sock.getsockname()[1]
    async with RoomServer(data, max_message) as app:
        # No access log: a websocket's request line carries its room's key.
        config = uvicorn.Config(app, lifespan="off", ws="websockets-sansio",
                                ws_max_size=max_message, log_level="warning",
                                access_log=False, timeout_graceful_shutdown=3)
        print(f"cxdesigner serve: rooms at http://{host}:{bound} (data in {data})",
              file=sys.stderr, flush=True)
        await uvicorn.Server(config).serve(sockets=[sock])
