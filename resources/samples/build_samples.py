#!/usr/bin/env python3
"""Build the bundled templates and the sample maps from ``content/``.

    python resources/samples/build_samples.py

writes, with fixed ids so that every run gives the same documents:

* ``resources/templates/blank.cxmap``: an empty map;
* ``resources/templates/five-stages-{en,he}.cxmap``: the five-stage frame, each stage
  explaining what to capture in it, and a note on the steps of the method;
* ``resources/templates/{name}-{en,he}.cxmap``: a ready journey for a kind of small
  business (``BUSINESSES``): a few stages and touchpoints on several channels, emotions,
  pain points, opportunities and one action tree, so a new user sees the method at work;
* ``resources/samples/bakery-{en,he}.cxmap``: a worked example, a neighbourhood
  bakery with online orders, mapped by a consultant: touchpoints, personas, emotions,
  a SWOT of notes with scores and evidence, and prioritised action trees.

The content is plain data, one module per map in ``content/`` (``content/model.py``
has the shapes).  Every text is a ``T(english, hebrew)`` pair, so both languages share
one structure and one set of ids; the Hebrew is written for Hebrew readers, not
translated word for word.  The tests check that the committed files are what this
script builds, so edit the content and run the script again.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE.parent / "templates"
if __name__ == "__main__":  # run as a script from a checkout: find the package
    sys.path.insert(0, str(HERE.parent.parent))
if str(HERE) not in sys.path:  # the content package sits beside this script
    sys.path.insert(0, str(HERE))

from cxdesigner.fileformat.templates import CATALOGUE  # noqa: E402
from cxdesigner.model import JourneyMap  # noqa: E402
from content.model import (CREATED, Action, Content, Document, Note,  # noqa: E402
                           Stage, T, pick)

LANGS = ("en", "he")
COL, LANE = 240, 160  # a touchpoint's x is its column in the stage times COL, y its lane
# The ready journeys for small businesses: every template of the catalogue but the two
# frames, each built from the module of ``content`` of its name (with "_" for "-").
FRAMES = ("blank", "five-stages")
BUSINESSES = tuple(t.name for t in CATALOGUE if t.name not in FRAMES)


def content(name: str) -> Content:
    """The ``CONTENT`` of ``content/<name>.py``."""
    return importlib.import_module(f"content.{name.replace('-', '_')}").CONTENT


# ======================================================================== builder

def new_map(doc: Document, lang: str) -> JourneyMap:
    return JourneyMap(document=doc.fields(lang))


def add_stages(journey: JourneyMap, stages: list[Stage], lang: str) -> None:
    for stage in stages:
        journey.add_stage(pick(stage.title, lang), id=stage.id,
                          description=pick(stage.description, lang))


def add_note(journey: JourneyMap, note: Note, lang: str) -> None:
    scores = {}
    if note.scores:
        scores = dict(zip(("impact", "effort", "reach", "confidence"), note.scores))
    journey.add_note(note.kind, pick(note.title, lang), on=note.on, id=note.id,
                     description=pick(note.description, lang),
                     evidence=pick(note.evidence, lang), votes=note.votes, **scores)
    for persona in note.personas:
        journey.assign_persona(note.id, persona)


def add_action(journey: JourneyMap, action: Action, lang: str, parent: str | None) -> None:
    journey.add_action(pick(action.title, lang), parent, id=action.id,
                       addresses=action.addresses, owner=pick(action.owner, lang),
                       due=action.due, status=action.status, kpi=pick(action.kpi, lang),
                       description=pick(action.description, lang),
                       review_months=action.review_months)
    for persona in action.personas:
        journey.assign_persona(action.id, persona)
    for child in action.children:
        add_action(journey, child, lang, action.id)


def build_blank() -> JourneyMap:
    return new_map(Document(title=""), "en")


def build(map_content: Content, lang: str) -> JourneyMap:
    """The map of ``map_content`` in ``lang``."""
    journey = new_map(map_content.doc, lang)
    add_stages(journey, map_content.stages, lang)
    for persona in map_content.personas:
        journey.add_persona(pick(persona.title, lang), persona.kind, id=persona.id,
                            description=pick(persona.description, lang))
    for tp in map_content.touchpoints:
        feel = {key: value for key, value in zip(map_content.feel_keys, tp.feel)
                if value is not None}
        journey.add_touchpoint(
            tp.stage, pick(tp.title, lang), id=tp.id,
            x=float(tp.col * COL), y=float(tp.lane * LANE), channel=tp.channel,
            mode=tp.mode, owner=pick(tp.owner, lang), description=pick(tp.description, lang),
            emotions=feel, nps=tp.nps, csat=tp.csat, kpi=pick(tp.kpi, lang),
            evidence=pick(tp.evidence, lang))
        for persona in tp.personas:
            journey.assign_persona(tp.id, persona)
    for source, target in map_content.flows:
        journey.add_flow(source, target)
    for lane in map_content.lanes:
        journey.add_lane(lane.kind, pick(lane.title, lang), id=lane.id)
        for tp, text in lane.cells.items():
            journey.set_cell(tp, lane.id, pick(text, lang))
        for tp, mark in lane.marks.items():
            journey.set_mark(tp, lane.id, mark)
    for note in map_content.notes:
        add_note(journey, note, lang)
    for action in map_content.actions:
        add_action(journey, action, lang, None)
    if map_content.feedback:
        add_feedback(journey, map_content.feedback, lang)
    return journey


def add_feedback(journey: JourneyMap, items: list, lang: str) -> None:
    journey.add_feedback([
        {"id": f.id, "touchpoint": f.on, "date": f.date, "source": f.source,
         "channel": f.channel, "title": pick(f.title, lang), "description": pick(f.text, lang),
         "nps": f.nps, "csat": f.csat} for f in items])
    for f in items:
        for note in f.cited_by:
            journey.cite_feedback(note, [f.id])


def build_five_stages(lang: str) -> JourneyMap:
    return build(content("five_stages"), lang)


def build_bakery(lang: str) -> JourneyMap:
    journey = build(content("bakery_plan"), lang)
    add_plan_review(journey, lang)
    return journey


def add_plan_review(journey: JourneyMap, lang: str) -> None:
    """The snapshot of the day the plan was agreed (the map's own date): the same
    feedback, but no action started yet and WhatsApp orders felt worse, so Review >
    Compare and the report's progress section have a story to tell."""
    import datetime as dt

    from cxdesigner.model import metrics
    from cxdesigner.model.snapshots import make_record

    record = make_record(journey, metrics.compute(journey), dt.date(2026, 6, 1))
    for action in record["actions"]:
        action["status"] = "planned"
    for tp in record["touchpoints"]:
        if tp["id"] == "tp-whatsapp-order":
            tp["emotions"] = {**tp.get("emotions", {}), "*": -2}
    journey.add_snapshot(pick(T("Plan agreed", "התוכנית אושרה"), lang), CREATED, record,
                         id="sn-plan-agreed")


def build_business(name: str, lang: str) -> JourneyMap:
    return build(content(name), lang)


# Every file this script writes, with the function that builds it.
OUTPUTS = {
    TEMPLATES / "blank.cxmap": build_blank,
    **{TEMPLATES / f"five-stages-{lang}.cxmap": (lambda lang=lang: build_five_stages(lang))
       for lang in LANGS},
    **{TEMPLATES / f"{name}-{lang}.cxmap": (lambda name=name, lang=lang:
                                            build_business(name, lang))
       for name in BUSINESSES for lang in LANGS},
    **{HERE / f"bakery-{lang}.cxmap": (lambda lang=lang: build_bakery(lang)) for lang in LANGS},
}


def write(journey: JourneyMap, path: Path) -> None:
    """Write like ``cxmap.save`` does, but with fixed save times and no .bak file, so
    the bytes are the same on every run."""
    from cxdesigner.fileformat.cxmap import dumps, write_atomic

    journey.touch_timestamps(CREATED, CREATED)
    write_atomic(path, dumps(journey).encode("utf-8"), backup=False)


def main() -> None:
    TEMPLATES.mkdir(exist_ok=True)
    for path, build in OUTPUTS.items():
        write(build(), path)
        print(f"wrote {path.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
