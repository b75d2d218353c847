"""The participant page in a real browser (Debian's chromium, driven by Playwright)
against the reference y-websocket server, with Python peers (live_helpers/) in the room:
the page shows the map, its notes reach the peers as a valid map, dots sum right across
pages, and it speaks the map's language.  Every wait is bounded.

Screenshots at phone size go to a temporary folder; with CXD_SCREENSHOTS=1 they replace
docs/screenshots/participant-*.png.
"""

import os
import shutil
import uuid
from pathlib import Path

import pytest
from live_helpers.peer_processes import (SAMPLES, Peer, peer, reference_server, refusing_server,
                                        static_server)

from cxdesigner.fileformat import cxmap
from cxdesigner.live import ydoc

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
WAIT_MS = 10_000
SHOTS = Path(__file__).parents[1] / "docs" / "screenshots"
# Pain points and opportunities of the English sample, each about a touchpoint.
QUEUE_PAIN, SHELF_IDEA = "nt-queue", "nt-express-shelf"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, timeout=30_000)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def servers():
    with reference_server() as ws_port, static_server() as http_port:
        yield ws_port, http_port


@pytest.fixture
def room(servers):
    """A new room holding the English sample, and the peer that pushed it."""
    name = f"room-{uuid.uuid4().hex[:8]}"
    with peer(f"ws://127.0.0.1:{servers[0]}/{name}") as facilitator:
        facilitator.do("push", file=str(SAMPLES / "bakery-en.cxmap"))
        yield name, facilitator


def open_page(browser, servers, room_name, key="participant-key", ready=".stage"):
    """The page of a room on a phone, in its own browser context (its own voter id)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(f"http://127.0.0.1:{servers[1]}/{room_name}?key={key}"
              f"&ws=ws://127.0.0.1:{servers[0]}")
    page.wait_for_selector(ready)
    page.errors = errors
    return page


def add_note(page, touchpoint, kind, title, details=""):
    page.locator(f'[data-touchpoint="{touchpoint}"] button.tp-title').click()
    page.locator(f'.kind[data-kind="{kind}"]').click()
    page.fill("#note-title", title)
    page.fill("#note-details", details)
    page.locator('#sheet button[type="submit"]').click()


def notes_titled(title):
    """A check for Peer.wait_for: the valid map and the ids of its notes so titled."""
    def check(doc):
        try:
            loaded = ydoc.read_ydoc(doc)
        except Exception:
            return None
        g = loaded.journey.graph
        found = [n for n, a in g.nodes(data=True) if a.get("title") == title]
        return found and (loaded, found)
    return check


def tallies(doc, round_id):
    """Per note, the dots of the round's ballots, as the contract sums them."""
    root = ydoc.root_of(doc)
    ballots = root.get("ballots") if "ballots" in root else None
    out, sums = {}, []
    for key, ballot in (ballots.items() if ballots is not None else []):
        if key.startswith(round_id + "/"):
            sums.append(sum(ballot.values()))
            for note, dots in ballot.items():
                out[note] = out.get(note, 0) + int(dots)
    return out, sums


def test_page_lists_the_stages_in_stage_order(browser, servers, room):
    page = open_page(browser, servers, room[0])
    sample = cxmap.load(SAMPLES / "bakery-en.cxmap").journey
    shown = page.locator(".stage > h2").all_inner_texts()
    assert shown == [sample.title(s) for s in sample.stages()]
    assert page.errors == []
    page.context.close()


def test_touchpoints_of_a_stage_are_ordered_by_x(browser, servers, room):
    page = open_page(browser, servers, room[0])
    sample = cxmap.load(SAMPLES / "bakery-en.cxmap").journey
    stage = sample.stages()[1]
    g = sample.graph
    tps = sorted((n for n, s, k in g.edges(data="kind") if k == "in_stage" and s == stage),
                 key=lambda n: (g.nodes[n]["x"], n))
    shown = page.locator(f'[data-stage="{stage}"] [data-touchpoint]').evaluate_all(
        "cards => cards.map(c => c.dataset.touchpoint)")
    assert shown == tps
    page.context.close()


def test_a_pain_point_added_on_the_page_reaches_the_peer_in_a_valid_map(browser, servers, room):
    page = open_page(browser, servers, room[0])
    add_note(page, "tp-google-maps", "pain_point", "Sunday hours are wrong", "Twice in May")
    loaded, [note] = room[1].wait_for(notes_titled("Sunday hours are wrong"), "the note")
    attrs = loaded.journey.graph.nodes[note]
    assert (attrs["kind"], attrs["note_kind"], attrs["description"]) == (
        "note", "pain_point", "Twice in May")
    assert loaded.journey.graph.edges[note, "tp-google-maps"]["kind"] == "about"
    raw = ydoc.root_of(room[1].doc())["nodes"][note]  # exactly the contract's fields
    assert sorted(raw.keys()) == ["description", "kind", "note_kind", "title"]
    assert loaded.problems == []
    assert str(uuid.UUID(note, version=4)) == note
    page.context.close()


