"""The resource catalogue: load and validate the editors' YAML under data/resources/."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterable

from bot.paths import RESOURCES_DIR
from bot.problems import ERROR, WARNING, Collector, EditorDataError, Problem, errors
from bot.schedule import Schedule, ScheduleError, describe_opening, parse_schedule
from bot.text import fold, words
from bot.yamlio import LineDict, YamlError, load_yaml

KINDS = (
    "emergency", "police", "security_police", "coordinator", "helpline", "social_services",
    "exit_programme", "crisis_support", "victim_support", "child_helpline", "professional_support",
    "health", "parent_support", "youth_outreach", "information",
)
AUDIENCES = ("relative", "staff", "young", "self", "victim", "public")
TOPICS = (
    "extremism", "gang_crime", "crime", "violence", "close_relationship", "threat", "hate_crime", "leaving",
    "crisis", "general",
)
REQUIRED = ("id", "name", "organization", "kind", "description", "audience", "topics", "area", "source", "verified")
KNOWN_FIELDS = REQUIRED + (
    "phones", "url", "email", "chat", "schedule", "languages", "anonymity", "cost", "what_happens", "aliases",
    "reference_only", "source_date", "note",
)
STALE_AFTER_DAYS = 365
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_PHONE_CHARS = re.compile(r"^\+?[0-9][0-9 \-]*[0-9]$")


@dataclass(frozen=True)
class Phone:
    number: str
    label: str
    tel: str
    hours: str | None = None


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    organization: str
    kind: str
    description: str
    audience: tuple[str, ...]
    topics: tuple[str, ...]
    area: str
    source: str
    verified: date
    phones: tuple[Phone, ...] = ()
    url: str | None = None
    email: str | None = None
    chat: str | None = None  # where to chat with them (a web address), when they have a chat
    schedule: Schedule | None = None
    languages: tuple[str, ...] = ()
    anonymity: str | None = None
    cost: str | None = None
    what_happens: str | None = None
    aliases: tuple[str, ...] = ()
    reference_only: bool = False  # shown in the printable guide only; no routing rule needs to reach it
    source_date: date | None = None
    note: str | None = None
    path: Path | None = None
    line: int = 0

    def is_open(self, now: datetime) -> bool | None:
        """True or False from the schedule; None when the catalogue does not know the hours."""
        return self.schedule.is_open(now) if self.schedule else None

    def opens(self, now: datetime) -> str | None:
        """Swedish words for the next opening when closed now, else None."""
        if self.schedule is None or self.schedule.is_open(now):
            return None
        opening = self.schedule.next_opening(now)
        return describe_opening(opening, now) if opening else None


@dataclass
class Catalogue:
    resources: dict[str, Resource] = field(default_factory=dict)
    _alias_index: list[tuple[tuple[str, ...], Resource]] | None = field(default=None, repr=False, compare=False)

    def __contains__(self, resource_id: str) -> bool:
        return resource_id in self.resources

    def get(self, resource_id: str) -> Resource:
        return self.resources[resource_id]

    def in_area(self, area: str, kind: str) -> list[Resource]:
        """Resources of one kind whose area is exactly `area`, in file order."""
        return [r for r in self.resources.values() if r.area == area and r.kind == kind]

    def areas(self) -> set[str]:
        return {r.area for r in self.resources.values()}

    def service_numbers(self) -> frozenset[str]:
        """The digits of every phone number in the catalogue: numbers the privacy filter must keep."""
        return frozenset(re.sub(r"\D", "", p.number) for r in self.resources.values() for p in r.phones)

    def named_in(self, text: str) -> list[Resource]:
        """Resources whose alias appears in the text ("soc", "Orostelefonen", "Bris"), in order of appearance."""
        tokens = [fold(w) for w in words(text)]
        found: list[tuple[int, Resource]] = []
        for alias, resource in self._aliases():
            size = len(alias)
            for index in range(len(tokens) - size + 1):
                if _names(tuple(tokens[index:index + size]), alias):
                    found.append((index, resource))
                    break
        seen: set[str] = set()
        ordered = []
        for _, resource in sorted(found, key=lambda item: item[0]):
            if resource.id not in seen:
                seen.add(resource.id)
                ordered.append(resource)
        return ordered

    def folded_aliases(self, resource: Resource) -> list[tuple[str, ...]]:
        """The resource's names as `named_in` matches them: folded words."""
        return [alias for alias, named in self._aliases() if named.id == resource.id]

    def _aliases(self) -> list[tuple[tuple[str, ...], Resource]]:
        if self._alias_index is None:
            self._alias_index = [
                (tuple(fold(w) for w in words(alias)), resource)
                for resource in self.resources.values() for alias in resource.aliases if words(alias)
            ]
        return self._alias_index


class CatalogueError(EditorDataError):
    """The catalogue has errors; `problems` says where."""


