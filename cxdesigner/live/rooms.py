"""A room's address and what its link may do: standard library only, so the editor
checks and joins a room without loading the server's or ``push``'s networking stack
(``client.py`` and ``server.py`` import it when a room is made, pulled or served)."""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import parse_qs, urlsplit

ROLES = ("facilitator", "participant", "viewer")  # the keys' strengths, strongest first


class RoomError(Exception):
    """A room could not be reached, created or read."""


def room_url(url: str) -> tuple[str, str]:
    """The websocket address and the room's path of ``http://HOST:PORT/ROOM?key=KEY``."""
    parts = urlsplit(url)
    key = parse_qs(parts.query).get("key", [""])[0]
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.count("/") != 1 \
            or len(parts.path) < 2 or not key:
        raise RoomError(f"{url!r:.120} is not a room's address "
                        "(http://HOST:PORT/ROOM?key=KEY)")
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path}?{parts.query}", parts.path


def role_of(url: str, timeout: float = 2.0) -> str | None:
    """What the room's link may do (``facilitator``, ``participant``, ``viewer``), as the
    server says (``GET /ROOM/role?key=KEY``); ``None`` when it does not say: a wrong key
    or no such room (the joining connection says so), a server of another kind (the
    reference y-websocket server has no roles), or one not reachable now."""
    _, path = room_url(url)
    parts = urlsplit(url)
    try:
        with urllib.request.urlopen(f"{parts.scheme}://{parts.netloc}{path}/role?"
                                    f"{parts.query}", timeout=timeout) as response:
            answer = json.loads(response.read())
    except (OSError, ValueError):  # HTTPError is an OSError
        return None
    role = answer.get("role") if isinstance(answer, dict) else None
    return role if role in ROLES else None
