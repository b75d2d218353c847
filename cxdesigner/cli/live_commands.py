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
    p.add_argument("--static", type=Path, metavar="DIR",
                   help="folder of the participant page's files (default: the one "
                   "installed with CX Designer)")

    p = sub.add_parser("push", help="create a live room from a map",
                       description="Create a room on a server from a map; prints its "
                       "three addresses, each with its key: the participants' (add notes, "
                       "vote), the viewers' (watch), and, as the last line, the "
                       "facilitator's (any edit; keep it to yourself).")
    p.add_argument("file", type=Path)
    p.add_argument("server", help="the server, http://HOST:PORT")

    p = sub.add_parser("pull", help="save a live room's current map",
                       description="Save the current map of a room (its address with "
                       "the key, as push printed it).")
    p.add_argument("url", help="the room, http://HOST:PORT/ROOM?key=KEY (any of its keys)")
    p.add_argument("-o", "--output", required=True, type=Path, help="the .cxmap file to write")
    p.add_argument("--force", action="store_true", help="replace an existing file")


def run(args: argparse.Namespace, load: Callable, save: Callable) -> int:
    """One of COMMANDS; ``load``/``save`` are the CLI's (its errors, its warnings)."""
    if args.command == "serve":
        from ..live.server import STATIC, default_data_dir, serve

        if not 0 <= args.port <= 65535:
            raise ValueError(f"--port must be 0 to 65535 (got {args.port})")
        logging.basicConfig(stream=sys.stderr, level=logging.WARNING,
                            format="cxdesigner serve: %(message)s")
        logging.getLogger("cxdesigner.serve").setLevel(logging.INFO)
        data = args.data or default_data_dir()
        static = args.static or STATIC
        if args.static is not None and not static.is_dir():
            raise ValueError(f"--static: {static} is not a folder")
        try:
            asyncio.run(serve(args.host, args.port, data, static=static))
        except OSError as exc:  # the port is taken, the folder cannot be made
            raise ValueError(str(exc)) from None
        return 0
    if args.command == "push":
        from ..live.client import push

        urls = push(load(args.file).journey, args.server)
        print(f"participants: {urls['participant']}")
        print(f"viewers:      {urls['viewer']}")
        print("facilitator (any edit; keep it to yourself):")
        print(urls["facilitator"])  # last, alone on its line: for scripts
        return 0
    from ..live.client import pull

    journey = pull(args.url)
    save(journey, args.output, args.force)
    print(f"Saved {args.output}")
    return 0
