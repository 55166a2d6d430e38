"""The one list of situations the guide knows.

Every other place that names situations (the intents in domain.yml, the dialogue rules, the routes
in data/routing.yml, the buttons of the greeting) is checked against this list by
`bot resources check` and the tests; nothing else lists them by hand.
"""
from __future__ import annotations

from dataclasses import dataclass

DANGER = "acute_danger"
# Not a situation: the NLU's word for the danger classifier's unsure guess with only a plan, "idag" or "fortfarande"
# to say it is now. The dialogue rules give it the static emergency answer, as danger, unless the routing action has
# set the `helped` slot; the guide makes the same choice (bot.conversation.understanding.weigh_maybe_danger).
MAYBE_DANGER = "acute_danger_maybe"
OUT_OF_SCOPE = "out_of_scope"


@dataclass(frozen=True)
class Situation:
    id: str
    title: str  # a heading in the printable guide and the clarifying question's button
    topics: tuple[str, ...]  # catalogue topics a local contact must have to fit this situation
    urgency: int  # with several concerns, the most urgent is answered first
    menu: str | None = None  # label of the greeting's button, if the situation has one
    group: str = "concern"  # danger | concern | question | info | other


SITUATIONS: tuple[Situation, ...] = (
    Situation(DANGER, "Akut fara just nu", ("violence", "crime"), 100, "Akut fara just nu", "danger"),
    Situation("suicide_selfharm", "Tankar på självmord eller självskada", ("crisis",), 90),
    Situation("violence_close_relationship", "Våld eller hot i en nära relation",
              ("close_relationship", "violence"), 80, "Våld i en nära relation"),
    Situation("threat_extortion", "Hot eller utpressning", ("threat", "crime"), 75),
    Situation("affected_by_violence", "Drabbad av skjutning, sprängning eller annat grovt våld",
              ("violence", "crisis"), 70, "Drabbad av våld"),
    Situation("hate_crime", "Hatbrott", ("hate_crime", "crime"), 65),
    Situation("crime_victim", "Utsatt för brott, till exempel rån, inbrott eller misshandel", ("crime",), 60),
    Situation("leave_gang", "Lämna gängkriminalitet", ("leaving", "gang_crime"), 55, "Någon vill lämna"),
    Situation("leave_extremism", "Lämna en våldsbejakande extremistisk miljö", ("leaving", "extremism"), 55),
    Situation("worried_gang", "Oro för gängkriminalitet", ("gang_crime",), 50, "Oro för gängkriminalitet"),
    Situation("worried_extremism", "Oro för radikalisering och våldsbejakande extremism", ("extremism",), 50,
              "Oro för radikalisering"),
    # The writer's own worry when someone close is the one suspected, arrested or in prison (not the victim).
    Situation("relative_suspected", "När någon i familjen är misstänkt för brott, gripen eller sitter inne",
              ("crime", "general"), 48),
    Situation("young_self", "Ung och orolig för sig själv", ("general", "crisis"), 45),
    Situation("grief_fear", "Sorg och oro efter våld", ("crisis", "violence"), 40),
    Situation("report_crime", "Tipsa eller anmäla ett brott", ("crime", "gang_crime", "extremism"), 35),
    Situation("staff_concern", "Personal som är orolig för ett barn eller en ung person", ("general", "gang_crime", "crime"), 30,
              "Jag jobbar med unga"),
    Situation("ask_process", "Hur det går till: orosanmälan, polisanmälan och möten med socialtjänsten",
              ("general",), 20, group="question"),
    Situation("ask_service", "Frågor om en stödlinje eller myndighet", ("general",), 20, group="question"),
    Situation("info_extremism", "Vad är våldsbejakande extremism?", ("extremism",), 10, group="info"),
    Situation("info_signs", "Tecken att vara uppmärksam på", ("extremism", "gang_crime"), 10, group="info"),
    Situation("info_city_work", "Vad kommunen gör", ("gang_crime", "extremism", "general"), 10, group="info"),
    Situation("info_trefas", "Trefas", ("gang_crime", "violence"), 10, group="info"),
    Situation("info_sig", "Sociala insatsgrupper (SIG)", ("gang_crime", "leaving"), 10, group="info"),
    Situation("info_mvp", "Mentorer i våldsprevention (MVP)", ("violence",), 10, group="info"),
    Situation("info_avhopp", "Avhopparverksamhet", ("leaving",), 10, group="info"),
    Situation(OUT_OF_SCOPE, "Andra frågor till kommunen", ("general",), 0, group="other"),
)

BY_ID: dict[str, Situation] = {s.id: s for s in SITUATIONS}
IDS: tuple[str, ...] = tuple(BY_ID)
MENU: tuple[Situation, ...] = tuple(s for s in SITUATIONS if s.menu)


def is_situation(name: str | None) -> bool:
    return bool(name) and name in BY_ID


def is_concern(name: str | None) -> bool:
    """A situation the person is in (danger or a concern), as opposed to a question or chit-chat."""
    return bool(name) and name in BY_ID and BY_ID[name].group in ("danger", "concern")


def by_urgency(ids: list[str]) -> list[str]:
    """Most urgent first; equal urgency keeps the order they were raised in."""
    return sorted(dict.fromkeys(ids), key=lambda i: -BY_ID[i].urgency)


def payload(situation_id: str) -> str:
    """The button payload that means this situation."""
    return f"/{situation_id}"
