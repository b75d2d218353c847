"""Check a parsed, migrated .cxmap element by element, repairing what can be repaired.

Every problem is reported with its JSON location.  A bad field falls back to its
default; a bad element (no id, unknown kind, dangling edge) is dropped; the graph's
rules (one stage per touchpoint, one target per note, a tree of sub-actions) are
restored by dropping the offending links.  Unknown keys are kept as they are.
"""

from __future__ import annotations

import math
from typing import Any

from ..model import schema as S
from ..model.journey import MAX_ID, JourneyMap
from .errors import FileFormatError, Problem
from . import bulk
from .limits import MAX_EDGES, MAX_NESTING, MAX_NODES, MAX_TEXT_CHARS

ENVELOPE_KEYS = ("format", "version", "app_version", "document", "graph")
GRAPH_KEYS = ("directed", "multigraph", "graph", "nodes", "edges")


class Checker:
    def __init__(self, surrogate_free: bool = False) -> None:
        """``surrogate_free``: the caller knows no text holds a lone surrogate (the JSON
        had no ``\\uD800``-style escapes), which allows the quick checks."""
        self.problems: list[Problem] = []
        self._node_at: dict[str, int] = {}  # id -> index in the file, for locations
        self._fast = surrogate_free

    def report(self, location: str, message: str, action: str = "repaired") -> None:
        self.problems.append(Problem(location, message, action))

    # ---------------------------------------------------------------- whole
    def build(self, data: dict[str, Any]) -> JourneyMap:
        unknown_envelope = self._unknown(data, ENVELOPE_KEYS, "$")
        document, stage_order = self._document(data.get("document"))
        graph = data.get("graph")
        if not isinstance(graph, dict):
            raise FileFormatError("The file has no journey graph (\"graph\" is missing "
                                  "or not an object).", location="$.graph")
        nodes_in, edges_in = graph.get("nodes", []), graph.get("edges", [])
        for key, value in (("nodes", nodes_in), ("edges", edges_in)):
            if not isinstance(value, list):
                raise FileFormatError(f"\"{key}\" must be a list.", location=f"$.graph.{key}")
        if len(nodes_in) > MAX_NODES:
            raise FileFormatError(f"The map has {len(nodes_in):,} elements; CX Designer "
                                  f"opens at most {MAX_NODES:,}.", location="$.graph.nodes")
        if len(edges_in) > MAX_EDGES:
            raise FileFormatError(f"The map has {len(edges_in):,} links; CX Designer "
                                  f"opens at most {MAX_EDGES:,}.", location="$.graph.edges")
        nodes = (self._fast and bulk.nodes(nodes_in)) or self._nodes(nodes_in)
        if not self._node_at:  # accepted in bulk: file index == position
            self._node_at = {node_id: i for i, (node_id, _) in enumerate(nodes)}
        kinds = {node_id: attrs["kind"] for node_id, attrs in nodes}
        self._emotion_keys(nodes, kinds)
        stage_order = self._stage_order(stage_order, nodes, kinds)
        edges = (self._fast and bulk.edges(edges_in, kinds)) or self._edges(edges_in, kinds)
        edges = self._graph_rules(edges, kinds, stage_order, nodes)
        journey = JourneyMap.from_checked(document["known"], stage_order, nodes, edges)
        journey.unknown = {"envelope": unknown_envelope, "document": document["unknown"],
                           "graph": self._unknown(graph, GRAPH_KEYS, "$.graph")}
        return journey

    # ------------------------------------------------------------- document
    def _document(self, doc: Any) -> tuple[dict[str, Any], Any]:
        known: dict[str, Any] = {}
        if not isinstance(doc, dict):
            if doc is not None:
                self.report("$.document", "must be an object; map details were reset")
            doc = {}
        for spec in S.DOCUMENT_FIELDS:
            if spec.name in doc:
                known[spec.name] = self._field(spec, doc[spec.name], f"$.document.{spec.name}")
        names = {f.name for f in S.DOCUMENT_FIELDS} | {"stage_order"}
        unknown = self._unknown(doc, names, "$.document")
        return {"known": known, "unknown": unknown}, doc.get("stage_order")

    def _field(self, spec: S.Field, value: Any, where: str) -> Any:
        try:
            return spec.check(value)
        except ValueError as exc:
            if type(value) is str and len(value) > MAX_TEXT_CHARS:
                try:  # a text field, unless the cut text fails too (a choice, a broken text)
                    cut = spec.check(value[:MAX_TEXT_CHARS])
                except ValueError:
                    pass
                else:
                    self.report(where, f"text longer than {MAX_TEXT_CHARS:,} characters was cut")
                    return cut
            self.report(where, f"{spec.name} {exc}; set to {spec.default!r}")
            return spec.fresh_default()

    def _unknown(self, obj: dict[str, Any], known: Any, where: str) -> dict[str, Any]:
        kept = {}
        for key, value in obj.items():
            if key in known:
                continue
            # Kept values are written back as they were read, so they must be JSON
            # that can be written: 1e309 reads as infinity, "\ud800" as a lone surrogate.
            if _depth(value) > MAX_NESTING:
                reason = f"nested deeper than {MAX_NESTING} levels"
            elif not (self._fast or (_encodable(key) and _texts_encodable(value))):
                reason = "holds a broken character (a lone surrogate)"
            elif _has_non_finite(value):
                reason = "holds a number too large for a map file (such as 1e309)"
            else:
                kept[key] = value
                continue
            self.report(f"{where}.{printable(key)}", reason, "dropped")
        return kept

    # ---------------------------------------------------------------- nodes
    def _nodes(self, nodes_in: list[Any]) -> list[tuple[str, dict[str, Any]]]:
        out: list[tuple[str, dict[str, Any]]] = []
        seen: set[str] = set()
        fields = S.FIELDS
        for i, raw in enumerate(nodes_in):
            where = f"$.graph.nodes[{i}]"
            if not isinstance(raw, dict):
                self.report(where, "is not an object", "dropped")
                continue
            node_id, kind = raw.get("id"), raw.get("kind")
            if (type(node_id) is not str or not 0 < len(node_id) <= MAX_ID
                    or not (self._fast or _encodable(node_id))):
                self.report(where, f"has no usable id (got {node_id!r:.40})", "dropped")
                continue
            if node_id in seen:
                self.report(where, f"repeats the id {node_id!r:.60}", "dropped")
                continue
            if type(kind) is not str or kind not in fields:
                self.report(where, f"has an unknown kind {kind!r:.40}", "dropped")
                continue
            if kind == S.PERSONA and node_id == S.GENERAL:
                self.report(where, f"uses the reserved id {S.GENERAL!r}", "dropped")
                continue
            seen.add(node_id)
            self._node_at[node_id] = i
            attrs = self._node_fields(raw, kind, where)
            out.append((node_id, attrs))
        return out

    def _node_fields(self, raw: dict[str, Any], kind: str, where: str) -> dict[str, Any]:
        attrs = {"kind": kind}
        for spec in S.FIELDS[kind]:
            value = raw.get(spec.name, _MISSING)
            if value is _MISSING:
                attrs[spec.name] = spec.fresh_default()
            else:
                attrs[spec.name] = self._field(spec, value, f"{where}.{spec.name}")
        known = S.FIELD_BY_NAME[kind].keys() | {"id", "kind"}
        attrs.update(self._unknown(raw, known, where))
        return attrs

    def _emotion_keys(self, nodes: list[tuple[str, dict[str, Any]]], kinds: dict[str, str]):
        for i, (node_id, attrs) in enumerate(nodes):
            if attrs["kind"] != S.TOUCHPOINT or not attrs["emotions"]:
                continue
            table = attrs["emotions"]
            bad = [k for k in table if k != S.GENERAL and kinds.get(k) != S.PERSONA]
            if bad:
                for key in bad:
                    self.report(f"{self._node(node_id)}.emotions.{key}",
                                "names no persona of this map", "dropped")
                attrs["emotions"] = {k: v for k, v in table.items() if k not in bad}

    def _stage_order(self, order: Any, nodes: list, kinds: dict[str, str]) -> list[str]:
        stages = [n for n, a in nodes if a["kind"] == S.STAGE]
        if order is None:
            if stages:
                self.report("$.document.stage_order", "is missing; stages kept in file order")
            return stages
        if not isinstance(order, list):
            self.report("$.document.stage_order", "must be a list; stages kept in file order")
            return stages
        out: list[str] = []
        for i, stage in enumerate(order):
            if type(stage) is not str or kinds.get(stage) != S.STAGE or stage in out:
                self.report(f"$.document.stage_order[{i}]",
                            f"{stage!r:.60} is not a stage of this map, or repeats one",
                            "dropped")
            else:
                out.append(stage)
        for stage in stages:
            if stage not in out:
                self.report("$.document.stage_order", f"stage {stage!r:.60} was missing; "
                            "added at the end")
                out.append(stage)
        return out

    def _node(self, node_id: str) -> str:
        return f"$.graph.nodes[{self._node_at[node_id]}]"

    # ---------------------------------------------------------------- edges
    def _edges(self, edges_in: list[Any], kinds: dict[str, str]) -> list[tuple[str, str, dict]]:
        """Check each link; a touchpoint keeps its first stage, a note its first target,
        an action its first parent."""
        out: list[tuple[str, str, dict]] = []
        seen: set[tuple[str, str]] = set()
        rules = S.EDGE_KINDS
        single = {S.IN_STAGE, S.ABOUT, S.CHILD_OF}
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
                self.report(f"$.graph.edges[{i}]", f"a {kind} link cannot go from a {ku} to a {kv}", "dropped")
                continue
            if u == v or (u, v) in seen:
                self.report(f"$.graph.edges[{i}]", "links an element to itself or repeats a link", "dropped")
                continue
            if kind in single:
                if (u, kind) in first:
                    self.report(f"$.graph.edges[{i}]", f"a second {kind} link for {u!r:.60}; the first one "
                                "is kept", "dropped")
                    continue
                first.add((u, kind))
            seen.add((u, v))
            if len(raw) > 3:
                attrs = {"kind": kind, **self._unknown(raw, ("source", "target", "kind"),
                                                             f"$.graph.edges[{i}]")}
            else:
                attrs = edge_attrs[kind]  # shared: NetworkX copies it into the graph
            out.append((u, v, attrs))
        return out

    def _bad_edge(self, raw: Any, where: str, kinds: dict[str, str]) -> None:
        if not isinstance(raw, dict):
            self.report(where, "is not an object", "dropped")
            return
        kind = raw.get("kind")
        if type(kind) is not str or kind not in S.EDGE_KINDS:
            self.report(where, f"has an unknown kind {kind!r:.40}", "dropped")
            return
        for end in ("source", "target"):
            value = raw.get(end)
            if type(value) is not str or value not in kinds:
                self.report(where, f"points to {value!r:.60}, which is not in the map",
                            "dropped")
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
            for tp in homeless:
                self.report(self._node(tp), "touchpoint had no stage; put in "
                            f"stage {stage_order[0]!r:.60}")
                out.append((tp, stage_order[0], {"kind": S.IN_STAGE}))
        parent = {u: v for u, v, a in edges if a["kind"] == S.CHILD_OF}
        cut: set[str] = set()
        for action in parent:
            walk, depth, seen = action, 0, {action}
            while walk in parent and walk not in cut:
                walk, depth = parent[walk], depth + 1
                if walk in seen or depth >= S.MAX_ACTION_DEPTH:
                    self.report(self._node(action), "sub-actions formed a loop or "
                                "nested too deep; the action was moved to the top level")
                    cut.add(action)
                    break
                seen.add(walk)
        if cut:
            out = [e for e in out if not (e[2]["kind"] == S.CHILD_OF and e[0] in cut)]
        return out


_MISSING = object()


def printable(text: str) -> str:
    """Text from a file as a message may show it: a lone surrogate as ``\\ud800``."""
    return text if _encodable(text) else text.encode("utf-8", "backslashreplace").decode()


def _encodable(text: str) -> bool:
    """False for text holding a lone surrogate, which no UTF-8 file can carry."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _texts_encodable(value: Any) -> bool:
    if type(value) is str:
        return _encodable(value)
    if type(value) is dict:
        return all(_encodable(k) and _texts_encodable(v) for k, v in value.items())
    if type(value) is list:
        return all(map(_texts_encodable, value))
    return True


def _has_non_finite(value: Any) -> bool:
    if type(value) is float:
        return not math.isfinite(value)
    if type(value) is dict:
        return any(map(_has_non_finite, value.values()))
    if type(value) is list:
        return any(map(_has_non_finite, value))
    return False


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_NESTING:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level

