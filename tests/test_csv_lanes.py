"""The journey CSV's lane columns and fail/wait columns: import, export, the round trip."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxdesigner.fileformat import csvio
from cxdesigner.fileformat.csv_lanes import MAX_LANE_COLUMNS
from cxdesigner.fileformat.csvio import CsvError, export_csv_text, read_csv_bytes
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.model.lane_edits import EMOTION_LANE_ID

HE_HEADER = ["שלב", "נקודת מגע", "ערוץ", "רגש", "פעולות הלקוח", "חזית", "מאחורי הקלעים",
             "תהליכי תמיכה", "ראיות פיזיות", "נתיב:כלים", "נקודות כשל", "נקודות המתנה"]
HE_ROWS = [
    ["חשיפה", "מודעה באינסטגרם", "אינסטגרם", "1", "גוללת בפיד", "מודעה ממומנת",
     "תכנון קמפיין", "ספק פרסום", "תמונת עוגה", "מטא", "", ""],
    ["שקילה", "אתר המאפייה", "אתר", "-1", "מחפשת מחירים", "דף תפריט", "עדכון מלאי\nידני",
     "מערכת ניהול תוכן", "", "וורדפרס", "מאחורי הקלעים", "חזית"],
    ["רכישה", "איסוף מהחנות", "חנות", "-2", "עומדת בתור", "קופאית", "אריזה", "",
     "קבלה; שקית", "", "", "פעולות הלקוח; נתיב:כלים"],
]


def sheet(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def read(header, rows) -> JourneyMap:
    return read_csv_bytes(sheet(header, rows), "sheet.csv").journey


def error(header, rows) -> CsvError:
    with pytest.raises(CsvError) as info:
        read_csv_bytes(sheet(header, rows), "sheet.csv")
    return info.value


def lanes(journey: JourneyMap) -> list[tuple[str, str]]:
    return [(journey.lane(n)["lane_kind"], journey.lane(n)["title"]) for n in journey.lanes()]


def cells(journey: JourneyMap) -> list[list[tuple[str, str, str | None]]]:
    """Each touchpoint's cells and marks in journey order, lanes named by kind and title."""
    names = {n: "/".join((journey.lane(n)["lane_kind"], journey.lane(n)["title"]))
             for n in journey.lanes()}
    return [sorted((names[lane], journey.cell(tp, lane), journey.mark(tp, lane))
                   for lane in journey.lanes()
                   if journey.cell(tp, lane) or journey.mark(tp, lane))
            for tp in journey.journey_order()]


def test_a_hebrew_blueprint_sheet_makes_the_five_lanes_and_a_custom_one_in_column_order():
    journey = read(HE_HEADER, HE_ROWS)
    assert journey.document["language"] == "he" and journey.document["direction"] == "rtl"
    assert lanes(journey) == [("emotion", ""), ("customer_actions", ""), ("frontstage", ""),
                              ("backstage", ""), ("support", ""), ("physical_evidence", ""),
                              ("text", "כלים")]


def test_a_hebrew_blueprint_sheet_fills_the_touchpoints_cells_and_marks():
    journey = read(HE_HEADER, HE_ROWS)
    tps = journey.journey_order()
    by_kind = {journey.lane(n)["lane_kind"]: n for n in journey.lanes()}
    assert journey.cell(tps[1], by_kind["backstage"]) == "עדכון מלאי\nידני"
    assert journey.cell(tps[2], by_kind["physical_evidence"]) == "קבלה; שקית"
    assert journey.mark(tps[1], by_kind["backstage"]) == "fail"
    assert journey.mark(tps[1], by_kind["frontstage"]) == "wait"
    assert journey.mark(tps[2], by_kind["text"]) == "wait"
    assert journey.get(tps[0])["marks"] == {}


def test_a_hebrew_blueprint_sheet_round_trips_cell_for_cell():
    first = read(HE_HEADER, HE_ROWS)
    text = export_csv_text(first)
    again = read_csv_bytes(text.encode("utf-8"), "again.csv").journey
    assert lanes(again) == lanes(first)
    assert cells(again) == cells(first)
    assert export_csv_text(again) == text


def test_a_hebrew_map_exports_hebrew_lane_headers():
    header = next(csv.reader(io.StringIO(export_csv_text(read(HE_HEADER, HE_ROWS)))))
    assert header[6:] == HE_HEADER[4:]


