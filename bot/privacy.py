"""Remove personal data from a message before it reaches Rasa, its tracker, its logs or the actions.

Personnummer and samordningsnummer, phone numbers, e-mail, street addresses and postcodes, and
personal names become placeholders. Service numbers (112, 114 14, the catalogue's numbers), ages,
years, times and place names survive, because routing needs them.

Names: first names come from bot/data/first_names.txt. No list knows every surname, so the word
right after a name is taken for a surname when it looks like one: capitalised, listed, with a
surname ending, or, in lower case, no Swedish word at all ("ahmed karimi" goes, "ahmed säljer"
stays). bot/vocabulary.py answers "is this Swedish?" from the lemma table, and
bot/data/common_words.txt adds the chat words that table lacks ("e", "typ", "asså").
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from bot import editors_data
from bot.danger import Pattern
from bot.paths import PACKAGE_DATA_DIR
from bot.terms import Term
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
# Letters of any alphabet, so "Petrović", "Şahin" and "François" are one word each.
_TOKEN = re.compile(r"[^\W\d_]+(?::s|'s)?")
_POSSESSIVE = re.compile(r"(?::s|'s)$")
# Between a name and its surname: spaces (one line break at most) or a hyphen ("Lundqvist-Berg").
_ADJACENT = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*|[ \t\u00a0]*-[ \t\u00a0]*")
# Endings that ordinary Swedish words after a first name (almost) never have; folded, so -ović is -ovic.
_SURNAME_ENDING = re.compile(
    r"^.{2,}(?:sson|qvist|kvist|quist|strom|gren|dahl|stedt|berg|lund|holm|blom|ovic|evic|ic|oglu|zadeh|zade|pour"
    r"|ez|escu|wicz|opoulos|enko|ski|sky)$"
)
# Who a name cue can be about: "jag heter", "min son heter", "en kille som heter". Folded.
_PERSON_WORDS = frozenset(fold(word) for word in (
    "jag du han hon hen vi ni dom de mig dig honom henne hennes hans "
    "son sonen dotter dottern bror brodern brorsan brorson syster systern systerson systerdotter brorsdotter "
    "lillebror storebror lillasyster storasyster mamma mamman pappa pappan morsan farsan förälder "
    "kompis kompisen polare polaren vän vännen väninna kille killen tjej tjejen grabb grabben snubbe snubben "
    "typ typen man mannen kvinna kvinnan pojke pojken flicka flickan pojkvän pojkvännen flickvän flickvännen "
    "sambo sambon fru frun make maken ex exet elev eleven lärare läraren mentor mentorn rektor rektorn "
    "granne grannen kusin kusinen moster mostern faster fastern morbror farbror mormor farmor morfar farfar "
    "barn barnet barnbarn barnbarnet person personen unge ungen kollega kollegan chef chefen tränare tränaren "
    "klasskompis klasskompisen klasskamrat kille tjejkompis killkompis styvpappa styvmamma styvbror styvsyster"
).split())
# Name particles between a first name and a surname: "al-Hassani", "el-Khatib", "van Dijk", "bin Laden".
_PARTICLES = frozenset({"al", "el", "abu", "bin", "ibn", "ben", "bint", "ould", "van", "von", "der", "de", "da", "di",
                        "del", "della", "dos", "du", "la", "le", "mac", "mc"})
# Streets, squares and schools named after people; folded.
_PLACE_ENDING = re.compile(r"(?:gatan|vagen|platsen|torget|grand|gangen|parken|stigen|straket|skolan|gymnasiet|centrum)$")
_VOWEL = re.compile(r"[aeiouy]")  # folded: å, ä, ö, é, ü are a, o, e, u
MIN_UNKNOWN_WORD = 4
# The word is a name found in the message: a first name, or a surname after one.
FIRST_NAME = "first name"
SURNAME = "surname"
PARTICLE = "particle"  # "al", "van", "de" between a first name and a surname
# "Anna-Karin Lundqvist Berg": at most two surnames after the last first name.
MAX_SURNAMES = 2
NAME_CUES = frozenset({"heter", "kallas", "namn", "namnet", "hette"})
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
    # Folded everyday words that the vocabulary lacks ("och", "typ", "asså", "snap"): never a surname.
    common_words: frozenset[str] = frozenset()
    # Is this (folded) word Swedish? Without it a lower-case surname is found only by list or ending.
    is_word: Callable[[str], bool] | None = None
    # Words the editors' danger rules and role lexicon match on: never taken away after a name.
    routing_word: Callable[[str], bool] | None = None
    _folded_surnames: frozenset[str] = field(init=False, repr=False)
    _all_names: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.common_words = frozenset(fold(word) for word in self.common_words)
        self._folded_surnames = frozenset(fold(name) for name in self.surnames)
        self._all_names = self.first_names | self.surnames

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
        # In a message Written Like This a capital says nothing about names.
        capitals_mean_names = not _title_case(tokens)
        spans: list[Span] = []
        found: list[_Found] = []
        previous: _Found | None = None
        for index, match in enumerate(tokens):
            raw = match.group()
            base = _POSSESSIVE.sub("", raw)
            lower = base.lower()
            previous_word = tokens[index - 1].group().lower() if index else ""
            capitalised = _capitalised(base) and not _sentence_start(text, tokens, index)
            before_previous = tokens[index - 2].group().lower() if index >= 2 else ""
            # "heter X", "som heter X", "vid namn X", "mitt namn är X".
            cue = previous_word in NAME_CUES or (previous_word == "är" and before_previous in ("namn", "namnet"))
            # A surname can follow the name just before, when only a space or a hyphen lies between.
            after_name = (
                previous is not None and previous.index == index - 1 and not previous.possessive
                and previous.surnames < MAX_SURNAMES and _ADJACENT.fullmatch(text[previous.end:match.start()]) is not None
            )
            kind = self._known_name(lower, cue, capitalised, previous is not None and previous.index == index - 1)
            if kind is None and after_name and previous is not None:
                gap = text[previous.end:match.start()]
                capital_counts = capitalised and capitals_mean_names and "\n" not in gap
                hyphenated = previous.kind in (SURNAME, PARTICLE) and gap.strip() == "-"  # "Axelsson-Bring"
                if self._is_surname(base, capital_counts, hyphenated):
                    kind = SURNAME
                elif self._particle_before_surname(tokens, index, text, capitals_mean_names):
                    kind = PARTICLE
            if kind is None and cue and _about_a_person(tokens, index) and self._is_unlisted_name(
                base, capitalised and capitals_mean_names
            ):
                kind = FIRST_NAME
            if kind is None:
                previous = None
                continue
            surnames = 0
            if kind in (SURNAME, PARTICLE) and after_name and previous is not None:
                surnames = previous.surnames + (kind == SURNAME)  # "Sara van der Berg Lund": particles are free
            previous = _Found(index, match.end(), base, kind, self._is_possessive(raw, base), surnames)
            found.append(previous)
            spans.append(Span(match.start(), match.end(), NAME))
        spans += self._repeated_names(tokens, found)
        return _join_adjacent_names(sorted(spans, key=lambda span: span.start), text)

    def _known_name(self, lower: str, cue: bool, capitalised: bool, previous_was_name: bool) -> str | None:
        """FIRST_NAME or SURNAME when the word is on the name lists and used as a name here, else None."""
        candidate = lower
        if candidate not in self.first_names and candidate not in self.surnames and lower.endswith("s") and len(lower) > 3:
            # Possessive without colon: "annas pappa".
            if lower[:-1] in self.first_names and lower[:-1] not in self.ambiguous:
                candidate = lower[:-1]
        if fold(candidate) in self.protected_words and not cue:
            # A place or a routing word; "Berg" or "Lund" right after a first name is still a surname.
            return SURNAME if previous_was_name and candidate in self.surnames else None
        if candidate in self.first_names:
            if candidate not in self.ambiguous or cue or capitalised or (previous_was_name and candidate in self.surnames):
                return FIRST_NAME
            return None
        if candidate in self.surnames:
            if cue or capitalised or previous_was_name or (candidate not in self.ambiguous and candidate.endswith("sson")):
                return SURNAME
        return None

    def _particle_before_surname(self, tokens: list[re.Match[str]], index: int, text: str, capitals_mean_names: bool) -> bool:
        """"al", "el", "van", "de" … between a first name and a surname: "nour el-khatib", "Sara van der Berg"."""
        if fold(tokens[index].group()) not in _PARTICLES or index + 1 >= len(tokens):
            return False
        following = tokens[index + 1]
        gap = text[tokens[index].end():following.start()]
        if _ADJACENT.fullmatch(gap) is None:
            return False
        base = _POSSESSIVE.sub("", following.group())
        return self._is_surname(base, _capitalised(base) and capitals_mean_names and "\n" not in gap) or (
            self._particle_before_surname(tokens, index + 1, text, capitals_mean_names)  # "van der Berg"
        )

    def _is_surname(self, word: str, capital_counts: bool, hyphenated: bool = False) -> bool:
        """Is this word, right after a name, a surname? ("Ahmed Karimi", "ahmed karimi", not "ahmed säljer")

        Capitalised: yes, unless it is a place, a routing word or an everyday word ("Ali Och Omar").
        Lower case: a listed surname, a typical surname ending (-sson, -qvist, -ović …), or no Swedish word.
        `hyphenated`: the second half of a double surname ("axelsson-bring"), whatever word it is.
        """
        folded = fold(word)
        bare = folded[:-1] if folded.endswith("s") and len(folded) > 3 else folded  # "lundqvists pappa"
        if folded in self._folded_surnames:
            return True
        if folded in self.protected_words or folded in self.common_words or self._is_routing_word(folded):
            return False
        if _PLACE_ENDING.search(folded) is not None:  # "Hjalmar Brantingsplatsen", "Olof Palmes gatan"
            return False
        if bare in self._folded_surnames and bare not in self.ambiguous:
            return True
        if capital_counts or hyphenated:
            return True
        if _VOWEL.search(folded) is None:  # "nmr", "rfsl", "ggr": abbreviations
            return False
        if _SURNAME_ENDING.search(bare) is not None:
            return True
        return self._is_unknown_word(folded)

    def _is_unlisted_name(self, word: str, capital_counts: bool) -> bool:
        """A name that no list knows, right after "heter" ("han heter Zlatan", "hon heter jovanka")."""
        folded = fold(word)
        if folded in self.protected_words or folded in self.common_words or self._is_routing_word(folded):
            return False
        return capital_counts or self._is_unknown_word(folded)

    def _is_unknown_word(self, folded: str) -> bool:
        """Not a Swedish word. Unknown without a vocabulary, and too short to tell below four letters:
        "soc", "bup", "sfi" are abbreviations far more often than "lee" or "kim" is a surname (the
        short surnames are on the list)."""
        if self.is_word is None or len(folded) < MIN_UNKNOWN_WORD:
            return False
        return not self.is_word(folded)

    def _is_possessive(self, raw: str, base: str) -> bool:
        """"Amir:s", "annas", "Lundqvists": a word after it is what the person has, not a surname."""
        if raw != base:
            return True
        lower = base.lower()
        return lower.endswith("s") and lower not in self._all_names and lower[:-1] in self._all_names

    def _is_routing_word(self, folded: str) -> bool:
        return self.routing_word is not None and self.routing_word(folded)

    def _repeated_names(self, tokens: list[re.Match[str]], found: list["_Found"]) -> list[Span]:
        """Later mentions of a name found in the message: "... heter Max. Max är 15", "Karimi sa".

        Only where the mention cannot be an everyday word: capitalised as the name was, or a surname
        that is no Swedish word ("hosseini").
        """
        if not found:
            return []
        written = {item.base for item in found if item.kind != PARTICLE and _capitalised(item.base)}
        unknown = {fold(item.base) for item in found if item.kind == SURNAME and self._is_unknown_word(fold(item.base))}
        taken = {item.index for item in found}
        spans = []
        for index, match in enumerate(tokens):
            if index in taken:
                continue
            base = _POSSESSIVE.sub("", match.group())
            if base not in written and not (unknown and fold(base) in unknown):
                continue
            if fold(base) not in self.protected_words and fold(base) not in self.common_words:
                spans.append(Span(match.start(), match.end(), NAME))
        return spans


@dataclass(frozen=True)
class _Found:
    """A name token found in the message, as the next token's surname test needs it."""

    index: int
    end: int
    base: str  # without a possessive ":s"
    kind: str  # FIRST_NAME, SURNAME or PARTICLE
    possessive: bool
    surnames: int  # surnames since the last first name


