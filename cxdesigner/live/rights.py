"""What each key of a room may write (``docs/collaboration.md``, "Security model").

The server never trusts a page: every update a client sends is first applied to the
room's *shadow*, a second ``Doc`` that has received every update the room accepted,
while a deep observer on ``cxmap`` records what changed.  The changes are then judged
against the sender's role; a refused update leaves the shadow dirty, so whoever holds
the shadow rebuilds it from the room (``Shadow.rebuild``: rare, only after a refusal).

- facilitator: anything (the update must still decode, and the map keep the file
  limits of ``fileformat/limits.py``);
- participant: only new notes (``NEW_NOTE_FIELDS``), each with at most one ``about``
  link to an existing touchpoint, and ballot entries of the open round within its dots;
  so never a lane, nor a touchpoint's cells or marks (a lane node is not a note; a cell
  is a change inside a touchpoint);
- viewer: nothing that changes the document.

No Qt and no networking here: the rules are tested directly (``tests/test_live_rights.py``).
"""

from __future__ import annotations

import json
import math
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Doc, Map, get_update

from ..fileformat.limits import MAX_EDGES, MAX_NODES
from .rooms import ROLES
from .ydoc import EDGES, NODES, ROOT

FACILITATOR, PARTICIPANT, VIEWER = ROLES
ROUND, BALLOTS = "round", "ballots"

# The page's three kinds ("insight" it calls "Idea"); the editor's other kinds are not
# the participants' to write.
PARTICIPANT_NOTE_KINDS = ("pain_point", "opportunity", "insight")
NEW_NOTE_FIELDS = {"kind", "note_kind", "title", "description"}
MAX_TITLE, MAX_DESCRIPTION = 200, 2000
VOTER = re.compile(r"[A-Za-z0-9_-]{16,128}")
MAX_BALLOTS = MAX_NODES


@dataclass
class Writer:
    """One connection's role, and the voter id it first wrote a ballot as: a connection
    votes as one voter only, so a page cannot fill ballots for many made-up voters."""

    role: str
    voter: str | None = None


@dataclass
class _Seen:
    events: list[tuple[list[Any], dict[str, dict[str, Any]] | None]] = field(
        default_factory=list)


class Refused(Exception):
    """An update its sender may not write; the message says why, in one line."""


class Shadow:
    """The room's document as accepted so far, to try updates on."""

    def __init__(self, state: bytes) -> None:
        self.rebuild(state)

    def rebuild(self, state: bytes) -> None:
        """Start again from the room's whole state (after a refusal left changes here
        that the room never got)."""
        self.doc: Doc = Doc()
        self.doc.apply_update(state)
        self._seen = _Seen()
        # Both kept: the subscription ends when the Map object holding it is collected.
        self._root = self.doc.get(ROOT, type=Map)
        self._subscription = self._root.observe_deep(self._record)

    def _record(self, events: list[Any]) -> None:
        # Inside the commit: keep only paths and key actions, read values afterwards.
        for event in events:
            keys = getattr(event, "keys", None)
            self._seen.events.append((list(event.path), dict(keys) if isinstance(
                keys, dict) else None))

    def admit(self, update: bytes, writer: Writer) -> bool:
        """Apply ``update`` here if ``writer`` may send it, and say whether it changed
        anything; else raise ``Refused`` (and the shadow must be rebuilt)."""
        self._seen = _Seen()
        roots = set(self.doc.keys())
        state = _vector(self.doc.get_state())
        try:
            self.doc.apply_update(update)
        except Exception:  # pycrdt raises ValueError for bytes that are no update
            raise Refused("not a Yjs update") from None
        except BaseException as exc:  # a panic in yrs is pyo3's PanicException
            if type(exc).__name__ != "PanicException":
                raise
            raise Refused("not a Yjs update (the engine gave up on it)") from None
        changed = bool(self._seen.events or set(self.doc.keys()) - roots
                       or _vector(self.doc.get_state()) != state)
        if writer.role != FACILITATOR:
            if set(self.doc.keys()) - roots:
                raise Refused("writes outside the map")
            _no_pending(self.doc, update)
            if writer.role == VIEWER:
                if changed:
                    raise Refused("a viewer writes nothing")
            else:
                _participant(self.doc.get(ROOT, type=Map), self._seen.events, writer)
        _limits(self.doc.get(ROOT, type=Map))
        return changed


# ------------------------------------------------------------------ the checks
def _no_pending(doc: Doc, update: bytes) -> None:
    """Refuse what the shadow could not place: structs that wait for missing ones, and
    deletions of items it does not have yet.  Yjs keeps those pending and applies them
    when the items arrive, so a deletion of a *future* item (its id is guessable)
    would delete what the facilitator writes next without any change showing now."""
    state = _vector(doc.get_state())
    rest = get_update(update, doc.get_state())  # what did not integrate, + the deletions
    if not rest or rest[0] != 0:
        raise Refused("depends on changes the room does not have")
    reader = _Reader(rest, 1)
    for _ in range(reader.uint()):
        client = reader.uint()
        for _ in range(reader.uint()):
            clock, length = reader.uint(), reader.uint()
            if clock + length > state.get(client, 0):
                raise Refused("deletes what the room does not have")


def check_state(state: bytes) -> None:
    """Refuse a sync step 1 whose state vector does not decode, before the room reads it."""
    reader = _Reader(state, 0)
    for _ in range(reader.uint()):
        reader.uint(), reader.uint()
    if reader.at != len(state):
        raise Refused("not a state vector")


