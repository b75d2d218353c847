"""The bundled templates and sample maps: they match their builder, and hold together."""

from __future__ import annotations

import datetime as _dt
import importlib.util
import re
import sys
from pathlib import Path

import networkx as nx
import pytest

from cxdesigner.model.lane_edits import EMOTION_LANE_ID

from cxdesigner.fileformat import templates
from cxdesigner.fileformat.cxmap import load
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S

ROOT = Path(__file__).resolve().parent.parent
HEBREW = re.compile("[\u05d0-\u05ea]")
# Fields that hold words, which differ between the languages; all else must match.
TEXT_FIELDS = {"title", "description", "evidence", "owner", "kpi"}


def _load_builder():
    path = ROOT / "resources" / "samples" / "build_samples.py"
    spec = importlib.util.spec_from_file_location("build_samples", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    dont_write = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # no __pycache__ among the resources
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = dont_write
    return module


B = _load_builder()


def without_times(journey: JourneyMap) -> dict:
    snap = journey.snapshot()
    for key in ("created", "modified"):
        snap["document"].pop(key)
    return snap


def structure(journey: JourneyMap) -> dict:
    """The snapshot without words: what both languages must share."""
    snap = without_times(journey)
    for key in ("title", "client", "author", "goal", "language", "direction"):
        snap["document"].pop(key)
    snap["nodes"] = {n: {k: _wordless(v) if k == "record" else v
                         for k, v in attrs.items() if k not in TEXT_FIELDS}
                     for n, attrs in snap["nodes"].items()}
    return snap


def _wordless(value):
    """A snapshot's record without its titles (the words of its language)."""
    if isinstance(value, dict):
        return {k: _wordless(v) for k, v in value.items() if k != "title"}
    if isinstance(value, list):
        return [_wordless(v) for v in value]
    return value


@pytest.fixture(scope="module", params=["en", "he"])
def bakery(request) -> JourneyMap:
    loaded = load(templates.sample_path(request.param))
    assert loaded.problems == []
    return loaded.journey


# ------------------------------------------------------------ files vs builder
@pytest.mark.parametrize("path", list(B.OUTPUTS), ids=lambda p: p.name)
def test_committed_file_is_what_the_builder_makes(path):
    loaded = load(path)
    assert loaded.problems == []
    assert without_times(loaded.journey) == without_times(B.OUTPUTS[path]())
    # Fixed save times, so rebuilding never changes the files.
    assert loaded.journey.document["created"] == B.CREATED
    assert loaded.journey.document["modified"] == B.CREATED


# The templates byte for byte: a template's file is what users get, so nothing may
# differ.  (The bakery files predate the actions' "reviewed" field, which the loader
# fills in; they are compared by content above.)
@pytest.mark.parametrize("path", [p for p in B.OUTPUTS if p.parent.name == "templates"],
                         ids=lambda p: p.name)
def test_committed_template_has_the_bytes_the_builder_writes(path, tmp_path):
    B.write(B.OUTPUTS[path](), tmp_path / path.name)
    assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_the_builder_builds_every_template_of_the_catalogue_in_both_languages():
    built = {p.name for p in B.OUTPUTS if p.parent.name == "templates"}
    assert built == {templates.template_path(t.name, lang).name
                     for t in templates.CATALOGUE for lang in templates.LANGUAGES}
    assert B.BUSINESSES == templates.TEMPLATES[2:]


def test_the_builder_writes_the_same_bytes_twice(tmp_path):
    for run in ("a", "b"):
        B.write(B.build_bakery("he"), tmp_path / f"{run}.cxmap")
    assert (tmp_path / "a.cxmap").read_bytes() == (tmp_path / "b.cxmap").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.cxmap", "b.cxmap"]  # no .bak


def test_every_file_is_installed_where_templates_finds_it():
    paths = {templates.template_path(name, lang) for name in templates.TEMPLATES
             for lang in templates.LANGUAGES}
    paths |= {templates.sample_path(lang) for lang in templates.LANGUAGES}
    assert {p.resolve() for p in paths} == {p.resolve() for p in B.OUTPUTS}
    assert all(p.is_file() for p in paths)


# ------------------------------------------------------------------ the bakery
def test_bakery_has_the_expected_shape(bakery):
    assert len(bakery.stages()) == 5
    assert 22 <= bakery.count(S.TOUCHPOINT) <= 30
    assert all(bakery.touchpoints_in(stage) for stage in bakery.stages())
    kinds = sorted(bakery.get(p)["persona_kind"] for p in bakery.ids(S.PERSONA))
    assert kinds == ["existing", "new", "returning"]
    assert all(bakery.get(p)["description"] for p in bakery.ids(S.PERSONA))
    assert {bakery.get(n)["note_kind"] for n in bakery.ids(S.NOTE)} == set(S.NOTE_KINDS)
    assert 25 <= bakery.count(S.NOTE) <= 35
    doc = bakery.document
    assert doc["title"] and doc["client"] and doc["author"] and doc["goal"]
    assert doc["scoring_method"] == "impact_effort"


def test_bakery_touchpoints_are_direct_and_indirect_digital_and_physical(bakery):
    tps = [bakery.get(t) for t in bakery.ids(S.TOUCHPOINT)]
    assert {t["mode"] for t in tps} == set(S.MODES)
    channels = {t["channel"] for t in tps}
    assert channels & {"website", "social", "whatsapp", "reviews"}
    assert channels & {"store", "face_to_face", "phone"}
    assert all(t["owner"] for t in tps)
    assert any(t["nps"] is not None for t in tps)
    assert sum(t["csat"] is not None for t in tps) >= 5
    assert sum(bool(t["kpi"]) for t in tps) >= 5


def test_bakery_layout_is_columns_by_order_and_lanes_for_branches(bakery):
    for stage in bakery.stages():
        xs = sorted({bakery.get(t)["x"] for t in bakery.touchpoints_in(stage)})
        assert xs == [i * 240 for i in range(len(xs))]
    assert {bakery.get(t)["y"] for t in bakery.ids(S.TOUCHPOINT)} == {0, 160}


def test_bakery_emotions_cover_personas_and_any_customer(bakery):
    personas = set(bakery.ids(S.PERSONA))
    tps = bakery.ids(S.TOUCHPOINT)
    for tp in tps:
        table = bakery.get(tp)["emotions"]
        assert S.GENERAL in table
        assert set(table) <= personas | {S.GENERAL}
    with_personas = [t for t in tps if set(bakery.get(t)["emotions"]) & personas]
    assert len(with_personas) >= 0.8 * len(tps)
    for persona in personas:  # every persona has a journey of its own
        assert sum(persona in bakery.get(t)["emotions"] for t in tps) >= len(tps) // 2


def test_bakery_flows_reach_everything_with_a_branch_and_a_loop(bakery):
    g = nx.DiGraph(bakery.flows())
    first = bakery.journey_order()[0]
    assert nx.descendants(g, first) | {first} == set(bakery.ids(S.TOUCHPOINT))
    assert any(g.out_degree(t) >= 2 for t in g)  # a branch
    assert not nx.is_directed_acyclic_graph(g)   # a loop back to ordering again


def test_bakery_notes_sit_on_touchpoints_stages_and_the_map(bakery):
    targets = [bakery.target_of(n) for n in bakery.ids(S.NOTE)]
    kinds = [None if t is None else bakery.kind_of(t) for t in targets]
    assert 1 <= kinds.count(None) <= 2
    assert kinds.count(S.STAGE) >= 2
    assert kinds.count(S.TOUCHPOINT) >= 20
    notes = [bakery.get(n) for n in bakery.ids(S.NOTE)]
    scored = [n for n in notes if None not in (n["impact"], n["effort"], n["reach"],
                                               n["confidence"])]
    assert len(scored) >= 0.8 * len(notes)
    assert sum(bool(n["evidence"]) for n in notes) >= 0.6 * len(notes)
    assert sum(n["votes"] > 0 for n in notes) >= 0.8 * len(notes)


def test_bakery_action_trees(bakery):
    top = bakery.children_of(None)
    assert 6 <= len(top) <= 10

    def depth(action: str) -> int:
        return 1 + max((depth(c) for c in bakery.children_of(action)), default=-1)

    assert max(depth(a) for a in top) >= 2          # actions, sub-actions, sub-sub-actions
    assert sum(bool(bakery.children_of(a)) for a in top) >= 5
    actions = [bakery.get(a) for a in bakery.ids(S.ACTION)]
    assert all(a["owner"] and a["due"].startswith("2027-") for a in actions)
    assert {a["status"] for a in actions} >= {"planned", "in_progress", "done"}
    assert all(bakery.get(a)["kpi"] for a in top)
    assert {a["review_months"] for a in actions} <= {3, 4, 5}
    for action in bakery.ids(S.ACTION):  # a sub-action is due no later than its parent
        parent = bakery.parent_of(action)
        if parent is not None:
            assert bakery.get(action)["due"] <= bakery.get(parent)["due"]
    # Every tree addresses notes, and every pain point and opportunity is addressed.
    assert all(bakery.addressed_by(a) for a in top)
    for note in bakery.ids(S.NOTE):
        if bakery.get(note)["note_kind"] in ("pain_point", "opportunity"):
            assert bakery.actions_for(note), bakery.title(note)


def test_both_languages_share_one_structure():
    en, he = (load(templates.sample_path(lang)).journey for lang in ("en", "he"))
    assert structure(en) == structure(he)
    five = [load(templates.template_path("five-stages", lang)).journey for lang in ("en", "he")]
    assert structure(five[0]) == structure(five[1])


def _titled(journey: JourneyMap) -> list[str]:
    # A survey answer has no title (an e-mail's is its subject): its text speaks.
    nodes = journey.snapshot()["nodes"]
    return [attrs["title"] or attrs.get("description", "") for attrs in nodes.values()] + [
        journey.document["title"]]


@pytest.mark.parametrize("name", ["five-stages", "sample"])
def test_hebrew_maps_are_hebrew_and_right_to_left(name):
    def path(lang):
        return (templates.sample_path(lang) if name == "sample"
                else templates.template_path(name, lang))

    he = load(path("he")).journey
    assert he.document["language"] == "he" and he.document["direction"] == "rtl"
    assert all(HEBREW.search(title) for title in _titled(he))
    assert all(HEBREW.search(he.get(n)["description"]) for n in he.ids(S.STAGE))
    en = load(path("en")).journey
    assert en.document["language"] == "en" and en.document["direction"] == "ltr"
    texts = [str(v) for attrs in en.snapshot()["nodes"].values() for v in attrs.values()]
    assert not any(HEBREW.search(t) for t in texts + list(map(str, en.document.values())))


# ------------------------------------------------------------------- templates
def test_blank_template_is_empty():
    blank = load(templates.template_path("blank")).journey
    assert len(blank) == 0 and blank.stages() == []
    assert blank.document["language"] == "en"


def test_five_stages_template_teaches_the_method():
    for lang in ("en", "he"):
        five = load(templates.template_path("five-stages", lang)).journey
        assert five.stages() == ["st-aware", "st-consider", "st-purchase", "st-use",
                                 "st-loyalty"]
        assert all(len(five.get(s)["description"]) > 150 for s in five.stages())
        assert five.count(S.TOUCHPOINT) == 0
        [note] = five.notes_on(None)
        assert five.get(note)["note_kind"] == "insight"
        assert five.document["goal"]
    en = load(templates.template_path("five-stages", "en")).journey
    method = en.get(en.notes_on(None)[0])["description"]
    for step in ("Goal", "SWOT", "Prioritise", "Action trees", "3 to 5 months"):
        assert step in method
    assert "after the sale" in en.get("st-loyalty")["description"].lower()


@pytest.mark.parametrize("name", templates.TEMPLATES)
@pytest.mark.parametrize("lang", templates.LANGUAGES)
def test_new_from_template_gives_fresh_ids_and_a_new_date(name, lang):
    template = load(templates.template_path(name, lang)).journey
    one = templates.new_from_template(name, lang)
    two = templates.new_from_template(name, lang)
    # Every map's emotion lane has one fixed id (lane_edits.EMOTION_LANE_ID).
    ids = [set(j.graph.nodes) - {EMOTION_LANE_ID} for j in (template, one, two)]
    assert not ids[0] & ids[1] and not ids[1] & ids[2]
    assert len(one) == len(template)
    assert one.document["language"] == lang
    assert one.document["direction"] == ("rtl" if lang == "he" else "ltr")
    created = _dt.datetime.fromisoformat(one.document["created"])
    assert abs(_dt.datetime.now(_dt.timezone.utc) - created) < _dt.timedelta(minutes=5)
    assert one.document["modified"] == ""
    assert one.document["title"] == template.document["title"]


def test_new_from_template_defaults_to_a_blank_english_map():
    journey = templates.new_from_template()
    assert len(journey) == 0 and journey.document["language"] == "en"


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_copy_with_fresh_ids_keeps_every_link(lang):
    sample = load(templates.sample_path(lang)).journey
    copy = templates.copy_with_fresh_ids(sample, make_id=lambda old: f"new-{old}")
    expected = sample.snapshot()
    new = {old: f"new-{old}" for old in expected["nodes"]}
    personas = set(sample.ids(S.PERSONA))
    for attrs in expected["nodes"].values():
        if "record" in attrs:  # a snapshot names elements by id: they follow too
            attrs["record"] = templates._renamed(attrs["record"], new)
        if "emotions" in attrs:
            attrs["emotions"] = {new[k] if k in personas else k: v
                                 for k, v in attrs["emotions"].items()}
    expected = {
        "document": expected["document"],
        "stage_order": [new[s] for s in expected["stage_order"]],
        "nodes": {new[n]: attrs for n, attrs in expected["nodes"].items()},
        "edges": sorted((new[u], new[v], k) for u, v, k in expected["edges"]),
    }
    assert copy.snapshot() == expected
    # With real fresh ids the result is the same up to renaming.
    fresh = templates.copy_with_fresh_ids(sample)
    assert not set(fresh.graph.nodes) & set(sample.graph.nodes)
    assert fresh.count(S.ACTION) == sample.count(S.ACTION)
    assert [fresh.title(a) for a in fresh.children_of(None)] == [
        sample.title(a) for a in sample.children_of(None)]


@pytest.mark.parametrize("call", [
    lambda: templates.new_from_template("nope"),
    lambda: templates.new_from_template("five-stages", "fr"),
    lambda: templates.template_path("bakery", "en"),
    lambda: templates.sample_path("de"),
])
def test_unknown_names_and_languages_are_refused_clearly(call):
    with pytest.raises(ValueError) as info:
        call()
    message = str(info.value)
    assert "choose one of" in message
    assert "blank, five-stages" in message or "en, he" in message