def test_english_headers_are_the_kind_names_and_lane_colon_name():
    journey = read(["stage", "touchpoint", "customer_actions", "frontstage", "backstage",
                    "support", "physical_evidence", "lane:Tools", "fail_points"],
                   [["Visit", "Website", "Browses", "Page", "CMS", "Host", "Logo", "Figma",
                     "support"]])
    assert lanes(journey)[1:] == [("customer_actions", ""), ("frontstage", ""),
                                  ("backstage", ""), ("support", ""),
                                  ("physical_evidence", ""), ("text", "Tools")]
    text = export_csv_text(journey)
    assert text.splitlines()[0] == ("stage,touchpoint,channel,emotion,pain_points,opportunities,"
                                    "customer_actions,frontstage,backstage,support,"
                                    "physical_evidence,lane:Tools,fail_points,wait_points")


def test_an_english_header_may_use_the_lanes_usual_name_and_any_case():
    journey = read(["Stage", "Touchpoint", "Customer Actions", "Support processes"],
                   [["Visit", "Website", "Browses", "Host"]])
    assert lanes(journey)[1:] == [("customer_actions", ""), ("support", "")]


def test_a_blueprint_lane_with_a_title_keeps_it_through_the_round_trip():
    journey = JourneyMap()
    stage = journey.add_stage("Visit").id
    tp = journey.add_touchpoint(stage, "Desk").id
    lane = journey.add_lane("frontstage", "Staff").id
    journey.set_cell(tp, lane, "Greets")
    text = export_csv_text(journey)
    assert "frontstage:Staff" in text.splitlines()[0]
    again = read_csv_bytes(text.encode(), "x.csv").journey
    assert lanes(again)[1:] == [("frontstage", "Staff")] and cells(again) == cells(journey)


def test_two_lanes_with_one_header_get_distinct_columns_and_keep_their_cells():
    journey = JourneyMap()
    stage = journey.add_stage("Visit").id
    tp = journey.add_touchpoint(stage, "Desk").id
    one, two = journey.add_lane("text", "Notes").id, journey.add_lane("text", "Notes").id
    journey.set_cell(tp, one, "first")
    journey.set_cell(tp, two, "second")
    journey.set_mark(tp, two, "fail")
    again = read_csv_bytes(export_csv_text(journey).encode(), "x.csv").journey
    assert lanes(again)[1:] == [("text", "Notes"), ("text", "Notes (2)")]
    assert [again.cell(again.journey_order()[0], n) for n in again.lanes()[1:]] == [
        "first", "second"]
    assert again.mark(again.journey_order()[0], again.lanes()[2]) == "fail"


def test_hidden_lanes_are_exported_too():
    journey = JourneyMap()
    tp = journey.add_touchpoint(journey.add_stage("Visit").id, "Desk").id
    lane = journey.add_lane("backstage").id
    journey.set_cell(tp, lane, "Files")
    journey.set_lane(lane, hidden=True)
    assert "backstage" in export_csv_text(journey).splitlines()[0]


def test_a_map_without_text_lanes_exports_the_columns_it_always_had():
    journey = JourneyMap()
    journey.add_touchpoint(journey.add_stage("Visit").id, "Desk")
    journey.add_lane("image")
    assert export_csv_text(journey).splitlines()[0] == ",".join(csvio.COLUMNS)


def test_two_columns_for_one_lane_kind_are_an_error_naming_both():
    exc = error(["stage", "touchpoint", "frontstage", "חזית"], [["a", "b", "c", "d"]])
    assert exc.line == 1 and exc.column == "חזית"
    assert "two columns for one lane" in str(exc) and '"frontstage"' in str(exc)


def test_two_columns_for_one_custom_lane_are_an_error():
    exc = error(["stage", "touchpoint", "lane:Tools", "נתיב: Tools"], [["a", "b", "c", "d"]])
    assert exc.line == 1 and "two columns for one lane" in str(exc)


def test_too_many_lane_columns_are_an_error_naming_the_column():
    header = ["stage", "touchpoint", *(f"lane:L{i}" for i in range(MAX_LANE_COLUMNS + 1))]
    exc = error(header, [["a", "b"]])
    assert exc.column == f"lane:L{MAX_LANE_COLUMNS}" and f"{S.MAX_LANES} lanes" in str(exc)


