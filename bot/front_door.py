"""The steps every message takes before and around Rasa, for any channel.

Validate the request, apply the per-conversation and per-client limits, clean and cap the text,
answer other languages, remove personal data, keep only a known area as metadata, wait for the
bot within a time limit, and give the static core numbers when it cannot answer. A channel only
turns HTTP (or another transport) into `FrontDoor.answer` and back.
"""
from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Iterable

from bot.intake import RATE_LIMITED_TEXT, RateLimiter, take
from bot.places import Gazetteer, default_gazetteer
from bot.privacy import Scrubber, default_scrubber

logger = logging.getLogger(__name__)
URGENT_RESPONSE = "utter_emergency"
CORE_NUMBERS_RESPONSE = "utter_core_numbers"
# A user waiting longer than this gets the static guide instead (action server slow or hung).
ANSWER_TIMEOUT_SECONDS = 10.0
GUIDE_UNAVAILABLE = "Just nu kan jag inte visa hela guiden."
TRY_AGAIN = "Försök gärna igen om en stund."
_SENDER = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class Handled:
    """What the bot said to one message, and whether the routing action failed on the way."""

    messages: list[dict[str, Any]]
    action_failed: bool = False


# (scrubbed text, sender, metadata) → the bot's messages; supplied by the channel.
Handler = Callable[[str, str, "dict[str, Any] | None"], Awaitable[Handled]]


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any  # a list of messages, or {"error": ...}


@dataclass
class FrontDoor:
    per_sender: RateLimiter
    per_client: RateLimiter
    scrubber: Scrubber = field(default_factory=default_scrubber)
    gazetteer: Gazetteer = field(default_factory=default_gazetteer)
    trusted_proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    timeout: float = ANSWER_TIMEOUT_SECONDS

    @classmethod
    def configured(cls, per_minute: int = 30, burst: int = 15, trusted_proxies: Iterable[str] = ()) -> "FrontDoor":
        per_sender = RateLimiter.from_environment(per_minute, burst)
        # Many people can share one address (a school, a library): a wider limit per address.
        per_client = RateLimiter(per_sender.per_minute * 10, burst * 10)
        return cls(per_sender, per_client, trusted_proxies=tuple(ipaddress.ip_network(p) for p in trusted_proxies))

    def client_address(self, peer: str, forwarded_for: str | None) -> str:
        """The user's address: the peer, or behind a trusted proxy the last address it did not add.

        X-Forwarded-For is only believed from the configured proxies; anyone else could write it."""
        address = peer
        hops = [h.strip() for h in (forwarded_for or "").split(",") if h.strip()]
        while hops and self._trusted(address):
            address = hops.pop()
        return address

    def _trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.trusted_proxies)

    async def answer(self, body: Any, client: str, handle: Handler, responses: Callable[[str], str]) -> Answer:
        """The whole way of one request. `responses(name)` gives a static text from the trained domain."""
        if not isinstance(body, dict):
            return Answer(400, {"error": "Skicka JSON: {\"sender\": \"...\", \"message\": \"...\"}"})
        sender, message = body.get("sender"), body.get("message")
        if not isinstance(sender, str) or not _SENDER.match(sender):
            return Answer(400, {"error": "sender ska vara 1–64 tecken: a–z, 0–9, - eller _."})
        if not isinstance(message, str):
            return Answer(400, {"error": "message ska vara text."})
        urgent = responses(URGENT_RESPONSE)
        if not (self.per_sender.allow(sender) and self.per_client.allow(client)):
            return Answer(429, _as_messages(sender, [RATE_LIMITED_TEXT, urgent]))
        intake = take(message, urgent)
        if intake.text is None:
            return Answer(200, _as_messages(sender, intake.instead))
        text = self.scrubber.scrub(intake.text)
        # The embedding municipality, e.g. "botkyrka": a place id, never personal data.
        area = body.get("area")
        metadata = {"area": area} if isinstance(area, str) and self.gazetteer.is_known_area(area) else None
        messages = _as_messages(sender, intake.before)
        try:
            handled = await asyncio.wait_for(handle(text, sender, metadata), timeout=self.timeout)
        except (asyncio.CancelledError, asyncio.TimeoutError):
            logger.error("No answer within %.0f s; sending the static guide.", self.timeout)
            handled = Handled([], action_failed=True)
        except Exception:  # noqa: BLE001 - the user still gets an answer below
            logger.error("A message could not be handled; sending the static guide.")
            handled = Handled([], action_failed=True)
        messages += handled.messages
        if handled.action_failed:
            messages += static_guide(sender, responses(CORE_NUMBERS_RESPONSE))
        return Answer(200, messages)


def static_guide(sender: str, core_numbers: str) -> list[dict[str, Any]]:
    """The national numbers from the domain: they need no action server and no catalogue."""
    parts = core_numbers.split("\n\n")[:-1]  # not "describe more"
    return _as_messages(sender, [GUIDE_UNAVAILABLE, *parts, TRY_AGAIN])


def _as_messages(sender: str, texts: Iterable[str]) -> list[dict[str, Any]]:
    return [{"recipient_id": sender, "text": text} for text in texts if text]
