"""The shared layout: bands in reading order, cards inside their bands, the lane."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxdesigner.model import JourneyMap
from cxdesigner.model import layout as L
from cxdesigner.model.live_layout import LayoutDelta, LiveLayout
from cxdesigner.model import schema as S
from cxdesigner.model.errors import ModelError
from cxdesigner.model.live_curve import LiveCurve


def flat(pairs) -> list[float]:
    return [v for pair in pairs for v in pair]


def approx_flat(pairs):
    # The curve keeps its y relative to the lane (LiveCurve.dy): equal to a fresh
    # computation up to float rounding.
    return pytest.approx(flat(pairs), abs=1e-9)



def two_stage_map(direction: str = "ltr") -> JourneyMap:
    j = JourneyMap()
    j.set_document(direction=direction)
    j.add_stage("One", id="s1")
    j.add_stage("Two", id="s2")
    j.add_touchpoint("s1", "a", id="a", x=0)
    j.add_touchpoint("s1", "b", id="b", x=480, flow_from="a")
    j.add_touchpoint("s2", "c", id="c", x=0, y=160, flow_from="b", emotions={"*": -2})
    return j


def test_bands_follow_stage_order_left_to_right():
    lay = L.compute(two_stage_map())
    assert lay.bands["s1"].x < lay.bands["s2"].x


def test_bands_read_right_to_left_in_an_rtl_map():
    lay = L.compute(two_stage_map("rtl"))
    assert lay.bands["s1"].x > lay.bands["s2"].x


def test_band_widens_to_hold_its_farthest_card():
    lay = L.compute(two_stage_map())
    assert lay.bands["s1"].w == 480 + L.CARD_W + 2 * L.BAND_PAD
    assert lay.bands["s2"].w == L.MIN_BAND_W


def test_cards_sit_inside_their_band():
    lay = L.compute(two_stage_map())
    for tp, stage in (("a", "s1"), ("b", "s1"), ("c", "s2")):
        band, card = lay.bands[stage], lay.cards[tp]
        assert band.x <= card.x and card.right <= band.right
        assert band.y + L.BAND_HEADER <= card.y and card.bottom <= band.bottom


def test_rtl_card_at_zero_sits_at_the_right_edge_of_its_band():
    lay = L.compute(two_stage_map("rtl"))
    assert lay.cards["a"].right == lay.bands["s1"].right - L.BAND_PAD
    assert lay.cards["b"].x < lay.cards["a"].x


def test_to_band_inverts_the_card_position_in_both_directions():
    for direction in ("ltr", "rtl"):
        lay = L.compute(two_stage_map(direction))
        card = lay.cards["b"]
        assert lay.to_band("s1", card.x, card.y) == (480, 0)


def test_stage_at_finds_the_band_under_a_point_and_none_between():
    lay = L.compute(two_stage_map())
    band = lay.bands["s2"]
    assert lay.stage_at(band.x + 5, band.y + 5) == "s2"
    assert lay.stage_at(lay.bands["s1"].right + L.BAND_GAP / 2) is None
    assert lay.nearest_stage(-500) == "s1"


def test_emotion_curve_runs_in_journey_order_with_plus_two_on_top():
    j = two_stage_map()
    j.set_emotion("a", 2)
    lay = L.compute(j)
    points = L.emotion_curve(j, lay)
    assert [p[0] for p in points] == ["a", "c"]  # "b" has no emotion
    assert points[0][2] < points[1][2]
    assert lay.lane.y <= points[0][2] <= lay.lane.bottom


def test_chip_slots_stop_at_the_card_room():
    card = L.Rect(0, 0, L.CARD_W, L.CARD_H)
    assert len(L.chip_rects(card, 2)) == 2
    assert len(L.chip_rects(card, 50)) == L.CHIPS_PER_CARD
    assert all(r.right <= card.right for r in L.chip_rects(card, 50))


def test_empty_map_has_an_empty_but_valid_layout():
    lay = L.compute(JourneyMap())
    assert lay.bands == {} and lay.cards == {} and lay.bounds.h > 0


def test_curve_line_runs_through_the_mean_of_each_column_of_cards():
    points = [("a", 100.0, 10.0), ("b", 340.0, 20.0), ("c", 340.0, 40.0), ("d", 580.0, 0.0)]
    assert L.curve_line(points) == [(100.0, 10.0), (340.0, 30.0), (580.0, 0.0)]


# ------------------------------------------------ incremental == full recompute
# Coordinates that tie, clamp (negative), widen a band and deepen it.
XS = (-50.0, 0.0, 0.0, 10.0, 240.0, 480.0, 1000.5, 3000.0)
YS = (-10.0, 0.0, 50.0, 160.0, 400.0)
EMOTIONS = (None, -2, -1, 0, 1, 2)


def random_edit(j: JourneyMap, done: list, op: int, a: int, b: int, c: int) -> None:
    """One edit chosen by small integers (so Hypothesis shrinks to a short story)."""
    stages, tps = j.stages(), j.ids(S.TOUCHPOINT)

    def pick(seq, n):
        return seq[n % len(seq)]

    try:
        if op == 0 or not stages:
            change = j.add_stage(f"S{a}", index=a % (len(stages) + 1))
        elif op == 1 or not tps:
            change = j.add_touchpoint(pick(stages, a), f"T{b}", x=XS[b % len(XS)],
                                      y=YS[c % len(YS)],
                                      emotions={} if c % 3 == 0 else {S.GENERAL: c % 5 - 2})
        elif op == 2:
            change = j.move_touchpoint(pick(tps, a), XS[b % len(XS)], YS[c % len(YS)],
                                       stage=pick(stages, c) if c % 2 else None)
        elif op == 3:
            change = j.move_touchpoints([(tp, None, XS[(b + i) % len(XS)], YS[c % len(YS)])
                                         for i, tp in enumerate(tps[a % len(tps)::3])])
        elif op == 4:
            change = j.remove_touchpoint(pick(tps, a), bridge=bool(b % 2))
        elif op == 5:
            other = pick(stages, b)
            change = j.remove_stage(pick(stages, a),
                                    move_to=other if c % 2 and other != pick(stages, a) else None)
        elif op == 6:
            change = j.move_stage(pick(stages, a), b % len(stages))
        elif op == 7:
            change = j.set_emotion(pick(tps, a), EMOTIONS[b % len(EMOTIONS)])
        elif op == 8:
            change = j.add_flow(pick(tps, a), pick(tps, b))
        elif op == 9:
            change = j.set_document(direction="rtl" if j.document["direction"] == "ltr"
                                    else "ltr")
        elif op == 10:
            change = j.add_lane(("text", "image", "backstage")[b % 3], index=c % 4)
        elif op == 11:
            change = j.move_lane(pick(j.lanes(), a), b % 5)
        elif op == 12:
            lane = pick(j.lanes(), a)
            change = j.set_lane(lane, hidden=not j.lane(lane)["hidden"])
        elif done:  # undo the last edit
            j.apply(done.pop().inverse())
            return
        else:
            return
    except ModelError:
        return
    done.append(change)


EDITS = st.lists(st.tuples(st.integers(0, 13), st.integers(0, 50), st.integers(0, 50),
                           st.integers(0, 50)), max_size=40)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_the_live_layout_and_curve_equal_a_fresh_computation_after_any_edits(edits):
    j = two_stage_map()
    live, curve = LiveLayout(j), LiveCurve(j)
    curve.rebuild(live)
    pending = {"tps": set(), "stages": False, "reset": False, "emotions": set(),
               "lanes": False, "deltas": []}

    def follow(event):  # what the scene gathers from the events of one change
        if event.name in ("touchpoint_added", "touchpoint_removed"):
            pending["tps"].add(event.id)
        elif event.name == "touchpoint_changed":
            (pending["tps"] if {"x", "y"} & set(event.keys) else pending["emotions"]).add(
                event.id)
        elif event.name in ("in_stage_added", "in_stage_removed"):
            pending["tps"].add(event.source)
        elif event.name in ("stage_added", "stage_removed", "stage_order_changed"):
            pending["stages"] = True
        elif event.name in ("lane_added", "lane_removed", "lane_changed"):
            pending["lanes"] = True
        elif event.name == "document_changed":
            pending["reset"] = True
        elif event.name == "journey_changed":
            if pending["reset"]:
                live.reset()
                delta = LayoutDelta(everything=True)
            else:
                delta = live.update(pending["tps"], pending["stages"], pending["lanes"])
            pending["deltas"].append(delta)
            if pending["reset"]:
                curve.rebuild(live)
            else:
                curve.follow(live, delta, pending["tps"] | pending["emotions"])
            pending.update(tps=set(), stages=False, reset=False, emotions=set(), lanes=False)

    j.events.subscribe_all(follow)
    done: list = []
    for op, a, b, c in edits:
        before, was = live.layout, L.compute(j)
        pending["deltas"] = []
        random_edit(j, done, op, a, b, c)
        fresh = L.compute(j)
        assert live.layout == fresh
        assert before == was  # a layout once made never changes (its cards are lazy)
        if len(pending["deltas"]) == 1 and not pending["deltas"][0].everything:
            assert_delta_tells_every_moved_card(pending["deltas"][0], was, fresh, live)
        assert list(live.layout.bands) == list(fresh.bands)  # reading order kept
        points = L.emotion_curve(j, fresh)
        assert flat(curve.scene_points()) == approx_flat([(x, y) for _, x, y in points])
        assert flat(curve.scene_line()) == approx_flat(L.curve_line(points))
        sign = -1 if fresh.rtl else 1
        assert curve.xs == [sign * x for _, x, _ in points]
        assert curve.line_xs == [sign * x for x, _ in curve.line]


def assert_delta_tells_every_moved_card(delta, was, now, live):
    """Every card with a new rect is in ``delta.moved``, or moved by ``delta.dx`` with
    its band, one of ``delta.shifted``."""
    for tp in set(was.cards) | set(now.cards):
        old, new = was.cards.get(tp), now.cards.get(tp)
        if old == new:
            continue
        if tp in delta.moved:
            continue
        assert old is not None and new is not None, tp
        assert live.where[tp][0] in delta.shifted, tp
        assert new == L.Rect(old.x + delta.dx, old.y, old.w, old.h), tp


def test_a_move_inside_a_wide_band_moves_one_card_and_patches_the_curve_locally():
    j = JourneyMap()
    j.add_stage("One", id="s1")
    for i in range(40):
        j.add_touchpoint("s1", f"T{i}", id=f"t{i}", x=i * 240, emotions={S.GENERAL: i % 5 - 2})
    live, curve = LiveLayout(j), LiveCurve(j)
    curve.rebuild(live)
    change = j.move_touchpoint("t20", 20 * 240 + 10, 0)
    delta = live.update({"t20"})
    assert delta.moved == {"t20"} and not delta.bands and not delta.lane
    span = curve.patch(live, {"t20"})
    assert span is not None and span[1] - span[0] < 3 * 240  # its column and neighbours
    assert live.layout == L.compute(j)
    j.apply(change.inverse())
    live.update({"t20"})
    curve.patch(live, {"t20"})
    assert live.layout == L.compute(j)
    assert flat(curve.scene_line()) == approx_flat(L.curve_line(L.emotion_curve(j, live.layout)))


def test_a_stage_added_before_many_dots_shifts_the_curve_instead_of_rebuilding_it():
    j = JourneyMap()
    for s in range(3):
        j.add_stage(f"S{s}", id=f"s{s}")
        for i in range(40):
            j.add_touchpoint(f"s{s}", f"T{i}", id=f"t{s}-{i}", x=(i % 10) * 240,
                             y=(i // 10) * 160, emotions={S.GENERAL: i % 5 - 2})
    live, curve = LiveLayout(j), LiveCurve(j)
    curve.rebuild(live)
    curve.rebuild = None  # a rebuild would now fail the test
    j.add_stage("New", index=1)
    delta = live.update(set(), stages_changed=True)
    assert delta.shifted == {"s1", "s2"} and delta.dx > 0 and not delta.lane_y
    span = curve.follow(live, delta, set())
    assert span is not None and span[0] <= live.layout.bands["s1"].x
    points = L.emotion_curve(j, L.compute(j))
    assert flat(curve.scene_points()) == approx_flat([(x, y) for _, x, y in points])
    assert flat(curve.scene_line()) == approx_flat(L.curve_line(points))


def test_a_taller_stage_lowers_the_curve_by_its_offset_without_touching_a_dot():
    j = JourneyMap()
    j.add_stage("One", id="s1")
    for i in range(30):
        j.add_touchpoint("s1", f"T{i}", id=f"t{i}", x=i * 240, emotions={S.GENERAL: i % 5 - 2})
    live, curve = LiveLayout(j), LiveCurve(j)
    curve.rebuild(live)
    kept, line = list(curve.points), list(curve.line)
    j.add_touchpoint("s1", "Below", id="low", x=0, y=2000)  # no emotion: no dot
    delta = live.update({"low"})
    assert delta.lane_y
    curve.follow(live, delta, {"low"})
    assert curve.points == kept and curve.line == line  # the relative y stay
    assert curve.dy > 0
    fresh = L.emotion_curve(j, L.compute(j))
    assert flat(curve.scene_points()) == approx_flat([(x, y) for _, x, y in fresh])
