"""Conversations live in memory only and are forgotten after the idle time."""
from __future__ import annotations

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_adapters.tracker_store import ExpiringInMemoryTrackerStore


def test_idle_conversations_expire_and_active_ones_stay():
    now = [1000.0]
    store = ExpiringInMemoryTrackerStore(Domain.empty(), expiry_seconds=1800)
    store.clock = lambda: now[0]

    async def scenario() -> None:
        for sender in ("idle", "active"):
            tracker = DialogueStateTracker(sender, slots=[])
            tracker.update(UserUttered("hej"))
            await store.save(tracker)
        now[0] += 1000
        await store.save(await store.retrieve("active"))
        now[0] += 900  # idle: 1900 s since its last message; active: 900 s
        assert await store.retrieve("idle") is None
        assert await store.retrieve("active") is not None
        assert list(await store.keys()) == ["active"]
        now[0] += 1801
        assert list(await store.keys()) == []

    asyncio.run(scenario())


def test_endpoints_configure_the_expiring_memory_store():
    import yaml

    from bot import paths

    config = yaml.safe_load((paths.PROJECT_ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    assert config["tracker_store"]["type"] == "bot.rasa_adapters.tracker_store.ExpiringInMemoryTrackerStore"
    assert 0 < config["tracker_store"]["expiry_seconds"] <= 3600


def test_stored_conversations_keep_no_contact_cards_and_stay_small():
    from rasa.shared.core.events import ActionExecuted, BotUttered

    store = ExpiringInMemoryTrackerStore(Domain.empty())
    tracker = DialogueStateTracker("s", slots=[])
    tracker.update(UserUttered("hej"))
    tracker.update(ActionExecuted("action_route"))
    card = {"route": "r", "resources": [{"id": "x", "description": "d" * 500}] * 5}
    tracker.update(BotUttered("Ring 114 14", data={"custom": card, "buttons": [{"title": "a", "payload": "/a"}]}))

    async def scenario():
        await store.save(tracker)
        return await store.retrieve("s")

    restored = asyncio.run(scenario())
    bot = [e for e in restored.events if isinstance(e, BotUttered)][0]
    assert bot.text == "Ring 114 14" and "custom" not in bot.data and "buttons" not in bot.data
    assert len(store._trackers["s"]) < 1000
