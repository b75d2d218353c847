"""``cxdesigner snapshot`` and ``cxdesigner compare``: what they record, print and
refuse (no Qt)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cxdesigner.cli import main
from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap


def write_map(path: Path) -> Path:
    j = JourneyMap()
    j.set_document(title="Neighbourhood gym")
    s = j.add_stage("Join", id="s1").id
    j.add_touchpoint(s, "Trial class", id="t1")
    j.add_touchpoint(s, "Sign-up desk", id="t2")
    j.add_feedback([{"touchpoint": "t1", "nps": n, "date": "2026-01-10"} for n in (10, 4, 8)])
    j.set_emotion("t2", -1)
    cxmap.save(j, path)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def edit(path: Path, change) -> None:
    journey = cxmap.load(path).journey
    change(journey)
    cxmap.save(journey, path)


def test_a_snapshot_is_recorded_in_the_file(tmp_path, capsys):
    path = write_map(tmp_path / "gym.cxmap")
    code, out, _ = run(capsys, "snapshot", str(path), "--name", "January")
    assert code == 0 and "Took snapshot 'January'" in out and "next review" in out
    journey = cxmap.load(path).journey
    shot = journey.snapshot_named("January")
    assert shot is not None
    assert [t["id"] for t in journey.get(shot)["record"]["touchpoints"]] == ["t1", "t2"]


def test_an_empty_name_is_refused(tmp_path, capsys):
    path = write_map(tmp_path / "gym.cxmap")
    before = path.read_bytes()
    code, _, err = run(capsys, "snapshot", str(path), "--name", "   ")
    assert code == 2 and "--name must not be empty" in err
    assert path.read_bytes() == before


def test_a_name_already_used_is_refused_unless_replaced(tmp_path, capsys):
    path = write_map(tmp_path / "gym.cxmap")
    run(capsys, "snapshot", str(path), "--name", "January")
    before = path.read_bytes()
    code, out, err = run(capsys, "snapshot", str(path), "--name", "January")
    assert code == 1 and out == ""
    assert "already has a snapshot named 'January'" in err and "--replace" in err
    assert len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before
    edit(path, lambda j: j.set_emotion("t2", 2))
    code, out, _ = run(capsys, "snapshot", str(path), "--name", "January", "--replace")
    assert code == 0 and "Replaced snapshot" in out
    journey = cxmap.load(path).journey
    assert len(journey.snapshots()) == 1
    record = journey.get(journey.snapshot_named("January"))["record"]
    assert record["touchpoints"][1]["emotions"] == {"*": 2}


def _nps(answers):
    return 100 * (sum(a >= 9 for a in answers) - sum(a <= 6 for a in answers)) / len(answers)


def test_compare_prints_the_nps_change_since_a_snapshot(tmp_path, capsys):
    path = write_map(tmp_path / "gym.cxmap")
    run(capsys, "snapshot", str(path), "--name", "January")
    edit(path, lambda j: j.add_feedback([{"touchpoint": "t1", "nps": n} for n in (9, 10)]))
    code, out, _ = run(capsys, "compare", str(path), "--from", "January")
    assert code == 0
    change = round(_nps([10, 4, 8, 9, 10]) - _nps([10, 4, 8]), 1)
    row = next(line for line in out.splitlines() if "Trial class" in line)
    assert f"+{change:g}" in row.split() and "3/5" in row.split()
    assert out.startswith("From 'January' (")


def test_compare_json_gives_both_sides_and_the_changes(tmp_path, capsys):
    path = write_map(tmp_path / "gym.cxmap")
    run(capsys, "snapshot", str(path), "--name", "January")
    edit(path, lambda j: (j.set_emotion("t2", 1), j.add_touchpoint("s1", "Locker", id="t3")))
    run(capsys, "snapshot", str(path), "--name", "April")
    code, out, _ = run(capsys, "compare", str(path), "--from", "January", "--to", "April",
                       "--json")
    data = json.loads(out)
    assert code == 0 and data["version"] == 1
    assert data["before"]["name"] == "January" and data["after"]["name"] == "April"
    assert data["after"]["taken"].startswith(data["after"]["date"])
    assert [e for e in data["emotions"] if e["change"]] == [
        {"touchpoint": "t2", "title": "Sign-up desk", "persona": "*", "persona_title": "",
         "before": -1, "after": 1, "change": 2}]
    assert data["touchpoints"]["added"] == [{"id": "t3", "title": "Locker", "stage": "s1"}]
    assert set(data) == {"version", "before", "after", "emotions", "scores", "notes",
                         "actions", "touchpoints"}


@pytest.mark.parametrize("shots, listed", [((), "it has none yet"),
                                           (("January", "April"), "'January' (")])
def test_an_unknown_snapshot_is_one_line_naming_those_there_are(tmp_path, capsys, shots,
                                                                  listed):
    path = write_map(tmp_path / "gym.cxmap")
    for name in shots:
        run(capsys, "snapshot", str(path), "--name", name)
    code, out, err = run(capsys, "compare", str(path), "--from", "Summer")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "no snapshot named 'Summer'" in err and listed in err
    if shots:
        assert "'April' (" in err


def test_a_hebrew_snapshot_name_compares(tmp_path, capsys):
    path = write_map(tmp_path / "gym.cxmap")
    run(capsys, "snapshot", str(path), "--name", "סקירת חורף")
    code, out, _ = run(capsys, "compare", str(path), "--from", "סקירת חורף")
    assert code == 0 and "סקירת חורף" in out


def test_export_refuses_an_unknown_since_before_writing(tmp_path, capsys):
    path = write_map(tmp_path / "gym.cxmap")
    code, _, err = run(capsys, "export", str(path), "--pdf", str(tmp_path / "r.pdf"),
                       "--since", "Nope")
    assert code == 2 and "no snapshot named 'Nope'" in err
    assert not (tmp_path / "r.pdf").exists()


def test_since_without_a_report_is_refused(tmp_path, capsys):
    path = write_map(tmp_path / "gym.cxmap")
    code, _, err = run(capsys, "export", str(path), "--csv", str(tmp_path / "j.csv"),
                       "--since", "January")
    assert code == 2 and "--since is for the PDF report" in err
    assert not (tmp_path / "j.csv").exists()


def test_export_with_since_writes_the_progress_section(tmp_path, capsys):
    path = write_map(tmp_path / "gym.cxmap")
    run(capsys, "snapshot", str(path), "--name", "January")
    run(capsys, "snapshot", str(path), "--name", "April")
    code, out, _ = run(capsys, "export", str(path), "--pdf", str(tmp_path / "r.pdf"),
                       "--sections", "progress", "--since", "January")
    assert code == 0 and "Wrote" in out
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                          text=True).stdout if shutil.which("pdftotext") else ""
    assert not text or "Progress since January" in text


def test_review_commands_never_import_qt(tmp_path):
    path = write_map(tmp_path / "gym.cxmap")
    code = ("import sys; from cxdesigner.cli import main; "
            f"main(['snapshot', {str(path)!r}, '--name', 'A']); "
            f"main(['compare', {str(path)!r}, '--from', 'A', '--json']); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
