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
from bot.text import clause_numbers, fold, words
from bot.yamlio import LineDict, YamlError, load_yaml

_WORDLIKE = re.compile(r"\w")
# The word lists that place a message in time, in the order DangerRules takes them.
TIME_LISTS = ("now", "not_now", "harmless", "past", "asking", "safe", "later", "plans", "weak_now", "denials",
              "reported")
# A short answer that says nothing happened ("han har inte slagit nån"): at most this many words.
DENIAL_WORDS = 6
# A harmless or safe word next to one of these is denied ("han skämtar inte", "inget skämt", "vi är inte
# säkra", "hon klarar sig inte").
_NEGATIONS = {"inte", "inget", "ingen", "ej", "icke", "aldrig"}
# A past verb right after one of these tells the background, not what the message is about: "jag står på bron
# och vill inte leva mer sen min bror dog", "samma bil som stod utanför när min bror sköts". Folded, as the
# words they are compared with ("när" is "nar").
_BACKGROUND = {"sen", "sedan", "nar", "efter", "eftersom", "innan"}
# A `later` time right after one of these is a deadline, not when the plan happens: "ska döda mig innan
# sommarlovet", "orkar inte vänta till nästa år". Folded.
_DEADLINE = {"innan", "fore", "till", "senast", "inom", "vanta"}
# A `later` time puts off a word of `plans` in the same clause, at most this many words away.
_LATER_REACH = 6


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
    any_time: bool = False  # danger whatever the time words say ("akut fara")
    _compiled: tuple[TermGroup, ...] = field(default=(), init=False, repr=False, compare=False)
    _unless: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", tuple(TermGroup.of(g) for g in self.groups))
        object.__setattr__(self, "_unless", TermGroup.of(self.unless) if self.unless else None)

    def matches(self, sequences: Sequence["IndexedTokens"]) -> bool:
        return self.where(sequences) is not None

    def where(self, sequences: Sequence["IndexedTokens"]) -> list[int] | None:
        """The word positions where the pattern matches (its first group's terms), or None."""
        if self._unless is not None and any(self._unless.positions(seq) for seq in sequences):
            return None
        positions = []
        for group in self._compiled:
            found = [i for seq in sequences for i in group.positions(seq)]
            if not found:
                return None
            positions.append(found)
        if self.near is None:
            return positions[0]
        # Some choice of one position per group must fit inside a window of `near` words.
        anchors = [anchor for anchor in positions[0]
                   if all(any(abs(p - anchor) <= self.near for p in group) for group in positions)]
        return anchors or None


@dataclass(frozen=True)
class TimeSigns:
    """`harmless`: a game, a joke, fireworks or hunting. `now`: a word of `now`. `calm`: nothing says 'now',
    and something places the message in a game, a joke, the past, a habit or a worry. `safe`: the danger is
    over, help has come or the person is somewhere safe ("polisen har tagit med honom nu, vi är okej").
    `only_weak_now`: every word of now is one of `weak_now` (a plan, "idag", "fortfarande"), none says it is
    happening; `calm_without_weak` is then what `calm` would be without them."""

    harmless: bool
    now: bool
    calm: bool
    safe: bool = False
    only_weak_now: bool = False
    calm_without_weak: bool = False


