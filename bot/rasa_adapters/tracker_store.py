"""A memory-only tracker store whose conversations disappear after a short idle time."""
from __future__ import annotations

import time
from typing import Any, Dict, Iterable, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

DEFAULT_EXPIRY_SECONDS = 1800


class ExpiringInMemoryTrackerStore(InMemoryTrackerStore):
    """InMemoryTrackerStore that forgets a conversation `expiry_seconds` after its last message."""

    def __init__(self, domain: Domain, event_broker: Optional[EventBroker] = None,
                 expiry_seconds: int = DEFAULT_EXPIRY_SECONDS, **kwargs: Dict[Text, Any]) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.expiry_seconds = float(expiry_seconds)
        self._last_seen: Dict[Text, float] = {}
        self.clock = time.monotonic

    def _forget_expired(self) -> None:
        cutoff = self.clock() - self.expiry_seconds
        for sender_id in [s for s, seen in self._last_seen.items() if seen < cutoff]:
            self.store.pop(sender_id, None)
            self._last_seen.pop(sender_id, None)

    async def save(self, tracker: DialogueStateTracker) -> None:
        self._forget_expired()
        await super().save(tracker)
        self._last_seen[tracker.sender_id] = self.clock()

    async def _retrieve(self, sender_id: Text, fetch_all_sessions: bool) -> Optional[DialogueStateTracker]:
        self._forget_expired()
        return await super()._retrieve(sender_id, fetch_all_sessions)

    async def keys(self) -> Iterable[Text]:
        self._forget_expired()
        return list(self.store.keys())
