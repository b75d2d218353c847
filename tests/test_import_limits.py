"""Issue 9: never import what cannot be read back, refuse lost quotes, keep texts in bounds.

A CSV import keeps the loader's limits while it reads and stops at the row that would
cross one; a quote that is never closed is refused with the line where it opened; the
editor cuts a pasted title to the limit; and the report shortens over-long titles.
"""

from __future__ import annotations

import csv
import io

import pytest

from cxdesigner.fileformat import csv_limits, cxmap
from cxdesigner.fileformat.csvio import CsvError, import_csv, read_csv_bytes
from cxdesigner.fileformat.limits import MAX_FILE_BYTES, MAX_NODES
from cxdesigner.model import schema as S

HEADER = "stage,touchpoint,channel,emotion,pain_points,opportunities\n"


def rows(count: int, start: int = 0) -> str:
    return "".join(f"Stage {i % 5},Touchpoint {i},web,1,pain {i},idea {i}\n"
                   for i in range(start, start + count))


def refused(data: str | bytes) -> CsvError:
    with pytest.raises(CsvError) as caught:
        read_csv_bytes(data, "sheet.csv")
    return caught.value


# ------------------------------------------------------------------- element limits

@pytest.mark.timeout(60)
def test_csv_with_500000_notes_in_ten_cells_is_refused_at_the_row_crossing_a_limit(tmp_path):
    cell = '"' + ";".join(["a"] * 50_000) + '"'
    path = tmp_path / "notes.csv"
    path.write_text("stage,touchpoint,pain_points,opportunities\n"
                    + "".join(f"S,t{i},{cell},{cell}\n" for i in range(5)))

    with pytest.raises(CsvError) as caught:
        import_csv(path)

    error = caught.value
    # 163,000 notes would take more than the 64 MiB a map file may hold: row 3 (the
    # second touchpoint) already crosses it, long before 500,000 notes are built.
    assert error.line == 3 and error.column == "opportunities"
    assert "64 MiB" in error.message and "Nothing was imported" in error.message
    assert error.message.startswith('Line 3, column "opportunities":')


def test_more_elements_than_a_map_may_hold_is_refused_naming_the_limit_and_the_line(
        monkeypatch):
    monkeypatch.setattr(csv_limits, "MAX_NODES", 10)
    # One stage and nine touchpoints make ten elements: the tenth touchpoint, on line
    # 11, would be the eleventh.
    data = HEADER + "".join(f"S,t{i},web,1,,\n" for i in range(10))

    error = refused(data)

    assert (error.line, error.column) == (11, "touchpoint")
    assert "more than 10 elements" in error.message
    read_csv_bytes(HEADER + "".join(f"S,t{i},web,1,,\n" for i in range(9)), "ok.csv")


def test_element_limit_is_the_loaders_limit():
    assert csv_limits.MAX_NODES == MAX_NODES
    assert csv_limits.MAX_FILE_BYTES == MAX_FILE_BYTES


def test_a_map_too_big_to_save_is_refused_naming_the_size_limit(monkeypatch):
    monkeypatch.setattr(csv_limits, "MAX_FILE_BYTES", 20_000)

    error = refused(HEADER + rows(200))

    assert "MiB saved" in error.message and error.line < 200


def test_size_estimate_is_at_least_the_saved_size_and_close_to_it():
    # Hebrew, quotes, backslashes and tabs take more bytes in JSON than characters.
    data = HEADER + "".join(f'שלב {i % 7},"נקודה ""{i}"" \\ x",face to face,-2,'
                            f'"כאב {i};p\\q\tz",o\n' for i in range(500))
    journey = read_csv_bytes(data, "מפה.csv").journey
    budget = csv_limits.ImportBudget("מפה")
    for _, attrs in journey.graph.nodes(data=True):
        budget.add(attrs["kind"], attrs["title"])
    for _, _, attrs in journey.graph.edges(data=True):
        if attrs["kind"] == S.FLOW:
            budget.add("flow")

    saved = len(cxmap.dumps(journey).encode("utf-8"))
    assert saved <= budget.bytes <= saved * 1.05
    assert (budget.nodes, budget.edges) == (journey.graph.number_of_nodes(),
                                            journey.graph.number_of_edges())


