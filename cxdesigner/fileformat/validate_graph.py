"""The graph part of the careful check: the node-link header, the links and the rules
between elements (a stage per touchpoint, a tree of sub-actions).

A mixin of ``validate.Checker``, which provides ``report``, ``report_each``,
``_unknown`` and ``_node``.
"""

from __future__ import annotations

from typing import Any

from ..model import schema as S
from .errors import brief

GRAPH_KEYS = frozenset(("directed", "multigraph", "graph", "nodes", "edges"))
_SINGLE = frozenset({S.IN_STAGE, S.ABOUT, S.CHILD_OF, S.CONCERNS})  # at most one per source
_EDGE_KEYS = ("source", "target", "kind")


class GraphChecks:
    def _graph_envelope(self, graph: dict[str, Any]) -> dict[str, Any]:
        """The graph object's unknown keys, and its NetworkX attributes (``graph``),
        to be written back; a header that is not a directed simple graph is reported,
        since saving writes it as one."""
        if "directed" in graph and graph["directed"] is not True:
            self.report("$.graph.directed", f"is {brief(graph['directed'])}, but a journey "
                        "map is a directed graph; read and saved as true")
        if "multigraph" in graph and graph["multigraph"] is not False:
            self.report("$.graph.multigraph", f"is {brief(graph['multigraph'])}, but a "
                        "journey map joins two elements by at most one link each way; read "
                        "and saved as false")
        unknown = self._unknown(graph, GRAPH_KEYS, "$.graph")
        attrs = graph.get("graph", {})
        if not isinstance(attrs, dict):
            self.report("$.graph.graph", f"must be an object of graph attributes (got "
                        f"{brief(attrs)})", "dropped")
        elif attrs:
            # Attributes another NetworkX tool put there: kept like any unknown value,
            # so they are written back as they were read.
            kept = self._unknown(attrs, (), "$.graph.graph")
            if kept:
                unknown["graph"] = kept
        return unknown

    # ---------------------------------------------------------------- edges
    def _edges(self, edges_in: list[Any], kinds: dict[str, str]) -> list[tuple[str, str, dict]]:
        """Check each link; a touchpoint keeps its first stage, a note its first target,
        an action its first parent."""
        out: list[tuple[str, str, dict]] = []
        seen: set[tuple[str, str]] = set()
        rules = S.EDGE_KINDS
        first: set[tuple[str, str]] = set()
        edge_attrs = {kind: {"kind": kind} for kind in rules}
        for i, raw in enumerate(edges_in):
            try:
                u, v, kind = raw["source"], raw["target"], raw["kind"]
                sources, targets = rules[kind]
                ku, kv = kinds[u], kinds[v]
            except (KeyError, TypeError):
                self._bad_edge(raw, f"$.graph.edges[{i}]", kinds)
                continue
            if ku not in sources or kv not in targets:
                self.report(f"$.graph.edges[{i}]", f"a {kind} link cannot go from a {ku} "
                            f"to a {kv}", "dropped",
                            many="links join kinds of element their kind of link cannot join")
                continue
            if u == v or (u, v) in seen:
                self.report(f"$.graph.edges[{i}]", "links an element to itself or repeats "
                            "a link", "dropped",
                            many="links join an element to itself or repeat a link")
                continue
            if kind in _SINGLE:
                if (u, kind) in first:
                    self.report(f"$.graph.edges[{i}]", f"a second {kind} link for "
                                f"{u!r:.60}; the first one is kept", "dropped",
                                many="links are a second stage, target or parent of an "
                                "element; the first one is kept")
                    continue
                first.add((u, kind))
            seen.add((u, v))
            if len(raw) > 3:
                attrs = {"kind": kind, **self._unknown(raw, _EDGE_KEYS, f"$.graph.edges[{i}]")}
            else:
                attrs = edge_attrs[kind]  # shared: NetworkX copies it into the graph
            out.append((u, v, attrs))
        return out

    def _bad_edge(self, raw: Any, where: str, kinds: dict[str, str]) -> None:
        if not isinstance(raw, dict):
            self.report(where, "is not an object", "dropped", many="links are not objects")
            return
        kind = raw.get("kind")
        if type(kind) is not str or kind not in S.EDGE_KINDS:
            self.report(where, f"has an unknown kind {brief(kind)}", "dropped",
                        many="links have an unknown kind")
            return
        for end in ("source", "target"):
            value = raw.get(end)
            if type(value) is not str or value not in kinds:
                self.report(where, f"points to {brief(value)}, which is not in the map",
                            "dropped", many="links point to an element not in the map")
                return

    def _graph_rules(self, edges: list, kinds: dict[str, str], stage_order: list[str],
                     nodes: list) -> list:
        """Every touchpoint in a stage; no loop or over-deep nesting of sub-actions."""
        out = edges
        staged = {u for u, _, a in edges if a["kind"] == S.IN_STAGE}
        homeless = [n for n, k in kinds.items() if k == S.TOUCHPOINT and n not in staged]
        if homeless:
            if not stage_order:
                stage = "stage-recovered"
                while stage in kinds:
                    stage += "-1"
                nodes.append((stage, dict(S.defaults(S.STAGE), kind=S.STAGE, title="Recovered")))
                kinds[stage] = S.STAGE
                stage_order.append(stage)
            into = stage_order[0]
            self.report_each(homeless, "$.graph.nodes", "repaired",
                             f"touchpoints had no stage and were put in stage {into!r:.60}",
                             lambda tp: (self._node(tp), "touchpoint had no stage; put in "
                                         f"stage {into!r:.60}"))
            out.extend((tp, into, {"kind": S.IN_STAGE}) for tp in homeless)
        parent = {u: v for u, v, a in edges if a["kind"] == S.CHILD_OF}
        cut: set[str] = set()
        for action in parent:
            walk, depth, seen = action, 0, {action}
            while walk in parent and walk not in cut:
                walk, depth = parent[walk], depth + 1
                if walk in seen or depth >= S.MAX_ACTION_DEPTH:
                    self.report(self._node(action), "sub-actions formed a loop or "
                                "nested too deep; the action was moved to the top level",
                                many="actions were in a loop of sub-actions or nested too "
                                "deep, and were moved to the top level")
                    cut.add(action)
                    break
                seen.add(walk)
        if cut:
            out = [e for e in out if not (e[2]["kind"] == S.CHILD_OF and e[0] in cut)]
        return out
