"""What happens to a message before Rasa: clean it, cap it, answer other languages, limit floods."""
from __future__ import annotations

import hashlib
import os
import re
import secrets
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

import yaml

from bot import editors_data, language, paths

MAX_MESSAGE_CHARS = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
EMPTY_TEXT = "Skriv gärna några ord om vad det gäller, så hjälper jag dig vidare."
TOO_LONG_TEXT = f"Ditt meddelande var mycket långt. Jag läste de första {MAX_MESSAGE_CHARS} tecknen."
RATE_LIMITED_TEXT = "Du skickar många meddelanden just nu. Vänta en liten stund och försök igen."


def clean(text: str) -> str:
    """NFC, no control or direction-override characters, no lone surrogates, tidy whitespace."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n"))
    return re.sub(r"[ \t]+", " ", text).strip()


@dataclass(frozen=True)
class Intake:
    """The text for Rasa (None when answered here), and texts to send before or instead of Rasa's answer."""

    text: str | None
    before: tuple[str, ...] = ()
    instead: tuple[str, ...] = ()


def take(raw: str, urgent_line: str) -> Intake:
    """Decide what to do with one raw message. `urgent_line` is the static emergency sentence from the domain."""
    text = clean(raw)
    if not text:
        return Intake(None, instead=(EMPTY_TEXT, urgent_line))
    before: tuple[str, ...] = ()
    if len(text) > MAX_MESSAGE_CHARS:
        text, before = text[:MAX_MESSAGE_CHARS], (TOO_LONG_TEXT,)
    detected = language.detect(text)
    if detected != "sv":
        return Intake(None, instead=other_language_reply(detected))
    return Intake(text, before=before)


def other_language_reply(code: str) -> tuple[str, ...]:
    """The notice in that language with the police numbers, plus the catalogue's channels that speak it."""
    snapshot = editors_data.current_or_none()
    if snapshot is not None:
        document, contacts = snapshot.languages, snapshot.emergency_contacts
    else:  # the editors' data has never loaded: the raw files still give the notice and the numbers
        document = yaml.safe_load((paths.DATA_DIR / editors_data.LANGUAGES_FILE_NAME).read_text(encoding="utf-8"))
        contacts = editors_data.emergency_contacts()
    numbers = {c.id: c.first_number or "" for c in contacts}
    reply = document["replies"].get(code) or document["replies"]["other"]
    text = " ".join(reply.split()).format(emergency=numbers.get("police_emergency", ""),
                                          police=numbers.get("police_non_emergency", ""))
    spoken = "en" if code in ("other", "ar") else code
    channels = [
        f"• {r.name}: {' / '.join(p.number for p in r.phones) or r.url}"
        for r in (snapshot.catalogue.resources.values() if snapshot else ()) if spoken in r.languages
    ]
    if not channels:
        return (text,)
    heading = document["channels_heading"].get(code) or document["channels_heading"]["other"]
    return (text, heading + "\n" + "\n".join(channels))


@dataclass
class RateLimiter:
    """Token buckets per client, in memory only. Keys are salted hashes, so no address is kept."""

    per_minute: int
    burst: int
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    _salt: bytes = field(default_factory=lambda: secrets.token_bytes(16))
    clock: Callable[[], float] = time.monotonic

    @classmethod
    def from_environment(cls, per_minute: int, burst: int) -> "RateLimiter":
        """VAGVISAREN_RATE_LIMIT_PER_MINUTE overrides the limit; 0 switches it off (benchmarks)."""
        value = os.environ.get("VAGVISAREN_RATE_LIMIT_PER_MINUTE")
        return cls(int(value) if value is not None else per_minute, burst)

    def allow(self, client: str) -> bool:
        if self.per_minute <= 0:
            return True
        key = hashlib.blake2b(client.encode(), key=self._salt, digest_size=12).hexdigest()
        now = self.clock()
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.per_minute / 60)
        allowed = tokens >= 1
        self._buckets[key] = (tokens - 1 if allowed else tokens, now)
        if len(self._buckets) > 10_000:
            self._forget_idle(now)
        return allowed

    def _forget_idle(self, now: float) -> None:
        full_after = 60 * self.burst / self.per_minute
        for key in [k for k, (_, last) in self._buckets.items() if now - last > full_after]:
            del self._buckets[key]
