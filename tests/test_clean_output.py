"""Output that cannot be turned against its reader: titles from a map never act on the
terminal, exported XML is well-formed whatever the titles hold, and a closed pipe or
Ctrl+C ends a command quietly."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cxdesigner.cli import main
from cxdesigner.fileformat import cxmap, graphml
from cxdesigner.fileformat.limits import VERSION
from cxdesigner.fileformat.xmltext import xml_bytes, xml_text
from cxdesigner.model import JourneyMap
from cxdesigner.terminal import clean, clean_block

ROOT = Path(__file__).resolve().parents[1]
CXDESIGNER = Path(sys.executable).parent / "cxdesigner"

# Clear the screen, retitle the window, write the clipboard (OSC 52), 8-bit CSI, a
# right-to-left override that would reverse the rest of the line.
HOSTILE = ("\x1b[2J\x1b[H" "\x1b]0;owned\x07" "\x1b]52;c;ZWNobyBoaQ==\x1b\\"
           "\x9b31m" "\u202e")
HEBREW = "מודעת אינסטגרם"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile(title: str) -> str:
    return f"{HOSTILE}{title}\x07\x0b{HOSTILE}"


def assert_inert(text: str, whole: bool = True) -> None:
    assert not UNSAFE.search(text), repr(UNSAFE.search(text).group(0))
    if whole:  # whole sequences went, not only their ESC
        assert "owned" not in text and "ZWNob" not in text


def hostile_map() -> JourneyMap:
    j = JourneyMap()
    j.set_document(title=hostile(HEBREW), goal=hostile("goal"))
    stage = j.add_stage(hostile("Stage"), id="s1").id
    end = j.add_stage(hostile(HEBREW), id="s2").id
    j.add_touchpoint(stage, hostile(HEBREW), id="t1", emotions={"*": -2})
    j.add_touchpoint(end, hostile("Till"), id="t2", flow_from="t1")
    j.add_note("pain_point", hostile(HEBREW), on="t1", id="n1", impact=4, effort=2)
    j.add_action(hostile(HEBREW), addresses="n1", id="a1", owner=hostile("Dana"))
    return j


@pytest.fixture
def map_file(tmp_path) -> Path:
    path = tmp_path / "hostile.cxmap"
    cxmap.save(hostile_map(), path)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ terminal.clean
def test_clean_removes_escape_sequences_whole():
    assert clean("a\x1b[2Jb\x1b]0;title\x07c\x1b]52;c;aGk=\x1b\\d\x1bPq#0\x1b\\e") == "abcde"
    assert clean("\x9b1;31mred\x9d0;t\x9c!") == "red!"


def test_clean_keeps_hebrew_and_marks_but_drops_bidi_overrides():
    assert clean(f"\u202e{HEBREW}\u202c \u200f\u2067x\u2069") == f"{HEBREW} \u200fx"


def test_clean_turns_line_breaks_into_spaces_and_other_controls_visible():
    assert clean("a\nb\x0bc\td\x07") == "a b c d\ufffd"
    assert clean_block("one\x1b[1m\ntwo") == "one\ntwo"


# ------------------------------------------------------------------ commands
def test_info_prints_titles_inert(capsys, map_file):
    code, out, _ = run(capsys, "info", str(map_file))
    assert code == 0 and HEBREW in out and "Stage" in out
    assert_inert(out)


def test_rank_prints_titles_inert(capsys, map_file):
    code, out, _ = run(capsys, "rank", str(map_file))
    assert code == 0 and HEBREW in out
    assert_inert(out)


def test_tree_prints_titles_and_owners_inert(capsys, map_file):
    code, out, _ = run(capsys, "tree", str(map_file))
    assert code == 0 and HEBREW in out and "Dana" in out
    assert_inert(out)


def test_analyze_prints_titles_inert(capsys, map_file):
    code, out, _ = run(capsys, "analyze", str(map_file))
    assert code == 0 and HEBREW in out and "Till" in out
    assert_inert(out, whole=False)  # findings quote titles with repr(): escaped, inert


def test_json_escapes_what_a_terminal_acts_on_and_keeps_the_title(capsys, map_file):
    code, out, _ = run(capsys, "rank", str(map_file), "--json")
    assert code == 0 and HEBREW in out
    assert_inert(out, whole=False)  # kept, as escapes
    assert json.loads(out)["notes"][0]["title"] == hostile(HEBREW)


def file_with_hostile_key(tmp_path) -> Path:
    key = "p\x1b]0;owned\x07\u202eX"
    data = {"format": "cxdesigner-map", "version": VERSION,
            "document": {"stage_order": ["s"]},
            "graph": {"nodes": [{"id": "s", "kind": "stage", "title": "S"},
                                {"id": "t", "kind": "touchpoint", "title": HEBREW,
                                 "emotions": {key: 1}}],
                      "edges": [{"source": "t", "target": "s", "kind": "in_stage"}]}}
    path = tmp_path / "key.cxmap"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_validate_prints_key_names_inert(capsys, tmp_path):
    code, out, _ = run(capsys, "validate", str(file_with_hostile_key(tmp_path)))
    assert code == 1 and "emotions.p" in out
    assert_inert(out)


def test_warnings_while_loading_print_key_names_inert(capsys, tmp_path):
    code, _, err = run(capsys, "info", str(file_with_hostile_key(tmp_path)))
    assert code == 0 and "warning" in err and "emotions.p" in err
    assert_inert(err)


def test_an_error_naming_a_hostile_file_name_is_inert(capsys, tmp_path):
    code, _, err = run(capsys, "info", str(tmp_path / "no\x1b]0;owned\x07.cxmap"))
    assert code == 2 and "no" in err
    assert_inert(err)


# ------------------------------------------------------------------ XML
def test_xml_text_drops_what_xml_forbids_and_spaces_line_breaks():
    assert xml_text("a\x0bb\x00c\ud800\uffff\td") == "a bc\td"
    assert xml_bytes(b"<a>&#11;&#x1b;&#65;\x01</a>") == b"<a> &#65;</a>"


def test_svg_with_a_vertical_tab_in_a_title_is_well_formed(qapp):
    from cxdesigner.canvas.render import svg_bytes

    j = JourneyMap()
    j.set_document(title="Map\x0btitle")
    stage = j.add_stage("Line\x0bbreak", id="s").id
    j.add_touchpoint(stage, f"{HEBREW}\x0bשורה\x1b[2J", id="t")
    data, _ = svg_bytes(j)
    ET.fromstring(data)
    assert "Line break".encode() in data


def test_graphml_with_a_forbidden_character_in_an_unknown_key_name_parses(tmp_path):
    data = {"format": "cxdesigner-map", "version": VERSION,
            "document": {"stage_order": ["s"]},
            "graph": {"nodes": [{"id": "s", "kind": "stage", "title": "S"},
                                {"id": "t", "kind": "touchpoint", "title": "a\x0bb",
                                 "custom\x1b[2J\x0bfield": "v\x07"}],
                      "edges": [{"source": "t", "target": "s", "kind": "in_stage"}]}}
    out = graphml.graphml_bytes(cxmap.from_data(data).journey)
    ET.fromstring(out)
    assert b'attr.name="custom[2J field"' in out and b">a b<" in out


# ------------------------------------------------------------------ pipes and Ctrl+C
def test_a_closed_pipe_ends_rank_quietly(tmp_path):
    j = JourneyMap()
    stage = j.add_stage("S").id
    tp = j.add_touchpoint(stage, "T").id
    for i in range(3000):  # far more than a pipe holds
        j.add_note("pain_point", f"Pain number {i} " + "x" * 80, on=tp, impact=3, effort=2)
    path = tmp_path / "big.cxmap"
    cxmap.save(j, path)
    proc = subprocess.Popen([str(CXDESIGNER), "rank", str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"Method:")
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=30) == 141
    assert "Traceback" not in err and "Error" not in err and err == ""


SLOW_COMMAND = """
import sys, time
from cxdesigner import cli
def slow(args):
    print("ready", flush=True)
    time.sleep(60)
cli._RUN["info"] = slow
sys.exit(cli.main(["info", "any.cxmap"]))
"""


def test_ctrl_c_ends_a_command_with_one_line_and_no_traceback():
    proc = subprocess.Popen([sys.executable, "-c", SLOW_COMMAND], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout.readline() == b"ready\n"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and err.decode().strip() == "Interrupted."


def test_ctrl_c_ends_dev_py_run_with_no_traceback(tmp_path):
    stamp = ROOT / ".venv" / ".cxdesigner-installed"
    if Path(sys.prefix) != ROOT / ".venv" or not stamp.exists():
        pytest.skip("dev.py uses the project's .venv, which these tests do not run in")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path),
               XDG_RUNTIME_DIR=str(tmp_path))
    env.pop("CXD_VENV", None)
    # Its own session, so that Ctrl+C can go to the whole group as a terminal sends it.
    proc = subprocess.Popen([sys.executable, str(ROOT / "dev.py"), "run"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        proc.wait(timeout=8)  # the editor is up by now (it never ends by itself)
    except subprocess.TimeoutExpired:
        pass
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert "Traceback" not in err.decode() and "Interrupted." in err.decode()
