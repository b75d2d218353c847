"""``cxdesigner serve``, ``push`` and ``pull``: the live workshop's room server and its
two headless clients (``docs/collaboration.md``).  Network and server modules are
imported only when one of these runs, so other commands start as fast as before."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable
from pathlib import Path

COMMANDS = ("serve", "push", "pull")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="run a live-workshop room server",
                       description="Run the room server of live workshops: rooms are "
                       "created with 'cxdesigner push', kept in DIR, and joined with "
                       "their key. Logs joins and leaves on stderr.")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this computer only)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any free)")
    p.add_argument("--data", type=Path, metavar="DIR",
                   help="folder of the rooms (default: a per-user data folder)")

    p = sub.add_parser("push", help="create a live room from a map",
                       description="Create a room on a server from a map; prints the "
                       "room's address, with its key, as the last line.")
    p.add_argument("file", type=Path)
    p.add_argument("server", help="the server, http://HOST:PORT")

    p = sub.add_parser("pull", help="save a live room's current map",
                       description="Save the current map of a room (its address with "
                       "the key, as push printed it).")
    p.add_argument("url", help="the room, http://HOST:PORT/ROOM?key=KEY")
    p.add_argument("-o", "--output", required=True, type=Path, help="the .cxmap file to write")
    p.add_argument("--force", action="store_true", help="replace an existing file")


def run(args: argparse.Namespace, load: Callable, save: Callable) -> int:
    """One of COMMANDS; ``load``/``save`` are the CLI's (its errors, its warnings)."""
    if args.command == "serve":
        from ..live.server import default_data_dir, serve

        if not 0 <= args.port <= 65535:
            raise ValueError(f"--port must be 0 to 65535 (got {args.port})")
        logging.basicConfig(stream=sys.stderr, level=logging.WARNING,
                            format="cxdesigner serve: %(message)s")
        logging.getLogger("cxdesigner.serve").setLevel(logging.INFO)
        data = args.data or default_data_dir()
        try:
            asyncio.run(serve(args.host, args.port, data))
        except OSError as exc:  # the port is taken, the folder cannot be made
            raise ValueError(str(exc)) from None
        return 0
    if args.command == "push":
        from ..live.client import push

        url = push(load(args.file).journey, args.server)
        print(url)
        return 0
    from ..live.client import pull

    journey = pull(args.url)
    save(journey, args.output, args.force)
    print(f"Saved {args.output}")
    return 0
