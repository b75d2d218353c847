"""The journey spreadsheet as an Excel workbook: export, import, the round trip (no Qt)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings

from cxdesigner.fileformat import cxmap
from cxdesigner.fileformat.csvio import CsvError, export_csv_text, read_csv_bytes
from cxdesigner.fileformat.xlsx_journey import export_xlsx, export_xlsx_bytes, import_xlsx
from cxdesigner.fileformat.xmltext import xml_text
from cxdesigner.model import JourneyMap

from test_csv import csv_journeys
from test_csv_lanes import HE_HEADER, HE_ROWS, cells, lanes, sheet

ROOT = Path(__file__).resolve().parent.parent

EN_HEADER = ["stage", "touchpoint", "channel", "emotion", "pain_points", "opportunities",
             "customer_actions", "frontstage", "backstage", "lane:Systems", "fail_points",
             "wait_points"]
EN_ROWS = [
    ["Discover", "=Friend's tip", "word of mouth", "2", "", "Referral card", "Hears about us",
     "", "", "", "", ""],
    ["Buy", "+972 phone line", "phone", "-1", "Busy line\nNo callback", "Callback queue",
     "Calls", "Cashier answers", "Stock check", "POS", "backstage", "frontstage"],
    ["Buy", "@home delivery", "delivery", "", "-late", "", "Waits at home", "Courier",
     "Packing", "Routing app", "", "customer_actions; lane:Systems"],
]


def _journey(header, rows) -> JourneyMap:
    return read_csv_bytes(sheet(header, rows), "sheet.csv").journey


def _workbook(tmp_path: Path, rows: list[list], name: str = "journey.xlsx",
              title: str = "Sheet") -> Path:
    book = openpyxl.Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _error(path: Path) -> CsvError:
    with pytest.raises(CsvError) as info:
        import_xlsx(path)
    return info.value


@pytest.mark.parametrize("header, rows", [(EN_HEADER, EN_ROWS), (HE_HEADER, HE_ROWS)],
                         ids=["english", "hebrew"])
def test_import_export_import_keeps_every_cell_lanes_included(tmp_path, header, rows):
    first = _journey(header, rows)
    export_xlsx(first, tmp_path / "a.xlsx")
    second = import_xlsx(tmp_path / "a.xlsx").journey
    export_xlsx(second, tmp_path / "b.xlsx")
    third = import_xlsx(tmp_path / "b.xlsx").journey
    for journey in (second, third):
        assert export_csv_text(journey) == export_csv_text(first)
        assert lanes(journey) == lanes(first) and cells(journey) == cells(first)
        assert journey.document["language"] == first.document["language"]


@pytest.mark.parametrize("name", ["bakery-en", "bakery-he"])
def test_a_sample_map_comes_back_with_the_same_rows(tmp_path, name):
    journey = cxmap.load(ROOT / "resources" / "samples" / f"{name}.cxmap").journey
    export_xlsx(journey, tmp_path / "out.xlsx")
    assert export_csv_text(import_xlsx(tmp_path / "out.xlsx").journey) == \
        export_csv_text(journey)


def test_the_workbook_has_the_csvs_header_and_cells(tmp_path):
    journey = _journey(EN_HEADER, EN_ROWS)
    export_xlsx(journey, tmp_path / "out.xlsx")
    values = [list(r) for r in openpyxl.load_workbook(tmp_path / "out.xlsx").active.values]
    import csv
    import io
    expected = list(csv.reader(io.StringIO(export_csv_text(journey))))
    assert values[0] == expected[0]
    assert values[2][1] == "+972 phone line" and values[2][3] == -1  # a number, no "'"
    assert values[2][4] == "Busy line\nNo callback"


def test_a_hebrew_sheet_reads_right_to_left_and_an_english_one_left_to_right(tmp_path):
    for header, rows, rtl in ((HE_HEADER, HE_ROWS, True), (EN_HEADER, EN_ROWS, False)):
        export_xlsx(_journey(header, rows), tmp_path / "out.xlsx")
        book = openpyxl.load_workbook(tmp_path / "out.xlsx")
        assert bool(book.active.sheet_view.rightToLeft) is rtl
        assert book.active["A1"].value == header[0]  # the map's language


def test_the_header_is_bold_and_frozen_and_the_columns_fit_their_texts(tmp_path):
    export_xlsx(_journey(EN_HEADER, EN_ROWS), tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    assert all(cell.font.bold for cell in ws[1]) and not ws["A2"].font.bold
    assert ws.freeze_panes == "A2"
    widths = {c: ws.column_dimensions[c].width for c in "ABE"}
    assert widths["B"] > widths["A"] >= 8 and all(w <= 60 for w in widths.values())


def test_a_formula_like_text_is_written_as_text_never_as_a_formula():
    journey = _journey(EN_HEADER, EN_ROWS)
    journey.set_fields(journey.journey_order()[0], title="=HYPERLINK(\"http://x\",\"y\")")
    data = export_xlsx_bytes(journey)
    import io
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [ws[f"B{n}"].data_type for n in (2, 3, 4)] == ["s", "s", "s"]


def test_a_title_starting_with_an_apostrophe_and_equals_comes_back_exactly(tmp_path):
    journey = _journey(EN_HEADER, EN_ROWS)
    journey.set_fields(journey.journey_order()[0], title="'=not a formula")
    export_xlsx(journey, tmp_path / "out.xlsx")
    back = import_xlsx(tmp_path / "out.xlsx").journey
    assert back.title(back.journey_order()[0]) == "'=not a formula"


def test_a_sheet_typed_in_excel_with_numbers_and_dates_imports(tmp_path):
    path = _workbook(tmp_path, [["Stage", "Touchpoint", "Channel", "Emotion"],
                                ["Visit", "Shop floor", "Store", 2],
                                [None, None, None, None],
                                ["Visit", 2026, "web", -1.0]])
    journey = import_xlsx(path).journey
    assert [journey.title(tp) for tp in journey.journey_order()] == ["Shop floor", "2026"]
    assert [journey.emotion(tp) for tp in journey.journey_order()] == [2, -1]
    assert journey.document["title"] == "journey"


def test_a_bad_value_names_the_sheet_row_and_column(tmp_path):
    path = _workbook(tmp_path, [["stage", "touchpoint", "emotion"],
                                ["Buy", "Till", "1"], ["Buy", "Bag", "7"]], title="Plan")
    exc = _error(path)
    assert 'Row 3 of sheet "Plan", column "emotion"' in str(exc)
    assert (exc.line, exc.column, exc.sheet) == (3, "emotion", "Plan")
    assert str(path) in str(exc)


def test_a_sheet_without_a_stage_column_says_which_row_should_name_it(tmp_path):
    exc = _error(_workbook(tmp_path, [[], ["touchpoint", "channel"], ["Till", "store"]]))
    assert 'Row 2 of sheet "Sheet" has no "stage"' in str(exc)


def test_an_empty_sheet_is_refused_by_name(tmp_path):
    assert 'The sheet "Sheet" is empty' in str(_error(_workbook(tmp_path, [])))


def test_a_csv_renamed_to_xlsx_is_refused_as_no_workbook(tmp_path):
    path = tmp_path / "journey.xlsx"
    path.write_bytes(sheet(EN_HEADER, EN_ROWS))
    exc = _error(path)
    assert "not an .xlsx workbook" in str(exc) and str(path) in str(exc)


def test_a_folder_named_like_a_workbook_is_refused(tmp_path):
    (tmp_path / "dir.xlsx").mkdir()
    assert "not a regular file" in str(_error(tmp_path / "dir.xlsx"))


def test_control_characters_xml_cannot_hold_are_left_out(tmp_path):
    journey = _journey(EN_HEADER, EN_ROWS)
    journey.set_fields(journey.journey_order()[0], title="Bell\x07 here")
    export_xlsx(journey, tmp_path / "out.xlsx")
    back = import_xlsx(tmp_path / "out.xlsx").journey
    assert back.title(back.journey_order()[0]) == "Bell here"


def test_a_text_longer_than_excel_keeps_is_refused_and_no_file_is_written(tmp_path):
    journey = _journey(EN_HEADER, EN_ROWS)
    journey.set_fields(journey.journey_order()[1], description="x")
    journey.add_note("pain_point", "y" * 40_000, on=journey.journey_order()[1])
    with pytest.raises(CsvError, match=r'Row 3, column "pain_points".*32,767'):
        export_xlsx(journey, tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_export_onto_a_folder_is_refused_with_a_message(tmp_path):
    (tmp_path / "out.xlsx").mkdir()
    with pytest.raises(CsvError, match="out.xlsx"):
        export_xlsx(_journey(EN_HEADER, EN_ROWS), tmp_path / "out.xlsx")


def test_the_command_line_writes_a_workbook_and_imports_it_back(tmp_path, capsys):
    from cxdesigner.cli import main

    source = ROOT / "resources" / "samples" / "bakery-he.cxmap"
    assert main(["export", str(source), "--xlsx", str(tmp_path / "j.xlsx")]) == 0
    assert main(["import", str(tmp_path / "j.xlsx"), "-o", str(tmp_path / "j.cxmap")]) == 0
    out = capsys.readouterr().out
    assert "Wrote" in out and "Imported 26 touchpoints in 5 stages" in out
    assert export_csv_text(cxmap.load(tmp_path / "j.cxmap").journey) == \
        export_csv_text(cxmap.load(source).journey)


def test_the_command_line_says_in_one_line_where_a_workbook_is_wrong(tmp_path, capsys):
    from cxdesigner.cli import main

    path = _workbook(tmp_path, [["stage", "touchpoint", "channel"], ["Buy", "Till", "fax"]])
    assert main(["import", str(path), "-o", str(tmp_path / "j.cxmap")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and 'Row 2 of sheet "Sheet", column "channel"' in err
    assert not (tmp_path / "j.cxmap").exists()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(csv_journeys())
def test_a_workbook_brings_back_what_the_csv_brings_back_for_any_titles(tmp_path_factory,
                                                                        journey):
    # Compared with the CSV's own round trip: an import judges the map's language from
    # its titles, so an English map of Hebrew titles comes back Hebrew either way.
    text = export_csv_text(journey)
    assume(xml_text(text) == text)
    path = tmp_path_factory.mktemp("book") / "any.xlsx"
    export_xlsx(journey, path)
    by_csv = read_csv_bytes(text.encode("utf-8"), "any.csv").journey
    assert export_csv_text(import_xlsx(path).journey) == export_csv_text(by_csv)
