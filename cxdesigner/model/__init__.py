"""The journey document, with no Qt: the only mutating API, its events and rules."""

from . import schema
from .changes import Change
from .errors import ModelError
from .events import Event, EventHub
from .journey import JourneyMap, new_id

__all__ = ["Change", "Event", "EventHub", "JourneyMap", "ModelError", "new_id", "schema"]
