"""The reply contract: what one bot turn says, as typed data, and its form on the wire.

Built in one place (the conversation in bot/conversation), sent by the action as Rasa messages,
drawn by the web chat, trimmed by the tracker store and read back by the evaluation. The wire
form is documented for the widget in docs/webchatt.md ("Svarskontraktet").

On the wire a reply is at most three Rasa messages, in this order:
1. {"text": what the bot says}
2. {"text": the contacts as plain lines, "custom": the payload below}   (only with contacts)
3. {"text": the next question, "buttons": [...]}                       (only with a question)
Plain-text channels show every number from the lines; the web chat draws cards from the payload.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from bot.catalogue import Phone, Resource

CONTRACT_VERSION = 2


@dataclass(frozen=True)
class Card:
    """One contact as the web chat draws it."""

    id: str
    kind: str
    name: str
    description: str
    phones: tuple[Phone, ...] = ()
    url: str | None = None
    email: str | None = None
    open_now: bool | None = None  # None: the catalogue does not know the hours
    opens: str | None = None  # Swedish words for the next opening, when closed now
    always_open: bool = False

    @classmethod
    def of(cls, resource: Resource, now: datetime) -> "Card":
        return cls(
            id=resource.id, kind=resource.kind, name=resource.name, description=resource.description,
            phones=resource.phones,
            url=resource.url, email=resource.email, open_now=resource.is_open(now), opens=resource.opens(now),
            always_open=bool(resource.schedule and resource.schedule.always_open),
        )

    def line(self) -> str:
        """The contact as one line of plain text, for channels that do not draw cards."""
        reach = " eller ".join(p.number for p in self.phones) or self.url or self.email or ""
        line = f"• {self.name}: {reach}" if reach else f"• {self.name}"
        if self.open_now is True and not self.always_open:
            line += " (öppet nu)"
        elif self.open_now is False:
            line += f" (stängt nu, öppnar {self.opens})" if self.opens else " (stängt nu)"
        return line

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Card":
        phones = tuple(Phone(**p) for p in data.get("phones") or ())
        return cls(**{**{k: v for k, v in data.items() if k in cls.__dataclass_fields__}, "phones": phones})


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """One bot turn."""

    route: str  # the rule in data/routing.yml, or the conversational move ("follow_up", "closing" …)
    text: str
    cards: tuple[Card, ...] = ()  # contacts shown in this turn, in order
    question: str = ""  # the next useful question, if any
    buttons: tuple[Button, ...] = ()
    urgent: bool = False  # imminent danger: the emergency contact is the first card
    situations: tuple[str, ...] = ()  # what the conversation is about, most urgent first
    all_cards: bool = False  # the cards are every contact shown so far ("show all contacts")
    extra: dict[str, Any] = field(default_factory=dict)

    def payload(self) -> dict[str, Any]:
        return {
            "version": CONTRACT_VERSION,
            "route": self.route,
            "urgent": self.urgent,
            "situations": list(self.situations),
            "all_contacts": self.all_cards,
            "text": "\n".join(card.line() for card in self.cards),
            "resources": [asdict(card) for card in self.cards],
        }

    def to_messages(self) -> list[dict[str, Any]]:
        """The Rasa messages for this reply (see the module docstring)."""
        messages: list[dict[str, Any]] = [{"text": self.text}]
        payload = self.payload()
        messages.append({"text": payload["text"] or None, "custom": payload})
        if self.question or self.buttons:
            messages.append({"text": self.question or None,
                             "buttons": [{"title": b.title, "payload": b.payload} for b in self.buttons]})
        return messages

    @classmethod
    def from_messages(cls, messages: list[dict[str, Any]]) -> "Reply | None":
        """Read a reply back from the bot's messages (REST output or dispatcher messages); None if no payload."""
        custom = next((m.get("custom") for m in messages if isinstance(m.get("custom"), dict)), None)
        if custom is None or "resources" not in custom:
            return None
        # Channels may send the contact lines as their own message just before the payload: not the bot's text.
        texts = [m["text"] for m in messages if m.get("text") and not m.get("custom") and not m.get("buttons")
                 and m["text"] != custom.get("text")]
        question = next((m for m in messages if m.get("buttons")), {})
        return cls(
            route=str(custom.get("route", "")),
            text="\n\n".join(texts),
            cards=tuple(Card.from_json(r) for r in custom["resources"]),
            question=question.get("text") or "",
            buttons=tuple(Button(b["title"], b["payload"]) for b in question.get("buttons") or ()),
            urgent=bool(custom.get("urgent")),
            situations=tuple(custom.get("situations") or ()),
            all_cards=bool(custom.get("all_contacts")),
        )

    @property
    def first_kind(self) -> str | None:
        return self.cards[0].kind if self.cards else None

    def full_text(self) -> str:
        """Everything the person reads, for comparing one turn with the next."""
        return "\n".join(part for part in (self.text, *(c.line() for c in self.cards), self.question) if part)
