"""Whole conversations through the real Rasa server and action server: each turn builds on the case.

The conversations and what each turn must do are in tests/data/conversations.yml.
"""
from __future__ import annotations

import json
import urllib.request
import uuid
from pathlib import Path

import pytest
import yaml

from bot import situations
from bot.reply import Reply
from bot.servers import Servers

pytestmark = pytest.mark.e2e
CONVERSATIONS = yaml.safe_load((Path(__file__).parent / "data" / "conversations.yml").read_text(encoding="utf-8"))
# Replies that show contacts again on purpose: after "not the police", the others again; after the emergency
# answer, the help for the rest of the case again; the contacts that can answer a question, or of a kind asked for.
# "for_the_young": a parent learns that Bris is for the young person; the parent's own first contact comes again
# on top, so that the first card is the one for the person writing.
REPEATS_ALLOWED = ("closing", "show_all", "danger_now", "declined", "after_danger", "follow_up:open_question",
                   "follow_up:what_is", "for_the_young")


@pytest.fixture(scope="module")
def bot():
    servers = Servers(rasa_port=5305, action_port=5355, web_port=None,
                      log_dir=Path(__file__).parent / "artifacts" / "conversation-logs")
    servers.start()
    yield servers
    servers.stop()


def say(servers: Servers, sender: str, text: str, area: str | None) -> list[dict]:
    body = {"sender": sender, "message": text, **({"area": area} if area else {})}
    request = urllib.request.Request(f"{servers.rasa_url}/webhooks/rest/webhook", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 - our own server
        return json.loads(answer.read())


def full_text(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages) + json.dumps(
        [b for m in messages for b in m.get("buttons") or []], ensure_ascii=False)


def check_turn(turn: dict, reply: Reply, shown_before: set[str]) -> None:
    ids = [card.id for card in reply.cards]
    kinds = [card.kind for card in reply.cards]
    where = f"after {turn['say']!r}: route {reply.route}, cards {ids}"
    unsure_but_asks = (reply.route.startswith("unsure") and "or_asks" in turn
                       and situations.payload(turn["or_asks"]) in [b.payload for b in reply.buttons])
    if "first" in turn and not unsure_but_asks:
        assert reply.cards and turn["first"] in (reply.cards[0].kind, reply.cards[0].id), where
    for kind in turn.get("kinds", []):
        assert kind in kinds, where
    for kind in turn.get("not_kinds", []):
        assert kind not in kinds, where
    for resource in turn.get("ids", []):
        assert resource in ids, where
    for resource in turn.get("not_ids", []):
        assert resource not in ids, where
    if "urgent" in turn:
        assert reply.urgent is turn["urgent"], where
    if turn.get("no_cards"):
        assert not reply.cards, where
    if turn.get("kinds_any"):
        assert reply.cards, where
    if "route" in turn:
        assert reply.route.startswith(turn["route"]), where
    for title in turn.get("buttons", []):
        assert title in [b.title for b in reply.buttons], where
    if not reply.urgent and not reply.route.startswith(REPEATS_ALLOWED):
        assert not set(ids) & shown_before, f"{where}: shows again {set(ids) & shown_before}"


@pytest.mark.parametrize("conversation", CONVERSATIONS["conversations"], ids=lambda c: c["name"])
def test_conversation(bot, conversation):
    sender = uuid.uuid4().hex
    previous = None
    shown: set[str] = set()
    for turn in conversation["turns"]:
        messages = say(bot, sender, turn["say"], conversation.get("area_default"))
        assert messages, f"no answer to {turn['say']!r}"
        text = full_text(messages)
        assert text != previous, f"the same reply twice in a row after {turn['say']!r}"
        previous = text
        reply = Reply.from_messages(messages)
        if reply is None:  # a static answer (the greeting): no contacts
            assert "first" not in turn and not turn.get("kinds"), f"no contacts after {turn['say']!r}"
            continue
        check_turn(turn, reply, shown)
        # Starting over forgets the contacts shown: the new topic is answered from scratch.
        shown = set() if reply.route == "restart" else shown | {card.id for card in reply.cards}


def test_there_are_at_least_forty_conversations():
    assert len(CONVERSATIONS["conversations"]) >= 40
