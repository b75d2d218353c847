"""The ranking of the notes a plan acts on, kept sorted between edits.

``scoring.rank`` defines the order (scored first, higher score, more votes, higher
impact, lower effort, earlier in the journey, title, id).  Sorting every rankable note
again after each edit cost O(n log n) plus a walk of the whole journey for the
positions; here each scoring method asked for keeps its sort keys in one sorted list,
and an edit only marks the notes it may have moved ("dirty"): the next query re-scores
those and moves their keys by bisection, O(changed x log n).

What marks a note (see ``Indexes.apply``): a change to one of its ``SCORE_KEYS``, being
added, removed or re-attached, its touchpoint moving or changing stage, its stage
changing place in the order.  The ``weighted`` method scales votes against the most
voted note of the map, so when that maximum changes every weighted score changes and
that method's list is rebuilt.

Each method also logs the notes it re-placed, so a reader that follows the ranking
(``plan.PlanIndex``) asks ``changes`` for what moved since it last looked instead of
walking every note again.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from .scoring import METHODS, RANKED_KINDS, JourneyReader, Score, score


class NoteIndex(Protocol):
    """What the ranking reads of the map's indexes (``indexes.Indexes``, which makes
    and keeps the ranking, has it; named here so the import runs one way)."""

    _nodes: Mapping[str, Mapping[str, Any]]
    note_kinds: Mapping[str, Mapping[str, None]]

    def position(self, note: str) -> tuple: ...

# Fields of a note that its score or its place among equal scores depend on.
LISTING_PATCH = 256  # a ranked list patched in place for moves within this many places
SCORE_KEYS = frozenset({"impact", "effort", "reach", "confidence", "votes", "title",
                        "note_kind"})


def sort_key(s: Score, attrs: Mapping[str, Any], position: tuple) -> tuple:
    """``scoring.rank``'s order, the note's id last so every key is unique."""
    return (not s.scored, -(s.value or 0.0), -attrs["votes"], -(attrs["impact"] or 0),
            attrs["effort"] if attrs["effort"] is not None else 6, position,
            attrs["title"], s.note)


# The most notes a method's log holds before it is emptied: a reader that has not
# looked since then starts again from the keys (as after a build).
LOG_MAX = 4096


class Ranked:
    """One method's ranking: sorted keys, each note's key and score, the dirty notes,
    and the log of the notes re-placed since it was built (``cut``: how many times the
    log was emptied).  Readers (``Ranking.changes``) treat it as read-only."""

    __slots__ = ("method", "top", "keys", "key_of", "score_of", "dirty", "listing",
                 "log", "cut")

    def __init__(self, method: str, top: int) -> None:
        self.method = method
        self.top = top  # the most votes when built: the weighted scale
        self.keys: list[tuple] = []
        self.key_of: dict[str, tuple] = {}
        self.score_of: dict[str, Score] = {}
        self.dirty: set[str] = set()
        self.listing: list[Score] | None = None  # the ranked scores, until an edit
        self.log: list[str] = []
        self.cut = 0


class Ranking:
    def __init__(self, indexes: NoteIndex) -> None:
        self._ix = indexes
        self._methods: dict[str, Ranked] = {}
        # Votes of the rankable notes as value -> how many, and the values sorted, so
        # the weighted scale (the most votes) is read in O(1) after any edit.
        self._vote_counts: dict[int, int] = {}
        self._vote_values: list[int] = []
        nodes = indexes._nodes
        for kind in RANKED_KINDS:
            for note in indexes.note_kinds[kind]:
                self._count_vote(nodes[note]["votes"], 1)

    # -------------------------------------------------------------- updating
    def touch(self, notes: Iterable[str]) -> None:
        if self._methods:
            notes = tuple(notes)
            for ranked in self._methods.values():
                ranked.dirty.update(notes)

    def votes_changed(self, note: str, old: Mapping[str, Any] | None,
                      new: Mapping[str, Any] | None) -> None:
        """A note's votes or kind changed (``None``: it was added, or removed)."""
        if old is not None and old["note_kind"] in RANKED_KINDS:
            self._count_vote(old["votes"], -1)
        if new is not None and new["note_kind"] in RANKED_KINDS:
            self._count_vote(new["votes"], 1)

    def _count_vote(self, votes: int, step: int) -> None:
        counts = self._vote_counts
        n = counts.get(votes, 0) + step
        if n:
            if votes not in counts:
                insort(self._vote_values, votes)
            counts[votes] = n
        else:
            del counts[votes]
            del self._vote_values[bisect_left(self._vote_values, votes)]

    # --------------------------------------------------------------- reading
    def max_votes(self) -> int:
        return self._vote_values[-1] if self._vote_values else 0

    def scores(self, journey: JourneyReader, method: str) -> list[Score]:
        """The rankable notes best first, each ``Score`` with its 1-based rank.  The
        list is shared until the next edit: copy it before changing it."""
        ranked = self._current(journey, method)
        listing = ranked.listing
        if listing is None:
            score_of = ranked.score_of
            listing = ranked.listing = [_with_rank(score_of[key[-1]], i)
                                        for i, key in enumerate(ranked.keys, 1)]
        return listing

    def notes(self, journey: JourneyReader, method: str) -> list[str]:
        return [key[-1] for key in self._current(journey, method).keys]

    def sort_keys(self, journey: JourneyReader, method: str) -> Mapping[str, tuple]:
        """Each ranked note's sort key (its order among all, best least), valid until
        the next edit: sorting a few notes by these costs nothing per other note."""
        return self._current(journey, method).key_of

    def rank_of(self, journey: JourneyReader, note: str, method: str) -> int | None:
        """The note's 1-based rank, by bisection; ``None`` if it is not ranked."""
        ranked = self._current(journey, method)
        key = ranked.key_of.get(note)
        return None if key is None else bisect_left(ranked.keys, key) + 1

    def score_of(self, journey: JourneyReader, note: str, method: str) -> Score | None:
        """The note's score (rank not set), ``None`` if it is not ranked."""
        return self._current(journey, method).score_of.get(note)

    def changes(self, journey: JourneyReader, method: str,
                mark: tuple | None) -> tuple[tuple, Ranked, list[str] | None]:
        """What moved in ``method``'s ranking since ``mark`` (given by an earlier call;
        ``None`` the first time): the new mark, the ranking, and the notes re-placed
        since (re-scored, moved along the journey, added or removed; a note may come
        more than once), or ``None`` when they are not known (the ranking was built
        again, or its log emptied): the reader then starts again from ``keys``."""
        ranked = self._current(journey, method)
        notes = None
        if mark is not None and mark[0] is ranked and mark[1] == ranked.cut:
            notes = ranked.log[mark[2]:]
        return (ranked, ranked.cut, len(ranked.log)), ranked, notes

    def _current(self, journey: JourneyReader, method: str) -> Ranked:
        if method not in METHODS:
            raise ValueError(f"Unknown scoring method {method!r}; choose one of: "
                             f"{', '.join(METHODS)}.")
        ranked = self._methods.get(method)
        top = self.max_votes()
        if (ranked is None or (method == "weighted" and ranked.top != top)
                or len(ranked.dirty) * 4 > len(ranked.keys) + 64):
            ranked = self._methods[method] = self._build(journey, method, top)
        elif ranked.dirty:
            self._refresh(journey, ranked)
        return ranked

    def _build(self, journey: JourneyReader, method: str, top: int) -> Ranked:
        ranked = Ranked(method, top)
        nodes, position = self._ix._nodes, self._ix.position
        for kind in RANKED_KINDS:
            for note in self._ix.note_kinds[kind]:
                s = score(journey, note, method, top)
                ranked.score_of[note] = s
                ranked.key_of[note] = sort_key(s, nodes[note], position(note))
        ranked.keys = sorted(ranked.key_of.values())
        return ranked

    def _refresh(self, journey: JourneyReader, ranked: Ranked) -> None:
        nodes, position, keys = self._ix._nodes, self._ix.position, ranked.keys
        # The span of places the moves went through: ranks outside it are unchanged.
        lo, hi, removed, inserted = len(keys), -1, 0, 0
        for note in ranked.dirty:
            old = ranked.key_of.pop(note, None)
            if old is not None:
                i = bisect_left(keys, old)
                del keys[i]
                lo, hi, removed = min(lo, i), max(hi, i), removed + 1
                del ranked.score_of[note]
            attrs = nodes.get(note)
            if attrs is not None and attrs["note_kind"] in RANKED_KINDS:
                s = score(journey, note, ranked.method, ranked.top)
                key = sort_key(s, attrs, position(note))
                i = bisect_left(keys, key)
                keys.insert(i, key)
                lo, hi, inserted = min(lo, i), max(hi, i), inserted + 1
                ranked.score_of[note] = s
                ranked.key_of[note] = key
        log = ranked.log
        if len(log) + len(ranked.dirty) > LOG_MAX:
            log.clear()
            ranked.cut += 1
        log += ranked.dirty
        ranked.dirty.clear()
        listing = ranked.listing
        if listing is None or hi < 0:
            return
        # The ranked list is kept for whoever asks for every score (exports, the
        # matrix's first build): patched when the moves stayed close, else dropped and
        # made again when asked for, rather than re-ranking thousands at each edit.
        if inserted != removed or hi - lo > LISTING_PATCH:
            ranked.listing = None
            return
        score_of = ranked.score_of
        # As many keys went in as came out: a key that was past hi + removed before
        # was never shifted past by a move, so it kept its place and its Score.
        for i in range(lo, min(hi + removed + 1, len(keys))):
            new = _with_rank(score_of[keys[i][-1]], i + 1)
            if listing[i] != new:
                listing[i] = new


def _with_rank(s: Score, rank: int) -> Score:
    return Score(s.note, s.method, s.value, s.inputs, s.formula, s.flags, rank)
