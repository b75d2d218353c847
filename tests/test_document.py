"""The open document: one undo step per command, modified state, saving, opening."""

from __future__ import annotations

import json

import pytest

from cxdesigner.commands import (AddStageCommand, EditFieldsCommand, MoveTouchpointsCommand,
                                 RenameCommand)
from cxdesigner.fileformat import FileFormatError
from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap
from cxdesigner.ui.document.document import Document


@pytest.fixture
def document(qapp):
    j = JourneyMap()
    j.add_stage("Awareness", id="s1")
    j.add_touchpoint("s1", "Ad", id="t1")
    return Document(j)


def test_a_command_is_one_undo_step_named_for_the_action(document):
    document.push(RenameCommand(document.journey, "t1", "Flyer"))
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Rename"
    document.undo_stack.undo()
    assert document.journey.title("t1") == "Ad"


def test_a_refused_edit_changes_nothing_and_says_why(document):
    messages = []
    document.edit_refused.connect(messages.append)
    ok = document.push(EditFieldsCommand(document.journey, "t1", emotions={"*": 7}))
    assert not ok and document.undo_stack.count() == 0
    assert "emotion" in messages[0] and "-2 to 2" in messages[0]


def test_an_edit_that_changes_nothing_adds_no_undo_step(document):
    assert not document.push(RenameCommand(document.journey, "t1", "Ad"))
    assert document.undo_stack.count() == 0


def test_a_move_with_stage_change_undoes_in_one_step(document):
    j = document.journey
    j.add_stage("Purchase", id="s2")
    document.push(MoveTouchpointsCommand(j, [("t1", "s2", 100, 20)]))
    document.undo_stack.undo()
    assert j.stage_of("t1") == "s1" and (j.get("t1")["x"], j.get("t1")["y"]) == (0, 0)


def test_modified_follows_edits_and_undo_back_to_clean(document):
    seen = []
    document.modified_changed.connect(seen.append)
    document.push(AddStageCommand(document.journey, "New"))
    assert document.is_modified
    document.undo_stack.undo()
    assert not document.is_modified and seen == [True, False]


def test_save_marks_clean_and_records_the_path(document, tmp_path):
    document.push(AddStageCommand(document.journey, "New"))
    path = tmp_path / "m.cxmap"
    document.save(path)
    assert not document.is_modified and document.path == path
    assert cxmap.load(path).journey.snapshot() == document.journey.snapshot()


def test_failed_save_keeps_the_document_modified(document, tmp_path):
    document.push(AddStageCommand(document.journey, "New"))
    with pytest.raises(FileFormatError):
        document.save(tmp_path / "missing-folder" / "m.cxmap")
    assert document.is_modified


def test_save_without_a_path_asks_for_one(document):
    with pytest.raises(FileFormatError, match="choose where"):
        document.save()


def test_opening_a_repaired_file_marks_it_modified(qapp, tmp_path):
    path = tmp_path / "m.cxmap"
    j = JourneyMap()
    j.add_stage("s", id="s1")
    cxmap.save(j, path)
    data = json.loads(path.read_text("utf-8"))
    data["graph"]["edges"].append({"source": "s1", "target": "gone", "kind": "flow"})
    path.write_text(json.dumps(data), "utf-8")
    document, problems = Document.open(path)
    assert len(problems) == 1 and document.is_modified


def test_opening_a_clean_file_is_unmodified(qapp, tmp_path):
    path = tmp_path / "m.cxmap"
    cxmap.save(JourneyMap(), path)
    document, problems = Document.open(path)
    assert problems == [] and not document.is_modified
