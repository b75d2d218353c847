"""File > Import Feedback… driven as a user would: choose files, see what they hold,
keep or mask personal data, import as one undo step, sort the rest in the panel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from cxdesigner.model import schema as S
from cxdesigner.ui.dialogs import import_feedback as imp
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.main_window import MainWindow
from cxdesigner.ui.panels.feedback_rows import UNMATCHED
from tests.test_feedback_import import INBOX, INBOX_ADDRESSES, SURVEY, shop_map

pytestmark = pytest.mark.usefixtures("temp_settings", "close_all_windows")


@pytest.fixture
def window(qtbot):
    window = MainWindow(Document(shop_map()))
    window.show()
    return window


def answer(monkeypatch, paths, keep=False, seen=None):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(p) for p in paths], ""))

    def fake_exec(dialog):
        if seen is not None:
            seen.append(dialog)
        dialog.keep.setChecked(keep)
        dialog.accept()
        return QDialog.Accepted
    monkeypatch.setattr(imp.ImportFeedbackDialog, "exec", fake_exec)


def test_a_survey_and_a_mailbox_import_as_one_undo_step(qtbot, window, monkeypatch):
    seen = []
    answer(monkeypatch, [SURVEY, INBOX], seen=seen)
    window.act.import_feedback.trigger()
    journey = window.document.journey
    count = journey.count(S.FEEDBACK)
    assert count > 0 and "survey_he.csv" in seen[0].summary.text()
    assert "inbox.mbox" in seen[0].summary.text()
    assert window.feedback.touchpoint.currentData() == UNMATCHED  # what is left to sort
    assert "Imported" in window.statusBar().currentMessage()
    window.document.undo_stack.undo()
    assert journey.count(S.FEEDBACK) == 0


def test_personal_data_is_masked_unless_kept(qtbot, window, monkeypatch):
    answer(monkeypatch, [INBOX])
    window.act.import_feedback.trigger()
    journey = window.document.journey
    texts = " ".join(str(journey.get(i)) for i in journey.feedback_items())
    assert not any(address in texts for address in INBOX_ADDRESSES)
    window.document.undo_stack.undo()
    answer(monkeypatch, [INBOX], keep=True)
    window.act.import_feedback.trigger()
    texts = " ".join(str(journey.get(i)) for i in journey.feedback_items())
    assert all(address in texts for address in INBOX_ADDRESSES)


def test_a_file_that_cannot_be_read_is_explained_and_nothing_changes(qtbot, window,
                                                                     monkeypatch, tmp_path):
    bad = tmp_path / "survey.csv"
    bad.write_text("date,nps\n2026-01-01,eleven\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append(text))
    window.act.import_feedback.trigger()
    assert shown and "Line 2, column \"nps\"" in shown[0] and window.document.journey.count(S.FEEDBACK) == 0


def test_a_folder_of_emails_is_imported_from_its_own_action(qtbot, window, monkeypatch,
                                                             tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "a.eml").write_bytes(
        b"From: Noa <noa@example.com>\nSubject: Delivery\nDate: Mon, 2 Mar 2026 10:00:00 "
        b"+0200\nContent-Type: text/plain; charset=utf-8\n\nThe sofa came a week late.\n")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(imp.ImportFeedbackDialog, "exec",
                        lambda d: d.accept() or QDialog.Accepted)
    window.act.import_feedback_folder.trigger()
    journey = window.document.journey
    (item,) = journey.feedback_items()
    assert journey.get(item)["title"] == "Delivery" and journey.get(item)["date"] == "2026-03-02"
