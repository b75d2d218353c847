"""Copy and paste of map elements as plain data (no Qt).

``extract`` turns a selection into a JSON-able dict; ``paste`` adds it to a map (the
same one, or another window's) as one edit with fresh ids.  The dict is the contract
between windows, so ``paste`` treats it as untrusted input: a malformed one is refused
with ``ModelError`` and changes nothing.

What a copy holds:

* the selected stages, with all their touchpoints;
* the selected touchpoints;
* the notes about anything copied, and the selected notes themselves;
* the flows between copied touchpoints;
* each touchpoint's emotions (a persona's emotion survives a paste only if that persona
  exists in the target map: in another map the id means nothing);
* each touchpoint's cells and marks, with the kind and title of their lanes: a paste
  keeps a cell whose lane the target map has (the same lane, or in another map the one
  text lane of that kind and title) and drops the others, as the map has no row for
  them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import layout as L
from . import schema as S
from .changes import AddNode, Change
from .errors import ModelError
from .journey import JourneyMap
from .lane_edits import TEXT_LANES

FORMAT = "cxdesigner-elements"
VERSION = 1
# Pasted cards step down by a card's height and a gap until they cover no card.
STEP_Y = L.CARD_H + 20.0
MAX_STEPS = 500

_BAD = "The clipboard does not hold CX Designer elements that can be pasted."


def _fields(journey: JourneyMap, node: str) -> dict[str, Any]:
    return {k: v for k, v in journey.get(node).items() if k != "kind"}


def extract(journey: JourneyMap, ids: Iterable[str]) -> dict[str, Any]:
    """The selected stages, touchpoints and notes (and what goes with them) as data."""
    chosen = [i for i in dict.fromkeys(ids) if i in journey]
    kinds = {i: journey.kind_of(i) for i in chosen}
    stages = [s for s in journey.stages() if kinds.get(s) == S.STAGE]
    tps: dict[str, None] = {}
    for stage in stages:
        tps.update(dict.fromkeys(journey.touchpoints_in(stage)))
    # Selected touchpoints in journey order, so a paste reads as the copy did.
    order = {tp: n for n, tp in enumerate(journey.journey_order())}
    tps.update(dict.fromkeys(sorted((i for i in chosen if kinds[i] == S.TOUCHPOINT),
                                    key=order.__getitem__)))
    notes: dict[str, None] = {}
    for target in (*stages, *tps):
        notes.update(dict.fromkeys(journey.notes_on(target)))
    notes.update(dict.fromkeys(i for i in chosen if kinds[i] == S.NOTE))
    return {
        "format": FORMAT,
        "version": VERSION,
        "stages": [{"id": s, "fields": _fields(journey, s)} for s in stages],
        "touchpoints": [{"id": t, "stage": journey.stage_of(t), "fields": _fields(journey, t)}
                        for t in tps],
        "notes": [{"id": n, "on": journey.target_of(n), "fields": _fields(journey, n)}
                  for n in notes],
        "flows": [[u, v] for u, v in journey.flows() if u in tps and v in tps],
        "lanes": {lane: {"lane_kind": journey.lane(lane)["lane_kind"],
                         "title": journey.lane(lane)["title"]}
                  for lane in sorted({key for tp in tps for name in ("cells", "marks")
                                      for key in journey.get(tp)[name]})},
    }


def titles(data: dict[str, Any]) -> list[str]:
    """The titles of what a copy holds, for the plain-text flavour of the clipboard."""
    return [entry["fields"].get("title", "") for key in ("stages", "touchpoints", "notes")
            for entry in data.get(key, ())]


def added_ids(change: Change) -> list[str]:
    """The stages, touchpoints and notes an edit (a paste) created, in creation order."""
    return [op.id for op in change.ops if type(op) is AddNode
            and op.kind in (S.STAGE, S.TOUCHPOINT, S.NOTE)]


def paste(journey: JourneyMap, data: Any, stage: str | None = None, *,
          on: str | None = None) -> Change:
    """Add a copy to ``journey`` as one edit, every element with a fresh id.

    Copied stages go after ``stage`` (or at the end).  A touchpoint whose stage was not
    copied keeps that stage if the map has it, else goes to ``stage`` or the first
    stage.  A note whose touchpoint or stage was not copied and is not in the map goes
    on ``on`` (or becomes a note about the whole map).  Touchpoints are moved down
    until they cover no card, so a copy never hides its original.
    """
    stages, tps, notes, flows = _checked(data)
    if stage is not None and (stage not in journey or journey.kind_of(stage) != S.STAGE):
        stage = None
    if on is not None and (on not in journey or journey.kind_of(on) not in (S.TOUCHPOINT,
                                                                             S.STAGE)):
        on = None
    if tps and not stages and not journey.stages():
        raise ModelError("The map has no stage to paste touchpoints into: add a stage first.")
    fallback = stage or (journey.stages()[0] if journey.stages() else None)
    where = {t["id"]: _destination(journey, t["stage"], stages, fallback) for t in tps}
    lanes = _lane_map(journey, data.get("lanes"))
    shift = _free_shift(journey, tps, where)
    with journey.group("Paste") as out:
        new: dict[str, str] = {}
        index = journey.stage_position(stage) + 1 if stage is not None else None
        for n, entry in enumerate(stages):
            fields = _known(S.STAGE, entry["fields"])
            change = journey.add_stage(fields.pop("title", ""),
                                       None if index is None else index + n, **fields)
            new[entry["id"]] = change.id
        for entry in tps:
            fields = _known(S.TOUCHPOINT, entry["fields"])
            emotions = fields.get("emotions", {})
            if type(emotions) is dict:  # anything else, the model refuses with its message
                fields["emotions"] = {k: v for k, v in emotions.items()
                                      if k == S.GENERAL or _is_persona(journey, k)}
            for name in ("cells", "marks"):
                table = fields.get(name, {})
                if type(table) is dict:  # else the model refuses it with its message
                    fields[name] = {lanes[k]: v for k, v in table.items() if k in lanes}
            fields["y"] = _coord(fields, "y") + shift
            target = where[entry["id"]]
            change = journey.add_touchpoint(new.get(target, target), fields.pop("title", ""),
                                            **fields)
            new[entry["id"]] = change.id
        for source, target in flows:
            if source in new and target in new and source != target:
                journey.add_flow(new[source], new[target])
        for entry in notes:
            fields = _known(S.NOTE, entry["fields"])
            target = entry["on"] if type(entry["on"]) is str else None
            if target in new:
                target = new[target]
            elif target is None or target not in journey or journey.kind_of(target) not in (
                    S.TOUCHPOINT, S.STAGE):
                target = on
            journey.add_note(fields.pop("note_kind", "insight"), fields.pop("title", ""),
                             target, **fields)
    return out[0]


def _lane_map(journey: JourneyMap, copied: Any) -> dict[str, str]:
    """A copied lane id -> the text lane of ``journey`` its cells go to: the same lane
    if the map has it, else the map's one text lane of the same kind and title."""
    mine = {n: journey.lane(n) for n in journey.lanes()
            if journey.lane(n)["lane_kind"] in TEXT_LANES}
    out = {n: n for n in mine}
    by_name: dict[tuple[Any, Any], list[str]] = {}
    for n, attrs in mine.items():
        by_name.setdefault((attrs["lane_kind"], attrs["title"]), []).append(n)
    for old, attrs in (copied.items() if type(copied) is dict else ()):
        if old in out or type(attrs) is not dict:
            continue
        try:
            same = by_name.get((attrs.get("lane_kind"), attrs.get("title")), [])
        except TypeError:  # an unhashable kind or title: no lane of ours
            continue
        if len(same) == 1:
            out[old] = same[0]
    return out


