"""The REST channel the web chat uses: HTTP in and out; every step in between is bot.front_door."""
from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.front_door import FrontDoor, Handled
from bot.rasa_adapters import speedups

logger = logging.getLogger(__name__)
speedups.install()  # this module is loaded when the Rasa server starts
ROUTING_ACTION = "action_route"


class ScrubbingRestInput(InputChannel):
    """POST /webhooks/rest/webhook {"sender": "...", "message": "..."}: like Rasa's REST channel, scrubbed.

    The text is scrubbed before Rasa's tracker, logs, NLU or the action server get it. Metadata from
    the client is dropped (it could carry personal data); only a known area id is kept.
    """

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def __init__(self, rate_limit_per_minute: int = 30, rate_limit_burst: int = 15,
                 trusted_proxies: tuple[str, ...] = ()) -> None:
        self.front_door = FrontDoor.configured(rate_limit_per_minute, rate_limit_burst, trusted_proxies)

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "ScrubbingRestInput":
        credentials = credentials or {}
        return cls(int(credentials.get("rate_limit_per_minute", 30)), int(credentials.get("rate_limit_burst", 15)),
                   tuple(credentials.get("trusted_proxies") or ()))

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
            agent = getattr(request.app.ctx, "agent", None)

            async def handle(text: str, sender: str, metadata: Optional[Dict[str, Any]]) -> Handled:
                collector = CollectingOutputChannel()
                try:
                    await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(),
                                                     metadata=metadata))
                except Exception:  # noqa: BLE001 - said so in the answer: the static guide follows
                    logger.error("A message could not be handled; sending the static guide.")
                    return Handled(collector.messages, action_failed=agent is not None)
                # The routing action always sends a custom payload; only without one is the tracker checked.
                answered = any("custom" in m for m in collector.messages)
                failed = agent is not None and not answered and await _routing_action_failed(agent, sender)
                return Handled(collector.messages, action_failed=failed)

            client = self.front_door.client_address(request.remote_addr or request.ip or "",
                                                    request.headers.get("x-forwarded-for"))
            answer = await self.front_door.answer(body, client, handle, lambda name: _response_text(agent, name))
            return response.json(answer.body, status=answer.status)

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


def _response_text(agent: Any, name: str) -> str:
    """The first text of a static response in the trained domain."""
    variants = agent.domain.responses.get(name) if agent is not None else None
    return variants[0]["text"] if variants else ""
