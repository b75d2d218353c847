"""GraphML export: the journey graph for yEd, Gephi and other graph tools (no Qt).

GraphML only holds scalar attributes (text, whole numbers, numbers, true/false), so the
graph written is a flattened copy built for export, never the model's own graph:

- every node keeps its id, ``kind`` and ``title``, and gets ``label`` (its title, or
  for an untitled element its kind) which Gephi shows as the node's name;
- fields with no value (``None``: an unscored impact, no due date) are left out;
- a touchpoint's ``emotions`` table becomes ``emotion`` (any customer) and one
  ``emotion:<persona>`` per persona it has a value for, named by the persona's title
  (its id when the title is empty or shared with another persona);
- a stage gets ``stage_index`` (1, 2, ... in journey order); a touchpoint gets
  ``stage`` (its stage's id), ``stage_title`` and ``number`` (its place in journey
  order, the number on its card and in the report);
- a lane is a node (``lane_kind``, ``title``, ``hidden``, ``order``) whose ``label`` is
  its name on the map (its title, else its kind's usual name in the map's language);
  a touchpoint's text in a lane becomes ``cell:<lane>`` and its fail or wait point
  ``mark:<lane>`` ("fail" or "wait"), ``<lane>`` being the lane's label (its id when
  the label is shared with another lane), so one column of Gephi's table is one lane;
- stages and touchpoints get ``x``/``y``: the centre of their band or card on the
  canvas (so Gephi places them as the editor does); a touchpoint's own place in its
  band is kept as ``offset_x``/``offset_y``;
- edges keep ``kind`` (flow, in_stage, about, addresses, child_of, for_persona);
- the map details (title, client, author, ...) are graph attributes.

Characters XML cannot hold (control characters other than tab and line breaks) are
left out of every value, name and id, the separators among them (a vertical tab is
Excel's line break) becoming a space (``xmltext``).  Each attribute has one type
throughout the file (``nps`` is always a number, ``votes`` always a whole number), as
GraphML's keys require.

    export_graphml(journey, "map.graphml")
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import networkx as nx

from ..model import layout as L
from ..model import schema as S
from ..model.journey import JourneyMap
from ..model.vocabulary import vocabulary
from .errors import FileFormatError
from .xmltext import xml_text

# Fields written as numbers (GraphML "double") even when the value is a whole number,
# so one key has one type.
_FLOAT_FIELDS = frozenset({"nps", "csat", "order"})
# Fields replaced or moved by the flattening.
# A picture is megabytes of base64: graph tools read it as text, so it stays out.
# A snapshot's record is the editor's own copy for comparing reviews, not graph data.
_SKIP_FIELDS = frozenset({"emotions", "x", "y", "cells", "marks", "picture", "record",
                          "fields"})


class GraphMLError(FileFormatError):
    """The GraphML file could not be written; the previous file, if any, is unchanged."""


def export_graphml(journey: JourneyMap, path: str | os.PathLike[str]) -> None:
    """Write ``journey`` as GraphML to ``path``, atomically: the file is made in memory
    and replaces ``path`` only when complete."""
    from .files import write_atomic  # atomic, through links, never onto a device

    path = Path(path)
    if path.is_dir():
        raise GraphMLError(f"{path} is a folder; give the GraphML file to write.", str(path))
    data = graphml_bytes(journey)
    try:
        write_atomic(path, data, backup=False)
    except FileFormatError as exc:
        raise GraphMLError(exc.message.replace("Could not save",
                                               "Could not write the GraphML file"),
                           str(path)) from None


def graphml_bytes(journey: JourneyMap) -> bytes:
    """The GraphML document (UTF-8) of ``journey``."""
    out = io.BytesIO()
    # Keys get networkx's ids (d0, d1, ...): GraphML wants ids without spaces, and a
    # persona's name may have some.
    nx.write_graphml(export_graph(journey), out, encoding="utf-8", prettyprint=True)
    return out.getvalue()


def export_graph(journey: JourneyMap) -> nx.DiGraph:
    """A copy of the journey graph with only scalar attributes, as written to GraphML."""
    graph = journey.graph
    layout = L.compute(journey)
    out = nx.DiGraph()
    out.graph.update({_clean(key): _clean(value) if isinstance(value, str) else value
                      for key, value in journey.document.items() if value is not None})
    out.graph["format"] = "cxdesigner-graphml"
    stage_index = {stage: i for i, stage in enumerate(journey.stages(), 1)}
    number = {tp: i for i, tp in enumerate(layout.order, 1)}
    persona_keys = _persona_keys(journey)
    lane_keys = _lane_keys(journey)
    for node, attrs in graph.nodes(data=True):
        row: dict[str, Any] = {}
        for key, value in attrs.items():
            if key in _SKIP_FIELDS or value is None:
                continue
            # A field this version does not know keeps its name, which becomes a key's
            # attr.name: cleaned like any text, and never over a field of the same name.
            name = _clean(key)
            if name not in row:
                row[name] = _scalar(key, value)
        kind = attrs["kind"]
        row["label"] = _clean(attrs.get("title") or "") or kind
        if kind == S.LANE:
            row["label"] = _clean(_lane_label(journey, node))
        if kind == S.STAGE:
            row["stage_index"] = stage_index.get(node, 0)
            _place(row, layout.bands.get(node))
        elif kind == S.TOUCHPOINT:
            stage = journey.stage_of(node)
            row["stage"] = _clean(stage)
            row["stage_title"] = _clean(journey.title(stage))
            row["number"] = number.get(node, 0)
            row["offset_x"], row["offset_y"] = float(attrs["x"]), float(attrs["y"])
            _place(row, layout.cards.get(node))
            for persona, value in sorted(attrs["emotions"].items()):
                key = "emotion" if persona == S.GENERAL else (
                    "emotion:" + persona_keys.get(persona, _clean(persona)))
                row[key] = int(value)
            for name, table in (("cell", attrs["cells"]), ("mark", attrs["marks"])):
                for lane, value in table.items():
                    row[f"{name}:{lane_keys.get(lane, _clean(lane))}"] = _clean(value)
        elif kind == S.FEEDBACK:
            # A survey's own columns, each an attribute of its own.
            for name, value in sorted(attrs["fields"].items()):
                row.setdefault(f"field:{_clean(name)}", _clean(value))
        out.add_node(_clean(node), **row)
    for source, target, kind in graph.edges(data="kind"):
        out.add_edge(_clean(source), _clean(target), kind=kind)
    return out


def _persona_keys(journey: JourneyMap) -> dict[str, str]:
    """Persona id -> the name in its emotion key: the title, or the id when the title
    is empty or another persona has it too."""
    titles = {p: _clean(journey.title(p)).strip() for p in journey.ids(S.PERSONA)}
    counts: dict[str, int] = {}
    for title in titles.values():
        counts[title] = counts.get(title, 0) + 1
    return {p: t if t and counts[t] == 1 else _clean(p) for p, t in titles.items()}


def _lane_label(journey: JourneyMap, lane: str) -> str:
    return vocabulary(journey.document["language"]).lane_title(journey.lane(lane))


def _lane_keys(journey: JourneyMap) -> dict[str, str]:
    """Lane id -> the name in its cell and mark keys: its label, or its id when the
    label is empty or another lane has it too."""
    labels = {n: _clean(_lane_label(journey, n)).strip() for n in journey.ids(S.LANE)}
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    return {n: t if t and counts[t] == 1 else _clean(n) for n, t in labels.items()}


def _place(row: dict[str, Any], rect: L.Rect | None) -> None:
    if rect is not None:
        row["x"], row["y"] = rect.center


def _scalar(key: str, value: Any) -> str | int | float | bool:
    if key in _FLOAT_FIELDS:
        return float(value)
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, (list, tuple)):  # no field holds one today; written as text
        return _clean(", ".join(str(v) for v in value))
    return _clean(str(value))


def _clean(text: str) -> str:
    return xml_text(text)
