"""One client's websocket in a room, checked message by message before the room sees it.

``Guard`` is the ``Channel`` pycrdt-websocket's ``YRoom.serve`` reads.  For each
message it receives it decides, before the room does anything with it:

- too many messages (a token bucket per connection), or one too large for the
  sender's role: the connection is closed (4029, 1009);
- an update (sync step 2 or update): tried on the room's shadow for the sender's role
  (``rights.py``); refused, it is logged, never applied, stored or relayed, and the
  connection is closed with 4003; accepted, it is written to the store (committed)
  **before** the room applies and relays it, so an update any client has seen relayed
  survives ``kill -9``;
- awareness (presence) and sync step 1 pass, within their size.

The check and the write hold the room's lock, and the room applies the message as
soon as ``__anext__`` returns, with no ``await`` between: the shadow never gets ahead
of the room by more than the message being judged, so rebuilding it from the room
after a refusal loses nothing accepted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from anyio import Lock
from pycrdt import Doc, YMessageType, YSyncMessageType, read_message
from pycrdt.store import BaseYStore

from .rights import FACILITATOR, Refused, Shadow, Writer, check_state

PARTICIPANT_MAX_MESSAGE = 256 * 1024  # a note or a ballot is a few hundred bytes
AWARENESS_MAX_MESSAGE = 64 * 1024  # a name, a colour, a cursor
RATE, BURST = 50.0, 200  # messages a second, on average and at once
REFUSED_UPDATE, TOO_MANY, TOO_BIG = 4003, 4029, 1009
EMPTY_UPDATE = b"\x00\x00"

log = logging.getLogger("cxdesigner.serve")


@dataclass
class RoomGuard:
    """What all connections of one room share: its shadow, lock and store."""

    name: str
    doc: Doc
    store: BaseYStore
    shadow: Shadow = field(init=False)
    lock: Lock = field(default_factory=Lock)

    def __post_init__(self) -> None:
        self.shadow = Shadow(self.doc.get_update())


class Guard:
    """A client's ASGI websocket as pycrdt's ``Channel``, with the checks above."""

    def __init__(self, receive: Callable[[], Awaitable[dict[str, Any]]],
                 send: Callable[[dict[str, Any]], Awaitable[None]],
                 room: RoomGuard, role: str, max_message: int) -> None:
        self._receive, self._send = receive, send
        self.room, self.writer = room, Writer(role)
        self.max_message = max_message if role == FACILITATOR else min(
            max_message, PARTICIPANT_MAX_MESSAGE)
        self._tokens, self._last = float(BURST), time.monotonic()
        self.closed = False

    @property
    def path(self) -> str:
        return "/" + self.room.name

    def __aiter__(self) -> Guard:
        return self

    async def __anext__(self) -> bytes:
        while not self.closed:
            message = await self._receive()
            if message["type"] == "websocket.disconnect":
                self.closed = True
                break
            if message["type"] != "websocket.receive":
                continue
            data = message.get("bytes")
            if data is None:  # y-websocket speaks binary only
                await self.close(REFUSED_UPDATE, "a text message")
                break
            if await self._admit(data):
                return data
        raise StopAsyncIteration

    async def send(self, message: bytes) -> None:
        # The room sends from its own task group, where an exception would stop the
        # room for everyone: a connection that has gone just misses the message.
        if self.closed:
            return
        try:
            await self._send({"type": "websocket.send", "bytes": message})
        except Exception:
            self.closed = True

    async def close(self, code: int, why: str) -> None:
        if not self.closed:
            self.closed = True
            log.warning("closed a %s's connection to %s (%d): %s", self.writer.role,
                        self.path, code, why)
            try:
                await self._send({"type": "websocket.close", "code": code})
            except Exception:
                pass  # gone already

    async def _admit(self, data: bytes) -> bool:
        """True: the room may take ``data``.  False: skip it (the connection may be
        closed)."""
        if not self._take_token():
            await self.close(TOO_MANY, f"over {RATE:g} messages a second")
            return False
        if len(data) > self.max_message:
            await self.close(TOO_BIG, f"a message of {len(data):,} bytes")
            return False
        if len(data) < 2:
            return False  # no y-websocket message: nothing to do
        if data[0] == YMessageType.AWARENESS:
            if len(data) > AWARENESS_MAX_MESSAGE:
                await self.close(TOO_BIG, f"presence of {len(data):,} bytes")
                return False
            return True
        if data[0] != YMessageType.SYNC:
            return False  # auth, query awareness: the room answers none of them
        if data[1] == YSyncMessageType.SYNC_STEP1:
            try:
                check_state(read_message(data[2:]))
            except Exception:
                await self.close(REFUSED_UPDATE, "a sync step 1 that does not decode")
                return False
            return True
        if data[1] not in (YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE):
            return False
        return await self._update(data)

    async def _update(self, data: bytes) -> bool:
        try:
            update = read_message(data[2:])
        except Exception:
            await self.close(REFUSED_UPDATE, "not a y-websocket message")
            return False
        async with self.room.lock:
            try:
                changed = self.room.shadow.admit(update, self.writer)
            except Refused as refusal:
                await self._refuse(str(refusal))
                return False
            except Exception as exc:  # a bug in a rule must not take the room down
                log.exception("an update could not be judged")
                await self._refuse(f"could not be judged ({type(exc).__name__})")
                return False
            if update != EMPTY_UPDATE and (changed or self.writer.role == FACILITATOR):
                await self.room.store.write(update)
        return True

    async def _refuse(self, why: str) -> None:
        # Not applied to the room: start the shadow again from the room's state.
        self.room.shadow.rebuild(self.room.doc.get_update())
        await self.close(REFUSED_UPDATE, f"refused an update: {why}")

    def _take_token(self) -> bool:
        now = time.monotonic()
        self._tokens = min(float(BURST), self._tokens + (now - self._last) * RATE)
        self._last = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True
