"""Fuzzed loading: whatever bytes a .cxmap or a journey CSV holds, opening it either
gives a consistent map (repairs reported as problems) or refuses it with the format's
own error, never any other exception.

Valid documents come from ``tests.strategies.journeys``; they are saved, then the JSON
and the bytes are damaged in many ways (dropped keys, swapped types, huge numbers,
NaN and Infinity, deep nesting, repeated ids, dangling links, broken UTF-8, cuts,
flipped bytes, BOMs, NUL bytes).  A map that loads must be consistent, and saving it
and loading it again must give no problems and the same map, unknown keys included.

Cases that once failed are kept as files under ``tests/corpus/`` (``cxmap/`` and
``csv/``) and replayed by ``test_corpus_case``.  The number of cases follows the
Hypothesis profile (``HYPOTHESIS_PROFILE=ci`` or ``soak``, see ``tests/conftest.py``
and ``bench/soak.py``).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxdesigner.fileformat import FileFormatError, Problem
from cxdesigner.fileformat import csvio, cxmap
from cxdesigner.fileformat.csvio import CsvError
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from tests.strategies import journeys
from tests.test_model_properties import check_rules

CORPUS = Path(__file__).parent / "corpus"
SOAK = os.environ.get("HYPOTHESIS_PROFILE", "ci") == "soak"

# Cases per test: a quick run in CI, 100,000 in all in the soak run (bench/soak.py),
# which may scale them down with CXD_SOAK_SCALE (0.1: a tenth).
SCALE = float(os.environ.get("CXD_SOAK_SCALE", "1")) if SOAK else 1.0
EXAMPLES = {name: max(1, round(count * SCALE)) for name, count in (
    {"json": 40_000, "bytes": 30_000, "csv": 25_000, "noise": 5_000} if SOAK else
    {"json": 120, "bytes": 100, "csv": 100, "noise": 60}).items()}
CASES: Counter[str] = Counter()  # cases run per test, read by bench/soak.py


def fuzz_settings(name: str) -> settings:
    return settings(max_examples=EXAMPLES[name], deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ----------------------------------------------------------------- checks
def consistent(journey: JourneyMap) -> None:
    """The model's rules (``check_rules``) hold.  Unknown keys a file carried are kept
    on its elements, which ``check_rules`` would count as extra fields, so it checks a
    copy with the known fields only."""
    g = journey.graph
    nodes = [(n, {k: v for k, v in a.items() if k == "kind" or k in S.FIELD_BY_NAME[a["kind"]]})
             for n, a in g.nodes(data=True)]
    edges = [(u, v, {"kind": k}) for u, v, k in g.edges(data="kind")]
    check_rules(JourneyMap.from_checked(dict(journey.document), list(journey.stage_order),
                                        nodes, edges))
    for spec in S.DOCUMENT_FIELDS:
        spec.check(journey.document[spec.name])


def readable(text: str) -> None:
    """A message or location must print anywhere: non-empty, valid Unicode."""
    assert text.strip(), "an empty message"
    text.encode("utf-8")  # a lone surrogate taken from the file would fail here


def check_problems(problems: list[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.action in ("repaired", "dropped", "kept"), problem
        readable(str(problem))


def check_round_trip(journey: JourneyMap) -> None:
    """Saving a loaded map works, and loading that gives no problems and the same map
    (unknown keys included)."""
    try:
        text = cxmap.dumps(journey)
        payload = text.encode("utf-8")
    except Exception as exc:
        raise AssertionError(f"a map that loaded cannot be saved: {type(exc).__name__}: "
                             f"{exc!r:.300}") from exc
    again = cxmap.loads(payload)
    assert again.problems == [], again.problems[:5]
    assert again.journey.snapshot() == journey.snapshot()
    assert json.loads(cxmap.dumps(again.journey)) == json.loads(text)  # key order aside


def load_or_refuse(payload: bytes | str) -> cxmap.Loaded | None:
    """Load a .cxmap; on success check the map, on refusal the message."""
    try:
        loaded = cxmap.loads(payload)
    except FileFormatError as exc:
        readable(str(exc))
        return None
    except Exception as exc:  # anything else is a crash of the loader
        raise AssertionError(f"loading raised {type(exc).__name__}, not FileFormatError: "
                             f"{exc!r:.300}") from exc
    check_problems(loaded.problems)
    consistent(loaded.journey)
    check_round_trip(loaded.journey)
    return loaded


def import_or_refuse(payload: bytes | str) -> csvio.CsvImport | None:
    """Import a journey CSV; only ``CsvError`` may refuse it."""
    try:
        imported = csvio.read_csv_bytes(payload, "fuzz.csv")
    except CsvError as exc:
        readable(str(exc))
        return None
    except Exception as exc:
        raise AssertionError(f"importing raised {type(exc).__name__}, not CsvError: "
                             f"{exc!r:.300}") from exc
    check_problems(imported.warnings)
    consistent(imported.journey)
    check_round_trip(imported.journey)
    return imported


# --------------------------------------------------- damaging the JSON tree
class Raw:
    """JSON text written as it is: tokens ``json.dumps`` will not write."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text[:60]!r}{'...' if len(self.text) > 60 else ''})"


