"""Routing decisions from data/routing.yml through the guide: danger wins, help first, local contacts
that fit the situation and the writer, and the content fixes found by the coverage review."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from bot.conversation.case import Case
from bot.conversation.understanding import Message
from bot.schedule import STOCKHOLM

TUESDAY_NOON = datetime(2026, 11, 17, 12, 0, tzinfo=STOCKHOLM)
SATURDAY_NIGHT = datetime(2026, 11, 21, 23, 0, tzinfo=STOCKHOLM)


def respond(guide, intent, text, case=None, now=TUESDAY_NOON, entities=None, default_area=None):
    return guide.respond(Message(text=text, intent=intent, entities=entities or {}), case or Case(), now,
                         default_area=default_area)


def ids(turn):
    return [card.id for card in turn.reply.cards]


def kinds(turn):
    return [card.kind for card in turn.reply.cards]


def test_danger_pattern_wins_over_any_intent(guide):
    turn = respond(guide, "worried_gang", "min son är med i ett gäng och de ska skjuta någon ikväll")
    assert turn.reply.urgent and turn.reply.route == "danger_now"
    assert kinds(turn)[0] == "emergency"


def test_danger_wins_inside_the_area_question(guide):
    turn = respond(guide, "inform_area", "han står utanför med en kniv", Case(situations=("worried_gang",)))
    assert kinds(turn)[0] == "emergency"


@pytest.mark.parametrize(
    ("intent", "first_kinds"),
    [
        ("worried_extremism", {"helpline", "coordinator"}),
        ("worried_gang", {"social_services"}),
        ("staff_concern", {"social_services"}),
        ("leave_gang", {"exit_programme", "social_services"}),
        ("leave_extremism", {"exit_programme", "social_services"}),
        ("affected_by_violence", {"victim_support", "crisis_support"}),
        ("young_self", {"child_helpline"}),
        ("suicide_selfharm", {"health", "emergency"}),
        ("report_crime", {"police"}),
        ("violence_close_relationship", {"victim_support"}),
        ("threat_extortion", {"police"}),
        ("hate_crime", {"police"}),
        ("crime_victim", {"police"}),
        ("grief_fear", {"crisis_support", "victim_support"}),
        ("ask_process", {"social_services"}),
    ],
)
def test_first_message_gets_a_concrete_contact_without_knowing_the_area(guide, intent, first_kinds):
    turn = respond(guide, intent, "")
    assert turn.reply.cards and turn.reply.cards[0].kind in first_kinds
    assert any(card.phones or card.url for card in turn.reply.cards)


def test_area_question_comes_after_the_help(guide):
    turn = respond(guide, "worried_gang", "jag är orolig för min son")
    messages = turn.reply.to_messages()
    order = ["custom" if m.get("custom") else "buttons" if m.get("buttons") else "text" for m in messages]
    assert order.index("custom") < order.index("buttons")
    assert [b.title for b in turn.reply.buttons] == ["Stockholm", "Botkyrka", "Annan kommun"]


def test_botkyrka_parent_worried_about_extremism_gets_the_municipal_coordinator_first(guide):
    turn = respond(guide, "worried_extremism", "vi bor i fittja och jag är orolig för min dotter")
    assert turn.reply.route == "extremism_botkyrka"
    assert kinds(turn)[0] == "coordinator"
    assert turn.case.area == "botkyrka"


def test_botkyrka_parent_worried_about_gangs_gets_social_services_not_the_extremism_group(guide):
    turn = respond(guide, "worried_gang", "min son har börjat sälja åt ett gäng, vi bor i botkyrka")
    assert ids(turn)[0] == "botkyrka_socialtjanst"
    assert "botkyrka_specialist_group" not in ids(turn)


def test_stockholm_neighbourhood_gives_the_district_social_services(guide):
    turn = respond(guide, "worried_gang", "min son har börjat hänga med ett gäng i husby")
    assert ids(turn)[0] == "stockholm_sdf_jarva"
    assert turn.case.area == "stockholm:jarva"


def test_municipality_without_local_contacts_is_told_so_honestly(guide):
    turn = respond(guide, "worried_gang", "vi bor i gävle och min son säljer knark")
    assert "inga egna kontakter för Gävle" in turn.reply.text
    assert "social_services_generic" in ids(turn)


def test_stockholm_without_a_district_asks_for_the_district(guide):
    turn = respond(guide, "worried_gang", "vi bor i stockholm och min son säljer knark")
    assert "vilken stadsdel" in turn.reply.text


def test_area_answer_refines_the_previous_situation(guide):
    first = respond(guide, "worried_extremism", "jag är orolig för min bror")
    turn = respond(guide, "inform_area", "botkyrka", first.case, entities={"area": "botkyrka"})
    assert turn.reply.route == "extremism_botkyrka"
    assert "botkyrka_trygghetssamordnare" in ids(turn)


def test_embedding_municipality_is_the_default_area(guide):
    turn = respond(guide, "worried_extremism", "jag är orolig för min bror", default_area="botkyrka")
    assert turn.reply.route == "extremism_botkyrka"


def test_teacher_worried_about_extremism_gets_the_staff_route_with_the_cve_line(guide):
    turn = respond(guide, "staff_concern", "jag är lärare och en elev pratar om IS")
    assert turn.reply.route == "extremism_staff"
    assert "cve_support_line" in ids(turn)


@pytest.mark.parametrize("text", [
    "jag är lärare och en elev verkar springa ärenden åt ett gäng",
    "jag är kurator och orolig för en elev som far illa hemma",
])
def test_staff_concerns_other_than_extremism_get_no_cve_line_or_extremism_coordinator(guide, text):
    for area in (None, "botkyrka", "stockholm:jarva"):
        turn = respond(guide, "staff_concern", text, default_area=area)
        assert "cve_support_line" not in ids(turn)
        assert "coordinator" not in kinds(turn)


def test_closed_helpline_says_when_it_opens_and_offers_an_open_alternative(guide):
    turn = respond(guide, "staff_concern", "jag är kurator och en elev har blivit radikaliserad", now=SATURDAY_NIGHT)
    cve = next(card for card in turn.reply.cards if card.id == "cve_support_line")
    assert cve.open_now is False and cve.opens == "måndag kl. 09:00"
    assert "stängt just nu och öppnar måndag kl. 09:00" in turn.reply.text
    police = [card for card in turn.reply.cards if card.kind in ("police", "emergency")]
    assert police and all(card.open_now is not False for card in police)


def test_emergency_number_is_always_open(guide):
    for now in (SATURDAY_NIGHT, TUESDAY_NOON, datetime(2026, 12, 24, 3, 0, tzinfo=STOCKHOLM)):
        first = respond(guide, "acute_danger", "", now=now).reply.cards[0]
        assert first.open_now is True and first.always_open is True


def test_out_of_scope_is_never_routed_to_the_police(guide):
    for area in (None, "botkyrka", "stockholm"):
        turn = respond(guide, "out_of_scope", "hur söker jag bygglov", default_area=area)
        assert not set(kinds(turn)) & {"police", "emergency"}


def test_a_place_alone_asks_what_it_is_about_with_buttons(guide):
    turn = respond(guide, "inform_area", "tensta")
    assert "Järva" in turn.reply.text
    assert turn.reply.buttons and not turn.reply.cards


@pytest.mark.parametrize("situation", ["info_city_work", "info_avhopp", "info_trefas", "info_sig", "info_mvp"])
def test_information_answers_give_no_stockholm_content_elsewhere(guide, situation):
    for area in ("botkyrka", "uppsala"):
        turn = respond(guide, situation, "", default_area=area)
        assert not [card.id for card in turn.reply.cards if card.id.startswith("stockholm_")]


def test_exit_support_in_botkyrka_starts_with_the_police_exit_coordination(guide):
    turn = respond(guide, "info_avhopp", "", default_area="botkyrka")
    assert ids(turn)[0] == "police_exit_coordination"


@pytest.mark.parametrize(("intent", "area", "resource"), [
    ("young_self", "stockholm", "stockholm_ungdomsjouren"),
    ("young_self", "stockholm", "stockholm_ungdomsmottagningar"),
    ("worried_gang", "stockholm:farsta", "stockholm_foraldraskap_i_sverige"),
    ("worried_gang", "botkyrka", "botkyrka_foraldraskap_i_sverige"),
    ("staff_concern", "stockholm", "stockholm_skolsociala_team"),
    ("staff_concern", "stockholm", "stockholm_socialsekreterare_polis"),
    ("report_crime", None, "sapo_tips"),
    ("affected_by_violence", None, "krisinformation"),
    ("violence_close_relationship", None, "kvinnofridslinjen"),
])
def test_services_from_the_seeds_are_reached(guide, intent, area, resource):
    turn = respond(guide, intent, "", default_area=area)
    assert resource in ids(turn)


def test_extremism_text_says_planned_or_committed_as_the_seed_does(guide):
    turn = respond(guide, "worried_extremism", "jag är orolig för min bror")
    assert "planerar eller har begått ett brott" in turn.reply.text


# --- moves found by whole written conversations (tests/data/dialogues_a.yml) ------------------------------


def test_a_channel_turned_down_gives_the_other_contacts_not_a_description_of_it(guide):
    first = respond(guide, "violence_close_relationship", "min dotter är 19 och hennes pojkvän slår henne")
    turn = respond(guide, "nlu_fallback", "hon säger inte polis, hon blir arg om jag ringer polisen", first.case)
    assert turn.reply.route == "declined"
    assert turn.reply.cards and "police" not in kinds(turn) and "emergency" not in kinds(turn)
    assert kinds(turn)[0] not in ("police", "social_services")  # someone to talk to first


def test_an_angry_no_to_soc_in_a_first_message_puts_soc_last(guide):
    assert kinds(respond(guide, "worried_gang", "min son säljer knark åt ett gäng"))[0] == "social_services"
    turn = respond(guide, "worried_gang", "min son säljer knark åt ett gäng och SOC GÖR INGENTING!!!")
    assert turn.reply.cards and kinds(turn)[0] != "social_services" and "social_services" in kinds(turn)


def test_another_way_to_reach_a_contact_is_answered_from_its_fields(guide):
    first = respond(guide, "violence_close_relationship", "min sambo slår mig")
    turn = respond(guide, "nlu_fallback", "kan jag mejla istället för att ringa? jobbar dagtid", first.case)
    assert turn.reply.route == "follow_up:reach"
    shown = [guide.snapshot().catalogue.get(i) for i in first.case.last_shown]
    assert any(r.url and r.url in turn.reply.text or r.email and r.email in turn.reply.text for r in shown)


def test_doing_it_online_asks_how_to_reach_the_contact_but_being_online_does_not(guide):
    first = respond(guide, "hate_crime", "en man drog av min slöja på bussen igår")
    turn = respond(guide, "nlu_fallback", "kan jag göra det på nätet", first.case)
    assert turn.reply.route == "follow_up:reach"
    other = respond(guide, "worried_extremism", "hon pratar med män på nätet hela nätterna", first.case)
    assert other.reply.route != "follow_up:reach"


def test_thanks_with_a_plan_closes_rather_than_giving_the_number_again(guide):
    first = respond(guide, "crime_victim", "jag blev rånad vid tunnelbanan och kan inte sova")
    turn = respond(guide, "thanks", "okej då ringer jag imorgon. tack", first.case)
    assert turn.reply.route == "closing"
    asking = respond(guide, "thanks", "tack, men när har de öppet?", first.case)
    assert asking.reply.route.startswith("follow_up")
    agreeing = respond(guide, "ask_process", "ok tack, jag pratar med honom ikväll", first.case)
    assert agreeing.reply.route == "closing"


def test_thanks_after_the_help_closes_whatever_the_classifier_reads_into_the_rest(guide):
    first = respond(guide, "worried_gang", "min son har börjat sälja åt några äldre killar")
    for intent, text in (("ask_process", "Tack, vi gör en polisanmälan idag."),
                         ("ask_service", "nu fick jag tag på socialjouren, tack")):
        assert respond(guide, intent, text, first.case).reply.route == "closing", text
    # More to say, a question, or a first message: not a goodbye.
    more = respond(guide, "ask_process", "tack. förresten, hur gör man en orosanmälan", first.case)
    assert more.reply.route != "closing"
    but = respond(guide, "violence_close_relationship", "tack men hans pappa slår honom hemma", first.case)
    assert but.reply.route != "closing" and "violence_close_relationship" in but.case.concerns
    asking = respond(guide, "ask_process", "tack, vi gör en polisanmälan idag. hur går det till?", first.case)
    assert asking.reply.route != "closing"
    opening = respond(guide, "worried_gang", "tack för att ni finns, min son säljer knark åt några äldre killar")
    assert opening.reply.route != "closing" and opening.reply.cards


def test_a_short_answer_that_gives_an_age_adds_no_new_concern_unless_the_classifier_is_sure(guide):
    first = respond(guide, "suicide_selfharm", "min bästa kompis skär sig och säger att jag inte får säga det till nån")
    for confidence, grief in ((0.58, False), (0.9, True)):
        message = Message(text="vi går i 8an", intent="grief_fear", confidence=confidence,
                          ranking=(("grief_fear", confidence),))
        turn = guide.respond(message, first.case, TUESDAY_NOON)
        assert turn.case.age_group == "under_18"
        assert ("grief_fear" in turn.case.concerns) is grief, confidence


def test_a_writer_who_gives_an_adult_age_is_not_a_young_person_writing_about_themselves(guide):
    first = respond(guide, "crime_victim", "blev hotad med kniv och rånad igår i vällingby")
    turn = respond(guide, "young_self", "jag är 74 år och nu vågar jag inte gå ut och handla", first.case)
    assert "child_helpline" not in kinds(turn)
    young = respond(guide, "young_self", "jag är 15 och vågar inte gå till skolan")
    assert "child_helpline" in kinds(young)


def test_danger_written_twice_gets_112_first_twice_never_nothing_new(guide):
    first = respond(guide, "acute_danger", "han står utanför med kniv")
    again = respond(guide, "acute_danger", "han försöker ta sig in nu", first.case)
    assert again.reply.urgent and kinds(again)[0] == "emergency"
    assert again.reply.full_text() != first.reply.full_text()


def test_after_the_emergency_answer_the_rest_of_the_case_gets_its_help(guide):
    first = respond(guide, "threat_extortion", "min bror blir hotad av ett gäng")
    danger = respond(guide, "acute_danger", "nu står dom utanför hans port", first.case)
    turn = respond(guide, "nlu_fallback", "han vill inte anmäla", danger.case)
    assert turn.reply.route.startswith("after_danger") and turn.reply.cards
    assert not turn.reply.urgent and "emergency" not in kinds(turn)


def test_after_the_emergency_answer_a_parent_is_not_sent_to_a_line_for_the_young_first(guide):
    # "förlåt hon är 16 inte 15" after 112: Bris is for the daughter to call; the mother's own contacts come first.
    danger = guide.respond(Message(text="min dotter 15 år pratar med en man på tiktok, hon ska bära niqab och inte prata med kuffar",
                                   intent="acute_danger", ranking=(("acute_danger", 0.6), ("worried_extremism", 0.3))),
                           Case(), TUESDAY_NOON)
    turn = respond(guide, "inform_age", "förlåt hon är 16 inte 15", danger.case)
    assert turn.case.role == "relative" and turn.reply.route.startswith("after_danger")
    assert kinds(turn)[0] != "child_helpline"


def test_thanks_once_help_has_come_after_danger_closes_with_the_help_for_afterwards(guide):
    worry = respond(guide, "threat_extortion", "min bror blir hotad av ett gäng")
    danger = respond(guide, "acute_danger", "nu står dom utanför hans port med kniv", worry.case)
    thanks = respond(guide, "thanks", "polisen är här nu och dom har sprungit. tack för hjälpen", danger.case)
    assert thanks.reply.route == "closing" and not thanks.reply.urgent
    assert {"emergency", "police", "victim_support"} <= set(kinds(thanks))  # and the support for afterwards
    asks = respond(guide, "thanks", "polisen är här nu, tack. vad gör vi sen?", danger.case)
    assert asks.reply.route.startswith("after_danger")


@pytest.mark.parametrize("text", ["polisen e här nu. jag skakar",
                                  "polisen har tagit honom nu. men barnen såg allt och gråter, vad gör jag"])
def test_help_come_as_people_write_it_ends_the_emergency_answer(guide, text):
    worry = respond(guide, "affected_by_violence", "en kille jagar mig")
    danger = respond(guide, "acute_danger", "han står utanför butiken med kniv nu", worry.case)
    turn = guide.respond(Message.from_parse_data(
        {"intent": {"name": "acute_danger", "confidence": 1.0}, "danger_rule": "danger_model", "danger_probability": 0.45},
        text), danger.case, TUESDAY_NOON)
    assert turn.reply.route.startswith("after_danger") and not turn.reply.urgent and turn.reply.cards


def test_self_harm_or_thoughts_of_suicide_in_so_many_words_lead_whatever_the_classifier_read(guide):
    text = "min son har blivit lämnad av flickvännen och säger att det inte är nån idé att leva"
    turn = respond(guide, "violence_close_relationship", text)
    assert turn.reply.route.startswith("suicide_support") and kinds(turn)[0] == "health"
    assert "violence_close_relationship" in turn.case.concerns  # what the classifier read stays in the case
    plain = respond(guide, "violence_close_relationship", "min sambo slår mig när han druckit")
    assert not plain.reply.route.startswith("suicide_support")


def test_a_question_about_the_police_s_part_of_the_process_gets_the_police_and_victim_support_first(guide):
    # Witnessing has its own answer: victim support's witness support first, then the police (session 17).
    witness = respond(guide, "ask_process", "finns det nåt sätt att vittna utan att dom ser mig i rätten?")
    assert witness.reply.route == "process:witness" and kinds(witness)[:2] == ["victim_support", "police"]
    assert "video" in witness.reply.text
    worry = respond(guide, "ask_process", "hur gör man en orosanmälan om grannens barn?")
    assert kinds(worry)[0] == "social_services"
    # In a conversation, the question gets the police and victim support described, as for a kind asked for.
    hate = respond(guide, "hate_crime", "jag blev kallad blatte och spottad på i tunnelbanan igår")
    report = respond(guide, "ask_process", "ska vi polisanmäla det?", hate.case)
    assert report.reply.route == "follow_up:what_is" and kinds(report)[:2] == ["police", "victim_support"]


def test_a_clear_question_once_help_has_come_after_danger_gets_its_answer_and_the_emergency_line(guide):
    worry = respond(guide, "violence_close_relationship", "jag hör mycket bråk hos grannen, typ varje helg")
    danger = respond(guide, "acute_danger", "det är igång nu, han slår henne", worry.case)
    question = guide.respond(Message(text="polisen kom. det bor två små barn där, kan jag göra en orosanmälan också?",
                                     intent="ask_process", confidence=0.99), danger.case, TUESDAY_NOON)
    assert question.reply.route == "process" and kinds(question)[0] == "social_services"
    assert not question.reply.urgent and "112" in question.reply.full_text()
    # An unsure reading of the question is still the help for afterwards.
    unsure = guide.respond(Message(text="polisen kom. vad gör vi nu med allt?", intent="ask_process", confidence=0.4),
                           danger.case, TUESDAY_NOON)
    assert unsure.reply.route.startswith("after_danger")


def test_a_practical_question_that_brings_a_new_concern_is_answered_about_its_contacts(guide):
    # "Kan man lämna tips anonymt?" after help for staff: the classifier reads a crime report (a new concern);
    # the person asked whether it is anonymous, so the answer comes from the police's own fields.
    first = respond(guide, "staff_concern", "jobbar på en fritidsgård, några ungdomar säger att de bär kniv")
    turn = respond(guide, "report_crime", "vi vill inte att de ska tro att vi gollar. kan man lämna tips anonymt?", first.case)
    assert turn.reply.route == "follow_up:anonymity"
    assert "Polisen kan inte lova att du är anonym" in turn.reply.text and "report_crime" in turn.case.concerns


def test_once_112_is_called_the_next_question_gets_the_help_after_it(guide):
    worry = respond(guide, "affected_by_violence", "jag är lärare och en elev blev hotad på skolan i förra veckan")
    danger = respond(guide, "acute_danger", "nu står han med kniv i korridoren och hotar en annan", worry.case)
    called = guide.respond(Message.from_parse_data(
        {"intent": {"name": "acute_danger", "confidence": 1.0}, "danger_rule": "danger_model", "danger_probability": 0.8},
        "har ringt 112 nu och polisen är på väg. hur tar vi hand om eleverna efteråt?"), danger.case, TUESDAY_NOON)
    assert called.reply.route.startswith("after_danger") and called.reply.cards
    assert "emergency" not in kinds(called)
    pattern = guide.respond(Message.from_parse_data(
        {"intent": {"name": "acute_danger", "confidence": 1.0}, "danger_rule": "weapon", "danger_probability": 0.8},
        "polisen är på väg men han har fortfarande kniven"), danger.case, TUESDAY_NOON)
    assert pattern.reply.urgent and kinds(pattern)[0] == "emergency"  # an editors' pattern: still danger


def test_later_in_a_neighbours_conversation_a_first_person_line_is_not_a_young_persons_concern(guide):
    first = respond(guide, "report_crime", "det langas i vår trappuppgång varje kväll")
    turn = respond(guide, "young_self", "jag vill vara anonym, jag är rädd att dom ska förstå att det är jag", first.case)
    assert "child_helpline" not in kinds(turn)


def test_a_later_question_about_reaching_someone_is_about_the_contacts_unless_a_concern_is_sure(guide):
    first = respond(guide, "worried_extremism", "mitt barnbarn skriver hemska saker om flickor och hyllar en mördare")
    question = "jag vill inte ringa, jag hör dåligt. kan jag skriva nånstans istället?"
    weak = guide.respond(Message(text=question, intent="suicide_selfharm", confidence=0.59), first.case, TUESDAY_NOON)
    assert weak.reply.route == "follow_up:reach"
    sure = guide.respond(Message(text=question, intent="suicide_selfharm", confidence=0.95), first.case, TUESDAY_NOON)
    assert sure.reply.route == "suicide_support"


# --- moves found by conversation sets A, C and D (session 6) ----------------------------------------------


def test_a_social_worker_is_not_referred_to_social_services_first(guide):
    teacher = respond(guide, "staff_concern", "jag är lärare och en elev delar nazistisk propaganda")
    assert kinds(teacher)[0] == "social_services"
    turn = respond(guide, "staff_concern", "jag är socialsekreterare och en ungdom jag har delar nazistisk propaganda")
    assert turn.case.set_aside == ("social_services",)
    assert kinds(turn)[0] == "professional_support"
    # Set aside, not removed, and never behind the police: the police are no answer to "not soc".
    assert kinds(turn).index("social_services") < kinds(turn).index("police")


def test_soc_turned_down_stays_turned_down_for_the_rest_of_the_conversation(guide):
    first = respond(guide, "worried_gang", "min son är 15 och säljer knark åt några äldre killar")
    assert kinds(first)[0] == "social_services"
    no = respond(guide, "deny", "nej inte soc igen", first.case)
    assert no.case.set_aside == ("social_services",)
    turn = respond(guide, "inform_area", "vi bor i husby", no.case, entities={"area": "stockholm:rinkeby_kista"})
    assert turn.reply.cards and kinds(turn)[0] != "social_services"


def test_a_kind_asked_for_by_what_it_does_comes_first(guide):
    first = respond(guide, "staff_concern", "jag är kurator i Farsta och en elev delar nazistiska memes")
    assert kinds(first)[0] == "social_services"
    turn = respond(guide, "nlu_fallback", "finns det någon samordnare som jobbar med det här som jag kan konsultera?",
                   first.case)
    assert kinds(turn)[0] == "coordinator"
    # A fact, not a refusal: "har aldrig haft kontakt med soc" sets nothing aside.
    fact = respond(guide, "ask_process", "vi har aldrig haft kontakt med soc, hur går en orosanmälan till?")
    assert fact.case.set_aside == ()


def test_a_bare_okay_after_the_help_is_a_goodbye_but_answers_a_question_asked(guide):
    first = respond(guide, "crime_victim", "jag blev rånad vid tunnelbanan och kan inte sova")
    assert respond(guide, "affirm", "aight", first.case).reply.route == "closing"
    assert respond(guide, "affirm", "okej bra", first.case).reply.route == "closing"
    asked = replace(first.case, pending="what_happens")
    assert respond(guide, "affirm", "okej", asked).reply.route != "closing"
    assert respond(guide, "affirm", "okej", Case()).reply.route != "closing"  # nothing given yet


def test_a_question_without_an_answer_in_the_catalogue_says_who_can_answer_it_not_a_nudge(guide):
    first = respond(guide, "crime_victim", "jag blev misshandlad för två år sen och i vår är det rättegång")
    turn = respond(guide, "nlu_fallback", "kan jag ha nån med mig i rätten?", first.case)
    assert turn.reply.route == "follow_up:open_question"
    assert turn.reply.cards and [c.id for c in turn.reply.cards] == [i for i in first.case.last_shown
                                                                      if i != "police_emergency"][:2]
    # Not a question: the nudge, as before.
    assert respond(guide, "nlu_fallback", "han sitter hemma nu", first.case).reply.route != "follow_up:open_question"


def test_a_number_asked_for_by_kind_is_that_kind_s_number_not_the_last_reply_s(guide):
    first = respond(guide, "leave_gang", "jag vill hoppa av gänget men jag vet inte hur")
    danger = respond(guide, "acute_danger", "nu säger de att de ska döda mig ikväll om jag går", first.case)
    turn = respond(guide, "ask_contact_detail", "vad var numret till avhopparna?", danger.case)
    assert turn.reply.route == "follow_up:number"
    exit_names = [guide.snapshot().catalogue.get(i).name for i in first.case.shown
                  if guide.snapshot().catalogue.get(i).kind == "exit_programme"]
    assert exit_names and turn.reply.text.startswith(exit_names[0])
    # The number asked for; right after the emergency answer the emergency number follows it, as its own sentence.
    answer, _, after = turn.reply.text.partition(" Är någon i fara just nu")
    assert "112" not in answer and "112" in after


def test_after_an_unsure_answer_an_age_goes_on_about_the_likeliest_situation_not_back_to_the_menu(guide):
    unsure = guide.respond(Message(text="grannarna bråkar, jag hör skrik genom väggen", intent="nlu_fallback",
                                   ranking=(("nlu_fallback", 0.25), ("threat_extortion", 0.2))), Case(), TUESDAY_NOON)
    assert unsure.reply.route.startswith("unsure:") and unsure.case.tentative == "threat_extortion"
    turn = respond(guide, "inform_age", "det bor små barn där, kanske 3 och 6 år", unsure.case)
    assert turn.reply.route != "ask_situation" and turn.case.concerns == ("threat_extortion",)
    assert Case.from_slot({"tentative": "not a situation"}).tentative is None


def test_after_112_for_a_message_with_no_other_concern_a_place_gets_the_help_for_what_the_classifier_also_saw(guide):
    note = Message(text="nån har skrivit n-ordet på min dörr och lagt en lapp där det står 'åk hem'",
                   intent="acute_danger", ranking=(("acute_danger", 1.0), ("hate_crime", 0.43)))
    danger = guide.respond(note, Case(), TUESDAY_NOON)
    assert danger.reply.urgent and danger.case.tentative == "hate_crime"
    turn = respond(guide, "inform_area", "det är tredje gången. jag bor i tumba", danger.case,
                   entities={"area": "botkyrka"})
    assert turn.reply.cards and kinds(turn)[0] == "police" and "hate_crime" in turn.case.concerns
    # A guess the classifier was not sure of is not kept.
    knife = Message(text="han står utanför med en kniv", intent="acute_danger",
                    ranking=(("acute_danger", 1.0), ("hate_crime", 0.01)))
    assert guide.respond(knife, Case(), TUESDAY_NOON).case.tentative is None


def test_a_municipal_service_named_by_someone_whose_municipality_is_unknown_is_given(guide):
    text = "fältarna hittade mig när jag var full i centrum och ringde mamma. kommer de berätta för skolan också?"
    turn = respond(guide, "ask_service", text)
    assert ids(turn)[0] == "stockholm_faltassistenter"
    # Never another municipality's own contact to someone who lives elsewhere.
    elsewhere = respond(guide, "ask_service", text, entities={"area": "botkyrka"})
    assert "stockholm_faltassistenter" not in ids(elsewhere)


def test_who_asks_for_a_line_for_professionals_is_answered_as_one(guide):
    text = "Kan yrkesverksamma nyttja er stödtelefon för konsultation kring ungdom som sprider extremistiskt material?"
    turn = respond(guide, "ask_service", text)
    assert turn.case.role == "staff"
    assert kinds(turn)[0] == "professional_support"


def test_a_parent_keeps_their_own_first_contact_when_bris_is_added_for_the_young_person(guide):
    first = respond(guide, "worried_gang", "min son hänger med ett gäng som säljer knark")
    turn = respond(guide, "inform_age", "han är 14", first.case)
    assert turn.reply.route.startswith("for_the_young:")
    assert kinds(turn)[0] == kinds(first)[0] == "social_services" and "child_helpline" in kinds(turn)
    bris = next(c for c in turn.reply.cards if c.kind == "child_helpline")
    assert bris.name.split(" – ")[0] in turn.reply.text and " – " not in turn.reply.text  # the name, not the number


def test_a_young_writer_about_a_friend_gets_bris_as_news_not_as_a_line_for_someone_else(guide):
    first = respond(guide, "worried_gang", "min bästa vän har börjat hänga med ett gäng")
    turn = respond(guide, "inform_age", "vi är 14", first.case)
    assert not turn.reply.route.startswith("for_the_young")
    assert "child_helpline" in kinds(turn)


def test_a_contact_is_named_without_its_number_but_with_its_unit():
    from bot.conversation.turn import listed, short_name

    def named(name):
        return type("R", (), {"name": name})()

    assert short_name(named("Bris – 116 111")) == "Bris"
    assert short_name(named("Kvinnofridslinjen – 020-50 50 50")) == "Kvinnofridslinjen"
    assert short_name(named("Botkyrka kommun – socialtjänsten")) == "Botkyrka kommun – socialtjänsten"
    assert listed([named("Bris – 116 111"), named("Tjejjourer och ungdomsjourer"), named("UMO")]) == \
        "Bris, Tjejjourer och ungdomsjourer och UMO"


def _maybe_danger(text: str, besides: str) -> Message:
    """As the NLU gives the danger classifier's unsure guess with only a plan or a day to say now."""
    return Message.from_parse_data({"intent": {"name": "acute_danger_maybe", "confidence": 1.0},
                                    "intent_ranking": [{"name": "acute_danger_maybe", "confidence": 1.0},
                                                       {"name": besides, "confidence": 0.5}],
                                    "danger_rule": "danger_model", "danger_probability": 0.45}, text)


