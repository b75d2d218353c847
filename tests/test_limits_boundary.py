"""Each limit of a .cxmap file, exactly at the boundary and one past it.

tests/test_fileformat.py already covers: a file one byte over the size limit, the node
count at and past the limit, a title at and past the text limit, and an unknown value
nested at and past the nesting limit in the envelope.  Here is the rest: the file size
exactly at the limit (as a file and as bytes), the edge count, text counted in
characters (not bytes, with Hebrew and emoji), nesting inside elements and links, and
the depth of sub-actions.  The limits are listed in docs/file-format.md.
"""

from __future__ import annotations

import json

import pytest

from cxdesigner.fileformat import FileFormatError, cxmap
from cxdesigner.fileformat.limits import (MAX_EDGES, MAX_FILE_BYTES, MAX_NESTING,
                                          MAX_SUBACTION_DEPTH, MAX_TEXT_CHARS, VERSION)
from cxdesigner.model import JourneyMap


def small_map() -> JourneyMap:
    j = JourneyMap()
    stage = j.add_stage("Visit", id="s1").id
    j.add_touchpoint(stage, "Counter", id="t1")
    j.add_touchpoint(stage, "Till", id="t2", flow_from="t1")
    return j


def data_of(journey: JourneyMap) -> dict:
    return json.loads(cxmap.dumps(journey))


def payload(data: dict, ascii_only: bool = False) -> bytes:
    return json.dumps(data, ensure_ascii=ascii_only).encode("utf-8")


# ------------------------------------------------------------------ file size
def padded(size: int) -> bytes:
    """A valid map followed by spaces (JSON allows them), ``size`` bytes in all."""
    body = cxmap.dumps(small_map()).encode("utf-8")
    return body + b" " * (size - len(body))


def test_file_exactly_at_the_size_limit_opens(tmp_path):
    path = tmp_path / "limit.cxmap"
    path.write_bytes(padded(MAX_FILE_BYTES))
    assert path.stat().st_size == MAX_FILE_BYTES
    loaded = cxmap.load(path)
    assert loaded.problems == [] and len(loaded.journey) == 3


def test_bytes_at_the_size_limit_load_and_one_more_byte_is_refused():
    data = padded(MAX_FILE_BYTES)
    assert cxmap.loads(data).problems == []
    with pytest.raises(FileFormatError) as info:
        cxmap.loads(data + b" ")
    assert "64.0 MiB" in str(info.value) and "at most 64 MiB" in str(info.value)


# ---------------------------------------------------------------- edge count
def with_edges(count: int) -> dict:
    """A map with ``count`` valid links: 1,001 touchpoints in one stage, each in the
    stage, and flows between them."""
    n = 1_001
    nodes = [{"id": "s", "kind": "stage"}] + [{"id": f"t{i}", "kind": "touchpoint"}
                                              for i in range(n)]
    edges = [{"source": f"t{i}", "target": "s", "kind": "in_stage"} for i in range(n)]
    pairs = ((i, j) for i in range(n) for j in range(n) if i != j)
    edges += [{"source": f"t{i}", "target": f"t{j}", "kind": "flow"}
              for i, j in (next(pairs) for _ in range(count - n))]
    return {"format": "cxdesigner-map", "version": VERSION, "document": {"stage_order": ["s"]},
            "graph": {"nodes": nodes, "edges": edges}}


def test_edge_count_exactly_at_the_limit_is_accepted():
    loaded = cxmap.from_data(with_edges(MAX_EDGES))
    assert loaded.problems == []
    assert loaded.journey.graph.number_of_edges() == MAX_EDGES


def test_edge_count_one_past_the_limit_is_refused_with_the_numbers():
    data = {"format": "cxdesigner-map", "version": VERSION, "document": {},
            "graph": {"nodes": [], "edges": [{}] * (MAX_EDGES + 1)}}
    with pytest.raises(FileFormatError) as info:
        cxmap.from_data(data)
    assert "1,000,001 links" in str(info.value) and "at most 1,000,000" in str(info.value)
    assert info.value.location == "$.graph.edges"