def normalise_phone(number: str) -> str | None:
    """The number for a tel: link (+46… for Swedish numbers, short numbers as they are), or None if invalid."""
    text = number.strip()
    if not _PHONE_CHARS.match(text):
        return None
    digits = re.sub(r"[ \-]", "", text)
    if digits.startswith("+"):
        return digits if 8 <= len(digits) <= 16 else None
    if digits.startswith("00"):
        return "+" + digits[2:] if 9 <= len(digits) <= 17 else None
    if digits.startswith("0"):
        return "+46" + digits[1:] if 8 <= len(digits) <= 11 else None
    # Short service numbers: 112, 1177, 114 14, 113 13, 116 006, 90101.
    return digits if 3 <= len(digits) <= 6 else None


def _text(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) else None


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


class _FileChecker(Collector):
    """Validates one resources file and builds its resources."""

    def __init__(self, path: Path, known_area: Callable[[str], bool], today: date):
        super().__init__(path)
        self.known_area = known_area
        self.today = today

    def problem(self, line: int, field_name: str, message: str, severity: str = ERROR) -> None:
        self.add(line, field_name, message, severity)

    def check(self, document: Any) -> list[Resource]:
        if not isinstance(document, LineDict) or "resources" not in document:
            self.problem(1, "resources", "filen ska börja med 'resources:' följt av en lista med kontakter.")
            return []
        items = document["resources"]
        if not isinstance(items, list):
            self.problem(document.line_of("resources"), "resources", "skriv en lista: varje kontakt börjar med '- id: …'.")
            return []
        resources = []
        for item in items:
            resource = self.check_item(item)
            if resource:
                resources.append(resource)
        return resources

    def check_item(self, item: Any) -> Resource | None:
        if not isinstance(item, LineDict):
            self.problem(getattr(item, "line", 1), "resources", "varje kontakt ska vara en lista med fält, som '- id: …'.")
            return None
        before = len(errors(self.problems))
        for name in REQUIRED:
            if item.get(name) in (None, "", []):
                hint = {
                    "source": "skriv webbadressen eller källdokumentet där uppgiften kommer ifrån.",
                    "verified": "skriv datumet då uppgiften kontrollerades, t.ex. 2026-11-21.",
                }.get(name, "fältet måste finnas och får inte vara tomt.")
                self.problem(item.line, name, f"saknas: {hint}")
        for name in item:
            if name not in KNOWN_FIELDS:
                self.problem(item.line_of(name), name, f"okänt fält. Tillåtna fält: {', '.join(KNOWN_FIELDS)}.")
        resource_id = str(item.get("id", ""))
        if resource_id and not _ID.match(resource_id):
            self.problem(item.line_of("id"), "id", f"'{resource_id}' är inte giltigt: använd små bokstäver a–z, siffror och _, t.ex. botkyrka_socialtjanst.")
        kind = item.get("kind")
        if kind is not None and kind not in KINDS:
            self.problem(item.line_of("kind"), "kind", f"okänd sort '{kind}'. Välj en av: {', '.join(KINDS)}.")
        self.check_vocabulary(item, "audience", AUDIENCES)
        self.check_vocabulary(item, "topics", TOPICS)
        area = item.get("area")
        if area is not None and not self.known_area(str(area)):
            self.problem(item.line_of("area"), "area",
                         f"okänt område '{area}'. Skriv national, en kommun (t.ex. botkyrka) eller stockholm:<stadsdel> (t.ex. stockholm:jarva).")
        phones = self.check_phones(item)
        url = item.get("url")
        if url is not None and not (isinstance(url, str) and _URL.match(url)):
            self.problem(item.line_of("url"), "url", f"'{url}' är inte en webbadress. Skriv hela adressen, t.ex. https://www.botkyrka.se.")
        chat = item.get("chat")
        if chat is not None and not (isinstance(chat, str) and _URL.match(chat)):
            self.problem(item.line_of("chat"), "chat", f"'{chat}' är inte en webbadress. Skriv adressen till chatten, t.ex. https://www.bris.se.")
        email = item.get("email")
        if email is not None and not (isinstance(email, str) and _EMAIL.match(email)):
            self.problem(item.line_of("email"), "email", f"'{email}' är inte en e-postadress, t.ex. namn@kommun.se.")
        schedule = None
        if "schedule" in item:
            try:
                schedule = parse_schedule(item["schedule"])
            except ScheduleError as error:
                self.problem(item.line_of("schedule"), "schedule", str(error) + ".")
        verified = _as_date(item.get("verified"))
        if item.get("verified") is not None and verified is None:
            self.problem(item.line_of("verified"), "verified", "skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-21.")
        elif verified and (self.today - verified).days > STALE_AFTER_DAYS:
            self.problem(item.line_of("verified"), "verified",
                         f"kontrollerades {verified}, för mer än 12 månader sedan. Kontrollera uppgifterna och uppdatera datumet.", WARNING)
        source_date = _as_date(item.get("source_date"))
        if item.get("source_date") is not None and source_date is None:
            self.problem(item.line_of("source_date"), "source_date", "skriv datumet som ÅÅÅÅ-MM-DD.")
        aliases = self.check_texts(item, "aliases")
        for name in ("anonymity", "cost", "what_happens", "note"):
            if item.get(name) is not None and not isinstance(item.get(name), str):
                self.problem(item.line_of(name), name, "skriv en text, t.ex. \"Samtalet är gratis.\"")
        reference_only = item.get("reference_only", False)
        if not isinstance(reference_only, bool):
            self.problem(item.line_of("reference_only"), "reference_only", "skriv true eller false.")
        if len(errors(self.problems)) > before:
            return None
        return Resource(
            id=resource_id,
            name=str(item["name"]),
            organization=str(item["organization"]),
            kind=str(kind),
            description=" ".join(str(item["description"]).split()),
            audience=tuple(item["audience"]),
            topics=tuple(item["topics"]),
            area=str(area),
            source=str(item["source"]),
            verified=verified,  # type: ignore[arg-type]
            phones=phones,
            url=url,
            email=email,
            chat=chat,
            schedule=schedule,
            languages=tuple(item.get("languages") or ()),
            anonymity=_text(item.get("anonymity")),
            cost=_text(item.get("cost")),
            what_happens=_text(item.get("what_happens")),
            aliases=aliases,
            reference_only=reference_only,
            source_date=source_date,
            note=item.get("note"),
            path=self.path,
            line=item.line,
        )

    def check_texts(self, item: LineDict, name: str) -> tuple[str, ...]:
        values = item.get(name)
        if values is None:
            return ()
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            self.problem(item.line_of(name), name, "skriv en lista med namn, t.ex. [soc, socialen].")
            return ()
        return tuple(values)

    def check_vocabulary(self, item: LineDict, name: str, allowed: Iterable[str]) -> None:
        values = item.get(name)
        if values is None:
            return
        if not isinstance(values, list):
            self.problem(item.line_of(name), name, f"skriv en lista, t.ex. [{next(iter(allowed))}].")
            return
        for value in values:
            if value not in allowed:
                self.problem(item.line_of(name), name, f"okänt värde '{value}'. Välj bland: {', '.join(allowed)}.")

    def check_phones(self, item: LineDict) -> tuple[Phone, ...]:
        raw = item.get("phones")
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.problem(item.line_of("phones"), "phones", "skriv en lista: '- number: \"08-123 456 78\"'.")
            return ()
        phones = []
        for entry in raw:
            line = getattr(entry, "line", item.line_of("phones"))
            if not isinstance(entry, LineDict) or "number" not in entry:
                self.problem(line, "phones", "varje telefonnummer behöver 'number:', t.ex. number: \"08-123 456 78\".")
                continue
            number = str(entry["number"])
            tel = normalise_phone(number)
            if tel is None:
                self.problem(entry.line_of("number"), "phones.number",
                             f"'{number}' är inte ett telefonnummer. Skriv siffror med riktnummer, mellanslag och bindestreck "
                             "som i de andra kontakterna i filen.")
                continue
            phones.append(Phone(number=number, label=str(entry.get("label") or "Telefon"), tel=tel, hours=entry.get("hours")))
        return tuple(phones)


