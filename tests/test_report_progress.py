"""The report's "Progress since NAME" section and the next review date, read back with
pdftotext in English and in Hebrew (Hebrew as word tokens in reading order, as
test_report.py reads it)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cxdesigner.export import Branding, ReportError
from cxdesigner.model import JourneyMap
from cxdesigner.model import snapshots as R

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"),
                                reason="poppler-utils are not installed")
DAY = dt.date(2026, 9, 1)
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")
WORDS = {
    "en": {"stages": ("Discover", "Stay"), "tps": ("Booking site", "Check-in desk", "Breakfast"),
           "review": "Spring review", "pain": "Queue at check-in",
           "new_pain": "Cold coffee at breakfast", "action": "Second receptionist at peaks",
           "added_tp": "Late check-out"},
    "he": {"stages": ("גילוי", "שהייה"), "tps": ("אתר ההזמנות", "דלפק הקבלה", "ארוחת הבוקר"),
           "review": "סקירת אביב", "pain": "תור בקבלה", "new_pain": "קפה קר בארוחת הבוקר",
           "action": "פקיד קבלה נוסף בשעות העומס", "added_tp": "עזיבה מאוחרת"},
}


def hotel(lang: str) -> tuple[JourneyMap, dict]:
    w = WORDS[lang]
    j = JourneyMap()
    j.set_document(title="Hotel", language=lang, direction="rtl" if lang == "he" else "ltr",
                   review_months=3)
    s1, s2 = (j.add_stage(t).id for t in w["stages"])
    t1 = j.add_touchpoint(s1, w["tps"][0]).id
    t2 = j.add_touchpoint(s2, w["tps"][1]).id
    t3 = j.add_touchpoint(s2, w["tps"][2]).id
    j.set_emotion(t1, 1)
    j.set_emotion(t2, -2)
    j.set_emotion(t3, 0)
    pain = j.add_note("pain_point", w["pain"], t2).id
    action = j.add_action(w["action"], due="2026-06-01", status="in_progress").id
    j.link_action(action, pain)
    j.add_feedback([{"touchpoint": t2, "nps": n, "date": "2026-02-01"} for n in (3, 5, 9, 8)])
    R.take_snapshot(j, w["review"], dt.datetime(2026, 3, 31, 12, 0))
    j.add_feedback([{"touchpoint": t2, "nps": n, "date": "2026-07-01"} for n in (10, 10, 9, 10)])
    j.set_emotion(t2, 1)
    j.set_fields(action, status="done")
    j.add_note("pain_point", w["new_pain"], t3)
    j.add_touchpoint(s2, w["added_tp"])
    return j, {"t2": t2}


def nps(answers: list[int]) -> float:
    return 100 * (sum(a >= 9 for a in answers) - sum(a <= 6 for a in answers)) / len(answers)


def render(journey: JourneyMap, path: Path, **options) -> str:
    from cxdesigner.export.report import build_report

    options.setdefault("branding", Branding(date=DAY))
    build_report(journey, path, **options)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return BIDI_MARKS.sub(" ", out)


def tokens(text: str) -> str:
    return " " + " ".join(re.findall(r"[\w.+\u2212-]+", text)) + " "


def test_the_english_progress_section_gives_the_compare_figures(tmp_path):
    journey, _ = hotel("en")
    text = " ".join(render(journey, tmp_path / "en.pdf", sections="progress").split())
    assert text.startswith("Progress since Spring review")
    before, after = nps([3, 5, 9, 8]), nps([3, 5, 9, 8, 10, 10, 9, 10])
    table = subprocess.run(["pdftotext", "-layout", str(tmp_path / "en.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    row = next(line for line in table.splitlines() if "Check-in desk" in line).split()
    assert row[1:6] == ["Check-in", "desk", f"{before:g}".replace("-", "\u2212"),
                       f"{after:g}", f"+{round(after - before, 1):g}"]
    for words in ("Emotion before and now", "before (Spring review)", "Emotions that changed",
                  "Pain points and opportunities added PAIN POINT Cold coffee at breakfast",
                  "Pain points and opportunities resolved PAIN POINT Queue at check-in",
                  "Actions completed", "Second receptionist at peaks",
                  "Touchpoints added", "Late check-out", "Next review: 30 June 2026 (overdue)"):
        assert words in text, words


def test_the_hebrew_progress_section_reads_in_order_from_the_right(tmp_path):
    journey, _ = hotel("he")
    path = tmp_path / "he.pdf"
    text = tokens(render(journey, path, sections="progress"))
    assert "Progress" not in text
    for words in ("ההתקדמות מאז סקירת אביב", "הרגש לפני ועכשיו", "לפני ( סקירת אביב )",
                  "נקודות כאב והזדמנויות שנוספו", "קפה קר בארוחת הבוקר",
                  "נקודות כאב והזדמנויות שטופלו", "תור בקבלה", "פעולות שהושלמו",
                  "פקיד קבלה נוסף בשעות העומס", "נקודות מגע שנוספו", "עזיבה מאוחרת",
                  "הסקירה הבאה"):
        assert tokens(words) in text, words
    # the heading ends at the right margin
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    first = re.search(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">'
                      + "ההתקדמות"[::-1] + "</word>", html)  # drawn left to right
    assert first and float(first.group(1)) > 595 - 60


def test_a_map_without_snapshots_has_no_progress_section(tmp_path):
    journey = JourneyMap()
    journey.add_touchpoint(journey.add_stage("Only").id, "Shop window")
    text = render(journey, tmp_path / "none.pdf", sections="contents,progress,summary")
    assert "Progress since" not in text and "Executive summary" in text


def test_since_picks_an_older_snapshot_and_an_unknown_one_is_refused(tmp_path):
    journey, _ = hotel("en")
    R.take_snapshot(journey, "Summer review", dt.datetime(2026, 8, 1, 9, 0))
    latest = " ".join(render(journey, tmp_path / "l.pdf", sections="contents,progress").split())
    assert "Progress since Summer review" in latest and "No emotion changed." in latest
    older = " ".join(render(journey, tmp_path / "o.pdf", sections="progress",
                            since="Spring review").split())
    assert older.startswith("Progress since Spring review")
    with pytest.raises(ReportError, match="no snapshot named 'Autumn'.*'Summer review'"):
        render(journey, tmp_path / "x.pdf", since="Autumn")


@pytest.mark.parametrize("lang, label, date", [("en", "Next review", "30 June 2026"),
                                               ("he", "הסקירה הבאה", "30 ביוני 2026")])
def test_the_cover_shows_the_next_review(tmp_path, lang, label, date):
    journey, _ = hotel(lang)
    text = tokens(render(journey, tmp_path / "c.pdf", sections="cover"))
    assert tokens(label) in text and tokens(date) in text


def test_a_foreign_snapshot_record_still_makes_a_report(tmp_path):
    journey, _ = hotel("en")
    journey.add_snapshot("Odd", "2026-01-05T08:00:00", {
        "date": "2026-13-45", "touchpoints": 5, "stages": "none", "actions": {"a": 1},
        "notes": [{"id": "ghost", "kind": "pain_point", "target": "nowhere", "title": 7},
                  "not an entry", {"id": 3}]})
    text = " ".join(render(journey, tmp_path / "odd.pdf", sections="progress",
                           since="Odd").split())
    # the record's bad date gives way to the day it was taken
    assert "Progress since Odd" in text and "of 5 January 2026" in text
    assert "removed from the map" in text  # the ghost note, gone from the map now


@pytest.mark.parametrize("key, says", [("progress", "no snapshot yet"),
                                       ("blueprint", "service blueprint holds text")])
def test_a_section_asked_for_alone_without_its_data_says_why(key, says):
    from cxdesigner.export.report import render_report
    from cxdesigner.model import JourneyMap

    journey = JourneyMap()
    journey.add_stage("Visit")
    pdf = render_report(journey, sections=[key])
    assert b"/Outlines" in pdf
    import subprocess

    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout
    assert says in " ".join(text.decode("utf-8").split())