def test_a_maybe_danger_opening_a_conversation_gets_112_first(guide):
    turn = guide.respond(_maybe_danger("dom har sagt att det händer idag", "threat_extortion"), Case(), TUESDAY_NOON)
    assert turn.reply.urgent and kinds(turn)[0] == "emergency"


def test_a_maybe_danger_after_the_help_is_what_it_is_about_besides(guide):
    first = respond(guide, "worried_gang", "min son hänger med ett gäng i centrum")
    turn = guide.respond(_maybe_danger("vi har möte med soc idag, vad ska jag säga", "ask_process"), first.case, TUESDAY_NOON)
    assert not turn.reply.urgent and "emergency" not in kinds(turn)
    assert turn.reply.route.split(":")[0] not in ("danger_now", "after_danger")
    # The classifier saw some danger: the emergency number stays in sight, in words rather than first.
    emergency = guide.snapshot().catalogue.resources["police_emergency"].phones[0].number
    assert emergency in turn.reply.full_text()
    nudged = guide.respond(_maybe_danger("han säger att han inte vågar gå hem idag", "nlu_fallback"), first.case, TUESDAY_NOON)
    assert not nudged.reply.urgent and emergency in nudged.reply.text


def test_a_maybe_danger_after_danger_in_the_same_conversation_is_danger_again(guide):
    first = respond(guide, "violence_close_relationship", "min pappa slår min mamma")
    danger = respond(guide, "acute_danger", "nu slår han henne igen", first.case)
    turn = guide.respond(_maybe_danger("han är fortfarande kvar i lägenheten", "violence_close_relationship"),
                         danger.case, TUESDAY_NOON)
    assert turn.reply.urgent and kinds(turn)[0] == "emergency"


