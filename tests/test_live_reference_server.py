"""Python peers (pycrdt) and the reference y-websocket server (Node, @y/websocket-server)
speak the same protocol: a map pushed by one peer reaches another whole, and what that
other peer writes comes back.  The processes are in live_helpers/peer_processes.py;
skipped only when node is missing."""

import uuid

from live_helpers.peer_processes import SAMPLES, peer, reference_server

from cxdesigner.fileformat import cxmap
from cxdesigner.live import ydoc


def _map_or_none(doc):
    try:
        return ydoc.from_ydoc(doc)
    except Exception:  # not there yet: the peer has no map so far
        return None


def test_a_map_pushed_through_the_reference_server_reaches_another_peer_unchanged():
    sample = cxmap.load(SAMPLES / "bakery-en.cxmap").journey
    with reference_server() as port:
        url = f"ws://127.0.0.1:{port}/room-push"
        with peer(url) as pusher, peer(url) as reader:
            pusher.do("push", file=str(SAMPLES / "bakery-en.cxmap"))
            got = reader.wait_for(_map_or_none, "the pushed map")
    assert got.snapshot() == sample.snapshot()


def test_a_note_another_peer_writes_reads_back_as_a_valid_map_holding_it():
    note = str(uuid.uuid4())
    with reference_server() as port:
        url = f"ws://127.0.0.1:{port}/room-note?key=anything"
        with peer(url) as facilitator:
            facilitator.do("push", file=str(SAMPLES / "bakery-en.cxmap"))
            with peer(url) as participant:
                participant.wait_for(_map_or_none, "the pushed map")
                participant.do("note", note=note, touchpoint="tp-google-maps", kind="pain_point",
                               title="No opening hours on Sundays")
            got = facilitator.wait_for(
                lambda doc: (m := _map_or_none(doc)) and note in m.graph and m, "the note")
    assert got.graph.nodes[note]["title"] == "No opening hours on Sundays"
    assert got.graph.edges[note, "tp-google-maps"]["kind"] == "about"


def test_the_editors_connection_works_through_the_reference_server():
    """The editor's own y-websocket client (live/connection.py) against the reference
    server: it receives a map another peer pushed, and what it writes reaches that
    peer."""
    import time

    from pycrdt import Map

    from live_room import Page

    note = str(uuid.uuid4())
    with reference_server() as port:
        url = f"ws://127.0.0.1:{port}/room-editor"
        with peer(url) as facilitator:
            facilitator.do("push", file=str(SAMPLES / "bakery-en.cxmap"))
            editor = Page(f"http://127.0.0.1:{port}/room-editor?key=anything")
            try:
                editor.wait_connected()
                deadline = time.monotonic() + 15
                while _map_or_none(editor.doc()) is None and time.monotonic() < deadline:
                    time.sleep(0.05)
                assert _map_or_none(editor.doc()).snapshot() == \
                    cxmap.load(SAMPLES / "bakery-en.cxmap").journey.snapshot()

                def add_note(doc, root) -> None:
                    root["nodes"][note] = Map({"kind": "note", "note_kind": "insight",
                                               "title": "Written by the editor"})
                    root["edges"][ydoc.edge_key(note, "tp-google-maps")] = "about"

                editor.write(add_note)
                got = facilitator.wait_for(
                    lambda doc: (m := _map_or_none(doc)) and note in m.graph and m, "the note")
            finally:
                editor.close()
    assert got.graph.nodes[note]["title"] == "Written by the editor"