RAW_TOKENS = [Raw(t) for t in (
    "1e309", "-1e309", "NaN", "Infinity", "-Infinity", "1" + "0" * 400, "-" + "9" * 400,
    "9" * 5_000, "1e-400", "-0", "0.1e1", "1E+2", "123456789012345678901234567890.5",
    "[" * 33 + "]" * 33, "[" * 1_200 + "]" * 1_200, "{\"a\":" * 40 + "1" + "}" * 40,
    "[" * 100_000 + "]" * 100_000, "{}", "[]", "\"\\u0000\"", "\"\\ud800\"",
    "\"\\udfff\\ud800\"", "\"\\ud83d\\ude00\"", "\"a\\u0301\"")]
LONG_TEXTS = ["a" * (S.MAX_TEXT + 1), "ש" * S.MAX_TEXT, "🥐" * (S.MAX_TEXT + 1)]
HOSTILE = ["__import__('os').system('touch /tmp/cx-pwned')", "!!python/object:os.system",
           "cos\nsystem\n(S'echo hi'\ntR.", "$(rm -rf ~)", "{{7*7}}", "<script>x</script>",
           "=cmd|' /C calc'!A0", "\u202e", "\x00", "../../etc/passwd"]
texts_any = st.text(alphabet=st.characters(blacklist_categories=()), max_size=12)


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 7), st.integers(),
    st.integers(10**18, 10**40), st.floats(), st.floats(-1e8, 1e8), texts_any,
    st.sampled_from(RAW_TOKENS), st.sampled_from(LONG_TEXTS), st.sampled_from(HOSTILE),
    st.sampled_from(S.NODE_KINDS + tuple(S.EDGE_KINDS) + S.CHANNELS + S.NOTE_KINDS
                    + ("*", "", "2024-02-30", "2024-02-29", "2024-W01-1",
                       "2026-01-01T10:00:00+02:00")),
    st.integers(30, 40).map(nested))
# Built once: a recursive strategy costs more to set up than to draw from.
WEIRD = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(texts_any | st.sampled_from(["*", "id", "kind"]), inner,
                                       max_size=3), max_leaves=6)


def weird_values(ids: list[str]) -> st.SearchStrategy[Any]:
    """Any JSON value, odd ones often, or an id of the map (to repeat or misuse it)."""
    return WEIRD | st.sampled_from(ids) if ids else WEIRD


def containers(value: Any, path: tuple = ()) -> list[tuple]:
    """The path of every list and object in the tree."""
    out = []
    if isinstance(value, dict):
        out.append(path)
        for k, v in value.items():
            out += containers(v, path + (k,))
    elif isinstance(value, list):
        out.append(path)
        for i, v in enumerate(value):
            out += containers(v, path + (i,))
    return out


def at(tree: Any, path: tuple) -> Any:
    for key in path:
        tree = tree[key]
    return tree


