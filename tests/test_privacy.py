"""Personal data in customer feedback is masked; what the feedback is about is not."""

from __future__ import annotations

import time

import pytest

from cxdesigner.model import privacy
from cxdesigner.model.privacy import (
    Masker,
    israeli_id_ok,
    luhn_ok,
    mask_item,
    mask_text,
    name_parts,
)


def _luhn_complete(prefix: str) -> str:
    """``prefix`` with the digit that makes it pass the Luhn check."""
    return next(prefix + d for d in "0123456789" if luhn_ok(prefix + d))


def _id_complete(prefix: str) -> str:
    return next(prefix + d for d in "0123456789" if israeli_id_ok(prefix + d))


@pytest.mark.parametrize("address", ["dana.levi@example.com", "first+tag@mail.example.co.il",
                                     "O'Brien_2@sub.example.org"])
def test_an_email_address_becomes_a_token(address):
    text, count = mask_text(f"write to {address} soon")
    assert (text, count) == ("write to [email] soon", 1)


def test_a_hebrew_to_prefix_before_an_address_stays():
    assert mask_text("כתבו ל-noa@example.org") == ("כתבו ל-[email]", 1)


@pytest.mark.parametrize("phone", ["054-765-4321", "0547654321", "054-7654321", "03-5551234",
                                   "077 555 1234", "+972-54-765-4321", "+972 3 555 1234",
                                   "+1 (555) 201-3344", "(555) 201-3344", "212-555-0147",
                                   "+44 20 7946 0958"])
def test_a_phone_number_becomes_a_token(phone):
    assert mask_text(f"call {phone} today") == ("call [phone] today", 1)


def test_a_phone_number_right_after_a_hebrew_prefix_is_masked():
    assert mask_text("התקשרו ל054-7654321") == ("התקשרו ל[phone]", 1)


def test_an_israeli_id_with_a_right_check_digit_is_masked():
    good = _id_complete("31415926")
    assert mask_text(f"ת.ז. {good}") == ("ת.ז. [id]", 1)


def test_nine_digits_with_a_wrong_check_digit_are_not_an_id():
    good = _id_complete("31415926")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert mask_text(f"code {bad}") == (f"code {bad}", 0)


def test_a_nine_digit_order_number_is_not_taken_for_an_id():
    number = _id_complete("27182818")  # passes the ID check, but an order word precedes it
    for text in (f"Order #{number} arrived", f"הזמנה {number} הגיעה", f"invoice no. {number}"):
        assert mask_text(text) == (text, 0)


@pytest.mark.parametrize("layout", ["{}", "{} with spaces", "{} with dashes"])
def test_a_card_number_passing_luhn_is_masked(layout):
    digits = _luhn_complete("457312345678901")  # 16 digits
    if "spaces" in layout:
        digits = " ".join(digits[i:i + 4] for i in range(0, 16, 4))
    elif "dashes" in layout:
        digits = "-".join(digits[i:i + 4] for i in range(0, 16, 4))
    assert mask_text(f"card {digits}.") == ("card [card].", 1)


def test_a_long_number_failing_luhn_is_not_a_card():
    good = _luhn_complete("457312345678901")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert mask_text(f"tracking {bad}")[1] == 0


@pytest.mark.parametrize("text", [
    "Delivered 2026-03-15, promised 10/03/2026 and 12.03.2026 at 10:30",
    "Paid ₪1,299.90 (or $49.50, 1299 ש\"ח) for order #A-77812",
    "הזמנה מס' 48213, מספר מעקב 7781",
    "NPS 9/10, CSAT 4 out of 5, I'd say 10 מתוך 10",
    "Ticket 2024-0031 and room 3B, 40 minutes on hold, 2 of 3 items",
])
def test_dates_prices_order_numbers_and_scores_are_left_alone(text):
    assert mask_text(text) == (text, 0)


def test_the_senders_name_is_masked_whole_and_by_its_parts():
    names = name_parts("Dana Levi")
    text, count = mask_text("Dana Levi here. Thanks, dana", names)
    assert (text, count) == ("[name] here. Thanks, [name]", 2)


def test_a_surname_first_display_name_masks_the_name_in_its_usual_order():
    assert mask_text("I am Dana Levi", name_parts('"Levi, Dana"')) == ("I am [name]", 1)


def test_a_hebrew_name_is_masked_after_a_prefix_letter_which_stays():
    names = name_parts("יוסי כהן")
    text, count = mask_text("אני יוסי כהן. ליוסי אין כוח, וכהן גם", names)
    assert (text, count) == ("אני [name]. ל[name] אין כוח, ו[name] גם", 3)


def test_a_name_inside_a_longer_word_is_not_masked():
    assert mask_text("Danaher and Levitt", name_parts("Dana Levi")) == (
        "Danaher and Levitt", 0)


def test_words_of_a_team_display_name_are_not_names():
    assert name_parts("Customer Service") == []
    assert name_parts("שירות לקוחות") == []


def test_every_text_of_an_item_is_masked_and_counted():
    item = {"title": "From dana@example.com", "description": "call 054-7654321",
            "source": "survey", "channel": "email",
            "fields": {"phone": "03-5551234", "branch": "Haifa"}, "nps": 9}
    out = mask_item(item)
    assert out["title"] == "From [email]"
    assert out["description"] == "call [phone]"
    assert out["fields"] == {"phone": "[phone]", "branch": "Haifa"}
    assert (out["nps"], out["masked"]) == (9, 3)


def test_masking_a_huge_text_without_matches_stays_fast():
    texts = ["a" * 100_000 + "@", "1" * 100_000, "1-" * 50_000, "x.y-" * 25_000 + "@z"]
    masker = Masker(["Dana", "Levi"])
    start = time.perf_counter()
    for text in texts:
        masker.mask(text)
    assert time.perf_counter() - start < 2.0


def test_the_check_digit_rules_match_known_numbers():
    # Worked by hand: 123456782 -> 1+4+3+8+5+(12->3)+7+(16->7)+2 = 40, a multiple of 10.
    assert israeli_id_ok("123456782")
    assert not israeli_id_ok("123456789")
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert privacy.EMAIL == "[email]"
