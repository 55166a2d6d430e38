"""The one owner of the editors' data in a process: a snapshot of every file, with one reload loop.

Every reader (the guide, the privacy filter's list of service numbers, the other-language answer,
the web chat's emergency numbers, the danger rules in the NLU pipeline) asks `shared().current()`
for the current snapshot and never keeps its own copy, so an editor's save reaches all of them
within a second. A broken edit is logged with file and line and the last valid snapshot stays in
use. At start a broken file is an error: the bot does not start on data nobody has checked.
"""
from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from bot import paths
from bot.catalogue import Catalogue, load_catalogue, normalise_phone
from bot.danger import DangerRules, load_danger_rules
from bot.places import Gazetteer, default_gazetteer
from bot.problems import EditorDataError, Problem
from bot.routing import RoutingTable, load_routing
from bot.yamlio import YamlError, load_yaml

logger = logging.getLogger(__name__)
RELOAD_CHECK_SECONDS = 1.0
EMERGENCY_IDS = ("police_emergency", "police_non_emergency")
LANGUAGES_FILE_NAME = "languages.yml"


@dataclass(frozen=True)
class EmergencyContact:
    id: str
    name: str
    numbers: tuple[tuple[str, str], ...]  # (number as written, tel: form)

    @property
    def first_number(self) -> str | None:
        return self.numbers[0][0] if self.numbers else None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "phones": [{"number": n, "tel": t} for n, t in self.numbers]}


@dataclass(frozen=True)
class Snapshot:
    """One consistent, valid version of the editors' data."""

    catalogue: Catalogue
    routing: RoutingTable
    danger: DangerRules
    languages: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()

    @cached_property
    def service_numbers(self) -> frozenset[str]:
        return self.catalogue.service_numbers()

    @cached_property
    def emergency_contacts(self) -> tuple[EmergencyContact, ...]:
        return tuple(
            EmergencyContact(r.id, r.name, tuple((p.number, p.tel) for p in r.phones))
            for r in (self.catalogue.get(i) for i in EMERGENCY_IDS if i in self.catalogue)
        )


def _fingerprint(files: list[Path]) -> tuple:
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.exists())


class EditorsData:
    """The current snapshot of one data directory; reloads edited files at most once a second."""

    def __init__(self, data_dir: Path = paths.DATA_DIR, gazetteer: Gazetteer | None = None,
                 check_every: float = RELOAD_CHECK_SECONDS, clock: Callable[[], float] = time.monotonic,
                 strict: bool = True):
        """`strict`: raise when the data is broken at start (the CLI, the guide). Otherwise keep
        trying after each edit, and `current()` raises until a valid version has loaded."""
        self.data_dir = data_dir
        self.gazetteer = gazetteer or default_gazetteer()
        self.check_every = check_every
        self._clock = clock
        self._lock = threading.Lock()
        self.last_error: EditorDataError | None = None
        self._fingerprint = self._current_fingerprint()
        self._snapshot: Snapshot | None = None
        try:
            self._snapshot = self._load()
        except EditorDataError as error:
            if strict:
                raise
            self.last_error = error
        self._checked_at = clock()

    def _files(self) -> list[Path]:
        return [*sorted((self.data_dir / "resources").glob("*.yml")), self.data_dir / "routing.yml",
                self.data_dir / "danger.yml", self.data_dir / LANGUAGES_FILE_NAME]

    def _current_fingerprint(self) -> tuple:
        return _fingerprint(self._files())

    def _load(self) -> Snapshot:
        catalogue, warnings = load_catalogue(self.data_dir / "resources", self.gazetteer.is_known_area)
        routing = load_routing(self.data_dir / "routing.yml", catalogue, self.gazetteer)
        danger = load_danger_rules(self.data_dir / "danger.yml")
        return Snapshot(catalogue, routing, danger, _load_languages(self.data_dir / LANGUAGES_FILE_NAME),
                        tuple(warnings))

    def current(self) -> Snapshot:
        """The current valid data; looks for edited files at most every `check_every` seconds.

        Raises EditorDataError only when no valid version has ever loaded."""
        now = self._clock()
        if now - self._checked_at >= self.check_every:
            with self._lock:
                self._checked_at = now
                fingerprint = self._current_fingerprint()
                if fingerprint != self._fingerprint:
                    self._fingerprint = fingerprint
                    self._reload()
        if self._snapshot is None:
            assert self.last_error is not None
            raise self.last_error
        return self._snapshot

    def _reload(self) -> None:
        try:
            self._snapshot = self._load()
            self.last_error = None
            logger.info("The editors' data was reloaded after an edit.")
        except EditorDataError as error:
            self.last_error = error
            logger.error("Edited data is invalid; still serving the last valid version:\n%s", error)


