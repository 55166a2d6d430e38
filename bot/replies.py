"""Turn a routing decision into chat messages: Swedish text, the contact payload, and buttons."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.catalogue import Resource
from bot.routing import Decision

AREA_BUTTONS = (
    ("Stockholm", '/inform_area{"area":"stockholm"}'),
    ("Botkyrka", '/inform_area{"area":"botkyrka"}'),
    ("Annan kommun", '/inform_area{"area":"other"}'),
)
SITUATION_BUTTONS = (
    ("Akut fara just nu", "/acute_danger"),
    ("Oro för radikalisering", "/worried_extremism"),
    ("Oro för gängkriminalitet", "/worried_gang"),
    ("Någon vill lämna", "/leave_gang"),
    ("Jag jobbar med unga", "/staff_concern"),
    ("Drabbad av våld", "/affected_by_violence"),
)
ASK_AREA_TEXT = "Vilken kommun gäller det? Då kan jag ge dig kontakter där du bor."


@dataclass
class Reply:
    """Messages in the order they are sent, and the slots to remember."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)


def resource_payload(resource: Resource, now: datetime) -> dict[str, Any]:
    """One contact as the reply contract gives it to the web chat."""
    return {
        "id": resource.id,
        "kind": resource.kind,
        "name": resource.name,
        "description": resource.description,
        "phones": [
            {"number": p.number, "label": p.label, "tel": p.tel, "hours": p.hours} for p in resource.phones
        ],
        "url": resource.url,
        "email": resource.email,
        "open_now": resource.is_open(now),
        "opens": resource.opens(now),
        "always_open": bool(resource.schedule and resource.schedule.always_open),
    }


def contact_line(resource: Resource, now: datetime) -> str:
    """A contact as one line of plain text, for channels that do not draw cards."""
    reach = " eller ".join(p.number for p in resource.phones) or resource.url or resource.email or ""
    line = f"• {resource.name}: {reach}" if reach else f"• {resource.name}"
    if resource.schedule and not resource.schedule.always_open:
        opens = resource.opens(now)
        if resource.is_open(now):
            line += " (öppet nu)"
        else:
            line += f" (stängt nu, öppnar {opens})" if opens else " (stängt nu)"
    return line


def render_decision(decision: Decision, now: datetime) -> list[dict[str, Any]]:
    """The route's text; then the contacts as text lines with the custom payload; then any question.

    The contact lines and the payload travel in one message, so the web chat can draw cards in
    place of the lines while plain-text channels still show every number.
    """
    intro = "\n\n".join([decision.route.text, *decision.notes])
    lines = "\n".join(contact_line(r, now) for r in decision.contacts)
    payload = {
        "route": decision.route.id,
        "text": lines,
        "resources": [resource_payload(r, now) for r in decision.contacts],
    }
    messages: list[dict[str, Any]] = [{"text": intro}, {"text": lines or None, "custom": payload}]
    if decision.ask_area:
        messages.append({"text": ASK_AREA_TEXT, "buttons": button_list(AREA_BUTTONS)})
    return messages


def button_list(buttons: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    return [{"title": title, "payload": payload} for title, payload in buttons]
