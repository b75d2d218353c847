"""Graph analysis of a journey: the paths customers take, the moments of truth, and
the places where the map is incomplete.  Plain Python over the flows; no Qt.

* entry touchpoints: those no flow leads into (or, if every touchpoint has one, the
  first of the first stage that has any);
* paths: simple paths along flows from an entry to a touchpoint of the last stage that
  has touchpoints (a path may go on past one such touchpoint to another);
* moments of truth: the touchpoints with the lowest emotion (-1 or below) for the
  persona, and those carrying the most pain (pain points, weaknesses and threats,
  each weighing its impact, or 3 when unscored);
* dead ends: touchpoints with no way forward before the last stage;
* unreachable touchpoints: not reachable from any entry;
* empty stages: stages with no touchpoint.

Each kind of finding lists at most ``MAX_FINDINGS`` (the first in journey order, the
lowest emotions first); ``finding_counts`` gives how many there are in all, so a map of
100,000 empty stages costs a count, not 100,000 messages nobody reads.

Every step is bounded, because a map within the file limits (200,000 elements,
1,000,000 links) must analyse in a second or two and the editor runs this on its UI
thread.  Counting every simple path is #P-hard and a dozen touchpoints all linked to
each other already have billions, so:

* ``path_count`` is computed by dynamic programming over the flows, linear in their
  number.  Where no loop of flows lies on the way from an entry to the end, it is the
  exact number of paths (``path_count_exact``).  Where loops do (``loops``), each group
  of touchpoints that loop into each other is counted as if it could be crossed only
  once from each way in to each way out, so the count is a true lower bound ("at
  least N"), never a guess.  Above ``COUNT_CAP`` it stops growing and is a lower
  bound too.
* ``paths`` lists at most ``max_paths`` paths, shortest first (equal lengths in
  journey order), found by a best-first search guided by each touchpoint's distance
  to the end, which never enters a branch that cannot reach the end and, with no
  loops on the way, walks straight to each next path.  ``paths_cut`` says that more
  paths may exist than are listed.  The search stops after ``budget`` steps
  (``search_stopped``, with the paths found so far): only loops that lead nowhere
  (every way on passes a touchpoint already on the path) or paths of tens of
  thousands of steps can use it up.

``cxdesigner analyze`` prints these numbers ("at least 169 paths, showing the 20
shortest") and docs/cli-json.md gives their JSON names.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from . import schema as S
from .gc_pause import collector_paused
from .journey import JourneyMap

PAIN_KINDS = ("pain_point", "weakness", "threat")
MAX_PATHS = 20
# Search steps for listing paths: more than the touchpoints a map can hold, so a loop-
# free map always lists its shortest path, and about half a second of work at most.
WORK_BUDGET = 250_000
# Path counts stop growing here (still an honest lower bound): past it the number
# means nothing to a reader, and capped integers keep the counting linear.
COUNT_CAP = 10 ** 18
# Findings listed per kind; the rest are counted (``Analysis.finding_counts``).
MAX_FINDINGS = 500


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
    path_count: int = 0  # exact when path_count_exact, else a lower bound
    path_count_exact: bool = True
    loops: bool = False  # flows loop somewhere between an entry and the end
    paths_cut: bool = False  # more paths may exist than ``paths`` lists
    search_stopped: bool = False  # the work budget ended the listing
    search_steps: int = 0
    finding_counts: dict[str, int] = field(default_factory=dict)  # all, listed or not

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def count_of(self, kind: str) -> int:
        """How many findings of ``kind`` there are, including those not listed."""
        return self.finding_counts.get(kind, 0)

    @property
    def finding_total(self) -> int:
        return sum(self.finding_counts.values())


@dataclass
class _Flows:
    """The flows as index lists (journey order), a dozen times faster than a DiGraph."""
    order: list[str]
    succ: list[list[int]]
    pred: list[list[int]]
    empty_stages: list[str]
    last_stage: list[str]  # the touchpoints of the last stage that has any


def _flows(journey: JourneyMap) -> _Flows:
    # journey_order(), but keeping what each stage holds: sorting a stage's touchpoints
    # is the slow part on a big map, so it is done once.
    order: list[str] = []
    empty: list[str] = []
    last: list[str] = []
    for stage in journey.stages():
        tps = journey.touchpoints_in(stage)  # the model's index, in reading order
        if tps:
            order += tps
            last = tps
        else:
            empty.append(stage)
    index = {t: i for i, t in enumerate(order)}
    succ: list[list[int]] = [[] for _ in order]
    pred: list[list[int]] = [[] for _ in order]
    flow = S.FLOW
    adjacency = journey.graph.succ  # cheaper per link than an out_edges view
    for iu, u in enumerate(order):
        for v, attrs in adjacency[u].items():
            if attrs.get("kind") == flow:
                iv = index.get(v)
                if iv is not None and iv != iu:
                    succ[iu].append(iv)
                    pred[iv].append(iu)
    return _Flows(order, succ, pred, empty, last)


def analyze(journey: JourneyMap, persona: str = S.GENERAL, max_paths: int = MAX_PATHS,
            hotspots: int = 3, budget: int = WORK_BUDGET) -> Analysis:
    # The index lists hold no cycles, but building a million of them would trigger
    # full collections that walk every object of a big map.
    with collector_paused():
        return _analyze(journey, persona, max_paths, hotspots, budget)


def _analyze(journey: JourneyMap, persona: str, max_paths: int, hotspots: int,
             budget: int) -> Analysis:
    flows = _flows(journey)
    order, succ, pred = flows.order, flows.succ, flows.pred
    n = len(order)
    result = Analysis()
    if not n:
        result.findings = _empty_stages(journey, flows.empty_stages, result)
        return result
    entries = [i for i in range(n) if not pred[i]] or [0]
    result.entries = [order[i] for i in entries]
    last_ids = set(flows.last_stage)
    target = bytearray(n)
    for i, t in enumerate(order):
        if t in last_ids:
            target[i] = 1
    reached = _reach(entries, succ, n)
    to_end = _distance_to(target, pred, n)
    # Only touchpoints on some way from an entry to the end matter to paths.
    useful = bytearray(1 if reached[i] and to_end[i] >= 0 else 0 for i in range(n))
    count, exact, comp, comp_size = _count_paths(entries, target, succ, useful, n)
    result.path_count, result.path_count_exact = count, exact
    result.loops = comp is not None
    found, finished, steps = _shortest_paths(entries, target, succ, to_end, useful, comp,
                                             comp_size, max_paths, budget)
    found.sort(key=lambda p: (len(p), p))  # indices are journey order
    result.paths = [[order[i] for i in p] for p in found]
    result.search_steps = steps
    result.search_stopped = not finished and len(found) < max_paths
    result.paths_cut = not finished or (exact and count > len(found))
    if not exact:
        # Paths found are paths that exist: a lower bound never says fewer than it lists.
        result.path_count = max(count, len(found))

    findings: list[Finding] = []
    findings += _low_emotions(journey, order, persona, result)
    hot = _pain_hotspots(journey, order, hotspots)
    _count(result, "pain_hotspot", len(hot))
    findings += hot
    dead = [i for i in range(n) if not succ[i] and not target[i]]
    _count(result, "dead_end", len(dead))
    findings += [Finding("dead_end", order[i], f"{_name(journey, order[i])} leads nowhere "
                         "before the last stage.") for i in dead[:MAX_FINDINGS]]
    lost = [i for i in range(n) if not reached[i]]
    _count(result, "unreachable", len(lost))
    findings += [Finding("unreachable", order[i], f"No flow leads to "
                         f"{_name(journey, order[i])} from the start of the journey.")
                 for i in lost[:MAX_FINDINGS]]
    result.findings = findings + _empty_stages(journey, flows.empty_stages, result)
    return result


def _count(result: Analysis, kind: str, count: int) -> None:
    if count:
        result.finding_counts[kind] = count


# ------------------------------------------------------------------ graph steps
def _reach(starts: list[int], succ: list[list[int]], n: int) -> bytearray:
    seen = bytearray(n)
    stack = list(starts)
    for s in starts:
        seen[s] = 1
    while stack:
        for w in succ[stack.pop()]:
            if not seen[w]:
                seen[w] = 1
                stack.append(w)
    return seen


def _distance_to(target: bytearray, pred: list[list[int]], n: int) -> list[int]:
    """Flows from each touchpoint to the nearest target (-1: none), by one backward BFS."""
    dist = [-1] * n
    frontier = [i for i in range(n) if target[i]]
    for i in frontier:
        dist[i] = 0
    d = 0
    while frontier:
        d += 1
        nxt = []
        for v in frontier:
            for u in pred[v]:
                if dist[u] < 0:
                    dist[u] = d
                    nxt.append(u)
        frontier = nxt
    return dist


def _topological(succ: list[list[int]], useful: bytearray, n: int) -> list[int] | None:
    """The useful touchpoints in flow order (Kahn), or None when flows loop among them."""
    indegree = [0] * n
    total = 0
    for v in range(n):
        if useful[v]:
            total += 1
            for w in succ[v]:
                if useful[w]:
                    indegree[w] += 1
    ready = [v for v in range(n) if useful[v] and not indegree[v]]
    out = []
    while ready:
        v = ready.pop()
        out.append(v)
        for w in succ[v]:
            if useful[w]:
                indegree[w] -= 1
                if not indegree[w]:
                    ready.append(w)
    return out if len(out) == total else None


def _components(succ: list[list[int]], useful: bytearray,
                n: int) -> tuple[list[int], list[list[int]]]:
    """Strongly connected components of the useful touchpoints (iterative Tarjan), in
    topological order of the graph they condense to."""
    index = [-1] * n
    low = [0] * n
    on_stack = bytearray(n)
    stack: list[int] = []
    comp = [-1] * n
    comps: list[list[int]] = []
    counter = 0
    for root in range(n):
        if not useful[root] or index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        work = [(root, 0)]
        while work:
            v, i = work[-1]
            out = succ[v]
            while i < len(out):
                w = out[i]
                i += 1
                if not useful[w]:
                    continue
                if index[w] < 0:
                    work[-1] = (v, i)
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = 1
                    work.append((w, 0))
                    break
                if on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
            else:
                work.pop()
                if work:
                    u = work[-1][0]
                    if low[v] < low[u]:
                        low[u] = low[v]
                if low[v] == index[v]:
                    members = []
                    while True:
                        w = stack.pop()
                        on_stack[w] = 0
                        comp[w] = len(comps)
                        members.append(w)
                        if w == v:
                            break
                    comps.append(members)
    comps.reverse()  # Tarjan finds them sinks first
    for c, members in enumerate(comps):
        for v in members:
            comp[v] = c
    return comp, comps


def _count_paths(entries: list[int], target: bytearray, succ: list[list[int]],
                 useful: bytearray, n: int):
    """(count, exact, comp, comp_size): the number of entry-to-end paths, see the module
    docstring; ``comp`` and ``comp_size`` are None when no loop is on the way."""
    arrivals = [0] * n  # ways to arrive at each touchpoint (first of its group on the way)
    for e in entries:
        if useful[e]:
            arrivals[e] += 1
    saturated = False
    total = 0
    flow_order = _topological(succ, useful, n)
    if flow_order is not None:
        comp = comp_size = None
        groups = [[v] for v in flow_order]
    else:
        comp, groups = _components(succ, useful, n)
        comp_size = [len(g) for g in groups]
    for c, members in enumerate(groups):
        ways = 0
        ends = 0
        for v in members:
            ways += arrivals[v]
            ends += target[v]
        if ways > COUNT_CAP:
            ways, saturated = COUNT_CAP, True
        total += ways * ends
        if total > COUNT_CAP:
            total, saturated = COUNT_CAP, True
        for v in members:
            for w in succ[v]:
                if useful[w] and (comp is None or comp[w] != c):
                    arrivals[w] += ways
                    if arrivals[w] > COUNT_CAP:
                        arrivals[w], saturated = COUNT_CAP, True
    return total, comp is None and not saturated, comp, comp_size


def _shortest_paths(entries: list[int], target: bytearray, succ: list[list[int]],
                    to_end: list[int], useful: bytearray, comp: list[int] | None,
                    comp_size: list[int] | None, limit: int, budget: int):
    """(paths, finished, steps): up to ``limit`` simple paths, shortest first.

    A* over partial paths, keyed by length so far plus distance to the end (which
    never overestimates and grows by at most one per flow, so paths come out shortest
    first), deeper first on ties (so it heads for the end instead of widening).  Each
    heap entry stands for one candidate flow out of a partial path; popping it pushes
    its next sibling and its own first child only, so a touchpoint with thousands of
    flows out costs two pushes, not thousands.  A partial path is a node
    ``(touchpoint, parent node, depth)`` shared with the paths it starts.
    """
    n = len(to_end)
    key = [to_end[v] * n + v if useful[v] else -1 for v in range(n)]
    options: dict[int, list[int]] = {}
    steps = 0
    # Where flows loop, a touchpoint may not come twice: ``on`` marks the touchpoints
    # of the partial path ``tip``, moved along the search tree only when a loop needs
    # checking (the search mostly dives, so moves are short; each step is counted).
    on = bytearray(n)
    tip = None

    def move_to(node) -> None:
        nonlocal tip, steps
        a, b, adding = tip, node, []
        while (a[2] if a else 0) > (b[2] if b else 0):
            on[a[0]] = 0
            a = a[1]
            steps += 1
        while (b[2] if b else 0) > (a[2] if a else 0):
            adding.append(b[0])
            b = b[1]
            steps += 1
        while a is not b:
            on[a[0]] = 0
            adding.append(b[0])
            a, b = a[1], b[1]
            steps += 2
        for v in adding:
            on[v] = 1
        tip = node

    def options_of(v: int) -> list[int]:
        nonlocal steps
        got = options.get(v)
        if got is None:
            got = sorted((w for w in succ[v] if useful[w]), key=key.__getitem__)
            steps += len(got) // 8  # sorting is cheap next to a heap step
            options[v] = got
        return got

    paths: list[list[int]] = []
    heap: list[tuple] = []
    seq = 0
    starts = sorted((e for e in entries if useful[e]), key=key.__getitem__)
    if starts:
        heap.append((1 + to_end[starts[0]], -1, seq, None, starts, 0))
    while heap and len(paths) < limit:
        if steps >= budget:
            return paths, False, steps
        steps += 1
        _f, neg_depth, _seq, parent, opts, i = heapq.heappop(heap)
        depth = -neg_depth
        w = opts[i]
        if i + 1 < len(opts):
            seq += 1
            heapq.heappush(heap, (depth + to_end[opts[i + 1]], neg_depth, seq, parent,
                                  opts, i + 1))
        if comp is not None and comp_size[comp[w]] > 1:
            if tip is not parent:
                move_to(parent)
            if on[w]:
                continue
        node = (w, parent, depth)
        if target[w]:
            path = []
            walk = node
            while walk is not None:
                path.append(walk[0])
                walk = walk[1]
            path.reverse()
            paths.append(path)
        children = options_of(w)
        if children:
            seq += 1
            heapq.heappush(heap, (depth + 1 + to_end[children[0]], neg_depth - 1, seq,
                                  node, children, 0))
    return paths, not heap, steps


# ------------------------------------------------------------------ findings
def _low_emotions(journey: JourneyMap, order: list[str], persona: str,
                  result: Analysis) -> list[Finding]:
    """Touchpoints felt at -1 or below, the lowest first (journey order within)."""
    felt = [(journey.emotion(t, persona), i, t) for i, t in enumerate(order)]
    low = sorted((v, i, t) for v, i, t in felt if v is not None and v <= -1)
    _count(result, "low_emotion", len(low))
    return [Finding("low_emotion", t, f"{_name(journey, t)}: the customer feels {v:+d}.", v)
            for v, _, t in low[:MAX_FINDINGS]]


def _pain_hotspots(journey: JourneyMap, order: list[str], count: int) -> list[Finding]:
    # One pass over the notes: asking each touchpoint for its notes would walk every
    # flow into it too, a million on a dense map.
    position = {t: i for i, t in enumerate(order)}
    weight: dict[str, int] = {}
    for note in journey.ids(S.NOTE):
        attrs = journey.get(note)
        if attrs["note_kind"] in PAIN_KINDS:
            target = journey.target_of(note)
            if target in position:
                impact = attrs["impact"]
                weight[target] = weight.get(target, 0) + (impact if impact is not None
                                                          else 3)
    weights = sorted(((w, t) for t, w in weight.items() if w),
                     key=lambda w: (-w[0], position[w[1]]))
    return [Finding("pain_hotspot", t, f"{_name(journey, t)} carries pain weighing {w}.",
                    float(w)) for w, t in weights[:count]]


def _empty_stages(journey: JourneyMap, stages: list[str], result: Analysis) -> list[Finding]:
    _count(result, "empty_stage", len(stages))
    return [Finding("empty_stage", s, f"Stage {_name(journey, s)} has no touchpoints.")
            for s in stages[:MAX_FINDINGS]]


def _name(journey: JourneyMap, element: str) -> str:
    return repr(journey.title(element)) if journey.title(element) else element