def test_a_maybe_danger_stays_danger_where_danger_can_hide(guide):
    # Violence at home: the bot has shown help and asked whether anyone is in danger now; "fortfarande" answers it.
    first = respond(guide, "violence_close_relationship", "min pappa slår min mamma")
    assert first.case.shown and not first.case.helped_without_danger
    turn = guide.respond(_maybe_danger("han är fortfarande här och skriker", "violence_close_relationship"),
                         first.case, TUESDAY_NOON)
    assert turn.reply.urgent and kinds(turn)[0] == "emergency"


def test_the_open_question_whether_anyone_is_in_danger_keeps_a_maybe_danger_danger(guide):
    first = respond(guide, "worried_gang", "min son hänger med ett gäng i centrum")
    asked = replace(first.case, pending="danger")
    assert first.case.helped_without_danger and not asked.helped_without_danger


@pytest.mark.parametrize(("text", "first"), [
    # The writer is the one who hits: the line for those who use violence first.
    ("jag har slagit min flickvän två gånger nu. jag vill inte vara sån. finns det hjälp för sånna som mig",
     "valj_att_sluta"),
    ("jag blir våldsam mot min fru när jag druckit och vill sluta", "valj_att_sluta"),
    # The writer is hit: the lines for those who are hit, as before.
    ("min sambo slår mig när han druckit", "kvinnofridslinjen"),
])
def test_violence_at_home_from_the_one_who_uses_it_gives_the_line_to_stop_first(guide, text, first):
    turn = respond(guide, "violence_close_relationship", text)
    assert not turn.reply.urgent and ids(turn)[0] == first


@pytest.mark.parametrize(("intent", "text", "route"), [
    ("worried_extremism", "min son har varit med i en nazistisk grupp i tre år. nu säger han att han vill ut men är rädd",
     "leave_extremism"),
    ("worried_gang", "min bror vill lämna gänget men de säger att han är skyldig dem pengar", "leave_gang"),
    # Leaving the country to join a group is the worry itself.
    ("worried_extremism", "min kusin pratar om att han vill lämna Sverige och åka till Syrien", "extremism"),
])
def test_a_worry_about_someone_who_wants_out_gets_the_help_to_leave(guide, intent, text, route):
    turn = respond(guide, intent, text)
    assert turn.reply.route.startswith(route)


def test_a_municipality_s_social_services_answer_about_anonymity_with_the_law_s_rule(guide):
    # Botkyrka's own card says nothing of anonymity; the rules for an orosanmälan are the same everywhere.
    first = respond(guide, "worried_gang", "min son på 15 säljer knark åt äldre killar", default_area="botkyrka")
    assert "botkyrka_socialtjanst" in ids(first)
    question = guide.respond(Message(text="kan jag vara anonym?", intent="ask_contact_detail"), first.case, TUESDAY_NOON)
    assert question.reply.route == "follow_up:anonymity"
    generic = guide.snapshot().catalogue.get("social_services_generic")
    assert generic.anonymity in question.reply.text


def test_a_question_that_names_a_service_is_about_it_not_about_this_chat(guide):
    first = respond(guide, "leave_gang", "jag vill lämna gänget men jag är skyldig pengar")
    # The classifier's fallback guess for "skydda" is a question about the chat's privacy.
    police = guide.respond(Message(text="kan polisen skydda mig?", intent="privacy_question"), first.case, TUESDAY_NOON)
    assert police.reply.route != "privacy" and police.reply.cards
    chat = guide.respond(Message(text="kan polisen läsa vad jag skriver?", intent="privacy_question"), first.case,
                         TUESDAY_NOON)
    assert chat.reply.route == "privacy"


def test_asking_for_groups_for_parents_gives_parent_support_first(guide):
    first = respond(guide, "worried_gang", "min son på 16 har börjat bära kniv, vi bor i alby")
    groups = guide.respond(Message(text="finns det föräldragrupper?", intent="info_sig"), first.case, TUESDAY_NOON)
    assert kinds(groups)[0] == "parent_support"


