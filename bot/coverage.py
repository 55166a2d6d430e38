"""`bot resources coverage`: every situation × writer × area through the routing, checked and written down.

The matrix is what editors review (docs/vagval.md). It fails, naming file and line, on:
* a resource no rule reaches (unless the editor marked it `reference_only: true`);
* a local contact whose topics do not fit the situation;
* a professional-only line (audience only staff) offered to someone who is not staff;
* a municipality's or district's own contact offered in another municipality, or with no area known.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot import situations
from bot.catalogue import Resource
from bot.editors_data import Snapshot
from bot.places import Area, Gazetteer
from bot.problems import Problem
from bot.routing import Decision, fits_situation, professional_only
from bot.schedule import STOCKHOLM

WRITERS: tuple[str | None, ...] = (None, "relative", "young", "staff", "victim", "man", "young_man", "uses_violence",
                                   "reported")
WRITER_NAMES = {None: "okänd", "relative": "anhörig", "young": "ung", "staff": "personal", "victim": "utsatt",
                "man": "man", "young_man": "ung kille", "uses_violence": "använder våld", "reported": "har anmält"}
# Writers that are something said, not a role: `writer: uses_violence`, `writer: reported` (data/routing.yml).
SAID_ONLY = ("uses_violence", "reported")
# The writers that are a role and `writer: man` together (data/routing.yml).
AS_MAN = {"man": None, "young_man": "young"}
OTHER_MUNICIPALITY = "uppsala"
# A weekday morning and a Saturday night, so rules that offer an open alternative are reached too.
MOMENTS = (datetime(2026, 11, 30, 10, 0, tzinfo=STOCKHOLM), datetime(2026, 11, 28, 23, 30, tzinfo=STOCKHOLM))


@dataclass(frozen=True)
class Row:
    situation: str
    writer: str | None
    area: Area | None
    young: bool | None  # under 18, 18 or over, not known
    decision: Decision


@dataclass(frozen=True)
class Coverage:
    rows: tuple[Row, ...]
    problems: tuple[Problem, ...]
    unreachable: tuple[Resource, ...]


def areas(gazetteer: Gazetteer) -> list[Area | None]:
    """Every Stockholm district, Stockholm without a district, Botkyrka, one other municipality, none."""
    stockholm = gazetteer.area_by_id("stockholm")
    districts = sorted((a for a in gazetteer.districts() if a.municipality == "stockholm"), key=lambda a: a.id)
    return [*districts, stockholm, gazetteer.area_by_id("botkyrka"), gazetteer.area_by_id(OTHER_MUNICIPALITY), None]


def compute(data: Snapshot, gazetteer: Gazetteer) -> Coverage:
    rows: list[Row] = []
    problems: dict[tuple, Problem] = {}
    reached: set[str] = set()
    for situation in situations.IDS:
        for writer in WRITERS:
            for area in areas(gazetteer):
                for young in (None, True, False):
                    for moment in MOMENTS:
                        role = AS_MAN[writer] if writer in AS_MAN else None if writer in SAID_ONLY else writer
                        said = frozenset({"man"} if writer in AS_MAN else {writer} if writer in SAID_ONLY else set())
                        decision = data.routing.decide(situation, data.catalogue, role, area, moment, young=young,
                                                       said=said)
                        reached.update(c.id for c in decision.contacts)
                        if moment is MOMENTS[0]:
                            rows.append(Row(situation, writer, area, young, decision))
                        for problem in _mismatches(decision, writer, area):
                            problems[(problem.line, problem.message)] = problem
    unreachable = tuple(r for r in data.catalogue.resources.values() if r.id not in reached and not r.reference_only)
    for resource in unreachable:
        problems[(str(resource.path), resource.line)] = Problem(
            resource.path or Path("data/resources"), resource.line, "id",
            f"'{resource.id}' nås inte av någon regel i data/routing.yml. Lägg till kontakten i en regel, "
            "eller skriv reference_only: true om den bara ska stå i den utskrivbara guiden.")
    return Coverage(tuple(rows), tuple(problems.values()), unreachable)


def _mismatches(decision: Decision, writer: str | None, area: Area | None) -> list[Problem]:
    route, found = decision.route, []
    where = Path("data/routing.yml")
    for contact in decision.contacts:
        local = contact.area != "national"
        if local and not fits_situation(contact, decision.situation):
            found.append(Problem(where, route.line, "contacts",
                                 f"regeln '{route.id}' ger '{contact.id}' (ämnen: {', '.join(contact.topics)}) i situationen "
                                 f"'{decision.situation}', men ämnena passar inte. Välj en annan kontakt eller rätta topics."))
        if professional_only(contact) and writer != "staff":
            found.append(Problem(where, route.line, "contacts",
                                 f"regeln '{route.id}' ger '{contact.id}', som bara är för yrkesverksamma, till någon som "
                                 f"inte är personal ({WRITER_NAMES[writer]}). Lägg till when: role: staff."))
        if local and (area is None or contact.area not in area.lookup_order()):
            found.append(Problem(where, route.line, "contacts",
                                 f"regeln '{route.id}' ger '{contact.id}' ({contact.area}) när området är "
                                 f"{area.id if area else 'okänt'}. Lägg till when: area: {contact.area.split(':')[0]}."))
    return found


def render(coverage: Coverage, data: Snapshot) -> str:
    """docs/vagval.md: per situation, which writers in which areas get which contacts, in order."""
    lines = [
        "# Vägval: vem får vilka kontakter",
        "",
        "Skrivet av `bot resources coverage` från data/routing.yml och data/resources/. Ändra inte här;",
        "ändra reglerna eller kontakterna och kör kommandot igen. Varje rad är en grupp av skribenter och",
        "områden som får samma kontakter, i den ordning boten visar dem (vardag förmiddag), när åldern inte är",
        "känd. *Under 18* visar vad som läggs till när den det gäller är under 18 år, eller en annan regel med",
        "dess kontakter; *18 eller äldre* visar en annan regel när den det gäller är vuxen.",
        "",
        f"Rader i matrisen: {len(coverage.rows)} (situation × skribent × område × ålder). "
        f"Kontakter som ingen regel når: {len(coverage.unreachable)}. Fel: {len(coverage.problems)}.",
        "",
    ]
    by_situation: dict[str, list[Row]] = defaultdict(list)
    for row in coverage.rows:
        by_situation[row.situation].append(row)
    for situation in situations.SITUATIONS:
        lines += [f"## {situation.title} (`{situation.id}`)", "",
                  "| regel | skribent | område | kontakter | under 18 | 18 eller äldre |", "|---|---|---|---|---|---|"]
        groups: dict[tuple, tuple[list[str], list[str]]] = {}
        rows = by_situation[situation.id]
        by_age = {age: {(r.writer, r.area.id if r.area else None): r for r in rows if r.young is age} for age in (True, False)}
        for row in (r for r in rows if r.young is None):
            key_of_row = (row.writer, row.area.id if row.area else None)
            young_column = _difference(row, by_age[True][key_of_row])
            adult_column = _difference(row, by_age[False][key_of_row])
            key = (row.decision.route.id, tuple(c.name for c in row.decision.contacts), young_column, adult_column)
            writers, places = groups.setdefault(key, ([], []))
            name = WRITER_NAMES[row.writer]
            if name not in writers:
                writers.append(name)
            place = row.area.name if row.area else "okänt"
            if place not in places:
                places.append(place)
        for (route_id, contacts, young_column, adult_column), (writers, places) in groups.items():
            lines.append(f"| {route_id} | {', '.join(writers)} | {', '.join(places)} | "
                         f"{' → '.join(contacts) or '–'} | {young_column} | {adult_column} |")
        lines.append("")
    return "\n".join(lines)


def _difference(row: Row, other: Row) -> str:
    """What another age changes: another rule with its contacts, or the contacts it adds; "–" for nothing."""
    if other.decision.route.id != row.decision.route.id:
        return f"{other.decision.route.id}: {' → '.join(c.name for c in other.decision.contacts)}"
    added = [c.name for c in other.decision.contacts if c.id not in {x.id for x in row.decision.contacts}]
    return ", ".join(added) or "–"


def summary(coverage: Coverage) -> str:
    return (f"Rader: {len(coverage.rows)}, kontakter som ingen regel når: {len(coverage.unreachable)}, "
            f"fel: {len(coverage.problems)}.")