def _vector(state: bytes) -> dict[int, int]:
    reader = _Reader(state, 0)
    return {reader.uint(): reader.uint() for _ in range(reader.uint())}


class _Reader:
    """lib0's unsigned varints, all a state vector and a delete set are made of."""

    def __init__(self, data: bytes, at: int) -> None:
        self.data, self.at = data, at

    def uint(self) -> int:
        value = shift = 0
        while True:
            if self.at >= len(self.data) or shift > 63:
                raise Refused("not a Yjs update")
            byte = self.data[self.at]
            self.at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value


def _participant(root: Map, events: list, writer: Writer) -> None:
    notes: list[str] = []
    edges: list[str] = []
    ballots: set[str] = set()
    for path, keys in events:
        if keys is None:  # an Array or Text changed: stage order, text, ...
            raise Refused("changes the map's structure")
        for key, change in keys.items():
            action = change.get("action")
            if path == [NODES] and action == "add":
                notes.append(key)
            elif path == [EDGES] and action == "add":
                edges.append(key)
            elif path == [] and key == BALLOTS and action == "add":
                value = root.get(BALLOTS)
                ballots.update(value.keys() if isinstance(value, Map) else [""])
            elif path == [BALLOTS] and action in ("add", "update"):
                ballots.add(key)
            elif len(path) == 2 and path[0] == BALLOTS:
                ballots.add(str(path[1]))
            else:
                where = "/".join(str(p) for p in [*path, key])
                raise Refused(f"may not {action or 'change'} {where!s:.80}")
    nodes = root.get(NODES)
    for note in notes:
        _new_note(nodes, note)
    linked: set[str] = set()
    for key in edges:
        linked.add(_about_edge(root, nodes, key, notes, linked))
    if ballots:
        _ballots(root, nodes, ballots, writer)


def _new_note(nodes: Map, note: str) -> None:
    try:
        fresh = str(uuid.UUID(note, version=4)) == note
    except ValueError:
        fresh = False
    if not fresh:
        raise Refused("a note's id must be a new uuid4")
    value = nodes[note]
    if not isinstance(value, Map):
        raise Refused("a note must be a map")
    fields = dict(value.items())
    if not set(fields) <= NEW_NOTE_FIELDS or fields.get("kind") != "note":
        raise Refused("may add only notes (kind, note_kind, title, description)")
    if fields.get("note_kind") not in PARTICIPANT_NOTE_KINDS:
        raise Refused("a note's kind must be pain_point, opportunity or insight")
    title, description = fields.get("title"), fields.get("description", "")
    if not isinstance(title, str) or not 1 <= len(title) <= MAX_TITLE:
        raise Refused(f"a note's title must be 1 to {MAX_TITLE} characters")
    if not isinstance(description, str) or len(description) > MAX_DESCRIPTION:
        raise Refused(f"a note's description must be at most {MAX_DESCRIPTION} characters")


def _about_edge(root: Map, nodes: Map, key: str, notes: list[str], linked: set[str]) -> str:
    try:
        pair = json.loads(key)
    except ValueError:
        pair = None
    if not (isinstance(pair, list) and len(pair) == 2 and pair[0] in notes
            and pair[0] not in linked and root[EDGES][key] == "about"):
        raise Refused("may link only a new note, once, to a touchpoint (about)")
    target = nodes.get(pair[1]) if isinstance(pair[1], str) else None
    if not isinstance(target, Map) or target.get("kind") != "touchpoint":
        raise Refused("a note may be about an existing touchpoint only")
    return pair[0]


def _ballots(root: Map, nodes: Map, keys: set[str], writer: Writer) -> None:
    vote = root.get(ROUND)
    round_id = vote.get("id") if isinstance(vote, Map) else None
    dots = vote.get("dots") if isinstance(vote, Map) else None
    if not (isinstance(round_id, str) and round_id and vote.get("open") is True
            and _whole(dots) is not None):
        raise Refused("no round of dot voting is open")
    ballots = root[BALLOTS]
    if len(ballots) > MAX_BALLOTS:
        raise Refused("too many ballots")
    for key in keys:
        prefix, _, voter = key.partition("/")
        if prefix != round_id or not VOTER.fullmatch(voter):
            raise Refused("a ballot must be '<open round id>/<voter id>'")
        if writer.voter not in (None, voter):
            raise Refused("a connection votes as one voter")
        ballot = ballots[key]
        if not isinstance(ballot, Map):
            raise Refused("a ballot must be a map of note id to dots")
        spent = 0
        for note, given in ballot.items():
            target = nodes.get(note)
            count = _whole(given)
            if not isinstance(target, Map) or target.get("kind") != "note":
                raise Refused("a ballot may give dots to notes only")
            if count is None or count < 1:
                raise Refused("dots are whole numbers of at least 1")
            spent += count
        if spent > _whole(dots):
            raise Refused(f"a ballot spends {spent} dots; the round gives {_whole(dots)}")
        writer.voter = voter


def _whole(value: Any) -> int | None:
    # Yjs numbers are doubles: 2.0 is 2; True is no number here.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        return None
    return int(value)


def _limits(root: Map) -> None:
    nodes, edges = root.get(NODES), root.get(EDGES)
    if isinstance(nodes, Map) and len(nodes) > MAX_NODES:
        raise Refused(f"a map holds at most {MAX_NODES:,} elements")
    if isinstance(edges, Map) and len(edges) > MAX_EDGES:
        raise Refused(f"a map holds at most {MAX_EDGES:,} links")
