"""Ordered steps that bring an older .cxmap up to the current version.

``MIGRATIONS[n]`` takes the whole file of version ``n`` (parsed JSON) and a
``report(location, message, action)`` for what it cannot carry over, and returns the
file as version ``n + 1``.  Steps are pure: they build new containers where they
change something and never modify their input, so a failed load leaves nothing
half-done.
"""

from __future__ import annotations

from typing import Any, Callable

Data = dict[str, Any]
Report = Callable[[str, str, str], None]


def _v1_to_v2(data: Data, report: Report) -> Data:
    """Version 1 (the pre-release draft) had one ``emotion`` per touchpoint; version 2
    keeps one per persona in ``emotions``, with ``"*"`` for any customer."""
    graph = data.get("graph")
    nodes = graph.get("nodes") if isinstance(graph, dict) else None
    if not isinstance(nodes, list):
        return dict(data, version=2)
    new_nodes = []
    for i, node in enumerate(nodes):
        if isinstance(node, dict) and node.get("kind") == "touchpoint" and "emotion" in node:
            emotion = node["emotion"]
            node = {k: v for k, v in node.items() if k != "emotion"}
            if emotion is not None:
                if "emotions" not in node:
                    # A bad value is carried over for validation to report, not hidden here.
                    node["emotions"] = {"*": emotion}
                else:
                    report(f"$.graph.nodes[{i}].emotion", "the version 1 emotion was "
                           "dropped: the touchpoint also has emotions", "dropped")
        new_nodes.append(node)
    return dict(data, version=2, graph=dict(graph, nodes=new_nodes))


def _v2_to_v3(data: Data, report: Report) -> Data:
    """Version 3 adds lanes (nodes of kind ``lane``) and a touchpoint's ``cells`` and
    ``marks``.  A version 2 map has none, and its emotion lane is the one every map has
    until it is moved: nothing to change but the number, which keeps a version 3 file
    (whose lanes an older release would drop as unknown elements) out of older
    releases."""
    return dict(data, version=3)


def _v3_to_v4(data: Data, report: Report) -> Data:
    """Version 4 adds customer feedback (nodes of kind ``feedback``, linked by
    ``concerns`` and ``cites``), review snapshots (kind ``snapshot``) and the map's
    ``review_months``.  A version 3 map has none of them: only the number changes, so
    that older releases, which would drop them as unknown, refuse a version 4 file."""
    return dict(data, version=4)


MIGRATIONS: dict[int, Callable[[Data, Report], Data]] = {1: _v1_to_v2, 2: _v2_to_v3,
                                                         3: _v3_to_v4}


def _ignore(location: str, message: str, action: str) -> None:
    pass


def migrate(data: Data, version: int, target: int, report: Report = _ignore) -> Data:
    for step in range(version, target):
        data = MIGRATIONS[step](data, report)
    return data
