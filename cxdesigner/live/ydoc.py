"""A journey map as a Yjs document, and back (``docs/collaboration.md``).

Shape (one root ``Map`` named ``cxmap``)::

    version      number: LIVE_VERSION
    document     Map: the map details (title, language, ...), text values
    nodes        Map: id -> Map of the element's fields, with "kind"; a touchpoint's
                 "emotions" is a nested Map (persona id -> number), so two people
                 setting emotions for different personas both keep theirs; its
                 "cells" and "marks" (lane id -> text, lane id -> fail/wait) are
                 nested Maps too, so two people editing different cells of one
                 touchpoint both keep theirs.  Lanes are nodes of kind "lane".
    edges        Map: JSON of [source, target] -> the link's kind; a journey map joins
                 two elements by at most one link each way, so the pair is the key
    stage_order  Array of stage ids

Reading goes through the file loader (``cxmap.from_data``): a Y document is checked
and repaired exactly like a file, so a hostile or foreign document gives a
``FileFormatError`` or a list of repairs, never a crash, and the result is a valid
map.  Nodes and edges reach the loader sorted by id and key, which makes its repairs
(a repeated stage dropped, a homeless touchpoint put in the first stage, a loop of
sub-actions cut) a pure function of the document's state: every peer reading the same
state gets the same map.  That is the convergence repair of ``docs/collaboration.md``.
"""

from __future__ import annotations

import json
from typing import Any

from pycrdt import Array, Doc, Map

from ..fileformat import cxmap
from ..fileformat.errors import FileFormatError, ProblemLog, brief
from ..fileformat.limits import FORMAT, MAX_EDGES, MAX_NESTING, MAX_NODES, VERSION
from ..model import schema as S
from ..model.journey import JourneyMap

ROOT = "cxmap"
LIVE_VERSION = 1  # of the Y document's shape, not of the file format
DOCUMENT, NODES, EDGES, STAGE_ORDER = "document", "nodes", "edges", "stage_order"

# Yjs numbers are doubles: 3 comes back as 3.0, which a whole-number field refuses.
# These fields (and emotions) are read back as ints when the double is whole.
_WHOLE = {kind: frozenset(f.name for f in fields
                          if getattr(f.check, "shape", ())[:2] == ("range", (int,)))
          for kind, fields in S.FIELDS.items()}
# A lane's ``order`` may be any number, but the model only ever gives whole ones
# (0, 1, 2...): read back as ints when whole, so a peer's map (and the file it saves)
# holds the numbers the writer's does.  A fractional order stays as it is.
_WHOLE[S.LANE] = _WHOLE[S.LANE] | {"order"}
_WHOLE_DOCUMENT = frozenset(f.name for f in S.DOCUMENT_FIELDS
                            if getattr(f.check, "shape", ())[:2] == ("range", (int,)))


def edge_key(source: str, target: str) -> str:
    """The key of a link in ``edges``: ``JSON.stringify([source, target])``."""
    return json.dumps([source, target], ensure_ascii=False, separators=(",", ":"))