def test_a_note_without_a_title_is_refused_with_a_message(browser, servers, room):
    page = open_page(browser, servers, room[0])
    add_note(page, "tp-queue", "insight", "   ")
    assert page.locator("#sheet .error").inner_text() == "Write a title."
    before = len(ydoc.root_of(room[1].doc())["nodes"])
    page.locator('#sheet button[type="submit"]').click()
    page.wait_for_timeout(300)
    assert len(ydoc.root_of(room[1].doc())["nodes"]) == before
    page.context.close()


def test_escape_closes_the_form_and_writes_nothing(browser, servers, room):
    page = open_page(browser, servers, room[0])
    page.locator('[data-touchpoint="tp-queue"] button.tp-title').click()
    page.fill("#note-title", "Not sent")
    page.keyboard.press("Escape")
    page.locator("#sheet").wait_for(state="detached")
    page.wait_for_timeout(300)
    assert not notes_titled("Not sent")(room[1].doc())
    page.context.close()


def test_a_note_from_a_peer_shows_under_its_touchpoint(browser, servers, room):
    page = open_page(browser, servers, room[0])
    note = str(uuid.uuid4())
    room[1].do("note", note=note, touchpoint="tp-queue", kind="opportunity",
               title="A <b>bold</b> idea")
    row = page.locator(f'[data-touchpoint="tp-queue"] [data-note="{note}"]')
    row.wait_for()
    assert row.locator(".note-title").inner_text() == "A <b>bold</b> idea"  # text, not HTML
    assert row.locator(".badge").inner_text() == "O"
    assert row.locator(".badge").get_attribute("aria-label") == "Opportunity"
    page.context.close()


def test_dots_spent_on_three_pages_sum_in_the_ballots(browser, servers, room):
    name, facilitator = room
    pages = [open_page(browser, servers, name) for _ in range(3)]
    facilitator.do("round", id="r1", open=True, dots=3)
    for page in pages:
        page.locator(".banner").wait_for()
    spend = {0: [QUEUE_PAIN] * 3, 1: [QUEUE_PAIN, QUEUE_PAIN, SHELF_IDEA], 2: [SHELF_IDEA] * 3}
    for i, notes in spend.items():
        for note in notes:
            left = pages[i].locator(".banner").get_attribute("data-left")
            pages[i].locator(f'[data-note="{note}"] .dot.spend').click()
            pages[i].wait_for_function(
                f"document.querySelector('.banner').dataset.left === '{int(left) - 1}'",
                timeout=WAIT_MS)
    assert pages[2].locator(".banner").inner_text() == "You have no dots left"
    assert pages[2].locator(f'[data-note="{SHELF_IDEA}"] .dot.spend').is_disabled()
    want = {QUEUE_PAIN: 5, SHELF_IDEA: 4}
    got = facilitator.wait_for(lambda doc: (t := tallies(doc, "r1"))[0] == want and t,
                               f"the tallies {want}")
    assert sorted(got[1]) == [3, 3, 3]
    pages[0].locator(f'[data-note="{QUEUE_PAIN}"] .tally[data-tally="5"]').wait_for()
    for page in pages:
        page.context.close()


def test_taking_back_a_dot_lowers_the_tally(browser, servers, room):
    name, facilitator = room
    facilitator.do("round", id="r2", open=True, dots=3)
    page = open_page(browser, servers, name)
    row = page.locator(f'[data-note="{QUEUE_PAIN}"]')
    row.locator(".dot.spend").click()
    row.locator('.tally[data-mine="1"]').wait_for()
    row.locator(".dot.spend").click()
    row.locator('.tally[data-mine="2"]').wait_for()
    row.locator(".dot.take").click()
    row.locator('.tally[data-mine="1"]').wait_for()
    facilitator.wait_for(lambda doc: tallies(doc, "r2")[0] == {QUEUE_PAIN: 1}, "one dot")
    page.context.close()


def test_a_closed_round_shows_no_banner_and_no_dot_buttons(browser, servers, room):
    name, facilitator = room
    facilitator.do("round", id="r3", open=True, dots=3)
    page = open_page(browser, servers, name)
    page.locator(".banner").wait_for()
    facilitator.do("round", id="r3", open=False, dots=3)
    page.locator(".banner").wait_for(state="detached")
    assert page.locator(".dot").count() == 0
    page.context.close()


