"""The room server of ``cxdesigner serve`` (``docs/collaboration.md``, "Running a room").

The y-websocket protocol is pycrdt-websocket's (``WebsocketServer``, ``YRoom``); rooms
persist in one SQLite file through pycrdt-store's ``SQLiteYStore``; uvicorn serves the
ASGI app.  What is ours:

- ``POST /rooms`` with a Yjs update holding a map creates a room and answers
  ``{"room": R, "keys": {"facilitator": F, "participant": P, "viewer": V}}``, only
  once the update and the keys' hashes are on disk;
- a websocket on ``/R?key=K`` is refused (close before accept: HTTP 403) when the
  room does not exist or the key is wrong, the same answer for both; accepted, each
  message goes through a ``Guard`` (``guard.py``: the key's rights, ``rights.py``,
  rate and size limits, each update stored before the room relays it);
- ``GET /R?key=K`` the participant page, ``GET /R/role?key=K`` the key's role,
  ``GET /static/NAME`` the page's files (from a folder given to the server);
- a message above ``MAX_MESSAGE`` closes that connection (uvicorn's ``ws_max_size``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import mimetypes
import os
import re
import secrets
import socket
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from anyio import Lock
from pycrdt import Doc
from pycrdt.store import SQLiteYStore, YDocNotFound
from pycrdt.websocket import WebsocketServer, YRoom, exception_logger

from ..fileformat.errors import FileFormatError
from ..fileformat.limits import MAX_FILE_BYTES
from . import ydoc
from .guard import Guard, RoomGuard
from .rooms import ROLES

# A room holds a map, and a map's file is at most MAX_FILE_BYTES: no update (a client's
# whole state on joining, at most) of a map we could save needs more.
MAX_MESSAGE = MAX_FILE_BYTES
REFUSED = 4403  # the close code (before accept, so HTTP 403) for no room and wrong key
STATIC = Path(__file__).resolve().parent / "static"  # the participant page's files
PAGE = "participant.html"
ROOM_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
STATIC_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}")
NO_ACCESS = {"error": "no such room, or a wrong key"}

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
    """Each room's three keys, hashed, in ``keys.sqlite`` (stdlib sqlite3: tiny rows)."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA synchronous = FULL")
        # Not the table of the one-key rooms of before: those rooms' keys had full rights
        # and are not carried over.
        self._db.execute("CREATE TABLE IF NOT EXISTS room_keys (name TEXT PRIMARY KEY, "
                         "facilitator BLOB NOT NULL, participant BLOB NOT NULL, "
                         "viewer BLOB NOT NULL, created REAL NOT NULL)")

    def add(self, name: str, keys: dict[str, str]) -> None:
        self._db.execute("INSERT INTO room_keys VALUES (?, ?, ?, ?, ?)",
                         (name, *(_digest(keys[role]) for role in ROLES), time.time()))

    def role(self, name: str, key: str) -> str | None:
        """The role ``key`` gives in room ``name``; None for a wrong key or no room."""
        row = self._db.execute("SELECT facilitator, participant, viewer FROM room_keys "
                               "WHERE name = ?", (name,)).fetchone()
        digest = _digest(key)
        # All three compared, even for no room (against hashes no key has): the same
        # work whatever the key, so timing tells nothing.
        found = None
        for role, stored in zip(ROLES, row or (bytes(32),) * 3):
            if hmac.compare_digest(stored, digest) and row is not None:
                found = role
        return found

    def close(self) -> None:
        self._db.close()


class _Relay(WebsocketServer):
    """pycrdt-websocket's server, with each room loaded from the store and guarded."""

    def __init__(self, db_path: str) -> None:
        # A room stays loaded until the server stops: unloading the last client's room
        # races with a client joining it (it could be served by a stopped room).
        super().__init__(auto_clean_rooms=False, exception_handler=exception_logger,
                         log=logging.getLogger("cxdesigner.serve.relay"))
        self.db_path = db_path
        self.stores: dict[str, SQLiteYStore] = {}
        self.guards: dict[str, RoomGuard] = {}
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
                # No ystore for the room: the guard writes each update before the room
                # applies it (YRoom would write after relaying, in the background).
                self.rooms[name] = YRoom(ready=True, ydoc=doc,
                                         exception_handler=exception_logger, log=self.log)
                self.guards[name] = RoomGuard(name[1:], doc, store)
            room = self.rooms[name]
            await self.start_room(room)  # in the lock too: a room started twice fails
        return room


