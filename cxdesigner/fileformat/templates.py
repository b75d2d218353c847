"""The bundled templates and sample maps, and new maps made from them (no Qt).

The files live in ``resources/`` (installed as the package ``cxdesigner.resources``)
and are built by ``resources/samples/build_samples.py``:

* ``templates/blank.cxmap``: an empty map, for either language;
* ``templates/five-stages-{en,he}.cxmap``: the five-stage frame, teaching the method;
* ``templates/{name}-{en,he}.cxmap``: ready journeys for kinds of small business;
* ``samples/bakery-{en,he}.cxmap``: a worked example.

``CATALOGUE`` lists the templates in the order they are offered, each with a title and
a one-line description in both languages (the CLI's ``templates`` and the editor's New
from Template dialog show them); a new template is one entry there, and its content
module for the builder.

A map made from a template is a copy with fresh ids, so that two maps made from one
template never share an id, and its ``created`` time is now.

The model is imported only when a map is made: the CLI reads the catalogue to build
its help, and every command would otherwise pay for loading the model.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..resources_path import resource

if TYPE_CHECKING:
    from ..model import JourneyMap

LANGUAGES = ("en", "he")  # schema.LANGUAGES (a test keeps them the same)


@dataclass(frozen=True)
class Template:
    """A bundled template: its name (for files and the CLI), and what it is, in words."""
    name: str
    title_en: str
    title_he: str
    description_en: str  # one line each
    description_he: str
    one_file: bool = False  # one file for both languages (``{name}.cxmap``)

    def title(self, lang: str) -> str:
        return self.title_he if lang == "he" else self.title_en

    def description(self, lang: str) -> str:
        return self.description_he if lang == "he" else self.description_en


CATALOGUE: tuple[Template, ...] = (
    Template("blank", "Blank map", "מפה ריקה",
             "Start from nothing: no stages, no touchpoints.",
             "מתחילים מאפס: בלי שלבים ובלי נקודות מגע.", one_file=True),
    Template("five-stages", "Five stages", "חמשת השלבים",
             "The five-stage frame, each stage saying what to map in it, and the method's "
             "steps.",
             "מסגרת של חמישה שלבים, שבכל אחד הסבר מה למפות בו, ושלבי השיטה."),
    Template("service-blueprint", "Service blueprint", "שרטוט שירות",
             "The five blueprint lanes under a home repair; each cell says what belongs "
             "in it.",
             "חמשת נתיבי השרטוט מתחת לתיקון בבית הלקוח, ובכל תא הסבר מה כותבים בו, עם "
             "נקודת כשל ונקודת המתנה."),
    Template("cafe", "Café or restaurant", "בית קפה או מסעדה",
             "From finding the place to coming back: table booking, service, the bill and "
             "reviews.",
             "מהרגע שמגלים את המקום ועד שחוזרים: הזמנת שולחן, שירות, חשבון וביקורות."),
    Template("clinic", "Private clinic", "מרפאה פרטית",
             "A patient's way from the first call, through the visit, to follow-up and "
             "returning.",
             "הדרך של מטופל מהשיחה הראשונה, דרך הביקור ועד המעקב והחזרה."),
    Template("online-shop", "Online shop", "חנות אונליין",
             "Ad, product page, checkout, delivery and returns: where online buyers give "
             "up.",
             "מודעה, דף מוצר, קופה, משלוח והחזרות: איפה קונים ברשת מוותרים."),
    Template("beauty-salon", "Beauty salon", "מכון יופי",
             "Booking on WhatsApp, the treatment, aftercare and the next appointment.",
             "קביעת תור בווטסאפ, הטיפול, ההמלצות לבית והתור הבא."),
    Template("b2b-services", "B2B services firm", "חברת שירותים לעסקים",
             "A small IT-support or accounting firm: the proposal, onboarding, monthly "
             "service and renewal.",
             "משרד קטן של תמיכת מחשוב או הנהלת חשבונות: הצעה, קליטה, שירות חודשי וחידוש."),
    Template("agent", "Real-estate or insurance agent", 'סוכן נדל"ן או ביטוח',
             "An agent's client: the referral, the first meeting, the deal and the years "
             "after.",
             "הלקוח של הסוכן: ההפניה, הפגישה הראשונה, העסקה והשנים שאחריה."),
)
TEMPLATES = tuple(template.name for template in CATALOGUE)


def template_info(name: str) -> Template:
    """The catalogue's entry for ``name`` (ValueError naming the choices if none)."""
    for template in CATALOGUE:
        if template.name == name:
            return template
    raise ValueError(f"There is no template called {name!r:.40}; choose one of: "
                     f"{', '.join(TEMPLATES)}.")


def _check(name: str, lang: str) -> Template:
    template = template_info(name)
    _check_lang(lang)
    return template


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"There is no language {lang!r:.40}; choose one of: "
                         f"{', '.join(LANGUAGES)}.")


def template_path(name: str = "blank", lang: str = "en") -> Path:
    """The file of a template in a language (the blank map serves both languages)."""
    template = _check(name, lang)
    filename = f"{name}.cxmap" if template.one_file else f"{name}-{lang}.cxmap"
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
    personas, cells and marks per lane) follows to the new ids; stage order, lane order
    and sub-action order are kept (the emotion lane keeps its fixed id).
    """
    from ..model import JourneyMap, new_id
    from ..model import schema as S
    from ..model.lane_edits import EMOTION_LANE_ID

    make_id = make_id or (lambda old: new_id())
    ids = {old: make_id(old) for old in source.graph.nodes}
    ids[EMOTION_LANE_ID] = EMOTION_LANE_ID  # every map's emotion lane has this id
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
        attrs = source.get(tp)
        emotions = {key if key == S.GENERAL else ids[key]: value
                    for key, value in attrs["emotions"].items()}
        cells = {ids[key]: value for key, value in attrs["cells"].items()}
        marks = {ids[key]: value for key, value in attrs["marks"].items()}
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
    _copy_evidence(source, journey, ids, fields)
    return journey


def _copy_evidence(source: JourneyMap, journey: JourneyMap, ids: dict[str, str],
                   fields: Callable[..., dict[str, Any]]) -> None:
    """Feedback items (with their touchpoints and the notes citing them) and snapshots,
    whose records name elements by id: every id in a record follows too."""
    from ..model import schema as S

    items = source.feedback_items()
    if items:
        journey.add_feedback([
            {"id": ids[item], "title": source.title(item), **fields(item),
             **({} if source.touchpoint_of_item(item) is None
                else {"touchpoint": ids[source.touchpoint_of_item(item)]})}
            for item in items])
        for note, item, kind in source.graph.edges(data="kind"):
            if kind == S.CITES:
                journey.cite_feedback(ids[note], [ids[item]])
    for snapshot in source.snapshots():
        attrs = source.get(snapshot)
        journey.add_snapshot(attrs["title"], attrs["taken"], _renamed(attrs["record"], ids),
                             id=ids[snapshot])


def _renamed(value: Any, ids: Mapping[str, str]) -> Any:
    if isinstance(value, dict):
        return {ids.get(k, k): _renamed(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, ids) for v in value]
    return ids.get(value, value) if isinstance(value, str) else value


def _copy_lanes(source: JourneyMap, journey: JourneyMap, ids: dict[str, str]) -> None:
    """The source's lanes, in its order, names and visibility.  The emotion lane gets a
    node only if it has one in the source (moving it there makes it)."""
    from ..model.lane_edits import EMOTION_LANE_ID

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
