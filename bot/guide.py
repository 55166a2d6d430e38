"""The guide: from one user message and the conversation so far to the reply and the new case.

The editors' data comes from bot.editors_data (one owner, hot reload); the conversation logic is
in bot.conversation. The guide only wires them together, so the action server, `bot shell`, the
evaluation and the tests all answer the same way.
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from bot.conversation.case import Case
from bot.conversation.turn import Turn, take_turn
from bot.conversation.understanding import Message, understand, weigh_danger_over, weigh_maybe_danger, weigh_no_to_danger
from bot.editors_data import EditorsData, Snapshot, shared
from bot.schedule import STOCKHOLM


class Guide:
    """Answers messages from the current valid editors' data."""

    def __init__(self, data: EditorsData | None = None, lemmatize: Callable[[str], list[str]] | None = None):
        self.data = data or shared()
        self.lemmatize = lemmatize
        self.data.current()  # fail loudly at start when the editors' data is broken

    def snapshot(self) -> Snapshot:
        return self.data.current()

    def respond(self, message: Message, case: Case | None = None, now: datetime | None = None,
                default_area: str | None = None) -> Turn:
        """The reply to one message. `default_area` is the municipality whose website embeds the chat."""
        snapshot = self.data.current()
        case = case or Case()
        message = weigh_maybe_danger(message, helped=case.helped_without_danger)
        message = weigh_no_to_danger(message, asked=(case.pending or "").partition(":")[0] == "danger",
                                     after_emergency=case.urgent, rules=snapshot.danger)
        message = weigh_danger_over(message, after_emergency=case.urgent, rules=snapshot.danger)
        facts = understand(message, snapshot, self.data.gazetteer, self.lemmatize)
        return take_turn(snapshot, self.data.gazetteer, facts, case, now or datetime.now(STOCKHOLM),
                         default_area if default_area and self.data.gazetteer.is_known_area(default_area) else None)

    def first_reply(self, text: str, intent: str, now: datetime | None = None) -> Turn:
        """The reply to a conversation's first message (the evaluation's view of one message)."""
        return self.respond(Message(text=text, intent=intent), Case(), now)
