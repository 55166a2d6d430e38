"""Who is writing: a young person about their own life, read from how they write."""
from __future__ import annotations

import pytest

from bot import editors_data
from bot.writer import own_age, writer_role, writes_as_man


@pytest.mark.parametrize(("text", "age"), [
    ("jag är 15 och vet inte vad jag ska göra", 15),
    ("e 16 o spelar fotboll", 16),
    ("hej. är 14 och rädd", 14),
    ("jag (13) blir mobbad", 13),
    ("för 15 år sedan hände något", None),
    ("min son är 15", None),
])
def test_the_writers_own_age(text, age):
    assert own_age(text) == age


@pytest.mark.parametrize("text", [
    "pappa slår mig när han druckit",
    "mamma och pappa bråkar varje kväll och jag orkar inte",
    "kan jag prata med skolsköterskan om det eller måste hon berätta",
    "kuratorn på min skola har ingen tid för mig",
    "e 16 o en snubbe vill träffa mig",
])
def test_a_young_person_writing_about_their_own_life(text):
    roles = editors_data.shared().current().routing.roles
    assert writer_role(text, roles.detect(text)) == "young"


@pytest.mark.parametrize(("text", "role"), [
    ("min son är 15 och pappa till honom slår mig", "relative"),
    ("en pappa sköts ihjäl i gångtunneln, jag är rädd", "relative"),
    ("vi föräldrar har fått nog och jag vill göra något", "relative"),
    ("min 9-åring vågar inte sova och jag vet inte vad jag ska göra", None),
    ("jag är lärare och en elev i min klass pratar om ett gäng", "staff"),
    # The editors' "min mamma" / "mina föräldrar" in an adult's life: their own children, a partner, work.
    ("min mamma passar min 9-åring som har sett klipp från skjutningen", "relative"),
    ("först gick jag dit med mina föräldrar och nu med mina egna barn, men jag känner mig otrygg", None),
    ("en kvinna min mamma känner blev överfallen på väg till jobbet", "young"),  # no sign of an adult's life
    ("en kvinna min mamma känner blev överfallen, jag är rädd på väg hem efter jobbet", None),
    ("jag har bott här i snart trettio år och min mamma bor granne", None),
    ("jag är 15 och min mamma har barnbarn i Tumba", "young"),  # the writer's own age decides
    ("min pappa slog mig när jag var liten, nu är jag 30 och mår dåligt", None),  # so does an adult's
])
def test_parents_and_staff_stay_who_they_are(text, role):
    roles = editors_data.shared().current().routing.roles
    assert writer_role(text, roles.detect(text)) == role


@pytest.mark.parametrize(("text", "man"), [
    ("Jag är en man på 45 och min fru slår mig", True),
    ("jag e kille 16 o min tjej slår mig", True),
    ("min flickvän har slagit mig flera gånger", True),
    ("min exfru hotar mig hela tiden", True),
    ("min fru slår barnen", False),  # the children are hurt, not the writer
    ("min sambo slår mig", False),  # says nothing of who writes
    ("min man slår mig", False),
    ("jag är mannen i huset", False),
    # A girl's boyfriend is "min kille"; talking with boys is not asking for a line for men.
    ("min kille tar min telefon o kollar allt o om jag pratar med killar slår han mig", False),
    ("jag e tjej 15 o min pappa säger att om jag pratar med killar så dödar han mig", False),
    ("finns det nån som pratar med män som blir slagna?", True),
    ("jag e 16 kille o min pappa slår mig", True),
    ("jag är 17 år och kille, min tjej slår mig", True),
    ("jag e 15 tjej o min kille slår mig", False),
])
def test_a_man_says_so_or_a_wife_hurts_him(text, man):
    assert writes_as_man(text) is man
