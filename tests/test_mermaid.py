"""The Mermaid journey text: its shape, its scores and actors, and that what Mermaid's
grammar breaks on is written as Mermaid's entity codes.  (Checked once by hand against
Mermaid 11 in chromium: every title below renders as typed; see docs/html-map.md.)"""

from cxdesigner.export.mermaid import clean, mermaid_text, score
from cxdesigner.fileformat import cxmap
from cxdesigner.model.journey import JourneyMap
from cxdesigner.resources_path import resource


def block(text: str) -> list[str]:
    """The lines inside the fenced mermaid block."""
    inside = text.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    return inside.splitlines()


def small_map() -> JourneyMap:
    j = JourneyMap({"title": "Corner bakery"})
    j.add_stage("Awareness", id="s1")
    j.add_stage("After-sales", id="s2")  # empty: still a section
    j.add_touchpoint("s1", "Flyer", id="t1")
    j.add_touchpoint("s1", "Word of mouth", id="t2")
    j.set_emotion("t1", -2)
    j.set_emotion("t2", 2)
    j.add_persona("Noa", id="p1")
    j.add_persona("David", id="p2")
    j.assign_persona("t2", "p1")
    j.assign_persona("t2", "p2")
    return j


def test_the_block_has_the_title_a_section_per_stage_and_a_task_per_touchpoint():
    lines = block(mermaid_text(small_map()))
    assert lines == ["journey", "    title Corner bakery", "    section Awareness",
                     "      Flyer: 1: Customer", "      Word of mouth: 5: David, Noa",
                     "    section After-sales"]


def test_the_file_is_markdown_with_a_heading_and_a_fenced_block():
    text = mermaid_text(small_map())
    assert text.startswith("# Corner bakery\n\n```mermaid\njourney\n")
    assert text.endswith("```\n")


def test_emotion_minus_two_to_two_maps_to_one_to_five():
    assert [score(v) for v in (-2, -1, 0, 1, 2)] == [1, 2, 3, 4, 5]
    assert score(None) == 3


def test_a_touchpoint_felt_only_by_personas_scores_their_mean():
    j = small_map()
    j.add_touchpoint("s1", "Visit", id="t3")
    j.assign_persona("t3", "p1")
    j.set_emotion("t3", 1, "p1")
    assert "      Visit: 4: Noa" in block(mermaid_text(j))


def test_colons_semicolons_hashes_and_comments_become_entity_codes():
    assert clean("a: b; c # d %% e") == "a#58; b#59; c #35; d #37;#37; e"


def test_a_literal_entity_code_in_a_title_stays_literal():
    assert clean("#58;") == "#35;58#59;"


def test_line_breaks_in_a_title_become_spaces():
    assert clean("two\nlines\r\n and\ttabs") == "two lines and tabs"


def test_a_title_that_starts_with_a_keyword_is_not_a_statement():
    for word in ("section two", "Title case", "journey on", "accTitle x"):
        out = clean(word)
        assert out.startswith("#") and out.endswith(word[1:])


def test_an_actor_with_a_comma_stays_one_actor():
    j = small_map()
    j.add_persona("Ann, Lee", id="p3")
    j.assign_persona("t1", "p3")
    assert "      Flyer: 1: Ann#44; Lee" in block(mermaid_text(j))


def test_every_line_of_a_hostile_map_is_one_statement():
    j = JourneyMap({"title": "A: b\n#c"})
    j.add_stage("Stage: one;#", id="s1")
    j.add_touchpoint("s1", "x: 1: y\nsection z", id="t1")
    lines = block(mermaid_text(j))
    assert len(lines) == 4
    task = lines[3].strip()
    assert task.count(":") == 2 and "#" not in task.split(":")[1]
    assert ";" not in lines[2].replace("#59;", "").replace("#58;", "").replace("#35;", "")


def test_the_hebrew_sample_uses_the_maps_words():
    j = cxmap.load(resource("samples", "bakery-he.cxmap")).journey
    lines = block(mermaid_text(j))
    assert sum(line.startswith("    section ") for line in lines) == len(j.stages())
    tasks = [line for line in lines if line.startswith("      ")]
    assert len(tasks) == len(j.journey_order())
    untitled = JourneyMap({"language": "he"})
    untitled.add_stage("", id="s1")
    untitled.add_touchpoint("s1", "", id="t1")
    text = mermaid_text(untitled)
    assert "section שלב ללא שם" in text and "נקודת מגע ללא שם: 3: לקוח" in text
