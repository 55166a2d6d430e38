"""Routing: situation + role + area → an ordered list of contacts and the Swedish text.

The decision is the first matching rule in data/routing.yml, so editors can read and audit it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Sequence

from bot.catalogue import Catalogue, Problem, Resource
from bot.paths import ROUTING_FILE
from bot.places import Area, Gazetteer
from bot.text import fold, words
from bot.yamlio import LineDict, YamlError, load_yaml

SITUATIONS = (
    "acute_danger", "report_crime", "worried_extremism", "worried_gang", "staff_concern",
    "leave_extremism", "leave_gang", "affected_by_violence", "young_self", "suicide_selfharm",
    "info_extremism", "info_signs", "info_city_work", "info_trefas", "info_sig", "info_mvp",
    "info_avhopp", "out_of_scope",
)
ROLES = ("staff", "relative", "young")
LOCAL_PREFIX = "local:"
GENERIC_SOCIAL_SERVICES = "social_services_generic"
MAX_LOCAL_PER_KIND = 1


class RoutingError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Route:
    id: str
    situations: tuple[str, ...]
    roles: tuple[str, ...]
    areas: tuple[str, ...]
    text: str
    contacts: tuple[str, ...]
    ask_area: bool = False
    young_extra: tuple[str, ...] = ()
    if_closed: tuple[str, ...] = ()
    line: int = 0

    def applies(self, situation: str, role: str | None, area: Area | None) -> bool:
        if situation not in self.situations:
            return False
        if self.roles and role not in self.roles:
            return False
        if self.areas and not (area and set(area.lookup_order()) & set(self.areas)):
            return False
        return True


@dataclass(frozen=True)
class Decision:
    """What the bot answers: the route, its text, and the contacts in order."""

    route: Route
    contacts: tuple[Resource, ...]
    notes: tuple[str, ...] = ()
    ask_area: bool = False


@dataclass(frozen=True)
class RoleLexicon:
    terms: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    def detect(self, text: str) -> str | None:
        """The first role (staff, relative, young) whose words appear in the text."""
        tokens = [fold(w) for w in words(text)]
        for role in ROLES:
            for phrase in self.terms.get(role, ()):
                if _contains(tokens, phrase):
                    return role
        return None


def _contains(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    size = len(phrase)
    return any(tuple(tokens[i:i + size]) == tuple(phrase) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class RoutingTable:
    routes: tuple[Route, ...]
    roles: RoleLexicon
    titles: dict[str, str] = field(default_factory=dict)

    def decide(
        self,
        situation: str,
        catalogue: Catalogue,
        role: str | None = None,
        area: Area | None = None,
        now: datetime | None = None,
    ) -> Decision:
        """The first route that applies, with local contacts resolved for the area."""
        route = next((r for r in self.routes if r.applies(situation, role, area)), None)
        if route is None:
            raise LookupError(f"no route for situation '{situation}'")
        wanted = list(route.contacts)
        if role == "young":
            wanted += list(route.young_extra)
        contacts: list[Resource] = []
        notes: list[str] = []
        missing_local = False
        for item in wanted:
            if item.startswith(LOCAL_PREFIX):
                found = _local(catalogue, item[len(LOCAL_PREFIX):], area)
                if not found and item == LOCAL_PREFIX + "social_services":
                    missing_local = area is not None
                    found = [catalogue.get(GENERIC_SOCIAL_SERVICES)] if GENERIC_SOCIAL_SERVICES in catalogue else []
                contacts.extend(found)
            elif item in catalogue:
                contacts.append(catalogue.get(item))
        if missing_local and area is not None:
            notes.append(
                f"Jag har tyvärr inga egna kontakter för {area.name} ännu. "
                f"Vänd dig till socialtjänsten i {area.municipality_name} kommun, via kommunens växel eller webbplats."
            )
        contacts = _unique(contacts)
        if now is not None and route.if_closed:
            contacts, closed_note = _offer_open_alternative(contacts, route.if_closed, catalogue, now)
            if closed_note:
                notes.append(closed_note)
        return Decision(route, tuple(contacts), tuple(notes), ask_area=route.ask_area and area is None)


def _local(catalogue: Catalogue, kind: str, area: Area | None) -> list[Resource]:
    if area is None:
        return []
    for area_id in area.lookup_order():
        found = catalogue.in_area(area_id, kind)
        if found:
            return found[:MAX_LOCAL_PER_KIND]
    return []


def _unique(resources: list[Resource]) -> list[Resource]:
    seen: set[str] = set()
    unique = []
    for resource in resources:
        if resource.id not in seen:
            seen.add(resource.id)
            unique.append(resource)
    return unique


def _offer_open_alternative(
    contacts: list[Resource], alternatives: Sequence[str], catalogue: Catalogue, now: datetime
) -> tuple[list[Resource], str | None]:
    closed = [r for r in contacts if r.is_open(now) is False]
    if not closed:
        return contacts, None
    first_closed = closed[0]
    opens = first_closed.opens(now)
    for alternative_id in alternatives:
        if alternative_id not in catalogue:
            continue
        alternative = catalogue.get(alternative_id)
        if alternative.is_open(now) is not False:
            when = f" och öppnar {opens}" if opens else ""
            note = f"{first_closed.name} är stängt just nu{when}. {alternative.name} kan du nå nu."
            if alternative.id not in {r.id for r in contacts}:
                contacts = [*contacts, alternative]
            return contacts, note
    return contacts, None


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),)


def parse_routing(document: object, path: Path, catalogue: Catalogue | None, gazetteer: Gazetteer | None) -> tuple[RoutingTable, list[Problem]]:
    """Build the routing table; check every id, situation, role and area. Problems name file and line."""
    problems: list[Problem] = []

    def problem(line: int, field_name: str, message: str) -> None:
        problems.append(Problem(path, line, field_name, message))

    if not isinstance(document, LineDict) or not isinstance(document.get("routes"), list):
        problem(1, "routes", "filen ska ha 'routes:' med en lista av regler.")
        return RoutingTable((), RoleLexicon()), problems
    lexicon: dict[str, tuple[tuple[str, ...], ...]] = {}
    raw_roles = document.get("roles") or {}
    for role, phrases in raw_roles.items():
        if role not in ROLES:
            problem(raw_roles.line_of(role), "roles", f"okänd roll '{role}'. Använd {', '.join(ROLES)}.")
            continue
        lexicon[role] = tuple(tuple(fold(w) for w in words(str(p))) for p in phrases)
    titles = {str(k): str(v) for k, v in (document.get("titles") or {}).items()}
    for situation in titles:
        if situation not in SITUATIONS:
            problem(document["titles"].line_of(situation), "titles", f"okänd situation '{situation}'.")
    routes: list[Route] = []
    seen: set[str] = set()
    covered: set[str] = set()
    for item in document["routes"]:
        line = getattr(item, "line", 1)
        if not isinstance(item, LineDict) or not item.get("id") or not isinstance(item.get("when"), dict):
            problem(line, "routes", "varje regel behöver 'id:', 'when:' och 'contacts:'.")
            continue
        route_id = str(item["id"])
        if route_id in seen:
            problem(item.line_of("id"), "id", f"regeln '{route_id}' finns redan. Ge den ett eget id.")
        seen.add(route_id)
        when = item["when"]
        situations = _as_tuple(when.get("situation"))
        roles = _as_tuple(when.get("role"))
        areas = _as_tuple(when.get("area"))
        for situation in situations:
            if situation not in SITUATIONS:
                problem(item.line_of("when"), "when.situation", f"okänd situation '{situation}'. Välj bland: {', '.join(SITUATIONS)}.")
        if not situations:
            problem(item.line_of("when"), "when.situation", "ange vilken situation regeln gäller, t.ex. situation: worried_gang.")
        for role in roles:
            if role not in ROLES:
                problem(item.line_of("when"), "when.role", f"okänd roll '{role}'. Använd {', '.join(ROLES)}.")
        for area in areas:
            if gazetteer and not gazetteer.is_known_area(area):
                problem(item.line_of("when"), "when.area", f"okänt område '{area}'. Skriv en kommun (botkyrka) eller stockholm:<stadsdel>.")
        contacts = _as_tuple(item.get("contacts"))
        extra = _as_tuple(item.get("young_extra")) + _as_tuple(item.get("if_closed"))
        for contact in contacts + extra:
            if contact.startswith(LOCAL_PREFIX):
                from bot.catalogue import KINDS

                if contact[len(LOCAL_PREFIX):] not in KINDS:
                    problem(item.line_of("contacts"), "contacts", f"'{contact}': efter local: ska en sort stå, t.ex. local:social_services.")
            elif catalogue is not None and contact not in catalogue:
                field_name = "contacts" if contact in contacts else "young_extra/if_closed"
                problem(item.line_of("contacts"), field_name, f"kontakten '{contact}' finns inte i data/resources/. Kontrollera stavningen av id:t.")
        if not str(item.get("text") or "").strip():
            problem(line, "text", "skriv texten som boten ska säga.")
        if not roles and not areas:
            covered.update(situations)
        routes.append(Route(
            id=route_id, situations=situations, roles=roles, areas=areas,
            text=" ".join(str(item.get("text", "")).split()), contacts=contacts,
            ask_area=item.get("ask") == "area", young_extra=_as_tuple(item.get("young_extra")),
            if_closed=_as_tuple(item.get("if_closed")), line=line,
        ))
    for situation in SITUATIONS:
        if situation not in covered:
            problem(document.line_of("routes"), "routes", f"situationen '{situation}' saknar en regel utan villkor på roll och område. Lägg till en sista regel för den.")
    return RoutingTable(tuple(routes), RoleLexicon(lexicon), titles), problems


def load_routing(path: Path = ROUTING_FILE, catalogue: Catalogue | None = None, gazetteer: Gazetteer | None = None) -> RoutingTable:
    """Load and check the routing table; raise RoutingError naming file and line."""
    try:
        document = load_yaml(path)
    except YamlError as error:
        raise RoutingError([Problem(error.path, error.line, "yaml", error.problem)]) from error
    table, problems = parse_routing(document, path, catalogue, gazetteer)
    if problems:
        raise RoutingError(problems)
    return table
