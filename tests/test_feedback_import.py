"""Customer feedback comes in from survey exports and e-mail (no Qt): the right items,
the right touchpoints and scores, personal data masked, and every bad file told."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from cxdesigner.cli import main
from cxdesigner.fileformat import cxmap
from cxdesigner.fileformat.errors import FileFormatError
from cxdesigner.fileformat.feedback_import import kind_of, read_feedback
from cxdesigner.fileformat.feedback_table import FeedbackError
from cxdesigner.model import metrics
from cxdesigner.model import schema as S
from cxdesigner.model.journey import JourneyMap

DATA = Path(__file__).parent / "data" / "feedback"
SURVEY = DATA / "survey_he.csv"
INBOX = DATA / "inbox.mbox"
# What inbox.mbox holds that names a person (written into it on purpose).
INBOX_ADDRESSES = ("dana.levi@example.com", "yossi@example.co.il", "sara@example.net",
                   "ben@example.org", "rina@example.co.il")
INBOX_PHONES = ("555 201 3344", "052-3344556", "212-555-0147", "058-1112233")


def shop_map() -> JourneyMap:
    journey = JourneyMap({"title": "חנות רהיטים", "language": "he", "direction": "rtl"})
    online = journey.add_stage("רכישה").id
    after = journey.add_stage("אחרי הרכישה").id
    journey.add_touchpoint(online, "אתר")
    journey.add_touchpoint(after, "מוקד טלפוני")
    journey.add_touchpoint(after, "משלוח")
    return journey


def by_title(journey: JourneyMap) -> dict[str, str]:
    return {journey.title(tp): tp for tp in journey.journey_order()}


def expected_nps(path: Path) -> dict[str, float]:
    """NPS per touchpoint title computed straight from the file's rows."""
    answers: dict[str, list[int]] = defaultdict(list)
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            title = " ".join(row["נקודת מגע"].split())
            if title and row["NPS"].strip():
                answers[title].append(int(row["NPS"]))
    return {title: 100.0 * (sum(a >= 9 for a in got) - sum(a <= 6 for a in got)) / len(got)
            for title, got in answers.items()}


def imported(journey: JourneyMap, *paths: Path, keep: bool = False):
    found = read_feedback(paths, journey, keep_personal_data=keep)
    journey.add_feedback(found.items)
    return found


