"""`bot resources check`: every editor-facing file validated at once, errors with file and line."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bot import paths, situations
from bot.catalogue import Catalogue, CatalogueError, load_catalogue
from bot.danger import DangerRulesError, load_danger_rules
from bot.places import default_gazetteer
from bot.problems import Problem
from bot.routing import RoutingError, load_routing
from bot.yamlio import YamlError, load_yaml

_NUMBER_IN_TEXT = re.compile(r"(?<![\d-])(\d{2,3}(?:[ -]\d{2,3}){0,3})(?![\d-])")


def check_domain_numbers(catalogue: Catalogue) -> list[Problem]:
    """Static answers in domain.yml may name only numbers that the catalogue has (so they stay in step)."""
    known = {re.sub(r"\D", "", p.number) for r in catalogue.resources.values() for p in r.phones}
    problems = []
    try:
        document = load_yaml(paths.DOMAIN_FILE)
    except YamlError as error:
        return [Problem(error.path, error.line, "yaml", error.problem)]
    responses = document.get("responses") or {}
    for name, variants in responses.items():
        for variant in variants:
            for match in _NUMBER_IN_TEXT.finditer(str(variant.get("text", ""))):
                digits = re.sub(r"\D", "", match.group(1))
                if len(digits) >= 3 and digits not in known:
                    problems.append(Problem(paths.DOMAIN_FILE, variant.line_of("text"), name,
                                            f"numret '{match.group(1)}' finns inte i data/resources/. Lägg till kontakten där först."))
    return problems


RASA_FILES = ("config.yml", "domain.yml", "endpoints.yml", "credentials.yml")


def check_config_files(root=paths.PROJECT_ROOT) -> list[Problem]:
    """Rasa's own files must at least be valid YAML; say where they are not."""
    problems = []
    for name in RASA_FILES:
        try:
            load_yaml(root / name)
        except YamlError as error:
            problems.append(Problem(error.path, error.line, "yaml", error.problem))
        except OSError:
            problems.append(Problem(root / name, 0, "fil", "filen saknas."))
    return problems


def check_all() -> tuple[list[Problem], str]:
    """All problems (errors and warnings), and a one-line summary when there are no errors."""
    gazetteer = default_gazetteer()
    problems: list[Problem] = check_config_files()
    catalogue = None
    try:
        catalogue, warnings = load_catalogue(paths.RESOURCES_DIR, gazetteer.is_known_area)
        problems += warnings
    except CatalogueError as error:
        problems += error.problems
    try:
        load_routing(paths.ROUTING_FILE, catalogue, gazetteer)
    except RoutingError as error:
        problems += error.problems
    try:
        load_danger_rules(paths.DANGER_FILE)
    except DangerRulesError as error:
        problems += error.problems
    problems += check_situations()
    if catalogue is not None:
        problems += check_domain_numbers(catalogue)
    summary = ""
    if catalogue is not None:
        kinds = Counter(r.kind for r in catalogue.resources.values())
        areas = Counter(r.area for r in catalogue.resources.values())
        summary = (
            f"OK: {len(catalogue.resources)} kontakter, {len(problems)} varningar.\n"
            f"Per sort: {', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}\n"
            f"Per område: {', '.join(f'{a} {n}' for a, n in sorted(areas.items()))}"
        )
    return problems, summary


def check_situations(root: Path = paths.PROJECT_ROOT) -> list[Problem]:
    """The situations in bot/situations.py are the one list: domain.yml, the dialogue rules and the
    greeting's buttons must follow it."""
    problems: list[Problem] = []
    domain_file = root / "domain.yml"
    try:
        domain = load_yaml(domain_file)
    except YamlError as error:
        return [Problem(error.path, error.line, "yaml", error.problem)]
    intents = set(domain.get("intents") or [])
    for situation in situations.IDS:
        if situation not in intents:
            problems.append(Problem(domain_file, domain.line_of("intents"), "intents",
                                    f"situationen '{situation}' (bot/situations.py) saknas bland intents."))
    if situations.MAYBE_DANGER not in intents:
        problems.append(Problem(domain_file, domain.line_of("intents"), "intents",
                                f"'{situations.MAYBE_DANGER}' (bot/situations.py) saknas bland intents."))
    routed: dict[str, list[str]] = {}
    for rules_file in sorted((root / "data" / "rules").glob("*.yml")):
        for rule in (load_yaml(rules_file) or {}).get("rules") or []:
            steps = rule.get("steps") or []
            if steps and "intent" in steps[0]:
                actions = [s.get("action") for s in steps[1:] if "action" in s]
                if not rule.get("condition"):  # the rule that always applies; one with a condition narrows it
                    routed[steps[0]["intent"]] = actions
    for danger in (situations.DANGER, situations.MAYBE_DANGER):
        # The static emergency answer needs no action server: it must come first wherever danger is answered.
        if routed.get(danger, [])[:2] != ["utter_emergency", "action_route"]:
            problems.append(Problem(root / "data" / "rules", 1, "rules",
                                    f"'{danger}' behöver en regel utan villkor: utter_emergency, sedan action_route."))
    for situation in situations.IDS:
        if "action_route" not in routed.get(situation, []):
            problems.append(Problem(root / "data" / "rules", 1, "rules",
                                    f"situationen '{situation}' har ingen regel som går till action_route."))
    greeting = (domain.get("responses") or {}).get("utter_greet") or [{}]
    buttons = [(b.get("title"), b.get("payload")) for b in greeting[0].get("buttons") or []]
    menu = [(s.menu, situations.payload(s.id)) for s in situations.MENU]
    if buttons != menu:
        problems.append(Problem(domain_file, getattr(greeting[0], "line", 1), "utter_greet",
                                f"knapparna ska vara menyn i bot/situations.py i samma ordning: {menu}."))
    return problems
