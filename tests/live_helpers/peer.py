"""A client of a room, run as its own process by ``tests/test_live_server.py`` so the
test process never imports the networking stack (websockets, anyio's loops, pycrdt's
provider): every wait here is bounded, and the answer is one JSON line on stdout.

    python peer.py raw URL [MSG ...]      # send raw messages (HEX, or zeros:N for N
                                          # zero bytes): {"refused": status} or
                                          # {"closed": code} (null: still open at the end)
    python peer.py edit URL ACTION [ARG]  # join, make one edit: {"closed": code} or
                                          # {"accepted": true} (the room relayed it back)
    python peer.py dump URL               # {"room": the whole cxmap root, as JSON}
    python peer.py watch URL TITLE        # prints {"ready": true} once joined, then
                                          # {"seen": true} once an element TITLE is there

ACTION: note TITLE | rename | delete | round | vote DOTS | stage TITLE |
        open-round DOTS | close-round | none
"""

from __future__ import annotations

import asyncio
import json
import sys
import uuid
from pathlib import Path

if __name__ == "__main__":  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pycrdt import Doc, Map, Provider  # noqa: E402
from websockets.asyncio.client import connect as ws_connect  # noqa: E402
from websockets.exceptions import ConnectionClosed, InvalidStatus  # noqa: E402

from cxdesigner.live.client import _Channel, room_url  # noqa: E402
from cxdesigner.live.ydoc import edge_key, from_ydoc  # noqa: E402

WAIT = 8.0
VOTER = "test-voter-0123456789"


def say(**answer) -> None:
    print(json.dumps(answer), flush=True)


async def raw(url: str, messages: list[bytes]) -> None:
    address = room_url(url)[0]
    try:
        websocket = await ws_connect(address, open_timeout=WAIT, max_size=None)
    except InvalidStatus as refused:
        return say(refused=refused.response.status_code,
                   body=refused.response.body.decode("latin-1"))
    async with websocket:
        try:
            for message in messages:
                await asyncio.wait_for(websocket.send(message), WAIT)
            while True:  # the room's own sync and replies, until it closes on us
                await asyncio.wait_for(websocket.recv(), 1.0)
        except ConnectionClosed as closed:
            return say(closed=closed.rcvd.code if closed.rcvd else None)
        except TimeoutError:
            return say(closed=None)


class _Watched(_Channel):
    """The client's channel, counting the updates the room sends."""

    updates = 0

    async def recv(self) -> bytes:
        message = await super().recv()
        if message[:2] == b"\x00\x02":
            _Watched.updates += 1
        return message


def _ids(root: Map, kind: str) -> list[str]:
    return sorted(k for k, v in root["nodes"].items() if v.get("kind") == kind)


def _act(doc: Doc, action: str, arg: str | None) -> None:
    root = doc.get("cxmap", type=Map)
    with doc.transaction():
        if action == "note":
            note = str(uuid.uuid4())
            root["nodes"][note] = Map({"kind": "note", "note_kind": "pain_point",
                                       "title": arg, "description": ""})
            root["edges"][edge_key(note, _ids(root, "touchpoint")[0])] = "about"
        elif action == "rename":
            root["nodes"][_ids(root, "touchpoint")[0]]["title"] = "Renamed"
        elif action == "delete":
            del root["nodes"][_ids(root, "touchpoint")[0]]
        elif action == "round":
            root["round"] = Map({"id": "mine", "open": True, "dots": 100})
        elif action == "vote":
            round_id = root["round"]["id"] if "round" in root else "none"
            root["ballots"][f"{round_id}/{VOTER}"] = Map({_ids(root, "note")[0]: int(arg)})
        elif action == "stage":
            stage = str(uuid.uuid4())
            root["nodes"][stage] = Map({"kind": "stage", "title": arg})
            root["stage_order"].append(stage)
        elif action == "open-round":
            root["round"] = Map({"id": uuid.uuid4().hex, "open": True, "dots": int(arg)})
            root["ballots"] = Map()
        elif action == "close-round":
            root["round"]["open"] = False


async def edit(url: str, action: str, arg: str | None) -> None:
    address, path = room_url(url)
    websocket = await ws_connect(address, open_timeout=WAIT)
    doc = Doc()
    try:
        async with websocket, Provider(doc, _Watched(websocket, path)) as provider:
            await asyncio.wait_for(provider.synced.wait(), WAIT)
            seen = _Watched.updates
            if action != "none":
                _act(doc, action, arg)
            for _ in range(int(WAIT / 0.02)):
                if websocket.close_code is not None:
                    break
                if _Watched.updates > seen or action == "none":
                    return say(accepted=True)
                await asyncio.sleep(0.02)
    except Exception:  # noqa: BLE001 - the provider failing on a connection the room
        pass  # closed (an ExceptionGroup from its task group): the close code says why
    await asyncio.wait_for(websocket.wait_closed(), WAIT)
    say(closed=websocket.close_code)


async def dump(url: str) -> None:
    address, path = room_url(url)
    doc = Doc()
    async with ws_connect(address, open_timeout=WAIT) as websocket, \
            Provider(doc, _Channel(websocket, path)) as provider:
        await asyncio.wait_for(provider.synced.wait(), WAIT)
        say(room=doc.get("cxmap", type=Map).to_py())


async def watch(url: str, title: str) -> None:
    address, path = room_url(url)
    doc = Doc()
    async with ws_connect(address, open_timeout=WAIT) as websocket, \
            Provider(doc, _Channel(websocket, path)) as provider:
        await asyncio.wait_for(provider.synced.wait(), WAIT)
        say(ready=True)
        for _ in range(int(WAIT / 0.02)):
            titles = {a.get("title") for _, a in from_ydoc(doc).graph.nodes(data=True)}
            if title in titles:
                return say(seen=True)
            await asyncio.sleep(0.02)
    say(seen=False)


def _message(spec: str) -> bytes:
    """HEX, or ``zeros:N`` (N zero bytes: more than a command line holds as hex)."""
    if spec.startswith("zeros:"):
        return bytes(int(spec[6:]))
    return bytes.fromhex(spec)


def main(argv: list[str]) -> None:
    command, url, *rest = argv
    if command == "raw":
        work = raw(url, [_message(m) for m in rest])
    elif command == "dump":
        work = dump(url)
    elif command == "edit":
        work = edit(url, rest[0], rest[1] if len(rest) > 1 else None)
    else:
        work = watch(url, rest[0])
    asyncio.run(asyncio.wait_for(work, 3 * WAIT))


if __name__ == "__main__":
    main(sys.argv[1:])