@dataclass(frozen=True)
class DangerRules:
    """The patterns, and two word lists that place a message in time for every pattern at once.

    `not_now`: words that put the event in the past, make it a habit or a hypothetical worry ("i helgen",
    "brukar", "tänk om"). `now`: words that put it here and now ("just nu", "står utanför"); one near the
    matched words wins over `not_now`. `past`: verbs in the past tense, which count only when no 'now'
    word is in the message at all. `harmless`: games, jokes, fireworks, hunting: never danger.
    `safe`: the danger is over (help has come, the person is somewhere safe): never the classifier's danger
    alone, and a pattern's words count only when a 'now' word stands closer to them ("polisen tog honom, men
    hans bror står utanför med kniv"). `later`: a time weeks or months away ("i sommar", "nästa månad"); a word of
    `plans` ("ska", "tänker") in the same clause, a few words from it, is then no word of now for the classifier
    ("vi ska åka till hemlandet i sommar"). It changes nothing else: other words of now still count, the patterns
    and the calm words are as before. `weak_now`: words of now that say no more than a plan or a day ("ska",
    "idag", "fortfarande"); when they are all a message has, the classifier's unsure danger is danger until the
    person has had help without danger (TimeSigns.only_weak_now; bot.situations.MAYBE_DANGER). `denials`: a short
    message (at most DENIAL_WORDS words) that says nothing dangerous happened or that no one is in danger ("han har
    inte slagit nån", "nej ingen är i fara") is never the classifier's danger alone; unlike `safe`, the patterns are
    not touched, so a longer message with a weapon in it counts as before. `reported`: words that tell a threat
    someone made ("han säger att", "hotar mig på snap"); when a pattern's danger rests on weak words of now alone and
    the classifier is unsure, the NLU reads it as maybe-danger, and a threat the classifier also sees gets the
    threat's help, which asks whether anyone is in danger now (bot.conversation.understanding.weigh_maybe_danger).
    A pattern with `any_time: true` ignores all these lists.
    """

    patterns: tuple[Pattern, ...]
    now: tuple[Term, ...] = ()
    not_now: tuple[Term, ...] = ()
    harmless: tuple[Term, ...] = ()
    past: tuple[Term, ...] = ()
    asking: tuple[Term, ...] = ()
    safe: tuple[Term, ...] = ()
    later: tuple[Term, ...] = ()
    plans: tuple[Term, ...] = ()
    weak_now: tuple[Term, ...] = ()
    denials: tuple[Term, ...] = ()
    reported: tuple[Term, ...] = ()
    _now: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)
    _not_now: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)
    _harmless: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)
    _past: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)
    _asking: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)
    _safe: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)
    _later: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)
    _plans: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)
    _weak_now: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)
    _denials: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)
    _reported: "TermGroup | None" = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in TIME_LISTS:
            terms = getattr(self, name)
            object.__setattr__(self, f"_{name}", TermGroup.of(terms) if terms else None)

    def is_any_time(self, pattern_id: str | None) -> bool:
        """The pattern counts whatever else the message says (`any_time: true`)."""
        return any(p.id == pattern_id and p.any_time for p in self.patterns)

    def match(self, text: str, lemmas: Sequence[str] | None = None) -> str | None:
        """The id of the first pattern the text matches (on its words or lemmas), else None."""
        words_seq = IndexedTokens.of([fold(w) for w in words(text)])
        sequences = [words_seq]
        if lemmas:
            # Punctuation tokens dropped, so a lemma's position is (close to) its word's position.
            sequences.append(IndexedTokens.of([fold(lemma) for lemma in lemmas if _WORDLIKE.search(lemma)]))
        for pattern in self.patterns:
            where = pattern.where(sequences)
            if where is None:
                continue
            if pattern.any_time or not self._elsewhere_in_time(words_seq, where):
                return pattern.id
        return None

    def tells_a_threat(self, text: str) -> bool:
        """The message tells a threat someone made ("säger att han ska", "hotar mig på snap")."""
        if self._reported is None:
            return False
        return bool(self._reported.positions(IndexedTokens.of([fold(w) for w in words(text)])))

    def time_signs(self, text: str) -> "TimeSigns":
        """What places the message in time, from one pass over its words (the NLU's danger decision)."""
        tokens = IndexedTokens.of([fold(w) for w in words(text)])
        if self._is_harmless(tokens):
            return TimeSigns(harmless=True, now=False, calm=True)
        if self._over_at_the_end(tokens) or self._short_denial(tokens):
            return TimeSigns(harmless=False, now=False, calm=True, safe=True)
        now = self._now_positions(tokens)
        if now:
            put_off = self._plans_put_off(tokens, text)
            now = [p for p in now if p not in put_off]
        if now:
            weak = set(self._weak_now.positions(tokens)) if self._weak_now is not None else set()
            if all(p in weak for p in now):
                # `calm` as if the weak words were not there: what the message says without them.
                return TimeSigns(harmless=False, now=True, calm=False, only_weak_now=True, calm_without_weak=self._calm(tokens))
            return TimeSigns(harmless=False, now=True, calm=False)
        return TimeSigns(harmless=False, now=False, calm=self._calm(tokens))

    def _calm(self, tokens: IndexedTokens) -> bool:
        """Something places the message in the past, a habit or a worry (the words of now aside)."""
        return bool(self._not_now is not None and self._not_now.positions(tokens)) or bool(self._past_positions(tokens))

    def sounds_harmless(self, text: str) -> bool:
        """A game, a joke, fireworks or hunting: the violent words in it are not about violence."""
        return self._is_harmless(IndexedTokens.of([fold(w) for w in words(text)]))

    def _is_harmless(self, tokens: IndexedTokens) -> bool:
        """A harmless word that is not denied: "han skämtar inte", "det är inget skämt" say the opposite."""
        if self._harmless is None:
            return False
        words_ = tokens.tokens
        return any(not (_NEGATIONS & set(words_[max(0, i - 2):i]) or _NEGATIONS & set(words_[i + 1:i + 2]))
                   for i in self._harmless.positions(tokens))

    def _past_positions(self, tokens: IndexedTokens) -> list[int]:
        """Where a verb of `past` stands, except in a clause that tells the background ("sen min bror dog")."""
        if self._past is None:
            return []
        words_ = tokens.tokens
        return [p for p in self._past.positions(tokens) if not _BACKGROUND & set(words_[max(0, p - 3):p])]

    def _short_denial(self, tokens: IndexedTokens) -> bool:
        """A short answer that nothing happened or no one is in danger ("han har inte slagit nån")."""
        return (self._denials is not None and len(tokens.tokens) <= DENIAL_WORDS
                and bool(self._denials.positions(tokens)))

    def _safe_spans(self, tokens: IndexedTokens) -> list[tuple[int, int]]:
        """Where a `safe` phrase starts and ends, unless it is denied before it or right after it ("vi är inte
        säkra", "hon klarar sig inte")."""
        if self._safe is None or not self._safe.positions(tokens):
            return []
        words_ = tokens.tokens
        spans = [(start, start + len(term.parts)) for term in self.safe for start in term.positions(tokens)]
        return [(start, end) for start, end in spans
                if not (_NEGATIONS & set(words_[max(0, start - 2):start]) or _NEGATIONS & set(words_[end:end + 1]))]

    def _safe_positions(self, tokens: IndexedTokens) -> list[int]:
        return [start for start, _ in self._safe_spans(tokens)]

    def _over_at_the_end(self, tokens: IndexedTokens) -> bool:
        """The message ends with the danger over: a `safe` phrase, and no word of `now` after it, except one
        right behind it ("han är gripen nu"). "Polisen tog honom, men nu är han tillbaka" starts again."""
        spans = self._safe_spans(tokens)
        if not spans:
            return False
        last_end = max(end for _, end in spans)
        return all(position <= last_end for position in self._now_positions(tokens))

    def _now_positions(self, tokens: IndexedTokens) -> list[int]:
        """Where a word of `now` stands, except inside a question about what to do ("vart jag ska ta vägen",
        "ska jag anmäla"): there "ska" asks, it does not announce."""
        now = self._now.positions(tokens) if self._now is not None else []
        if not now or self._asking is None or not self._asking.positions(tokens):
            return now
        asked = {start + offset for term in self.asking for start in term.positions(tokens)
                 for offset in range(len(term.parts))}
        return [p for p in now if p not in asked]

    def _plans_put_off(self, tokens: IndexedTokens, text: str) -> set[int]:
        """The words of `plans` that a `later` time in the same clause puts weeks or months away ("vi ska åka till
        hemlandet i sommar"); not a deadline ("innan sommarlovet") or a time in another clause ("jag har köpt rep
        och ska hänga mig, jag fyller 18 nästa månad")."""
        if self._later is None or self._plans is None:
            return set()
        words_ = tokens.tokens
        times = [p for p in self._later.positions(tokens) if not (p > 0 and words_[p - 1] in _DEADLINE)]
        if not times:
            return set()
        clause = clause_numbers(text)
        return {p for p in self._plans.positions(tokens)
                if any(clause[p] == clause[t] and abs(p - t) <= _LATER_REACH for t in times)}

    def _elsewhere_in_time(self, tokens: IndexedTokens, where: list[int]) -> bool:
        """A game, a joke or fireworks; or a past, habitual or hypothetical time word that stands closer to
        the matched words than any 'now' word ("i helgen dödades" against "ska åka dit nu")."""
        if self._is_harmless(tokens):
            return True
        now = self._now_positions(tokens)
        if not now and self._past_positions(tokens):
            return True
        elsewhen = self._not_now.positions(tokens) if self._not_now is not None else []
        elsewhen += self._safe_positions(tokens)
        if not elsewhen:
            return False
        if not now:
            return True
        return _distance(elsewhen, where) < _distance(now, where)

    def to_data(self) -> dict:
        """Plain data, to persist inside a trained model."""
        return {
            "patterns": [{
                "id": p.id,
                "groups": [[" ".join(t.parts) for t in g] for g in p.groups],
                "near": p.near,
                "unless": [" ".join(t.parts) for t in p.unless],
                "any_time": p.any_time,
            } for p in self.patterns],
            **{name: [" ".join(t.parts) for t in getattr(self, name)] for name in TIME_LISTS},
        }

    @classmethod
    def from_data(cls, data: dict | list) -> "DangerRules":
        items = data["patterns"] if isinstance(data, dict) else data
        rules = tuple(
            Pattern(
                item["id"],
                tuple(tuple(Term.parse(t) for t in group) for group in item["groups"]),
                item.get("near"),
                tuple(Term.parse(t) for t in item.get("unless", [])),
                bool(item.get("any_time")),
            )
            for item in items
        )
        if isinstance(data, list):
            return cls(rules)
        return cls(rules, *(tuple(Term.parse(t) for t in data.get(key, [])) for key in TIME_LISTS))


