"""Check a parsed, migrated .cxmap element by element, repairing what can be repaired.

Every problem is reported with its JSON location.  A bad field falls back to its
default; a bad element (no id, unknown kind, dangling edge) is dropped; the graph's
rules (one stage per touchpoint, one target per note, a tree of sub-actions) are
restored by dropping the offending links.  Unknown keys are kept as they are.

Every pass is linear in the size of the file (sets and dicts, never a search through
a list), and problems of one kind are summarised (``errors.ProblemLog``), so a file
within the limits is checked in time proportional to its size however broken it is.
"""

from __future__ import annotations

import math
from itertools import filterfalse, islice
from operator import itemgetter
from typing import Any, Callable

from ..model import schema as S
from ..model.journey import MAX_ID, JourneyMap
from .errors import DETAIL, FileFormatError, Problem, ProblemLog, brief
from . import bulk
from .limits import MAX_EDGES, MAX_NESTING, MAX_NODES, MAX_TEXT_CHARS
from .validate_graph import GraphChecks
from .validate_lanes import LaneChecks
from .validate_pictures import PictureChecks
from .validate_feedback import FeedbackChecks

ENVELOPE_KEYS = frozenset(("format", "version", "app_version", "document", "graph"))


class Checker(GraphChecks, LaneChecks, PictureChecks, FeedbackChecks):
    def __init__(self, surrogate_free: bool = False, log: ProblemLog | None = None) -> None:
        """``surrogate_free``: the caller knows no text holds a lone surrogate (the JSON
        had no ``\\uD800``-style escapes), which allows the quick checks.  ``log``:
        where to add problems (one found before checking, by a migration, say)."""
        self.log = log if log is not None else ProblemLog()
        # report(location, message, action="repaired", many=None): see ProblemLog.add.
        self.report = self.log.add
        self._node_at: dict[str, int] = {}  # id -> index in the file, for locations
        self._fast = surrogate_free

    @property
    def problems(self) -> list[Problem]:
        return self.log.problems()

    def report_each(self, found: list[Any], place: str, action: str, many: str,
                    describe: Callable[[Any], tuple[str, str]],
                    count: int | None = None) -> None:
        """Report ``count`` (default ``len(found)``) problems of one kind inside
        ``place``, formatting only the first few: ``describe(item)`` gives the
        ``(location, message)`` of an item of ``found``."""
        if count is None:
            count = len(found)
        if count:
            self.log.add_many([describe(x) for x in found[:DETAIL]], count, place, action, many)

    # ---------------------------------------------------------------- whole
    def build(self, data: dict[str, Any]) -> JourneyMap:
        unknown_envelope = self._unknown(data, ENVELOPE_KEYS, "$")
        document, stage_order = self._document(data.get("document", _MISSING))
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
        unknown_graph = self._graph_envelope(graph)
        nodes = (self._fast and bulk.nodes(nodes_in)) or self._nodes(nodes_in)
        ids = [node_id for node_id, _ in nodes]
        if not self._node_at:  # accepted in bulk: file index == position
            self._node_at = dict(zip(ids, range(len(ids))))
        kinds = dict(zip(ids, map(_kind, map(_attrs, nodes))))
        self._emotion_keys(nodes, kinds)
        nodes = self._lane_rules(nodes, kinds)
        nodes = self._count_limits(nodes, kinds)
        self._pictures(nodes)
        stage_order = self._stage_order(stage_order, nodes)
        edges = (self._fast and bulk.edges(edges_in, kinds)) or self._edges(edges_in, kinds)
        edges = self._graph_rules(edges, kinds, stage_order, nodes)
        journey = JourneyMap.from_checked(document["known"], stage_order, nodes, edges)
        journey.unknown = {"envelope": unknown_envelope, "document": document["unknown"],
                           "graph": unknown_graph}
        return journey

    # ------------------------------------------------------------- document
    def _document(self, doc: Any) -> tuple[dict[str, Any], Any]:
        known: dict[str, Any] = {}
        if not isinstance(doc, dict):
            if doc is not _MISSING:  # left out is fine: every detail takes its default
                self.report("$.document", f"must be an object (got {brief(doc)}); map "
                            "details were reset")
            doc = {}
        for spec in S.DOCUMENT_FIELDS:
            if spec.name in doc:
                known[spec.name] = self._field(spec, doc[spec.name], f"$.document.{spec.name}")
        unknown = self._unknown(doc, _DOCUMENT_KEYS, "$.document")
        return {"known": known, "unknown": unknown}, doc.get("stage_order")

    def _field(self, spec: S.Field, value: Any, where: str) -> Any:
        try:
            checked = spec.check(value)
        except ValueError as exc:
            # A text too long is cut; a picture cut short would be a damaged one.
            if (type(value) is str and len(value) > MAX_TEXT_CHARS
                    and _shape(spec) != "picture"):
                try:  # a text field, unless the cut text fails too (a choice, a broken text)
                    cut = spec.check(value[:MAX_TEXT_CHARS])
                except ValueError:
                    pass
                else:
                    self.report(where, f"text longer than {MAX_TEXT_CHARS:,} characters "
                                "was cut", many="texts longer than "
                                f"{MAX_TEXT_CHARS:,} characters were cut")
                    return cut
            self.report(where, f"{spec.name} {exc}; set to {spec.default!r}",
                        many=f"values of {spec.name} were not valid and were set to "
                        f"{spec.default!r}")
            return spec.fresh_default()
        if checked is not value:  # a check that normalises ("" for no date): say so
            saved = "null" if checked is None else brief(checked)
            self.report(where, f"{spec.name} {brief(value)} means {saved}, and is saved so",
                        many=f"values of {spec.name} were rewritten")
        return checked

    def _unknown(self, obj: dict[str, Any], known: Any, where: str) -> dict[str, Any]:
        kept = {}
        dropped: dict[str, list[str]] = {}  # reason -> keys
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
            dropped.setdefault(reason, []).append(key)
        for reason, keys in dropped.items():
            self.report_each(keys, where, "dropped", f"values unknown to this version {reason}",
                             lambda key: (f"{where}.{printable(key)[:100]}", reason))
        return kept

    # ---------------------------------------------------------------- nodes
    def _nodes(self, nodes_in: list[Any]) -> list[tuple[str, dict[str, Any]]]:
        out: list[tuple[str, dict[str, Any]]] = []
        seen: set[str] = set()
        fields = S.FIELDS
        for i, raw in enumerate(nodes_in):
            where = f"$.graph.nodes[{i}]"
            if not isinstance(raw, dict):
                self.report(where, "is not an object", "dropped",
                            many="elements are not objects")
                continue
            node_id, kind = raw.get("id"), raw.get("kind")
            if (type(node_id) is not str or not 0 < len(node_id) <= MAX_ID
                    or not (self._fast or _encodable(node_id))):
                self.report(where, f"has no usable id (got {brief(node_id)})", "dropped",
                            many="elements have no usable id")
                continue
            if node_id in seen:
                self.report(where, f"repeats the id {brief(node_id)}", "dropped",
                            many="elements repeat an id")
                continue
            if type(kind) is not str or kind not in fields:
                self.report(where, f"has an unknown kind {brief(kind)}", "dropped",
                            many="elements have an unknown kind")
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
        attrs.update(self._unknown(raw, _NODE_KEYS[kind], where))
        return attrs

    def _emotion_keys(self, nodes: list[tuple[str, dict[str, Any]]], kinds: dict[str, str]):
        allowed = {n for n, k in kinds.items() if k == S.PERSONA}
        allowed.add(S.GENERAL)
        self.keep_keys(nodes, "emotions", allowed, "persona")

    def keep_keys(self, nodes: list[tuple[str, dict[str, Any]]], name: str,
                  allowed: set[str], what: str) -> None:
        """Drop, and report, the entries of each touchpoint's table ``name`` whose key
        is not ``allowed`` (emotions name personas; cells and marks name text lanes)."""
        known = allowed.__contains__
        for node_id, attrs in nodes:
            if attrs["kind"] != S.TOUCHPOINT:
                continue
            table = attrs[name]
            if not table or table.keys() <= allowed:  # a set operation, no Python loop
                continue
            where = f"{self._node(node_id)}.{name}"
            good = {k: table[k] for k in filter(known, table)}
            bad = list(islice(filterfalse(known, table), DETAIL))
            self.report_each(bad, where, "dropped", f"{name} name no {what} of this map",
                             lambda key: (f"{where}.{key}", f"names no {what} of this map"),
                             len(table) - len(good))
            attrs[name] = good

    def _stage_order(self, order: Any, nodes: list) -> list[str]:
        stages = [n for n, a in nodes if a["kind"] == S.STAGE]
        where = "$.document.stage_order"
        if order is None:
            if stages:
                self.report(where, "is missing; stages kept in file order")
            return stages
        if not isinstance(order, list):
            self.report(where, "must be a list; stages kept in file order")
            return stages
        if (len(order) == len(stages) and set(map(type, order)) <= {str}
                and set(order) == set(stages)):
            return list(order)  # each stage once and nothing else: checked as sets
        pending = dict.fromkeys(stages)  # the stages not placed yet, in file order
        out: list[str] = []
        bad: list[int] = []
        count = 0
        for i, stage in enumerate(order):
            if type(stage) is str and stage in pending:
                del pending[stage]
                out.append(stage)
            else:  # a file may repeat one id millions of times: keep only the first few
                count += 1
                if count <= DETAIL:
                    bad.append(i)
        self.report_each(bad, where, "dropped",
                         "entries are not a stage of this map, or repeat one",
                         lambda i: (f"{where}[{i}]", f"{brief(order[i])} is not a stage "
                                    "of this map, or repeats one"), count)
        missing = list(pending)
        self.report_each(missing, where, "repaired", "stages were missing and were added "
                         "at the end", lambda stage: (where, f"stage {brief(stage)} was "
                                                      "missing and was added at the end"))
        out += missing
        return out

    def _node(self, node_id: str) -> str:
        return f"$.graph.nodes[{self._node_at[node_id]}]"


_MISSING = object()
_attrs, _kind = itemgetter(1), itemgetter("kind")
_DOCUMENT_KEYS = frozenset(f.name for f in S.DOCUMENT_FIELDS) | {"stage_order"}
_NODE_KEYS = {kind: frozenset(S.FIELD_BY_NAME[kind]) | {"id", "kind"} for kind in S.FIELDS}


def _shape(spec: S.Field) -> str | None:
    shape = getattr(spec.check, "shape", None)
    return shape[0] if shape else None


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
