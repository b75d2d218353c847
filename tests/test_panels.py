"""The panels around the canvas: inspector, outline, personas and palette."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QApplication

from cxdesigner.bidi import plain
from cxdesigner.model import JourneyMap
from cxdesigner.model import schema as S
from cxdesigner.ui import main_window as mw
from cxdesigner.ui import settings
from cxdesigner.ui.document.document import Document
from cxdesigner.ui.main_window import MainWindow
from cxdesigner.ui.panels.palette import PALETTE_MIME, PAYLOAD_ROLE


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield
    settings.use_file(None)


@pytest.fixture
def journey() -> JourneyMap:
    j = JourneyMap()
    j.add_persona("Noa", id="p1")
    j.add_stage("Awareness", id="s1")
    j.add_stage("Purchase", id="s2")
    j.add_touchpoint("s1", "Flyer", id="t1", emotions={"*": 1})
    j.add_touchpoint("s2", "Till", id="t2")
    j.add_note("pain_point", "Small print", on="t1", id="n1")
    j.add_note("insight", "Mornings are busy", id="n2")
    return j


@pytest.fixture
def window(qapp, journey, monkeypatch):
    w = MainWindow(Document(journey))
    w.show()
    yield w
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    for other in mw.windows():
        other.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def select(window, *ids):
    window.scene.select_ids(list(ids))
    window.sync_selection()


def steps(window) -> int:
    return window.document.undo_stack.count()


# ---------------------------------------------------------------- inspector
def test_typing_a_title_in_the_inspector_is_one_undo_step(window, qtbot, journey):
    select(window, "t1")
    edit = window.inspector.touchpoint_title
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Poster")
    qtbot.keyClick(edit, Qt.Key_Return)
    assert journey.title("t1") == "Poster" and steps(window) == 1


def test_undo_of_an_inspector_title_restores_it_in_the_field(window, qtbot, journey):
    select(window, "t1")
    edit = window.inspector.touchpoint_title
    edit.selectAll()
    qtbot.keyClicks(edit, "Poster")
    qtbot.keyClick(edit, Qt.Key_Return)
    window.document.undo_stack.undo()
    assert journey.title("t1") == "Flyer" and edit.text() == "Flyer"


def test_the_inspector_follows_a_change_made_through_the_model(window, journey):
    select(window, "t1")
    journey.rename("t1", "Billboard")
    assert window.inspector.touchpoint_title.text() == "Billboard"


def test_a_channel_chosen_in_the_inspector_is_one_step(window, journey):
    select(window, "t1")
    combo = field(window, "Channel")
    combo.setCurrentIndex(combo.findData("whatsapp"))
    assert journey.get("t1")["channel"] == "whatsapp" and steps(window) == 1


def test_the_general_emotion_is_set_in_the_inspector(window, journey):
    select(window, "t1")
    combo = window.inspector.general_emotion
    combo.setCurrentIndex(combo.findData(-2))
    assert journey.get("t1")["emotions"] == {"*": -2}


def test_the_persona_emotion_is_set_for_the_chosen_persona(window, journey):
    window.personas.choose("p1")
    select(window, "t1")
    combo = window.inspector.persona_emotion
    combo.setCurrentIndex(combo.findData(2))
    assert journey.get("t1")["emotions"] == {"*": 1, "p1": 2}


def test_the_persona_emotion_row_is_hidden_for_any_customer(window):
    select(window, "t1")
    layout = window.inspector.forms[S.TOUCHPOINT].form_layout
    assert not layout.isRowVisible(window.inspector.persona_emotion)


def test_a_refused_value_shows_the_model_value_again(window, qtbot, journey):
    select(window, "t1")
    nps = field(window, "NPS")
    nps.setText("500")
    nps.setModified(True)
    with qtbot.waitSignal(window.document.edit_refused):
        nps.editingFinished.emit()
    assert nps.text() == "" and journey.get("t1")["nps"] is None and steps(window) == 0


def test_a_blank_number_unsets_it(window, journey):
    journey.set_fields("t1", csat=80)
    select(window, "t1")
    csat = field(window, "CSAT %")
    csat.setText("")
    csat.editingFinished.emit()
    assert journey.get("t1")["csat"] is None


def test_a_description_commits_when_editing_finishes(window, qtbot, journey):
    select(window, "t1")
    text = field(window, "Description")
    text.setFocus()
    qtbot.keyClicks(text, "Two lines")
    assert journey.get("t1")["description"] == ""
    text.finish()  # what leaving the field does
    assert journey.get("t1")["description"] == "Two lines" and steps(window) == 1


def test_an_edit_elsewhere_keeps_a_description_being_typed(window, qtbot, journey):
    select(window, "t1")
    text = field(window, "Description")
    text.setFocus()
    qtbot.keyClicks(text, "Half a thought")
    journey.set_emotion("t1", -1)
    assert text.toPlainText() == "Half a thought"


def test_an_undo_shows_the_model_even_over_typing(window, qtbot, journey):
    select(window, "t1")
    journey.set_fields("t1", description="Before")
    text = field(window, "Description")
    qtbot.keyClicks(text, " and more")
    journey.set_fields("t1", description="Changed elsewhere")
    assert text.toPlainText() == "Changed elsewhere"


def test_a_note_score_can_be_set_and_unset(window, journey):
    select(window, "n1")
    impact = field(window, "Impact", S.NOTE)
    impact.setCurrentIndex(impact.findData(4))
    assert journey.get("n1")["impact"] == 4
    impact.setCurrentIndex(impact.findData(None))
    assert journey.get("n1")["impact"] is None and steps(window) == 2


def test_votes_are_edited_in_the_inspector(window, journey):
    select(window, "n1")
    field(window, "Votes", S.NOTE).setValue(3)
    assert journey.get("n1")["votes"] == 3


def test_a_touchpoint_moves_to_the_stage_chosen_in_the_inspector(window, journey):
    select(window, "t1")
    stage = window.inspector.stage_combo
    stage.setCurrentIndex(stage.findData("s2"))
    assert journey.stage_of("t1") == "s2" and steps(window) == 1
    assert [journey.title(t) for t in journey.touchpoints_in("s2")] == ["Till", "Flyer"]


def test_selecting_another_element_commits_a_half_typed_title(window, journey):
    select(window, "t1")
    edit = window.inspector.touchpoint_title
    edit.setText("Half typed")
    edit.setModified(True)
    select(window, "t2")
    assert journey.title("t1") == "Half typed"


def test_a_hebrew_title_reads_right_to_left(window, journey):
    journey.rename("t1", "שכנה ממליצה")
    select(window, "t1")
    assert window.inspector.touchpoint_title.layoutDirection() == Qt.RightToLeft


def test_an_english_title_in_a_hebrew_map_reads_left_to_right(window, journey):
    journey.set_document(language="he", direction="rtl")
    journey.rename("t1", "Instagram")
    select(window, "t1")
    assert window.inspector.touchpoint_title.layoutDirection() == Qt.LeftToRight


def test_an_empty_field_of_a_hebrew_map_reads_right_to_left(window, journey):
    journey.set_document(language="he", direction="rtl")
    select(window, "t1")
    assert field(window, "KPI").layoutDirection() == Qt.RightToLeft


def test_several_selected_elements_show_a_count(window):
    select(window, "t1", "t2")
    assert window.inspector.heading.text() == "2 elements selected"


def test_the_inspector_empties_when_its_element_is_removed(window, journey):
    select(window, "t2")
    journey.remove("t2")
    assert window.inspector.element_id is None


def test_a_note_shows_what_it_is_about(window):
    select(window, "n1")
    assert plain(window.inspector.subheading.text()) == "About: Flyer"


def field(window, label: str, kind: str = S.TOUCHPOINT):
    layout = window.inspector.forms[kind].form_layout
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, layout.ItemRole.LabelRole)
        if item is not None and plain(item.widget().text()) == label + ":":
            return layout.itemAt(row, layout.ItemRole.FieldRole).widget()
    raise KeyError(label)


# ------------------------------------------------------------------ outline
def test_selecting_in_the_outline_selects_on_the_canvas(window):
    window.outline.item_for("t2").setSelected(True)
    assert window.scene.selected_ids() == ["t2"]


def test_selecting_on_the_canvas_selects_in_the_outline(window):
    select(window, "n1")
    assert window.outline.selected_ids() == ["n1"]


def test_the_outline_lists_stages_touchpoints_and_notes(window):
    outline = window.outline
    stage = outline.topLevelItem(0)
    assert stage.text(0) == "1. Awareness"
    assert stage.child(0).text(0) == "Flyer"
    assert stage.child(0).child(0).text(0) == "Small print"


def test_the_outline_lists_notes_about_the_whole_map(window):
    branch = window.outline.topLevelItem(window.outline.topLevelItemCount() - 1)
    assert branch.child(0).text(0) == "Mornings are busy"


def test_the_outline_follows_a_rename(window, journey):
    journey.rename("t2", "Counter")
    assert window.outline.item_for("t2").text(0) == "Counter"


def test_the_outline_follows_a_new_touchpoint(window, journey):
    change = journey.add_touchpoint("s2", "Receipt", x=240.0)
    stage = window.outline.item_for("s2")
    assert stage.child(1).text(0) == "Receipt" and window.outline.item_for(change.id)


def test_the_outline_keeps_a_collapsed_stage_collapsed(window, journey):
    window.outline.item_for("s1").setExpanded(False)
    journey.add_stage("Loyalty")
    assert not window.outline.item_for("s1").isExpanded()


def test_delete_in_the_outline_removes_the_selection(window, qtbot, journey):
    window.outline.item_for("t2").setSelected(True)
    window.outline.setFocus()
    qtbot.waitUntil(window.act.delete.isEnabled)
    window.act.delete.trigger()
    assert "t2" not in journey and steps(window) == 1


# ----------------------------------------------------------------- personas
def test_choosing_a_persona_shows_its_emotions_on_the_canvas(window):
    window.personas.choose("p1")
    assert window.scene.persona == "p1" and window.inspector.persona == "p1"


def test_choosing_any_customer_shows_the_general_emotions(window):
    window.personas.choose("p1")
    window.personas.choose(S.GENERAL)
    assert window.scene.persona == S.GENERAL


def test_adding_a_persona_is_one_step_and_selects_it(window, journey):
    window.personas.add_persona()
    assert journey.count(S.PERSONA) == 2 and steps(window) == 1
    assert window.personas.current_persona() not in (None, "p1")


def test_renaming_a_persona_in_the_panel(window, qtbot, journey):
    window.personas._select("p1")
    edit = window.personas.name_edit
    edit.selectAll()
    qtbot.keyClicks(edit, "Noa, new in town")
    qtbot.keyClick(edit, Qt.Key_Return)
    assert journey.title("p1") == "Noa, new in town" and steps(window) == 1
    assert window.personas.shown.itemText(1) == "Noa, new in town"


def test_a_persona_kind_is_edited_in_the_panel(window, journey):
    window.personas._select("p1")
    kind = window.personas.form.bindings[1].widget
    kind.setCurrentIndex(kind.findData("returning"))
    assert journey.get("p1")["persona_kind"] == "returning"


def test_removing_the_shown_persona_goes_back_to_any_customer(window, journey):
    window.personas.choose("p1")
    window.personas._select("p1")
    window.personas.remove_current()
    assert "p1" not in journey and window.scene.persona == S.GENERAL
    assert window.inspector.persona == S.GENERAL
    assert window.personas.shown.currentData() == S.GENERAL


def test_undoing_a_persona_removal_lists_it_again(window, journey):
    window.personas._select("p1")
    window.personas.remove_current()
    window.document.undo_stack.undo()
    assert window.personas.list.count() == 1


# ------------------------------------------------------------------ palette
def entry(window, **payload):
    return next(i for i in window.palette.entries() if i.data(0, PAYLOAD_ROLE) == payload)


def test_the_palette_offers_every_channel_and_note_kind(window):
    payloads = [i.data(0, PAYLOAD_ROLE) for i in window.palette.entries()]
    assert {"kind": "stage"} in payloads
    assert {p["channel"] for p in payloads if p["kind"] == "touchpoint"} == set(S.CHANNELS)
    assert {p["note_kind"] for p in payloads if p["kind"] == "note"} == set(S.NOTE_KINDS)


def test_dragging_from_the_palette_carries_the_payload(window, monkeypatch):
    dragged = []

    def exec_(drag, *args):
        dragged.append(bytes(drag.mimeData().data(PALETTE_MIME)))
        return Qt.CopyAction
    monkeypatch.setattr(QDrag, "exec", exec_)
    window.palette.setCurrentItem(entry(window, kind="touchpoint", channel="email"))
    window.palette.startDrag(Qt.CopyAction)
    assert json.loads(dragged[0]) == {"kind": "touchpoint", "channel": "email"}


def test_activating_a_stage_entry_adds_a_stage(window, journey):
    select(window, "s1")
    window.palette.itemActivated.emit(entry(window, kind="stage"), 0)
    assert len(journey.stages()) == 3 and steps(window) == 1


def test_activating_a_touchpoint_entry_adds_one_of_that_channel(window, journey):
    select(window, "t1")
    window.palette.itemActivated.emit(entry(window, kind="touchpoint", channel="email"), 0)
    new = [t for t in journey.ids(S.TOUCHPOINT) if t not in ("t1", "t2")]
    assert len(new) == 1 and journey.get(new[0])["channel"] == "email"


def test_activating_a_note_entry_adds_a_note_on_the_selection(window, journey):
    select(window, "t2")
    window.palette.itemActivated.emit(entry(window, kind="note", note_kind="opportunity"), 0)
    note, = journey.notes_on("t2")
    assert journey.get(note)["note_kind"] == "opportunity"


def test_the_palette_entries_are_reachable_by_keyboard(window, qtbot, journey):
    select(window, "s2")
    window.palette.setFocus()
    window.palette.setCurrentItem(entry(window, kind="stage"))
    qtbot.keyClick(window.palette, Qt.Key_Return)
    assert len(journey.stages()) == 3
    QApplication.processEvents()
