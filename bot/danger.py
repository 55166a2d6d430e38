"""The danger rule layer: editable word and lemma patterns that force the emergency route.

The classifier is not the only guard. A message matching any pattern in data/danger.yml is
treated as imminent danger, whatever the intent classifier said.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from bot.paths import DANGER_FILE
from bot.text import fold, words
from bot.yamlio import LineDict, load_yaml


class DangerRulesError(ValueError):
    """data/danger.yml cannot be used; the message names file and line."""


@dataclass(frozen=True)
class Term:
    """One word, a word prefix ('skjut*'), or a phrase of words; folded."""

    parts: tuple[str, ...]

    @classmethod
    def parse(cls, raw: str) -> "Term":
        parts = tuple(fold(part) for part in str(raw).split())
        return cls(parts)

    def positions(self, sequence: "_Indexed") -> list[int]:
        """Every index in the sequence where this term starts."""
        first = self.parts[0]
        if first.endswith("*"):
            prefix = first[:-1]
            starts = [i for token, where in sequence.index.items() if token.startswith(prefix) for i in where]
        else:
            starts = sequence.index.get(first, [])
        if len(self.parts) == 1:
            return list(starts)
        return [i for i in starts if self.matches_at(sequence.tokens, i)]

    def matches_at(self, tokens: Sequence[str], index: int) -> bool:
        if index + len(self.parts) > len(tokens):
            return False
        for offset, part in enumerate(self.parts):
            token = tokens[index + offset]
            if part.endswith("*"):
                if not token.startswith(part[:-1]):
                    return False
            elif token != part:
                return False
        return True


@dataclass(frozen=True)
class _Group:
    """A group of terms compiled for speed: a set of whole words, one regex for prefixes, and phrases."""

    words: frozenset[str]
    prefixes: "re.Pattern[str] | None"
    phrases: tuple[Term, ...]

    @classmethod
    def of(cls, terms: Sequence[Term]) -> "_Group":
        single = [t.parts[0] for t in terms if len(t.parts) == 1]
        prefixes = [w[:-1] for w in single if w.endswith("*")]
        return cls(
            frozenset(w for w in single if not w.endswith("*")),
            re.compile("|".join(re.escape(p) for p in prefixes)) if prefixes else None,
            tuple(t for t in terms if len(t.parts) > 1),
        )

    def positions(self, sequence: "_Indexed") -> list[int]:
        found = [i for word in self.words & sequence.index.keys() for i in sequence.index[word]]
        if self.prefixes is not None:
            found += [i for token, where in sequence.index.items() if self.prefixes.match(token) for i in where]
        for phrase in self.phrases:
            found += phrase.positions(sequence)
        return found


@dataclass(frozen=True)
class Pattern:
    """Matches when the message has a term from every group (within `near` words of each other when
    set), and no term of `unless` (words that place the event in the past, e.g. 'igår')."""

    id: str
    groups: tuple[tuple[Term, ...], ...]
    near: int | None = None
    unless: tuple[Term, ...] = ()
    _compiled: tuple[_Group, ...] = field(default=(), init=False, repr=False, compare=False)
    _unless: "_Group | None" = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", tuple(_Group.of(g) for g in self.groups))
        object.__setattr__(self, "_unless", _Group.of(self.unless) if self.unless else None)

    def matches(self, sequences: Sequence["_Indexed"]) -> bool:
        if self._unless is not None and any(self._unless.positions(seq) for seq in sequences):
            return False
        positions = []
        for group in self._compiled:
            found = [i for seq in sequences for i in group.positions(seq)]
            if not found:
                return False
            positions.append(found)
        if self.near is None:
            return True
        # Some choice of one position per group must fit inside a window of `near` words.
        return any(
            all(any(abs(p - anchor) <= self.near for p in group) for group in positions)
            for anchor in positions[0]
        )


@dataclass(frozen=True)
class _Indexed:
    """A token sequence with a token → positions index, built once per message."""

    tokens: tuple[str, ...]
    index: dict[str, list[int]]

    @classmethod
    def of(cls, tokens: Sequence[str]) -> "_Indexed":
        index: dict[str, list[int]] = {}
        for position, token in enumerate(tokens):
            index.setdefault(token, []).append(position)
        return cls(tuple(tokens), index)




@dataclass(frozen=True)
class DangerRules:
    patterns: tuple[Pattern, ...]

    def match(self, text: str, lemmas: Sequence[str] | None = None) -> str | None:
        """The id of the first pattern the text matches (on its words or lemmas), else None."""
        sequences = [_Indexed.of([fold(w) for w in words(text)])]
        if lemmas:
            sequences.append(_Indexed.of([fold(lemma) for lemma in lemmas]))
        for pattern in self.patterns:
            if pattern.matches(sequences):
                return pattern.id
        return None

    def to_data(self) -> list[dict]:
        """Plain data, to persist inside a trained model."""
        return [{
            "id": p.id,
            "groups": [[" ".join(t.parts) for t in g] for g in p.groups],
            "near": p.near,
            "unless": [" ".join(t.parts) for t in p.unless],
        } for p in self.patterns]

    @classmethod
    def from_data(cls, data: list[dict]) -> "DangerRules":
        return cls(tuple(
            Pattern(
                item["id"],
                tuple(tuple(Term.parse(t) for t in group) for group in item["groups"]),
                item.get("near"),
                tuple(Term.parse(t) for t in item.get("unless", [])),
            )
            for item in data
        ))


def parse_danger_rules(document: object, path: Path) -> DangerRules:
    """Build rules from the YAML document; raise DangerRulesError naming file and line."""
    if not isinstance(document, LineDict) or not isinstance(document.get("patterns"), list):
        raise DangerRulesError(f"{path}:1: filen ska ha 'patterns:' med en lista av mönster.")
    patterns: list[Pattern] = []
    seen: set[str] = set()
    for item in document["patterns"]:
        line = getattr(item, "line", 1)
        if not isinstance(item, LineDict) or not item.get("id"):
            raise DangerRulesError(f"{path}:{line}: varje mönster behöver 'id:' och 'all:' eller 'any:'.")
        if item["id"] in seen:
            raise DangerRulesError(f"{path}:{line}: id '{item['id']}' finns redan. Ge mönstret ett eget id.")
        seen.add(item["id"])
        if "any" in item:
            raw_groups = [item["any"]]
        elif "all" in item:
            raw_groups = item["all"]
        else:
            raise DangerRulesError(f"{path}:{line}: mönstret '{item['id']}' behöver 'all:' (grupper som alla ska finnas) eller 'any:' (ord där ett räcker).")
        if not isinstance(raw_groups, list) or not raw_groups or not all(isinstance(g, list) and g for g in raw_groups):
            raise DangerRulesError(f"{path}:{line}: skriv ord som en lista, t.ex. any: [kidnappad, gisslan] eller all: [[skjuta, skjut*], [ikväll, nu]].")
        groups = tuple(tuple(Term.parse(term) for term in group) for group in raw_groups)
        near = item.get("near")
        if near is not None and (not isinstance(near, int) or near < 1):
            raise DangerRulesError(f"{path}:{item.line_of('near')}: near ska vara ett heltal, t.ex. near: 5 (antal ord).")
        unless = item.get("unless") or []
        if not isinstance(unless, list):
            raise DangerRulesError(f"{path}:{item.line_of('unless')}: skriv unless som en lista, t.ex. unless: [igår, förra].")
        patterns.append(Pattern(str(item["id"]), groups, near, tuple(Term.parse(t) for t in unless)))
    if not patterns:
        raise DangerRulesError(f"{path}:1: minst ett mönster behövs.")
    return DangerRules(tuple(patterns))


def load_danger_rules(path: Path = DANGER_FILE) -> DangerRules:
    from bot.yamlio import YamlError

    try:
        document = load_yaml(path)
    except YamlError as error:
        raise DangerRulesError(str(error)) from error
    return parse_danger_rules(document, path)


class DangerWatcher:
    """Danger rules that follow edits to data/danger.yml and keep the last valid rules on a broken edit."""

    def __init__(self, rules: DangerRules, path: Path = DANGER_FILE, check_every: float = 1.0):
        import time

        self.rules = rules
        self.path = path
        self.check_every = check_every
        self._clock = time.monotonic
        self._checked_at = 0.0
        self._mtime = self._current_mtime()

    def _current_mtime(self) -> int:
        try:
            return self.path.stat().st_mtime_ns
        except OSError:
            return 0

    def current(self) -> DangerRules:
        now = self._clock()
        if now - self._checked_at >= self.check_every:
            self._checked_at = now
            mtime = self._current_mtime()
            if mtime != self._mtime:
                self._mtime = mtime
                try:
                    self.rules = load_danger_rules(self.path)
                except DangerRulesError as error:
                    import logging

                    logging.getLogger(__name__).error("Danger rules not reloaded, keeping the last valid ones: %s", error)
        return self.rules
