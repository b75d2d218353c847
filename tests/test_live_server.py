"""The room server (``cxdesigner serve``), its keys and their rights, over 127.0.0.1 on
a port the system picks.

The server and every client (push, pull, raw websockets, pycrdt providers) run as
subprocesses (``tests/live_helpers/peer.py``): this process never imports the
networking stack, whose threads and event loops shared the process with the Qt tests
before and crashed it now and then.  Plain HTTP GETs use the standard library.  Every
wait is bounded (``WAIT`` seconds)."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from cxdesigner.fileformat import cxmap
from cxdesigner.resources_path import resource

WAIT = 20.0
SAMPLE = resource("samples", "bakery-en.cxmap")
PEER = Path(__file__).parent / "live_helpers" / "peer.py"
PAGE = b"<!doctype html><title>participant page</title>"


class Server:
    def __init__(self, data: Path, log: Path, static: Path) -> None:
        self.data, self.log = data, log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cxdesigner", "serve", "--port", "0", "--data", str(data),
             "--static", str(static)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log.open("ab"))
        self.url = self.wait_for(r"rooms at (http://127\.0\.0\.1:\d+)").group(1)

    def wait_for(self, pattern: str) -> re.Match:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            found = re.search(pattern, self.log.read_text())
            if found:
                return found
            assert self.proc.poll() is None, self.log.read_text()
            time.sleep(0.02)
        raise AssertionError(f"no {pattern!r} in the server's log: {self.log.read_text()}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(WAIT)
            except subprocess.TimeoutExpired:  # never leave a server behind
                self.proc.kill()
                self.proc.wait(WAIT)
                raise


def _static(folder: Path) -> Path:
    folder.mkdir()
    (folder / "participant.html").write_bytes(PAGE)
    (folder / "page.js").write_text("export const page = 1;\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.js").write_text("no\n")
    (folder.parent / "secret.txt").write_text("outside the static folder\n")
    return folder


def _start(folder: Path, log: str = "server.log") -> Server:
    static = folder / "static"
    return Server(folder / "data", folder / log, static if static.is_dir() else _static(static))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = _start(tmp_path_factory.mktemp("rooms"))
    yield running
    running.stop()


def _cli(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "cxdesigner", *args], capture_output=True,
                          text=True, timeout=WAIT, stdin=subprocess.DEVNULL)
    assert (done.returncode == 0) == ok, done.stderr
    return done


def _peer(*args: str) -> dict:
    done = subprocess.run([sys.executable, str(PEER), *args], capture_output=True,
                          text=True, timeout=3 * WAIT, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def _push(server: Server) -> dict[str, str]:
    """The room's URL for each role, read from push's output."""
    out = _cli("push", str(SAMPLE), server.url).stdout.splitlines()
    return {"participant": out[0].split()[-1], "viewer": out[1].split()[-1],
            "facilitator": out[-1]}


def _pull(url: str, tmp_path: Path) -> dict:
    target = tmp_path / f"pulled-{time.monotonic_ns()}.cxmap"
    _cli("pull", url, "-o", str(target))
    return _unsaved(cxmap.load(target).journey)


def _titles(data: dict) -> set[str]:
    return {attrs.get("title") for attrs in data["nodes"].values()}


def _unsaved(journey) -> dict:
    """The map's data without the time of saving, which saving the pulled file sets."""
    data = journey.snapshot()
    data["document"] = {k: v for k, v in data["document"].items() if k != "modified"}
    return data


