"""Copy and paste of elements as data, without Qt."""

from __future__ import annotations

import json

import pytest

from cxdesigner.model import JourneyMap, ModelError
from cxdesigner.model import clipboard as C
from cxdesigner.model import schema as S


@pytest.fixture
def source() -> JourneyMap:
    j = JourneyMap()
    j.add_persona("Maya", id="p1")
    j.add_stage("Awareness", id="s1")
    j.add_stage("Purchase", id="s2")
    j.add_touchpoint("s1", "Flyer", id="t1", channel="advertising", emotions={"*": 1, "p1": -2})
    j.add_touchpoint("s1", "Website", id="t2", x=240.0, channel="website")
    j.add_touchpoint("s2", "Till", id="t3")
    j.add_flow("t1", "t2")
    j.add_flow("t2", "t3")
    j.add_note("pain_point", "Too small to read", on="t1", id="n1", impact=4)
    j.add_note("insight", "Busy mornings", on="s1", id="n2")
    return j


@pytest.fixture
def target() -> JourneyMap:
    j = JourneyMap()
    j.add_stage("Only stage", id="x1")
    return j


def test_a_copy_is_plain_json(source):
    data = C.extract(source, ["t1", "t2"])
    assert json.loads(json.dumps(data)) == data


def test_a_copied_touchpoint_takes_its_notes(source):
    data = C.extract(source, ["t1"])
    assert [n["id"] for n in data["notes"]] == ["n1"]


def test_a_copied_stage_takes_its_touchpoints_and_their_notes(source):
    data = C.extract(source, ["s1"])
    assert [t["id"] for t in data["touchpoints"]] == ["t1", "t2"]
    assert {n["id"] for n in data["notes"]} == {"n1", "n2"}


def test_only_flows_between_copied_touchpoints_are_copied(source):
    assert C.extract(source, ["t1", "t2"])["flows"] == [["t1", "t2"]]


def test_paste_gives_fresh_ids(source, target):
    change = C.paste(target, C.extract(source, ["t1", "t2"]))
    new = C.added_ids(change)
    assert len(new) == 3 and not set(new) & set(source.graph.nodes)


def test_paste_keeps_flows_between_the_pasted_touchpoints(source, target):
    C.paste(target, C.extract(source, ["t1", "t2"]))
    (u, v), = target.flows()
    assert (target.title(u), target.title(v)) == ("Flyer", "Website")


def test_paste_into_a_map_without_the_stage_uses_the_given_stage(source, target):
    target.add_stage("Second", id="x2")
    C.paste(target, C.extract(source, ["t3"]), stage="x2")
    assert [target.title(t) for t in target.touchpoints_in("x2")] == ["Till"]


def test_paste_into_a_map_without_the_stage_defaults_to_the_first_stage(source, target):
    C.paste(target, C.extract(source, ["t3"]))
    assert [target.title(t) for t in target.touchpoints_in("x1")] == ["Till"]


def test_paste_into_a_map_without_stages_is_refused(source):
    empty = JourneyMap()
    with pytest.raises(ModelError, match="no stage"):
        C.paste(empty, C.extract(source, ["t1"]))
    assert len(empty) == 0


def test_a_copied_stage_pastes_into_a_map_without_stages(source):
    empty = JourneyMap()
    C.paste(empty, C.extract(source, ["s1"]))
    stage, = empty.stages()
    assert [empty.title(t) for t in empty.touchpoints_in(stage)] == ["Flyer", "Website"]


def test_a_pasted_stage_goes_after_the_given_stage(source):
    C.paste(source, C.extract(source, ["s2"]), stage="s1")
    assert [source.title(s) for s in source.stages()] == ["Awareness", "Purchase", "Purchase"]
    assert source.stages()[0] == "s1" and source.stages()[2] == "s2"


def test_persona_emotions_are_dropped_where_the_persona_does_not_exist(source, target):
    change = C.paste(target, C.extract(source, ["t1"]))
    tp = next(i for i in C.added_ids(change) if target.kind_of(i) == S.TOUCHPOINT)
    assert target.get(tp)["emotions"] == {"*": 1}


def test_persona_emotions_are_kept_where_the_persona_exists(source):
    change = C.paste(source, C.extract(source, ["t1"]))
    tp = next(i for i in C.added_ids(change) if source.kind_of(i) == S.TOUCHPOINT)
    assert source.get(tp)["emotions"] == {"*": 1, "p1": -2}


def test_a_duplicate_does_not_cover_its_original(source):
    change = C.paste(source, C.extract(source, ["t1"]))
    copy = next(i for i in C.added_ids(change) if source.kind_of(i) == S.TOUCHPOINT)
    a, b = source.get("t1"), source.get(copy)
    assert source.stage_of(copy) == "s1"
    assert abs(a["y"] - b["y"]) >= 120 or abs(a["x"] - b["x"]) >= 200


def test_paste_is_one_change_that_undoes_exactly(source, target):
    before = target.snapshot()
    change = C.paste(target, C.extract(source, ["s1", "t3"]))
    target.apply(change.inverse())
    assert target.snapshot() == before


def test_a_note_without_its_touchpoint_goes_on_the_given_element(source, target):
    target.add_touchpoint("x1", "Counter", id="y1")
    C.paste(target, C.extract(source, ["n1"]), on="y1")
    assert [target.title(n) for n in target.notes_on("y1")] == ["Too small to read"]


def test_a_note_without_its_touchpoint_and_no_target_is_about_the_map(source, target):
    C.paste(target, C.extract(source, ["n1"]))
    assert [target.title(n) for n in target.notes_on(None)] == ["Too small to read"]


def test_a_pasted_note_keeps_its_scores(source, target):
    C.paste(target, C.extract(source, ["t1"]))
    note, = target.ids(S.NOTE)
    assert target.get(note)["impact"] == 4


@pytest.mark.parametrize("data", [None, [], {"format": "other"}, {"format": C.FORMAT},
                                  {"format": C.FORMAT, "version": 1, "touchpoints": "x"},
                                  {"format": C.FORMAT, "version": 1, "touchpoints": [{}]},
                                  {"format": C.FORMAT, "version": 1, "flows": [[1, 2]]}])
def test_malformed_clipboard_data_is_refused(target, data):
    before = target.snapshot()
    with pytest.raises(ModelError):
        C.paste(target, data)
    assert target.snapshot() == before


def test_clipboard_data_from_a_newer_version_is_refused(source, target):
    data = dict(C.extract(source, ["t1"]), version=C.VERSION + 1)
    with pytest.raises(ModelError, match="newer"):
        C.paste(target, data)


def test_a_bad_field_value_refuses_the_whole_paste(source, target):
    data = C.extract(source, ["t1", "t2"])
    data["touchpoints"][1]["fields"]["channel"] = "carrier pigeon"
    before = target.snapshot()
    with pytest.raises(ModelError, match="channel"):
        C.paste(target, data)
    assert target.snapshot() == before


def test_unknown_fields_from_a_newer_copy_are_ignored(source, target):
    data = C.extract(source, ["t1"])
    data["touchpoints"][0]["fields"]["sparkle"] = True
    C.paste(target, data)
    assert target.count(S.TOUCHPOINT) == 1


def test_titles_lists_what_a_copy_holds(source):
    assert C.titles(C.extract(source, ["t1"])) == ["Flyer", "Too small to read"]
