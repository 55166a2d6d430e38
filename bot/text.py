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
