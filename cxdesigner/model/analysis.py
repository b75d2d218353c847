"""Graph analysis of a journey: the paths customers take, the moments of truth, and
the places where the map is incomplete.  Pure NetworkX over the flows; no Qt.

* entry touchpoints: those no flow leads into (or, if every touchpoint has one, the
  first of the first stage that has any);
* paths: simple paths along flows from an entry to a touchpoint of the last stage that
  has touchpoints, shortest first, at most ``max_paths``;
* moments of truth: the touchpoints with the lowest emotion (-1 or below) for the
  persona, and those carrying the most pain (pain points, weaknesses and threats,
  each weighing its impact, or 3 when unscored);
* dead ends: touchpoints with no way forward before the last stage;
* unreachable touchpoints: not reachable from any entry;
* empty stages: stages with no touchpoint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import networkx as nx

from . import schema as S
from .journey import JourneyMap

PAIN_KINDS = ("pain_point", "weakness", "threat")


@dataclass(frozen=True)
class Finding:
    kind: str  # low_emotion, pain_hotspot, dead_end, unreachable, empty_stage
    element: str
    message: str
    value: float | None = None

    def as_dict(self) -> dict:
        return {"kind": self.kind, "element": self.element, "message": self.message,
                "value": self.value}


@dataclass
class Analysis:
    entries: list[str] = field(default_factory=list)
    paths: list[list[str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


def flow_graph(journey: JourneyMap) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(journey.journey_order())
    g.add_edges_from(journey.flows())
    return g


def analyze(journey: JourneyMap, persona: str = S.GENERAL, max_paths: int = 20,
            hotspots: int = 3) -> Analysis:
    g = flow_graph(journey)
    order = list(g.nodes)
    result = Analysis()
    if not order:
        result.findings = _empty_stages(journey)
        return result
    entries = [t for t in order if g.in_degree(t) == 0] or order[:1]
    result.entries = entries
    stages = [s for s in journey.stages() if journey.touchpoints_in(s)]
    last = set(journey.touchpoints_in(stages[-1]))
    paths = []
    for entry in entries:
        targets = [t for t in last if t != entry]
        if entry in last:
            paths.append([entry])
        if targets:
            paths += islice(nx.all_simple_paths(g, entry, targets), max_paths)
    rank = {t: i for i, t in enumerate(order)}
    paths.sort(key=lambda p: (len(p), [rank[t] for t in p]))
    result.paths = paths[:max_paths]
    findings: list[Finding] = []
    findings += _low_emotions(journey, order, persona)
    findings += _pain_hotspots(journey, order, hotspots)
    for t in order:
        if g.out_degree(t) == 0 and t not in last:
            findings.append(Finding("dead_end", t, f"{_name(journey, t)} leads nowhere "
                                    "before the last stage."))
    reached = set(entries)
    for entry in entries:
        reached |= nx.descendants(g, entry)
    for t in order:
        if t not in reached:
            findings.append(Finding("unreachable", t, f"No flow leads to {_name(journey, t)} "
                                    "from the start of the journey."))
    result.findings = findings + _empty_stages(journey)
    return result


def _low_emotions(journey: JourneyMap, order: list[str], persona: str) -> list[Finding]:
    """Touchpoints felt at -1 or below, the lowest first (journey order within)."""
    felt = [(journey.emotion(t, persona), i, t) for i, t in enumerate(order)]
    low = sorted((v, i, t) for v, i, t in felt if v is not None and v <= -1)
    return [Finding("low_emotion", t, f"{_name(journey, t)}: the customer feels {v:+d}.", v)
            for v, _, t in low]


def _pain_hotspots(journey: JourneyMap, order: list[str], count: int) -> list[Finding]:
    weights = []
    for t in order:
        weight = 0
        for note in journey.notes_on(t):
            attrs = journey.get(note)
            if attrs["note_kind"] in PAIN_KINDS:
                weight += attrs["impact"] if attrs["impact"] is not None else 3
        if weight:
            weights.append((weight, t))
    position = {t: i for i, t in enumerate(order)}
    weights.sort(key=lambda w: (-w[0], position[w[1]]))
    return [Finding("pain_hotspot", t, f"{_name(journey, t)} carries pain weighing {w}.",
                    float(w)) for w, t in weights[:count]]


def _empty_stages(journey: JourneyMap) -> list[Finding]:
    return [Finding("empty_stage", s, f"Stage {_name(journey, s)} has no touchpoints.")
            for s in journey.stages() if not journey.touchpoints_in(s)]


def _name(journey: JourneyMap, element: str) -> str:
    return repr(journey.title(element)) if journey.title(element) else element