class RoomServer:
    """The ASGI app: ``POST /rooms``, the page, and the y-websocket relay."""

    def __init__(self, data: Path, max_message: int = MAX_MESSAGE,
                 static: Path = STATIC) -> None:
        data.mkdir(parents=True, exist_ok=True)
        self.max_message, self.static = max_message, static
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

    def _role(self, scope: dict[str, Any], name: str) -> str | None:
        """The role of the request's ``key`` in room ``name``; None: refuse."""
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        key = query.get("key", [""])[0]
        if not ROOM_NAME.fullmatch(name):
            return None
        return self.keys.role(name, key)

    # ------------------------------------------------------------ websocket
    async def _websocket(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if (await receive())["type"] != "websocket.connect":
            return
        path = scope["path"]
        role = self._role(scope, path[1:])  # path is "/" + the room's name
        if role is None:
            await send({"type": "websocket.close", "code": REFUSED})
            return
        await send({"type": "websocket.accept"})
        room = await self.relay.get_room(path)
        log.info("join %s as %s (%d in the room)", path, role, len(room.clients) + 1)
        try:
            await self.relay.serve(Guard(receive, send, self.relay.guards[path], role,
                                         self.max_message))
        finally:
            log.info("leave %s", path)

    # ------------------------------------------------------------ http
    async def _http(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path, method = scope["path"], scope["method"]
        if path == "/rooms":
            if method != "POST":
                return await _answer(send, 405, {"error": "use POST"})
            return await self._create(receive, send)
        if method != "GET":
            return await _answer(send, 405, {"error": "use GET"})
        parts = path.split("/")
        if len(parts) == 3 and parts[1] == "static":
            return await self._static(send, parts[2])
        if len(parts) == 2 or (len(parts) == 3 and parts[2] == "role"):
            role = self._role(scope, parts[1])
            if role is None:
                return await _answer(send, 403, NO_ACCESS)
            if len(parts) == 3:
                return await _answer(send, 200, {"role": role})
            return await self._static(send, PAGE, cache=False)
        return await _answer(send, 404, {"error": "not found"})

    async def _static(self, send: Any, name: str, cache: bool = True) -> None:
        """A file directly in the static folder: its name is checked, never a path."""
        file = self.static / name
        if not STATIC_NAME.fullmatch(name) or ".." in name or not file.is_file() \
                or file.resolve().parent != self.static.resolve():
            return await _answer(send, 404, {"error": "not found"})
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if name.endswith((".js", ".mjs")):
            kind = "text/javascript"
        if kind.startswith("text/") or kind == "application/json":
            kind += "; charset=utf-8"
        await _send(send, 200, kind, file.read_bytes(),
                    [(b"cache-control", b"max-age=300" if cache else b"no-store")])

    async def _create(self, receive: Any, send: Any) -> None:
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
        room = secrets.token_urlsafe(12)
        keys = {role: secrets.token_urlsafe(32) for role in ROLES}
        # The map first, then the keys: a crash between leaves a map no one can open,
        # never keys to an empty room.
        store = await self.relay.store("/" + room)
        await store.write(update)
        self.keys.add(room, keys)
        log.info("created /%s", room)
        await _answer(send, 201, {"room": room, "keys": keys})


async def _answer(send: Any, status: int, payload: dict[str, Any]) -> None:
    await _send(send, status, "application/json", json.dumps(payload).encode())


async def _send(send: Any, status: int, kind: str, body: bytes,
                extra: list[tuple[bytes, bytes]] = ()) -> None:
    # The page's own URL carries a key: no Referer ever leaves with it.
    headers = [(b"content-type", kind.encode()), (b"content-length", str(len(body)).encode()),
               (b"referrer-policy", b"no-referrer"), (b"x-content-type-options", b"nosniff"),
               *extra]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def serve(host: str, port: int, data: Path, max_message: int = MAX_MESSAGE,
                static: Path = STATIC) -> None:
    """Serve rooms until interrupted; one line on stderr once connections are taken.
    On SIGTERM or Ctrl+C, open connections get 3 s to end (every update they sent is
    already on disk), so stopping never hangs on a client that does not answer."""
    import uvicorn  # only the server needs it

    sock = socket.create_server((host, port))  # bound here: port 0 picks a free one
    bound = sock.getsockname()[1]
    async with RoomServer(data, max_message, static) as app:
        # No access log: a websocket's request line carries its room's key.
        config = uvicorn.Config(app, lifespan="off", ws="websockets-sansio",
                                ws_max_size=max_message, log_level="warning",
                                access_log=False, timeout_graceful_shutdown=3)
        print(f"cxdesigner serve: rooms at http://{host}:{bound} (data in {data})",
              file=sys.stderr, flush=True)
        await uvicorn.Server(config).serve(sockets=[sock])
