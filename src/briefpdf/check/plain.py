"""Plain English: reading age of each section, long sentences, acronyms not spelt out.

The reading age is the Flesch–Kincaid grade level plus 5 (a US school grade is a year
of schooling; English children start school five years earlier in life than grade 0
would say), from words per sentence and syllables per word. Syllables are counted with
Pyphen's bundled en_GB hyphenation dictionary, as textstat does when it has no
pronouncing dictionary (textstat itself downloads one at run time, so it is not used;
see pyproject.toml).
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefpdf.check.finding import Hit
from briefpdf.check.texts import Text, sentences
from briefpdf.model.inline import plain_text

MAX_SENTENCE_WORDS = 25
"""GOV.UK: "Aim for around 25 words or less per sentence"."""
READING_AGE_LIMIT = 15
"""A section read above this age is a finding (docs/check.md says why 15)."""
MIN_WORDS_FOR_AGE = 30
"""Fewer words than this give no reliable reading age: the section gets none."""

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
ACRONYM = re.compile(r"(?<![\w./@&-])([A-Z]{2,6}|[A-Z]{1,3}\d{1,3})(?:s|'s|’s)?(?![\w@&-]|\.\w)")
MAY_BE_ACRONYM = re.compile(r"[A-Z][A-Z\d]")
"""What every ACRONYM holds: a quick test (a character class first is searched for fast;
ACRONYM's look-behind first is tried at every character)."""
ADDRESSES = re.compile(r"\S*(?:https?://|www\.|@)\S*")
ROMAN = re.compile(r"[IVXLC]+|[ABM]\d{1,4}")
"""Roman numerals and road numbers (the A38, the M5): capitals that are not acronyms."""
WELL_KNOWN = frozenset({"UK", "NHS", "GP", "BBC", "TV", "OK", "EU", "ID", "AM", "PM", "PDF",
                        "QR", "USA", "US"})
"""Abbreviations GOV.UK's style guide treats as known to everyone."""
SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "an", "&", "at",
                         "with", "by"})


def words(value: str) -> list[str]:
    return WORD.findall(value)


def long_sentences(text: Text) -> list[Hit]:
    """Sentences of more than 25 words."""
    hits: list[Hit] = []
    for offset, sentence in sentences(text.value):
        if len(WORD.findall(sentence)) <= MAX_SENTENCE_WORDS:
            continue  # markup taken out never adds a word (tests/check/test_prescreens.py)
        count = len(words(plain_text(sentence)))
        if count > MAX_SENTENCE_WORDS:
            opening = " ".join(sentence.split()[:6])
            hits.append(Hit(offset, offset + len(opening), "long-sentence", (
                f"this sentence has {count} words (“{opening} …”); GOV.UK asks for 25 or "
                "fewer: split it in two")))
    return hits


def reading_age(values: list[str]) -> tuple[float, int] | None:
    """(Flesch–Kincaid grade, word count) of some texts, or None when too short."""
    sentence_count = word_count = syllables = 0
    for value in values:
        for _, sentence in sentences(plain_text(value)):
            found = words(sentence)
            if not found:
                continue
            sentence_count += 1
            word_count += len(found)
            syllables += sum(_syllables(word) for word in found)
    if word_count < MIN_WORDS_FOR_AGE:
        return None
    grade = 0.39 * word_count / sentence_count + 11.8 * syllables / word_count - 15.59
    return grade, word_count


@lru_cache(maxsize=8192)
def _syllables(word: str) -> int:
    if not word.isalpha():
        return 1
    return len(_hyphenator().positions(word.lower())) + 1


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_GB")


def acronyms(texts: list[Text]) -> list[tuple[Text, Hit]]:
    """Each acronym at its first use, when it is not spelt out there or before."""
    seen: set[str] = set()
    hits: list[tuple[Text, Hit]] = []
    read = [t for t in texts if t.role != "keyword"]
    initials: list[str] = []  # of each text read, when first needed
    for index, text in enumerate(read):
        if not MAY_BE_ACRONYM.search(text.value) or not ACRONYM.search(text.value):
            continue
        scrubbed = ADDRESSES.sub(lambda m: " " * len(m.group()), text.value)
        for match in ACRONYM.finditer(scrubbed):
            name = match.group(1)
            if name in seen or name in WELL_KNOWN or ROMAN.fullmatch(name) or \
                    _in_capitals(scrubbed, match.start()):
                continue
            seen.add(name)
            letters, _, numbered = _spelling(name)
            if numbered is None:  # spelt out only where its letters are initials in a row
                initials = initials or [_initials(t.value)[1] for t in read]
                spelt = next((i for i, found in enumerate(initials) if letters in found
                              and _spelt_out(name, read[i].value)), None)
            else:
                spelt = next((i for i, t in enumerate(read) if _spelt_out(name, t.value)),
                             None)
            if spelt is not None and spelt <= index:
                continue
            later = spelt is not None
            hits.append((text, Hit(match.start(1), match.end(1), "acronym", (
                f"{name} is used before it is spelt out; write it in full the first time, "
                f"with {name} in brackets after it" if later else
                f"{name} is never spelt out; write it in full the first time, with {name} "
                "in brackets after it"))))
    return hits


def _in_capitals(value: str, at: int) -> bool:
    """Whether the word at ``at`` is inside a run of several words in capitals."""
    around = value[max(0, at - 40): at + 40].split()
    return sum(1 for w in around if w.isupper() and len(w) > 1) >= 4


def _spelt_out(name: str, value: str) -> bool:
    """Whether ``value`` spells ``name`` out: words whose initials are its letters, in a
    row (small words such as "of" between them are skipped), or "Section 47" for S47."""
    letters, digits, numbered = _spelling(name)
    if numbered is not None:
        return digits in value and bool(numbered.search(value))
    big, initials = _initials(value)
    start = initials.find(letters)
    while start >= 0:
        run = big[start:start + len(letters)]
        if any(w[0].isupper() for w in run) and any(len(w) > 1 for w in run):
            return True
        start = initials.find(letters, start + 1)
    return False


@lru_cache(maxsize=256)
def _spelling(name: str) -> tuple[str, str, re.Pattern | None]:
    """An acronym's letters and digits, and for one with digits (S47) the pattern of it
    spelt out ("Section 47"): worked out once, not again for every text searched."""
    letters = "".join(c for c in name.lower() if c.isalpha())
    digits = "".join(c for c in name if c.isdigit())
    numbered = re.compile(rf"\b{letters}\w*\s+{digits}\b", re.IGNORECASE) if digits else None
    return letters, digits, numbered


@lru_cache(maxsize=1024)
def _initials(value: str) -> tuple[list[str], str]:
    """The words of a text that are not small words, and their initials in lower case."""
    big = [w for w in re.split(r"[\s\-/–—(),.:;“”\"‘’']+", value)
           if w and w.lower() not in SMALL_WORDS]
    return big, "".join(w[0].lower() for w in big)
