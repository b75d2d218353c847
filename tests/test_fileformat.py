"""The .cxmap file: round trips, refusals with clear messages, repairs, atomic save."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from cxdesigner.fileformat import FileFormatError
from cxdesigner.fileformat import cxmap
from cxdesigner.fileformat.limits import (MAX_FILE_BYTES, MAX_NESTING, MAX_NODES,
                                          MAX_TEXT_CHARS, VERSION)
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from tests.strategies import LONG, journeys


def small_map() -> JourneyMap:
    j = JourneyMap()
    j.set_document(title="Bakery", language="he", direction="rtl")
    p = j.add_persona("דנה", "returning", id="p1").id
    s = j.add_stage("חשיפה", id="s1").id
    t1 = j.add_touchpoint(s, "Instagram ad", id="t1", channel="social", emotions={p: 1}).id
    j.add_touchpoint(s, "Website", id="t2", flow_from=t1, x=240).id
    n = j.add_note("pain_point", "Slow page", on="t2", id="n1", impact=4, effort=2).id
    a = j.add_action("Faster site", addresses=[n], id="a1", due="2027-03-01").id
    j.add_action("Compress images", a, id="a2")
    return j


def saved(tmp_path: Path, journey: JourneyMap | None = None) -> Path:
    path = tmp_path / "map.cxmap"
    cxmap.save(journey or small_map(), path)
    return path


def rewrite(path: Path, edit) -> None:
    data = json.loads(path.read_text("utf-8"))
    edit(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def load_error(path: Path) -> str:
    with pytest.raises(FileFormatError) as info:
        cxmap.load(path)
    return str(info.value)


# ------------------------------------------------------------------ round trip
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(journey=journeys())
def test_save_then_load_gives_the_same_document(tmp_path_factory, journey):
    path = tmp_path_factory.mktemp("rt") / "map.cxmap"
    cxmap.save(journey, path)
    loaded = cxmap.load(path)
    assert loaded.problems == []
    assert loaded.journey.snapshot() == journey.snapshot()


def test_round_trip_keeps_hebrew_emoji_and_ten_thousand_characters(tmp_path):
    j = small_map()
    j.rename("t1", LONG)
    j.rename("n1", "🥐 כאב: the queue ⏳")
    loaded = cxmap.load(saved(tmp_path, j)).journey
    assert loaded.title("t1") == LONG and len(LONG) == 10_000
    assert loaded.title("n1") == "🥐 כאב: the queue ⏳"


def test_saved_graph_is_networkx_node_link_data_with_explicit_edges_key(tmp_path):
    import networkx as nx
    data = json.loads(saved(tmp_path).read_text("utf-8"))
    g = nx.node_link_graph(data["graph"], edges="edges")
    assert set(g.nodes) == {"p1", "s1", "t1", "t2", "n1", "a1", "a2"}
    assert g.edges["t1", "t2"]["kind"] == "flow"


def test_unknown_keys_are_kept_through_load_and_save(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: (d.update(plugin={"x": [1, 2]}),
                             d["document"].update(theme="dark"),
                             d["graph"]["nodes"][0].update(colour="#f00")))
    j = cxmap.load(path).journey
    again = tmp_path / "again.cxmap"
    cxmap.save(j, again)
    data = json.loads(again.read_text("utf-8"))
    assert data["plugin"] == {"x": [1, 2]}
    assert data["document"]["theme"] == "dark"
    assert data["graph"]["nodes"][0]["colour"] == "#f00"


def test_missing_fields_are_filled_with_defaults_without_a_report(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: [n.pop("description", None) for n in d["graph"]["nodes"]])
    loaded = cxmap.load(path)
    assert loaded.problems == []
    assert loaded.journey.get("t1")["description"] == ""


# ------------------------------------------------------------------- refusals
def test_corrupt_json_is_refused_with_line_and_column(tmp_path):
    path = tmp_path / "bad.cxmap"
    path.write_text('{"format": "cxdesigner-map",, }')
    message = load_error(path)
    assert "not valid JSON" in message and "line 1" in message


def test_truncated_file_is_refused_as_cut_short(tmp_path):
    path = saved(tmp_path)
    path.write_bytes(path.read_bytes()[:300])
    assert "truncated" in load_error(path)


def test_foreign_json_file_is_refused_as_not_a_map(tmp_path):
    path = tmp_path / "package.json"
    path.write_text('{"name": "left-pad", "version": "1.0.0"}')
    assert "not a CX Designer map" in load_error(path)


def test_newer_version_is_refused_and_names_both_versions(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: d.update(version=VERSION + 1, app_version="9.0"))
    message = load_error(path)
    assert f"file version {VERSION + 1}" in message and f"up to {VERSION}" in message


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.cxmap"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in load_error(path)


def test_latin1_file_is_refused_as_not_utf8(tmp_path):
    path = tmp_path / "latin.cxmap"
    path.write_bytes('{"format": "cxdesigner-map", "title": "café"}'.encode("latin-1"))
    assert "not UTF-8" in load_error(path)


def test_nan_is_refused_as_not_json(tmp_path):
    path = saved(tmp_path)
    path.write_text(path.read_text("utf-8").replace('"x": 240', '"x": NaN'), "utf-8")
    assert "NaN" in load_error(path)


def test_missing_file_is_refused_with_a_message(tmp_path):
    assert "no such file" in load_error(tmp_path / "nope.cxmap")


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.cxmap"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    assert "at most 64 MiB" in load_error(path)


def test_deeply_nested_json_is_refused_not_crashed(tmp_path):
    path = tmp_path / "deep.cxmap"
    path.write_text("[" * 100_000 + "]" * 100_000)
    assert "nested too deeply" in load_error(path) or "not a CX Designer map" in load_error(path)


# -------------------------------------------------------------------- repairs
def problems_after(tmp_path: Path, edit) -> list:
    path = saved(tmp_path)
    rewrite(path, edit)
    return cxmap.load(path).problems


def node(data: dict, node_id: str) -> dict:
    return next(n for n in data["graph"]["nodes"] if n["id"] == node_id)


def test_wrong_type_is_repaired_to_default_and_reported_with_its_location(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: node(d, "n1").update(impact="high"))
    loaded = cxmap.load(path)
    index = [n["id"] for n in json.loads(path.read_text("utf-8"))["graph"]["nodes"]].index("n1")
    assert [p.location for p in loaded.problems] == [f"$.graph.nodes[{index}].impact"]
    assert loaded.journey.get("n1")["impact"] is None


def test_emotion_out_of_range_is_reported(tmp_path):
    problems = problems_after(tmp_path, lambda d: node(d, "t1").update(emotions={"p1": 7}))
    assert any("emotions" in p.location for p in problems)


def test_dangling_edge_is_dropped_and_reported(tmp_path):
    problems = problems_after(tmp_path, lambda d: d["graph"]["edges"].append(
        {"source": "t1", "target": "ghost", "kind": "flow"}))
    assert len(problems) == 1 and "ghost" in problems[0].message
    assert problems[0].action == "dropped"


def test_emotion_for_a_missing_persona_is_dropped_and_reported(tmp_path):
    problems = problems_after(tmp_path, lambda d: node(d, "t1").update(emotions={"gone": 1}))
    assert [p.action for p in problems] == ["dropped"]


def test_duplicate_ids_keep_the_first_element(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: d["graph"]["nodes"].append(dict(node(d, "t1"), title="copy")))
    loaded = cxmap.load(path)
    assert loaded.journey.title("t1") == "Instagram ad"
    assert any("repeats the id" in p.message for p in loaded.problems)


def test_touchpoint_without_stage_is_put_in_the_first_stage(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: d["graph"].update(edges=[
        e for e in d["graph"]["edges"] if not (e["source"] == "t2" and e["kind"] == "in_stage")]))
    loaded = cxmap.load(path)
    assert loaded.journey.stage_of("t2") == "s1"
    assert len(loaded.problems) == 1


def test_sub_action_cycle_is_broken_and_reported(tmp_path):
    problems = problems_after(tmp_path, lambda d: d["graph"]["edges"].append(
        {"source": "a1", "target": "a2", "kind": "child_of"}))
    assert any("loop" in p.message for p in problems)


def test_stage_order_naming_a_missing_stage_is_repaired(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: d["document"].update(stage_order=["nope", "s1", "s1"]))
    loaded = cxmap.load(path)
    assert loaded.journey.stages() == ["s1"]
    assert len(loaded.problems) == 2


def test_text_longer_than_the_limit_is_cut_and_reported(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: node(d, "t1").update(title="a" * (MAX_TEXT_CHARS + 1)))
    loaded = cxmap.load(path)
    assert len(loaded.journey.title("t1")) == MAX_TEXT_CHARS
    assert "cut" in loaded.problems[0].message


def test_text_exactly_at_the_limit_loads_unchanged(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: node(d, "t1").update(title="a" * MAX_TEXT_CHARS))
    loaded = cxmap.load(path)
    assert loaded.problems == [] and len(loaded.journey.title("t1")) == MAX_TEXT_CHARS


def nested(depth: int):
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


def test_unknown_value_nested_at_the_limit_is_kept(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: d.update(extra=nested(MAX_NESTING)))
    assert cxmap.load(path).problems == []


def test_unknown_value_nested_past_the_limit_is_dropped(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: d.update(extra=nested(MAX_NESTING + 1)))
    assert [p.location for p in cxmap.load(path).problems] == ["$.extra"]


def test_node_count_at_the_limit_is_accepted_and_one_past_refused():
    def data(count: int) -> dict:
        nodes = [{"id": f"s{i}", "kind": "stage"} for i in range(count)]
        return {"format": "cxdesigner-map", "version": VERSION, "document": {},
                "graph": {"nodes": nodes, "edges": []}}
    assert len(cxmap.from_data(data(MAX_NODES)).journey) == MAX_NODES
    with pytest.raises(FileFormatError, match="at most 200,000"):
        cxmap.from_data(data(MAX_NODES + 1))


# ------------------------------------------------------------------ migration
def test_version_1_single_emotion_migrates_to_general_emotion(tmp_path):
    path = saved(tmp_path)
    def to_v1(d):
        d["version"] = 1
        tp = node(d, "t2")
        tp.pop("emotions")
        tp["emotion"] = -2
    rewrite(path, to_v1)
    loaded = cxmap.load(path)
    assert loaded.version == 1 and loaded.problems == []
    assert loaded.journey.emotion("t2") == -2


def test_migration_does_not_modify_its_input():
    from cxdesigner.fileformat.migrations import migrate
    original = {"version": 1, "graph": {"nodes": [{"id": "t", "kind": "touchpoint",
                                                    "emotion": 1}]}}
    snapshot = json.dumps(original, sort_keys=True)
    migrate(original, 1, 2)
    assert json.dumps(original, sort_keys=True) == snapshot


# ----------------------------------------------------------------------- save
def test_save_keeps_the_previous_file_as_bak(tmp_path):
    path = saved(tmp_path)
    before = path.read_bytes()
    j = cxmap.load(path).journey
    j.rename("t1", "Changed")
    cxmap.save(j, path)
    assert (tmp_path / "map.cxmap.bak").read_bytes() == before
    assert cxmap.load(path).journey.title("t1") == "Changed"


def test_save_leaves_no_temporary_file(tmp_path):
    saved(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.cxmap"]


class FailingCalls:
    """Make the n-th call of one os function fail, as a dying disk would."""

    def __init__(self, monkeypatch, target, name: str, n: int, error: int = errno.EIO):
        self.calls, real = 0, getattr(target, name)

        def failing(*args, **kwargs):
            self.calls += 1
            if self.calls == n:
                raise OSError(error, os.strerror(error))
            return real(*args, **kwargs)
        monkeypatch.setattr(target, name, failing)


@pytest.mark.parametrize("name,n", [("fsync", 1), ("fsync", 2), ("replace", 1),
                                    ("replace", 2), ("chmod", 1)])
def test_failure_at_any_step_of_save_leaves_the_previous_file_intact(
        tmp_path, monkeypatch, name, n):
    path = saved(tmp_path)
    before = path.read_bytes()
    j = cxmap.load(path).journey
    j.rename("t1", "Changed")
    FailingCalls(monkeypatch, os, name, n)
    with pytest.raises(FileFormatError, match="previous file"):
        cxmap.save(j, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert cxmap.load(path).journey.title("t1") == "Instagram ad"
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


class HalfWriter:
    """A file whose write puts half the bytes on disk, then fails as a full disk."""

    def __init__(self, f):
        self._f = f

    def write(self, data):
        self._f.write(data[: len(data) // 2])
        self._f.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()


@pytest.mark.parametrize("fail_open", [1, 2], ids=["new-file", "backup-copy"])
def test_save_interrupted_mid_write_leaves_the_previous_file_intact(
        tmp_path, monkeypatch, fail_open):
    path = saved(tmp_path)
    before = path.read_bytes()
    j = cxmap.load(path).journey
    j.rename("t1", "x" * 50_000)
    real_fdopen, opened = os.fdopen, {"n": 0}

    def fdopen(fd, *args, **kwargs):
        opened["n"] += 1
        f = real_fdopen(fd, *args, **kwargs)
        return HalfWriter(f) if opened["n"] == fail_open else f
    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(FileFormatError, match="disk is full"):
        cxmap.save(j, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert cxmap.load(path).problems == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.cxmap", "map.cxmap.bak"][
        : 2 if (tmp_path / "map.cxmap.bak").exists() else 1]


def test_full_disk_message_says_so_and_keeps_the_document(tmp_path, monkeypatch):
    path = saved(tmp_path)
    j = cxmap.load(path).journey
    j.rename("t1", "Unsaved edit")
    FailingCalls(monkeypatch, os, "fsync", 1, errno.ENOSPC)
    with pytest.raises(FileFormatError, match="disk is full"):
        cxmap.save(j, path)
    assert j.title("t1") == "Unsaved edit"


@pytest.mark.parametrize("error,words", [(errno.EROFS, "read-only"),
                                         (errno.EACCES, "permission")])
def test_unwritable_folder_gives_a_clear_message(tmp_path, monkeypatch, error, words):
    import tempfile
    # Injected, since root (as in CI) writes through any folder mode.
    FailingCalls(monkeypatch, tempfile, "mkstemp", 1, error)
    with pytest.raises(FileFormatError, match=words):
        cxmap.save(small_map(), tmp_path / "map.cxmap")
    assert not (tmp_path / "map.cxmap").exists()


def test_save_refuses_to_overwrite_a_file_from_a_newer_version(tmp_path):
    path = saved(tmp_path)
    rewrite(path, lambda d: d.update(version=VERSION + 1))
    before = path.read_bytes()
    with pytest.raises(FileFormatError, match="newer"):
        cxmap.save(small_map(), path)
    assert path.read_bytes() == before


def test_save_sets_created_once_and_modified_each_time(tmp_path):
    j = small_map()
    path = tmp_path / "m.cxmap"
    cxmap.save(j, path)
    created = j.document["created"]
    assert created and j.document["modified"] >= created
    cxmap.save(j, path)
    assert j.document["created"] == created


def test_model_and_fileformat_never_import_pyside6():
    import subprocess
    import sys
    code = ("import cxdesigner.model, cxdesigner.fileformat, cxdesigner.fileformat.cxmap, "
            "cxdesigner.fileformat.csvio, cxdesigner.cli, sys; "
            "assert not any(m.startswith('PySide6') for m in sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_save_of_all_schema_choices_round_trips(tmp_path):
    j = JourneyMap()
    s = j.add_stage("s").id
    for channel in S.CHANNELS:
        j.add_touchpoint(s, channel, channel=channel)
    assert cxmap.load(saved(tmp_path, j)).journey.snapshot() == j.snapshot()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(journey=journeys())
def test_bulk_acceptance_agrees_with_the_careful_checks(journey):
    from cxdesigner.fileformat import bulk
    from cxdesigner.fileformat.validate import Checker
    text = cxmap.dumps(journey)
    careful = Checker(surrogate_free=False).build(json.loads(text))
    raw = json.loads(text)
    nodes = bulk.nodes(raw["graph"]["nodes"])
    assert nodes is not None
    kinds = {n: a["kind"] for n, a in nodes}
    assert bulk.edges(raw["graph"]["edges"], kinds) is not None
    assert cxmap.loads(text).journey.snapshot() == careful.snapshot()


@pytest.mark.parametrize("field,value", [
    ("impact", True), ("impact", 6), ("impact", 2.0), ("votes", -1), ("title", 5),
    ("note_kind", "rant"), ("note_kind", ["pain_point"]), ("colour", "red")])
def test_bulk_acceptance_refuses_what_the_careful_path_would_repair(field, value):
    from cxdesigner.fileformat import bulk
    data = json.loads(cxmap.dumps(small_map()))
    node(data, "n1")[field] = value
    assert bulk.nodes(data["graph"]["nodes"]) is None


def test_bulk_acceptance_refuses_a_second_stage_for_a_touchpoint():
    from cxdesigner.fileformat import bulk
    j = small_map()
    j.add_stage("Two", id="s2")
    data = json.loads(cxmap.dumps(j))
    data["graph"]["edges"].append({"source": "t1", "target": "s2", "kind": "in_stage"})
    kinds = {n["id"]: n["kind"] for n in data["graph"]["nodes"]}
    assert bulk.edges(data["graph"]["edges"], kinds) is None


def test_bulk_acceptance_refuses_a_missing_field_replaced_by_an_unknown_one():
    from cxdesigner.fileformat import bulk
    data = json.loads(cxmap.dumps(small_map()))
    note = node(data, "n1")
    note["colour"] = note.pop("votes")  # same number of keys, different names
    assert bulk.nodes(data["graph"]["nodes"]) is None