def test_as_many_lane_columns_as_a_map_may_hold_import():
    header = ["stage", "touchpoint", *(f"lane:L{i}" for i in range(MAX_LANE_COLUMNS))]
    journey = read(header, [["a", "b", *("x" * MAX_LANE_COLUMNS)]])
    assert len(journey.lanes()) == S.MAX_LANES


def test_a_mark_naming_no_lane_column_is_an_error_naming_line_and_column():
    exc = error(["stage", "touchpoint", "frontstage", "fail_points"],
                [["a", "b", "c", ""], ["a", "d", "e", "backstage"]])
    assert exc.line == 3 and exc.column == "fail_points" and '"backstage"' in str(exc)


def test_a_cell_flagged_both_fail_and_wait_is_an_error():
    exc = error(["stage", "touchpoint", "frontstage", "fail_points", "wait_points"],
                [["a", "b", "c", "frontstage", "frontstage"]])
    assert exc.line == 2 and exc.column == "wait_points" and "both" in str(exc)


def test_a_mark_may_name_a_lane_in_the_other_language_or_case():
    journey = read(["stage", "touchpoint", "frontstage", "lane:Tools", "fail_points"],
                   [["a", "b", "c", "d", "חזית; LANE:tools"]])
    tp = journey.journey_order()[0]
    assert sorted(journey.get(tp)["marks"].values()) == ["fail", "fail"]


def test_a_mark_on_an_empty_cell_is_kept():
    journey = read(["stage", "touchpoint", "frontstage", "wait_points"], [["a", "b", "", "חזית"]])
    tp, lane = journey.journey_order()[0], journey.lanes()[1]
    assert journey.cell(tp, lane) == "" and journey.mark(tp, lane) == "wait"


def test_marks_columns_without_lane_columns_are_ignored_with_a_warning():
    imported = read_csv_bytes(sheet(["stage", "touchpoint", "fail_points"],
                                    [["a", "b", "whatever"]]), "x.csv")
    assert imported.journey.get(imported.journey.journey_order()[0])["marks"] == {}
    assert any("fail_points" in w.message for w in imported.warnings)


def test_a_lane_title_with_a_semicolon_survives_the_marks_column():
    journey = JourneyMap()
    tp = journey.add_touchpoint(journey.add_stage("Visit").id, "Desk").id
    a, b = journey.add_lane("text", "Tools; kit").id, journey.add_lane("frontstage").id
    journey.set_mark(tp, a, "fail")
    journey.set_mark(tp, b, "fail")
    again = read_csv_bytes(export_csv_text(journey).encode(), "x.csv").journey
    assert cells(again) == cells(journey)


def test_a_formula_like_cell_is_escaped_and_comes_back():
    journey = read(["stage", "touchpoint", "frontstage"], [["a", "b", "'=SUM(A1)"]])
    tp, lane = journey.journey_order()[0], journey.lanes()[1]
    assert journey.cell(tp, lane) == "=SUM(A1)"
    assert "'=SUM(A1)" in export_csv_text(journey)


def test_an_over_long_cell_in_a_lane_column_is_an_error_naming_it():
    exc = error(["stage", "touchpoint", "lane:Tools"], [["a", "b", "x" * (S.MAX_TEXT + 1)]])
    assert exc.line == 2 and exc.column == "lane:Tools"


def test_lane_cells_count_towards_the_saved_size_limit(monkeypatch):
    from cxdesigner.fileformat import csv_limits
    monkeypatch.setattr(csv_limits, "MAX_FILE_BYTES", 20_000)
    # Cells far larger than a row's other fields: the limit is crossed by a cell.
    rows = [["a", f"t{i}", "x" * 5000] for i in range(20)]
    exc = error(["stage", "touchpoint", "frontstage"], rows)
    assert exc.column == "frontstage" and "MiB saved" in str(exc)


def test_the_lanes_sit_below_the_emotion_lane():
    journey = read(["stage", "touchpoint", "backstage", "frontstage"], [["a", "b", "c", "d"]])
    assert journey.lanes()[0] == EMOTION_LANE_ID


