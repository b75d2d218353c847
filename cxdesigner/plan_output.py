"""Text and JSON renderings of rankings, the action tree and the analysis (no Qt).

The JSON shapes are documented in docs/cli-json.md and kept stable: fields are only
ever added.
"""

from __future__ import annotations

import json

from .model import JourneyMap
from .model import schema as S
from .model.analysis import Analysis
from .model.plan import Node, Plan
from .model.scoring import Score

JSON_VERSION = 1


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _where(journey: JourneyMap, note: str) -> tuple[str | None, str | None]:
    """The note's target and its stage (both None for a map-wide note)."""
    target = journey.target_of(note)
    if target is None:
        return None, None
    stage = target if journey.kind_of(target) == S.STAGE else journey.stage_of(target)
    return target, stage


def _score_text(score: Score | None) -> str:
    if score is None or not score.scored:
        return "unscored"
    return f"{score.value:.2f}"


# ----------------------------------------------------------------------- rank
def rank_json(journey: JourneyMap, ranking: list[Score]) -> str:
    notes = []
    for s in ranking:
        target, stage = _where(journey, s.note)
        notes.append({"id": s.note, "kind": journey.get(s.note)["note_kind"],
                      "title": journey.title(s.note), "target": target, "stage": stage,
                      **{k: v for k, v in s.as_dict().items() if k != "note"}})
    method = ranking[0].method if ranking else journey.document["scoring_method"]
    return _dump({"version": JSON_VERSION, "method": method, "notes": notes})


def rank_text(journey: JourneyMap, ranking: list[Score]) -> str:
    if not ranking:
        return "No pain points, weaknesses, threats or opportunities to rank."
    lines = [f"Method: {ranking[0].method.replace('_', '-')}"]
    for s in ranking:
        kind = journey.get(s.note)["note_kind"].replace("_", " ")
        flags = f"  [{'; '.join(s.flags)}]" if s.flags else ""
        lines.append(f"{s.rank:>3}. {_score_text(s):>8}  {kind}: {journey.title(s.note)}")
        lines.append(f"{'':14}{s.formula}{flags}")
    return "\n".join(lines)


# ----------------------------------------------------------------------- tree
def _node_json(journey: JourneyMap, node: Node) -> dict:
    out: dict = {"number": node.number, "kind": node.kind, "id": node.id,
                 "title": node.title}
    if node.kind == "note":
        out["note_kind"] = journey.get(node.id)["note_kind"]
        out["score"] = None if not node.score.scored else round(node.score.value, 4)
        out["rank"] = node.score.rank
    elif node.kind == "action":
        attrs = journey.get(node.id)
        out.update(owner=attrs["owner"], due=attrs["due"], status=attrs["status"],
                   kpi=attrs["kpi"], review_months=attrs["review_months"],
                   reviewed=attrs["reviewed"], overdue=node.overdue,
                   review_due=node.review_due)
    out["children"] = [_node_json(journey, child) for child in node.children]
    return out


def tree_json(journey: JourneyMap, plan: Plan) -> str:
    return _dump({"version": JSON_VERSION, "goal": plan.goal, "method": plan.method,
                  "branches": [_node_json(journey, b) for b in plan.branches]})


def tree_text(journey: JourneyMap, plan: Plan) -> str:
    lines = [f"Goal: {plan.goal or '(no goal set)'}"]
    for node in plan.walk():
        indent = "  " * node.number.count(".")
        if node.kind == "stage":
            label = node.title or "Whole journey"
        elif node.kind == "note":
            kind = journey.get(node.id)["note_kind"].replace("_", " ")
            label = f"{kind}: {node.title} (score {_score_text(node.score)})"
        else:
            attrs = journey.get(node.id)
            details = [f"owner {attrs['owner']}" if attrs["owner"] else "no owner",
                       f"due {attrs['due']}" if attrs["due"] else "no due date",
                       attrs["status"].replace("_", " ")]
            label = (f"{node.title} ({', '.join(details)})"
                     + ("  OVERDUE" if node.overdue else "")
                     + ("  REVIEW DUE" if node.review_due else ""))
        lines.append(f"{indent}{node.number} {label}")
    if not plan.branches:
        lines.append("Nothing to plan yet: add and score pain points or opportunities.")
    return "\n".join(lines)


# -------------------------------------------------------------------- analyze
def analysis_json(journey: JourneyMap, result: Analysis) -> str:
    return _dump({"version": JSON_VERSION, "entries": result.entries,
                  "paths": result.paths,
                  "findings": [f.as_dict() for f in result.findings]})


def analysis_text(journey: JourneyMap, result: Analysis) -> str:
    lines = [f"Paths from the start to the last stage ({len(result.paths)}):"]
    for path in result.paths:
        lines.append("  " + " -> ".join(journey.title(t) or t for t in path))
    titles = {"low_emotion": "Moments of truth: lowest emotion",
              "pain_hotspot": "Moments of truth: most pain",
              "dead_end": "Dead ends", "unreachable": "Unreachable touchpoints",
              "empty_stage": "Empty stages"}
    for kind, title in titles.items():
        found = result.of_kind(kind)
        if found:
            lines.append(f"{title}:")
            lines += [f"  - {f.message}" for f in found]
    return "\n".join(lines)