def test_what_is_passus_read_as_out_of_scope_is_answered_about_passus(guide):
    turn = respond(guide, "out_of_scope", "vad e passus")
    assert turn.reply.route == "follow_up:what_is" and ids(turn) == ["passus_fryshuset"]


def test_the_goodbye_after_the_police_were_turned_down_keeps_112_but_not_the_police(guide):
    first = respond(guide, "threat_extortion", "de hotar min familj om jag inte betalar")
    declined = guide.respond(Message(text="nej inte polisen", intent="deny"), first.case, TUESDAY_NOON)
    bye = guide.respond(Message(text="tack", intent="thanks"), declined.case, TUESDAY_NOON)
    assert bye.reply.route == "closing"
    assert "police_emergency" in ids(bye) and "police_non_emergency" not in ids(bye)
    assert "114 14" not in bye.reply.text and "112" in bye.reply.text


def test_a_place_and_an_age_are_acknowledged_in_one_sentence(guide):
    first = respond(guide, "worried_gang", "min son har börjat hänga med ett gäng")
    then = guide.respond(Message(text="vi bor i rinkeby, han är 14", intent="inform_area"), first.case, TUESDAY_NOON)
    assert then.reply.text.startswith("Tack, då vet jag att det gäller Järva och någon under 18.")


def test_a_short_question_after_the_contacts_is_about_them_even_when_read_as_a_weak_situation(guide):
    first = respond(guide, "staff_concern", "jag är kurator och en elev säljer knark åt sin bror")
    then = guide.respond(Message(text="vad händer sen", intent="affected_by_violence", confidence=0.37),
                         first.case, TUESDAY_NOON)
    assert then.reply.route == "follow_up:what_happens"
    assert guide.snapshot().catalogue.get("social_services_generic").what_happens in then.reply.text


def test_a_question_about_how_to_report_to_a_named_service_puts_it_first(guide):
    turn = respond(guide, "ask_process", "hur anmäler jag till Säpo om jag tror att nån planerar terrorattack?")
    assert ids(turn)[0] == "sapo_tips"
    # A service mentioned on the way is not what the question is about.
    orosanmalan = respond(guide, "ask_process", "hur gör man en orosanmälan, polisen sa att jag skulle")
    assert kinds(orosanmalan)[0] == "social_services"


def test_a_restraining_order_is_asked_of_the_police_first(guide):
    first = respond(guide, "violence_close_relationship", "min exman hotar mig och kommer hem till mig")
    order = guide.respond(Message(text="kan jag få kontaktförbud?", intent="ask_process", confidence=1.0),
                          first.case, TUESDAY_NOON)
    assert kinds(order)[0] == "police"


def test_a_man_hit_by_his_wife_is_not_sent_to_a_line_for_women(guide):
    turn = respond(guide, "violence_close_relationship", "Jag är en man på 45 och min fru slår mig")
    assert ids(turn)[0] == "brottsofferjouren"
    assert "kvinnofridslinjen" not in ids(turn) and "Kvinnofridslinjen" not in turn.reply.text


def test_a_boy_hit_by_his_girlfriend_gets_lines_for_boys(guide):
    turn = respond(guide, "violence_close_relationship", "jag är kille 16 och min tjej slår mig")
    assert ids(turn)[:2] == ["bris", "killar_se"]
    assert not {"tjejjouren", "kvinnofridslinjen"} & set(ids(turn))


def test_a_woman_still_gets_kvinnofridslinjen_first(guide):
    turn = respond(guide, "violence_close_relationship", "min man slår mig när han dricker")
    assert ids(turn)[0] == "kvinnofridslinjen"


def test_a_man_said_later_changes_the_help(guide):
    first = respond(guide, "violence_close_relationship", "min sambo slår mig")
    assert ids(first)[0] == "kvinnofridslinjen"
    later = respond(guide, "inform_role", "jag är en man", first.case)
    assert "brottsofferjouren" in ids(later) and "kvinnofridslinjen" not in ids(later)


@pytest.mark.parametrize(("text", "first"), [
    ("min son 16 blev gripen igår misstänkt för rån, vad händer nu", "social_services"),
    ("min man sitter i fängelse och barnen frågar var han är", "social_services"),
    ("min pappa sitter i fängelse och jag är 14", "child_helpline"),
    ("jag jobbar som lärare, en elevs pappa sitter häktad", "social_services"),
])
def test_the_family_of_someone_suspected_or_in_prison(guide, text, first):
    turn = respond(guide, "relative_suspected", text)
    assert turn.reply.route.startswith("relative_suspected")
    assert kinds(turn)[0] == first
    assert "brottsofferjouren" not in ids(turn)  # they are not the victims of the crime


@pytest.mark.parametrize(("intent", "text", "service"), [
    ("leave_gang", "vad är Välj att sluta", "valj_att_sluta"),
    ("out_of_scope", "vad e passus", "passus_fryshuset"),
    ("info_avhopp", "Vad är EXIT Fryshuset?", "exit_fryshuset"),
])
def test_what_a_named_service_is_whatever_the_name_sounds_like(guide, intent, text, service):
    turn = respond(guide, intent, text)
    assert turn.reply.route == "follow_up:what_is"
    assert ids(turn)[0] == service
    assert not turn.case.concerns  # the name is no concern of the writer's


def test_someone_who_dares_not_call_during_danger_gets_the_number_again(guide):
    danger = respond(guide, "acute_danger", "han slår henne just nu i lägenheten bredvid")
    assert danger.reply.urgent
    turn = respond(guide, "young_self", "jag vågar inte ringa, han vet vem jag är", danger.case)
    assert turn.reply.urgent and kinds(turn)[0] == "emergency"
    assert "112" in turn.reply.text


def test_the_same_fear_of_calling_without_danger_is_no_emergency(guide):
    turn = respond(guide, "young_self", "jag vågar inte ringa soc, tänk om de tar mina barn")
    assert not turn.reply.urgent


def test_languages_of_several_services_in_one_sentence_and_with_their_names(guide):
    shown = respond(guide, "worried_extremism", "min son har blivit radikaliserad på nätet")
    turn = respond(guide, "ask_contact_detail", "vilka språk pratar de?", shown.case)
    assert turn.reply.text.count("Jag vet inte vilka språk") <= 1
    assert "danska" in turn.reply.text and ", da," not in turn.reply.text and ", az," not in turn.reply.text


def test_every_language_in_the_catalogue_has_a_swedish_name(guide):
    from bot.conversation.phrases import LANGUAGE_NAMES
    codes = {code for r in guide.snapshot().catalogue.resources.values() for code in r.languages}
    assert codes and codes <= set(LANGUAGE_NAMES)


@pytest.mark.parametrize(("before", "text"), [
    (("threat_extortion", "han säger att han sprider bilderna om jag inte betalar 500"), "hur anmäler man sånt"),
    (("threat_extortion", "min granne hotar mig hela tiden"), "ska vi anmäla?"),
    (None, "hur gör jag en polisanmälan om hot"),
])
def test_a_question_about_reporting_a_crime_is_about_the_police(guide, before, text):
    case = respond(guide, *before).case if before else None
    turn = respond(guide, "ask_process", text, case)
    assert ids(turn)[:2] == ["police_non_emergency", "brottsofferjouren"]
    assert "polisanmälan" in turn.reply.text and "orosanmälan" not in turn.reply.text


def test_reporting_a_worry_for_a_child_is_still_an_orosanmalan(guide):
    case = respond(guide, "worried_gang", "min son 14 säljer knark åt några äldre").case
    turn = respond(guide, "ask_process", "hur anmäler man", case)
    assert kinds(turn)[0] == "social_services" and "orosanmälan" in turn.reply.text


@pytest.mark.parametrize(("intent", "text", "question"), [
    ("crime_victim", "jag blev rånad igår på väg hem", "Hur gammal är du?"),
    ("grief_fear", "jag kan inte sova sen skjutningen", "Hur gammal är du?"),
    ("crime_victim", "min son blev rånad igår på väg hem", "Hur gammal är den du är orolig för?"),
])
def test_the_age_question_asks_the_writer_when_it_is_about_them(guide, intent, text, question):
    assert respond(guide, intent, text).reply.question.startswith(question)


def test_soc_turned_down_for_fear_of_losing_the_child_gets_the_facts_and_other_help(guide):
    case = respond(guide, "worried_gang", "min son 15 har börjat hänga med ett gäng och säljer knark").case
    turn = respond(guide, "deny", "nej inte soc, jag vill inte att de tar honom", case)
    assert turn.reply.route == "declined" and "social_services" not in kinds(turn)
    assert "mycket ovanligt att en orosanmälan leder till att ett barn flyttas" in turn.reply.text
    more = respond(guide, "start_over", "finns det något annat?", turn.case)
    assert more.reply.route == "declined" and "social_services" not in kinds(more)  # still not soc, and no restart


def test_asking_for_something_else_after_the_help_is_not_a_restart(guide):
    case = respond(guide, "crime_victim", "jag blev rånad igår").case
    turn = respond(guide, "start_over", "finns det något annat jag kan göra?", case)
    assert turn.reply.route == "declined" and turn.reply.cards
    assert "Fler kontakter än de här har jag inte" in turn.reply.text  # honest: nothing new to add


def test_secrecy_and_the_duty_to_report(guide):
    turn = respond(guide, "ask_process", "Bryter jag sekretessen om jag gör en orosanmälan? jag är skolsköterska")
    assert turn.reply.route == "process:secrecy" and kinds(turn) == ["social_services"]
    assert "väger tyngre än sekretessen" in turn.reply.text


def test_blackmail_asking_whether_to_pay_gets_the_polices_advice(guide):
    case = respond(guide, "threat_extortion", "han har nakenbilder på mig och vill ha 500 annars sprider han dom").case
    turn = respond(guide, "ask_contact_detail", "kan jag inte bara betala?", case)
    assert turn.reply.route == "follow_up:dont_pay" and kinds(turn)[0] == "police"
    assert "avråder från att betala" in turn.reply.text


def test_a_vague_opening_gets_the_likeliest_help_and_a_question_and_takes_nothing_as_said(guide):
    opening = Message(text="hej jag vet inte riktigt vart jag ska vända mig", intent="young_self", confidence=0.54,
                      ranking=(("young_self", 0.54), ("worried_gang", 0.2)))
    turn = guide.respond(opening, Case(), TUESDAY_NOON)
    assert turn.reply.route.startswith("unsure:") and turn.reply.buttons and turn.reply.cards
    assert not turn.case.concerns
    later = respond(guide, "worried_extremism", "det gäller min systerdotter", turn.case)
    assert not later.case.concerns and later.case.role == "relative"
    assert "child_helpline" not in kinds(later)[:1]  # the aunt is not sent to Bris first
    told = respond(guide, "violence_close_relationship", "hon har en kille som är mycket äldre och han bestämmer allt",
                   later.case)
    assert told.case.concerns == ("violence_close_relationship",) and told.reply.cards


# --- answers to the bot's own danger question, and the turn right after the emergency answer (session 16) -----


def _classifier_danger(text):
    """A message the danger classifier alone read as danger now (no editors' pattern)."""
    return Message.from_parse_data({"intent": {"name": "acute_danger", "confidence": 1.0},
                                    "intent_ranking": [{"name": "acute_danger", "confidence": 1.0},
                                                       {"name": "violence_close_relationship", "confidence": 0.3}],
                                    "danger_rule": "danger_model", "danger_probability": 0.6}, text)


def test_no_to_the_danger_question_is_an_answer_not_danger(guide):
    first = respond(guide, "violence_close_relationship",
                    "min systerdotter 16 får inte ha kompisar och dom kollar hennes telefon, hon tror hon ska giftas bort")
    assert first.case.pending == "danger"
    turn = guide.respond(_classifier_danger("nej inte nu, dom åker i juni"), first.case, TUESDAY_NOON)
    assert not turn.reply.urgent and turn.reply.route.startswith("answer")
    assert "Bra att ingen är i fara just nu" in turn.reply.text and "112" in turn.reply.text
    # A word of now after "men" is danger again, and so is an editors' pattern.
    later = guide.respond(_classifier_danger("nej dom är inte här nu men dom skrev att dom kommer ikväll"), first.case,
                          TUESDAY_NOON)
    assert later.reply.urgent
    pattern = guide.respond(Message.from_parse_data(
        {"intent": {"name": "acute_danger", "confidence": 1.0}, "danger_rule": "weapon", "danger_probability": 0.6},
        "nej men han har en kniv"), first.case, TUESDAY_NOON)
    assert pattern.reply.urgent


