"""Small text helpers shared by places, danger patterns and privacy."""
from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o"})
_WORD = re.compile(r"[\wåäöÅÄÖéü]+(?:[-:][\wåäöÅÄÖéü]+)*", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case and fold å/ä/ö so 'Skärholmen', 'skarholmen' and 'SKÄRHOLMEN' compare equal."""
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD)


def words(text: str) -> list[str]:
    """The words of a text, in order, as written."""
    return _WORD.findall(unicodedata.normalize("NFC", text))


_CLAUSE_MARK = re.compile(r"[,.;:!?()\n]")
_CLAUSE_WORDS = {"men", "sen", "sedan"}


def clause_numbers(text: str) -> list[int]:
    """For each word of `words(text)`, the number of its clause: punctuation and "men", "sen" start a new one."""
    text = unicodedata.normalize("NFC", text)
    numbers, clause, end = [], 0, 0
    for match in _WORD.finditer(text):
        if _CLAUSE_MARK.search(text, end, match.start()) or fold(match.group()) in _CLAUSE_WORDS:
            clause += 1
        numbers.append(clause)
        end = match.end()
    return numbers