def survey_as_xlsx(tmp_path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "תשובות"
    with open(SURVEY, encoding="utf-8-sig", newline="") as f:
        for n, row in enumerate(csv.reader(f)):
            if n:  # as Excel keeps them: real dates and numbers where it can
                if re.fullmatch(r"\d{4}-\d\d-\d\d", row[0]):
                    row[0] = dt.datetime.fromisoformat(row[0])
                row[3:5] = [int(v) if v.strip() else None for v in row[3:5]]
            sheet.append(row)
    path = tmp_path / "survey_he.xlsx"
    book.save(path)
    return path


# ------------------------------------------------------------------ surveys
def test_a_hebrew_survey_csv_gives_the_hand_computed_nps_per_touchpoint():
    journey = shop_map()
    imported(journey, SURVEY)
    figures = metrics.compute(journey)
    tps = by_title(journey)
    expected = expected_nps(SURVEY)
    assert {t: figures.touchpoints[tps[t]].nps for t in tps} == {t: expected[t] for t in tps}
    # By hand: the call centre answered 10, 9, 9, 8, 4 -> 3 promoters, 1 passive and
    # 1 detractor of 5: (3 - 1) / 5 = 40.
    assert figures.touchpoints[tps["מוקד טלפוני"]].nps == 40.0


def test_a_hebrew_survey_xlsx_gives_the_same_nps_as_its_csv(tmp_path):
    journey = shop_map()
    imported(journey, survey_as_xlsx(tmp_path))
    figures = metrics.compute(journey)
    tps = by_title(journey)
    expected = expected_nps(SURVEY)
    assert {t: figures.touchpoints[tps[t]].nps for t in tps} == {t: expected[t] for t in tps}
    assert figures.touchpoints[tps["מוקד טלפוני"]].nps == 40.0


def test_survey_dates_in_israeli_and_excel_forms_become_iso_days(tmp_path):
    journey = shop_map()
    imported(journey, survey_as_xlsx(tmp_path))
    dates = [journey.get(i)["date"] for i in journey.feedback_items()]
    # A real Excel date, "3/3/2026" (day first) and "04.03.2026", then Excel again.
    assert dates[:4] == ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"]


def test_a_date_cell_holding_excels_day_number_is_that_day(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["date", "nps"], [46082, 9]):  # 46082 days after 1899-12-30
        book.active.append(row)
    book.save(tmp_path / "serial.xlsx")
    [item] = read_feedback([tmp_path / "serial.xlsx"], shop_map()).items
    assert item["date"] == "2026-03-01"


def test_a_day_number_in_a_csv_is_not_taken_for_a_date(tmp_path):
    (tmp_path / "serial.csv").write_text("date,nps\n46082,9\n", "utf-8")
    with pytest.raises(FeedbackError, match='"46082" is not a date'):
        read_feedback([tmp_path / "serial.csv"], shop_map())


def test_excels_unicode_text_export_is_read(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes("תאריך\tנקודת מגע\tNPS\n5/3/2026\tמשלוח\t10\n".encode("utf-16"))
    journey = shop_map()
    [item] = read_feedback([path], journey).items
    assert (item["date"], item["touchpoint"], item["nps"]) == (
        "2026-03-05", by_title(journey)["משלוח"], 10)


def test_a_title_the_map_lacks_leaves_the_item_unmatched_with_a_warning_naming_it():
    journey = shop_map()
    found = read_feedback([SURVEY], journey)
    assert (found.read, found.matched, found.unmatched) == (13, 11, 2)
    [warning] = found.warnings
    assert warning.location == 'survey_he.csv: line 13, column "נקודת מגע"'
    assert '"אפליקציה"' in warning.message and warning.action == "kept"
    unmatched = [i for i in found.items if "touchpoint" not in i]
    assert unmatched[0]["fields"]["נקודת מגע"] == "אפליקציה"


def test_many_rows_naming_unknown_touchpoints_make_one_warning_that_counts_them(tmp_path):
    path = tmp_path / "many.csv"
    path.write_text("touchpoint,nps\n" + "".join(f"Kiosk {n},9\n" for n in range(40)), "utf-8")
    [warning] = read_feedback([path], shop_map()).warnings
    assert (warning.location, warning.count) == ("many.csv", 40)
    assert warning.message.startswith("40 rows name a touchpoint the map does not have")
    assert 'the first at line 2, column "touchpoint" ("Kiosk 0")' in warning.message
    assert warning.message.endswith("and 35 more.")


def test_columns_the_import_does_not_know_are_kept_in_the_items_fields():
    found = read_feedback([SURVEY], shop_map())
    assert found.items[0]["fields"] == {"סניף": "תל אביב"}
    assert found.items[0]["source"] == "סקר רבעוני" and found.items[0]["channel"] == "אתר"


def test_english_headers_match_whatever_their_case_spacing_or_delimiter(tmp_path):
    path = tmp_path / "export.tsv"
    path.write_text(" Date\tTouch Point\tNPS\tCSAT\tComment\tSOURCE\tAge\n"
                    "15.03.2026\tWEBSITE \t9\t4\tFast and easy\tWeb form\t30-40\n", "utf-8")
    journey = JourneyMap({"title": "Shop", "language": "en", "direction": "ltr"})
    site = journey.add_touchpoint(journey.add_stage("Buy").id, "Website").id
    [item] = read_feedback([path], journey).items
    assert (item["touchpoint"], item["date"], item["nps"], item["csat"]) == (
        site, "2026-03-15", 9, 4)
    assert (item["description"], item["source"], item["fields"]) == (
        "Fast and easy", "Web form", {"Age": "30-40"})


def test_a_survey_without_a_source_column_says_survey(tmp_path):
    (tmp_path / "plain.csv").write_text("nps\n9\n", "utf-8")
    [item] = read_feedback([tmp_path / "plain.csv"], shop_map()).items
    assert item["source"] == "survey"


def test_a_survey_saved_in_the_hebrew_windows_code_page_is_read_with_a_note(tmp_path):
    path = tmp_path / "old_excel.csv"
    path.write_bytes("תאריך;תגובה\n1/4/2026;שירות טוב\n".encode("cp1255"))
    found = read_feedback([path], shop_map())
    assert found.items[0]["description"] == "שירות טוב"
    assert "windows-1255" in found.warnings[0].message


def test_damaged_utf8_is_refused_rather_than_read_in_another_code_page(tmp_path):
    path = tmp_path / "damaged.csv"
    path.write_bytes("תאריך,תגובה\n1/4/2026,שירות טוב\n".encode() + b"1/4/2026,\xff\n")
    with pytest.raises(FeedbackError, match="UTF-8 text with 1 damaged byte, the first on "
                       "line 3") as caught:
        read_feedback([path], shop_map())
    assert caught.value.line == 3


def test_a_name_column_is_masked_and_its_words_too_in_the_comment(tmp_path):
    path = tmp_path / "named.csv"
    path.write_text("name,comment,nps\nNoa Katz,Noa here: slow delivery,3\n", "utf-8")
    [item] = read_feedback([path], shop_map()).items
    assert item["fields"] == {"name": "[name]"}
    assert item["description"] == "[name] here: slow delivery"
    assert item["masked"] == 2


@pytest.mark.parametrize("column, value, says", [
    ("NPS", "11", "is not a NPS answer"),
    ("NPS", "nine", "is not a NPS answer"),
    ("CSAT", "good", "is not a CSAT answer"),
    ("CSAT", "0", "is not a CSAT answer"),
    ("תאריך", "yesterday", "is not a date"),
    ("תאריך", "31/02/2026", "is not a day of the calendar"),
    ("תאריך", "2026/03/01", "is not a date"),
])
def test_a_bad_value_names_the_file_line_and_column(tmp_path, column, value, says):
    path = tmp_path / "survey.csv"
    header = ["תאריך", "NPS", "CSAT", "תגובה"]
    good = ["2026-03-01", "9", "5", "טוב"]
    bad = [value if h == column else g for h, g in zip(header, good)]
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, good, good, bad])
    with pytest.raises(FeedbackError) as caught:
        read_feedback([path], shop_map())
    assert (caught.value.line, caught.value.column) == (4, column)
    assert str(caught.value).startswith(f'{path}: Line 4, column "{column}"')
    assert says in str(caught.value)