def test_a_correction_of_the_emergency_answer_gets_the_calm_help(guide):
    danger = guide.respond(_classifier_danger("dom har sagt att om jag slutar så händer nåt med min mamma"), Case(),
                           TUESDAY_NOON)
    assert danger.reply.urgent
    calm = guide.respond(_classifier_danger("nej det är inte akut nu"), danger.case, TUESDAY_NOON)
    assert not calm.reply.urgent and calm.reply.cards and "emergency" not in kinds(calm)
    assert not calm.case.danger
    # A bare "nej" after the emergency answer, which asked nothing, says nothing of the danger.
    bare = guide.respond(_classifier_danger("nej"), danger.case, TUESDAY_NOON)
    assert bare.reply.urgent


def test_right_after_the_emergency_answer_yes_or_an_unknown_address_keeps_112_first(guide):
    danger = respond(guide, "acute_danger", "min kompis har tagit en massa tabletter och vill dö")
    assert danger.reply.urgent
    address = respond(guide, "nlu_fallback", "jag vet inte var hon bor exakt", danger.case)
    assert address.reply.urgent and kinds(address)[0] == "emergency" and "adressen" in address.reply.text
    yes = respond(guide, "affirm", "ja", danger.case)
    assert yes.reply.urgent and kinds(yes)[0] == "emergency"
    # A place asks for the help where the person is: the local help, with the emergency number in the text.
    place = respond(guide, "inform_area", "vi bor i tumba", danger.case)
    assert not place.reply.urgent and "112" in place.reply.full_text()
    safe = respond(guide, "deny", "nej jag e safe nu", danger.case)
    assert not safe.reply.urgent


def test_a_bare_number_answers_how_old(guide):
    first = respond(guide, "leave_gang", "jag vill ut ur gänget men dom vet var min mamma bor")
    young = respond(guide, "inform_age", "16", first.case)
    assert young.case.age_group == "under_18" and young.reply.question != first.reply.question
    adult = respond(guide, "inform_age", "20", first.case)
    assert adult.case.age_group == "adult"


def test_a_young_person_asking_about_an_adult_is_not_an_adult(guide):
    first = respond(guide, "young_self", "jag e 14 och pappa slår mamma")
    turn = respond(guide, "ask_process", "måste jag berätta för nån vuxen", first.case)
    assert turn.case.age_group == "under_18"


def test_a_weak_goodbye_without_a_word_of_leaving_does_not_end_the_conversation(guide):
    first = respond(guide, "hate_crime", "nån har klottrat hakkors på vår dörr")
    turn = guide.respond(Message(text="i natt", intent="goodbye", confidence=0.59), first.case, TUESDAY_NOON)
    assert turn.reply.route != "closing" and turn.case.concerns
    bye = guide.respond(Message(text="ok hej då", intent="goodbye", confidence=0.59), first.case, TUESDAY_NOON)
    assert bye.reply.route == "closing"


def test_something_more_said_later_is_a_concern_even_when_the_classifier_is_unsure(guide):
    first = respond(guide, "worried_extremism", "min man har börjat titta på videor om att västvärlden ska förstöras")
    message = Message.from_parse_data({"intent": {"name": "nlu_fallback", "confidence": 0.25},
                                       "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.25},
                                                          {"name": "crime_victim", "confidence": 0.37}]},
                                      "förresten, han har slagit mig några gånger också")
    turn = guide.respond(message, first.case, TUESDAY_NOON)
    assert "crime_victim" in turn.case.concerns and turn.reply.cards


def test_a_relative_worried_for_a_child_at_home_gets_social_services_first(guide):
    aunt = respond(guide, "violence_close_relationship",
                   "jag är moster till en tjej på 16, hennes pappa och farbröder bestämmer allt och slår henne")
    assert aunt.case.age_group == "under_18"
    assert kinds(aunt)[0] == "social_services" and "kvinnofridslinjen" in ids(aunt)
    # A woman about her own partner: Kvinnofridslinjen first, as before.
    woman = respond(guide, "violence_close_relationship", "min sambo slår mig när han dricker")
    assert ids(woman)[0] == "kvinnofridslinjen"


def test_someone_who_uses_violence_gets_the_line_for_those_who_do_not_the_victims_help(guide):
    turn = respond(guide, "violence_close_relationship", "jag har slagit min flickvän två gånger, jag vill sluta")
    assert turn.reply.route.startswith("close_relationship_uses_violence") and ids(turn)[0] == "valj_att_sluta"
    assert "kvinnofridslinjen" not in ids(turn) and "Ingen har rätt att utsätta dig" not in turn.reply.text
    # A victim is not offered the line for those who use violence, now or after a place is given.
    victim = respond(guide, "violence_close_relationship", "min man slår mig")
    place = respond(guide, "inform_area", "vi bor i tumba", victim.case)
    assert "valj_att_sluta" not in ids(victim) + ids(place)


def test_a_parent_afraid_that_soc_takes_the_child_gets_the_answer_first(guide):
    first = respond(guide, "worried_gang", "min son 15 hänger med ett gäng i tensta")
    turn = respond(guide, "ask_service", "kan soc ta honom från mig då?", first.case)
    assert turn.reply.text.startswith("Det är mycket ovanligt att en orosanmälan leder till")
    assert turn.reply.text.count("mycket ovanligt") == 1
    assert not kinds(turn)  # soc's card was in the first reply; asked about, it is not shown again


def test_a_question_about_a_restraining_order_gets_how_to_apply(guide):
    first = respond(guide, "violence_close_relationship", "mitt ex följer efter mig hela tiden och skickar hot")
    turn = respond(guide, "ask_process", "kan jag få kontaktförbud", first.case)
    assert turn.reply.route == "process:restraining_order"
    assert "Åklagarmyndigheten" in turn.reply.text and kinds(turn)[0] == "police"


def test_staff_asking_whether_to_call_the_parents_in_violence_at_home_are_told_to_wait(guide):
    first = respond(guide, "staff_concern", "jag är lärare och en elev berättar att hennes bröder kontrollerar henne "
                                            "och att hon ska giftas bort i sommar")
    assert "violence_close_relationship" in first.case.concerns and first.case.role == "staff"
    turn = respond(guide, "ask_service", "ska jag ringa föräldrarna först?", first.case)
    assert turn.reply.route == "process:parents_later" and turn.reply.text.startswith("Vänta med att kontakta")
    assert turn.case.role == "staff"  # "föräldrarna" is no sign that a young person writes
    assert kinds(turn)[0] == "social_services"
    # About a gang, not violence at home: no such advice.
    gang = respond(guide, "staff_concern", "jag är lärare och en elev säljer knark åt ett gäng")
    assert respond(guide, "ask_service", "ska jag ringa föräldrarna först?", gang.case).reply.route != "process:parents_later"


def test_a_practical_question_after_an_answer_about_a_named_service_is_about_that_service(guide):
    first = respond(guide, "crime_victim", "min kille har slagit mig och jag vill inte polisanmäla")
    named = respond(guide, "ask_service", "vad är kvinnofridslinjen, måste jag säga mitt namn", first.case)
    assert named.reply.route == "follow_up:anonymity"
    hours = respond(guide, "ask_contact_detail", "är det öppet på natten", named.case)
    assert hours.reply.route == "follow_up:hours" and "Kvinnofridslinjen" in hours.reply.text
    assert "114 14" not in hours.reply.text


def test_no_danger_said_in_so_many_words_needs_no_question(guide):
    first = respond(guide, "worried_gang", "min systerdotter 17 har en pojkvän i ett gäng i norsborg")
    turn = guide.respond(_classifier_danger("nej hon är inte i fara just nu vad jag vet"), first.case, TUESDAY_NOON)
    assert not turn.reply.urgent
    # "just nu" alone, without the words that say no danger, is still the classifier's to decide.
    still = guide.respond(_classifier_danger("hon är hos honom just nu"), first.case, TUESDAY_NOON)
    assert still.reply.urgent


def test_after_the_emergency_answer_to_someone_who_wants_to_die_the_line_and_112_stay(guide):
    danger = respond(guide, "acute_danger", "jag vill inte leva längre, jag har tabletter framför mig")
    turn = respond(guide, "nlu_fallback", "jag vill inte att nån kommer hit", danger.case)
    assert turn.reply.urgent and ids(turn)[:2] == ["police_emergency", "mind_suicide_line"]


def test_a_story_with_violence_read_as_giving_an_age_gets_the_likeliest_help(guide):
    message = Message.from_parse_data({"intent": {"name": "inform_role", "confidence": 0.53},
                                       "intent_ranking": [{"name": "inform_role", "confidence": 0.53},
                                                          {"name": "violence_close_relationship", "confidence": 0.2}]},
                                      "min mammas kille slår mig när mamma jobbar. jag e 12")
    turn = guide.respond(message, Case(), TUESDAY_NOON)
    assert turn.reply.route.startswith("unsure:close_relationship") and turn.reply.cards


def test_right_after_the_emergency_answer_he_has_gone_is_the_help_for_afterwards(guide):
    danger = respond(guide, "acute_danger", "det står en kille med kniv utanför min dörr och skriker att han ska döda mig")
    gone = guide.respond(_classifier_danger("han har gått nu"), danger.case, TUESDAY_NOON)
    assert not gone.reply.urgent and gone.reply.route.startswith("after_danger")
    back = guide.respond(_classifier_danger("han har gått nu men han sa att han kommer tillbaka ikväll"), danger.case,
                         TUESDAY_NOON)
    assert back.reply.urgent
    # Without the emergency answer before it, the classifier decides as always.
    assert guide.respond(_classifier_danger("han har gått nu"), Case(), TUESDAY_NOON).reply.urgent


def test_a_young_person_asking_whether_soc_tells_the_parents_gets_the_answer_for_them(guide):
    first = respond(guide, "violence_close_relationship", "jag e 15 o min familj kontrollerar allt, dom säger att jag ska gifta mig i sommar")
    turn = respond(guide, "ask_service", "vad händer om jag ringer soc, kommer dom säga till mina föräldrar?", first.case)
    assert turn.reply.route == "follow_up:young_and_parents"
    assert "utan att dina föräldrar har sagt ja" in turn.reply.text and "får normalt veta" not in turn.reply.text
    # An adult's parents have no say: not this answer.
    adult = respond(guide, "violence_close_relationship", "jag är 19 och min familj kontrollerar allt jag gör")
    asked = respond(guide, "ask_service", "kommer soc säga till mina föräldrar?", adult.case)
    assert asked.reply.route != "follow_up:young_and_parents"


def test_should_i_tell_the_police_about_a_rumour_is_answered_yes_with_how(guide):
    first = respond(guide, "grief_fear", "asså jag har hört rykten att det ska bli skjutning i centrum i helgen")
    # As the classifier read it: a weak guess of a threat, which later in a conversation adds no concern.
    turn = guide.respond(Message(text="ska jag säga till polisen", intent="threat_extortion", confidence=0.34), first.case,
                         TUESDAY_NOON)
    assert turn.reply.route == "process:tell_the_police" and turn.reply.text.startswith("Ja, berätta det för polisen")
    assert kinds(turn)[0] == "police" and "kan inte lova att du är anonym" in turn.reply.text
    # A crime against the writer is reported, not tipped about.
    threatened = respond(guide, "threat_extortion", "dom hotar mig på snap och vill ha pengar")
    reported = respond(guide, "ask_process", "ska jag säga till polisen?", threatened.case)
    assert reported.reply.route != "process:tell_the_police"


def test_no_danger_words_across_a_sentence_break_say_nothing(guide):
    # "svarar inte. Akut": "inte" and "akut" in two sentences are no "inte akut".
    turn = guide.respond(_classifier_danger("Sonen skrev farväl, svarar inte. Akut"), Case(), TUESDAY_NOON)
    assert turn.reply.urgent


def test_a_victim_who_will_not_report_gets_the_other_help_not_a_bare_okay(guide):
    first = respond(guide, "violence_close_relationship", "jag är kille och min flickvän slår mig")
    turn = respond(guide, "nlu_fallback", "Jag vill inte polisanmäla henne, vi har barn ihop.", first.case)
    assert turn.reply.route == "declined" and turn.reply.cards and "police" not in kinds(turn)[:1]
    # A parent who will not report their own child still gets social services' help, as before.
    parent = respond(guide, "worried_gang", "min son 15 säljer knark åt ett gäng")
    own_child = respond(guide, "nlu_fallback", "nej jag vill inte polisanmäla mitt eget barn", parent.case)
    assert own_child.reply.route != "declined"


