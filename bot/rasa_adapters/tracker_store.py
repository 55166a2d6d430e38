"""A memory-only tracker store whose conversations disappear after a short idle time."""
from __future__ import annotations

import pickle  # noqa: S403 - only bytes this process wrote itself, never input from outside
import time
import zlib
from typing import Any, Dict, Iterable, Optional, Text

import rasa.shared.core.trackers
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker

DEFAULT_EXPIRY_SECONDS = 1800
# Parts of a bot message the dialogue never reads again; dropping them keeps a stored conversation small.
BULKY_BOT_DATA = ("custom", "buttons", "elements", "attachment", "image", "quick_replies")


class ExpiringInMemoryTrackerStore(InMemoryTrackerStore):
    """Keeps each conversation in this process only, and forgets it `expiry_seconds` after its last message.

    It stores trackers pickled and compressed rather than as JSON: rebuilding a tracker from JSON replays
    every event and was the largest cost of a turn after the first few; unpickling is ten times cheaper
    than even a deep copy, and each retrieve still gets its own object. The contact cards and buttons in
    bot messages are not kept: they were most of a stored conversation's size (docs/performance.md).
    """

    def __init__(self, domain: Domain, event_broker: Optional[EventBroker] = None,
                 expiry_seconds: int = DEFAULT_EXPIRY_SECONDS, **kwargs: Dict[Text, Any]) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.expiry_seconds = float(expiry_seconds)
        self._trackers: Dict[Text, bytes] = {}
        self._last_seen: Dict[Text, float] = {}
        self.clock = time.monotonic

    def _forget_expired(self) -> None:
        cutoff = self.clock() - self.expiry_seconds
        for sender_id in [s for s, seen in self._last_seen.items() if seen < cutoff]:
            self._trackers.pop(sender_id, None)
            self._last_seen.pop(sender_id, None)

    async def save(self, tracker: DialogueStateTracker) -> None:
        self._forget_expired()
        await self.stream_events(tracker)
        _drop_bulky_bot_data(tracker)
        self._trackers[tracker.sender_id] = zlib.compress(pickle.dumps(tracker, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self._last_seen[tracker.sender_id] = self.clock()

    async def _retrieve(self, sender_id: Text, fetch_all_sessions: bool) -> Optional[DialogueStateTracker]:
        self._forget_expired()
        stored = self._trackers.get(sender_id)
        if stored is None:
            return None
        tracker = pickle.loads(zlib.decompress(stored))  # noqa: S301 - see the import
        if fetch_all_sessions:
            return tracker
        sessions = rasa.shared.core.trackers.get_trackers_for_conversation_sessions(tracker)
        return tracker if len(sessions) <= 1 else sessions[-1]

    async def keys(self) -> Iterable[Text]:
        self._forget_expired()
        return list(self._trackers.keys())


def _drop_bulky_bot_data(tracker: DialogueStateTracker) -> None:
    """Replace the data of bot messages by their small parts. Save is the last step of a turn, so the
    live tracker may be changed here; the dicts the output channel already sent are new objects."""
    for event in tracker.events:
        if isinstance(event, BotUttered) and event.data and any(k in event.data for k in BULKY_BOT_DATA):
            event.data = {k: v for k, v in event.data.items() if k not in BULKY_BOT_DATA}
