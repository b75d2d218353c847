"""The file rules of feedback items and snapshots (``model/feedback_edits.py``): a map
keeps at most ``MAX_FEEDBACK`` items and ``MAX_SNAPSHOTS`` snapshots; past them, the
elements past the limit (in file order) are dropped and reported, like lanes.

The count is one C-level pass over the kinds; only a map past a limit is walked.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import schema as S

LIMITS = {S.FEEDBACK: (S.MAX_FEEDBACK, "feedback items"),
          S.SNAPSHOT: (S.MAX_SNAPSHOTS, "snapshots")}


class FeedbackChecks:
    """A mixin of ``validate.Checker`` (it reports through ``report`` and names places
    with ``_node``)."""

    def _count_limits(self, nodes: list[tuple[str, dict[str, Any]]],
                      kinds: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
        counts = Counter(kinds.values())
        over = {k for k, (limit, _) in LIMITS.items() if counts[k] > limit}
        if not over:
            return nodes
        seen: Counter[str] = Counter()
        kept = []
        for node_id, attrs in nodes:
            kind = attrs["kind"]
            if kind in over:
                seen[kind] += 1
                limit, name = LIMITS[kind]
                if seen[kind] > limit:
                    self.report(self._node(node_id), f"a map keeps at most {limit:,} "
                                f"{name}", "dropped", many=f"{name} past the limit")
                    del kinds[node_id]
                    continue
            kept.append((node_id, attrs))
        return kept


def count_problem(journey) -> str | None:
    """What the saver refuses: more feedback items or snapshots than a file may keep."""
    for kind, (limit, name) in LIMITS.items():
        if journey.count(kind) > limit:
            return (f"The map has {journey.count(kind):,} {name}; a map keeps at most "
                    f"{limit:,}.")
    return None