def test_staff_about_an_adult_hit_by_a_partner_get_the_lines_for_her_not_the_text_about_children(guide):
    turn = respond(guide, "inform_role", "jag är lärare, en elev som är 18 blir slagen av sin man")
    assert turn.reply.route == "close_relationship_staff_adult" and turn.case.concerns == ("violence_close_relationship",)
    assert ids(turn)[0] == "kvinnofridslinjen" and "barn far illa" not in turn.reply.text
    # Her age unknown, a pupil is taken as a child, as before.
    child = respond(guide, "violence_close_relationship", "jag är lärare och en elev blir slagen hemma")
    assert child.reply.route == "close_relationship_staff"


def test_a_man_who_asks_whether_the_line_for_women_is_his_gets_his_help(guide):
    first = respond(guide, "violence_close_relationship", "min sambo slår mig ibland")
    assert ids(first)[0] == "kvinnofridslinjen"
    turn = respond(guide, "ask_service", "Kvinnofridslinjen är väl bara för kvinnor?", first.case)
    assert turn.case.man and ids(turn)[0] == "brottsofferjouren" and "kvinnofridslinjen" not in ids(turn)
    assert turn.reply.route.startswith("follow_up:")
    # Told his help already: he is told it is his, not given it again in full.
    again = respond(guide, "ask_contact_detail", "finns det nåt för män?", turn.case)
    assert again.reply.text.startswith("Kontakterna jag gav dig") and ids(again) == ["brottsofferjouren"]


def test_a_boy_hit_by_his_girlfriend_who_says_she_threatens_to_lie_is_not_the_one_who_hits(guide):
    turn = respond(guide, "violence_close_relationship",
                   "ja e kille 17 o min tjej slår mig o hotar att säga till alla att jag slog henne om jag gör slut")
    assert not turn.case.uses_violence and turn.case.man
    assert "valj_att_sluta" not in ids(turn)
    hitting = respond(guide, "violence_close_relationship", "jag har slagit min flickvän och vill sluta")
    assert ids(hitting)[0] == "valj_att_sluta"


def test_right_after_the_emergency_answer_a_stopped_call_or_being_alone_keeps_112_first(guide):
    first = respond(guide, "acute_danger", "mitt ex sa att han kommer hit ikväll och dödar mig")
    alone = respond(guide, "inform_role", "jag är ensam hemma", first.case)
    assert alone.reply.urgent and kinds(alone)[0] == "emergency"
    stopped = respond(guide, "young_self", "han vill inte att jag ringer polisen", first.case)
    assert stopped.reply.urgent and kinds(stopped)[0] == "emergency"


@pytest.mark.parametrize("question, topic, first_kind", [
    ("måste jag vittna?", "witness", "victim_support"),
    ("kan jag få ett målsägandebiträde?", "counsel", "police"),
    ("kan hon få skyddat boende?", "protected_housing", "social_services"),
    ("hur lång tid tar det innan polisen hör av sig?", "investigation", "police"),
])
def test_a_question_about_a_step_of_the_legal_process_gets_its_answer(guide, question, topic, first_kind):
    first = respond(guide, "crime_victim", "jag blev misshandlad i helgen av mitt ex")
    turn = respond(guide, "ask_process", question, first.case)
    assert turn.reply.route == f"process:{topic}" and kinds(turn)[0] == first_kind
    # Told in a story, it is no question to answer.
    story = respond(guide, "ask_process", "han vittnade mot dem i våras", first.case)
    assert not story.reply.route.startswith("process:witness")


def test_the_family_of_a_suspect_asking_for_a_lawyer_are_told_of_a_public_defence_counsel(guide):
    first = respond(guide, "relative_suspected", "min son 17 är gripen för rån")
    turn = respond(guide, "nlu_fallback", "kan han få en advokat?", first.case)
    assert turn.reply.route == "process:defence" and "offentlig försvarare" in turn.reply.text
    # About social services' part (LVU), the lawyer is not the one of a criminal case.
    lvu = respond(guide, "ask_process", "har jag rätt till advokat om de vill omhänderta min dotter?")
    assert not lvu.reply.route.startswith("process:")




def test_police_turned_down_in_other_words_gets_the_other_help(guide):
    first = respond(guide, "threat_extortion", "jag e 19 o skyldig folk pengar dom hotar mig")
    turn = respond(guide, "deny", "nej ingen polis. jag e inte dum", first.case)
    assert turn.reply.route == "declined" and "police" not in kinds(turn)
    brother = respond(guide, "worried_gang", "min bror säljer knark")
    kept_out = respond(guide, "young_self", "jag vill inte att han åker fast", brother.case)
    assert kept_out.reply.route == "declined" and "police" not in kinds(kept_out)


def test_a_privacy_question_asked_again_gets_the_answer_in_short_not_nothing_to_add(guide):
    first = respond(guide, "privacy_question", "vem läser det här?")
    assert "ingen människa" in first.reply.text
    again = respond(guide, "privacy_question", "sparas det jag skriver?", first.case)
    assert again.reply.route == "privacy" and again.reply.text.startswith("Nej, det du skriver här sparas inte")


def test_thanks_in_english_and_a_laughing_okay_end_the_talk_after_the_help(guide):
    first = respond(guide, "worried_gang", "min son är med i ett gäng")
    assert respond(guide, "out_of_scope", "haha ok", first.case).reply.route == "closing"
    assert respond(guide, "out_of_scope", "thank you", first.case).reply.route == "closing"


def test_someone_about_to_take_their_life_gets_112_with_the_suicide_line_not_the_text_for_a_crime(guide):
    message = Message(text="jag har tagit en massa tabletter", intent="acute_danger", confidence=1.0,
                      danger_rule="suicide_now")
    turn = guide.respond(message, Case(), TUESDAY_NOON)
    assert turn.reply.urgent and ids(turn)[:2] == ["police_emergency", "mind_suicide_line"]
    assert "police_non_emergency" not in ids(turn) and "114 14" not in turn.reply.text
    # A crime about to happen keeps its own text.
    shooting = respond(guide, "acute_danger", "dom ska skjuta nån ikväll")
    assert "114 14" in shooting.reply.text


def test_a_question_that_opens_with_och_is_a_question(guide):
    first = respond(guide, "crime_victim", "jag blev misshandlad i helgen")
    turn = respond(guide, "ask_process", "och måste jag gå på rättegången", first.case)
    assert turn.reply.route == "process:witness"


def test_a_school_counsellor_about_a_pupil_of_19_hit_by_her_boyfriend_gets_the_help_for_an_adult(guide):
    turn = respond(guide, "staff_concern", "Kurator på gymnasiet här. En elev som fyllt 19 berättar att pojkvännen "
                                           "kontrollerar hennes mobil och har slagit henne. Hur går jag vidare?")
    assert turn.reply.route == "close_relationship_staff_adult"


def test_anonymity_when_reporting_a_crime_is_the_police_s_answer_and_a_witness_gets_the_witness_answer(guide):
    first = respond(guide, "threat_extortion", "en kille på snap har nakenbilder på mig och vill ha pengar")
    anonymous = respond(guide, "nlu_fallback", "kan jag vara anonym om jag anmäler", first.case)
    assert anonymous.reply.route == "follow_up:anonymity" and "Polisen kan inte lova" in anonymous.reply.text
    who = respond(guide, "ask_process", "får dom veta vem som anmälde?", first.case)
    assert who.reply.route == "follow_up:anonymity"
    seen = respond(guide, "affected_by_violence", "jag såg skjutningen och polisen vill att jag vittnar")
    witness = respond(guide, "ask_process", "kan jag vara anonym om jag vittnar", seen.case)
    assert witness.reply.route == "process:witness_anonymity" and "video" in witness.reply.text


def test_a_parent_asking_to_visit_a_son_held_by_the_police_is_told_who_decides(guide):
    first = respond(guide, "relative_suspected", "polisen tog min son igår, han är misstänkt för rån")
    turn = respond(guide, "relative_suspected", "var sitter han? får jag besöka honom?", first.case)
    assert turn.reply.route == "process:visit" and "Kriminalvården" in turn.reply.text
    assert kinds(turn)[:2] == ["social_services", "police"]




def test_a_witness_of_a_shooting_is_asked_their_own_age(guide):
    turn = respond(guide, "affected_by_violence", "va där när dom sköt i tensta igår. kan inte sova")
    assert turn.reply.question.startswith("Hur gammal är du")


def test_after_112_being_alone_with_the_children_keeps_the_danger_not_a_suicide_reading(guide):
    danger = respond(guide, "acute_danger", "han slår sönder allt därute och jag har låst in mig på toa")
    alone = respond(guide, "suicide_selfharm", "jag är själv med barnen", danger.case)
    assert alone.reply.urgent and kinds(alone)[0] == "emergency"
    assert "suicide_selfharm" not in alone.case.concerns and "Självmordslinjen" not in alone.reply.text


def test_having_called_112_and_waiting_get_words_for_the_wait_not_help_for_young_people(guide):
    danger = respond(guide, "acute_danger", "det står killar med en pistol utanför porten")
    called = guide.respond(Message(text="jag har ringt nu", intent="ask_service", confidence=0.37), danger.case, TUESDAY_NOON)
    assert called.reply.route == "danger_now:called" and not called.reply.cards
    waiting = respond(guide, "young_self", "vad gör jag nu medans jag väntar", called.case)
    assert waiting.reply.route == "danger_now:waiting" and "Öppna bara för polisen" in waiting.reply.text


def test_asking_the_bot_to_call_is_told_it_cannot_and_who_can(guide):
    danger = respond(guide, "acute_danger", "min pojkvän tog min telefon och låter mig inte ringa, han är i köket")
    turn = respond(guide, "ask_numbers", "kan ni ringa åt mig", danger.case)
    assert turn.reply.urgent and kinds(turn) == ["emergency"] and "granne" in turn.reply.text
    calm = respond(guide, "nlu_fallback", "kan ni skicka polisen hit?")
    assert calm.reply.route == "follow_up:call_for_me" and "inte ringa" in calm.reply.text




def test_a_victim_who_has_reported_already_is_not_told_to_report(guide):
    turn = respond(guide, "crime_victim", "jag blev rånad förra veckan och nu har jag fått kallelse till rättegången")
    assert turn.reply.route == "crime_victim_reported" and "Anmäl" not in turn.reply.text
    assert ids(turn)[0] == "brottsofferjouren"
    # Said later, it changes the help; denied, it does not count.
    threat = respond(guide, "threat_extortion", "mitt ex hotar mig på sms")
    later = respond(guide, "inform_role", "vi har redan anmält", threat.case)
    assert later.case.reported and later.reply.route.endswith("threat_reported")
    denied = respond(guide, "ask_service", "kan man få stöd fast man inte har polisanmält? jag blev hotad")
    assert not denied.case.reported


def test_a_threat_whose_only_word_of_now_is_a_plan_gets_the_threat_help_that_asks_about_danger(guide):
    message = _maybe_danger("Nån har skickat hot till mig på snap och säger att dom ska hitta mig", "threat_extortion")
    turn = guide.respond(message, Case(), TUESDAY_NOON)
    assert not turn.reply.urgent and turn.reply.route == "threat"
    assert turn.reply.question == "Är någon i fara just nu?"


def test_anger_at_the_municipality_is_heard_and_told_what_can_be_done(guide):
    first = respond(guide, "grief_fear", "tredje skjutningen i år i Hallunda och ingen bryr sig")
    turn = respond(guide, "young_self", "jag vill inte ringa nåt nummer, jag vill att ni gör nåt", first.case)
    assert turn.reply.route == "follow_up:anger" and "IVO" in turn.reply.text
    assert respond(guide, "show_contacts", "skit i era jävla nummer").reply.route == "follow_up:anger"


def test_a_relative_whose_sister_is_hit_by_her_boyfriend_gets_the_help_for_violence_in_a_relationship(guide):
    turn = respond(guide, "crime_victim", "Min syster blir slagen av sin kille")
    assert turn.case.concerns[0] == "violence_close_relationship"


