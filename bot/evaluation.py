"""Evaluate a trained model as a new user meets it: the first reply to one message.

For every message: parse it with the model (scrubbed first, as the live channel does), let the guide
answer it as the first message of a conversation, and compare the first contact with the kinds
that are acceptable for that message. Three kinds of sets are read:

* the real-language corpus (bot.corpus): each message lists its acceptable first kinds;
* the older held-out sets (tests/data/heldout_nlu*.yml): the gold intent's first contact kind;
* the danger sets (tests/data/danger_*.yml): danger or near miss.
"""
from __future__ import annotations

import asyncio
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from bot import situations
from bot.conversation.understanding import Message, weigh_maybe_danger
from bot.corpus import DEFAULT_KINDS
from bot.guide import Guide
from bot.paths import PROJECT_ROOT
from bot.privacy import default_scrubber
from bot.reply import Reply

EMERGENCY = "emergency"  # the catalogue kind of the emergency number's contact

HELDOUT_FILE = PROJECT_ROOT / "tests" / "data" / "heldout_nlu.yml"
FALLBACK_ROUTES = ("ask_situation",)


@dataclass(frozen=True)
class Sample:
    """One message to evaluate and what is acceptable for it."""

    text: str
    gold: str  # the situation or intent
    kinds: tuple[str, ...]  # acceptable first contact kinds ('emergency' only, for danger)
    danger: bool
    source: str = ""
    register: str = ""  # a corpus paraphrase's register ('teen', 'no_diacritics', …); '' for the collected text


@dataclass
class Outcome:
    sample: Sample
    predicted: str
    reply: Reply
    seconds: float

    @property
    def first_kind(self) -> str | None:
        return self.reply.first_kind

    @property
    def acceptable(self) -> bool:
        if self.sample.danger:
            return self.first_kind == EMERGENCY
        if not self.sample.kinds:  # out of scope: no police, no emergency
            return self.first_kind not in (EMERGENCY, "police")
        return self.first_kind in self.sample.kinds

    @property
    def fallback_only(self) -> bool:
        """The reply gave no contact at all to an in-scope message."""
        return bool(self.sample.kinds) and not self.reply.cards


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @staticmethod
    def _share(items: list[bool]) -> float:
        return sum(items) / len(items) if items else 1.0

    @property
    def intent_accuracy(self) -> float:
        return self._share([o.sample.gold == o.predicted for o in self.outcomes])

    @property
    def first_kind_accuracy(self) -> float:
        return self._share([o.acceptable for o in self.outcomes])

    @property
    def danger_first(self) -> float:
        return self._share([o.first_kind == EMERGENCY for o in self.outcomes if o.sample.danger])

    @property
    def false_alarms(self) -> float:
        return self._share([o.first_kind == EMERGENCY for o in self.outcomes if not o.sample.danger])

    @property
    def fallback_only(self) -> float:
        in_scope = [o for o in self.outcomes if o.sample.kinds]
        return self._share([o.fallback_only for o in in_scope])

    @property
    def median_ms(self) -> float:
        times = sorted(o.seconds for o in self.outcomes)
        return 1000 * times[len(times) // 2] if times else 0.0

    def per_situation(self) -> dict[str, tuple[int, int]]:
        totals: Counter = Counter()
        right: Counter = Counter()
        for o in self.outcomes:
            totals[o.sample.gold] += 1
            right[o.sample.gold] += o.acceptable
        return {name: (right[name], totals[name]) for name in sorted(totals)}

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.acceptable]

    def summary(self) -> str:
        danger = sum(1 for o in self.outcomes if o.sample.danger)
        lines = [
            f"messages: {len(self.outcomes)}",
            f"first contact of an acceptable kind: {self.first_kind_accuracy:.1%}",
            f"intent (situation) accuracy: {self.intent_accuracy:.1%}",
            f"danger with the emergency contact first: {self.danger_first:.1%} ({danger} messages)",
            f"not danger but the emergency contact first: {self.false_alarms:.1%}",
            f"in-scope messages answered without any contact: {self.fallback_only:.1%}",
            f"median parse time: {self.median_ms:.1f} ms",
            "per situation (acceptable/total): " + ", ".join(f"{k} {a}/{t}" for k, (a, t) in self.per_situation().items()),
        ]
        confusions = Counter((o.sample.gold, o.predicted) for o in self.misses())
        lines += [f"  miss {gold} → {predicted}: {count}" for (gold, predicted), count in confusions.most_common(15)]
        return "\n".join(lines)


