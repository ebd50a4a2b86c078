"""Personal data: what could identify the child, adult or family a review is about.

Every rule is written for precision as much as recall: anonymised briefings are full
of dates of events, ages, agencies and places, and a check that cries wolf is switched
off. Numbers are validated where a standard says how (phone numbers by Google's
libphonenumber metadata, NHS numbers by their check digit, National Insurance numbers
by HMRC's prefix and suffix rules). See docs/check.md for each rule and what it skips.
"""

from __future__ import annotations

import re

from briefpdf.check.finding import Hit
from briefpdf.check.names import find_names, first_names
from briefpdf.check.texts import Text

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
FULL_DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\.?,?\s+\d{{4}}"
             rf"|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
             r"|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})")
"""A date with its day: 3 March 2012, March 3rd, 2012, 03/03/2012, 2012-03-03. A month
and year (May 2014) or a year alone is the date of an event, never a finding."""
DATE = re.compile(rf"\b{FULL_DATE}\b")
BIRTH = re.compile(rf"\b(?:date\s+of\s+birth|d\.?\s?o\.?\s?b\.?|born(?:\s+on)?)\s*[:\-–]?\s*"
                   rf"(?:the\s+)?{FULL_DATE}\b", re.IGNORECASE)
AGE = re.compile(r"\b(?:aged\s+\d{1,3}|\d{1,3}[\s-]+(?:years?|months?|weeks?)[\s-]+old"
                 r"|\d{1,3}-(?:year|month|week)-old|(?:was|is|turned)\s+\d{1,3}\b)",
                 re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?]+[.!?]*")
DIGIT = re.compile(r"\d")

STREET_WORDS = (r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Crescent|Way|Place|"
                r"Gardens|Terrace|Court|Grove|Walk|Square|Mews|Row|Hill|View|Rise|Parade|"
                r"Green|Vale)")
ADDRESS = re.compile(rf"\b(?:(?:Flat|Apartment)\s+\d{{1,4}}[A-Za-z]?,?\s+)?\d{{1,3}}[A-Za-z]?,?"
                     rf"\s+(?:[A-Z][A-Za-z'’-]+\s+){{1,3}}{STREET_WORDS}\b")
POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPS-UW\d]?)\s?\d[ABD-HJLNP-UW-Z]{2}\b")
NHS = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
PHONE_RUN = re.compile(r"\d(?:[\Wxー]{0,4}\d){6,}")
"""Seven or more digits with at most four separators between any two (punctuation,
spaces, an x, the Japanese ー): the shape of every number libphonenumber's matcher can
find (tests/check/test_phone_run.py). Texts without one, most of them (dates of events,
ages), skip the matcher, and its import on a cold build (docs/performance.md)."""
NINO = re.compile(r"\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b")
NINO_NOT_ISSUED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b")
VEHICLE = re.compile(r"\b(?:[A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|[1-7]\d)\s?[A-HJ-PR-Z]{3}"
                     r"|[A-HJ-NP-Y]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-HJ-NP-Y])\b")
"""Number plates: current (AB12 CDE, since 2001), prefix (P123 ABC) and suffix (ABC 123D)."""

MAILBOX_WORDS = frozenset({
    "safeguarding", "admin", "info", "enquiries", "contact", "team", "office", "board",
    "hub", "mash", "referrals", "training", "feedback", "adults", "children", "duty",
    "reception", "help", "support", "partnership", "lscb", "lsab", "bscb", "noreply"})