def test_an_age_someone_turns_soon_is_not_yet_theirs_and_a_brother_s_age_is_his():
    from bot.conversation.understanding import _age_group
    assert _age_group("hon fyller 18 i juni", {}) == "under_18"
    assert _age_group("hon fyllde 18 i juni", {}) == "adult"


def test_a_chat_asked_for_is_answered_from_the_catalogue_s_chat_addresses(guide):
    boy = respond(guide, "violence_close_relationship", "min flickvän slår mig o kollar min mobil hela tiden. ja e kille 17")
    assert boy.reply.route == "close_relationship_man_young"
    chat = respond(guide, "nlu_fallback", "finns det chatt", boy.case)
    assert chat.reply.route == "follow_up:reach" and "chatta på https://killar.se" in chat.reply.text
    first = respond(guide, "ask_contact_detail", "Finns det någon chatt man kan skriva i istället för att ringa?")
    assert first.reply.route == "follow_up:chats" and all(guide.snapshot().catalogue.get(c.id).chat for c in first.reply.cards)
    # An adult hit by a partner: no line for the young; the bot says it knows of no chat rather than inventing one.
    woman = respond(guide, "violence_close_relationship", "min man slår mig, jag är 40")
    asked = respond(guide, "privacy_question", "kan jag chatta nånstans", woman.case)
    assert "bris" not in asked.reply.text.lower() and "Jag känner inte till någon chatt" in asked.reply.text


def test_questions_about_a_support_person_and_a_hidden_address_and_an_interpreter_are_answered(guide):
    first = respond(guide, "crime_victim", "jag blev rånad och har fått kallelse till rättegången")
    support = respond(guide, "nlu_fallback", "kan jag ha med mig nån i rätten", first.case)
    assert support.reply.route == "process:support_person" and "stödperson" in support.reply.text
    ex = respond(guide, "violence_close_relationship", "mitt ex hotar mig, jag har flyttat")
    hidden = respond(guide, "nlu_fallback", "kan han få veta min adress?", ex.case)
    assert hidden.reply.route == "process:protected_identity" and "Skatteverket" in hidden.reply.text
    arabic = respond(guide, "ask_contact_detail", "kan jag ringa Kvinnofridslinjen på arabiska?", ex.case)
    assert "Tolk finns" in arabic.reply.text and "Jag vet inte vilka språk" not in arabic.reply.text


def test_a_question_after_a_comma_is_a_question(guide):
    first = respond(guide, "relative_suspected", "min son 17 är gripen för rån")
    turn = respond(guide, "nlu_fallback", "behöver han en advokat, hur fixar man det", first.case)
    assert turn.reply.route == "process:defence"


def test_right_after_112_no_answer_or_an_unknown_place_is_the_danger_going_on(guide):
    chased = respond(guide, "acute_danger", "min son jagas av nån med kniv i centrum")
    silent = guide.respond(_classifier_danger("han svarar inte nu"), chased.case, TUESDAY_NOON)
    assert silent.reply.urgent and kinds(silent)[0] == "emergency"
    bridge = respond(guide, "acute_danger", "min kompis skrev att hon ska hoppa från bron ikväll")
    lost = respond(guide, "nlu_fallback", "vet inte var hon är", bridge.case)
    assert lost.reply.urgent and lost.reply.text.startswith("Ring 112 även om du inte vet adressen")


def test_right_after_112_cannot_call_and_called_get_their_own_words(guide):
    shooting = respond(guide, "acute_danger", "det skjuts utanför fönstret nu")
    hushed = guide.respond(_classifier_danger("jag kan inte ringa dom hör mig"), shooting.case, TUESDAY_NOON)
    assert hushed.reply.route == "danger_now:cannot_call" and hushed.reply.urgent
    ex = respond(guide, "acute_danger", "mitt ex står utanför dörren och skriker att han ska döda mig")
    called = respond(guide, "ask_contact_detail", "jag har ringt dom", ex.case)
    assert called.reply.route == "danger_now:called"
    gone = respond(guide, "nlu_fallback", "han har gått nu men jag är så rädd", called.case)
    assert "kvinnofridslinjen" in ids(gone) and "bris" not in ids(gone)


def test_a_man_controlled_by_his_wife_and_turning_the_police_down_gets_help_that_is_not_the_police(guide):
    turn = respond(guide, "violence_close_relationship", "Min fru kollar min telefon och tar alla mina pengar")
    assert turn.case.man and ids(turn)[0] == "brottsofferjouren"
    leaving = respond(guide, "leave_gang", "jag e 22 o vill hoppa av gänget")
    assert ids(leaving)[0] == "police_exit_coordination"
    declined = respond(guide, "deny", "inte polisen", leaving.case)
    assert declined.reply.route == "declined" and "police_exit_coordination" not in ids(declined)




def test_a_visit_asked_in_the_first_message_about_an_arrest_is_answered(guide):
    turn = respond(guide, "ask_process", "Polisen tog min son igår kväll, han är 17. Vad händer nu? Får jag träffa honom?")
    assert turn.reply.route == "process:visit"


def test_someone_who_holds_their_partner_hard_gets_the_line_for_those_who_use_violence(guide):
    turn = respond(guide, "nlu_fallback", "jag har tagit tag i min tjej hårt några gånger, jag vill inte vara sån")
    assert turn.reply.route == "close_relationship_uses_violence" and ids(turn)[0] == "valj_att_sluta"
    # Told by someone accused of it, it is not their own violence.
    lied = respond(guide, "crime_victim", "barnens pappa ljuger att JAG slog honom, och soc har tagit barnen")
    assert not lied.case.uses_violence


def test_more_told_about_the_same_worry_is_heard_and_the_help_named_again(guide):
    first = respond(guide, "worried_extremism", "min bror sitter hela nätterna i telegramgrupper")
    turn = respond(guide, "nlu_fallback", "han är rädd och känns som ingen bryr sig", first.case)
    assert turn.reply.route == "nudge:heard" and turn.reply.text.startswith("Tack för att du berättar")
    assert "Orostelefonen" in turn.reply.text


@pytest.mark.parametrize("first, question, topic, opening, other_case, other_question", [
    # Blocking is about a threat or blackmail: save first, then block; in a gang worry it is no such question.
    (("threat_extortion", "någon hotar att lägga ut bilder på min dotter om hon inte skickar fler"), "ska vi blockera honom?",
     "block", "Spara först", ("worried_gang", "min son säljer knark"), "vi har blockat kontot"),
    # A report of concern asked about an adult is explained as for children; about a child it is the usual answer.
    (("worried_extremism", "min bror är 25 och har blivit radikaliserad"), "Han är vuxen, gäller orosanmälan ens då?",
     "report_adult", "En orosanmälan gäller barn", ("worried_gang", "min son 15 säljer knark"), "ska jag göra en orosanmälan?"),
])
def test_an_answer_that_fits_one_kind_of_case_is_given_only_there(guide, first, question, topic, opening, other_case,
                                                                  other_question):
    case = respond(guide, *first).case
    turn = respond(guide, "nlu_fallback", question, case)
    assert turn.reply.route == f"process:{topic}" and turn.reply.text.startswith(opening)
    other = respond(guide, *other_case).case
    assert respond(guide, "nlu_fallback", other_question, other).reply.route != f"process:{topic}"


@pytest.mark.parametrize("first, then, route, first_contact, words", [
    # Leaving a gang without naming anyone: the exit service's own words (the catalogue).
    (("leave_gang", "jag vill hoppa av gänget"), ("leave_gang", "kan jag hoppa av utan att gola?"),
     "process:leave_without_naming", "police_exit_coordination", "peka ut"),
    # Children told of later in violence at home: a report of concern to social services.
    (("violence_close_relationship", "min syster blir slagen av sin man"), ("ask_contact_detail", "dom har två barn"),
     "follow_up:children", "social_services_generic", "orosanmälan"),
])
def test_what_a_later_message_adds_gets_its_own_answer(guide, first, then, route, first_contact, words):
    case = respond(guide, *first).case
    turn = respond(guide, then[0], then[1], case)
    assert turn.reply.route == route and ids(turn)[0] == first_contact and words in turn.reply.text


def test_someone_killed_is_grief_not_only_having_seen_it(guide):
    turn = respond(guide, "affected_by_violence", "min kusin blev skjuten ihjäl förra månaden och jag kan inte sluta tänka på det")
    assert turn.case.concerns[0] == "grief_fear" and "bara såg det hända" not in turn.reply.text


def test_a_threat_to_kill_the_writer_read_beside_suicide_is_a_threat_not_a_wish_to_die(guide):
    ranking = (("acute_danger", 1.0), ("suicide_selfharm", 0.49), ("threat_extortion", 0.2))
    threat = guide.respond(Message(text="han sa att han ska döda mig om han berättar", intent="acute_danger",
                                   confidence=1.0, ranking=ranking, danger_rule="attack_planned"), Case(), TUESDAY_NOON)
    assert threat.reply.urgent and threat.reply.route == "danger_now"
    assert "mind_suicide_line" not in ids(threat) and "suicide_selfharm" not in threat.case.situations
    # The writer's own words of it keep the suicide line.
    own = guide.respond(Message(text="jag vill döda mig själv ikväll", intent="acute_danger", confidence=1.0,
                                ranking=ranking, danger_rule="danger_model"), Case(), TUESDAY_NOON)
    assert own.reply.route == "danger_now:suicide" and ids(own)[:2] == ["police_emergency", "mind_suicide_line"]


@pytest.mark.parametrize("text", ["vet inte varför jag skriver här", "kan jag bo nån annanstans", "vem kan jag prata med"])
def test_a_message_read_as_a_question_about_this_chat_without_a_word_of_it_is_not_answered_with_the_privacy_text(
        guide, text):
    first = respond(guide, "violence_close_relationship", "jag blir tvingad att gifta mig")
    turn = guide.respond(Message(text=text, intent="privacy_question", confidence=0.99), first.case, TUESDAY_NOON)
    assert turn.reply.route != "privacy"
    asked = guide.respond(Message(text="sparas det jag skriver här?", intent="privacy_question", confidence=0.99),
                          first.case, TUESDAY_NOON)
    assert asked.reply.route == "privacy"


def test_a_sad_face_after_the_question_about_danger_is_no_yes_to_it(guide):
    first = respond(guide, "threat_extortion", "nån har mina nakenbilder o säger att han lägger ut dom om jag inte skickar fler")
    assert first.reply.question.startswith("Är någon i fara")
    sad = guide.respond(Message(text="🥺🥺", intent="affirm", confidence=0.13), first.case, TUESDAY_NOON)
    assert not sad.reply.urgent
    yes = guide.respond(Message(text="👍", intent="affirm", confidence=0.9), first.case, TUESDAY_NOON)
    assert yes.reply.urgent


def test_not_acute_in_the_first_sentence_corrects_the_emergency_answer_even_in_a_longer_message(guide):
    first = guide.respond(Message(text="En elev sa till mig idag att hans bröder ska komma och hälsa på. Jag är skakad.",
                                  intent="acute_danger", confidence=1.0, danger_rule="danger_model"), Case(), TUESDAY_NOON)
    assert first.reply.urgent
    text = "Det är inte akut, han sa det i morse och sen gick han hem. Jag vill veta vad jag ska göra nu."
    ranking = (("acute_danger", 1.0), ("threat_extortion", 0.4))
    later = guide.respond(Message(text=text, intent="acute_danger", confidence=1.0, ranking=ranking,
                                  danger_rule="danger_model", danger_probability=0.8), first.case, TUESDAY_NOON)
    assert not later.reply.urgent
    # An editors' pattern still counts: the correction is only for the classifier's reading.
    armed = guide.respond(Message(text="Det är inte akut. Nu står han utanför med en kniv igen och skriker.",
                                  intent="acute_danger", confidence=1.0, danger_rule="weapon_now", danger_probability=0.9),
                          first.case, TUESDAY_NOON)
    assert armed.reply.urgent


