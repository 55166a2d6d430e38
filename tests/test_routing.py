"""Routing decisions from data/routing.yml: danger wins, help first, local contacts by area and role."""
from __future__ import annotations

from datetime import datetime

import pytest

from bot.schedule import STOCKHOLM

TUESDAY_NOON = datetime(2026, 11, 17, 12, 0, tzinfo=STOCKHOLM)
SATURDAY_NIGHT = datetime(2026, 11, 21, 23, 0, tzinfo=STOCKHOLM)


def respond(guide, intent, text, slots=None, **kwargs):
    return guide.respond(intent, text, slots or {}, now=kwargs.pop("now", TUESDAY_NOON), **kwargs)


def contacts(reply):
    payloads = [m["custom"] for m in reply.messages if m.get("custom")]
    assert len(payloads) == 1
    return payloads[0]


def test_danger_pattern_wins_over_any_intent(guide):
    reply = respond(guide, "worried_gang", "min son är med i ett gäng och de ska skjuta någon ikväll")
    payload = contacts(reply)
    assert payload["route"] == "danger_now"
    assert payload["resources"][0]["kind"] == "emergency"


def test_danger_wins_inside_the_area_question(guide):
    reply = respond(guide, "inform_area", "han står utanför med en kniv", {"situation": "worried_gang"})
    assert contacts(reply)["resources"][0]["kind"] == "emergency"


@pytest.mark.parametrize(
    ("intent", "first_kinds"),
    [
        ("worried_extremism", {"helpline", "coordinator"}),
        ("worried_gang", {"social_services"}),
        ("staff_concern", {"social_services", "coordinator"}),
        ("leave_gang", {"exit_programme", "social_services"}),
        ("leave_extremism", {"exit_programme", "social_services"}),
        ("affected_by_violence", {"victim_support", "crisis_support"}),
        ("young_self", {"child_helpline"}),
        ("suicide_selfharm", {"health", "emergency"}),
        ("report_crime", {"police"}),
    ],
)
def test_first_message_gets_a_concrete_contact_without_knowing_the_area(guide, intent, first_kinds):
    reply = respond(guide, intent, "")
    resources = contacts(reply)["resources"]
    assert resources and resources[0]["kind"] in first_kinds
    assert any(r["phones"] or r["url"] for r in resources)


def test_area_question_comes_after_the_help(guide):
    reply = respond(guide, "worried_gang", "jag är orolig för min son")
    kinds = ["custom" if m.get("custom") else "buttons" if m.get("buttons") else "text" for m in reply.messages]
    assert kinds.index("custom") < kinds.index("buttons")
    assert [b["title"] for b in reply.messages[-1]["buttons"]] == ["Stockholm", "Botkyrka", "Annan kommun"]


def test_botkyrka_parent_gets_the_municipal_coordinator_first(guide):
    reply = respond(guide, "worried_extremism", "vi bor i fittja och jag är orolig för min dotter")
    payload = contacts(reply)
    assert payload["route"] == "extremism_botkyrka"
    assert payload["resources"][0]["kind"] == "coordinator"
    assert reply.slots["area"] == "botkyrka"


def test_stockholm_neighbourhood_gives_the_district_social_services(guide):
    reply = respond(guide, "worried_gang", "min son har börjat hänga med ett gäng i husby")
    resources = contacts(reply)["resources"]
    assert resources[0]["id"] == "stockholm_sdf_jarva"
    assert reply.slots["area"] == "stockholm:jarva"


def test_municipality_without_local_contacts_is_told_so_honestly(guide):
    reply = respond(guide, "worried_gang", "vi bor i gävle och min son säljer knark")
    text = " ".join(m.get("text") or "" for m in reply.messages)
    assert "inga egna kontakter för Gävle" in text
    ids = [r["id"] for r in contacts(reply)["resources"]]
    assert "social_services_generic" in ids


def test_area_answer_refines_the_previous_situation(guide):
    reply = respond(guide, "inform_area", "botkyrka", {"situation": "worried_extremism"}, entities={"area": "botkyrka"})
    assert contacts(reply)["route"] == "extremism_botkyrka"


def test_embedding_municipality_is_the_default_area(guide):
    reply = respond(guide, "worried_extremism", "jag är orolig för min bror", default_area="botkyrka")
    assert contacts(reply)["route"] == "extremism_botkyrka"


def test_teacher_gets_the_staff_route(guide):
    reply = respond(guide, "worried_extremism", "jag är lärare och en elev pratar om IS")
    assert contacts(reply)["route"] == "extremism_staff_stockholm"


def test_closed_helpline_says_when_it_opens_and_offers_an_open_alternative(guide):
    reply = respond(guide, "staff_concern", "jag är kurator", now=SATURDAY_NIGHT)
    payload = contacts(reply)
    cve = next(r for r in payload["resources"] if r["id"] == "cve_support_line")
    assert cve["open_now"] is False and cve["opens"] == "måndag kl. 09:00"
    text = " ".join(m.get("text") or "" for m in reply.messages)
    assert "stängt just nu och öppnar måndag kl. 09:00" in text
    emergency_or_police = [r for r in payload["resources"] if r["kind"] in ("police", "emergency")]
    assert emergency_or_police and all(r["open_now"] is not False for r in emergency_or_police)


def test_emergency_number_is_always_open(guide):
    for now in (SATURDAY_NIGHT, TUESDAY_NOON, datetime(2026, 12, 24, 3, 0, tzinfo=STOCKHOLM)):
        first = contacts(respond(guide, "acute_danger", "", now=now))["resources"][0]
        assert first["open_now"] is True and first["always_open"] is True


def test_out_of_scope_is_never_routed_to_the_police(guide):
    for area in (None, "botkyrka", "stockholm"):
        reply = respond(guide, "out_of_scope", "hur söker jag bygglov", default_area=area)
        kinds = {r["kind"] for r in contacts(reply)["resources"]}
        assert not kinds & {"police", "emergency"}


def test_unknown_situation_asks_with_buttons(guide):
    reply = respond(guide, "inform_area", "tensta")
    question = next(m for m in reply.messages if m.get("buttons"))
    assert "Järva" in question["text"]
    assert reply.messages[-1]["custom"] == {"route": "ask_situation", "text": "", "resources": []}


def test_reply_contract_fields(guide):
    payload = contacts(respond(guide, "worried_extremism", "bor i botkyrka"))
    assert set(payload) == {"route", "text", "resources"}
    for resource in payload["resources"]:
        assert {"id", "kind", "name", "phones", "url", "open_now", "opens"} <= set(resource)
        for phone in resource["phones"]:
            assert phone["tel"].lstrip("+").isdigit()
