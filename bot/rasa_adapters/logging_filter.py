"""A logging filter that keeps user text out of every log line.

Rasa's debug lines quote messages, intents with their text, slot values and bot replies. The text is
already scrubbed of personal data at the channel, but nothing a user writes belongs in a log.
"""
from __future__ import annotations

import logging

# Loggers whose debug output quotes the conversation.
QUOTING_LOGGERS = (
    "rasa.core.processor", "rasa.core.actions", "rasa.core.policies", "rasa.core.channels",
    "rasa.core.tracker_store", "rasa.core.lock_store", "rasa.core.nlg", "rasa.core.agent",
    "rasa.nlu", "rasa.shared", "rasa.engine", "rasa.core.http_interpreter", "rasa.utils.endpoints",
    "rasa_sdk", "sanic.access",
)


class UserTextFilter(logging.Filter):
    """Drop records below WARNING from loggers that quote the conversation."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        return not record.name.startswith(QUOTING_LOGGERS)


def install(logger: logging.Logger | None = None) -> None:
    """Attach the filter to every handler of the root logger (for processes without a logging file)."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        handler.addFilter(UserTextFilter())