def test_import_is_refused_when_the_saved_map_would_be_one_byte_over_the_limit(
        tmp_path, monkeypatch):
    data = HEADER + rows(300) + 'S,"Ünïcödé ""quoted"" \\ \t",face to face,-2,"שלום;x",o\n'
    path = tmp_path / "sheet.cxmap"
    cxmap.save(read_csv_bytes(data, "sheet.csv").journey, path)  # stamps its times too
    monkeypatch.setattr(csv_limits, "MAX_FILE_BYTES", path.stat().st_size - 1)

    assert "MiB saved" in refused(data).message


@pytest.mark.timeout(60)
def test_ten_megabyte_csv_is_refused_with_a_message_not_a_memory_error(tmp_path):
    cell = '"' + ";".join(["note"] * 20_000) + '"'
    path = tmp_path / "ten.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("stage,touchpoint,pain_points,opportunities\n")
        i = 0
        while f.tell() < 10 * 2**20:
            f.write(f"S{i % 50},t{i},{cell},{cell}\n")
            i += 1

    with pytest.raises(CsvError) as caught:
        import_csv(path)

    assert "Nothing was imported" in caught.value.message and caught.value.line


def test_cell_over_the_text_limit_is_reported_with_its_line_and_column():
    error = refused(HEADER + "S,t,web,1," + "x" * (S.MAX_TEXT + 1) + ",\n")

    assert (error.line, error.column) == (2, "pain_points")
    assert f"{S.MAX_TEXT:,}" in error.message


# ------------------------------------------------------------------- unbalanced quotes

def test_quote_never_closed_mid_file_is_refused_naming_the_line_it_opened():
    data = HEADER + rows(10) + 'Stage 1,"Checkout,web,1,slow,\n' + rows(1000, 10)

    error = refused(data)

    assert error.line == 12 and error.column == "touchpoint"
    assert error.message.startswith("Line 12: a quote opened here is never closed")
    assert "1,000 lines" in error.message


def test_quote_closed_by_the_next_quoted_cell_far_below_is_refused():
    data = (HEADER + rows(3) + 'Stage 1,"Checkout,web,1,slow,\n' + rows(50, 3)
            + 'Stage 2,Pay,web,1,"late, again",\n' + rows(5, 60))

    error = refused(data)

    assert error.line == 5 and "never closed" in error.message


def test_lost_quote_closed_cleanly_is_still_refused_when_it_swallows_whole_rows():
    # The stray closing quote sits at the end of a cell, so a strict reader accepts it:
    # what gives it away is the rows it swallowed.
    data = HEADER + 'S,"a,web,1,p,o\n' + rows(5) + 'S,z",web,1,p,o\n'

    error = refused(data)

    assert error.line == 2 and "swallows 6 lines" in error.message


def test_quote_open_at_the_end_of_the_file_is_refused_naming_the_line():
    error = refused(HEADER + rows(4) + 'Stage 1,"Checkout,web,1,slow,\nStage 1,Pay')

    assert error.line == 6
    assert "runs to the end of the file" in error.message


def test_quote_open_on_the_last_line_alone_is_refused():
    error = refused(HEADER + rows(2) + 'Stage 1,"Checkout')

    assert error.line == 4 and "never closed" in error.message


def test_line_of_a_lost_quote_also_gives_the_file_line_after_multi_line_cells():
    data = HEADER + 'S,a,web,1,"one\ntwo",o\n' + 'S,"b,web,1,p,o\n' + rows(5)

    error = refused(data)

    assert error.message.startswith("Line 3 (line 4 of the file):")


def test_legit_three_line_cell_still_imports():
    data = HEADER + 'S,a,web,1,"slow queue\nno parking, far away\nrude staff",o\nS,b,web,1,,\n'

    journey = read_csv_bytes(data, "sheet.csv").journey

    assert journey.count("touchpoint") == 2
    assert sorted(a["title"] for _, a in journey.graph.nodes(data=True) if a["kind"] == S.NOTE) == [
        "no parking, far away", "o", "rude staff", "slow queue"]


def test_exported_cell_of_many_notes_shaped_like_text_still_imports():
    notes = "\n".join(f"note {i}, with a comma" for i in range(40))
    out = io.StringIO()
    csv.writer(out).writerows([["stage", "touchpoint", "pain_points"], ["S", "a", notes]])

    journey = read_csv_bytes(out.getvalue(), "sheet.csv").journey

    assert journey.count("note") == 40