def test_a_bad_value_in_a_workbook_names_its_row(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["date", "nps"], ["2026-03-01", 9], [], ["2026-03-02", 12]):
        book.active.append(row)
    book.save(tmp_path / "s.xlsx")
    with pytest.raises(FeedbackError, match=r'Row 4, column "nps": "12" is not a NPS'):
        read_feedback([tmp_path / "s.xlsx"], shop_map())


def test_a_file_without_a_known_column_says_which_headers_it_expects(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("order,amount\n1,20\n", "utf-8")
    with pytest.raises(FeedbackError) as caught:
        read_feedback([path], shop_map())
    message = str(caught.value)
    assert "Line 1 names no column" in message
    for header in ("date / תאריך", "touchpoint / נקודת מגע", "nps", "csat", "comment / "):
        assert header in message


def test_two_columns_for_one_thing_are_refused_naming_both(tmp_path):
    path = tmp_path / "twice.csv"
    path.write_text("NPS,comment,nps\n9,ok,8\n", "utf-8")
    with pytest.raises(FeedbackError, match='two columns for nps: "NPS" and "nps"'):
        read_feedback([path], shop_map())


def test_a_quote_never_closed_is_refused_at_its_line(tmp_path):
    path = tmp_path / "quote.csv"
    rows = "".join(f"2026-03-0{n},9,fine\n" for n in range(1, 8))
    path.write_text('date,nps,comment\n2026-03-01,9,"it never ends\n' + rows, "utf-8")
    with pytest.raises(FeedbackError, match="Line 2: a quote opened here is never closed"):
        read_feedback([path], shop_map())


def test_a_survey_with_more_rows_than_a_map_keeps_is_refused_at_the_row(tmp_path,
                                                                         monkeypatch):
    monkeypatch.setattr(S, "MAX_FEEDBACK", 3)
    path = tmp_path / "big.csv"
    path.write_text("nps\n" + "9\n" * 4, "utf-8")
    with pytest.raises(FeedbackError, match="more than 3 rows") as caught:
        read_feedback([path], shop_map())
    assert caught.value.line == 5


def test_a_cell_longer_than_a_text_may_be_is_refused_naming_it(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("nps,comment\n9," + "x" * (S.MAX_TEXT + 1) + "\n", "utf-8")
    with pytest.raises(FeedbackError, match='Line 2, column "comment": the cell has 100,001'):
        read_feedback([path], shop_map())


# ------------------------------------------------------------------ hostile input
def _refusal(path, journey=None) -> str:
    with pytest.raises(FileFormatError) as caught:
        read_feedback([path], journey or shop_map())
    assert isinstance(caught.value, FeedbackError)
    return str(caught.value)


def test_binary_junk_is_refused_as_binary(tmp_path):
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 40)
    assert "binary data" in _refusal(path)


def test_a_huge_line_is_refused_with_its_line_number(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text("comment\n" + "y" * 2_000_000 + "\n", "utf-8")
    assert "Line 2 cannot be read as CSV" in _refusal(path)


def test_an_empty_file_says_it_is_empty(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    assert _refusal(tmp_path / "empty.csv").endswith("The file is empty.")


def test_a_csv_with_only_its_header_says_there_are_no_rows(tmp_path):
    (tmp_path / "head.csv").write_text("date,nps,comment\n\n", "utf-8")
    assert "a header but no feedback rows" in _refusal(tmp_path / "head.csv")


def test_a_symlink_to_a_device_is_refused_without_reading(tmp_path):
    link = tmp_path / "survey.csv"
    link.symlink_to("/dev/zero")
    assert "This is a device, not a feedback file." in _refusal(link)


def test_a_dangling_symlink_says_the_file_is_missing(tmp_path):
    link = tmp_path / "gone.mbox"
    link.symlink_to(tmp_path / "nowhere")
    assert "There is no such file." in _refusal(link)


def test_a_named_pipe_given_as_a_file_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    assert "named pipe" in _refusal(tmp_path / "pipe.csv")


def test_a_folder_skips_and_reports_a_pipe_and_a_link_and_reads_the_rest(tmp_path):
    folder = tmp_path / "mails"
    folder.mkdir()
    os.mkfifo(folder / "b.eml")
    (folder / "c.eml").symlink_to(tmp_path / "outside.eml")
    (tmp_path / "outside.eml").write_bytes(b"Subject: secret\n\nnot to be read\n")
    (folder / "a.eml").write_bytes(b"Subject: Late sofa\nFrom: x@example.com\n\nStill waiting.\n")
    (folder / "notes.txt").write_text("not mail", "utf-8")
    found = read_feedback([folder], shop_map())
    assert [i["title"] for i in found.items] == ["Late sofa"]
    said = [str(w) for w in found.warnings]
    assert any("mails: b.eml" in w and "named pipe" in w for w in said)
    assert any("mails: c.eml" in w and "symbolic link" in w for w in said)
    assert any("1 file not named .eml was not read" in w for w in said)
    assert len(said) == 3


def test_a_folder_holding_only_a_pipe_is_refused_naming_it(tmp_path):
    folder = tmp_path / "mails"
    folder.mkdir()
    os.mkfifo(folder / "only.eml")
    message = _refusal(folder)
    assert "holds no e-mail messages" in message and "named pipe" in message


def test_a_two_gigabyte_mailbox_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "archive.mbox"
    with open(path, "wb") as f:
        f.truncate(2 * 1024**3)  # sparse: no disk is used
    message = _refusal(path)
    assert "2,048.0 MiB" in message and "at most 256 MiB" in message


# ------------------------------------------------------------------ e-mail
def test_every_message_of_the_mbox_becomes_an_item():
    found = read_feedback([INBOX], shop_map())
    assert [i["title"] for i in found.items] == [
        "Checkout timed out", "המשלוח התעכב", "תודה על השירות",
        "Receipt attached, refund please", "קוד אימות לא מגיע"]
    assert {(i["source"], i["channel"]) for i in found.items} == {("email", "email")}
    assert found.warnings == []


def test_a_message_is_dated_by_the_day_in_its_own_offset():
    found = read_feedback([INBOX], shop_map())
    # Sent at 01:30 +0200 on 10 March: UTC still says 9 March.
    assert found.items[1]["date"] == "2026-03-10"


def test_bodies_in_windows_1255_and_iso_8859_8_i_are_decoded():
    items = read_feedback([INBOX], shop_map()).items
    assert "הזמנתי ספה לפני שבועיים" in items[1]["description"]
    assert "שירות מצוין, 10 מתוך 10" in items[2]["description"]


def test_an_html_only_message_comes_in_as_text_without_markup_or_style():
    body = read_feedback([INBOX], shop_map()).items[4]["description"]
    assert "האפליקציה לא שולחת קוד אימות" in body
    assert "<" not in body and "color" not in body and "& תודה" in body


def test_an_attachment_is_not_read():
    found = read_feedback([INBOX], shop_map(), keep_personal_data=True)
    assert all("attach.only" not in str(i) and "PDF" not in str(i) for i in found.items)


def test_a_damaged_message_is_skipped_and_reported_by_its_number(tmp_path):
    path = tmp_path / "box.mbox"
    good = INBOX.read_bytes().split(b"\nFrom ")[0] + b"\n"
    path.write_bytes(good + b"From nobody Sat Mar 14 00:00:00 2026\n\n\n" + b"\nFrom " +
                     INBOX.read_bytes().split(b"\nFrom ")[3])
    found = read_feedback([path], shop_map())
    assert [i["title"] for i in found.items] == ["Checkout timed out",
                                                 "Receipt attached, refund please"]
    [warning] = found.warnings
    assert warning.location == "box.mbox: message 2" and warning.action == "dropped"


def test_mail_personal_data_is_masked_and_the_sender_never_kept():
    found = read_feedback([INBOX], shop_map())
    text = repr(found.items)
    for value in INBOX_ADDRESSES + INBOX_PHONES + ("Dana", "יוסי", "123456782"):
        assert value not in text
    assert "Order #A-77812" in text and "$129.50" in text and "6/10" in text
    assert found.files[0].masked == sum(i["masked"] for i in found.items) > 0


def test_an_mbox_and_an_eml_are_told_by_content_whatever_their_names(tmp_path):
    shutil.copy(INBOX, tmp_path / "export.txt")
    (tmp_path / "message").write_bytes(b"Received: by mx\nSubject: Hi\n\nText\n")
    (tmp_path / "sheet").write_bytes(survey_as_xlsx(tmp_path).read_bytes())
    assert [kind_of(tmp_path / n) for n in ("export.txt", "message", "sheet")] == [
        "mbox", "eml", "table"]


# ------------------------------------------------------------------ the command
def _run(capsys, *args) -> tuple[int, str, str]:
    code = main(["feedback", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def _saved_map(tmp_path: Path) -> Path:
    path = tmp_path / "shop.cxmap"
    cxmap.save(shop_map(), path)
    return path


def test_the_command_prints_a_line_per_file_and_a_total(tmp_path, capsys):
    path = _saved_map(tmp_path)
    code, out, err = _run(capsys, path, SURVEY, INBOX)
    # Counted by hand: the survey holds a phone (line 7) and an address (line 11); the
    # mail 3 + 4 + 0 + 1 + 2: (Dana: phone, address, her name), (Yossi: his name twice,
    # phone, ID), (Sara signs in Hebrew, not as "Sara"), (Ben: phone; his PDF unread),
    # (Rina: phone, address).
    assert code == 0, err
    assert out.splitlines() == [
        "Imported 13 items from survey_he.csv: 11 matched to touchpoints, 2 unmatched, "
        "2 pieces of personal data masked.",
        "Imported 5 items from inbox.mbox: 0 matched to touchpoints, 5 unmatched, "
        "10 pieces of personal data masked.",
        "Total: 18 items from 2 files added to shop.cxmap: 11 matched to touchpoints, "
        "7 unmatched, 12 pieces of personal data masked."]
    assert 'warning: survey_he.csv: line 13, column "נקודת מגע"' in err
    assert cxmap.load(path).journey.count(S.FEEDBACK) == 18


def test_after_the_command_the_saved_map_holds_no_address_or_phone_from_the_mail(
        tmp_path, capsys):
    path = _saved_map(tmp_path)
    assert _run(capsys, path, INBOX)[0] == 0
    data = path.read_bytes()
    assert re.search(rb"[\w.+-]+@[\w-]+\.[\w.]+", data) is None
    for phone in INBOX_PHONES:
        assert re.sub(r"\D", "", phone).encode() not in re.sub(rb"\D", b"", data)


def test_keep_personal_data_keeps_the_addresses_and_phones(tmp_path, capsys):
    path = _saved_map(tmp_path)
    code, out, _ = _run(capsys, path, INBOX, "--keep-personal-data")
    assert code == 0 and out.rstrip().endswith("5 unmatched, personal data kept.")
    text = path.read_text("utf-8")
    for value in INBOX_ADDRESSES + INBOX_PHONES:
        assert value in text


def test_a_bad_file_is_one_line_and_leaves_the_map_untouched(tmp_path, capsys):
    path = _saved_map(tmp_path)
    before = path.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("nps\n9\n42\n", "utf-8")
    code, out, err = _run(capsys, path, SURVEY, bad)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert 'bad.csv: Line 3, column "nps": "42" is not a NPS answer' in err
    assert "The map was not changed." in err
    assert path.read_bytes() == before and not path.with_name("shop.cxmap.bak").exists()


def test_the_import_is_one_undo_step():
    journey = shop_map()
    step = journey.add_feedback(read_feedback([SURVEY, INBOX], journey).items)
    assert journey.count(S.FEEDBACK) == 18
    journey.apply(step.inverse())
    assert journey.count(S.FEEDBACK) == 0


def test_damaged_copies_of_the_samples_import_or_are_refused_never_crash(tmp_path):
    """Bytes flipped, cut and spliced into the survey and the mailbox: each copy gives
    items the map accepts, or a FeedbackError; nothing else escapes."""
    import random

    rnd = random.Random(15)
    samples = [SURVEY.read_bytes(), INBOX.read_bytes()]
    pieces = [b'"', b"\n", b",", b"=?utf-8?b?", b"?=", b"\nFrom x\n", b"\r", b"\0", b"<p>",
              b"Content-Type: multipart/mixed; boundary=a\n", b"--a\n", b"charset=bogus"]
    outcomes = set()
    for n in range(150):
        data = bytearray(rnd.choice(samples))
        for _ in range(rnd.randint(1, 20)):
            at = rnd.randrange(len(data))
            choice = rnd.random()
            if choice < 0.4:
                data[at] = rnd.randrange(256)
            elif choice < 0.6:
                del data[at:at + rnd.randint(1, 50)]
            else:
                data[at:at] = rnd.choice(pieces)
        path = tmp_path / f"copy{n}{rnd.choice(['.csv', '.mbox', '.eml', '.txt', ''])}"
        path.write_bytes(bytes(data))
        journey = shop_map()
        try:
            journey.add_feedback(read_feedback([path], journey).items)
            outcomes.add("imported")
        except FeedbackError:
            outcomes.add("refused")
    assert outcomes == {"imported", "refused"}
