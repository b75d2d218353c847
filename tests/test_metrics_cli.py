"""``cxdesigner metrics``: the figures of a map's feedback, as text and JSON."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cxdesigner.cli import main
from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap


@pytest.fixture
def surveyed(tmp_path):
    journey = JourneyMap({"language": "he", "direction": "rtl"})
    journey.add_stage("קנייה", id="s1")
    journey.add_touchpoint("s1", "קופה", id="t1")
    journey.add_touchpoint("s1", "משלוח", id="t2")
    journey.set_fields("t2", nps=-10)  # typed by hand: nothing measured there
    # t1: promoters 10, 9; passive 8; detractors 6, 2 -> (2 - 2) / 5 = 0.
    # January only: 10, 9 -> +100.
    answers = [(10, "2026-01-05"), (9, "2026-01-20"), (8, "2026-02-01"), (6, "2026-02-11"),
               (2, "2026-03-01")]
    journey.add_feedback([{"touchpoint": "t1", "nps": n, "csat": 5 if n > 8 else 2,
                           "date": d} for n, d in answers] + [{"description": "?"}])
    path = tmp_path / "m.cxmap"
    cxmap.save(journey, path)
    return path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_gives_each_touchpoint_its_title_and_the_hand_computed_nps(capsys, surveyed):
    code, out, _ = run(capsys, "metrics", str(surveyed), "--json")
    data = json.loads(out)
    assert code == 0 and data["version"] == 1
    first, second = data["touchpoints"]
    assert (first["title"], first["nps"], first["nps_answers"]) == ("קופה", 0.0, 5)
    assert (first["csat"], first["items"]) == (40.0, 5)
    assert (second["title"], second["nps"], second["nps_typed"]) == ("משלוח", -10, True)
    assert data["unmatched"]["items"] == 1 and data["journey"]["items"] == 6
    assert data["stages"][0]["title"] == "קנייה"


def test_a_date_range_counts_only_the_feedback_inside_it(capsys, surveyed):
    code, out, _ = run(capsys, "metrics", str(surveyed), "--from", "2026-01-01",
                       "--to", "2026-01-31", "--json")
    data = json.loads(out)
    assert data["touchpoints"][0]["nps"] == 100.0 and data["journey"]["items"] == 2
    assert (data["from"], data["to"]) == ("2026-01-01", "2026-01-31")


def test_the_table_lists_stages_and_touchpoints_with_typed_values_marked(capsys, surveyed):
    code, out, _ = run(capsys, "metrics", str(surveyed))
    assert code == 0 and "קופה" in out and "-10 typed" in out and "Unmatched" in out


@pytest.mark.parametrize("args, says", [
    (["--from", "2026-02-30"], "--from must be a date"),
    (["--from", "2026-03-01", "--to", "2026-01-01"], "is before --from"),
])
def test_a_bad_range_is_one_line(capsys, surveyed, args, says):
    code, _, err = run(capsys, "metrics", str(surveyed), *args)
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1


def test_metrics_never_imports_qt(surveyed):
    code = ("import sys; from cxdesigner.cli import main; "
            f"main(['metrics', {str(surveyed)!r}, '--json']); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