def check_personal(text: Text) -> list[Hit]:
    """Every piece of personal data in one text (names, dates of birth, addresses …)."""
    value = text.value
    hits = find_names(value)
    if "@" in value:
        hits += [Hit(m.start(), m.end(), "email",
                     f"“{m.group()}” looks like a person’s email address; give a team "
                     "mailbox or the feedback contact instead")
                 for m in EMAIL.finditer(value) if _personal_mailbox(m.group())]
    digits = len(DIGIT.findall(value))
    if not digits:  # every other rule needs a number (most texts have none)
        return _without_overlaps(hits)
    hits += [*_births(value), *_ages_with_dates(value)]
    hits += [Hit(m.start(), m.end(), "address",
                 f"“{m.group()}” looks like a street address; say only the area or the "
                 "kind of home (a housing association flat)") for m in ADDRESS.finditer(value)]
    hits += [Hit(m.start(), m.end(), "postcode",
                 f"“{m.group()}” is a full UK postcode, which points to a few homes; "
                 "leave it out or give only the town") for m in POSTCODE.finditer(value)]
    if digits >= 7:  # the shortest phone number; NHS numbers have ten digits
        hits += _numbers(value)
    hits += _ni_numbers(value)
    hits += [Hit(m.start(), m.end(), "vehicle",
                 f"“{m.group()}” looks like a vehicle registration; leave it out")
             for m in VEHICLE.finditer(value)]
    return _without_overlaps(hits)


def _births(value: str) -> list[Hit]:
    return [Hit(m.start(), m.end(), "date-of-birth",
                f"“{m.group()}” is a date of birth; give an age or a year instead")
            for m in BIRTH.finditer(value)]


def _ages_with_dates(value: str) -> list[Hit]:
    """An exact age and a full date in one sentence tell the date of birth."""
    hits: list[Hit] = []
    for sentence in SENTENCE.finditer(value):
        date = DATE.search(sentence.group())  # (first: few sentences have a full date)
        age = AGE.search(sentence.group()) if date else None
        if age and date:
            first, last = sorted([age, date], key=lambda m: m.start())
            start, end = sentence.start() + first.start(), sentence.start() + last.end()
            hits.append(Hit(start, end, "age-with-date", (
                f"an exact age (“{age.group()}”) with a full date (“{date.group()}”) "
                "tells the date of birth; give the month and year only")))
    return hits


def _numbers(value: str) -> list[Hit]:
    if not PHONE_RUN.search(value):  # an NHS number is such a run too
        return []
    from stdnum.gb import nhs

    hits = [Hit(m.start(), m.end(), "nhs-number", (
        f"“{m.group()}” is an NHS number (its check digit is right); leave it out"))
        for m in NHS.finditer(value) if nhs.is_valid(m.group())]
    return hits + _phones(value)


def _ni_numbers(value: str) -> list[Hit]:
    return [Hit(m.start(), m.end(), "ni-number", (
        f"“{m.group()}” is a National Insurance number; leave it out"))
        for m in NINO.finditer(value) if m.group(1) not in NINO_NOT_ISSUED]


def _phones(value: str) -> list[Hit]:
    import phonenumbers

    return [Hit(m.start, m.end, "phone", (
        f"“{m.raw_string}” is a UK phone number; leave out people’s numbers (the "
        "board’s own goes in feedback: phone:)"))
        for m in phonenumbers.PhoneNumberMatcher(value, "GB",
                                                  leniency=phonenumbers.Leniency.VALID)]


def _personal_mailbox(address: str) -> bool:
    """Whether an address is a person's (jane.smith@, j.smith@), not a team's."""
    local = address.split("@", 1)[0].lower()
    parts = [p for p in re.split(r"[._+-]", local) if p]
    if any(part in MAILBOX_WORDS for part in parts):
        return False
    names, word_names = first_names()
    return any(part in names or part in word_names for part in parts) or \
        bool(re.fullmatch(r"[a-z]\.[a-z]{2,}\d*", local))


PRIORITY = ("nhs-number", "ni-number", "date-of-birth", "age-with-date", "email", "phone",
            "postcode", "address", "vehicle", "name")


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """One finding per stretch of text: the most specific rule wins."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (PRIORITY.index(h.rule), h.start)):
        if not any(hit.start < other.end and other.start < hit.end for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)