def _about_a_person(tokens: list[re.Match[str]], index: int) -> bool:
    """The name cue before tokens[index] names a person, not a group or an app: "mitt namn är X",
    "vid namn X", "han heter X", "en kille som heter X"; not "en grupp som heter X"."""
    before = [m.group().lower() for m in tokens[max(0, index - 4):index]]
    if before[-1:] in (["namn"], ["namnet"]) or before[-2:] in (["namn", "är"], ["namnet", "är"]):
        return True
    subject = before[:-1]  # without the cue itself
    if subject[-1:] == ["som"]:
        subject = subject[:-1]
    return bool(subject) and fold(subject[-1]) in _PERSON_WORDS


def _sentence_start(text: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Nothing but a full stop, "!" or "?" (and spaces, digits, brackets …) since the last word."""
    if index == 0:
        return True
    return re.search(r"[.!?]\s*$", text[tokens[index - 1].end():tokens[index].start()]) is not None


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _title_case(tokens: list[re.Match[str]]) -> bool:
    """Most words capitalised ("Min Son Ahmed Säljer Knark"): capitals then tell nothing."""
    words = [m.group() for m in tokens if len(m.group()) > 1]
    lower = sum(1 for word in words if word[:1].islower())
    return len(words) >= 5 and lower <= len(words) // 5


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


class _EditorsWords:
    """The words of the editors' danger rules and role lexicon, from the current snapshot.

    The danger rules run on the scrubbed text: a slang word for a gun after a name ("ali puffra")
    must never be taken away as a surname. Rebuilt when an editor's save brings a new snapshot.
    """

    def __init__(self, current: Callable[[], "editors_data.Snapshot | None"] = editors_data.current_or_none):
        self._current = current
        self._snapshot: object | None = None
        self._words: frozenset[str] = frozenset()
        self._prefixes: re.Pattern[str] | None = None

    def __call__(self, folded: str) -> bool:
        snapshot = self._current()
        if snapshot is None:
            return False
        if snapshot is not self._snapshot:
            self._load(snapshot)
        return folded in self._words or (self._prefixes is not None and self._prefixes.match(folded) is not None)

    def _load(self, snapshot: "editors_data.Snapshot") -> None:
        danger = snapshot.danger
        # Every public field: the patterns and whatever word lists the rules have (now, not_now …).
        terms = _terms_in([getattr(danger, f.name) for f in dataclasses.fields(danger) if not f.name.startswith("_")])
        parts = [part for term in terms for part in term.parts]
        parts += [word for phrases in snapshot.routing.roles.terms.values() for phrase in phrases for word in phrase]
        prefixes = sorted({part[:-1] for part in parts if part.endswith("*") and len(part) > 1})
        self._words = frozenset(part for part in parts if not part.endswith("*"))
        self._prefixes = re.compile("|".join(re.escape(p) for p in prefixes)) if prefixes else None
        self._snapshot = snapshot


def _terms_in(value: object) -> Iterator[Term]:
    """The terms inside danger rules' values: terms, patterns, and tuples or lists of them."""
    if isinstance(value, Term):
        yield value
    elif isinstance(value, Pattern):
        yield from _terms_in(value.groups)
        yield from _terms_in(value.unless)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _terms_in(item)


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


def _swedish_word(common_words: frozenset[str]) -> Callable[[str], bool] | None:
    """The lemma table's compound-aware test, with the everyday words it lacks; None without
    spacy-lookups-data. The common words also count as parts: "överreagerar" = "över" + "reagerar"."""
    from bot.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    return vocabulary.with_extra(common_words).is_word if vocabulary is not None else None


@lru_cache(maxsize=1)
def default_scrubber() -> Scrubber:
    ambiguous = _read_list(PACKAGE_DATA_DIR / "ambiguous_names.txt") | _BUILT_IN_AMBIGUOUS
    common_words = frozenset(fold(word) for word in _read_list(PACKAGE_DATA_DIR / "common_words.txt"))
    return Scrubber(
        first_names=_read_list(PACKAGE_DATA_DIR / "first_names.txt"),
        surnames=_read_list(PACKAGE_DATA_DIR / "surnames.txt"),
        ambiguous=ambiguous,
        protected_words=_protected_words(),
        keep_numbers=editors_data.service_numbers,
        person_entities=_spacy_person_entities(),
        common_words=common_words,
        is_word=_swedish_word(common_words),
        routing_word=_EditorsWords(),
    )


def scrub(text: str) -> str:
    """Scrub with the project's default lists."""
    return default_scrubber().scrub(text)
