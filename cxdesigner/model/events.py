"""A tiny observer so views can follow the model without the model knowing Qt.

Event names are in the past tense and derived mechanically from what changed:
``<node kind>_added / _removed / _changed`` (``touchpoint_added``),
``<edge kind>_added / _removed`` (``flow_added``, ``about_removed``),
``stage_order_changed``, ``document_changed``, and after every applied change one
``journey_changed`` that carries the change itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    kind: str = ""  # node or edge kind; empty for document-level events
    id: str | None = None  # the node, for node events
    source: str | None = None  # the edge's ends, for edge events
    target: str | None = None
    keys: tuple[str, ...] = ()  # the fields that changed, for *_changed events
    change: Any = None  # the whole Change, on journey_changed only


Handler = Callable[[Event], None]


class EventHub:
    def __init__(self) -> None:
        self._by_name: dict[str, list[Handler]] = {}
        self._all: list[Handler] = []

    def subscribe(self, name: str, handler: Handler) -> None:
        self._by_name.setdefault(name, []).append(handler)

    def subscribe_all(self, handler: Handler) -> None:
        self._all.append(handler)

    def unsubscribe(self, handler: Handler) -> None:
        for handlers in (*self._by_name.values(), self._all):
            while handler in handlers:
                handlers.remove(handler)

    def emit(self, event: Event) -> None:
        # Copies, so a handler may unsubscribe itself while being called.
        for handler in list(self._by_name.get(event.name, ())):
            handler(event)
        for handler in list(self._all):
            handler(event)
