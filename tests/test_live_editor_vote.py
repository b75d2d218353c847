"""The room's dot vote from the facilitator's editor (the shared contract's ``round``
and ``ballots``): opening a round, closing it adds the ballots' dots to the notes'
votes as one undoable edit.  Participants are headless clients (``live_room.Page``)."""

from __future__ import annotations

import time

import pytest
from pycrdt import Map

from cxdesigner.live import rounds
from cxdesigner.model import JourneyMap
from live_room import Page, RoomServer
from test_live_editor import (WAIT_MS, close_all_windows, joined_window,  # noqa: F401
                              temp_settings)

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def server(tmp_path):
    room_server = RoomServer(tmp_path / "rooms").start()
    yield room_server
    room_server.kill()


def noted_map() -> JourneyMap:
    j = JourneyMap(document={"title": "Shop"})
    j.add_stage("Awareness", id="s1")
    j.add_touchpoint("s1", "Flyer", id="t1")
    j.add_note("pain_point", "Small print", on="t1", id="n1")
    j.add_note("opportunity", "QR code", on="t1", id="n2", votes=1)
    return j


@pytest.fixture
def room(qtbot, server, tmp_path, monkeypatch):
    url = server.push(noted_map(), tmp_path)
    window = joined_window(qtbot, url)
    monkeypatch.setattr(type(window), "ask_round_dots", lambda self: 3)
    page = Page(url)
    page.wait_connected()
    yield window, page
    page.close()


def wait_for(page: Page, check, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        doc = page.doc()
        if check(doc):
            return doc
        time.sleep(0.05)
    raise AssertionError("the page never saw it")


def vote(page: Page, round_id: str, voter: str, dots: dict[str, int]) -> None:
    def edit(doc, root):
        root["ballots"][f"{round_id}/{voter}"] = Map({k: float(v) for k, v in dots.items()})
    page.write(edit)


def test_opening_a_round_tells_the_phones_its_id_and_dots(room):
    window, page = room
    window.open_voting_round()
    doc = wait_for(page, lambda d: rounds.current(d).open)
    assert rounds.current(doc).dots == 3 and rounds.current(doc).id


def test_closing_the_round_adds_its_dots_to_the_notes_votes_as_one_step(qtbot, room):
    window, page = room
    window.open_voting_round()
    now = rounds.current(wait_for(page, lambda d: rounds.current(d).open))
    vote(page, now.id, "voter-aaaaaaaaaaaaaaaa", {"n1": 2, "n2": 1})
    vote(page, now.id, "voter-bbbbbbbbbbbbbbbb", {"n2": 3})
    qtbot.waitUntil(lambda: rounds.tallies(window.live.doc, now.id, 3) == {"n1": 2, "n2": 4},
                    timeout=WAIT_MS)
    steps = window.document.undo_stack.count()
    window.close_voting_round()
    journey = window.document.journey
    assert (journey.get("n1")["votes"], journey.get("n2")["votes"]) == (2, 5)
    assert window.document.undo_stack.count() == steps + 1
    wait_for(page, lambda d: not rounds.current(d).open)  # the phones see it closed
    window.document.undo_stack.undo()
    assert (journey.get("n1")["votes"], journey.get("n2")["votes"]) == (0, 1)


def test_a_ballot_over_the_rounds_dots_counts_for_nothing(qtbot, room):
    window, page = room
    window.open_voting_round()
    now = rounds.current(wait_for(page, lambda d: rounds.current(d).open))
    vote(page, now.id, "voter-cccccccccccccccc", {"n1": 4})
    qtbot.waitUntil(lambda: any(k.startswith(now.id) for k in
                                window.live.doc.get("cxmap", type=Map)["ballots"].keys()),
                    timeout=WAIT_MS)
    window.close_voting_round()
    assert window.document.journey.get("n1")["votes"] == 0


def test_ballots_of_an_earlier_round_do_not_count(qtbot, room):
    window, page = room
    window.open_voting_round()
    first = rounds.current(wait_for(page, lambda d: rounds.current(d).open))
    vote(page, first.id, "voter-dddddddddddddddd", {"n1": 1})
    qtbot.waitUntil(lambda: rounds.tallies(window.live.doc, first.id, 3) == {"n1": 1},
                    timeout=WAIT_MS)
    window.open_voting_round()  # a new round: a new id
    window.close_voting_round()
    assert window.document.journey.get("n1")["votes"] == 0
