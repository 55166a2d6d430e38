"""Is a message Swedish? If not, which language, so the bot can give the emergency number in that language."""
from __future__ import annotations

import re
import unicodedata

from bot.text import words

_ENGLISH = frozenset(
    "the and is are my his her our your you i we they it this that what where who how can do does please help "
    "someone somebody going will would should have has with from about need scared worried friend brother sister "
    "police gun knife danger call number there here now".split()
)
_SWEDISH = frozenset(
    "och är jag min mitt mina han hon det att som en ett på för med inte vad var hur kan ska vill har till om "
    "av de dom vi ni mig dig sig nu här där bara också eller när så men efter från hjälp orolig polisen".split()
)
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_OTHER_SCRIPTS = re.compile(r"[\u0400-\u04FF\u0590-\u05FF\u0E00-\u0E7F\u1200-\u137F\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]")


def detect(text: str) -> str:
    """'sv' (or unknown, treated as Swedish), 'en', 'ar' or 'other'."""
    letters = [c for c in text if unicodedata.category(c).startswith("L")]
    if not letters:
        return "sv"
    if len(_ARABIC.findall(text)) > len(letters) / 3:
        return "ar"
    if len(_OTHER_SCRIPTS.findall(text)) > len(letters) / 3:
        return "other"
    tokens = [w.lower() for w in words(text)]
    english = sum(t in _ENGLISH for t in tokens)
    swedish = sum(t in _SWEDISH for t in tokens)
    # Short greetings ("hello", "hi") are left to the Swedish bot; only clear English sentences switch.
    if len(tokens) >= 3 and english >= 2 and english > 2 * swedish:
        return "en"
    return "sv"
