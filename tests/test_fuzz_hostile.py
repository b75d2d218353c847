"""Fuzzed hostile input (issue 9): hand-shaped traps, sized and mixed by Hypothesis.

Random damage (tests/test_fuzz_loading.py) rarely builds what an attacker builds on
purpose: one id repeated a million times, thousands of names that point nowhere, flows
that link everything to everything, escape sequences in titles, characters XML forbids.
Each property here draws such traps and checks the promise that holds for all of them:

* a map made of traps loads or is refused with the format's own error, its problems
  summarised within the report's caps, and its analysis stays within its work budget;
* whatever a title holds, the terminal never receives an escape sequence, a control
  character or a bidi override from it, and Hebrew stays as it is;
* whatever text is written into SVG or GraphML, the document stays well-formed XML;
* a CSV with a lost quote anywhere is imported consistently or refused naming a line.

The number of cases follows the Hypothesis profile, as in test_fuzz_loading.py;
bench/soak.py runs them at the soak scale.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxdesigner.fileformat import FileFormatError, csvio, cxmap
from cxdesigner.fileformat.csvio import CsvError
from cxdesigner.fileformat.errors import MAX_PROBLEM_CHARS, MAX_PROBLEMS
from cxdesigner.fileformat.xmltext import xml_bytes, xml_text
from cxdesigner.model import analysis
from cxdesigner.terminal import clean

SOAK = os.environ.get("HYPOTHESIS_PROFILE", "ci") == "soak"
SCALE = float(os.environ.get("CXD_SOAK_SCALE", "1")) if SOAK else 1.0
EXAMPLES = {name: max(1, round(count * SCALE)) for name, count in (
    {"traps": 3_000, "terminal": 20_000, "xml": 20_000, "quotes": 5_000} if SOAK else
    {"traps": 40, "terminal": 200, "xml": 200, "quotes": 60}).items()}
CASES: Counter[str] = Counter()  # cases run per property, read by bench/soak.py


def fuzz_settings(name: str) -> settings:
    return settings(max_examples=EXAMPLES[name], deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ----------------------------------------------------------------- trap maps
def _stage(i: int) -> dict:
    return {"id": f"s{i}", "kind": "stage", "title": f"Stage {i}"}


def _touchpoint(i: int, **extra) -> dict:
    return {"id": f"t{i}", "kind": "touchpoint", "title": f"Touchpoint {i}", **extra}


@st.composite
def trap_maps(draw) -> dict:
    """A small map with any mix of traps, each repeated a drawn number of times."""
    stages = draw(st.integers(1, 30))
    touchpoints = draw(st.integers(0, 40))
    nodes = [_stage(i) for i in range(stages)]
    nodes += [_touchpoint(i) for i in range(touchpoints)]
    edges = [{"source": f"t{i}", "target": f"s{i % stages}", "kind": "in_stage"}
             for i in range(touchpoints)]
    order = [f"s{i}" for i in range(stages)]
    many = st.integers(1, 3_000)
    traps = draw(st.sets(st.sampled_from([
        "unknown_personas", "repeated_order", "unknown_order", "duplicate_ids",
        "dangling_edges", "dense_flows", "self_links", "repeated_edges", "bad_dates",
        "undirected", "graph_attributes", "unknown_keys"]), max_size=6))
    if "unknown_personas" in traps and touchpoints:
        nodes[stages]["emotions"] = {f"p{k}": 1 for k in range(draw(many))}
    if "repeated_order" in traps:
        order += [order[0]] * draw(many)
    if "unknown_order" in traps:
        order += [f"missing{k}" for k in range(draw(many))]
    if "duplicate_ids" in traps:
        nodes += [dict(nodes[draw(st.integers(0, len(nodes) - 1))])] * draw(many)
    if "dangling_edges" in traps:
        edges += [{"source": f"x{k}", "target": f"y{k}", "kind": "flow"}
                  for k in range(draw(many))]
    if "dense_flows" in traps and touchpoints:
        linked = draw(st.integers(2, max(2, min(touchpoints, 40))))
        edges += [{"source": f"t{a}", "target": f"t{b}", "kind": "flow"}
                  for a in range(min(linked, touchpoints)) for b in range(min(linked, touchpoints))
                  if a != b]
    if "self_links" in traps and touchpoints:
        edges += [{"source": "t0", "target": "t0", "kind": "flow"}] * draw(many)
    if "repeated_edges" in traps and touchpoints > 1:
        edges += [{"source": "t0", "target": "t1", "kind": "flow"}] * draw(many)
    if "bad_dates" in traps:
        nodes += [{"id": f"a{k}", "kind": "action", "title": "Act",
                   "due": draw(st.sampled_from(["2026-W01-1", "2026-13-01", "20260101",
                                                "2026-02-30", "2026-01-01T00:00"]))}
                  for k in range(draw(st.integers(1, 50)))]
    graph = {"directed": True, "multigraph": False, "graph": {}, "nodes": nodes,
             "edges": edges}
    if "undirected" in traps:
        graph["directed"] = draw(st.sampled_from([False, None, "yes", 0]))
        graph["multigraph"] = draw(st.sampled_from([True, None, 1]))
    if "graph_attributes" in traps:
        graph["graph"] = {f"k{k}": k for k in range(draw(st.integers(1, 50)))}
    document = {"title": "Traps", "stage_order": order}
    if "unknown_keys" in traps:
        document.update({f"\x1b]52;c;{k}\x07": k for k in range(draw(st.integers(1, 50)))})
    return {"format": "cxdesigner-map", "version": 2, "app_version": "fuzz",
            "document": document, "graph": graph}


@fuzz_settings("traps")
@given(trap_maps())
def test_trap_maps_load_with_capped_problems_and_bounded_analysis(data):
    CASES["traps"] += 1
    try:
        loaded = cxmap.loads(json.dumps(data))
    except FileFormatError as exc:
        assert exc.message
        return
    problems = loaded.problems
    assert len(problems) <= MAX_PROBLEMS
    assert sum(len(str(p)) for p in problems) <= MAX_PROBLEM_CHARS + 1_000
    result = analysis.analyze(loaded.journey)
    assert result.search_steps <= analysis.WORK_BUDGET
    assert len(result.paths) <= analysis.MAX_PATHS
    # What loading kept saves and loads again with nothing left to repair.
    assert cxmap.loads(cxmap.dumps(loaded.journey)).problems == []


# ----------------------------------------------------------------- terminal
_ESCAPES = st.sampled_from([
    "\x1b[2J", "\x1b]0;owned\x07", "\x1b]52;c;aGk=\x07", "\x1bP+q\x1b\\", "\x9b31m",
    "\x1b[", "\x1b", "\x07", "\x08", "\r", "\u202e", "\u2066", "\u202a", "\x85", "\x00"])
_TEXT = st.lists(st.one_of(st.text(max_size=8), _ESCAPES,
                           st.sampled_from(["שלום", "קופה", "Checkout"])), max_size=12)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@fuzz_settings("terminal")
@given(_TEXT)
def test_no_title_reaches_the_terminal_with_a_control_or_an_override(parts):
    CASES["terminal"] += 1
    text = "".join(parts)
    out = clean(text)
    assert not _UNSAFE.search(out), ascii(out)
    for word in ("שלום", "קופה"):
        if word in text and not _UNSAFE.search(text):
            assert word in out


# ----------------------------------------------------------------- XML
@fuzz_settings("xml")
@given(st.text(max_size=40), st.text(max_size=20))
def test_any_text_written_as_xml_stays_well_formed(text, attribute):
    CASES["xml"] += 1
    from xml.sax.saxutils import escape, quoteattr

    document = (f"<g title={quoteattr(xml_text(attribute))}>{escape(xml_text(text))}</g>")
    ET.fromstring(document.encode("utf-8", "surrogatepass"))
    raw = (f"<g>{escape(text)}&#11;&#x1;</g>").encode("utf-8", "surrogatepass")
    ET.fromstring(xml_bytes(raw))


# ----------------------------------------------------------------- CSV quotes
_HEADER = "stage,touchpoint,channel,emotion,pain_points,opportunities\n"


@fuzz_settings("quotes")
@given(st.integers(1, 120), st.data())
def test_a_csv_with_a_lost_quote_is_consistent_or_refused_naming_a_line(rows, data):
    CASES["quotes"] += 1
    lines = [f"Stage {r % 5},Touchpoint {r},web,{r % 5 - 2},pain {r},idea {r}\n"
             for r in range(rows)]
    at = data.draw(st.integers(0, rows - 1))
    column = data.draw(st.integers(0, 5))
    cells = lines[at].rstrip("\n").split(",")
    cells[column] = '"' + cells[column]
    lines[at] = ",".join(cells) + "\n"
    payload = (_HEADER + "".join(lines)).encode("utf-8")
    try:
        result = csvio.read_csv_bytes(payload, "quotes.csv")
    except CsvError as exc:
        assert re.search(r"[Ll]ine \d", str(exc)), str(exc)
        return
    # Imported: no cell swallowed whole rows of the sheet.
    for node in result.journey.graph.nodes.values():
        assert str(node.get("title", "")).count("\n") < 3
