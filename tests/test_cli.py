"""The headless command line: each sub-command, its exit codes and its messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cxdesigner.cli import main
from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap

HEBREW_CSV = "שלב;נקודת מגע;רגש\nחשיפה;מודעה באינסטגרם;1\nרכישה;הזמנה בוואטסאפ;-1\n"


def write_map(path: Path) -> Path:
    j = JourneyMap()
    j.set_document(title="Corner bakery")
    s = j.add_stage("Awareness").id
    t = j.add_touchpoint(s, "Flyer").id
    j.add_note("pain_point", "Nobody reads flyers", on=t)
    cxmap.save(j, path)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_info_prints_title_counts_and_stages(tmp_path, capsys):
    code, out, _ = run(capsys, "info", str(write_map(tmp_path / "m.cxmap")))
    assert code == 0
    assert "Corner bakery" in out and "1 touchpoints" in out and "1. Awareness" in out
    assert "1 pain point" in out


def test_validate_a_good_file_exits_zero(tmp_path, capsys):
    code, out, _ = run(capsys, "validate", str(write_map(tmp_path / "m.cxmap")))
    assert code == 0 and "valid" in out


def test_validate_lists_every_problem_and_exits_one(tmp_path, capsys):
    path = write_map(tmp_path / "m.cxmap")
    data = json.loads(path.read_text("utf-8"))
    data["graph"]["nodes"][1]["emotions"] = {"*": 9}
    data["graph"]["edges"].append({"source": "x", "target": "y", "kind": "flow"})
    path.write_text(json.dumps(data), "utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert "$.graph.nodes[1].emotions" in out and "$.graph.edges[" in out
    assert "2 problem(s)" in out


def test_validate_a_foreign_file_exits_one_with_the_reason(tmp_path, capsys):
    path = tmp_path / "other.json"
    path.write_text('{"hello": 1}')
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1 and "not a CX Designer map" in out


def test_validate_a_missing_file_is_an_input_error(tmp_path, capsys):
    code, _, err = run(capsys, "validate", str(tmp_path / "none.cxmap"))
    assert code == 2 and "no such file" in err and len(err.strip().splitlines()) == 1


def test_new_from_five_stage_hebrew_template(tmp_path, capsys):
    out_path = tmp_path / "new.cxmap"
    code, _, _ = run(capsys, "new", "--template", "five-stages", "--lang", "he", "-o",
                     str(out_path))
    assert code == 0
    j = cxmap.load(out_path).journey
    assert len(j.stages()) == 5 and j.document["direction"] == "rtl"


def test_new_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = write_map(tmp_path / "m.cxmap")
    before = path.read_bytes()
    code, _, err = run(capsys, "new", "-o", str(path))
    assert code == 2 and "--force" in err
    assert path.read_bytes() == before


def test_new_with_an_unknown_template_names_the_choices(tmp_path, capsys):
    code, _, err = run(capsys, "new", "--template", "nope", "-o", str(tmp_path / "x.cxmap"))
    assert code == 2 and "five-stages" in err


def test_import_hebrew_csv_then_export_csv(tmp_path, capsys):
    csv_path = tmp_path / "journey.csv"
    csv_path.write_text(HEBREW_CSV, encoding="utf-8-sig")
    map_path = tmp_path / "journey.cxmap"
    code, out, _ = run(capsys, "import", str(csv_path), "-o", str(map_path))
    assert code == 0 and "2 touchpoints in 2 stages" in out
    out_csv = tmp_path / "out.csv"
    code, _, _ = run(capsys, "export", str(map_path), "--csv", str(out_csv))
    assert code == 0
    assert "מודעה באינסטגרם" in out_csv.read_text("utf-8-sig")


def test_import_of_a_csv_without_the_stage_column_is_an_input_error(tmp_path, capsys):
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text("touchpoint,channel\nAd,social\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(csv_path), "-o", str(tmp_path / "x.cxmap"))
    assert code == 2 and "stage" in err
    assert not (tmp_path / "x.cxmap").exists()


def test_unknown_option_is_a_one_line_usage_error(capsys):
    code, _, err = run(capsys, "info", "--frobnicate")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_every_command_has_help(capsys):
    for command in ("new", "validate", "import", "export", "info"):
        with pytest.raises(SystemExit) as info:
            main([command, "--help"])
        assert info.value.code == 0
        assert "usage: cxdesigner " + command in capsys.readouterr().out


def test_installed_entry_point_reports_a_corrupt_file_without_traceback(tmp_path):
    path = tmp_path / "bad.cxmap"
    path.write_bytes(b'{"format": "cxdesigner-map", "version": 2, "graph": {"nodes": [')
    result = subprocess.run([sys.executable, "-m", "cxdesigner", "info", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "truncated" in result.stderr


def test_headless_commands_never_import_qt(tmp_path):
    path = write_map(tmp_path / "m.cxmap")
    code = ("import sys; from cxdesigner.cli import main; "
            f"main(['info', {str(path)!r}]); main(['validate', {str(path)!r}]); "
            f"main(['rank', {str(path)!r}]); main(['tree', {str(path)!r}]); "
            f"main(['analyze', {str(path)!r}]); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


BAD_FILES = {
    "corrupt-json": (b'{"format": "cxdesigner-map",, }', "not valid JSON"),
    "truncated": (b'{"format": "cxdesigner-map", "version": 2, "graph": {"nodes": [',
                  "truncated"),
    "foreign-json": (b'{"name": "left-pad"}', "not a CX Designer map"),
    "newer-version": (b'{"format": "cxdesigner-map", "version": 99}', "newer CX Designer"),
    "binary": (bytes(range(256)) * 4, "binary"),
    "empty": (b"", "empty"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_validate_explains_each_kind_of_bad_file_without_a_traceback(tmp_path, capsys, name):
    content, words = BAD_FILES[name]
    path = tmp_path / f"{name}.cxmap"
    path.write_bytes(content)
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1 and words in out and "Traceback" not in out + err


def test_validate_lists_wrong_types_and_dangling_ids(tmp_path, capsys):
    path = write_map(tmp_path / "m.cxmap")
    data = json.loads(path.read_text("utf-8"))
    data["graph"]["nodes"][0]["title"] = 42
    data["document"]["stage_order"].append("ghost-stage")
    path.write_text(json.dumps(data), "utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1 and "$.graph.nodes[0].title" in out and "ghost-stage" in out


def test_rank_prints_scores_and_their_formula(capsys):
    from cxdesigner.fileformat.templates import sample_path
    code, out, _ = run(capsys, "rank", str(sample_path("en")))
    assert code == 0 and out.startswith("Method: impact-effort")
    assert "  1.     4.00  pain point: The menu says nothing about allergens" in out
    assert "impact 4 / effort 1 = 4.00" in out


def test_rank_json_with_another_method_is_documented_shape(capsys):
    from cxdesigner.fileformat.templates import sample_path
    code, out, _ = run(capsys, "rank", str(sample_path("en")), "--method", "rice", "--json")
    data = json.loads(out)
    assert code == 0 and data["version"] == 1 and data["method"] == "rice"
    first = data["notes"][0]
    assert set(first) >= {"id", "kind", "title", "target", "stage", "rank", "score",
                          "inputs", "formula", "flags"}
    assert [n["rank"] for n in data["notes"]] == list(range(1, len(data["notes"]) + 1))


def test_tree_numbers_stages_notes_and_actions(capsys):
    from cxdesigner.fileformat.templates import sample_path
    code, out, _ = run(capsys, "tree", str(sample_path("en")))
    assert code == 0
    assert "\n2 Awareness\n" in out
    assert "    2.1.1 Neighbour cards" in out and "owner Marketing" in out


def test_tree_json_nests_children(capsys):
    from cxdesigner.fileformat.templates import sample_path
    _, out, _ = run(capsys, "tree", str(sample_path("he")), "--json")
    data = json.loads(out)
    actions = [a for b in data["branches"] for n in b["children"] for a in n["children"]]
    assert any(a["children"] for a in actions)
    assert all({"owner", "due", "status", "overdue"} <= set(a) for a in actions)


def test_analyze_lists_paths_and_moments_of_truth(capsys):
    from cxdesigner.fileformat.templates import sample_path
    code, out, _ = run(capsys, "analyze", str(sample_path("en")))
    assert code == 0 and "Paths from the start" in out and "lowest emotion" in out


def test_analyze_refuses_an_unknown_persona(capsys):
    from cxdesigner.fileformat.templates import sample_path
    code, _, err = run(capsys, "analyze", str(sample_path("en")), "--persona", "nobody")
    assert code == 2 and "not a persona" in err
