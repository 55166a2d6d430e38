"""The REST channel the web chat uses, with personal data removed before Rasa sees the message."""
from __future__ import annotations

import asyncio
import json
import logging
import re
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage

from bot.intake import RATE_LIMITED_TEXT, RateLimiter, take
from bot.rasa_adapters import speedups
from bot.places import default_gazetteer
from bot.privacy import default_scrubber

logger = logging.getLogger(__name__)
speedups.install()  # this module is loaded when the Rasa server starts
URGENT_RESPONSE = "utter_emergency"
# A user waiting longer than this gets the static guide instead (action server slow or hung).
ANSWER_TIMEOUT_SECONDS = 10.0
ROUTING_ACTION = "action_route"
CORE_NUMBERS_RESPONSE = "utter_core_numbers"
GUIDE_UNAVAILABLE = "Just nu kan jag inte visa hela guiden."
_SENDER = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class ScrubbingRestInput(InputChannel):
    """POST /webhooks/rest/webhook {"sender": "...", "message": "..."}: like Rasa's REST channel, scrubbed.

    The text is scrubbed here, before Rasa's tracker, logs, NLU or the action server get it.
    Metadata from the client is dropped (it could carry personal data); only a known area id is kept.
    """

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def __init__(self, rate_limit_per_minute: int = 30, rate_limit_burst: int = 15) -> None:
        self.scrubber = default_scrubber()
        self.gazetteer = default_gazetteer()
        self.per_sender = RateLimiter.from_environment(rate_limit_per_minute, rate_limit_burst)
        # Many people can share one address (a school, a library): a wider limit per address.
        self.per_client = RateLimiter(self.per_sender.per_minute * 10, rate_limit_burst * 10)

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "ScrubbingRestInput":
        credentials = credentials or {}
        return cls(int(credentials.get("rate_limit_per_minute", 30)), int(credentials.get("rate_limit_burst", 15)))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = json.loads(request.body or b"null")
            except (ValueError, UnicodeDecodeError):
                body = None
            if not isinstance(body, dict):
                return response.json({"error": "Skicka JSON: {\"sender\": \"...\", \"message\": \"...\"}"}, status=400)
            sender, message = body.get("sender"), body.get("message")
            if not isinstance(sender, str) or not _SENDER.match(sender):
                return response.json({"error": "sender ska vara 1–64 tecken: a–z, 0–9, - eller _."}, status=400)
            if not isinstance(message, str):
                return response.json({"error": "message ska vara text."}, status=400)
            agent = getattr(request.app.ctx, "agent", None)
            urgent = _response_text(agent, URGENT_RESPONSE)
            if not (self.per_sender.allow(sender) and self.per_client.allow(request.ip or "")):
                return response.json(_as_messages(sender, [RATE_LIMITED_TEXT, urgent]), status=429)
            intake = take(message, urgent)
            if intake.text is None:
                return response.json(_as_messages(sender, intake.instead))
            text = self.scrubber.scrub(intake.text)
            # The embedding municipality, e.g. "botkyrka": a place id, never personal data.
            area = body.get("area")
            metadata = {"area": area} if isinstance(area, str) and self.gazetteer.is_known_area(area) else None
            collector = CollectingOutputChannel()
            collector.messages.extend(_as_messages(sender, intake.before))
            handled = False
            try:
                await asyncio.wait_for(
                    on_new_message(UserMessage(text, collector, sender, input_channel=self.name(), metadata=metadata)),
                    timeout=ANSWER_TIMEOUT_SECONDS,
                )
                handled = True
            except (CancelledError, asyncio.TimeoutError):
                logger.error("No answer within %.0f s; sending the static guide.", ANSWER_TIMEOUT_SECONDS)
            except Exception:  # noqa: BLE001 - the user still gets an answer below
                logger.error("A message could not be handled; sending the static guide.")
            # The routing action always sends a custom payload; only without one is the tracker checked.
            answered_by_action = any("custom" in m for m in collector.messages)
            if agent is not None and (not handled or (not answered_by_action and await _routing_action_failed(agent, sender))):
                collector.messages.extend(await _static_guide(agent, sender))
            return response.json(collector.messages)

        return webhook

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        return None


async def _routing_action_failed(agent: Any, sender: str) -> bool:
    """True when the routing action ran this turn but said nothing: the action server failed."""
    tracker = await agent.tracker_store.retrieve(sender)
    if tracker is None:
        return False
    ran_routing = False
    for event in reversed(tracker.events):
        if event.type_name == "user":
            break
        if event.type_name == "bot":
            return False
        if event.type_name == "action" and getattr(event, "action_name", None) == ROUTING_ACTION:
            ran_routing = True
    return ran_routing


async def _static_guide(agent: Any, sender: str) -> list[Dict[str, Any]]:
    """The national numbers from domain.yml: they need no action server and no catalogue."""
    parts = _response_text(agent, CORE_NUMBERS_RESPONSE).split("\n\n")[:-1]  # not "describe more"
    return _as_messages(sender, [GUIDE_UNAVAILABLE, *parts, "Försök gärna igen om en stund."])


def _response_text(agent: Any, name: str) -> str:
    """The first text of a static response in the trained domain."""
    variants = agent.domain.responses.get(name) if agent is not None else None
    return variants[0]["text"] if variants else ""


def _as_messages(sender: str, texts: Any) -> list[Dict[str, Any]]:
    return [{"recipient_id": sender, "text": text} for text in texts if text]
