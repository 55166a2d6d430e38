"""What one message tells, beyond the classifier: the services it asks about."""
from __future__ import annotations

import pytest

from bot import editors_data
from bot.conversation import lexicon
from bot.conversation.understanding import _about_the_police_process, _asks_about
from bot.terms import index_text


@pytest.mark.parametrize(("text", "asked"), [
    ("kan barn också ringa orostelefonen? jag är 14 och orolig för min storebror", ["orostelefonen"]),
    ("är bris anonymt?", ["bris"]),
    ("min son har vittnat hos polisen om en misshandel. måste han stå där ensam?", []),
    ("kan jag gå till vårdcentralen och berätta att min man slår mig? jag är inte redo för polisen", []),
    ("polisen hann inte komma. är det ens lönt att anmäla?", []),
    ("vem ska vi prata med förutom polisen?", []),
])
def test_a_question_about_a_service_not_a_mention_on_the_way(text, asked):
    catalogue = editors_data.shared().current().catalogue
    assert [r.id for r in catalogue.named_in(text) if _asks_about(text, catalogue.folded_aliases(r))] == asked


@pytest.mark.parametrize(("text", "thanks"), [
    ("tack", True),
    ("ok tack, jag pratar med honom ikväll", True),
    ("okej då ringer jag imorgon. tack", True),
    ("tack men hans pappa slår honom hemma", False),
    ("ok tack men han är kvar", False),
    ("tack, men när har de öppet?", False),
    ("tack. förresten, hur gör man en orosanmälan", False),
    ("ok", False),
    ("ok jag pratar med honom ikväll", False),
])
def test_thanks_opens_or_ends_the_message_and_nothing_more_is_coming(text, thanks):
    assert lexicon.says_thanks(index_text(text), text) is thanks


@pytest.mark.parametrize(("text", "police"), [
    ("finns det nåt sätt att vittna utan att dom ser mig i rätten?", True),
    ("ska vi polisanmäla meddelandena?", True),
    ("polisen vill förhöra mig men jag är rädd att dom får veta att jag pratat", True),
    ("hur får man ett kontaktförbud?", True),
    ("nej jag vill inte polisanmäla mitt eget barn", False),
    ("hur gör man en orosanmälan?", False),
    ("om jag ringer soc, blir det polisanmälan direkt?", False),
    ("vem bestämmer om LVU, soc eller rätten?", False),
])
def test_a_question_about_the_police_s_part_of_the_process_not_social_services_or_a_refusal(text, police):
    assert _about_the_police_process(index_text(text)) is police


@pytest.mark.parametrize(("text", "age_group"), [
    # The daughter's age, written after who she is, outweighs her boyfriend's.
    ("min dotter på 15 har fått en ny pojkvän som är 22", "under_18"),
    ("min son, 14, har börjat hänga med äldre killar", "under_18"),
    ("sonen på 19 sitter hemma hela dagarna", "adult"),
    # Floors, durations and amounts are no ages.
    ("min dotter på 5:e våningen hörde skotten", None),
    ("min bror på 10 dagar har inte sovit", None),
    # The writer's own age, the answer to "hur gammal är du?", at any adult age.
    ("jag e 45", "adult"),
    ("nu är jag 30", "adult"),
    # In a longer message the age that matters is the other person's; "100 procent" is no age.
    ("jag är 45 och orolig för min son som umgås med ett gäng", None),
    ("min lillasyster blir slagen hemma, jag är 100 procent säker", None),
    # Session 17: an adult described by staff, at any age; an age written beats a school year; a count is no age.
    ("Min klient, en man på 45, berättar att hans sambo slår honom", "adult"),
    ("Kurator på gymnasiet här. En elev som fyllt 19 berättar att pojkvännen slår henne", "adult"),
    ("vi är 40 personer i föreningen", None),
])
def test_an_age_written_after_who_it_is(text, age_group):
    from bot.conversation.understanding import _age_group
    assert _age_group(text, {}) == age_group


@pytest.mark.parametrize(("text", "declined"), [
    ("nej polisen e inte ett alternativ då dör jag", ("police",)),
    ("jag har redan pratat med soc, dom gör inget", ("social_services",)),
    ("soc hjälper ingen. min bror säljer gräs", ("social_services",)),
    ("vi har kontakt med soc och de hjälper oss bra", ()),
])
def test_a_channel_turned_down_as_people_say_it(text, declined):
    from bot.conversation.understanding import Message, understand
    from bot.places import default_gazetteer
    facts = understand(Message(text=text, intent="deny"), editors_data.shared().current(), default_gazetteer())
    assert facts.declined == declined


@pytest.mark.parametrize(("text", "detail"), [
    ("kan mina föräldrar få veta om jag ringer bris?", "anonymity"),
    ("vad e passus", "what_is"),
])
def test_questions_about_a_service_as_people_write_them(text, detail):
    from bot.conversation.understanding import Message, understand
    from bot.places import default_gazetteer
    facts = understand(Message(text=text, intent="out_of_scope"), editors_data.shared().current(), default_gazetteer())
    assert facts.detail == detail


@pytest.mark.parametrize(("text", "age_group"), [
    # The writer's own adult age, when the message is about the writer.
    ("jag är 35 och min granne hotar mig varje dag", "adult"),
    # A parent's own age is not the child's.
    ("jag är 45 och orolig för min son som umgås med ett gäng", None),
])
def test_the_writers_own_adult_age_when_the_message_is_about_them(text, age_group):
    from bot.conversation.understanding import Message, understand
    from bot.places import default_gazetteer
    facts = understand(Message(text=text, intent="threat_extortion"), editors_data.shared().current(),
                       default_gazetteer())
    assert facts.age_group == age_group