def corpus_samples(items: Iterable[Any]) -> list[Sample]:
    """Cases from bot.corpus items."""
    return [Sample(i.text, i.situation, i.acceptable, i.danger, i.source, i.register) for i in items]


# The older sets were labelled before these situations were carved out of the old ones: a message
# labelled affected_by_violence may now rightly be a hate crime. Their first contacts count as right too.
CARVED_OUT = {
    "affected_by_violence": ("hate_crime", "crime_victim", "grief_fear"),
    "report_crime": ("threat_extortion", "hate_crime"),
    "young_self": ("threat_extortion",),
    "staff_concern": ("ask_process",),
}


def heldout_samples(guide: Guide, path: Path = HELDOUT_FILE, strict: bool = False) -> list[Sample]:
    """The older held-out sets: acceptable is the kind the gold intent's answer starts with, or the
    kind of a situation later carved out of it (CARVED_OUT), or the emergency number where the
    corpus's labelling table accepts it (a suicide message: bot.corpus.DEFAULT_KINDS). `strict`
    leaves the last out, as these sets were first counted."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    samples = []
    for item in items:
        gold = item["intent"]
        kinds: tuple[str, ...] = ()
        if gold != situations.OUT_OF_SCOPE:
            for intent in (gold, *CARVED_OUT.get(gold, ())):
                kind = guide.respond(Message(text=item["text"], intent=intent)).reply.first_kind
                if kind and kind not in kinds:
                    kinds += (kind,)
            if not strict and EMERGENCY in DEFAULT_KINDS.get(gold, ()) and EMERGENCY not in kinds:
                kinds += (EMERGENCY,)
        samples.append(Sample(item["text"], gold, kinds, bool(item.get("danger"))))
    return samples


def danger_samples(path: Path) -> list[Sample]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    return [Sample(i["text"], situations.DANGER if i["danger"] else "near_miss", (EMERGENCY,) if i["danger"] else (),
                 bool(i["danger"])) for i in items]


async def evaluate_agent(agent: Any, guide: Guide, samples: list[Sample]) -> Report:
    """Parse every message with the trained model, as the live bot would (scrubbed first)."""
    scrubber = default_scrubber()
    report = Report()
    for sample in samples:
        text = scrubber.scrub(sample.text)
        started = time.perf_counter()
        parsed = await agent.parse_message(text)
        seconds = time.perf_counter() - started
        message = Message.from_parse_data(parsed, text)
        reply = guide.respond(message).reply
        # A maybe-danger is danger as a first message: the intent the guide answered.
        report.outcomes.append(Outcome(sample, weigh_maybe_danger(message, helped=False).intent, reply, seconds))
    return report


def load_agent(model_path: Path) -> Any:
    """The trained model in this process, with Rasa's per-message debug logging off."""
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    return Agent.load(str(model_path))


def evaluate(agent: Any, guide: Guide, samples: list[Sample]) -> Report:
    return asyncio.run(evaluate_agent(agent, guide, samples))


def per_source(report: Report) -> dict[str, tuple[int, int]]:
    """Acceptable/total per source site: does any one writer dominate the figure?"""
    from bot.corpus import source_domain

    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in report.outcomes:
        entry = totals[source_domain(o.sample.source)]
        entry[0] += o.acceptable
        entry[1] += 1
    return {k: (v[0], v[1]) for k, v in totals.items()}


def per_register(report: Report) -> dict[str, tuple[int, int]]:
    """Acceptable/total per register ('collected' for the writers' own text): which way of writing fails?"""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in report.outcomes:
        entry = totals[o.sample.register or "collected"]
        entry[0] += o.acceptable
        entry[1] += 1
    return {k: (v[0], v[1]) for k, v in totals.items()}