# -------------------------------------------------------------- text length
@pytest.mark.parametrize("char", ["a", "ש", "🥐"], ids=["latin", "hebrew", "emoji"])
@pytest.mark.parametrize("ascii_only", [False, True], ids=["utf8", "escaped"])
def test_text_length_counts_characters_not_bytes(char, ascii_only):
    """At the limit the text loads unchanged, whatever its bytes (an escaped emoji is
    a surrogate pair in the file); one past, it is cut to the limit and reported."""
    for length, problems in ((MAX_TEXT_CHARS, 0), (MAX_TEXT_CHARS + 1, 1)):
        data = data_of(small_map())
        data["document"]["goal"] = char * length
        data["graph"]["nodes"][1]["description"] = char * length
        loaded = cxmap.loads(payload(data, ascii_only))
        assert loaded.journey.document["goal"] == char * MAX_TEXT_CHARS
        assert loaded.journey.get("t1")["description"] == char * MAX_TEXT_CHARS
        assert len(loaded.problems) == 2 * problems
        if problems:
            assert {p.location for p in loaded.problems} == {
                "$.document.goal", "$.graph.nodes[1].description"}
            assert all("longer than 100,000 characters" in p.message for p in loaded.problems)


# ----------------------------------------------------------------- nesting
def nested(depth: int):
    value: object = "deep"
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


@pytest.mark.parametrize("where", ["node", "edge", "document"])
def test_unknown_values_inside_elements_nested_at_the_limit_kept_one_past_dropped(where):
    for depth, kept in ((MAX_NESTING, True), (MAX_NESTING + 1, False)):
        data = data_of(small_map())
        target = {"node": data["graph"]["nodes"][1], "edge": data["graph"]["edges"][0],
                  "document": data["document"]}[where]
        target["plugin"] = nested(depth)
        loaded = cxmap.loads(payload(data))
        location = {"node": "$.graph.nodes[1].plugin", "edge": "$.graph.edges[0].plugin",
                    "document": "$.document.plugin"}[where]
        if kept:
            assert loaded.problems == []
            assert json.loads(cxmap.dumps(loaded.journey)) == data  # kept as it was
        else:
            assert [(p.location, p.action) for p in loaded.problems] == [(location, "dropped")]
            assert f"deeper than {MAX_NESTING} levels" in loaded.problems[0].message


@pytest.mark.parametrize("depth", [500, 5_000, 50_000])
def test_json_nested_deeper_than_python_can_follow_is_refused_or_dropped(depth):
    text = cxmap.dumps(small_map()).replace('"format"', '"x": ' + "[" * depth + "]" * depth
                                            + ', "format"', 1)
    try:
        loaded = cxmap.loads(text.encode("utf-8"))
    except FileFormatError as exc:
        assert "nested too deeply" in str(exc)
    else:
        assert [p.location for p in loaded.problems] == ["$.x"]


# -------------------------------------------------------- sub-action depth
def action_chain(levels: int) -> dict:
    data = data_of(small_map())
    for i in range(levels):
        data["graph"]["nodes"].append({"id": f"a{i}", "kind": "action", "title": f"level {i + 1}"})
        if i:
            data["graph"]["edges"].append({"source": f"a{i}", "target": f"a{i - 1}",
                                           "kind": "child_of"})
    return data


def test_sub_actions_exactly_at_the_depth_limit_load_unchanged():
    loaded = cxmap.from_data(action_chain(MAX_SUBACTION_DEPTH))
    assert loaded.problems == []
    assert loaded.journey.parent_of(f"a{MAX_SUBACTION_DEPTH - 1}") == f"a{MAX_SUBACTION_DEPTH - 2}"


def test_sub_action_one_level_past_the_limit_moves_to_the_top_level_and_is_reported():
    loaded = cxmap.from_data(action_chain(MAX_SUBACTION_DEPTH + 1))
    deepest = f"a{MAX_SUBACTION_DEPTH}"
    assert loaded.journey.parent_of(deepest) is None
    assert loaded.journey.parent_of(f"a{MAX_SUBACTION_DEPTH - 1}") is not None
    [problem] = loaded.problems
    assert "nested too deep" in problem.message and problem.location.startswith("$.graph.nodes[")
