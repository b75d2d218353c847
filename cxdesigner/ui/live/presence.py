"""Who is in the room and what they have selected: Yjs awareness (pycrdt ``Awareness``).

Each editor publishes ``{"user": {"name", "color"}, "selection": [element ids]}``
(``user`` as y-protocols' convention, so a web page shows the same names).  The state
is renewed every 15 s, and another's is dropped after 30 s without news (awareness's
own timeout); a peer leaving says so by publishing no state.

Only the selections that changed are handed on (``selection_changed``: the client,
the ids it left, the ids it took), so drawing them costs O(changed selections).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

RENEW_MS = 15_000  # half the timeout, as y-protocols does
TIMEOUT_S = 30.0
MAX_SHOWN = 200  # ids of one peer's selection that are drawn (a select-all of thousands)
# Distinct, readable on white and on the cards' pale fills.
PALETTE = ("#d81b60", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00897b", "#6d4c41",
           "#3949ab")


def colour_for(client_id: int) -> str:
    return PALETTE[client_id % len(PALETTE)]


class Presence(QObject):
    changed = Signal()  # the number of people may have changed
    # The client (53 bits: an object, not an int), the ids it left and took, its colour
    # and name.
    selection_changed = Signal(object, object, object, str, str)
    outgoing = Signal(bytes)  # an awareness update for the room

    def __init__(self, doc, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from pycrdt import Awareness

        self.awareness = Awareness(doc)
        self.client_id = self.awareness.client_id
        self.name = name
        self._selections: dict[int, frozenset[str]] = {}  # others' shown selections
        self._seen: dict[int, float] = {}  # others: when last heard of (monotonic)
        self._mine: list[str] = []
        self._timer = QTimer(self, interval=RENEW_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def people(self) -> int:
        """Everyone in the room with a name, oneself included."""
        return 1 + sum(1 for c, s in self.awareness.states.items()
                       if c != self.client_id and isinstance(s, dict) and "user" in s)

    def names(self) -> list[str]:
        return [str(s["user"].get("name", "")) for c, s in self.awareness.states.items()
                if c != self.client_id and isinstance(s, dict)
                and isinstance(s.get("user"), dict)]

    def publish(self) -> None:
        self.awareness.set_local_state({
            "user": {"name": self.name, "color": colour_for(self.client_id)},
            "selection": self._mine[:MAX_SHOWN]})
        self.outgoing.emit(self.awareness.encode_awareness_update([self.client_id]))
        self._timer.start()

    def set_selection(self, ids: list[str]) -> None:
        if ids != self._mine:
            self._mine = list(ids)
            self.publish()

    def leave(self) -> None:
        self._timer.stop()
        self.awareness.set_local_state(None)
        self.outgoing.emit(self.awareness.encode_awareness_update([self.client_id]))

    def receive(self, payload: bytes) -> None:
        before = set(self.awareness.states)
        try:
            self.awareness.apply_awareness_update(payload, "remote")
        except (ValueError, IndexError, KeyError, TypeError, UnicodeDecodeError):
            return  # a malformed update: ignored, like any unreadable message
        now = time.monotonic()
        changed = _clients(payload)
        newcomer = False
        for client in changed:
            if client == self.client_id:
                continue
            self._seen[client] = now
            newcomer = newcomer or client not in before
            self._follow(client)
        if newcomer:
            # Awareness only travels on change: a newcomer learns of us when we speak.
            self.publish()
        self.changed.emit()

    def forget_others(self) -> None:
        """The connection is down: nobody else is known to be there."""
        others = [c for c in self.awareness.states if c != self.client_id]
        if others:
            self.awareness.remove_awareness_states(others, "offline")
            for client in others:
                self._follow(client)
            self.changed.emit()

    def _follow(self, client: int) -> None:
        state = self.awareness.states.get(client)
        ids = frozenset()
        colour, name = colour_for(client), ""
        if isinstance(state, dict):
            selection = state.get("selection")
            if isinstance(selection, list):
                ids = frozenset(str(i) for i in selection[:MAX_SHOWN] if isinstance(i, str))
            user = state.get("user")
            if isinstance(user, dict) and _is_colour(user.get("color")):
                colour = user["color"]
            if isinstance(user, dict) and isinstance(user.get("name"), str):
                name = user["name"][:60]
        old = self._selections.get(client, frozenset())
        if ids != old:
            if ids:
                self._selections[client] = ids
            else:
                self._selections.pop(client, None)
            self.selection_changed.emit(client, old - ids, ids - old, colour, name)

    def selections(self) -> dict[int, frozenset[str]]:
        return dict(self._selections)

    def _tick(self) -> None:
        self.publish()  # renew ours
        now = time.monotonic()
        gone = [c for c, t in self._seen.items() if now - t > TIMEOUT_S]
        if gone:
            for client in gone:
                del self._seen[client]
            self.awareness.remove_awareness_states(gone, "timeout")
            for client in gone:
                self._follow(client)
            self.changed.emit()


def _clients(payload: bytes) -> list[int]:
    from pycrdt import Decoder  # the update's own framing: its client ids

    decoder = Decoder(payload)
    clients = []
    for _ in range(decoder.read_var_uint()):
        clients.append(decoder.read_var_uint())
        decoder.read_var_uint()
        decoder.read_var_string()
    return clients


def _is_colour(value: Any) -> bool:
    return (isinstance(value, str) and len(value) == 7 and value.startswith("#")
            and all(c in "0123456789abcdefABCDEF" for c in value[1:]))
