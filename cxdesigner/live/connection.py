"""``LiveConnection``: an editor's link to a room, kept up in one background thread.

The thread runs an asyncio loop with a y-websocket client over the ``websockets``
package and pycrdt's sync messages.  It reconnects with backoff and reports its state:
``connecting`` (the first attempt), ``connected`` (the room's state has arrived),
``reconnecting`` (trying again after a loss), ``offline`` (waiting before the next try),
``refused`` (no such room or a wrong key: retrying would not help) and ``closed``.

Threads: the editor's Y ``Doc`` is touched only on the thread that owns it (the Qt
thread, where ``LiveBinding`` lives); this thread never sees it.  It keeps a *mirror*
``Doc`` of its own, made and used only here, so nothing is ever shared between the
threads but bytes: local updates come in through ``send_update`` (a lock-guarded queue
and a thread-safe wake-up), remote updates go out through the ``on_remote`` callback,
called on this thread (the Qt bridge turns it into a queued signal).  The mirror is
what answers the server's sync step 1, so edits made while offline (applied to it
from the queue like any) reach the room on reconnection: Yjs merges them.

Awareness (presence) stays with the owner too: this thread relays its bytes, keeps
the owner's latest so it is sent again on each reconnection, and forwards the room's.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import deque
from collections.abc import Callable

from .rooms import RoomError, room_url

log = logging.getLogger("cxdesigner.live")

CONNECTING, CONNECTED, RECONNECTING = "connecting", "connected", "reconnecting"
OFFLINE, REFUSED, CLOSED = "offline", "refused", "closed"

SYNC, AWARENESS = 0, 1  # y-websocket message types
STEP1, STEP2, UPDATE = 0, 1, 2  # sync message types
EMPTY_UPDATE = b"\x00\x00"
# The close code of a message the room refused (the three-keys server: a participant's
# or viewer's edit beyond their role), and the refusal's detail then.
EDIT_REFUSED, EDIT = 4003, "edit"


class LiveConnection:
    """Keeps a room at ``url`` (``http://HOST:PORT/ROOM?key=KEY``) and its owner in sync.

    Callbacks run on the connection's thread: ``on_remote(update)`` with each Yjs
    update from the room, ``on_awareness(payload)`` with each awareness update,
    ``on_state(state, detail)`` on each change of state (``detail``: a one-line
    reason for ``offline`` and ``refused``).  Raises ``RoomError`` at once for a
    malformed URL."""

    def __init__(self, url: str, on_remote: Callable[[bytes], None],
                 on_awareness: Callable[[bytes], None],
                 on_state: Callable[[str, str], None], *, timeout: float = 10.0,
                 backoff: tuple[float, float] = (0.5, 8.0)) -> None:
        self.address, self.path = room_url(url)
        self.room = self.path.lstrip("/")
        self._on_remote, self._on_awareness, self._on_state = on_remote, on_awareness, on_state
        self._timeout, self._backoff = timeout, backoff
        self.state = CONNECTING
        self._lock = threading.Lock()
        self._outbox: deque[tuple[int, bytes]] = deque()  # (SYNC or AWARENESS, payload)
        self._awareness: bytes | None = None  # the owner's latest, sent on each connect
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._connecting: asyncio.Future | None = None  # the connection being opened
        self._stopping = False
        self._thread = threading.Thread(target=self._main, name=f"live {self.room}",
                                        daemon=True)

    # ------------------------------------------------------------ owner's side
    def start(self) -> None:
        self._thread.start()

    def send_update(self, update: bytes) -> None:
        """A local Yjs update for the room (kept until it can be sent)."""
        if update != EMPTY_UPDATE:
            self._post(SYNC, update)

    def send_awareness(self, payload: bytes) -> None:
        """The owner's awareness update (the latest is sent again on reconnection)."""
        self._post(AWARENESS, payload)

    def close(self, timeout: float = 5.0) -> None:
        """Send what is queued (briefly, if connected), disconnect, and join the thread."""
        with self._lock:
            self._stopping = True
        self._wake_up()
        if self._thread.is_alive():
            self._thread.join(timeout)
        if self._thread.is_alive():  # a loop that does not stop: cancel what it waits on
            loop = self._loop
            if loop is not None and not loop.is_closed():
                try:
                    loop.call_soon_threadsafe(_cancel_all, loop)
                except RuntimeError:
                    pass
            self._thread.join(timeout)

    def _post(self, kind: int, payload: bytes) -> None:
        with self._lock:
            if self._stopping and kind == SYNC:
                return
            self._outbox.append((kind, payload))
        self._wake_up()

    def _wake_up(self) -> None:
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None:
            try:
                loop.call_soon_threadsafe(self._woken)
            except RuntimeError:  # the loop has closed: the thread is ending anyway
                pass

    def _woken(self) -> None:  # on the connection's thread
        self._wake.set()
        if self._stopping and self._connecting is not None:
            self._connecting.cancel()

    # ------------------------------------------------------------ the thread
    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._run())
        except BaseException:  # never let the thread die with a trace on stderr
            log.exception("live connection to %s stopped", self.room)
        finally:
            self._set_state(CLOSED)
            try:
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()

    async def _run(self) -> None:
        from pycrdt import Doc  # made here: the mirror belongs to this thread alone

        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._wake.set()  # what was posted before the loop ran
        mirror = Doc()
        delay = self._backoff[0]
        while not self._stopping:
            if self.state != CONNECTING:
                self._set_state(RECONNECTING)
            reason = await self._session(mirror)
            if self._stopping or self.state == REFUSED:
                break
            if self.state == CONNECTED:  # it worked for a while: try again soon
                delay = self._backoff[0]
            self._set_state(OFFLINE, reason)
            await self._sleep(delay, mirror)
            delay = min(delay * 2, self._backoff[1])

    async def _sleep(self, seconds: float, mirror) -> None:
        """Wait before the next attempt; local edits keep going into the mirror."""
        deadline = asyncio.get_running_loop().time() + seconds
        while not self._stopping:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                return
            self._take(mirror)
            try:
                await asyncio.wait_for(self._wake.wait(), left)
            except TimeoutError:
                return
            self._wake.clear()

    def _take(self, mirror) -> list[tuple[int, bytes]]:
        """The queued messages; local updates are applied to the mirror on the way."""
        with self._lock:
            items = list(self._outbox)
            self._outbox.clear()
        kept = []
        for kind, payload in items:
            if kind == SYNC:
                try:
                    mirror.apply_update(payload)
                except Exception as exc:  # yrs refused it: never the connection's end
                    log.warning("live: dropped a local update for %s: %s", self.room, exc)
                    continue
            else:
                self._awareness = payload
            kept.append((kind, payload))
        return kept

    async def _session(self, mirror) -> str:
        """One connection, until it drops; the reason, in a few words."""
        from websockets.asyncio.client import connect
        from websockets.exceptions import ConnectionClosed, InvalidStatus, WebSocketException

        from ..fileformat.limits import MAX_FILE_BYTES  # the server's limit too

        # A task of its own, so that closing need not wait for a server that is slow to
        # answer: _wake_up cancels it once the owner is leaving.
        self._connecting = asyncio.ensure_future(connect(
            self.address, max_size=MAX_FILE_BYTES, open_timeout=self._timeout, close_timeout=2))
        try:
            websocket = await self._connecting
        except asyncio.CancelledError:
            if self._stopping:
                return "closed"
            raise
        except InvalidStatus:
            # The server answers no room and a wrong key alike, and so do we.
            self._set_state(REFUSED, "no such room, or a wrong key")
            return "refused"
        except (OSError, TimeoutError, WebSocketException) as exc:
            return f"cannot reach the server ({type(exc).__name__})"
        finally:
            self._connecting = None
        try:
            await websocket.send(_sync(STEP1, mirror.get_state()))
            if self._awareness is not None:
                await websocket.send(_message(AWARENESS, self._awareness))
            reader = asyncio.ensure_future(self._read(websocket, mirror))
            try:
                await self._write(websocket, mirror, reader)
            finally:
                reader.cancel()
                await asyncio.gather(reader, return_exceptions=True)
            if self._stopping:
                await asyncio.wait_for(websocket.close(), 2)
                return "closed"
            return self._lost(websocket)
        except (ConnectionClosed, OSError, TimeoutError, WebSocketException):
            return self._lost(websocket)
        finally:
            try:
                await asyncio.wait_for(websocket.close(), 2)
            except (OSError, TimeoutError, WebSocketException):
                pass

    def _lost(self, websocket) -> str:
        if getattr(websocket, "close_code", None) == EDIT_REFUSED:
            # The room refused an edit this key may not make (a viewer's, say): trying
            # again would send it again, for ever.
            self._set_state(REFUSED, EDIT)
            return "refused"
        return "the connection was lost"

    async def _write(self, websocket, mirror, reader: asyncio.Future) -> None:
        """Send what the owner posts until asked to stop or the reader ends."""
        while True:
            self._wake.clear()
            for kind, payload in self._take(mirror):
                await websocket.send(_sync(UPDATE, payload) if kind == SYNC
                                     else _message(AWARENESS, payload))
            if self._stopping or reader.done():
                return
            waiter = asyncio.ensure_future(self._wake.wait())
            await asyncio.wait({waiter, reader}, return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()

    async def _read(self, websocket, mirror) -> None:
        async for message in websocket:
            if isinstance(message, str) or len(message) < 2:
                continue
            try:
                reply = self._handle(message, mirror)
            except (ValueError, IndexError, RuntimeError) as exc:
                # A message we cannot read (or yrs refuses) is dropped, never fatal.
                log.warning("live: dropped a message from %s: %s", self.room, exc)
                continue
            if reply is not None:
                await websocket.send(reply)

    def _handle(self, message: bytes, mirror) -> bytes | None:
        """Take in one message from the room; the reply to send, if any."""
        from pycrdt import read_message

        if message[0] == AWARENESS:
            self._on_awareness(read_message(message[1:]))
            return None
        if message[0] != SYNC:
            return None
        kind, body = message[1], read_message(message[2:])
        if kind == STEP1:
            return _sync(STEP2, mirror.get_update(body))
        if kind in (STEP2, UPDATE):
            if body != EMPTY_UPDATE:
                mirror.apply_update(body)
                self._on_remote(body)
            if kind == STEP2:
                self._set_state(CONNECTED)
        return None

    def _set_state(self, state: str, detail: str = "") -> None:
        if state == self.state and state != OFFLINE:
            return
        self.state = state
        try:
            self._on_state(state, detail)
        except Exception:  # the owner's bug must not stop the connection
            log.exception("live: state callback failed")


def _message(kind: int, payload: bytes) -> bytes:
    from pycrdt import write_message  # the length-prefixed framing of y-protocols

    return bytes([kind]) + write_message(payload)


def _sync(kind: int, payload: bytes) -> bytes:
    from pycrdt import write_message

    return bytes([SYNC, kind]) + write_message(payload)


def _cancel_all(loop: asyncio.AbstractEventLoop) -> None:
    for task in asyncio.all_tasks(loop):
        task.cancel()


__all__ = ["LiveConnection", "RoomError", "CONNECTING", "CONNECTED", "RECONNECTING",
           "OFFLINE", "REFUSED", "CLOSED"]
