"""Whole written conversations, evaluated turn by turn as a user meets them.

The message sets (bot.evaluation) judge one first message. Real people go on: they add a place or an age,
correct themselves, ask whether a line is anonymous, bring a second problem, or say that something is
happening now. A conversation set (`tests/data/dialogues_*.yml`, written by people who never saw the
bot) gives each user turn one expectation:

* ``ok: [kinds]``: the contact the person is pointed to first after this turn is of one of these kinds.
  A reply without contacts leaves the person with the first contact they were given before, so that one
  counts, as long as the reply did not fail (did not understand, out of scope, started over);
* ``danger: true``: the emergency number comes first;
* ``follow_up: true``: a question about the contacts already given is answered (about a contact, a service,
  a process or the bot), not taken as a new case and not met with "tell me more";
* ``closing: true``: thanks or goodbye gets a closing reply.

The conversation runs in this process, as the action server runs it: the trained model parses the
scrubbed text, the guide answers, and the case it returns carries over to the next turn.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.conversation.case import Case
from bot.conversation.understanding import Message
from bot.guide import Guide
from bot.privacy import default_scrubber
from bot.reply import Reply

EMERGENCY = "emergency"
EXPECTATIONS = ("ok", "danger", "follow_up", "closing")
# Intents the Rasa rules answer with a template, not with the guide (data/rules/chitchat.yml).
TEMPLATE_INTENTS = ("greet", "bot_challenge", "ask_numbers")
# Replies that fail whatever the turn was: nothing understood, nothing in scope, the case wiped.
FAILED_ROUTES = ("ask_situation", "out_of_scope", "restart")
# Replies that answer a question: about the contacts given, the bot, a service, a process or a topic.
ANSWER_ROUTES = ("follow_up", "privacy", "show_all", "service_question", "process", "info_")


class DialogueSetError(ValueError):
    """A conversation set that cannot be read as written: says the file and the conversation."""


@dataclass(frozen=True)
class ScriptedTurn:
    say: str
    expect: str  # one of EXPECTATIONS
    kinds: tuple[str, ...] = ()  # for "ok"


@dataclass(frozen=True)
class Script:
    name: str
    writer: str
    turns: tuple[ScriptedTurn, ...]


@dataclass(frozen=True)
class TurnOutcome:
    script: Script
    index: int
    reply: Reply
    standing_first: str | None  # the first contact the person holds after this turn
    passed: bool

    @property
    def turn(self) -> ScriptedTurn:
        return self.script.turns[self.index]


@dataclass
class DialogueReport:
    outcomes: list[TurnOutcome] = field(default_factory=list)

    def turns(self, expect: str | None = None) -> tuple[int, int]:
        chosen = [o for o in self.outcomes if expect is None or o.turn.expect == expect]
        return sum(o.passed for o in chosen), len(chosen)

    def conversations(self) -> tuple[int, int]:
        by_script: dict[str, bool] = {}
        for o in self.outcomes:
            by_script[o.script.name] = by_script.get(o.script.name, True) and o.passed
        return sum(by_script.values()), len(by_script)

    def false_alarms(self) -> tuple[int, int]:
        """Turns that are not danger but got the emergency number first."""
        calm = [o for o in self.outcomes if o.turn.expect != "danger"]
        return sum(bool(o.reply.urgent) for o in calm), len(calm)

    def summary(self) -> str:
        def line(label: str, counts: tuple[int, int]) -> str:
            passed, total = counts
            return f"{label}: {passed}/{total} ({passed / total:.1%})" if total else f"{label}: none"

        return "\n".join([
            line("whole conversations right at every turn", self.conversations()),
            line("turns right", self.turns()),
            *(line(f"  {expect} turns", self.turns(expect)) for expect in EXPECTATIONS),
            line("calm turns answered with the emergency number first", self.false_alarms()),
        ])

    def failures(self) -> list[TurnOutcome]:
        return [o for o in self.outcomes if not o.passed]


def load_scripts(path: Path, known_kinds: set[str]) -> list[Script]:
    """Read a conversation set; a wrong turn is an error that names the file and the conversation."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    scripts = []
    for number, item in enumerate(document.get("conversations") or [], start=1):
        name = str(item.get("name") or f"conversation {number}")
        turns = []
        for turn in item.get("turns") or []:
            given = [e for e in EXPECTATIONS if turn.get(e)]
            if len(given) != 1 or not str(turn.get("say") or "").strip():
                raise DialogueSetError(f"{path}: {name!r}: each turn needs 'say' and exactly one of {EXPECTATIONS}")
            kinds = tuple(turn.get("ok") or ())
            unknown = sorted(set(kinds) - known_kinds)
            if unknown:
                raise DialogueSetError(f"{path}: {name!r}: unknown contact kinds {unknown}")
            turns.append(ScriptedTurn(str(turn["say"]), given[0], kinds))
        scripts.append(Script(name, str(item.get("writer") or ""), tuple(turns)))
    return scripts


def judge(turn: ScriptedTurn, reply: Reply, standing_first: str | None) -> bool:
    """Is this reply right for the turn, given the first contact the person holds after it?"""
    failed = reply.route in FAILED_ROUTES or reply.route.startswith("out_of_scope")
    if turn.expect == "danger":
        return reply.urgent and reply.first_kind == EMERGENCY
    if turn.expect == "closing":
        return reply.route == "closing"
    if turn.expect == "follow_up":
        return not failed and not reply.urgent and reply.route.startswith(ANSWER_ROUTES)
    return not failed and standing_first in turn.kinds


async def run_scripts(agent: Any, guide: Guide, scripts: list[Script]) -> DialogueReport:
    scrubber = default_scrubber()
    report = DialogueReport()
    for script in scripts:
        case, standing_first = Case(), None
        for index, turn in enumerate(script.turns):
            text = scrubber.scrub(turn.say)
            message = Message.from_parse_data(await agent.parse_message(text), text)
            if message.intent in TEMPLATE_INTENTS:
                reply = Reply(route=f"template:{message.intent}", text="")
            else:
                answered = guide.respond(message, case)
                reply, case = answered.reply, answered.case
            if reply.cards:
                standing_first = reply.first_kind
            report.outcomes.append(TurnOutcome(script, index, reply, standing_first,
                                               judge(turn, reply, standing_first)))
    return report


def evaluate_dialogues(agent: Any, guide: Guide, scripts: list[Script]) -> DialogueReport:
    return asyncio.run(run_scripts(agent, guide, scripts))
