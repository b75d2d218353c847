"""The bundled templates and sample maps, and new maps made from them (no Qt).

The files live in ``resources/`` (installed as the package ``cxdesigner.resources``)
and are built by ``resources/samples/build_samples.py``:

* ``templates/blank.cxmap``: an empty map, for either language;
* ``templates/five-stages-{en,he}.cxmap``: the five-stage frame, teaching the method;
* ``samples/bakery-{en,he}.cxmap``: a worked example.

A map made from a template is a copy with fresh ids, so that two maps made from one
template never share an id, and its ``created`` time is now.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..model import JourneyMap, new_id
from ..model import schema as S
from ..model.lane_edits import EMOTION_LANE_ID
from ..resources_path import resource

TEMPLATES = ("blank", "five-stages")
LANGUAGES = S.LANGUAGES


def _check(name: str, lang: str) -> None:
    if name not in TEMPLATES:
        raise ValueError(f"There is no template called {name!r:.40}; choose one of: "
                         f"{', '.join(TEMPLATES)}.")
    _check_lang(lang)


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"There is no language {lang!r:.40}; choose one of: "
                         f"{', '.join(LANGUAGES)}.")


def template_path(name: str = "blank", lang: str = "en") -> Path:
    """The file of a template in a language (the blank map serves both languages)."""
    _check(name, lang)
    filename = "blank.cxmap" if name == "blank" else f"{name}-{lang}.cxmap"
    return resource("templates", filename)


def sample_path(lang: str = "en") -> Path:
    """The bundled sample map (the bakery) in a language."""
    _check_lang(lang)
    return resource("samples", f"bakery-{lang}.cxmap")


def new_from_template(name: str = "blank", lang: str = "en") -> JourneyMap:
    """A new, unsaved map from a template: fresh ids, created now, in ``lang``."""
    from .cxmap import load  # loaded only when a map is made from a template

    template = load(template_path(name, lang)).journey
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    return copy_with_fresh_ids(template, {
        "created": now, "modified": "", "language": lang,
        "direction": "rtl" if lang == "he" else "ltr"})


def copy_with_fresh_ids(source: JourneyMap, document: Mapping[str, Any] | None = None,
                        make_id: Callable[[str], str] | None = None) -> JourneyMap:
    """A copy of ``source`` in which every element has a new id.

    ``document`` overrides map details; ``make_id`` gives the new id for an old one
    (a fresh uuid4 by default).  Everything that refers to an id (touchpoints' stages,
    flows, notes' targets, emotions per persona, sub-actions, addressed notes, assigned
    personas, the lanes of cells and marks) follows to the new ids; stage order,
    sub-action order and lane order are kept.  The emotion lane keeps its fixed id.
    """
    make_id = make_id or (lambda old: new_id())
    ids = {old: make_id(old) for old in source.graph.nodes}
    ids[EMOTION_LANE_ID] = EMOTION_LANE_ID
    journey = JourneyMap(document={**source.document, **(document or {})})

    def fields(node: str, *taken: str) -> dict[str, Any]:
        attrs = source.get(node)
        return {k: v for k, v in attrs.items() if k not in ("kind", "title", *taken)}

    for persona in source.ids(S.PERSONA):
        journey.add_persona(source.title(persona), source.get(persona)["persona_kind"],
                            id=ids[persona], **fields(persona, "persona_kind"))
    _copy_lanes(source, journey, ids)
    for stage in source.stage_order:
        journey.add_stage(source.title(stage), id=ids[stage], **fields(stage))
    for tp in source.ids(S.TOUCHPOINT):
        emotions = {key if key == S.GENERAL else ids[key]: value
                    for key, value in source.get(tp)["emotions"].items()}
        cells, marks = ({ids[key]: value for key, value in source.get(tp)[name].items()}
                        for name in ("cells", "marks"))
        journey.add_touchpoint(ids[source.stage_of(tp)], source.title(tp), id=ids[tp],
                               emotions=emotions, cells=cells, marks=marks,
                               **fields(tp, "emotions", "cells", "marks"))
    for u, v in source.flows():
        journey.add_flow(ids[u], ids[v])
    for note in source.ids(S.NOTE):
        target = source.target_of(note)
        journey.add_note(source.get(note)["note_kind"], source.title(note),
                         on=None if target is None else ids[target], id=ids[note],
                         **fields(note, "note_kind"))

    def add_actions(parent: str | None) -> None:
        for action in source.children_of(parent):  # parents before their sub-actions
            journey.add_action(source.title(action), None if parent is None else ids[parent],
                               addresses=[ids[n] for n in source.addressed_by(action)],
                               id=ids[action], **fields(action))
            add_actions(action)

    add_actions(None)
    for element, persona, kind in source.graph.edges(data="kind"):
        if kind == S.FOR_PERSONA:
            journey.assign_persona(ids[element], ids[persona])
    return journey


def _copy_lanes(source: JourneyMap, journey: JourneyMap, ids: dict[str, str]) -> None:
    """The source's lanes, in its order, names and visibility.  The emotion lane gets a
    node only if it has one in the source (moving it there makes it)."""
    order = source.lanes()
    for lane in order:
        attrs = source.lane(lane)
        if lane != EMOTION_LANE_ID:
            journey.add_lane(attrs["lane_kind"], attrs["title"], id=ids[lane])
            if attrs["hidden"]:
                journey.set_lane(ids[lane], hidden=True)
    if EMOTION_LANE_ID in source.graph:
        journey.move_lane(EMOTION_LANE_ID, order.index(EMOTION_LANE_ID))
        attrs = source.lane(EMOTION_LANE_ID)
        journey.set_lane(EMOTION_LANE_ID, title=attrs["title"], hidden=attrs["hidden"])