@st.composite
def damaged_trees(draw, journey: JourneyMap) -> Any:
    tree = json.loads(cxmap.dumps(journey))
    graph = tree["graph"]
    ids = [n["id"] for n in graph["nodes"]]
    values = weird_values(ids)
    for _ in range(draw(st.integers(1, 6))):
        how = draw(st.sampled_from(["set", "drop", "add", "node", "edge", "retarget",
                                    "top", "order"]))
        nodes, edges = graph.get("nodes"), graph.get("edges")
        if how == "node" and isinstance(nodes, list) and nodes:
            node = draw(st.sampled_from(nodes))
            copy = dict(node) if isinstance(node, dict) else {}
            if draw(st.booleans()):
                copy[draw(st.sampled_from(["id", "kind", "title", "x", "emotions", "votes",
                                           "impact", "due", "order", "stage"]))] = draw(values)
            nodes.insert(draw(st.integers(0, len(nodes))), copy)
        elif how in ("edge", "retarget") and isinstance(edges, list):
            edge = draw(st.sampled_from(edges)) if edges and how == "retarget" else None
            edge = dict(edge) if isinstance(edge, dict) else {"source": None, "target": None,
                                                              "kind": None}
            for end in ("source", "target", "kind"):
                if how == "edge" or draw(st.booleans()):
                    pool = st.sampled_from(ids) if ids and end != "kind" else st.sampled_from(
                        tuple(S.EDGE_KINDS))
                    edge[end] = draw(pool | values if draw(st.booleans()) else pool)
            edges.insert(draw(st.integers(0, len(edges))), edge)
        elif how == "top":
            key = draw(st.sampled_from(["format", "version", "document", "graph", "nodes",
                                        "edges", "stage_order", "app_version"]))
            where = tree if key in ("format", "version", "document", "graph",
                                    "app_version") else graph
            if key == "stage_order":
                where = tree.get("document") if isinstance(tree.get("document"), dict) else {}
            value = draw(st.sampled_from([1, 2, 3, 0, -1, True, 2.0, "2", None])
                         if key == "version" else values)
            where[key] = value
        elif how == "order" and isinstance(tree.get("document"), dict):
            order = tree["document"].get("stage_order")
            if isinstance(order, list):
                tree["document"]["stage_order"] = draw(st.permutations(order).flatmap(
                    lambda o: st.lists(st.sampled_from(o + ids[:3] or ["x"]), max_size=6)
                    | st.just(o[1:] + o[:1])))
        else:
            path = draw(st.sampled_from(containers(tree)))
            box = at(tree, path)
            keys = list(box) if isinstance(box, dict) else list(range(len(box)))
            if how == "drop" and keys:
                del box[draw(st.sampled_from(keys))]
            elif how == "add" or not keys:
                if isinstance(box, dict):
                    box[draw(texts_any | st.sampled_from(["id", "kind", "emotion", "format"]))] = \
                        draw(values)
                else:
                    box.insert(draw(st.integers(0, len(box))), draw(values))
            else:
                box[draw(st.sampled_from(keys))] = draw(values)
    return tree


