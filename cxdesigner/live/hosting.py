"""Hosting a room on this computer (the editor's File > Start Live Session): the links
to hand out, and the room made from the open map.

``create_room`` posts the map as ``cxdesigner push`` does, but keeps every key the
server answers: the three-keys server (``{"keys": {"facilitator", "participant",
"viewer"}}``) gives three links; a one-key server (``{"key"}``) one, used for all.
"""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from ..model.journey import JourneyMap
from . import ydoc
from .client import RoomError

ROLES = ("facilitator", "participant", "viewer")
SERVER_LINE = re.compile(r"rooms at http://[^:\s]+:(\d+)")


def server_port(line: str) -> int | None:
    """The port in ``cxdesigner serve``'s first line on stderr."""
    found = SERVER_LINE.search(line)
    return int(found.group(1)) if found else None


def lan_address() -> str:
    """This computer's address on the local network, for others' links (no packet is
    sent: a UDP socket only picks the interface of its route); 127.0.0.1 if none."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.254.254.254", 1))
            address = probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    return address if address and not address.startswith("0.") else "127.0.0.1"


def create_room(journey: JourneyMap, server: str, public_host: str | None = None,
                timeout: float = 10.0) -> dict[str, str]:
    """A new room on ``server`` (``http://HOST:PORT``) holding ``journey``: its links by
    role, on ``public_host`` (the address others use) if given.  Raises ``RoomError``."""
    from pycrdt import Doc

    parts = urlsplit(server)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RoomError(f"{server!r:.120} is not a server's address (http://HOST:PORT)")
    doc = Doc()
    ydoc.to_ydoc(journey, doc)
    request = urllib.request.Request(f"{parts.scheme}://{parts.netloc}/rooms",
                                     data=doc.get_update(), method="POST",
                                     headers={"Content-Type": "application/octet-stream"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raise RoomError(f"the server refused the map (HTTP {exc.code})") from None
    except (OSError, ValueError) as exc:
        raise RoomError(f"cannot reach {server}: {getattr(exc, 'reason', exc)}") from None
    return links(answer, parts.scheme, public_host or parts.hostname or "", parts.port)


def links(answer: object, scheme: str, host: str, port: int | None) -> dict[str, str]:
    """The links by role of a ``POST /rooms`` answer (either server's shape)."""
    if not isinstance(answer, dict) or not isinstance(answer.get("room"), str):
        raise RoomError("the server's answer names no room")
    keys = answer.get("keys")
    if not isinstance(keys, dict):
        key = answer.get("key")
        if not isinstance(key, str):
            raise RoomError("the server's answer has no key")
        keys = dict.fromkeys(ROLES, key)  # one key for everyone (the first server)
    base = f"{scheme}://{host}" + (f":{port}" if port else "")
    return {role: f"{base}/{answer['room']}?key={keys[role]}" for role in ROLES
            if isinstance(keys.get(role), str)}
