"""The case a conversation builds, turn by turn. Rasa only carries it, as the `case` slot."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from bot import situations

# Concerns in which danger can hide without being said (violence at home, threats, suicidal thoughts): while one
# is in the case, a maybe-danger stays danger.
DANGER_CAN_HIDE = frozenset({"violence_close_relationship", "threat_extortion", "suicide_selfharm"})

UNDER_18 = "under_18"
ADULT = "adult"
AGE_GROUPS = (UNDER_18, ADULT)


@dataclass(frozen=True)
class Case:
    """What the person has told so far, and what the bot has already shown and asked."""

    situations: tuple[str, ...] = ()  # the concerns raised, most urgent first
    role: str | None = None  # who is writing: relative, young, staff, victim
    age_group: str | None = None  # the person concerned: under_18 or adult (the writer, when young)
    area: str | None = None  # an area id: "botkyrka", "stockholm:jarva"
    man: bool = False  # the writer said he is a man or a boy: routes with `writer: man`
    uses_violence: bool = False  # the writer uses violence at home ("jag har slagit min fru"): `writer: uses_violence`
    about_self: bool = False  # the first concern was the writer's own ("jag blev rånad"): "how old are you?"
    children: bool = False  # children live where there is violence ("det finns små barn där också")
    reported: bool = False  # the writer has reported it to the police already ("vi har anmält"): `writer: reported`
    danger: bool = False  # imminent danger came up in this conversation
    # The last reply was the emergency answer: "ja", "jag e 15" or "Bredäng" right after it is about the danger.
    urgent: bool = False
    set_aside: tuple[str, ...] = ()  # kinds of contact not to give first: turned down, or the writer's own service
    # The likeliest concern not yet taken as one: the bot's guess when it was unsure, or what a message answered
    # with the emergency number was also about. A calm turn after it (an age, a place) goes on about it.
    tentative: str | None = None
    # A question the bot answered while no concern was known ("vad är tecknen på radikalisering?"), whose answer
    # asked where: "Botkyrka" then gives that answer's local contacts, not "Vad gäller det?".
    answered: str | None = None
    shown: tuple[str, ...] = ()  # every contact shown, in the order first shown
    last_shown: tuple[str, ...] = ()  # the contacts of the latest answer that had any: what "they" refers to
    last_about: tuple[str, ...] = ()  # the contacts the last reply answered a question about, cards shown or not
    asked: tuple[str, ...] = ()  # the questions the bot has asked, so it does not ask them twice
    pending: str | None = None  # the question the last reply asked, so a bare "ja" means something
    last_reply: str = ""  # a digest of the last reply, so the same text is never sent twice in a row

    @property
    def young(self) -> bool:
        """The person concerned is under 18, or the writer is a young person."""
        return self.age_group == UNDER_18 or (self.role == "young" and self.age_group != ADULT)

    @property
    def said(self) -> frozenset[str]:
        """What the writer has said of themselves that routes look at (`when: writer:` in data/routing.yml)."""
        flags = {"man": self.man, "uses_violence": self.uses_violence, "reported": self.reported}
        return frozenset(name for name, value in flags.items() if value)

    @property
    def minor(self) -> bool | None:
        """For routing: True under 18 (as `young`), False when known to be 18 or over, None when not known."""
        if self.young:
            return True
        return False if self.age_group == ADULT else None

    @property
    def helped_without_danger(self) -> bool:
        """The person has had help, and nothing in the conversation was or may be danger: no danger turn, no open
        question whether someone is in danger, no concern where danger can hide. A maybe-danger is then read as
        the conversation going on (bot.conversation.understanding.weigh_maybe_danger; the `helped` slot)."""
        return (bool(self.shown) and not self.danger and (self.pending or "").partition(":")[0] != "danger"
                and not DANGER_CAN_HIDE & set(self.situations))

    @property
    def concerns(self) -> tuple[str, ...]:
        return tuple(s for s in self.situations if situations.is_concern(s))

    def with_situations(self, new: list[str]) -> "Case":
        return replace(self, situations=tuple(situations.by_urgency([*self.situations, *new])))

    def with_shown(self, ids: list[str]) -> "Case":
        shown = tuple(dict.fromkeys([*self.shown, *ids]))
        return replace(self, shown=shown, last_shown=tuple(ids) if ids else self.last_shown)

    def asking(self, question: str | None) -> "Case":
        """`question` is a key, perhaps with the contact it is about ("what_happens:bris")."""
        key = question.partition(":")[0] if question else None
        asked = self.asked if key is None or key in self.asked else (*self.asked, key)
        return replace(self, pending=question, asked=asked)

    def to_slot(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_slot(cls, value: Any) -> "Case":
        """Rebuild from the slot; anything unexpected is dropped rather than trusted."""
        if not isinstance(value, dict):
            return cls()
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, raw in value.items():
            if name not in known:
                continue
            if isinstance(raw, list):
                values[name] = tuple(str(item) for item in raw)
            elif raw is None or isinstance(raw, (str, bool)):
                values[name] = raw
        values["situations"] = tuple(s for s in values.get("situations", ()) if situations.is_situation(s))
        if values.get("tentative") is not None and not situations.is_situation(values["tentative"]):
            values["tentative"] = None
        if values.get("age_group") not in AGE_GROUPS:
            values["age_group"] = None
        if not isinstance(values.get("danger", False), bool):
            values["danger"] = False
        return cls(**values)


def digest(text: str) -> str:
    return hashlib.blake2b(" ".join(text.split()).encode(), digest_size=8).hexdigest()

