"""Every button the bot shows, and typed button titles read as the button itself.

Someone who types "Oro för gängkriminalitet" (or "oro for gangkriminalitet") instead of tapping the
button means the same thing, so the NLU treats the typed title as the button's payload.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from bot import situations
from bot.conversation import phrases
from bot.text import fold, words

_PAYLOAD = re.compile(r"^/(?P<intent>[a-z_]+)(?P<entities>\{.*\})?$")


def all_buttons() -> list[tuple[str, str]]:
    """(title, payload) of every button: the menu, the clarifying question's situations, the questions."""
    buttons = [(s.menu, situations.payload(s.id)) for s in situations.MENU if s.menu]
    buttons += [(s.title, situations.payload(s.id)) for s in situations.SITUATIONS]
    for group in (phrases.AREA_BUTTONS, phrases.AGE_BUTTONS, phrases.YES_NO, (phrases.SHOW_ALL_BUTTON,)):
        buttons += [(b.title, b.payload) for b in group]
    return buttons


def _key(text: str) -> str:
    return " ".join(fold(w) for w in words(text))


@lru_cache(maxsize=1)
def _by_title() -> dict[str, tuple[str, dict[str, str]]]:
    table: dict[str, tuple[str, dict[str, str]]] = {}
    for title, payload in all_buttons():
        parsed = parse_payload(payload)
        if parsed and _key(title) not in table:
            table[_key(title)] = parsed
    return table


def parse_payload(payload: str) -> tuple[str, dict[str, str]] | None:
    """'/inform_area{"area":"botkyrka"}' → ('inform_area', {'area': 'botkyrka'})."""
    match = _PAYLOAD.match(payload.strip())
    if not match:
        return None
    entities = json.loads(match.group("entities")) if match.group("entities") else {}
    return match.group("intent"), {str(k): str(v) for k, v in entities.items()}


def typed_button(text: str) -> tuple[str, dict[str, str]] | None:
    """The intent and entities of the button whose title the text is, folded; None otherwise.

    Yes and no are left to the classifier and the conversation: "ja" is not only a button."""
    found = _by_title().get(_key(text))
    if found and found[0] in ("affirm", "deny"):
        return None
    return found
