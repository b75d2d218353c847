"""The room's dot-voting round (the shared contract's ``round`` and ``ballots`` keys
of the ``cxmap`` root), as the facilitator's editor reads and writes it.

- ``round``: ``Y.Map`` ``{id: str, open: bool, dots: number}``, written by the editor
  only (a facilitator's key); ``id`` is new for each round.
- ``ballots``: ``"<round id>/<voter id>"`` -> ``Y.Map`` of note id -> dots (a whole
  number >= 1), written by the participants' page; a ballot spends at most
  ``round.dots``.

The server enforces the participants' limits; the tally is still defensive (a ballot
over the limit or with a malformed entry counts for nothing), as any reader of a shared
document must be.  These functions touch the ``Doc`` of the thread that calls them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from pycrdt import Doc, Map

from .ydoc import root_of

ROUND, BALLOTS = "round", "ballots"
MAX_DOTS = 99  # a round's dots per voter: more is a mistake, not a workshop


@dataclass(frozen=True)
class Round:
    id: str
    open: bool
    dots: int


def current(doc: Doc) -> Round:
    """The room's round (``Round("", False, 0)`` when there never was one)."""
    value = root_of(doc).get(ROUND)
    if not isinstance(value, Map):
        return Round("", False, 0)
    rid, is_open, dots = value.get("id"), value.get("open"), value.get("dots")
    return Round(rid if isinstance(rid, str) else "", is_open is True,
                 _whole(dots) or 0)


def open_round(doc: Doc, dots: int) -> Round:
    """Start a new round of ``dots`` per voter (a new id: earlier ballots do not count)."""
    if not 1 <= dots <= MAX_DOTS:
        raise ValueError(f"a round has 1 to {MAX_DOTS} dots per voter (got {dots})")
    new = Round(secrets.token_urlsafe(12), True, dots)
    root = root_of(doc)
    with doc.transaction():
        value = root.get(ROUND)
        if not isinstance(value, Map):
            root[ROUND] = Map({"id": new.id, "open": True, "dots": float(dots)})
        else:
            value["id"], value["open"], value["dots"] = new.id, True, float(dots)
        if not isinstance(root.get(BALLOTS), Map):
            root[BALLOTS] = Map()
    return new


def close_round(doc: Doc) -> None:
    value = root_of(doc).get(ROUND)
    if isinstance(value, Map) and value.get("open") is not False:
        value["open"] = False


def tallies(doc: Doc, round_id: str, dots: int) -> dict[str, int]:
    """Note id -> the dots the round's ballots gave it."""
    if not round_id:
        return {}
    ballots = root_of(doc).get(BALLOTS)
    if not isinstance(ballots, Map):
        return {}
    prefix = round_id + "/"
    out: dict[str, int] = {}
    for key, ballot in ballots.items():
        if not key.startswith(prefix) or not isinstance(ballot, Map):
            continue
        given = {note: _whole(n) for note, n in ballot.items()}
        if any(n is None or n < 1 for n in given.values()) or sum(given.values()) > dots:
            continue  # not a ballot the contract allows: it counts for nothing
        for note, n in given.items():
            out[note] = out.get(note, 0) + n
    return out


def _whole(value: Any) -> int | None:
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer() and abs(value) <= 2 ** 53:
        return int(value)
    return None
