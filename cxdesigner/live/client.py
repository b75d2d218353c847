"""Client side of a room (``docs/collaboration.md``): ``push`` a map to a server as a
new room, ``pull`` a room's map, ``connect`` a document to a room.

The sync protocol is pycrdt's ``Provider`` (y-websocket messages); the websocket is the
``websockets`` package.  Errors are ``RoomError``, one line each.
"""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from pycrdt import Doc, Provider
from websockets.asyncio.client import ClientConnection, connect as ws_connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, WebSocketException

from ..fileformat.limits import MAX_FILE_BYTES
from ..model.journey import JourneyMap
from . import ydoc
from .rooms import ROLES, RoomError, room_url

TIMEOUT = 10.0  # seconds for a server to answer; a workshop server is near


def push(journey: JourneyMap, server: str, timeout: float = TIMEOUT) -> dict[str, str]:
    """Create a room holding ``journey`` on ``server`` (``http://HOST:PORT``); its URL
    for each role (``facilitator``, ``participant``, ``viewer``), key included."""
    parts = urlsplit(server)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RoomError(f"{server!r:.120} is not a server's address (http://HOST:PORT)")
    base = f"{parts.scheme}://{parts.netloc}"
    doc = Doc()
    ydoc.to_ydoc(journey, doc)
    request = urllib.request.Request(f"{base}/rooms", data=doc.get_update(), method="POST",
                                     headers={"Content-Type": "application/octet-stream"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raise RoomError(f"the server refused the map: {_reason(exc)}") from None
    except (OSError, ValueError) as exc:
        raise RoomError(f"cannot reach {base}: {getattr(exc, 'reason', exc)}") from None
    try:
        room, keys = answer["room"], answer["keys"]
        return {role: f"{base}/{room}?key={keys[role]}" for role in ROLES}
    except (KeyError, TypeError):
        raise RoomError(f"{base} answered, but not as a CX Designer room server") from None


def _reason(exc: urllib.error.HTTPError) -> str:
    try:
        return str(json.loads(exc.read())["error"])
    except (OSError, ValueError, KeyError, TypeError):
        return f"HTTP {exc.code}"


def pull(url: str, timeout: float = TIMEOUT) -> JourneyMap:
    """The map a room holds now, read and repaired as a file is (``ydoc.from_ydoc``)."""
    return asyncio.run(_pull(url, timeout))


async def _pull(url: str, timeout: float) -> JourneyMap:
    doc = Doc()
    async with connect(url, doc, timeout) as provider:
        try:
            await asyncio.wait_for(provider.synced.wait(), timeout)
        except TimeoutError:
            raise RoomError(f"the room did not answer in {timeout:g} s") from None
    return ydoc.from_ydoc(doc)


@asynccontextmanager
async def connect(url: str, doc: Doc, timeout: float = TIMEOUT) -> AsyncIterator[Provider]:
    """``doc`` kept in sync with the room at ``url`` while inside (a running
    ``Provider``; ``provider.synced`` is set once the room's state has arrived)."""
    address, path = room_url(url)
    try:
        websocket = await ws_connect(address, max_size=MAX_FILE_BYTES, open_timeout=timeout)
    except InvalidStatus:
        # The server answers no room and a wrong key alike, and so do we.
        raise RoomError("the server refused: no such room, or a wrong key") from None
    except (OSError, TimeoutError, WebSocketException) as exc:
        raise RoomError(f"cannot reach {address.split('?')[0]}: {exc}") from None
    async with websocket:
        async with Provider(doc, _Channel(websocket, path)) as provider:
            yield provider


class _Channel:
    """A ``websockets`` connection as pycrdt's ``Channel``."""

    def __init__(self, websocket: ClientConnection, path: str) -> None:
        self._websocket, self._path = websocket, path

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> _Channel:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self.recv()
        except ConnectionClosed:
            raise StopAsyncIteration from None

    async def send(self, message: bytes) -> None:
        await self._websocket.send(message)

    async def recv(self) -> bytes:
        message = await self._websocket.recv()
        return message if isinstance(message, bytes) else message.encode()