def test_cell_of_lines_shaped_like_rows_counts_as_a_lost_quote():
    data = HEADER + 'S,a,web,1,"x\n' + rows(3) + '",o\n'

    assert "never closed" in refused(data).message


# ------------------------------------------------------------------- editor text limits

@pytest.fixture
def window(qapp, monkeypatch, tmp_path):
    from PySide6.QtCore import QCoreApplication, QEvent

    from cxdesigner.model import JourneyMap
    from cxdesigner.ui import main_window as mw
    from cxdesigner.ui import settings
    from cxdesigner.ui.document.document import Document

    settings.use_file(tmp_path / "settings.ini")
    journey = JourneyMap()
    journey.add_stage("Awareness", id="s1")
    journey.add_touchpoint("s1", "Flyer", id="t1")
    journey.add_touchpoint("s1", "Long " * 200, id="t2")  # 1,000 characters, from a file
    w = mw.MainWindow(Document(journey))
    w.show()
    w.activateWindow()
    yield w
    monkeypatch.setattr(mw.MainWindow, "ask_unsaved", lambda self: "discard")
    for other in mw.windows():
        other.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    qapp.clipboard().clear()
    settings.use_file(None)


def paste(qapp, widget, text: str) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    qapp.clipboard().setText(text)
    QTest.keySequence(widget, QKeySequence.Paste)


def select(window, element: str) -> None:
    window.scene.select_ids([element])
    window.sync_selection()


def test_title_editor_cuts_a_pasted_10000_character_title_to_the_limit(window, qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from cxdesigner.canvas.title_editor import MAX_TITLE

    select(window, "t1")
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_F2)
    assert window.view.editor.is_editing
    paste(qapp, window.view, "x" * 10_000)
    QTest.keyClick(window.view, Qt.Key_Return)

    assert window.document.journey.title("t1") == "x" * MAX_TITLE
    assert f"at most {MAX_TITLE}" in window.statusBar().currentMessage()


def test_title_editor_lets_a_longer_title_from_the_file_stay_but_not_grow(window, qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    title = window.document.journey.title("t2")
    select(window, "t2")
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_F2)
    QTest.keyClick(window.view, Qt.Key_End)
    paste(qapp, window.view, "more")
    QTest.keyClick(window.view, Qt.Key_Return)

    assert window.document.journey.title("t2") == title


