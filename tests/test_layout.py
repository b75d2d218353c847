"""The shared layout: bands in reading order, cards inside their bands, the lane."""

from cxdesigner.model import JourneyMap
from cxdesigner.model import layout as L


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
