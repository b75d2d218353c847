"""Accept a clean file in bulk, so loading a large map stays near plain json speed.

The per-element checks in ``validate`` cost a Python call per field: on 25,000
elements that alone doubles the load time.  Here each field is checked as a column
over all elements of a kind, with C-level ``map``/``set`` operations.  The answer is
all or nothing: the checked parts when every rule holds, or ``None``, and then
``validate`` goes through the file element by element, repairing and reporting.
Being only a faster way to say "no problems", it must never accept what the
careful path would repair (a test holds them to that).
"""

from __future__ import annotations

from collections import deque
from functools import partial
from itertools import chain, repeat
from operator import eq, is_not, itemgetter
from typing import Any

from ..model import schema as S
from ..model.journey import MAX_ID

_NONE = type(None)
_not_none = partial(is_not, None)
_KEYS = {kind: frozenset(f.name for f in S.FIELDS[kind]) | {"id", "kind"}
         for kind in S.NODE_KINDS}
_EDGE_KEYS = frozenset({"source", "target", "kind"})
_ALLOWED_EDGES = frozenset((kind, a, b) for kind, (sources, targets) in S.EDGE_KINDS.items()
                           for a in sources for b in targets)
_SINGLE = frozenset({S.IN_STAGE, S.ABOUT, S.CHILD_OF})  # at most one per source


def _column(items: list[dict[str, Any]], name: str) -> list[Any]:
    return list(map(dict.__getitem__, items, repeat(name)))


def _columns(items: list[dict[str, Any]], names: list[str]) -> list[Any]:
    """The values of several fields of every item, in one flat list."""
    if len(names) == 1:
        return _column(items, names[0])
    return list(chain.from_iterable(map(itemgetter(*names), items)))


def _by_shape(kind: str) -> list[tuple[Any, list[str]]]:
    """The kind's fields grouped by check shape: fields of one shape are checked as
    one column.  Fields without a shape stand alone, with their check."""
    groups: dict[Any, list[str]] = {}
    for spec in S.FIELDS[kind]:
        shape = getattr(spec.check, "shape", None)
        groups.setdefault(shape or spec.check, []).append(spec.name)
    return list(groups.items())


_SHAPES = {kind: _by_shape(kind) for kind in S.NODE_KINDS}


def _column_ok(shape: Any, values: list[Any]) -> bool:
    if callable(shape):  # a check without a shape: call it on each value
        try:
            return all(shape(v) is v for v in values)
        except ValueError:
            return False
    types = set(map(type, values))
    if shape[0] == "picture":  # few touchpoints have one: only those are checked
        try:
            return types <= {str} and all(shape[1](v) is v for v in filter(None, values))
        except ValueError:
            return False
    if shape[0] == "text":
        return types <= {str} and max(map(len, values), default=0) <= shape[1]
    if shape[0] == "choice":
        return set(values) <= shape[1]
    _, allowed, lo, hi, optional = shape
    if not types <= set(allowed) | ({_NONE} if optional else set()):
        return False
    present = list(filter(_not_none, values)) if optional else values
    return not present or (lo <= min(present) and max(present) <= hi)


def _fill_defaults(kind: str, group: list[dict[str, Any]]) -> None:
    """Give every node of ``group`` the fields it leaves out, with their defaults (a
    fresh container each).  Harmless if the bulk check then fails: the careful path
    would fill in the same values, and a default always passes its check."""
    for spec in S.FIELDS[kind]:
        name, default = spec.name, spec.default
        if not isinstance(default, (dict, list)):  # immutable: one object serves all
            deque(map(dict.setdefault, group, repeat(name), repeat(default)), maxlen=0)
            continue
        for node in group:
            if name not in node:
                node[name] = spec.fresh_default()


def nodes(nodes_in: list[Any]) -> list[tuple[str, dict[str, Any]]] | None:
    """``(id, fields)`` for every node, or ``None`` if any needs a closer look.

    On success the node objects are reused (their ``id`` key removed).
    """
    if not set(map(type, nodes_in)) <= {dict}:
        return None
    ids = list(map(dict.get, nodes_in, repeat("id")))
    kinds = list(map(dict.get, nodes_in, repeat("kind")))
    try:
        if (not set(map(type, ids)) <= {str} or len(set(ids)) != len(ids)
                or not set(kinds) <= set(S.NODE_KINDS) or S.GENERAL in ids
                or (ids and (min(map(len, ids)) == 0 or max(map(len, ids)) > MAX_ID))):
            return None
        groups: dict[str, list[dict[str, Any]]] = {}
        for node, kind in zip(nodes_in, kinds):
            groups.setdefault(kind, []).append(node)
        for kind, group in groups.items():
            # Same size as the schema, and every field present (a missing one raises
            # KeyError below): then the keys are exactly the schema's.  Fields left
            # out (the careful path fills them in silently too) are filled first.
            if set(map(len, group)) != {len(_KEYS[kind])}:
                if not all(map(_KEYS[kind].issuperset, group)):
                    return None  # a key the schema does not know
                _fill_defaults(kind, group)
            for shape, names in _SHAPES[kind]:
                if not _column_ok(shape, _columns(group, names)):
                    return None
    except (TypeError, KeyError):  # an unhashable value, a missing field
        return None
    for node in nodes_in:
        del node["id"]
    return list(zip(ids, nodes_in))


def edges(edges_in: list[Any], kinds: dict[str, str]) -> list[tuple[str, str, dict]] | None:
    """``(source, target, fields)`` for every edge, or ``None`` if any needs a look."""
    if not set(map(type, edges_in)) <= {dict}:
        return None
    if not all(map(eq, repeat(_EDGE_KEYS), map(dict.keys, edges_in))):
        return None
    sources = _column(edges_in, "source")
    targets = _column(edges_in, "target")
    edge_kinds = _column(edges_in, "kind")
    try:
        ends = set(zip(edge_kinds, map(kinds.get, sources), map(kinds.get, targets)))
        if not ends <= _ALLOWED_EDGES:  # unknown ids and kinds show up here as well
            return None
        if any(map(eq, sources, targets)) or len(set(zip(sources, targets))) != len(sources):
            return None
    except TypeError:
        return None
    # A node's kind allows at most one of these link kinds, so a repeated source
    # among them is a second stage, target or parent.
    single = [u for u, k in zip(sources, edge_kinds) if k in _SINGLE]
    if len(set(single)) != len(single):
        return None
    shared = {kind: {"kind": kind} for kind in S.EDGE_KINDS}  # NetworkX copies them
    return list(zip(sources, targets, map(shared.__getitem__, edge_kinds)))