def test_inspector_title_cuts_a_pasted_10000_character_title_to_the_limit(window, qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from cxdesigner.canvas.title_editor import MAX_TITLE

    select(window, "t1")
    edit = window.inspector.touchpoint_title
    edit.setFocus()
    edit.selectAll()
    paste(qapp, edit, "y" * 10_000)
    QTest.keyClick(edit, Qt.Key_Return)

    assert window.document.journey.title("t1") == "y" * MAX_TITLE
    assert f"at most {MAX_TITLE}" in window.statusBar().currentMessage()


def test_inspector_shows_a_longer_title_from_the_file_whole_and_keeps_it(window, qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    title = window.document.journey.title("t2")
    select(window, "t2")
    edit = window.inspector.touchpoint_title
    edit.setFocus()
    edit.end(False)
    QTest.keyClick(edit, Qt.Key_Backspace)
    QTest.keyClick(edit, Qt.Key_Return)

    assert window.document.journey.title("t2") == title[:-1]


def test_description_field_cuts_pasted_text_at_the_models_limit(window, qapp):
    select(window, "t1")
    form = window.inspector.touchpoint_title.parentWidget()
    description = next(b.widget for b in form.bindings if b.label == "Description")
    description.setFocus()
    paste(qapp, description, "z" * (S.MAX_TEXT + 50))

    assert len(description.toPlainText()) == S.MAX_TEXT


# ------------------------------------------------------------------- report shortening

def _report_pages(journey, path) -> int:
    import subprocess

    from cxdesigner.export import Branding
    from cxdesigner.export.report import build_report

    build_report(journey, path, branding=Branding(date=__import__("datetime").date(2026, 6, 15)))
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return int(next(ln.split(":")[1] for ln in out.splitlines() if ln.startswith("Pages")))


def _bakery_with_long_titles():
    from cxdesigner.fileformat.cxmap import load
    from cxdesigner.resources_path import resource

    journey = load(resource("samples", "bakery-en.cxmap")).journey
    tp = journey.ids(S.TOUCHPOINT)[0]
    journey.set_fields(tp, title="Long " * 2000)  # 10,000 characters
    journey.set_fields(journey.stage_of(tp), title="Stage " * 1667)
    return journey, tp


@pytest.mark.skipif(not __import__("shutil").which("pdfinfo"), reason="needs poppler-utils")
def test_report_with_a_10000_character_title_keeps_close_to_the_normal_page_count(tmp_path):
    from cxdesigner.fileformat.cxmap import load
    from cxdesigner.resources_path import resource

    normal = _report_pages(load(resource("samples", "bakery-en.cxmap")).journey,
                           tmp_path / "normal.pdf")
    long_titles, _ = _bakery_with_long_titles()

    pages = _report_pages(long_titles, tmp_path / "long.pdf")

    # The stage details give both titles whole (about six pages of text); every other
    # place shortens them.  Without shortening the report grew from 27 to 51 pages.
    assert pages <= normal + 8


@pytest.mark.skipif(not __import__("shutil").which("pdftotext"), reason="needs poppler-utils")
def test_report_gives_an_over_long_title_whole_once_in_the_stage_details(tmp_path):
    import subprocess

    journey, _ = _bakery_with_long_titles()
    _report_pages(journey, tmp_path / "long.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "long.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout

    assert 2000 <= text.split().count("Long") < 2 * 2000
    assert "Long…" in text  # shortened elsewhere


@pytest.mark.parametrize("title, expected", [
    ("a" * 119, "a" * 119),
    ("word " * 40, ("word " * 24).rstrip() + "\u2026"),
    # Character 120 is a point: the cut goes before its letter, not between them.
    ("\u05d0" + "\u05e9\u05b8" * 100, "\u05d0" + "\u05e9\u05b8" * 59 + "\u2026"),
    ("\u2067" + "\u05d0" * 200 + "\u2069 tail", "\u2067" + "\u05d0" * 119 + "\u2069\u2026"),
], ids=["short", "at-a-space", "hebrew-points", "open-isolate"])
def test_report_shortens_a_title_without_parting_marks_or_leaving_direction_open(title,
                                                                                 expected):
    from cxdesigner.export.context import shorten

    assert shorten(title) == expected


def test_map_details_title_cuts_a_pasted_10000_character_title_to_the_limit(qapp, qtbot):
    from cxdesigner.canvas.title_editor import MAX_TITLE
    from cxdesigner.model import JourneyMap
    from cxdesigner.ui.dialogs.map_details import MapDetailsDialog

    dialog = MapDetailsDialog(JourneyMap(document={"title": "Shop"}))
    qtbot.addWidget(dialog)
    edit = dialog.lines["title"]
    edit.setFocus()
    edit.selectAll()
    paste(qapp, edit, "z" * 10_000)

    assert dialog.values()["title"] == "z" * MAX_TITLE


def test_map_details_shows_a_longer_title_from_the_file_whole(qapp, qtbot):
    from cxdesigner.model import JourneyMap
    from cxdesigner.ui.dialogs.map_details import MapDetailsDialog

    dialog = MapDetailsDialog(JourneyMap(document={"title": "Long " * 200}))
    qtbot.addWidget(dialog)

    assert dialog.values()["title"] == "Long " * 200


def test_action_title_cuts_a_pasted_10000_character_title_to_the_limit(qapp, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from cxdesigner.canvas.title_editor import MAX_TITLE
    from cxdesigner.model import JourneyMap
    from cxdesigner.ui.panels.action_details import ActionDetails
    from cxdesigner.ui.document.document import Document

    journey = JourneyMap()
    action = journey.add_action("Call back").id
    details = ActionDetails(Document(journey), lambda ids: None)
    qtbot.addWidget(details)
    details.show()
    details.bind(action)
    details.title.setFocus()
    details.title.selectAll()
    paste(qapp, details.title, "w" * 10_000)
    QTest.keyClick(details.title, Qt.Key_Return)

    assert journey.title(action) == "w" * MAX_TITLE
