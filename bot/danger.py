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
from bot.problems import Collector, EditorDataError, Problem
from bot.terms import IndexedTokens, Term, TermGroup
from bot.text import fold, words
from bot.yamlio import LineDict, YamlError, load_yaml


class DangerRulesError(EditorDataError):
    """data/danger.yml cannot be used; `problems` name file and line."""


@dataclass(frozen=True)
class Pattern:
    """Matches when the message has a term from every group (within `near` words of each other when
    set), and no term of `unless` (words that place the event in the past, e.g. 'igår')."""

    id: str
    groups: tuple[tuple[Term, ...], ...]
    near: int | None = None
    unless: tuple[Term, ...] = ()
    _compiled: tuple[TermGroup, ...] = field(default=(), init=False, repr=False, compare=False)
    _unless: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", tuple(TermGroup.of(g) for g in self.groups))
        object.__setattr__(self, "_unless", TermGroup.of(self.unless) if self.unless else None)

    def matches(self, sequences: Sequence["IndexedTokens"]) -> bool:
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
class DangerRules:
    patterns: tuple[Pattern, ...]

    def match(self, text: str, lemmas: Sequence[str] | None = None) -> str | None:
        """The id of the first pattern the text matches (on its words or lemmas), else None."""
        sequences = [IndexedTokens.of([fold(w) for w in words(text)])]
        if lemmas:
            sequences.append(IndexedTokens.of([fold(lemma) for lemma in lemmas]))
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
    """Build rules from the YAML document; raise DangerRulesError with every problem, naming file and line."""
    found = Collector(path)
    if not isinstance(document, LineDict) or not isinstance(document.get("patterns"), list):
        found.add(1, "patterns", "filen ska ha 'patterns:' med en lista av mönster.")
        raise DangerRulesError(found.problems)
    patterns: list[Pattern] = []
    seen: set[str] = set()
    for item in document["patterns"]:
        pattern = _parse_pattern(item, found, seen)
        if pattern is not None:
            patterns.append(pattern)
    if not patterns and not found.has_errors:
        found.add(document.line_of("patterns"), "patterns", "minst ett mönster behövs.")
    if found.has_errors:
        raise DangerRulesError(found.problems)
    return DangerRules(tuple(patterns))


def _parse_pattern(item: object, found: Collector, seen: set[str]) -> Pattern | None:
    line = getattr(item, "line", 1)
    if not isinstance(item, LineDict) or not item.get("id"):
        found.add(line, "id", "varje mönster behöver 'id:' och 'all:' eller 'any:'.")
        return None
    pattern_id = str(item["id"])
    if pattern_id in seen:
        found.add(item.line_of("id"), "id", f"id '{pattern_id}' finns redan. Ge mönstret ett eget id.")
    seen.add(pattern_id)
    if "any" in item:
        raw_groups, key = [item["any"]], "any"
    elif "all" in item:
        raw_groups, key = item["all"], "all"
    else:
        found.add(line, "all", f"mönstret '{pattern_id}' behöver 'all:' (grupper som alla ska finnas) eller 'any:' (ord där ett räcker).")
        return None
    if not isinstance(raw_groups, list) or not raw_groups or not all(isinstance(g, list) and g for g in raw_groups):
        found.add(item.line_of(key), key, "skriv ord som en lista, t.ex. any: [kidnappad, gisslan] eller all: [[skjuta, skjut*], [ikväll, nu]].")
        return None
    near = item.get("near")
    if near is not None and (not isinstance(near, int) or isinstance(near, bool) or near < 1):
        found.add(item.line_of("near"), "near", "near ska vara ett heltal, t.ex. near: 5 (antal ord).")
        return None
    unless = item.get("unless") or []
    if not isinstance(unless, list):
        found.add(item.line_of("unless"), "unless", "skriv unless som en lista, t.ex. unless: [igår, förra].")
        return None
    groups = tuple(tuple(Term.parse(term) for term in group) for group in raw_groups)
    return Pattern(pattern_id, groups, near, tuple(Term.parse(t) for t in unless))


def load_danger_rules(path: Path = DANGER_FILE) -> DangerRules:
    try:
        document = load_yaml(path)
    except YamlError as error:
        raise DangerRulesError([Problem(error.path, error.line, "yaml", error.problem)]) from error
    return parse_danger_rules(document, path)