@pytest.mark.parametrize(("intent", "text", "route", "first"), [
    ("worried_extremism", "Jag är arbetskonsulent. En deltagare, 20 år, delar IS-videor.", "extremism_staff_adult",
     "professional_support"),
    ("worried_gang", "Jag är handledare. En anställd, 19 år, tvingas sälja knark åt ett gäng.", "gang_staff_adult",
     "social_services"),
    ("staff_concern", "Jag jobbar på ett LSS-boende. En boende, 24 år, pratar om att skada folk.", "staff_concern_adult",
     "social_services"),
])
def test_staff_about_an_adult_get_help_for_an_adult_not_the_report_of_concern_for_a_child(guide, intent, text, route, first):
    turn = respond(guide, intent, text)
    assert turn.reply.route == route and kinds(turn)[0] == first
    assert "Misstänker du att ett barn far illa" not in turn.reply.text
    later = respond(guide, "ask_process", "Han är vuxen. Varför skulle jag göra en orosanmälan?", turn.case)
    assert later.reply.route == "process:report_adult"


def test_a_municipality_without_own_contacts_is_named_once_without_a_wrong_genitive(guide):
    first = respond(guide, "worried_gang", "min son säljer knark, vi bor i Sundbyberg")
    second = respond(guide, "violence_close_relationship", "och hans pappa slår honom", first.case)
    for turn in (first, second):
        assert turn.reply.text.count("inga egna kontakter för Sundbyberg") <= 1
        assert "Sundbyberg kommun" not in turn.reply.text


@pytest.mark.parametrize("text", ["jag kan inte sova", "alla i skolan har sett den", "🥺🥺", "men han e snäll oxå"])
def test_a_feeling_told_after_the_help_is_heard_and_the_help_named_again_not_okej(guide, text):
    first = respond(guide, "violence_close_relationship", "min kille slår mig ibland")
    turn = guide.respond(Message(text=text, intent="nlu_fallback", confidence=0.25), first.case, TUESDAY_NOON)
    assert turn.reply.route == "nudge:heard" and "Kvinnofridslinjen" in turn.reply.text
    plain = guide.respond(Message(text="jaha", intent="nlu_fallback", confidence=0.25), first.case, TUESDAY_NOON)
    assert plain.reply.route != "nudge:heard"


def test_a_young_person_in_an_extremist_group_gets_the_help_to_leave_and_the_way_out_of_that_group(guide):
    ranking = (("worried_extremism", 0.94), ("young_self", 0.03))
    member = guide.respond(Message(text="jag har gått med i en grupp på telegram som pratar om jihad",
                                   intent="worried_extremism", confidence=0.94, ranking=ranking), Case(), TUESDAY_NOON)
    assert member.reply.route.startswith("leave_extremism") and ids(member)[0] == "exit_fryshuset"
    # "hur kommer jag ut?" read as leaving a gang: the way out of the group the conversation is about.
    out = guide.respond(Message(text="hur kommer jag ut", intent="leave_gang", confidence=0.57), member.case,
                        TUESDAY_NOON)
    assert "leave_gang" not in out.case.concerns
    worried = respond(guide, "worried_extremism", "min son har gått med i en grupp på telegram som pratar om jihad")
    assert worried.reply.route.startswith("extremism") and kinds(worried)[0] != "exit_programme"
    gang = guide.respond(Message(text="men han är med i ett gäng också, hur kommer han ut därifrån", intent="leave_gang",
                                 confidence=0.8), worried.case, TUESDAY_NOON)
    assert "leave_gang" in gang.case.concerns  # the message names the other worry


def test_the_place_of_an_event_in_the_news_is_not_where_the_writer_lives(guide):
    news = respond(guide, "worried_extremism", "Min son pratar mycket om skolskjutningen i Örebro och säger att han "
                                               "förstår honom")
    assert "Örebro" not in news.reply.text and news.case.area is None
    here = respond(guide, "grief_fear", "efter skjutningen i Hallunda igår kan mina barn inte sova")
    assert here.case.area == "botkyrka"
    moved = respond(guide, "worried_gang", "min son säljer knark, vi bor i Örebro")
    assert "Örebro" in moved.reply.text  # where the writer lives, said so


def test_a_place_after_an_answered_question_gives_that_answer_s_local_contacts_not_what_is_it_about(guide):
    signs = respond(guide, "info_city_work", "Vad gör kommunens samordnare mot våldsbejakande extremism egentligen?")
    assert signs.reply.question.startswith("Vilken kommun")
    here = respond(guide, "inform_area", "Botkyrka", signs.case)
    assert here.reply.route == "follow_up:local" and not here.reply.question.startswith("Vad gäller det")
    assert "botkyrka_trygghetssamordnare" in ids(here) and "kontakterna" in here.reply.text
    # Nothing answered before ("soc nummer?"): what it is about is still asked.
    number = respond(guide, "ask_contact_detail", "soc nummer?")
    place = respond(guide, "inform_area", "botkyrka", number.case)
    assert place.reply.question.startswith("Vad gäller det")


@pytest.mark.parametrize("question", ["kommer polisen berätta för mina föräldrar",
                                      "kommer mina föräldrar få veta om jag ringer nån?"])
def test_a_young_person_asking_whether_the_parents_are_told_gets_the_answer(guide, question):
    first = respond(guide, "violence_close_relationship", "jag e 15 o blir slagen hemma")
    turn = guide.respond(Message(text=question, intent="nlu_fallback", confidence=0.25), first.case, TUESDAY_NOON)
    assert turn.reply.route == "follow_up:young_and_parents"


def test_what_happens_after_the_report_of_concern_is_social_services_next_steps(guide):
    first = respond(guide, "staff_concern", "Jag är lärare och har gjort en orosanmälan om en elev.")
    turn = respond(guide, "ask_process", "Vad händer sen när jag har anmält?", first.case)
    assert turn.reply.route == "follow_up:what_happens" and "14 dagar" in turn.reply.text


def test_staff_about_a_pupil_who_harms_themselves_get_advice_for_staff_not_the_words_for_the_one_who_does(guide):
    turn = respond(guide, "suicide_selfharm", "Jag är kurator. En elev har skadat sig själv med rakblad, vad gör jag?")
    assert turn.reply.route == "suicide_staff" and "Du behöver inte bära det här ensam" not in turn.reply.text
    assert ids(turn)[0] == "mind_suicide_line" and "social_services" in kinds(turn)


def test_a_relative_in_prison_who_wants_to_change_his_life_gets_the_help_to_leave(guide):
    turn = respond(guide, "relative_suspected", "min bror sitter på anstalt och säger att han vill ändra sitt liv den här "
                                                "gången. kan han få hjälp innan han muckar?")
    assert turn.reply.route.startswith("leave_gang") and kinds(turn)[0] == "exit_programme"


def test_support_asked_for_without_a_police_report_gets_victim_support_first(guide):
    turn = respond(guide, "crime_victim", "kan man få stöd fast man inte har polisanmält? jag blev hotad på väg hem")
    assert kinds(turn)[0] == "victim_support"
    plain = respond(guide, "crime_victim", "jag blev hotad på väg hem från träningen igår")
    assert kinds(plain)[0] == "police"


@pytest.mark.parametrize(("text", "closes"), [("ok ska testa", True), ("okej jag ringer dom imorgon", True),
                                              ("ska ringa dom, vad ska jag säga?", False)])
def test_going_off_to_try_the_help_closes_the_conversation(guide, text, closes):
    first = respond(guide, "worried_gang", "min son säljer knark tror jag")
    turn = guide.respond(Message(text=text, intent="nlu_fallback", confidence=0.25), first.case, TUESDAY_NOON)
    assert (turn.reply.route == "closing") is closes


@pytest.mark.parametrize("text", ["ska jag anmäla?", "vet inte om jag vill anmäla"])
def test_someone_hit_by_their_partner_asking_about_reporting_gets_the_police_report_not_the_report_of_concern(guide, text):
    first = respond(guide, "violence_close_relationship", "min kille slår mig ibland")
    intent = "ask_process" if "?" in text else "report_crime"
    turn = guide.respond(Message(text=text, intent=intent, confidence=0.79), first.case, TUESDAY_NOON)
    assert turn.reply.route == "process:police_report" and "orosanmälan" not in turn.reply.text
    # A parent about a child hit at home reports to social services.
    child = respond(guide, "violence_close_relationship", "min dotters pappa slår henne, hon är 8")
    asked = respond(guide, "ask_process", "ska jag anmäla?", child.case)
    assert asked.reply.route != "process:police_report"


def test_a_report_already_made_gets_the_help_after_a_report_not_how_to_make_one(guide):
    first = respond(guide, "threat_extortion", "nån har mina nakenbilder o säger att han lägger ut dom")
    turn = guide.respond(Message(text="jag har anmält", intent="ask_process", confidence=0.45), first.case, TUESDAY_NOON)
    assert turn.reply.route == "threat_reported" and "En polisanmälan gör du" not in turn.reply.text


def test_a_first_message_that_says_it_is_not_acute_gets_the_help_for_what_it_is_about(guide):
    ranking = (("deny", 1.0), ("violence_close_relationship", 0.92), ("threat_extortion", 0.05))
    turn = guide.respond(Message(text="Det är inte akut men min exman hotar mig på sms hela tiden", intent="deny",
                                 confidence=1.0, ranking=ranking, denies_danger=True), Case(), TUESDAY_NOON)
    assert not turn.reply.urgent and turn.reply.cards and kinds(turn)[0] == "victim_support"


@pytest.mark.parametrize("text", ["nej ingen är i fara just nu", "han kommer hem snart men han är inte farlig just nu"])
def test_no_one_in_danger_said_so_is_no_danger_even_with_just_nu_in_it(guide, text):
    first = respond(guide, "violence_close_relationship", "min sambo skriker och slår sönder saker när han är full")
    turn = guide.respond(Message(text=text, intent="acute_danger", confidence=1.0, danger_rule="danger_model",
                                 danger_probability=0.8), first.case, TUESDAY_NOON)
    assert not turn.reply.urgent


def test_a_weak_reading_of_thanks_with_a_question_is_no_goodbye(guide):
    first = respond(guide, "violence_close_relationship", "jag hör grannen slå sin fru genom väggen varje helg")
    turn = guide.respond(Message(text="ska jag knacka på?", intent="thanks", confidence=0.32), first.case, TUESDAY_NOON)
    assert turn.reply.route != "closing"
    thanks = guide.respond(Message(text="tack", intent="thanks", confidence=0.32), first.case, TUESDAY_NOON)
    assert thanks.reply.route == "closing"


def test_a_parent_afraid_soc_takes_the_child_gets_the_answer_and_one_who_wants_protection_does_not(guide):
    first = respond(guide, "worried_gang", "min son 14 skolkar och hänger med fel folk")
    fear = guide.respond(Message(text="tar soc mitt barn då?", intent="ask_service", confidence=0.55), first.case,
                         TUESDAY_NOON)
    assert "mycket ovanligt" in fear.reply.text
    honour = respond(guide, "violence_close_relationship", "min dotter 17 ska giftas bort i sommar")
    wanted = guide.respond(Message(text="kan soc ta henne därifrån?", intent="ask_service", confidence=0.82),
                           honour.case, TUESDAY_NOON)
    assert "mycket ovanligt" not in wanted.reply.text


def test_which_police_number_is_answered_not_met_with_a_description_of_112(guide):
    first = respond(guide, "hate_crime", "nån har klottrat hakkors på vår port")
    turn = guide.respond(Message(text="ska jag ringa 112?", intent="ask_service", confidence=0.76), first.case,
                         TUESDAY_NOON)
    assert turn.reply.route == "process:which_number" and not turn.reply.urgent
    assert ids(turn)[:2] == ["police_non_emergency", "police_emergency"] and "Är det inte akut" in turn.reply.text


@pytest.mark.parametrize("text", ["ni hjälper ju inte", "jag har redan ringt soc tre gånger och ingen har ringt tillbaka"])
def test_frustration_with_the_help_is_heard(guide, text):
    first = respond(guide, "worried_gang", "min son 15 har hamnat i dåligt sällskap")
    turn = guide.respond(Message(text=text, intent="ask_service", confidence=0.41), first.case, TUESDAY_NOON)
    assert turn.reply.route == "follow_up:anger"


def test_crisis_support_asked_for_by_name_is_given(guide):
    first = respond(guide, "grief_fear", "det small i vårt hus i natt, en bomb i porten. vi bor i Husby")
    turn = guide.respond(Message(text="finns det krisstöd?", intent="grief_fear", confidence=0.40), first.case,
                         TUESDAY_NOON)
    assert kinds(turn)[0] == "crisis_support"
