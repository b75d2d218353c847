"""Text and JSON renderings of rankings, the action tree and the analysis (no Qt).

The JSON shapes are documented in docs/cli-json.md and kept stable: fields are only
ever added.

Titles come from the file, so the text renderings pass each through
``terminal.clean`` (a title's escape sequence, line break or bidi override must not
act on the terminal or the lines after it).  JSON keeps every character, but those
json.dumps leaves raw that a terminal would still act on (DEL, the C1 controls, line
and paragraph separators, bidi embeddings, overrides and isolates) are written as
``\\uXXXX`` escapes: the same JSON to a parser, inert on a screen.
"""

from __future__ import annotations

import json
import re

from ..model import JourneyMap
from ..model import schema as S
from ..model.analysis import Analysis
from ..model.plan import Node, Plan
from ..model.scoring import Score
from ..terminal import clean

JSON_VERSION = 1


_INERT_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _dump(data: dict) -> str:
    # Hebrew stays as is (ensure_ascii=False); these characters can only occur inside
    # JSON strings, where an escape means the same character.
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _INERT_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


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
        lines.append(f"{s.rank:>3}. {_score_text(s):>8}  {kind}: "
                     f"{clean(journey.title(s.note))}")
        lines.append(f"{'':14}{clean(s.formula)}{clean(flags)}")
    return "\n".join(lines)


# ----------------------------------------------------------------------- tree
def _node_json(journey: JourneyMap, node: Node, ranks: dict[str, int]) -> dict:
    out: dict = {"number": node.number, "kind": node.kind, "id": node.id,
                 "title": node.title}
    if node.kind == "note":
        out["note_kind"] = journey.get(node.id)["note_kind"]
        out["score"] = None if not node.score.scored else round(node.score.value, 4)
        out["rank"] = ranks[node.id]
    elif node.kind == "action":
        attrs = journey.get(node.id)
        out.update(owner=attrs["owner"], due=attrs["due"], status=attrs["status"],
                   kpi=attrs["kpi"], review_months=attrs["review_months"],
                   reviewed=attrs["reviewed"], overdue=node.overdue,
                   review_due=node.review_due)
    out["children"] = [_node_json(journey, child, ranks) for child in node.children]
    return out


def tree_json(journey: JourneyMap, plan: Plan) -> str:
    # A plan's nodes carry no rank (one note going would re-rank every later one):
    # every note's rank, read once from the ranking.
    ranks = {note: i for i, note in enumerate(journey.ranked_notes(plan.method), 1)}
    return _dump({"version": JSON_VERSION, "goal": plan.goal, "method": plan.method,
                  "branches": [_node_json(journey, b, ranks) for b in plan.branches]})


def tree_text(journey: JourneyMap, plan: Plan) -> str:
    lines = [f"Goal: {clean(plan.goal) or '(no goal set)'}"]
    for node in plan.walk():
        indent = "  " * node.number.count(".")
        if node.kind == "stage":
            label = clean(node.title) or "Whole journey"
        elif node.kind == "note":
            kind = journey.get(node.id)["note_kind"].replace("_", " ")
            label = f"{kind}: {clean(node.title)} (score {_score_text(node.score)})"
        else:
            attrs = journey.get(node.id)
            details = [f"owner {clean(attrs['owner'])}" if attrs["owner"] else "no owner",
                       f"due {clean(attrs['due'])}" if attrs["due"] else "no due date",
                       clean(attrs["status"]).replace("_", " ")]
            label = (f"{clean(node.title)} ({', '.join(details)})"
                     + ("  OVERDUE" if node.overdue else "")
                     + ("  REVIEW DUE" if node.review_due else ""))
        lines.append(f"{indent}{node.number} {label}")
    if not plan.branches:
        lines.append("Nothing to plan yet: add and score pain points or opportunities.")
    return "\n".join(lines)


# -------------------------------------------------------------------- analyze
def analysis_json(journey: JourneyMap, result: Analysis) -> str:
    return _dump({"version": JSON_VERSION, "entries": result.entries,
                  "paths": result.paths, "path_count": result.path_count,
                  "path_count_exact": result.path_count_exact, "loops": result.loops,
                  "paths_cut": result.paths_cut,
                  "search_stopped": result.search_stopped,
                  "search_steps": result.search_steps,
                  "findings": [f.as_dict() for f in result.findings],
                  "finding_counts": result.finding_counts})


def paths_heading(result: Analysis) -> str:
    """How many paths there are and how many are listed, in plain words."""
    count = f"{result.path_count:,}"
    if not result.path_count_exact:
        count = f"at least {count}" + (" (flows loop; each loop counts as crossed once)"
                                       if result.loops else "")
    listed = len(result.paths)
    if result.search_stopped:
        return (f"Paths from the start to the last stage: {count}; the search stopped "
                f"after {result.search_steps:,} steps, showing the {listed} shortest "
                "found")
    if result.paths_cut:
        return (f"Paths from the start to the last stage: {count}, showing the {listed} "
                "shortest")
    return f"Paths from the start to the last stage ({listed}):"


def analysis_text(journey: JourneyMap, result: Analysis) -> str:
    heading = paths_heading(result)
    lines = [heading if heading.endswith(":") else heading + ":"]
    for path in result.paths:
        lines.append("  " + " -> ".join(clean(journey.title(t)) or t for t in path))
    titles = {"low_emotion": "Moments of truth: lowest emotion",
              "pain_hotspot": "Moments of truth: most pain",
              "dead_end": "Dead ends", "unreachable": "Unreachable touchpoints",
              "empty_stage": "Empty stages"}
    for kind, title in titles.items():
        found = result.of_kind(kind)
        if found:
            lines.append(f"{title}:")
            lines += [f"  - {clean(f.message)}" for f in found]
            if result.count_of(kind) > len(found):
                lines.append(f"  ... and {result.count_of(kind) - len(found):,} more")
    return "\n".join(lines)