def test_a_viewer_gets_no_forms(browser, servers, room):
    page = open_page(browser, servers, room[0], key="viewer-key")
    page.wait_for_function("document.body.dataset.role === 'viewer'", timeout=WAIT_MS)
    assert page.locator(".role").inner_text() == "View only"
    assert page.locator("button.tp-title").count() == 0
    assert page.locator(".tp-title").count() > 0
    page.context.close()


def test_a_wrong_key_says_the_link_opens_no_room(browser, servers, room):
    page = open_page(browser, servers, room[0], key="bad-key", ready=".stopped")
    stopped = page.locator('.stopped[data-stopped="denied"]')
    assert stopped.inner_text().startswith("This link does not open a room.")
    assert page.locator(".stage").count() == 0
    page.context.close()


def test_a_refused_update_stops_reconnecting_and_offers_a_reload(browser, servers):
    with refusing_server(SAMPLES / "bakery-en.cxmap") as port:
        page = open_page(browser, (port, servers[1]), "room-refused")
        add_note(page, "tp-queue", "insight", "Refused by the room")
        page.locator('.stopped[data-stopped="refused"]').wait_for()
        assert page.locator(".stopped button").inner_text() == "Reload"
        page.wait_for_timeout(1000)  # y-websocket would have retried within 200 ms
        assert page.evaluate("window.cxParticipant.provider.shouldConnect") is False
        page.context.close()


def test_a_map_of_a_newer_version_is_refused_with_a_message(browser, servers, room):
    page = open_page(browser, servers, room[0])
    room[1].do("set", key="version", value=2)
    page.locator(".stage").first.wait_for(state="detached")
    assert page.locator(".notice").inner_text().startswith("This map was made by a newer")
    assert page.errors == []
    page.context.close()


def test_a_hebrew_map_reads_right_to_left_in_hebrew(browser, servers):
    name = f"room-{uuid.uuid4().hex[:8]}"
    with peer(f"ws://127.0.0.1:{servers[0]}/{name}") as facilitator:
        facilitator.do("push", file=str(SAMPLES / "bakery-he.cxmap"))
        page = open_page(browser, servers, name)
        html = page.locator("html")
        assert (html.get_attribute("dir"), html.get_attribute("lang")) == ("rtl", "he")
        assert page.locator(".hint").inner_text() == "הקישו על נקודת מגע כדי להוסיף הערה."
        page.context.close()


def test_a_note_added_while_the_server_is_down_arrives_when_it_is_back(browser):
    name = f"room-{uuid.uuid4().hex[:8]}"
    with static_server() as http_port:
        with reference_server() as port:
            servers = (port, http_port)
            with peer(f"ws://127.0.0.1:{port}/{name}") as facilitator:
                facilitator.do("push", file=str(SAMPLES / "bakery-en.cxmap"))
                page = open_page(browser, servers, name)
        page.locator(".status.reconnecting").wait_for()
        add_note(page, "tp-queue", "insight", "Written offline")
        with reference_server(port):
            page.locator(".status.connected").wait_for(timeout=20_000)
            late = Peer(f"ws://127.0.0.1:{port}/{name}")
            try:
                loaded, _ = late.wait_for(notes_titled("Written offline"), "the offline note")
            finally:
                late.close()
    assert loaded.problems == []
    page.context.close()


@pytest.mark.parametrize("lang", ["en", "he"])
def test_screenshot_at_phone_size(browser, servers, tmp_path, lang):
    name = f"room-{uuid.uuid4().hex[:8]}"
    with peer(f"ws://127.0.0.1:{servers[0]}/{name}") as facilitator:
        facilitator.do("push", file=str(SAMPLES / f"bakery-{lang}.cxmap"))
        facilitator.do("round", id="shot", open=True, dots=3)
        page = open_page(browser, servers, name)
        page.locator('[data-note="nt-referral-card"] .dot.spend').click()
        page.locator('.banner[data-left="2"]').wait_for()
        shots = {f"participant-{lang}.png": None}
        page.screenshot(path=tmp_path / f"participant-{lang}.png")
        page.locator('[data-touchpoint="tp-queue"] button.tp-title').click()
        page.fill("#note-title", "תור ארוך בשבת בבוקר" if lang == "he" else "A long queue on Saturday")
        page.screenshot(path=tmp_path / f"participant-{lang}-form.png")
        shots[f"participant-{lang}-form.png"] = None
        page.context.close()
    for shot in shots:
        assert (tmp_path / shot).stat().st_size > 10_000  # a page, not a blank
        if os.environ.get("CXD_SCREENSHOTS") == "1":
            shutil.copy(tmp_path / shot, SHOTS / shot)
