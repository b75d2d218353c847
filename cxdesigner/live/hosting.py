"""Hosting a room on this computer (the editor's File > Start Live Session): where the
started server listens, and the address others reach it at.  The room itself is made
by ``client.push``, as ``cxdesigner push`` makes it."""

from __future__ import annotations

import re
import socket

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