def _distance(positions: list[int], where: list[int]) -> int:
    return min(abs(p - w) for p in positions for w in where)


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
    time_words = {}
    for key in TIME_LISTS:
        value = document.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            found.add(document.line_of(key), key, f"skriv {key} som en lista med ord, t.ex. {key}: [igår, förra veckan].")
            value = []
        time_words[key] = tuple(Term.parse(v) for v in value)
    now_words = {t.parts for t in time_words["now"]}
    for term in time_words["weak_now"]:
        if term.parts not in now_words:
            # A weak word must first be a word of now: weak_now only ever weakens now, it never adds to it.
            found.add(document.line_of("weak_now"), "weak_now",
                      f"'{' '.join(term.parts)}' står inte i now. weak_now får bara ha ord som också står i now.")
    if found.has_errors:
        raise DangerRulesError(found.problems)
    return DangerRules(tuple(patterns), *(time_words[key] for key in TIME_LISTS))


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
    any_time = item.get("any_time", False)
    if not isinstance(any_time, bool):
        found.add(item.line_of("any_time"), "any_time", "skriv any_time: true eller låt bli att skriva raden.")
        return None
    groups = tuple(tuple(Term.parse(term) for term in group) for group in raw_groups)
    return Pattern(pattern_id, groups, near, tuple(Term.parse(t) for t in unless), any_time)


def load_danger_rules(path: Path = DANGER_FILE) -> DangerRules:
    try:
        document = load_yaml(path)
    except YamlError as error:
        raise DangerRulesError([Problem(error.path, error.line, "yaml", error.problem)]) from error
    return parse_danger_rules(document, path)
