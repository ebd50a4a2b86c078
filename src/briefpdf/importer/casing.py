"""Headings typed in CAPITALS → sentence case (docs/format.md asks for it), keeping
acronyms (CPIR, BSCB) and names (Bristol) that the document's own text spells in capitals.

The words to keep are learnt from the body text, so a partnership's own abbreviations
are kept without a list; a few common ones are known anyway for short documents.
"""

from __future__ import annotations

import re

KNOWN_ACRONYMS = frozenset(
    "CPIR CSPR SCR SAR DHR LSCB BSCB LSAB SAB MASH MARAC MAPPA CAMHS NHS GP A&E ICO CP "
    "UK DBS LADO CSE CCE FGM DA DV ASC SEN SEND PCSO CID OFSTED CQC ADHD ASD LA".split())
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())
_WORD = re.compile(r"[^\W_][\w'’&-]*")


def learn_words(texts: list[str]) -> tuple[set[str], set[str]]:
    """Acronyms (words in capitals) and names (words only ever capitalised, never at a
    sentence start) found in the body text."""
    acronyms: set[str] = set(KNOWN_ACRONYMS)
    capitalised: set[str] = set()
    lowered: set[str] = set()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?:])\s+", text):
            for index, match in enumerate(_WORD.finditer(sentence)):
                word = _core(match.group())
                if len(word) >= 2 and word.isupper():
                    acronyms.add(word)
                elif word[:1].isupper() and index > 0:
                    capitalised.add(word)
                elif word[:1].islower():
                    lowered.add(word.lower())
    names = {w for w in capitalised if w.lower() not in lowered}
    return acronyms, names


def _core(word: str) -> str:
    """``CPIR's`` → ``CPIR``."""
    return re.sub(r"['’]s$", "", word)


def sentence_case(text: str, acronyms: set[str], names: set[str]) -> str:
    """``WHAT IS A CPIR?`` → ``What is a CPIR?``; text not in capitals is left alone."""
    return _recase(text, acronyms, names, title=False)


def title_case(text: str, acronyms: set[str], names: set[str]) -> str:
    """``CHILD PROTECTION INCIDENT REVIEW BRIEFING`` → ``Child Protection Incident Review
    Briefing`` (a title keeps the capitals of its main words)."""
    return _recase(text, acronyms, names, title=True)


def _recase(text: str, acronyms: set[str], names: set[str], *, title: bool) -> str:
    from briefpdf.importer.blocks import is_all_caps

    if not is_all_caps(text):
        return text
    by_lower = {name.lower(): name for name in names}
    out: list[str] = []
    first = True
    position = 0
    for match in _WORD.finditer(text):
        out.append(text[position:match.start()])
        word = match.group()
        core = _core(word)
        rest = word[len(core):].lower()
        if core in acronyms or core == "I" or (len(core) == 1 and core != "A" and not first):
            new = core
        elif core.lower() in by_lower:
            new = by_lower[core.lower()]
        elif first or (title and core.lower() not in SMALL_WORDS):
            new = "-".join(part[:1].upper() + part[1:].lower() for part in core.split("-"))
        else:
            new = core.lower()
        out.append(new + rest)
        first = bool(re.search(r"[.!?:]\s*$", text[match.end():match.end() + 2])) and title
        position = match.end()
    out.append(text[position:])
    return "".join(out)
