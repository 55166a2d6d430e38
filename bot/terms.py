"""Word and phrase terms matched against a message: whole words, prefixes ('skjut*') and phrases.

Used by the danger rules and by the conversation's small lexicons. Terms are folded (no case, no
å/ä/ö), so 'ikväll' also matches 'ikvall'.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from bot.text import fold, words


@dataclass(frozen=True)
class Term:
    """One word, a word prefix ('skjut*'), or a phrase of words; folded."""

    parts: tuple[str, ...]

    @classmethod
    def parse(cls, raw: str) -> "Term":
        parts = tuple(fold(part) for part in str(raw).split())
        return cls(parts)

    def positions(self, sequence: "IndexedTokens") -> list[int]:
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
class TermGroup:
    """A group of terms compiled for speed: a set of whole words, one regex for prefixes, and phrases
    filed under their first word (only phrases whose first word is in the message are tried)."""

    words: frozenset[str]
    prefixes: "re.Pattern[str] | None"
    phrases_by_first_word: dict[str, tuple[Term, ...]]
    phrases_with_prefix: tuple[Term, ...]

    @classmethod
    def of(cls, terms: Sequence[Term]) -> "TermGroup":
        single = [t.parts[0] for t in terms if len(t.parts) == 1]
        prefixes = [w[:-1] for w in single if w.endswith("*")]
        by_first_word: dict[str, list[Term]] = {}
        for term in terms:
            if len(term.parts) > 1 and not term.parts[0].endswith("*"):
                by_first_word.setdefault(term.parts[0], []).append(term)
        return cls(
            frozenset(w for w in single if not w.endswith("*")),
            re.compile("|".join(re.escape(p) for p in prefixes)) if prefixes else None,
            {word: tuple(phrases) for word, phrases in by_first_word.items()},
            tuple(t for t in terms if len(t.parts) > 1 and t.parts[0].endswith("*")),
        )

    def positions(self, sequence: "IndexedTokens") -> list[int]:
        index = sequence.index
        found = [i for word in self.words & index.keys() for i in index[word]]
        if self.prefixes is not None:
            found += [i for token, where in index.items() if self.prefixes.match(token) for i in where]
        for word in self.phrases_by_first_word.keys() & index.keys():
            for phrase in self.phrases_by_first_word[word]:
                found += [i for i in index[word] if phrase.matches_at(sequence.tokens, i)]
        for phrase in self.phrases_with_prefix:
            found += phrase.positions(sequence)
        return found


@dataclass(frozen=True)
class IndexedTokens:
    """A token sequence with a token → positions index, built once per message."""

    tokens: tuple[str, ...]
    index: dict[str, list[int]]

    @classmethod
    def of(cls, tokens: Sequence[str]) -> "IndexedTokens":
        index: dict[str, list[int]] = {}
        for position, token in enumerate(tokens):
            index.setdefault(token, []).append(position)
        return cls(tuple(tokens), index)


@dataclass(frozen=True)
class Phrases:
    """A named list of terms: does a message contain one of them?"""

    group: TermGroup

    @classmethod
    def of(cls, raw: Iterable[str]) -> "Phrases":
        return cls(TermGroup.of([Term.parse(r) for r in raw]))

    def found_in(self, tokens: "IndexedTokens") -> bool:
        return bool(self.group.positions(tokens))

    def count_in(self, tokens: "IndexedTokens") -> int:
        return len(set(self.group.positions(tokens)))


def index_text(text: str) -> IndexedTokens:
    """The folded words of a text, indexed."""
    return IndexedTokens.of([fold(w) for w in words(text)])
