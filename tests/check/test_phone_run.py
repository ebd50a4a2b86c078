"""PHONE_RUN lets through every text in which libphonenumber's matcher finds a
number at the leniency check/personal.py asks for (VALID).

The build skips the matcher (and its import) for texts without such a run; if the
prescreen ever dropped a number the matcher would find, a phone number would go unseen.
"""

from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers.phonenumberutil import _VALID_PUNCTUATION

from briefpdf.check.personal import PHONE_RUN, check_personal
from briefpdf.check.texts import Text

NUMBERS = ["07911123456", "01174960123", "441174960999", "08001111", "02079460018",
           "01214960000", "03001234567"]
"""Valid GB numbers (Ofcom's drama ranges and real help lines), as bare digits."""
SEPARATORS = _VALID_PUNCTUATION + " \u00a0+#"


def _written(chance: random.Random) -> str:
    """A valid number with random separators between its digits, inside random text."""
    digits = chance.choice(NUMBERS)
    if chance.random() < 0.3:  # fullwidth or Arabic-Indic digits
        zero = chance.choice([0xFF10, 0x0660])
        digits = "".join(chr(zero + int(d)) for d in digits)
    parts = [digits[0]]
    for digit in digits[1:]:
        if chance.random() < 0.4:
            parts.append("".join(chance.choice(SEPARATORS)
                                 for _ in range(chance.randint(1, 5))))
        parts.append(digit)
    before = chance.choice(["", "Call ", "on ", "tel:", "(", "Mother's number, "])
    after = chance.choice(["", ".", " ext 12", " x3", " that evening", ")"])
    return before + "".join(parts) + after


def _matcher_finds(value: str) -> bool:
    return any(True for _ in phonenumbers.PhoneNumberMatcher(
        value, "GB", leniency=phonenumbers.Leniency.VALID))


def test_every_number_the_matcher_finds_passes_the_prescreen() -> None:
    chance = random.Random(20)
    found = 0
    for _ in range(3000):
        value = _written(chance)
        if _matcher_finds(value):
            found += 1
            assert PHONE_RUN.search(value), repr(value)
    assert found > 150  # not vacuous: the matcher found a number in 218 of these


@pytest.mark.parametrize("number", [
    "07911 123456", "0117 496 0123", "+44 117 496 0999", "0800 1111", "(0117) 4960123",
    "0117-496-0123", "0117 496 0123 ext 12", "０１１７ ４９６ ０１２３",
])
def test_real_numbers_pass_the_prescreen_and_are_found(number: str) -> None:
    value = f"The social worker phoned Mother on {number} that evening."
    assert PHONE_RUN.search(value)
    assert [hit.rule for hit in check_personal(Text((), value, "prose"))] == ["phone"]


def test_dates_of_events_skip_the_matcher() -> None:
    value = "In September 2013 a referral was made; in July 2014 the children moved."
    assert not PHONE_RUN.search(value)