def _destination(journey: JourneyMap, old_stage: Any, copied: list[dict], fallback: str | None
                 ) -> str:
    """The stage (an old id if copied along, else an id of the map) a touchpoint goes to."""
    if any(entry["id"] == old_stage for entry in copied):
        return old_stage
    if isinstance(old_stage, str) and old_stage in journey and journey.kind_of(
            old_stage) == S.STAGE:
        return old_stage
    if fallback is None:
        raise ModelError("The map has no stage to paste touchpoints into: add a stage first.")
    return fallback


def _free_shift(journey: JourneyMap, tps: list[dict], where: dict[str, str]) -> float:
    """How far down to move the pasted cards so that none covers a card of the map."""
    taken: dict[str, list[tuple[float, float]]] = {}
    for stage in set(where.values()):
        if stage in journey:
            taken[stage] = [(journey.get(t)["x"], journey.get(t)["y"])
                            for t in journey.touchpoints_in(stage)]

    def covers(shift: float) -> bool:
        for entry in tps:
            x, y = _coord(entry["fields"], "x"), _coord(entry["fields"], "y") + shift
            for ox, oy in taken.get(where[entry["id"]], ()):
                if abs(ox - x) < L.CARD_W and abs(oy - y) < L.CARD_H:
                    return True
        return False

    steps = 0
    while steps < MAX_STEPS and covers(steps * STEP_Y):
        steps += 1
    return steps * STEP_Y


def _coord(fields: dict, key: str) -> float:
    value = fields.get(key, 0.0)
    return float(value) if type(value) in (int, float) else 0.0


def _is_persona(journey: JourneyMap, key: str) -> bool:
    return key in journey and journey.kind_of(key) == S.PERSONA


def _known(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields this version knows (a newer version's copy may hold more)."""
    table = S.FIELD_BY_NAME[kind]
    return {k: v for k, v in fields.items() if k in table}


def _checked(data: Any) -> tuple[list[dict], list[dict], list[dict], list[tuple[str, str]]]:
    """The copy's parts, once their shape is right; field values are the model's to check."""
    if type(data) is not dict or data.get("format") != FORMAT:
        raise ModelError(_BAD)
    if type(data.get("version")) is not int or data["version"] > VERSION:
        raise ModelError("The clipboard holds elements from a newer CX Designer; "
                         "update this one to paste them.")
    parts = []
    for key, needs in (("stages", ()), ("touchpoints", ("stage",)), ("notes", ("on",))):
        entries = data.get(key, [])
        if type(entries) is not list:
            raise ModelError(_BAD)
        for entry in entries:
            if (type(entry) is not dict or type(entry.get("id")) is not str
                    or type(entry.get("fields")) is not dict
                    or any(k not in entry for k in needs)):
                raise ModelError(_BAD)
        ids = [entry["id"] for entry in entries]
        if len(set(ids)) != len(ids):
            raise ModelError(_BAD)
        parts.append(entries)
    flows = data.get("flows", [])
    if type(flows) is not list or any(
            type(f) is not list or len(f) != 2 or not all(type(x) is str for x in f)
            for f in flows):
        raise ModelError(_BAD)
    return parts[0], parts[1], parts[2], [tuple(f) for f in flows]