def test_a_semicolon_sheet_with_lane_columns_is_detected():
    data = b"stage;touchpoint;frontstage;backstage;lane:Tools\na;b;c, d;e;f\n"
    journey = read_csv_bytes(data, "x.csv").journey
    assert journey.cell(journey.journey_order()[0], journey.lanes()[1]) == "c, d"


lane_texts = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\0\r"),
                     max_size=30).map(str.strip)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(language=st.sampled_from(["en", "he"]),
       specs=st.lists(st.tuples(st.sampled_from([*S.BLUEPRINT_LANES, "text"]), lane_texts),
                      min_size=1, max_size=6),
       table=st.lists(st.lists(st.tuples(lane_texts, st.sampled_from([None, "fail", "wait"])),
                               min_size=6, max_size=6), min_size=1, max_size=4))
def test_any_lanes_and_cells_round_trip_through_export_and_import(language, specs, table):
    journey = JourneyMap({"language": language, "direction": "rtl" if language == "he"
                          else "ltr"})
    stage = journey.add_stage("Stage").id
    ids = [journey.add_lane(kind, title.replace("\n", " ").strip()).id for kind, title in specs]
    previous = None
    for n, row in enumerate(table):
        tp = journey.add_touchpoint(stage, f"T{n}", flow_from=previous).id
        for lane, (text, mark) in zip(ids, row):
            journey.set_cell(tp, lane, text)
            journey.set_mark(tp, lane, mark)
        previous = tp
    again = read_csv_bytes(export_csv_text(journey).encode("utf-8"), "x.csv").journey
    assert [[(again.cell(tp, lane), again.mark(tp, lane)) for lane in again.lanes()[1:]]
            for tp in again.journey_order()] == [
        [(journey.cell(tp, lane), journey.mark(tp, lane)) for lane in ids]
        for tp in journey.journey_order()]
    assert [again.lane(n)["lane_kind"] for n in again.lanes()[1:]] == [k for k, _ in specs]


def test_a_hebrew_blueprint_file_round_trips_through_the_command_line(tmp_path):
    from cxdesigner.cli import main
    source = tmp_path / "blueprint.csv"
    source.write_bytes(sheet(HE_HEADER, HE_ROWS))
    for step in ("a", "b"):
        assert main(["import", str(source), "-o", str(tmp_path / f"{step}.cxmap")]) == 0
        assert main(["export", str(tmp_path / f"{step}.cxmap"), "--csv",
                     str(tmp_path / f"{step}.csv")]) == 0
        source = tmp_path / f"{step}.csv"
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    first = read(HE_HEADER, HE_ROWS)
    again = read_csv_bytes((tmp_path / "b.csv").read_bytes(), "b.csv").journey
    assert cells(again) == cells(first) and lanes(again) == lanes(first)


def test_a_lane_title_with_a_nul_or_a_line_break_still_exports_an_importable_file():
    journey = JourneyMap()
    tp = journey.add_touchpoint(journey.add_stage("Visit").id, "Desk").id
    lane = journey.add_lane("text", "To\0ols\nkit").id
    journey.set_cell(tp, lane, "Tablet")
    journey.set_mark(tp, lane, "wait")
    again = read_csv_bytes(export_csv_text(journey).encode(), "x.csv").journey
    assert lanes(again)[1:] == [("text", "Tools kit")]
    tp_again, lane_again = again.journey_order()[0], again.lanes()[1]
    assert again.cell(tp_again, lane_again) == "Tablet"
    assert again.mark(tp_again, lane_again) == "wait"


_WORDS = ["stage", "touchpoint", "frontstage", "חזית", "lane:Tools", "נתיב:כלים", "lane",
          "lane:", "support:x", "fail_points", "wait_points", "נקודות כשל", "emotion",
          "backstage:;", "lane:a:b", "Customer actions", "physical evidence", "image"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8),
       rows=st.lists(st.lists(st.sampled_from(["", "x", "חזית", "frontstage; lane:Tools",
                                               "lane", "2", "a\nb", ";", "lane:a:b"]),
                              max_size=9), max_size=4))
def test_any_sheet_of_lane_headers_imports_or_is_refused_with_a_csv_error(header, rows):
    try:
        journey = read(header, rows)
    except CsvError as exc:
        assert str(exc)
        return
    again = read_csv_bytes(export_csv_text(journey).encode(), "x.csv").journey
    assert cells(again) == cells(journey)