def load_catalogue(
    directory: Path = RESOURCES_DIR,
    known_area: Callable[[str], bool] | None = None,
    today: date | None = None,
) -> tuple[Catalogue, list[Problem]]:
    """Load every *.yml under `directory`. Raise CatalogueError if any error; return warnings."""
    if known_area is None:
        from bot.places import default_gazetteer

        known_area = default_gazetteer().is_known_area
    today = today or date.today()
    problems: list[Problem] = []
    catalogue = Catalogue()
    first_seen: dict[str, Resource] = {}
    files = sorted(directory.glob("*.yml"))
    if not files:
        problems.append(Problem(directory, 0, "resources", "inga .yml-filer hittades."))
    for path in files:
        checker = _FileChecker(path, known_area, today)
        try:
            document = load_yaml(path)
        except YamlError as error:
            problems.append(Problem(error.path, error.line, "yaml", error.problem))
            continue
        for resource in checker.check(document):
            if resource.id in first_seen:
                earlier = first_seen[resource.id]
                where = earlier.path.name if earlier.path else "en annan fil"
                checker.problem(resource.line, "id", f"'{resource.id}' finns redan i {where} rad {earlier.line}. Ge kontakten ett eget id.")
                continue
            first_seen[resource.id] = resource
            catalogue.resources[resource.id] = resource
        problems.extend(checker.problems)
    if errors(problems):
        raise CatalogueError(problems)
    return catalogue, problems


def _names(tokens: tuple[str, ...], alias: tuple[str, ...]) -> bool:
    """The words are the alias, or its genitive ("polisens nummer", "soc:s öppettider", "orostelefonens tider")."""
    if tokens == alias:
        return True
    if tokens[:-1] != alias[:-1]:
        return False
    last, name = tokens[-1], alias[-1]
    return last in (f"{name}:s", f"{name}s") and not name.endswith(("s", "x", "z"))