def _get(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as answer:
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read(), dict(refused.headers)


def _with_key(url: str, key: str) -> str:
    return re.sub(r"key=.*", "key=" + key, url)


SAMPLE_DATA = _unsaved(cxmap.load(SAMPLE).journey)


# ------------------------------------------------------------------ rooms and keys
def test_push_prints_the_facilitator_url_last(server):
    out = _cli("push", str(SAMPLE), server.url).stdout.splitlines()
    room = re.escape(server.url) + r"/[\w-]+\?key=[\w-]{43,}"
    assert re.fullmatch(room, out[-1])
    assert re.fullmatch(r"participants: " + room, out[0])
    assert re.fullmatch(r"viewers: +" + room, out[1])


def test_the_three_keys_differ(server):
    urls = _push(server)
    assert len({url.split("key=")[1] for url in urls.values()}) == 3


@pytest.mark.parametrize("role", ["facilitator", "participant", "viewer"])
def test_a_pushed_map_pulls_back_equal_with_any_key(server, tmp_path, role):
    assert _pull(_push(server)[role], tmp_path) == SAMPLE_DATA


@pytest.mark.parametrize("role", ["facilitator", "participant", "viewer"])
def test_each_key_reads_its_role(server, role):
    url = _push(server)[role]
    status, body, _ = _get(url.replace("?", "/role?"))
    assert (status, json.loads(body)) == (200, {"role": role})


def test_a_wrong_key_and_an_unknown_room_are_refused_alike_on_the_websocket(server):
    url = _push(server)["facilitator"]
    wrong_key = _peer("raw", _with_key(url, "A" * 43))
    no_room = _peer("raw", re.sub(r"/[\w-]+\?", "/no-such-room?", url))
    assert wrong_key == no_room
    assert wrong_key["refused"] == 403


@pytest.mark.parametrize("suffix", ["", "/role"])
def test_a_wrong_key_and_an_unknown_room_are_refused_alike_over_http(server, suffix):
    url = _push(server)["participant"].replace("?", suffix + "?")
    wrong_key = _get(_with_key(url, "A" * 43))
    no_room = _get(re.sub(r"/[\w-]+(/role)?\?", f"/no-such-room{suffix}?", url))
    assert wrong_key[:2] == no_room[:2]
    assert wrong_key[0] == 403


def test_the_participant_page_is_served_for_a_key_without_a_referrer(server):
    status, body, headers = _get(_push(server)["viewer"])
    assert (status, body) == (200, PAGE)
    assert headers["referrer-policy"] == "no-referrer"


def test_a_static_file_is_served_with_its_type(server):
    status, body, headers = _get(server.url + "/static/page.js")
    assert (status, body) == (200, b"export const page = 1;\n")
    assert headers["content-type"].startswith("text/javascript")


@pytest.mark.parametrize("name", ["../secret.txt", "..%2Fsecret.txt", "%2e%2e%2fsecret.txt",
                                  "sub/inner.js", "sub%2Finner.js", "sub", ".", ""])
def test_static_serves_no_path_outside_its_own_files(server, name):
    assert _get(server.url + "/static/" + name)[0] == 404


# ------------------------------------------------------------------ rights
def test_a_participants_note_is_relayed_to_the_facilitator_and_pulled(server, tmp_path):
    urls = _push(server)
    watcher = subprocess.Popen([sys.executable, str(PEER), "watch", urls["facilitator"],
                                "Long queue at pickup"], stdout=subprocess.PIPE, text=True)
    try:
        assert json.loads(watcher.stdout.readline()) == {"ready": True}
        assert _peer("edit", urls["participant"], "note", "Long queue at pickup") == {
            "accepted": True}
        assert json.loads(watcher.stdout.readline()) == {"seen": True}
    finally:
        watcher.kill()
        watcher.wait(WAIT)
        watcher.stdout.close()
    assert "Long queue at pickup" in _titles(_pull(urls["viewer"], tmp_path))


@pytest.mark.parametrize("action", [("rename",), ("delete",), ("round",), ("stage", "Mine")],
                         ids=["rename", "delete", "round", "stage"])
def test_a_participant_overreaching_is_refused_and_the_room_unchanged(server, tmp_path,
                                                                       action):
    urls = _push(server)
    before = _peer("dump", urls["facilitator"])
    assert _peer("edit", urls["participant"], *action) == {"closed": 4003}
    assert _peer("dump", urls["facilitator"]) == before


def _room_with_round(server: Server, tmp_path: Path, dots: int, open_: bool) -> dict:
    urls = _push(server)
    assert _peer("edit", urls["facilitator"], "open-round", str(dots)) == {"accepted": True}
    if not open_:
        assert _peer("edit", urls["facilitator"], "close-round") == {"accepted": True}
    return urls


def test_a_participant_voting_within_the_dots_is_accepted(server, tmp_path):
    urls = _room_with_round(server, tmp_path, 3, open_=True)
    assert _peer("edit", urls["participant"], "vote", "3") == {"accepted": True}
    ballots = _peer("dump", urls["viewer"])["room"]["ballots"]
    assert [sum(ballot.values()) for ballot in ballots.values()] == [3]


def test_a_participant_spending_more_dots_than_the_round_gives_is_refused(server, tmp_path):
    urls = _room_with_round(server, tmp_path, 3, open_=True)
    before = _peer("dump", urls["facilitator"])
    assert _peer("edit", urls["participant"], "vote", "4") == {"closed": 4003}
    assert _peer("dump", urls["facilitator"]) == before


def test_a_participant_voting_in_a_closed_round_is_refused(server, tmp_path):
    urls = _room_with_round(server, tmp_path, 3, open_=False)
    before = _peer("dump", urls["facilitator"])
    assert _peer("edit", urls["participant"], "vote", "1") == {"closed": 4003}
    assert _peer("dump", urls["facilitator"]) == before


def test_a_viewer_adding_a_note_is_refused_and_the_room_unchanged(server, tmp_path):
    urls = _push(server)
    before = _peer("dump", urls["facilitator"])
    assert _peer("edit", urls["viewer"], "note", "Sneaky") == {"closed": 4003}
    assert _peer("dump", urls["facilitator"]) == before


def test_a_refusal_is_logged_without_the_key(server):
    urls = _push(server)
    _peer("edit", urls["viewer"], "note", "Logged")
    server.wait_for(r"closed a viewer's connection to /[\w-]+ \(4003\): refused an update")
    assert urls["viewer"].split("key=")[1] not in server.log.read_text()


def test_the_facilitator_may_add_a_stage(server, tmp_path):
    urls = _push(server)
    assert _peer("edit", urls["facilitator"], "stage", "Delivery by bicycle") == {
        "accepted": True}
    assert "Delivery by bicycle" in _titles(_pull(urls["participant"], tmp_path))


# ------------------------------------------------------------------ limits
def test_a_participants_oversized_message_closes_that_connection_only(server, tmp_path):
    urls = _push(server)
    assert _peer("raw", urls["participant"], f"zeros:{256 * 1024 + 1}") == {"closed": 1009}
    assert _pull(urls["participant"], tmp_path) == SAMPLE_DATA


def test_a_flood_of_messages_closes_that_connection(server):
    urls = _push(server)
    # 300 "query awareness" messages at once: more than the burst of 200
    assert _peer("raw", urls["viewer"], *["0300"] * 300) == {"closed": 4029}


def test_a_malformed_update_is_refused_and_the_room_serves_on(server, tmp_path):
    urls = _push(server)
    # y-websocket "sync, update" with a payload that is no Yjs update
    assert _peer("raw", urls["facilitator"], "0002050102" + b"garb".hex()) == {"closed": 4003}
    assert _pull(urls["facilitator"], tmp_path) == SAMPLE_DATA


def test_a_sync_step_1_that_does_not_decode_is_refused_and_the_room_serves_on(server,
                                                                              tmp_path):
    urls = _push(server)
    # "sync, step 1" with a state vector that claims 5 clients and holds half of one
    assert _peer("raw", urls["viewer"], "0000020501") == {"closed": 4003}
    assert _pull(urls["viewer"], tmp_path) == SAMPLE_DATA


def test_joins_and_leaves_are_logged_one_line_each_without_the_key(server, tmp_path):
    urls = _push(server)
    room = re.search(r"/[\w-]+(?=\?)", urls["viewer"]).group(0)
    _pull(urls["viewer"], tmp_path)
    server.wait_for(f"leave {room}")
    lines = server.log.read_text().splitlines()
    assert sum(line.startswith(f"cxdesigner serve: join {room} ") for line in lines) == 1
    assert urls["viewer"].split("key=")[1] not in server.log.read_text()


def test_push_to_no_server_is_one_line_and_exit_2():
    done = _cli("push", str(SAMPLE), "http://127.0.0.1:9", ok=False)
    assert done.returncode == 2
    assert done.stderr.startswith("cxdesigner push: cannot reach http://127.0.0.1:9")
    assert done.stderr.count("\n") == 1


# ------------------------------------------------------------------ durability
def test_an_edit_relayed_before_kill_9_is_there_after_a_restart(tmp_path):
    first = _start(tmp_path)
    try:
        urls = _push(first)
        watcher = subprocess.Popen([sys.executable, str(PEER), "watch", urls["viewer"],
                                    "After the crash"], stdout=subprocess.PIPE, text=True)
        try:
            assert json.loads(watcher.stdout.readline()) == {"ready": True}
            _peer("edit", urls["facilitator"], "stage", "After the crash")
            # Relayed to the watcher means written first: the server's acknowledgement.
            assert json.loads(watcher.stdout.readline()) == {"seen": True}
        finally:
            watcher.kill()
            watcher.wait(WAIT)
            watcher.stdout.close()
        first.stop(signal.SIGKILL)
    finally:
        first.stop(signal.SIGKILL)
    second = _start(tmp_path, "restarted.log")
    try:
        pulled = _pull(urls["viewer"].replace(first.url, second.url), tmp_path)
        assert "After the crash" in _titles(pulled)
    finally:
        second.stop()
