"""The police emergency and non-emergency numbers from the catalogue, even when an editor has broken it.

The web chat and the REST channel must always be able to show them, so when the catalogue does not
load, the numbers are read from data/resources/national.yml with regular expressions instead.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot import paths
from bot.catalogue import load_catalogue, normalise_phone

EMERGENCY_IDS = ("police_emergency", "police_non_emergency")


def emergency_contacts() -> list[dict[str, Any]]:
    """police_emergency and police_non_emergency: id, name, phones (number, tel)."""
    try:
        catalogue, _ = load_catalogue()
    except Exception:  # noqa: BLE001 - any editor mistake: read the raw file below
        return emergency_contacts_from_file()
    return [
        {"id": r.id, "name": r.name, "phones": [{"number": p.number, "tel": p.tel} for p in r.phones]}
        for r in (catalogue.get(i) for i in EMERGENCY_IDS if i in catalogue)
    ]


def emergency_contacts_from_file(path: Path | None = None) -> list[dict[str, Any]]:
    """The fallback: find the two resources in national.yml with regular expressions, no YAML parser."""
    path = path or paths.RESOURCES_DIR / "national.yml"
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    blocks = re.split(r"(?m)^\s*-\s+id:\s*", text)[1:]
    contacts = []
    for resource_id in EMERGENCY_IDS:
        for block in blocks:
            found = re.match(r"[\"']?([a-z0-9_]+)[\"']?", block)
            if not found or found.group(1) != resource_id:
                continue
            name = re.search(r"(?m)^\s*name:\s*[\"']?(.*?)[\"']?\s*$", block)
            numbers = re.findall(r"(?m)^\s*-?\s*number:\s*[\"']?([0-9+][0-9 \-]*[0-9])[\"']?\s*$", block)
            phones = [{"number": n, "tel": normalise_phone(n)} for n in numbers if normalise_phone(n)]
            if phones:
                contacts.append({"id": resource_id, "name": name.group(1) if name else resource_id, "phones": phones})
            break
    return contacts


def first_number(contacts: list[dict[str, Any]], resource_id: str) -> str | None:
    for contact in contacts:
        if contact["id"] == resource_id and contact["phones"]:
            return contact["phones"][0]["number"]
    return None
