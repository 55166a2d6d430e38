"""How a written conversation's turns are judged (bot.dialogue_evaluation), without a model."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.dialogue_evaluation import DialogueSetError, ScriptedTurn, judge, load_scripts
from bot.reply import Card, Reply

KINDS = {"emergency", "police", "social_services", "helpline"}


def reply(route: str, *kinds: str, urgent: bool = False) -> Reply:
    cards = tuple(Card(id=f"{k}_card", kind=k, name=k, description="") for k in kinds)
    return Reply(route=route, text="", cards=cards, urgent=urgent)


def test_danger_turn_needs_the_emergency_number_first():
    turn = ScriptedTurn("nu står han utanför med kniv", "danger")
    assert judge(turn, reply("danger_now", "emergency", urgent=True), "emergency")
    assert not judge(turn, reply("worried_gang", "social_services", "emergency"), "social_services")


def test_a_reply_without_contacts_leaves_the_person_with_the_contact_they_hold():
    turn = ScriptedTurn("vi bor i alby", "ok", ("social_services",))
    assert judge(turn, reply("nudge"), standing_first="social_services")
    assert not judge(turn, reply("nudge"), standing_first="police")


def test_a_failed_reply_fails_even_when_the_earlier_contact_fits():
    turn = ScriptedTurn("han e typ i ett gäng", "ok", ("social_services",))
    for route in ("ask_situation", "restart", "out_of_scope_botkyrka"):
        assert not judge(turn, reply(route), standing_first="social_services")


def test_a_follow_up_is_answered_not_taken_as_a_new_case():
    turn = ScriptedTurn("är det anonymt?", "follow_up")
    assert judge(turn, reply("follow_up:anonymity"), "helpline")
    assert judge(turn, reply("service_question", "helpline"), "helpline")
    assert not judge(turn, reply("extremism_relative", "helpline"), "helpline")
    assert not judge(turn, reply("nudge"), "helpline")
    assert not judge(turn, reply("restart"), None)


def test_closing_needs_a_closing_reply():
    turn = ScriptedTurn("tack hej", "closing")
    assert judge(turn, reply("closing", "emergency", "police"), "emergency")
    assert not judge(turn, reply("nudge"), "helpline")


def test_a_broken_set_names_the_file_and_the_conversation(tmp_path: Path):
    path = tmp_path / "dialogues.yml"
    path.write_text("conversations:\n  - name: två förväntningar\n    turns:\n"
                    "      - say: hej\n        ok: [police]\n        closing: true\n", encoding="utf-8")
    with pytest.raises(DialogueSetError, match=r"dialogues\.yml.*två förväntningar"):
        load_scripts(path, KINDS)
    path.write_text("conversations:\n  - name: okänd sort\n    turns:\n      - say: hej\n        ok: [pizza]\n",
                    encoding="utf-8")
    with pytest.raises(DialogueSetError, match=r"unknown contact kinds \['pizza'\]"):
        load_scripts(path, KINDS)


def test_a_written_set_is_read_turn_by_turn(tmp_path: Path):
    path = tmp_path / "dialogues.yml"
    path.write_text("conversations:\n  - name: förälder\n    writer: parent\n    turns:\n"
                    "      - say: min son säljer knark\n        ok: [social_services, police]\n"
                    "      - say: när har de öppet\n        follow_up: true\n", encoding="utf-8")
    [script] = load_scripts(path, KINDS)
    assert script.writer == "parent"
    assert [(t.expect, t.kinds) for t in script.turns] == [("ok", ("social_services", "police")), ("follow_up", ())]
