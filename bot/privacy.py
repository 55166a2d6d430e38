"""Remove personal data from a message before it reaches Rasa, its tracker, its logs or the actions.

Personnummer and samordningsnummer, phone numbers, e-mail, street addresses and postcodes, and
personal names become placeholders. Service numbers (112, 114 14, the catalogue's numbers), ages,
years, times and place names survive, because routing needs them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from bot import editors_data
from bot.paths import PACKAGE_DATA_DIR
from bot.text import fold

NAME = "«namn»"
PHONE = "«telefon»"
PERSONAL_NUMBER = "«personnummer»"
EMAIL = "«e-post»"
ADDRESS = "«adress»"

_PERSONAL_NUMBER = re.compile(
    r"(?<![\d+])(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])\s?[-+]?\s?\d{4}(?!\d)"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Swedish numbers (0…, +46…, 0046…) and international ones (+44 …); 7 or more digits in all.
_PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)\d{1,3}[\s-]?(?:\(0\)\s?)?\d{1,4}(?:[\s-]?\d){4,11}(?!\d)"
    r"|(?<![\w+])0\d{1,3}[\s/-]?\d(?:[\s-]?\d){4,8}(?!\d)"
)
_STREET_SUFFIXES = (
    "gatan|gata|vägen|väg|gränd|gången|torget|torg|backe|backen|stigen|allén|allé|alle|plan|leden|platsen"
    "|stråket|slingan|svängen|terrassen|kajen|promenaden|höjden|liden|bryggan|gärdet|berget|ringen|slätten"
)
# "Storgatan 12", "Alby torg 3", "Tensta allé 12 B", with "lgh 1102", "nb" or "3 tr" after it.
_STREET = re.compile(
    rf"(?:\b[\wåäöÅÄÖé-]+\s(?:torg|allé|alle|gata|väg|backe|plan|gränd|stig)|\b[\wåäöÅÄÖé-]*(?:{_STREET_SUFFIXES}))"
    r"\s+\d{1,4}(?:\s?[a-hA-H]\b)?"
    r"(?:,?\s*(?:lgh|lägenhet)\.?\s*\d{3,4})?(?:,?\s*(?:nb|ög|\d{1,2}\s?tr\b\.?|tr\.?\s*\d{1,2}))?",
    re.IGNORECASE,
)
_POSTCODE = re.compile(
    r"(?<![\d+-])[1-9]\d{2}\s?\d{2}(?![\d:-])(?!\s*(?:(?:kr|kronor|sek|st|år|ar|personer|pers)\b|:-|%))",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-zÅÄÖåäöÉéÜüØøÆæ]+(?::s|'s)?")
NAME_CUES = frozenset({"heter", "kallas", "namn", "namnet", "hette"})
# Common Swedish words that are also names; removed only with a capital letter or after a cue.
# Names that are also everyday words, on top of bot/data/ambiguous_names.txt; removed only with a
# capital letter or after a cue.
_BUILT_IN_AMBIGUOUS = frozenset(
    {"hans", "per", "bo", "dag", "liv", "sten", "björn", "tor", "ask", "maj", "sol", "ros", "stig", "jan",
     "klara", "vilja", "tom", "saga", "mark", "max", "love", "lo", "rut", "frank", "bill", "vide", "bror",
     "edit", "lina", "inge", "mina", "dina", "sina", "inga"}
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    placeholder: str


def _read_list(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    return frozenset(
        line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


@dataclass
class Scrubber:
    """Replaces personal data with placeholders. Build once; `scrub` is cheap."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    ambiguous: frozenset[str]
    protected_words: frozenset[str]
    # The catalogue's numbers, asked for on every message so an editor's new helpline is kept at once.
    keep_numbers: Callable[[], frozenset[str]]
    person_entities: Callable[[str], Iterable[tuple[int, int]]] | None = None

    def find(self, text: str) -> list[Span]:
        keep = self.keep_numbers()
        spans: list[Span] = []
        spans += [Span(m.start(), m.end(), EMAIL) for m in _EMAIL.finditer(text)]
        # 0701234567 is both a mobile number and a personnummer for 2007; either way it goes.
        spans += [
            Span(m.start(), m.end(), PHONE if re.fullmatch(r"07\d{8}", m.group()) else PERSONAL_NUMBER)
            for m in _PERSONAL_NUMBER.finditer(text)
        ]
        spans += [
            Span(m.start(), m.end(), PHONE) for m in _PHONE.finditer(text)
            if re.sub(r"\D", "", m.group()) not in keep
        ]
        spans += [Span(m.start(), m.end(), ADDRESS) for m in _STREET.finditer(text)]
        spans += [
            Span(m.start(), m.end(), ADDRESS) for m in _POSTCODE.finditer(text)
            if re.sub(r"\D", "", m.group()) not in keep
        ]
        spans += self._names(text)
        if self.person_entities:
            spans += [Span(start, end, NAME) for start, end in self.person_entities(text)]
        return _merge(spans)

    def scrub(self, text: str) -> str:
        """The text with every personal datum replaced by its placeholder."""
        spans = self.find(text)
        if not spans:
            return text
        parts = []
        last = 0
        for span in spans:
            parts.append(text[last:span.start])
            parts.append(span.placeholder)
            last = span.end
        parts.append(text[last:])
        return "".join(parts)

    def _names(self, text: str) -> list[Span]:
        tokens = list(_TOKEN.finditer(text))
        spans: list[Span] = []
        previous_was_name = False
        for index, match in enumerate(tokens):
            raw = match.group()
            base = re.sub(r"(?::s|'s)$", "", raw)
            lower = base.lower()
            previous = tokens[index - 1].group().lower() if index else ""
            sentence_start = index == 0 or re.search(r"[.!?]\s*$", text[:match.start()]) is not None
            capitalised = base[:1].isupper() and not base.isupper() and not sentence_start
            cue = previous in NAME_CUES or (index >= 2 and tokens[index - 2].group().lower() == "som" and previous == "heter")
            is_name = False
            candidate = lower
            if candidate not in self.first_names and candidate not in self.surnames and lower.endswith("s") and len(lower) > 3:
                # Possessive without colon: "annas pappa".
                if lower[:-1] in self.first_names and lower[:-1] not in self.ambiguous:
                    candidate = lower[:-1]
            folded = fold(candidate)
            if folded in self.protected_words and not cue:
                previous_was_name = False
                continue
            if candidate in self.first_names:
                if candidate in self.ambiguous:
                    is_name = cue or capitalised or (previous_was_name and candidate in self.surnames)
                else:
                    is_name = True
            elif candidate in self.surnames:
                if candidate in self.ambiguous:
                    is_name = cue or capitalised or previous_was_name
                else:
                    is_name = cue or capitalised or previous_was_name or candidate.endswith("sson")
            if is_name:
                spans.append(Span(match.start(), match.end(), NAME))
            previous_was_name = is_name
        return _join_adjacent_names(spans, text)