def _load_languages(path: Path) -> dict[str, Any]:
    try:
        document = load_yaml(path)
    except YamlError as error:
        raise EditorDataError([Problem(error.path, error.line, "yaml", error.problem)]) from error
    if not isinstance(document, dict) or not isinstance(document.get("replies"), dict) or "other" not in document["replies"]:
        raise EditorDataError([Problem(path, 1, "replies", "filen ska ha 'replies:' med minst 'other:'.")])
    return dict(document)


_shared: EditorsData | None = None
_shared_lock = threading.Lock()


def shared() -> EditorsData:
    """This process's owner of the editors' data, created on first use."""
    global _shared
    if _shared is None:
        with _shared_lock:
            if _shared is None:
                _shared = EditorsData(strict=False)
    return _shared


def current_or_none() -> Snapshot | None:
    """The current snapshot, or None when the data has never loaded (broken since start)."""
    try:
        return shared().current()
    except EditorDataError:
        return None


# --- When nothing has ever loaded: the numbers that must still reach people -------------------------

def emergency_contacts(data_dir: Path | None = None) -> tuple[EmergencyContact, ...]:
    """The police's emergency and non-emergency numbers, even when the editors' data is broken."""
    snapshot = current_or_none() if data_dir is None else None
    if snapshot is not None:
        return snapshot.emergency_contacts
    return emergency_contacts_from_file((data_dir or paths.DATA_DIR) / "resources" / "national.yml")


def emergency_contacts_from_file(path: Path) -> tuple[EmergencyContact, ...]:
    """The two police resources found in national.yml with regular expressions, no YAML parser."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ()
    blocks = re.split(r"(?m)^\s*-\s+id:\s*", text)[1:]
    contacts = []
    for resource_id in EMERGENCY_IDS:
        for block in blocks:
            found = re.match(r"[\"']?([a-z0-9_]+)[\"']?", block)
            if not found or found.group(1) != resource_id:
                continue
            name = re.search(r"(?m)^\s*name:\s*[\"']?(.*?)[\"']?\s*$", block)
            numbers = re.findall(r"(?m)^\s*-?\s*number:\s*[\"']?([0-9+][0-9 \-]*[0-9])[\"']?\s*$", block)
            phones = tuple((n, tel) for n in numbers if (tel := normalise_phone(n)))
            if phones:
                contacts.append(EmergencyContact(resource_id, name.group(1) if name else resource_id, phones))
            break
    return tuple(contacts)


def service_numbers() -> frozenset[str]:
    """Digits of every catalogue number (kept by the privacy filter), even when the data is broken."""
    snapshot = current_or_none()
    if snapshot is not None:
        return snapshot.service_numbers
    numbers = set()
    for path in (paths.RESOURCES_DIR).glob("*.yml"):
        for match in re.finditer(r"number:\s*['\"]?([+\d][\d \-]+\d)", path.read_text(encoding="utf-8", errors="replace")):
            numbers.add(re.sub(r"\D", "", match.group(1)))
    return frozenset(numbers)
