"""Scoring and ranking of the notes a plan acts on: pain points, weaknesses, threats
and opportunities.  Pure functions of the document; every score explains itself.

Methods (the document's ``scoring_method``):

* ``impact_effort``: impact / effort.  Needs impact and effort.
* ``ice``: impact x confidence x ease, where ease = 6 - effort.  Needs all three.
* ``rice``: reach x impact x (confidence / 5) / effort.  Needs all four.
* ``votes``: the number of votes.  Always scored.
* ``weighted``: 0.35 impact + 0.25 ease + 0.15 reach + 0.10 confidence + 0.15 votes,
  each on a 1..5 scale (votes scaled against the most-voted note of the map).  Needs
  impact and effort; a missing reach or confidence counts as 3 and is flagged.

Ranking order (ties broken in this order, so the result is deterministic): scored
before unscored; higher score; more votes; higher impact; lower effort; earlier in the
journey (map-wide notes first, then by stage, then by touchpoint in journey order);
title; id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from . import schema as S

if TYPE_CHECKING:
    import networkx as nx


class JourneyReader(Protocol):
    """What scoring reads of a map (``JourneyMap`` has it).  The journey keeps a
    ranking built from this module's scores, so this module names only the reading
    it needs, and the import runs one way: ``journey`` -> ``scoring``."""

    @property
    def graph(self) -> "nx.DiGraph": ...
    @property
    def document(self) -> Mapping[str, Any]: ...
    def get(self, node_id: str) -> Mapping[str, Any]: ...
    def ids(self, kind: str) -> list[str]: ...
    def stages(self) -> list[str]: ...
    def touchpoints_in(self, stage: str) -> list[str]: ...
    def target_of(self, note: str) -> str | None: ...
    def ranked_scores(self, method: str | None = None) -> list["Score"]: ...
    def max_votes(self) -> int: ...

RANKED_KINDS = ("pain_point", "weakness", "threat", "opportunity")
METHODS = S.SCORING_METHODS
NEUTRAL = 3
WEIGHTS = {"impact": 0.35, "ease": 0.25, "reach": 0.15, "confidence": 0.10, "votes": 0.15}
_NEEDS = {
    "impact_effort": ("impact", "effort"),
    "ice": ("impact", "confidence", "effort"),
    "rice": ("reach", "impact", "confidence", "effort"),
    "votes": (),
    "weighted": ("impact", "effort"),
}


@dataclass(frozen=True)
class Score:
    note: str
    method: str
    value: float | None  # None: unscored
    inputs: dict[str, int | None]
    formula: str  # how the value was computed, in words and numbers
    flags: tuple[str, ...] = ()
    rank: int = 0  # 1-based, set by rank()

    @property
    def scored(self) -> bool:
        return self.value is not None

    def as_dict(self) -> dict:
        return {"note": self.note, "rank": self.rank, "method": self.method,
                "score": None if self.value is None else round(self.value, 4),
                "inputs": dict(self.inputs), "formula": self.formula,
                "flags": list(self.flags)}


def rankable(journey: JourneyReader) -> list[str]:
    return [n for n in journey.ids(S.NOTE) if journey.get(n)["note_kind"] in RANKED_KINDS]


def score(journey: JourneyReader, note: str, method: str | None = None,
          max_votes: int | None = None) -> Score:
    method = method or journey.document["scoring_method"]
    if method not in _NEEDS:
        raise ValueError(f"Unknown scoring method {method!r}; choose one of: "
                         f"{', '.join(METHODS)}.")
    attrs = journey.get(note)
    inputs = {k: attrs[k] for k in ("impact", "effort", "reach", "confidence", "votes")}
    missing = [k for k in _NEEDS[method] if inputs[k] is None]
    if missing:
        return Score(note, method, None, inputs, "not scored",
                     (f"unscored: no {', '.join(missing)}",))
    impact, effort, reach, confidence, votes = (inputs[k] for k in
                                                ("impact", "effort", "reach", "confidence",
                                                 "votes"))
    flags: list[str] = []
    if method == "impact_effort":
        value = impact / effort
        formula = f"impact {impact} / effort {effort} = {value:.2f}"
    elif method == "ice":
        ease = 6 - effort
        value = float(impact * confidence * ease)
        formula = f"impact {impact} x confidence {confidence} x ease {ease} = {value:g}"
    elif method == "rice":
        value = reach * impact * (confidence / 5) / effort
        formula = (f"reach {reach} x impact {impact} x confidence {confidence}/5 "
                   f"/ effort {effort} = {value:.2f}")
    elif method == "votes":
        value = float(votes)
        formula = f"{votes} votes"
    else:
        if reach is None:
            reach = NEUTRAL
            flags.append("reach assumed 3")
        if confidence is None:
            confidence = NEUTRAL
            flags.append("confidence assumed 3")
        top = max_votes if max_votes is not None else _max_votes(journey)
        scaled = 1 + 4 * votes / top if top else 1.0
        ease = 6 - effort
        value = (WEIGHTS["impact"] * impact + WEIGHTS["ease"] * ease
                 + WEIGHTS["reach"] * reach + WEIGHTS["confidence"] * confidence
                 + WEIGHTS["votes"] * scaled)
        formula = (f"0.35 x impact {impact} + 0.25 x ease {ease} + 0.15 x reach {reach} + "
                   f"0.10 x confidence {confidence} + 0.15 x votes {scaled:.2f} = {value:.2f}")
    return Score(note, method, value, inputs, formula, tuple(flags))


def rank(journey: JourneyReader, method: str | None = None,
         notes: list[str] | None = None) -> list[Score]:
    """The rankable notes (or the given ones) best first, each with its 1-based rank.

    All of them come from the journey's ranking index, which an edit updates where it
    changed something (``ranking.py``); given notes are scored and sorted here.
    """
    if notes is None and (method or journey.document["scoring_method"]) in _NEEDS:
        return journey.ranked_scores(method)
    notes = rankable(journey) if notes is None else notes
    top = _max_votes(journey)
    scores = [score(journey, n, method, top) for n in notes]
    position = _journey_position(journey)
    nodes = journey.graph.nodes

    def key(s: Score):
        a = nodes[s.note]
        return (not s.scored, -(s.value or 0.0), -a["votes"], -(a["impact"] or 0),
                a["effort"] if a["effort"] is not None else 6, position.get(s.note, (9, 0)),
                a["title"], s.note)

    ordered = sorted(scores, key=key)
    return [Score(s.note, s.method, s.value, s.inputs, s.formula, s.flags, i)
            for i, s in enumerate(ordered, 1)]


def _max_votes(journey: JourneyReader) -> int:
    return journey.max_votes()


def _journey_position(journey: JourneyReader) -> dict[str, tuple[int, int]]:
    """Where each note sits along the journey: (0, 0) map-wide, then (stage, place)."""
    place: dict[str, tuple[int, int]] = {}
    for s, stage in enumerate(journey.stages(), 1):
        place[stage] = (s, 0)
        for t, tp in enumerate(journey.touchpoints_in(stage), 1):
            place[tp] = (s, t)
    out = {}
    for note in journey.ids(S.NOTE):
        target = journey.target_of(note)
        out[note] = (0, 0) if target is None else place.get(target, (9, 0))
    return out

