"""Routing: situation + role + area → an ordered list of contacts and the Swedish text.

The decision is the first matching rule in data/routing.yml, so editors can read and audit it.
A `local:<kind>` contact is the local resource of that kind whose topics fit the situation and
whose audience fits the writer, most local area first (see `local_choice`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Sequence

from bot.catalogue import KINDS, Catalogue, Resource
from bot.paths import ROUTING_FILE
from bot.places import Area, Gazetteer
from bot.problems import Collector, EditorDataError, Problem
from bot.situations import BY_ID as SITUATIONS
from bot.text import fold, words
from bot.yamlio import LineDict, YamlError, load_yaml

ROLES = ("staff", "relative", "young", "victim")
# `when: writer: man`: the writer says he is a man or a boy. Lines such as Kvinnofridslinjen are for women.
WRITERS = ("man", "uses_violence", "reported")
# Which catalogue audiences each writer belongs to ("public" fits everyone).
ROLE_AUDIENCES = {"staff": {"staff"}, "relative": {"relative"}, "young": {"young", "self"}, "victim": {"victim", "self"}}
LOCAL_PREFIX = "local:"
GENERIC_SOCIAL_SERVICES = "social_services_generic"


class RoutingError(EditorDataError):
    """data/routing.yml cannot be used; `problems` name file and line."""


@dataclass(frozen=True)
class Route:
    id: str
    situations: tuple[str, ...]
    roles: tuple[str, ...]
    areas: tuple[str, ...]
    text: str
    contacts: tuple[str, ...]
    writers: tuple[str, ...] = ()
    # `when: young: true`: only when the person concerned is under 18; `young: false`: only when they are known
    # to be 18 or over (an unknown age meets neither).
    young: bool | None = None
    ask_area: bool = False
    young_extra: tuple[str, ...] = ()
    if_closed: tuple[str, ...] = ()
    line: int = 0

    def applies(self, situation: str, role: str | None, area: Area | None, young: bool | None = None,
                said: frozenset[str] = frozenset()) -> bool:
        if situation not in self.situations:
            return False
        if self.young is not None and self.young != young:
            return False
        if self.roles and role not in self.roles:
            return False
        if self.writers and not set(self.writers) & said:
            return False
        if self.areas and not (area and set(area.lookup_order()) & set(self.areas)):
            return False
        return True


@dataclass(frozen=True)
class Decision:
    """What the bot answers: the route, its text, and the contacts in order."""

    situation: str
    route: Route
    contacts: tuple[Resource, ...]
    notes: tuple[str, ...] = ()
    ask_area: bool = False
    closed_note: str | None = None  # "X is closed now and opens …; Y you can reach now"


def professional_only(resource: Resource) -> bool:
    """A line only for people who work with this (the CVE support line), never for the public."""
    return set(resource.audience) == {"staff"}


def fits_writer(resource: Resource, role: str | None) -> bool:
    """The resource is for this writer, or for everyone; professional-only lines only for staff."""
    audience = set(resource.audience)
    if role == "staff":
        return bool(audience & {"staff", "public"})
    if professional_only(resource):
        return False
    if role is None or "public" in audience:
        return True
    return bool(audience & ROLE_AUDIENCES[role])


def fits_situation(resource: Resource, situation: str) -> bool:
    return bool(set(resource.topics) & set(SITUATIONS[situation].topics))


def local_choice(catalogue: Catalogue, kind: str, area: Area | None, situation: str, role: str | None) -> Resource | None:
    """The local resource of `kind` for this situation and writer.

    Order: the most local area first (district before municipality); then the resource sharing the
    most topics with the situation; then the order in the editors' file.
    """
    if area is None:
        return None
    wanted = set(SITUATIONS[situation].topics)
    for area_id in area.lookup_order():
        fitting = [r for r in catalogue.in_area(area_id, kind) if fits_situation(r, situation) and fits_writer(r, role)]
        if fitting:
            return max(fitting, key=lambda r: len(set(r.topics) & wanted))  # max keeps the first of equals
    return None


@dataclass(frozen=True)
class RoleLexicon:
    terms: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    def detect(self, text: str) -> str | None:
        """The role whose longest phrase appears in the text ("min pappa" is a young writer, "pappa" a
        parent); on equal length the order staff, relative, young, victim decides."""
        tokens = [fold(w) for w in words(text)]
        best: tuple[int, str] | None = None
        for role in ROLES:
            for phrase in self.terms.get(role, ()):
                if (best is None or len(phrase) > best[0]) and _contains(tokens, phrase):
                    best = (len(phrase), role)
        return best[1] if best else None


def _contains(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    size = len(phrase)
    return any(tuple(tokens[i:i + size]) == tuple(phrase) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class RoutingTable:
    routes: tuple[Route, ...]
    roles: RoleLexicon

    def decide(
        self,
        situation: str,
        catalogue: Catalogue,
        role: str | None = None,
        area: Area | None = None,
        now: datetime | None = None,
        young: bool | None = None,
        said: frozenset[str] = frozenset(),
    ) -> Decision:
        """The first route that applies, with local contacts resolved for the area.

        `young`: True when the person concerned is under 18 (or the writer is young; adds the route's
        `young_extra`), False when they are known to be 18 or over, None when their age is not known.
        `said`: what the writer has said of themselves, from WRITERS (routes with `when: writer: …`): "man" (he is
        a man or a boy), "uses_violence" (they use violence at home), "reported" (they have reported it already).
        """
        route = next((r for r in self.routes if r.applies(situation, role, area, young, said)), None)
        if route is None:
            raise LookupError(f"no route for situation '{situation}'")
        wanted = list(route.contacts)
        if young or role == "young":
            wanted += list(route.young_extra)
        contacts: list[Resource] = []
        notes: list[str] = []
        missing_local = False
        for item in wanted:
            if item.startswith(LOCAL_PREFIX):
                kind = item[len(LOCAL_PREFIX):]
                found = local_choice(catalogue, kind, area, situation, role)
                if found is None and kind == "social_services":
                    missing_local = area is not None
                    found = catalogue.resources.get(GENERIC_SOCIAL_SERVICES)
                if found is not None:
                    contacts.append(found)
            elif item in catalogue:
                contacts.append(catalogue.get(item))
        if missing_local and area is not None:
            notes.append(_missing_local_note(catalogue, area))
        contacts = _unique(contacts)
        closed_note = None
        if now is not None and route.if_closed:
            contacts, closed_note = _offer_open_alternative(contacts, route.if_closed, catalogue, now)
        return Decision(situation, route, tuple(contacts), tuple(notes), ask_area=route.ask_area and area is None,
                        closed_note=closed_note)


def _missing_local_note(catalogue: Catalogue, area: Area) -> str:
    """Honest about what the catalogue lacks; in a city with districts, ask for the district."""
    if area.district is None and any(a.startswith(f"{area.municipality}:") for a in catalogue.areas()):
        return (f"Socialtjänsten i {area.municipality_name} finns i stadsdelarna. Skriv gärna vilken stadsdel "
                "det gäller, så ger jag dig rätt kontakt.")
    return (f"Jag har tyvärr inga egna kontakter för {area.name} ännu. "
            # "i Sundbyberg", not "i Sundbyberg kommun" (the genitive differs from one municipality to the next).
            f"Vänd dig till socialtjänsten i {area.municipality_name}, via kommunens växel eller webbplats.")


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
            # "har stängt", not "är stängt/stängd": right whatever the name's gender ("CVE – stödtelefon …").
            note = f"{first_closed.name} har stängt just nu{when}. {alternative.name} kan du nå nu."
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
    found = Collector(path)
    if not isinstance(document, LineDict) or not isinstance(document.get("routes"), list):
        found.add(1, "routes", "filen ska ha 'routes:' med en lista av regler.")
        return RoutingTable((), RoleLexicon()), found.problems
    lexicon: dict[str, tuple[tuple[str, ...], ...]] = {}
    raw_roles = document.get("roles") or LineDict()
    for role, phrases in raw_roles.items():
        if role not in ROLES:
            found.add(raw_roles.line_of(role), "roles", f"okänd roll '{role}'. Använd {', '.join(ROLES)}.")
            continue
        lexicon[role] = tuple(tuple(fold(w) for w in words(str(p))) for p in phrases)
    routes: list[Route] = []
    seen: set[str] = set()
    covered: set[str] = set()
    for item in document["routes"]:
        route = _parse_route(item, found, seen, catalogue, gazetteer)
        if route is None:
            continue
        if not route.roles and not route.areas and not route.writers and route.young is None:
            covered.update(route.situations)
        routes.append(route)
    for situation in SITUATIONS:
        if situation not in covered:
            found.add(document.line_of("routes"), "routes",
                      f"situationen '{situation}' saknar en regel utan villkor på roll, skribent och område. Lägg till en sista regel för den.")
    return RoutingTable(tuple(routes), RoleLexicon(lexicon)), found.problems


def _parse_route(item: object, found: Collector, seen: set[str], catalogue: Catalogue | None,
                 gazetteer: Gazetteer | None) -> Route | None:
    line = getattr(item, "line", 1)
    if not isinstance(item, LineDict) or not item.get("id") or not isinstance(item.get("when"), dict):
        found.add(line, "routes", "varje regel behöver 'id:', 'when:' och 'contacts:'.")
        return None
    route_id = str(item["id"])
    if route_id in seen:
        found.add(item.line_of("id"), "id", f"regeln '{route_id}' finns redan. Ge den ett eget id.")
    seen.add(route_id)
    when = item["when"]
    situations = _as_tuple(when.get("situation"))
    roles = _as_tuple(when.get("role"))
    areas = _as_tuple(when.get("area"))
    writers = _as_tuple(when.get("writer"))
    young = when.get("young")
    if young is not None and not isinstance(young, bool):
        found.add(item.line_of("when"), "when.young", "skriv young: true (personen är under 18) eller young: false (18 år eller äldre).")
        young = None
    for situation in situations:
        if situation not in SITUATIONS:
            found.add(item.line_of("when"), "when.situation", f"okänd situation '{situation}'. Välj bland: {', '.join(SITUATIONS)}.")
    if not situations:
        found.add(item.line_of("when"), "when.situation", "ange vilken situation regeln gäller, t.ex. situation: worried_gang.")
    for role in roles:
        if role not in ROLES:
            found.add(item.line_of("when"), "when.role", f"okänd roll '{role}'. Använd {', '.join(ROLES)}.")
    for writer in writers:
        if writer not in WRITERS:
            found.add(item.line_of("when"), "when.writer", f"okänd skribent '{writer}'. Använd {', '.join(WRITERS)}.")
    for area in areas:
        if gazetteer and not gazetteer.is_known_area(area):
            found.add(item.line_of("when"), "when.area", f"okänt område '{area}'. Skriv en kommun (botkyrka) eller stockholm:<stadsdel>.")
    contacts = _as_tuple(item.get("contacts"))
    for field_name in ("contacts", "young_extra", "if_closed"):
        for contact in _as_tuple(item.get(field_name)):
            if contact.startswith(LOCAL_PREFIX):
                if contact[len(LOCAL_PREFIX):] not in KINDS:
                    found.add(item.line_of(field_name), field_name, f"'{contact}': efter local: ska en sort stå, t.ex. local:social_services.")
            elif catalogue is not None and contact not in catalogue:
                found.add(item.line_of(field_name), field_name, f"kontakten '{contact}' finns inte i data/resources/. Kontrollera stavningen av id:t.")
    if not str(item.get("text") or "").strip():
        found.add(line, "text", "skriv texten som boten ska säga.")
    return Route(
        id=route_id, situations=situations, roles=roles, areas=areas, writers=writers, young=young,
        text=" ".join(str(item.get("text", "")).split()), contacts=contacts,
        ask_area=item.get("ask") == "area", young_extra=_as_tuple(item.get("young_extra")),
        if_closed=_as_tuple(item.get("if_closed")), line=line,
    )


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
