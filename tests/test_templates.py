"""The bundled templates: the catalogue, the ready journeys for small businesses in
both languages, and the CLI that lists and makes them (no Qt)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from cxdesigner.cli import main
from cxdesigner.fileformat import templates
from cxdesigner.fileformat.cxmap import load
from cxdesigner.model import schema as S

HEBREW = re.compile("[\u05d0-\u05ea]")
FRAMES = ("blank", "five-stages", "service-blueprint")  # teach the method, no business
BUSINESSES = tuple(name for name in templates.TEMPLATES if name not in FRAMES)
EVERY = [(name, lang) for name in templates.TEMPLATES for lang in templates.LANGUAGES]


def bundled(name: str, lang: str):
    loaded = load(templates.template_path(name, lang))
    assert loaded.problems == []  # the loader's careful check found nothing to repair
    return loaded.journey


def texts(journey) -> list[str]:
    """Every word the map holds: its details and every text field of its elements."""
    words = [journey.document[k] for k in ("title", "client", "author", "goal")]
    for attrs in journey.snapshot()["nodes"].values():
        words += [attrs.get(k) or "" for k in ("title", "description", "evidence", "owner",
                                               "kpi")]
    return [w for w in words if w]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ catalogue
def test_the_catalogue_offers_the_frames_then_six_business_journeys():
    assert templates.TEMPLATES == tuple(t.name for t in templates.CATALOGUE)
    assert templates.TEMPLATES[:3] == FRAMES
    assert set(BUSINESSES) >= {"cafe", "clinic", "online-shop", "beauty-salon",
                               "b2b-services", "agent"}
    assert len(set(templates.TEMPLATES)) == len(templates.TEMPLATES)


def test_every_template_has_a_one_line_title_and_description_in_both_languages():
    for template in templates.CATALOGUE:
        for lang in templates.LANGUAGES:
            for text in (template.title(lang), template.description(lang)):
                assert text and "\n" not in text and len(text) <= 110, text
                assert bool(HEBREW.search(text)) == (lang == "he"), text


def test_the_catalogue_languages_are_the_schema_languages():
    assert templates.LANGUAGES == S.LANGUAGES


def test_an_unknown_template_is_refused_naming_every_choice():
    with pytest.raises(ValueError) as info:
        templates.template_info("no-such-template")
    assert ", ".join(templates.TEMPLATES) in str(info.value)


# ------------------------------------------------------------ every template
@pytest.mark.parametrize("name, lang", EVERY)
def test_every_template_loads_clean_in_its_declared_language(name, lang):
    journey = bundled(name, lang)
    expected = "en" if name == "blank" else lang  # one blank file serves both
    assert journey.document["language"] == expected
    assert journey.document["direction"] == ("rtl" if expected == "he" else "ltr")
    made = templates.new_from_template(name, lang)
    assert made.document["language"] == lang
    assert made.document["direction"] == ("rtl" if lang == "he" else "ltr")


@pytest.mark.parametrize("name, lang", EVERY)
def test_hebrew_templates_are_hebrew_and_english_ones_have_none(name, lang):
    words = texts(bundled(name, lang))
    if lang == "he":
        assert all(HEBREW.search(w) for w in words), [w for w in words
                                                      if not HEBREW.search(w)]
    else:
        assert not any(HEBREW.search(w) for w in words)


@pytest.mark.parametrize("name", BUSINESSES + ("service-blueprint",))
def test_both_languages_of_a_business_journey_share_one_structure(name):
    en, he = (bundled(name, lang) for lang in ("en", "he"))
    assert en.stage_order == he.stage_order
    assert set(en.graph.nodes) == set(he.graph.nodes)
    assert sorted(en.graph.edges(data="kind")) == sorted(he.graph.edges(data="kind"))
    for node in en.graph.nodes:
        a, b = en.get(node), he.get(node)
        text = ("title", "description", "evidence", "owner", "kpi", "cells")
        assert {k: v for k, v in a.items() if k not in text} == \
            {k: v for k, v in b.items() if k not in text}
        assert set(a.get("cells", {})) == set(b.get("cells", {}))


@pytest.mark.parametrize("lang", templates.LANGUAGES)
def test_the_service_blueprint_fills_every_cell_of_its_five_lanes(lang):
    journey = bundled("service-blueprint", lang)
    lanes = [n for n in journey.lanes() if journey.lane(n)["lane_kind"] != "emotion"]
    assert [journey.lane(n)["lane_kind"] for n in lanes] == list(S.BLUEPRINT_LANES)
    for tp in journey.ids(S.TOUCHPOINT):
        for lane in lanes:
            assert journey.cell(tp, lane).strip(), (tp, lane)
    marks = {m for tp in journey.ids(S.TOUCHPOINT) for m in journey.get(tp)["marks"].values()}
    assert marks == {"fail", "wait"}


# ------------------------------------------------------- the business journeys
@pytest.fixture(params=[(n, lang) for n in BUSINESSES for lang in templates.LANGUAGES],
                ids=lambda p: f"{p[0]}-{p[1]}")
def business(request):
    return bundled(*request.param)


def test_a_business_journey_has_a_title_a_goal_and_four_to_six_stages(business):
    assert business.document["title"] and len(business.document["goal"]) > 60
    assert 4 <= len(business.stages()) <= 6
    assert all(business.touchpoints_in(stage) for stage in business.stages())
    assert all(business.get(stage)["description"] for stage in business.stages())


def test_a_business_journey_has_touchpoints_on_several_channels(business):
    tps = [business.get(t) for t in business.ids(S.TOUCHPOINT)]
    assert 8 <= len(tps) <= 14
    channels = Counter(t["channel"] for t in tps)
    assert len(channels) >= 4
    assert {"direct", "indirect"} == {t["mode"] for t in tps}
    assert all(t["owner"] and t["description"] for t in tps)


def test_a_business_journey_has_emotions_up_and_down(business):
    feelings = [business.get(t)["emotions"].get(S.GENERAL)
                for t in business.ids(S.TOUCHPOINT)]
    assert None not in feelings
    assert min(feelings) <= -1 and max(feelings) >= 2  # where it hurts, where it delights
    assert business.count(S.PERSONA) >= 2


def test_a_business_journey_has_pains_and_opportunities(business):
    kinds = Counter(business.get(n)["note_kind"] for n in business.ids(S.NOTE))
    assert 2 <= kinds["pain_point"] <= 4
    assert 1 <= kinds["opportunity"] <= 3
    assert all(business.target_of(n) is not None for n in business.ids(S.NOTE))


def test_a_business_journey_has_one_action_tree_for_a_pain_point(business):
    [tree] = business.children_of(None)
    subs = business.children_of(tree)
    assert 2 <= len(subs) <= 3
    assert all(not business.children_of(s) for s in subs)
    addressed = business.addressed_by(tree)
    assert any(business.get(n)["note_kind"] == "pain_point" for n in addressed)
    assert business.get(tree)["kpi"]
    assert all(business.get(a)["owner"] for a in business.ids(S.ACTION))
    # No dates: a fixed date would be overdue in a map made next year.
    assert all(business.get(a)["due"] is None for a in business.ids(S.ACTION))


def test_a_business_journey_flows_through_every_touchpoint(business):
    on_flows = {t for flow in business.flows() for t in flow}
    assert on_flows == set(business.ids(S.TOUCHPOINT))


def test_no_two_cards_of_a_stage_sit_on_the_same_place(business):
    for stage in business.stages():
        places = [(business.get(t)["x"], business.get(t)["y"])
                  for t in business.touchpoints_in(stage)]
        assert len(places) == len(set(places))
        assert all(x % 240 == 0 and y in (0, 160) for x, y in places)


# ------------------------------------------------------------------------ CLI
def test_cli_lists_every_template_with_a_description(capsys):
    code, out, _ = run(capsys, "templates")
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(templates.CATALOGUE) >= 8
    for line, template in zip(lines, templates.CATALOGUE):
        name, description = line.split(None, 1)
        assert name == template.name and description == template.description_en


def test_cli_lists_hebrew_descriptions_with_lang_he(capsys):
    code, out, _ = run(capsys, "templates", "--lang", "he")
    assert code == 0
    assert [line.split(None, 1)[1] for line in out.splitlines()] == [
        t.description_he for t in templates.CATALOGUE]


def test_new_help_names_every_template(capsys):
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert all(name in help_text for name in templates.TEMPLATES)


@pytest.mark.parametrize("name, lang", EVERY)
def test_cli_new_makes_every_template_in_either_language(tmp_path, capsys, name, lang):
    out = tmp_path / f"{name}-{lang}.cxmap"
    code, _, err = run(capsys, "new", "--template", name, "--lang", lang, "-o", str(out))
    assert code == 0 and err == ""
    journey = load(out).journey
    assert journey.document["language"] == lang
    assert len(journey) == len(bundled(name, lang))
    code, _, _ = run(capsys, "validate", str(out))
    assert code == 0


def test_cli_new_with_a_bad_name_names_the_choices(tmp_path, capsys):
    code, _, err = run(capsys, "new", "--template", "bakery", "-o", str(tmp_path / "x.cxmap"))
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "choose one of: " + ", ".join(templates.TEMPLATES) in err
    assert not (tmp_path / "x.cxmap").exists()
