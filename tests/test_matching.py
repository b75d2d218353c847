"""Suggesting the touchpoint a piece of feedback is about (model/matching.py, no Qt)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxdesigner.fileformat import cxmap
from cxdesigner.model import JourneyMap
from cxdesigner.model.matching import Matcher, Suggester, item_text, suggest_for_items, words

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "feedback" / "labelled.json"


def _map(language: str = "en") -> JourneyMap:
    return JourneyMap({"title": "t", "language": language,
                       "direction": "rtl" if language == "he" else "ltr"})


@pytest.fixture
def shop() -> JourneyMap:
    journey = _map()
    journey.add_stage("Buying", id="s1")
    journey.add_stage("After the sale", id="s2")
    journey.add_touchpoint("s1", "Checkout page", id="t1", channel="website",
                           description="Card details and the delivery address.")
    journey.add_touchpoint("s1", "Parcel delivery", id="t2", channel="delivery",
                           description="A courier brings the box to the door.")
    journey.add_touchpoint("s2", "Returning an item", id="t3", channel="email",
                           description="The customer asks for a refund.")
    return journey


def _titles(journey, suggestions):
    return [journey.title(s.tp) for s in suggestions]


def _hit_rates():
    """Per set name: (entries, top-1 hits, top-2 hits), computed now."""
    entries = json.loads(LABELLED.read_text(encoding="utf-8"))["entries"]
    maps = {name: cxmap.load(ROOT / "resources" / "samples" / f"{name}.cxmap").journey
            for name in ("bakery-en", "bakery-he")}
    matchers = {name: Matcher(journey) for name, journey in maps.items()}
    rates = {}
    for entry in entries:
        found = _titles(maps[entry["map"]], matchers[entry["map"]].suggest(
            f"{entry['subject']}\n{entry['text']}", limit=2))
        for key in (entry["map"], "all", *(["held-out"] if entry.get("held_out") else [])):
            n, first, second = rates.get(key, (0, 0, 0))
            rates[key] = (n + 1, first + (found[:1] == [entry["touchpoint"]]),
                          second + (entry["touchpoint"] in found))
    return rates


def test_the_labelled_set_is_large_and_names_real_touchpoints():
    entries = json.loads(LABELLED.read_text(encoding="utf-8"))["entries"]
    assert len(entries) >= 60
    assert {e["map"] for e in entries} == {"bakery-en", "bakery-he"}
    for name in ("bakery-en", "bakery-he"):
        journey = cxmap.load(ROOT / "resources" / "samples" / f"{name}.cxmap").journey
        titles = {journey.title(tp) for tp in journey.ids("touchpoint")}
        assert {e["touchpoint"] for e in entries if e["map"] == name} <= titles


def test_the_right_touchpoint_comes_first_or_second_on_the_labelled_set():
    # Measured (bench/bench_matching.py): top-2 94.3% of all 88 entries, 93.2% English,
    # 95.5% Hebrew, 75% of the 20 held-out ones.  Asserted a few points lower, so an
    # unrelated change to the samples' wording does not fail it, and never under 0.7.
    rates = _hit_rates()
    floors = {"all": 0.90, "bakery-en": 0.88, "bakery-he": 0.88, "held-out": 0.70}
    for name, floor in floors.items():
        n, _first, second = rates[name]
        assert second / n >= max(floor, 0.7), (name, second, n)


def test_the_best_touchpoint_comes_first_on_most_of_the_labelled_set():
    n, first, _second = _hit_rates()["all"]
    assert first / n >= 0.87  # measured 92.0%


def test_a_text_about_a_touchpoint_puts_it_first_with_the_words_that_explain_it(shop):
    [best, *_] = Matcher(shop).suggest("The courier left my parcel at the wrong door")
    assert shop.title(best.tp) == "Parcel delivery"
    assert set(best.words) >= {"courier", "parcel", "door"}


def test_the_explaining_words_come_strongest_first(shop):
    # "parcel" is in the title (weighted three times), "courier" in the description.
    [best] = Matcher(shop).suggest("courier parcel", limit=1)
    assert best.words == ("parcel", "courier")


def test_scores_come_best_first_and_limit_caps_the_list(shop):
    found = Matcher(shop).suggest("refund for the parcel the courier lost, card charged", 2)
    assert len(found) == 2 and found[0].score >= found[1].score


def test_ties_go_to_the_earlier_touchpoint_in_journey_order():
    journey = _map()
    journey.add_stage("Alpha", id="s1")  # stages of one length: equal cards
    journey.add_stage("Bravo", id="s2")
    journey.add_touchpoint("s2", "Counter", id="late")
    journey.add_touchpoint("s1", "Counter", id="early")
    found = Matcher(journey).suggest("the counter")
    assert [s.tp for s in found] == ["early", "late"] and found[0].score == found[1].score


def test_a_text_that_shares_no_word_suggests_nothing(shop):
    assert Matcher(shop).suggest("zebra xylophone quartz") == []


def test_stop_words_alone_suggest_nothing(shop):
    assert Matcher(shop).suggest("the and of it was to after") == []


def test_an_empty_map_suggests_nothing():
    assert Matcher(_map()).suggest("anything at all") == []


def test_english_plurals_and_ing_meet_their_word(shop):
    assert _titles(shop, Matcher(shop).suggest("parcels", 1)) == ["Parcel delivery"]
    assert _titles(shop, Matcher(shop).suggest("returning", 1)) == ["Returning an item"]
    assert _titles(shop, Matcher(shop).suggest("returns", 1)) == ["Returning an item"]


def test_a_hebrew_prefix_is_stripped_when_the_rest_is_a_known_word():
    journey = _map("he")
    journey.add_stage("קנייה", id="s1")
    journey.add_touchpoint("s1", "קופה", id="t1", channel="store")
    journey.add_touchpoint("s1", "משלוח", id="t2", channel="delivery")
    matcher = Matcher(journey)
    for text in ("בקופה", "וכשהקופה", "שבקופה", "הקופה"):
        assert _titles(journey, matcher.suggest(text, 1)) == ["קופה"], text


def test_a_hebrew_word_is_not_cut_when_the_rest_is_no_word_of_the_map():
    journey = _map("he")
    journey.add_stage("שלב", id="s1")
    journey.add_touchpoint("s1", "מבצע", id="t1")  # מ is a prefix letter, בצע no word here
    journey.add_touchpoint("s1", "בצק", id="t2")
    assert _titles(journey, Matcher(journey).suggest("מבצע", 2)) == ["מבצע"]


def test_a_hebrew_plural_meets_its_singular():
    journey = _map("he")
    journey.add_stage("שלב", id="s1")
    journey.add_touchpoint("s1", "עוגה", id="t1")
    journey.add_touchpoint("s1", "כרטיס", id="t2")
    matcher = Matcher(journey)
    assert _titles(journey, matcher.suggest("העוגות", 1)) == ["עוגה"]
    assert _titles(journey, matcher.suggest("כרטיסים", 1)) == ["כרטיס"]


def test_two_prefixed_forms_of_one_word_meet_without_the_bare_word_on_the_map():
    journey = _map("he")
    journey.add_stage("שלב", id="s1")
    journey.add_touchpoint("s1", "ממליצים לחברים", id="t1")
    journey.add_touchpoint("s1", "תשלום", id="t2")
    assert _titles(journey, Matcher(journey).suggest("כל החברים", 1)) == ["ממליצים לחברים"]


def test_niqqud_and_geresh_do_not_change_a_word():
    assert words("לֶחֶם צ'אט צ׳אט") == words("לחם צאט צאט") == ["לחם", "צאט", "צאט"]


def test_a_channel_named_in_the_other_language_matches():
    journey = _map("he")
    journey.add_stage("שלב", id="s1")
    journey.add_touchpoint("s1", "שאלה", id="t1", channel="whatsapp")
    journey.add_touchpoint("s1", "קופה", id="t2", channel="store")
    assert _titles(journey, Matcher(journey).suggest("WhatsApp", 1)) == ["שאלה"]
    assert _titles(journey, Matcher(journey).suggest("בווטסאפ", 1)) == ["שאלה"]


def test_the_stage_lane_cells_and_notes_are_the_touchpoints_words_too(shop):
    lane = shop.add_lane("backstage").id
    shop.set_cell("t1", lane, "fraud screening")
    shop.add_note("pain_point", "Couriers ring once and leave", on="t3")
    matcher = Matcher(shop)
    assert _titles(shop, matcher.suggest("screening", 1)) == ["Checkout page"]
    assert _titles(shop, matcher.suggest("ring", 1)) == ["Returning an item"]
    assert _titles(shop, matcher.suggest("sale", 1)) == ["Returning an item"]


def test_suggestions_for_feedback_items_read_their_subject_and_text(shop):
    shop.add_feedback([{"id": "f1", "title": "Refund?", "description": "still waiting"},
                       {"id": "f2", "description": "the courier was rude"}])
    found = suggest_for_items(shop, ["f1", "f2", "t1"], limit=1)
    assert {item: _titles(shop, s) for item, s in found.items()} == {
        "f1": ["Returning an item"], "f2": ["Parcel delivery"]}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_gives_a_list_without_failing(text):
    journey = cxmap.load(ROOT / "resources" / "samples" / "bakery-he.cxmap").journey
    found = Matcher(journey).suggest(text)
    assert len(found) <= 3 and all(s.score > 0 for s in found)


def test_the_suggester_follows_an_edit_of_the_map(shop):
    suggester = Suggester(shop)
    assert suggester("hamper") == []
    shop.set_fields("t3", title="Gift hamper")
    assert [tp for tp, _why in suggester("hamper")] == ["t3"]
    assert suggester("hamper")[0][1] == "hamper"
    suggester.detach()


def test_the_suggester_keeps_its_index_while_only_feedback_changes(shop, monkeypatch):
    from cxdesigner.model import matching

    built = []
    monkeypatch.setattr(matching, "Matcher", lambda journey: built.append(1) or Matcher(journey))
    suggester = Suggester(shop)
    suggester("courier")
    shop.add_feedback([{"id": "f1", "description": "courier late"}])
    shop.assign_feedback(["f1"], "t2")
    suggester("courier")
    assert len(built) == 1
    shop.add_note("insight", "Couriers", on="t2")
    suggester("courier")
    assert len(built) == 2
    suggester.detach()


def test_the_samples_own_feedback_mostly_gets_its_touchpoint_in_the_first_two():
    # Written for the sample maps by another hand, never used to tune the matcher:
    # measured 15 of 20 (75%) in the first two; asserted at 0.7.
    hits = total = 0
    for name in ("bakery-en", "bakery-he"):
        journey = cxmap.load(ROOT / "resources" / "samples" / f"{name}.cxmap").journey
        matcher = Matcher(journey)
        for item in journey.feedback_items():
            tp = journey.touchpoint_of_item(item)
            if tp is not None:
                total += 1
                hits += tp in [s.tp for s in matcher.suggest(item_text(journey.get(item)), 2)]
    assert total >= 20 and hits / total >= 0.7
