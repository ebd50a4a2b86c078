"""People's full names: a first name from the bundled list followed by a capitalised word,
or a title (Mr, Mrs, Dr …) followed by a surname.

Anonymised briefings are full of capitalised words that are not names: role words
(Mother, Child R, Family L, Mr A), agencies (Anytown Police, Children's Social Care),
boards named after places (Bristol Safeguarding Children Board) and legal terms
(Interim Care Order). They are told apart by the first word (it must be a first name)
and by the second (it must not be a role, agency or organisation word, nor a single
letter). First names that are also English words (Grace, Hope, May, Will) count only
in the middle of a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from briefpdf.check.finding import Hit

TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})

NOT_SURNAMES = frozenset("""
mother father mum dad parent parents carer carers child children baby infant family families
brother sister grandmother grandfather grandparent aunt uncle cousin stepfather stepmother
partner boyfriend girlfriend son daughter sibling siblings adult person young
board council trust service services team partnership police care centre center health
hospital school academy college university nursery practice surgery clinic ward unit hub
foundation society association charity group network forum office agency department
authority court order act plan review reviews procedure protocol policy conference
road street avenue lane close drive crescent way place gardens terrace grove walk square
house hall church chapel mosque temple law aid action alliance
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
nhs gp cpir scr sar dhr lscb lsab mash marac
""".split())
"""Words that end a name candidate: the "surname" is a role, organisation or date."""

ORGANISATION_AFTER = frozenset({
    "hospital", "school", "academy", "college", "university", "centre", "center", "house",
    "ward", "unit", "trust", "foundation", "court", "practice", "surgery", "clinic", "hall",
    "nursery", "infirmary", "institute", "building", "road", "street", "lane", "avenue",
    "award", "lecture", "report", "review", "act", "fund", "prize", "memorial", "law",
    "guidance", "scheme", "service", "services", "team", "project", "primary", "secondary",
    "infant", "junior", "community", "nurse", "nurses", "volunteers", "staff", "hospice",
    "charity"})
"""A name followed by one of these is a place or a thing named after someone
(Florence Nightingale Hospital, Dr Foster Unit)."""

SAINTS = frozenset({"st", "saint", "st.", "lord", "lady", "king", "queen", "prince",
                    "princess"})
PLACE_BEFORE = frozenset({"in", "near", "around"})
"""A name after these is a place (lived in Lawrence Hill), unless it is possessive."""

WORD = r"[A-Z][a-z]+(?:['’-][A-Za-z]+)*"
PAIR = re.compile(rf"(?=\b({WORD})\s+((?:O['’]|Mc|Mac)?{WORD}|[A-Z]\.)(?![\w-]))")
CAPITALISED_PAIR = re.compile(rf"{WORD}\s+[A-Z]")
"""What every match of PAIR holds: a quick test (PAIR, a look-ahead, is tried at every
character; this is searched for from its first capital)."""
TITLED = re.compile(rf"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?\s+({WORD})(?![\w-])")
TITLES_AS_TYPED = ("Mr", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame")
"""What every match of TITLED holds ("Mrs" holds "Mr"): a text without one, most texts,
skips the expression, which is slow to try at every word."""


@lru_cache(maxsize=1)
def first_names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, first names that are also English words), from the bundled lists."""
    return _read("first-names.txt"), _read("word-names.txt")


def _read(name: str) -> frozenset[str]:
    text = files("briefpdf.check").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def find_names(value: str) -> list[Hit]:
    """Every full name in a text."""
    names, word_names = first_names()
    hits: list[Hit] = []
    pairs = PAIR.finditer(value) if CAPITALISED_PAIR.search(value) else ()
    for match in pairs:
        first, second = match.group(1), match.group(2)
        start = match.start(1)
        key = _base(first)
        if key in word_names:
            if _sentence_start(value, start) or _base(second) in word_names:
                continue
        elif key not in names:
            continue
        if second.endswith(".") or _base(second) in NOT_SURNAMES or _base(second) in TITLES:
            continue
        before = _word_before(value, start)
        if before in SAINTS or _word_after(value, match.end(2)) in ORGANISATION_AFTER or (
                before in PLACE_BEFORE and _base(second) == second.lower()):
            continue
        end = match.end(2) - (len(second) - len(second.removesuffix("'s").removesuffix("’s")))
        hits.append(Hit(start, end, "name", (
            f"“{value[start:end]}” looks like a person’s name (a first name and a surname); "
            "use a role or an initial, such as Mother or Mr A")))
    titled = TITLED.finditer(value) if any(title in value for title in TITLES_AS_TYPED) \
        else ()
    for match in titled:
        if _base(match.group(2)) in NOT_SURNAMES or _base(match.group(2)) in names or \
                _word_after(value, match.end()) in ORGANISATION_AFTER:
            continue  # "Dr Jane Smith" is found by its first name; "Dr Foster Unit" is a unit
        hits.append(Hit(match.start(), match.end(), "name", (
            f"“{match.group()}” names a person by title and surname; use an initial "
            "instead, such as Mr A")))
    return hits


def _base(word: str) -> str:
    """A word's lower-case form without a possessive ’s."""
    word = word.lower()
    for ending in ("'s", "’s"):
        word = word.removesuffix(ending)
    return word


def _sentence_start(value: str, start: int) -> bool:
    before = value[:start].rstrip(" \t\n\"“‘'(")
    return not before or before[-1] in ".!?:;•–—-\n"


def _word_before(value: str, start: int) -> str:
    words = value[:start].split()
    return words[-1].lower() if words else ""


def _word_after(value: str, end: int) -> str:
    words = value[end:].split()
    return _base(words[0].strip(",.;:()")) if words else ""