def write_json(value: Any, ascii_only: bool) -> str:
    """JSON text of ``value``, with ``Raw`` tokens written as they are."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=ascii_only) + ":"
                              + write_json(v, ascii_only) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(write_json(v, ascii_only) for v in value) + "]"
    if isinstance(value, float) and value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")) and isinstance(value, float):
        return "1e999" if value > 0 else "-1e999"
    return json.dumps(value, ensure_ascii=ascii_only)


# ----------------------------------------------------------- damaging bytes
INSERTS = [b"\x00", b"\xef\xbb\xbf", b"\xff", b"\xfe", b"\xc0\x80", b"\xed\xa0\x80",
           b"\xf4\x90\x80\x80", b"\xe2\x82", b'"', b"{", b"]", b",", b"\\", b"\\u",
           b"\\ud800", b"1e309", b"NaN", b"\r\n", b"\xd7\xa9"]


@st.composite
def damaged_bytes(draw, payload: bytes) -> bytes:
    data = bytearray(payload)
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["cut", "flip", "insert", "delete", "repeat", "bom",
                                    "utf16", "nul"]))
        pos = draw(st.integers(0, len(data)))
        if how == "cut":
            del data[pos:]
        elif how == "flip" and pos < len(data):
            data[pos] ^= draw(st.integers(1, 255))
        elif how == "insert":
            data[pos:pos] = draw(st.sampled_from(INSERTS) | st.binary(min_size=1, max_size=8))
        elif how == "delete":
            del data[pos:pos + draw(st.integers(1, 64))]
        elif how == "repeat":
            data[pos:pos] = data[pos:pos + draw(st.integers(1, 200))]
        elif how == "bom":
            data[0:0] = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xef\xbb\xbf" * 2,
                                              b"\xff\xfe", b"\xfe\xff", b"\xef\xbb"]))
        elif how == "utf16":
            data = bytearray(bytes(data).decode("utf-8", "replace").encode(
                draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32"]))))
        elif how == "nul":
            data[pos:pos] = b"\x00" * draw(st.integers(1, 3))
    return bytes(data)


small_journeys = journeys(max_stages=3, max_touchpoints=5)


# ------------------------------------------------------------------- tests
@fuzz_settings("json")
@given(journey=small_journeys, data=st.data())
def test_damaged_json_loads_consistently_or_is_refused(journey, data):
    CASES["json"] += 1
    tree = data.draw(damaged_trees(journey), label="tree")
    form = data.draw(st.sampled_from(["bytes", "ascii", "str"]), label="form")
    text = write_json(tree, ascii_only=form == "ascii")
    # As text (a str), a lone surrogate is the character itself, not an escape.
    payload = text if form == "str" else text.encode("utf-8", "surrogatepass")
    if form != "str" and data.draw(st.booleans(), label="then damage the bytes"):
        payload = data.draw(damaged_bytes(payload), label="bytes")
    load_or_refuse(payload)


@fuzz_settings("bytes")
@given(journey=small_journeys, data=st.data())
def test_damaged_bytes_load_consistently_or_are_refused(journey, data):
    CASES["bytes"] += 1
    payload = cxmap.dumps(journey).encode("utf-8")
    load_or_refuse(data.draw(damaged_bytes(payload), label="bytes"))


@fuzz_settings("noise")
@given(payload=st.binary(max_size=300) | st.text(max_size=200)
       | st.text(alphabet=st.characters(blacklist_categories=()), max_size=200)
       | st.builds(lambda a, b: a + b, st.sampled_from([
           b'{"format":"cxdesigner-map","version":2,', b'{"format":"cxdesigner-map",',
           b'{"format":"cxdesigner-map","version":1,"graph":{"nodes":[']), st.binary(max_size=80)))
def test_noise_loads_consistently_or_is_refused(payload):
    CASES["noise"] += 1
    load_or_refuse(payload)
    if isinstance(payload, bytes):
        import_or_refuse(payload)


# ---------------------------------------------------------------- CSV input
HEADER_NAMES = [*csvio.COLUMNS, *csvio.HEBREW_COLUMNS, "Pain Points", "feeling", "Stage ",
                "TOUCH-POINT", "colour", "", "stage"]
CELL_TEXTS = ["", " ", "Ads", "website", "צ'אט", "דוא\"ל", "web site", "unknown channel",
              "-2", "+1", "\u22121", "02", "3", "x", "a;b\nc", ";;", "=1+1", "'=x", "''=y",
              "@SUM(A1)", "\t", "\"", "a,b", "a;b", "line\r\nbreak", "\r", "\u2028",
              "x" * (S.MAX_TEXT + 1), "x" * 140_000, "שלב", "\ufeff", "\x85", "-", "'"]


@st.composite
def csv_payloads(draw) -> bytes:
    header = draw(st.lists(st.sampled_from(HEADER_NAMES) | texts_any, min_size=0, max_size=7))
    if draw(st.booleans()):  # mostly a usable header, so the rows are read too
        header = ["stage", "touchpoint", *header]
    cells = st.sampled_from(CELL_TEXTS) | texts_any | st.sampled_from(S.CHANNELS)
    rows = draw(st.lists(st.lists(cells, max_size=len(header) + 2), max_size=8))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    out = io.StringIO()
    style = draw(st.sampled_from(["minimal", "all", "raw"]))
    ending = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    if style == "raw":  # no quoting at all, as a careless tool writes
        out.write("".join(delimiter.join(r) + ending for r in [header, *rows]))
    else:
        quoting = csv.QUOTE_ALL if style == "all" else csv.QUOTE_MINIMAL
        csv.writer(out, delimiter=delimiter, quoting=quoting,
                   lineterminator=ending).writerows([header, *rows])
    data = out.getvalue().encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 3)) == 0:
        data = draw(damaged_bytes(data))
    return data


@fuzz_settings("csv")
@given(payload=csv_payloads())
def test_any_csv_imports_consistently_or_is_refused(payload):
    CASES["csv"] += 1
    import_or_refuse(payload)


# ------------------------------------------------------------------- corpus
def corpus_cases() -> list:
    return sorted(p for folder in ("cxmap", "csv") for p in (CORPUS / folder).glob("*")
                  if p.is_file() and not p.name.startswith("."))


# Cases that take seconds to replay run in the soak run only; each has a quick test
# of the same fault below.
SOAK_ONLY = {"stage-with-42000-touchpoints.csv"}


@pytest.mark.parametrize("case", corpus_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_case(case):
    """Every case that once failed still loads consistently or is refused cleanly."""
    if case.name in SOAK_ONLY and not SOAK:
        pytest.skip("slow case: replayed by the soak run (bench/soak.py)")
    payload = case.read_bytes()
    if case.parent.name == "csv":
        import_or_refuse(payload)
    else:
        load_or_refuse(payload)


def test_corpus_is_not_empty():
    assert {p.parent.name for p in corpus_cases()} == {"cxmap", "csv"}


# ----------------------------------------------------------- named findings
def test_text_holding_a_lone_surrogate_itself_is_repaired_not_saved_broken():
    """``loads`` takes a str too, and a str can hold a lone surrogate as the character
    itself (not as a ``\\ud800`` escape): it must be repaired like an escaped one."""
    j = JourneyMap()
    j.add_touchpoint(j.add_stage("s", id="s1").id, "t", id="t1")
    text = cxmap.dumps(j).replace('"title": "t"', '"title": "t\ud800"')
    loaded = load_or_refuse(text)
    assert loaded.journey.title("t1") == ""
    assert [p.location for p in loaded.problems] == ["$.graph.nodes[1].title"]


def test_csv_stage_wider_than_the_map_allows_gets_its_touchpoints_closer(monkeypatch):
    """Touchpoints are STEP_X apart, but a map is at most MAX_COORD wide: 41,668 rows
    in one stage made the import fail with ModelError (corpus case
    stage-with-42000-touchpoints.csv).  The same with a wider step and a few rows."""
    monkeypatch.setattr(csvio, "STEP_X", S.MAX_COORD / 4)
    rows = "".join(f"Visit,t{i}\n" for i in range(7)) + "Pay,p\n"
    journey = import_or_refuse(("stage,touchpoint\n" + rows).encode()).journey
    visit, pay = journey.stages()
    xs = [journey.get(tp)["x"] for tp in journey.touchpoints_in(visit)]
    assert xs == sorted(xs) and len(set(xs)) == 7 and xs[-1] <= S.MAX_COORD
    assert [journey.title(tp) for tp in journey.touchpoints_in(visit)] == [
        f"t{i}" for i in range(7)]
    assert [journey.get(tp)["x"] for tp in journey.touchpoints_in(pay)] == [0.0]


def test_opening_a_file_never_runs_what_it_holds(tmp_path):
    """The loader is JSON only (no pickle, eval or YAML tags): text that would run in
    those is kept as plain text."""
    marker = tmp_path / "ran"
    j = JourneyMap()
    stage = j.add_stage("s", id="s1").id
    payloads = [*HOSTILE, f"__import__('pathlib').Path({str(marker)!r}).touch()",
                "exec(\"open('ran','w')\")", "eval('1+1')", "\\u0000"]
    for i, text in enumerate(payloads):
        j.add_touchpoint(stage, text, id=f"t{i}", description=text)
    path = tmp_path / "hostile.cxmap"
    cxmap.save(j, path)
    data = json.loads(path.read_text("utf-8"))
    data["__reduce__"] = ["os.system", ["touch " + str(marker)]]
    data["graph"]["nodes"][1]["py/object"] = "subprocess.Popen"
    path.write_text(json.dumps(data), "utf-8")
    loaded = cxmap.load(path)
    assert [loaded.journey.title(f"t{i}") for i in range(len(payloads))] == payloads
    assert loaded.problems == []
    assert not marker.exists() and not Path("ran").exists()
    assert loaded.journey.unknown["envelope"]["__reduce__"][0] == "os.system"  # just text
