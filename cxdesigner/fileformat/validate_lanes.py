"""The file rules of lanes (``model/lane_edits.py``), repaired as the loader repairs.

* at most ``MAX_LANES`` lanes, the emotion lane among them even when it has no node
  (moving it would make one): the ones past it are dropped;
* one emotion lane, under its fixed id: an emotion lane under another id, or another
  element under that id, is dropped;
* a touchpoint's cells and marks name text lanes of the map: the others are dropped.

Linear in the number of elements, like every pass of the checker.
"""

from __future__ import annotations

from typing import Any

from ..model import schema as S
from ..model.lane_edits import EMOTION_LANE_ID, TEXT_LANES


class LaneChecks:
    """A mixin of ``validate.Checker`` (it reports through ``report`` and
    ``report_each`` and names places with ``_node``)."""

    def _lane_rules(self, nodes: list[tuple[str, dict[str, Any]]],
                    kinds: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
        drop: set[str] = set()
        lanes = 0
        for node_id, attrs in nodes:
            kind = attrs["kind"]
            if kind == S.LANE:
                emotion = attrs["lane_kind"] == S.EMOTION_LANE
                if emotion != (node_id == EMOTION_LANE_ID):
                    self.report(self._node(node_id), "an emotion lane must have the id "
                                f"{EMOTION_LANE_ID!r}, and only it", "dropped")
                    drop.add(node_id)
                    continue
                if emotion:
                    continue  # counted from the start: every map has it
                lanes += 1
                if lanes > S.MAX_LANES - 1:
                    self.report(self._node(node_id), f"a map has at most {S.MAX_LANES} "
                                "lanes", "dropped", many="lanes past the limit")
                    drop.add(node_id)
            elif node_id == EMOTION_LANE_ID:
                self.report(self._node(node_id), f"the id {EMOTION_LANE_ID!r} belongs to "
                            "the emotion lane", "dropped")
                drop.add(node_id)
        if drop:
            nodes = [(n, a) for n, a in nodes if n not in drop]
            for node_id in drop:
                del kinds[node_id]
        text_lanes = {n for n, a in nodes
                      if a["kind"] == S.LANE and a["lane_kind"] in TEXT_LANES}
        for name in ("cells", "marks"):
            self.keep_keys(nodes, name, text_lanes, "text lane")
        return nodes
