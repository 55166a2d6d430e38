"""Evaluate a trained model on the held-out set: intents, routes, first contact kind, danger, latency.

The held-out set (tests/data/heldout_nlu.yml) was written separately and is never trained on.
"""
from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.guide import Guide
from bot.paths import PROJECT_ROOT
from bot.privacy import default_scrubber

HELDOUT_FILE = PROJECT_ROOT / "tests" / "data" / "heldout_nlu.yml"


@dataclass
class Outcome:
    text: str
    gold_intent: str
    predicted_intent: str
    gold_route: str | None
    predicted_route: str | None
    gold_first_kind: str | None
    predicted_first_kind: str | None
    danger: bool
    seconds: float


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def _share(self, items: list[bool]) -> float:
        return sum(items) / len(items) if items else 1.0

    @property
    def intent_accuracy(self) -> float:
        return self._share([o.gold_intent == o.predicted_intent for o in self.outcomes])

    @property
    def route_accuracy(self) -> float:
        return self._share([o.gold_route == o.predicted_route for o in self.outcomes])

    @property
    def first_kind_accuracy(self) -> float:
        routed = [o for o in self.outcomes if o.gold_first_kind]
        return self._share([o.gold_first_kind == o.predicted_first_kind for o in routed])

    @property
    def danger_first(self) -> float:
        danger = [o for o in self.outcomes if o.danger]
        return self._share([o.predicted_first_kind == "emergency" for o in danger])

    @property
    def median_ms(self) -> float:
        times = sorted(o.seconds for o in self.outcomes)
        return 1000 * times[len(times) // 2] if times else 0.0

    def per_route(self) -> dict[str, tuple[int, int]]:
        totals: Counter = Counter()
        right: Counter = Counter()
        for o in self.outcomes:
            key = o.gold_route or f"({o.gold_intent})"
            totals[key] += 1
            right[key] += o.gold_route == o.predicted_route
        return {route: (right[route], totals[route]) for route in sorted(totals)}

    def confusions(self) -> Counter:
        return Counter((o.gold_intent, o.predicted_intent) for o in self.outcomes if o.gold_intent != o.predicted_intent)

    def summary(self) -> str:
        lines = [
            f"messages: {len(self.outcomes)}",
            f"intent accuracy: {self.intent_accuracy:.1%}",
            f"route accuracy: {self.route_accuracy:.1%}",
            f"first contact of the right kind: {self.first_kind_accuracy:.1%}",
            f"imminent danger with the emergency contact first: {self.danger_first:.1%} "
            f"({sum(1 for o in self.outcomes if o.danger)} messages)",
            f"median parse time: {self.median_ms:.1f} ms",
            "remaining confusions (gold → predicted: count):",
        ]
        lines += [f"  {gold} → {predicted}: {count}" for (gold, predicted), count in self.confusions().most_common()]
        return "\n".join(lines)


def load_heldout(path: Path = HELDOUT_FILE) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]


def _first(reply_messages: list[dict]) -> tuple[str | None, str | None]:
    for message in reply_messages:
        custom = message.get("custom")
        if custom:
            resources = custom["resources"]
            return custom["route"], resources[0]["kind"] if resources else None
    return None, None


def route_of(guide: Guide, intent: str, text: str) -> tuple[str | None, str | None]:
    """Route id and first contact kind the guide gives for this intent and text (no conversation yet)."""
    return _first(guide.respond(intent, text, {}).messages)


async def evaluate_agent(agent, guide: Guide, messages: list[dict]) -> Report:
    """Parse every held-out message with the trained model, as the live bot would (scrubbed first)."""
    scrubber = default_scrubber()
    report = Report()
    for item in messages:
        text = scrubber.scrub(item["text"])
        started = time.perf_counter()
        parsed = await agent.parse_message(text)
        seconds = time.perf_counter() - started
        predicted = parsed["intent"]["name"] or ""
        gold_route, gold_kind = route_of(guide, item["intent"], text)
        predicted_route, predicted_kind = route_of(guide, predicted, text)
        report.outcomes.append(Outcome(
            text=item["text"], gold_intent=item["intent"], predicted_intent=predicted,
            gold_route=gold_route, predicted_route=predicted_route,
            gold_first_kind=gold_kind, predicted_first_kind=predicted_kind,
            danger=bool(item.get("danger")), seconds=seconds,
        ))
    return report


def load_agent(model_path: Path):
    """The trained model in this process, with Rasa's per-message debug logging off."""
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    return Agent.load(str(model_path))


def evaluate_model(model_path: Path, guide: Guide | None = None, heldout: Path = HELDOUT_FILE) -> Report:
    from bot import nlp

    agent = load_agent(model_path)
    return asyncio.run(evaluate_agent(agent, guide or Guide(lemmatize=nlp.lemmas), load_heldout(heldout)))


async def danger_on_fresh_set(agent, guide: Guide, path: Path) -> tuple[int, int, int, int]:
    """(emergency first for danger, danger messages, emergency first for near misses, near misses)."""
    scrubber = default_scrubber()
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    hits = false_alarms = 0
    for item in items:
        text = scrubber.scrub(item["text"])
        parsed = await agent.parse_message(text)
        _, kind = route_of(guide, parsed["intent"]["name"] or "", text)
        if kind == "emergency":
            hits += bool(item["danger"])
            false_alarms += not item["danger"]
    dangerous = sum(1 for i in items if i["danger"])
    return hits, dangerous, false_alarms, len(items) - dangerous