def y_value(value: Any) -> Any:
    """A model value as Yjs holds it: tables as nested Maps, lists as Arrays."""
    if isinstance(value, dict):
        return Map({k: y_value(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return Array([y_value(v) for v in value])
    return value


def node_map(attrs: dict[str, Any], kind: str) -> Map:
    """The Y ``Map`` of one element: its fields and kind."""
    return Map({**{k: y_value(v) for k, v in attrs.items() if k != "kind"}, "kind": kind})


def root_of(doc: Doc) -> Map:
    return doc.get(ROOT, type=Map)


def to_ydoc(journey: JourneyMap, doc: Doc, origin: Any = None) -> None:
    """Fill an empty document with the map, in one transaction."""
    if ROOT in doc.keys() and len(root_of(doc)):
        raise ValueError("The Yjs document already holds a map.")
    root = root_of(doc)
    g = journey.graph
    with doc.transaction(origin=origin):
        root["version"] = LIVE_VERSION
        root[DOCUMENT] = Map(dict(journey.document))
        root[NODES] = Map({n: node_map(a, a["kind"]) for n, a in g.nodes(data=True)})
        root[EDGES] = Map({edge_key(u, v): k for u, v, k in g.edges(data="kind")})
        root[STAGE_ORDER] = Array(list(journey.stage_order))


# ------------------------------------------------------------------ reading
def from_ydoc(doc: Doc) -> JourneyMap:
    """The map a Y document holds, checked and repaired as a file would be."""
    return read_ydoc(doc).journey


def read_ydoc(doc: Doc) -> cxmap.Loaded:
    """``from_ydoc`` with the loader's list of repairs.  Raises ``FileFormatError``
    for a document that is not a CX Designer map at all."""
    if ROOT not in doc.keys():
        raise FileFormatError("This shared document holds no CX Designer map "
                              f"(no \"{ROOT}\" map at its root).", location=ROOT)
    raw = plain(root_of(doc))
    log = ProblemLog()
    return cxmap.from_data(file_data(raw, log), log=log)


def plain(value: Any, depth: int = 0) -> Any:
    """Y types as plain Python (Text as str).  A value nested deeper than a file may
    hold reads as null: a hostile nesting costs nothing and crashes nothing."""
    if depth > MAX_NESTING + 2:
        return None
    if isinstance(value, Map):
        return {k: plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, Array):
        return [plain(v, depth + 1) for v in value]
    if hasattr(value, "to_py"):  # Text, XML: their text
        return str(value)
    return value


def file_data(raw: Any, log: ProblemLog) -> dict[str, Any]:
    """The .cxmap data of a plain ``cxmap`` root, for the file loader; shape faults
    the loader cannot see (a key that is not a pair) go into ``log``."""
    if not isinstance(raw, dict):
        raise FileFormatError("The shared map is not a map.", location=ROOT)
    version = _whole(raw.get("version"))
    if type(version) is not int or version < 1:
        raise FileFormatError(f"The shared map has no valid version (got "
                              f"{brief(raw.get('version'))}).", location=f"{ROOT}.version")
    if version > LIVE_VERSION:
        raise FileFormatError(f"The shared map is of version {version}; this CX Designer "
                              f"reads versions up to {LIVE_VERSION}. Update it to join.",
                              location=f"{ROOT}.version")
    parts = {}
    for key, shape in ((DOCUMENT, dict), (NODES, dict), (EDGES, dict), (STAGE_ORDER, list)):
        value = raw.get(key, shape())
        if not isinstance(value, shape):
            raise FileFormatError(f"The shared map's \"{key}\" must be a "
                                  f"{'Map' if shape is dict else 'Array'} (got "
                                  f"{brief(value)}).", location=f"{ROOT}.{key}")
        parts[key] = value
    nodes, edges = parts[NODES], parts[EDGES]
    if len(nodes) > MAX_NODES or len(edges) > MAX_EDGES:
        raise FileFormatError(f"The shared map has {len(nodes):,} elements and "
                              f"{len(edges):,} links; CX Designer opens at most "
                              f"{MAX_NODES:,} and {MAX_EDGES:,}.", location=ROOT)
    document = {k: _whole(v) if k in _WHOLE_DOCUMENT else v
                for k, v in parts[DOCUMENT].items() if k != "stage_order"}
    document["stage_order"] = parts[STAGE_ORDER]
    return {"format": FORMAT, "version": VERSION, "document": document,
            "graph": {"directed": True, "multigraph": False, "graph": {},
                      "nodes": [_node(i, a) for i, a in sorted(nodes.items())],
                      "edges": _edges(edges, log)}}


def _node(node_id: str, attrs: Any) -> Any:
    if not isinstance(attrs, dict):
        return attrs  # the loader drops it: "is not an object"
    node = {**attrs, "id": node_id}
    whole = _WHOLE.get(attrs.get("kind"), ())
    for key in whole & node.keys():
        node[key] = _whole(node[key])
    if isinstance(node.get("emotions"), dict):
        node["emotions"] = {k: _whole(v) for k, v in node["emotions"].items()}
    if attrs.get("kind") == S.SNAPSHOT and "record" in node:
        # A record's numbers come back as doubles: whole ones as ints, as written.
        node["record"] = _whole_values(node["record"])
    return node


def _whole_values(value: Any, depth: int = 0) -> Any:
    if depth > S.MAX_RECORD_DEPTH:
        return value  # the loader refuses it as too deep
    if isinstance(value, dict):
        return {k: _whole_values(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole_values(v, depth + 1) for v in value]
    return _whole(value)


def _edges(edges: dict[str, Any], log: ProblemLog) -> list[dict[str, Any]]:
    out = []
    for key in sorted(edges):
        try:
            pair = json.loads(key)
        except ValueError:
            pair = None
        if not (type(pair) is list and len(pair) == 2
                and all(type(end) is str for end in pair) and edge_key(*pair) == key):
            log.add(f"{ROOT}.edges", f"the key {brief(key)} is not the JSON of "
                    "[source, target]", "dropped", many="links have a key that is not the "
                    "JSON of [source, target]")
            continue
        out.append({"source": pair[0], "target": pair[1], "kind": edges[key]})
    return out


def _whole(value: Any) -> Any:
    if type(value) is float and value.is_integer() and abs(value) <= 2 ** 53:
        return int(value)
    return value
