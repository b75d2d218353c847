"""A y-websocket server that refuses every update, as the room server refuses an update
a key may not write: it closes the connection with 4003.  It serves one map (a .cxmap
file) to whoever connects, then closes on the first update it receives.

    python peer_refusing_server.py MAP.cxmap     prints its port, then serves on 127.0.0.1
"""

from __future__ import annotations

import sys
from pathlib import Path

from pycrdt import Doc, YMessageType, YSyncMessageType, create_sync_message, handle_sync_message
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import serve

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from cxdesigner.fileformat import cxmap  # noqa: E402
from cxdesigner.live import ydoc  # noqa: E402

REFUSED_UPDATE = 4003


def main(path: str) -> None:
    room = Doc()
    ydoc.to_ydoc(cxmap.load(path).journey, room)
    # The room's state as a sync step 2: the answer to an empty peer's step 1.
    state = handle_sync_message(create_sync_message(Doc())[1:], room)

    def handler(ws) -> None:
        try:
            ws.send(create_sync_message(Doc()))  # step 1: "I have nothing" (asks for theirs)
            ws.send(state)
            for message in ws:
                if (isinstance(message, bytes) and len(message) > 1
                        and message[0] == YMessageType.SYNC
                        and message[1] == YSyncMessageType.SYNC_UPDATE):
                    ws.close(REFUSED_UPDATE, "refused an update")
                    return
        except ConnectionClosed:
            pass

    with serve(handler, "127.0.0.1", 0, open_timeout=10, close_timeout=2) as server:
        print(server.socket.getsockname()[1], flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1])