def _join_adjacent_names(spans: list[Span], text: str) -> list[Span]:
    joined: list[Span] = []
    for span in spans:
        if joined and joined[-1].placeholder == NAME and text[joined[-1].end:span.start].strip() in ("", "-"):
            joined[-1] = Span(joined[-1].start, span.end, NAME)
        else:
            joined.append(span)
    return joined


def _merge(spans: list[Span]) -> list[Span]:
    """Sort and merge overlapping spans; the earlier, longer one decides the placeholder."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end), last.placeholder)
        else:
            merged.append(span)
    return merged


def _protected_words() -> frozenset[str]:
    """Place names and words the routing needs; never taken for a name."""
    from bot.places import default_gazetteer

    return frozenset(default_gazetteer().single_word_names()) | frozenset(
        {"son", "dotter", "polisen", "polis", "socialtjansten", "skolan", "mamma", "pappa", "bror", "syster"}
    )


def _spacy_person_entities() -> Callable[[str], Iterable[tuple[int, int]]] | None:
    """Person names from the NER of sv_core_news_sm, when that pipeline is active."""
    from bot import nlp

    if not nlp.full_pipeline_installed():
        return None
    pipeline = nlp.load_pipeline()
    if "ner" not in pipeline.pipe_names:
        return None

    def persons(text: str) -> list[tuple[int, int]]:
        return [(e.start_char, e.end_char) for e in pipeline(text).ents if e.label_ in ("PRS", "PER", "PERSON")]

    return persons


@lru_cache(maxsize=1)
def default_scrubber() -> Scrubber:
    ambiguous = _read_list(PACKAGE_DATA_DIR / "ambiguous_names.txt") | _BUILT_IN_AMBIGUOUS
    return Scrubber(
        first_names=_read_list(PACKAGE_DATA_DIR / "first_names.txt"),
        surnames=_read_list(PACKAGE_DATA_DIR / "surnames.txt"),
        ambiguous=ambiguous,
        protected_words=_protected_words(),
        keep_numbers=editors_data.service_numbers,
        person_entities=_spacy_person_entities(),
    )


def scrub(text: str) -> str:
    """Scrub with the project's default lists."""
    return default_scrubber().scrub(text)
