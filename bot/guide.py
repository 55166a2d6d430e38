"""The guide: from one user message and the conversation so far to the reply.

Keeps the catalogue and routing table loaded, reloads them when an editor saves a file, and
keeps serving the last valid version when an edit is broken.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from bot import paths
from bot.catalogue import Catalogue, CatalogueError, load_catalogue
from bot.danger import DangerRules, DangerRulesError, load_danger_rules
from bot.places import Gazetteer, default_gazetteer
from bot.replies import SITUATION_BUTTONS, Reply, button_list, render_decision
from bot.routing import SITUATIONS, RoutingError, RoutingTable, load_routing
from bot.schedule import STOCKHOLM

logger = logging.getLogger(__name__)
RELOAD_CHECK_SECONDS = 1.0
OTHER_AREA = "other"
ASK_SITUATION_ROUTE = "ask_situation"
ASK_AREA_ROUTE = "ask_area"  # no contacts yet: the user is asked what it is about


@dataclass(frozen=True)
class Snapshot:
    """One consistent, valid version of the editors' data."""

    catalogue: Catalogue
    routing: RoutingTable
    danger: DangerRules


def _fingerprint(files: list[Path]) -> tuple:
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists())


class Guide:
    """Answers messages from the current valid data; hot-reloads edited files."""

    def __init__(
        self,
        resources_dir: Path = paths.RESOURCES_DIR,
        routing_file: Path = paths.ROUTING_FILE,
        danger_file: Path = paths.DANGER_FILE,
        gazetteer: Gazetteer | None = None,
        lemmatize: Callable[[str], list[str]] | None = None,
    ):
        self.resources_dir = resources_dir
        self.routing_file = routing_file
        self.danger_file = danger_file
        self.gazetteer = gazetteer or default_gazetteer()
        self.lemmatize = lemmatize
        self._lock = threading.Lock()
        self._checked_at = 0.0
        self._fingerprint: tuple = ()
        self.last_error: str | None = None
        self._snapshot = self._load()  # at start a broken file is an error: fail loudly
        self._fingerprint = self._current_fingerprint()

    def _files(self) -> list[Path]:
        return [*sorted(self.resources_dir.glob("*.yml")), self.routing_file, self.danger_file]

    def _current_fingerprint(self) -> tuple:
        return _fingerprint(self._files())

    def _load(self) -> Snapshot:
        catalogue, _warnings = load_catalogue(self.resources_dir, self.gazetteer.is_known_area)
        routing = load_routing(self.routing_file, catalogue, self.gazetteer)
        danger = load_danger_rules(self.danger_file)
        return Snapshot(catalogue, routing, danger)

    def snapshot(self) -> Snapshot:
        """The current data; at most once a second, look for edited files and reload them."""
        now = time.monotonic()
        if now - self._checked_at < RELOAD_CHECK_SECONDS:
            return self._snapshot
        with self._lock:
            self._checked_at = now
            fingerprint = self._current_fingerprint()
            if fingerprint != self._fingerprint:
                self._fingerprint = fingerprint
                try:
                    self._snapshot = self._load()
                    self.last_error = None
                    logger.info("Resources reloaded after an edit.")
                except (CatalogueError, RoutingError, DangerRulesError) as error:
                    self.last_error = str(error)
                    # Keep serving the last valid data; tell the editor where the error is.
                    logger.error("Edited data is invalid; still serving the last valid version:\n%s", error)
        return self._snapshot

    def respond(self, intent: str, text: str, slots: dict[str, Any], entities: dict[str, str] | None = None,
                now: datetime | None = None, default_area: str | None = None) -> Reply:
        """The reply to one message.

        `slots` holds what the conversation remembers (situation, area, role); `default_area` is the
        municipality whose website embeds the chat, used when the user has not named a place.
        """
        now = now or datetime.now(STOCKHOLM)
        data = self.snapshot()
        entities = entities or {}
        reply = Reply()

        situation = intent if intent in SITUATIONS else slots.get("situation")
        lemmas = self.lemmatize(text) if self.lemmatize and text else None
        if text and data.danger.match(text, lemmas):
            situation = "acute_danger"

        area = self.gazetteer.find(text) if text else None
        area_entity = entities.get("area")
        if area is None and area_entity and area_entity != OTHER_AREA:
            area = self.gazetteer.area_by_id(area_entity)
        if area is None and slots.get("area"):
            area = self.gazetteer.area_by_id(slots["area"])
        if area is None and default_area:
            area = self.gazetteer.area_by_id(default_area)
        role = data.routing.roles.detect(text) if text else None
        role = role or slots.get("role")

        if area is not None:
            reply.slots["area"] = area.id
        if role is not None:
            reply.slots["role"] = role

        if area_entity == OTHER_AREA and area is None:
            reply.messages.append({"text": "Skriv namnet på kommunen, till exempel Uppsala eller Södertälje."})
            reply.messages.append({"custom": {"route": ASK_AREA_ROUTE, "text": "", "resources": []}})
            return reply
        if situation is None:
            known = f"Tack, jag har noterat {area.name}. " if area else ""
            reply.messages.append({
                "text": known + "Vad gäller det? Välj det som passar bäst, eller skriv med egna ord.",
                "buttons": button_list(SITUATION_BUTTONS),
            })
            reply.messages.append({"custom": {"route": ASK_SITUATION_ROUTE, "text": "", "resources": []}})
            return reply

        reply.slots["situation"] = situation
        decision = data.routing.decide(situation, data.catalogue, role, area, now)
        reply.messages.extend(render_decision(decision, now))
        return reply
