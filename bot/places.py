"""Recognise municipalities, Stockholm districts and neighbourhoods in free text."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from bot.paths import PLACES_DIR
from bot.text import fold, words
from bot.yamlio import load_yaml

# Words that are also place names; they count as a place only after a cue ('i', 'bor i', 'från')
# or when the message is nothing but the place. Folded form.
COMMON_WORD_PLACES = frozenset(
    {"vara", "mark", "kil", "boden", "lund", "ale", "mora", "sala", "nora", "are", "hjo", "ange", "sater",
     "ore", "bo", "solna", "tranas", "habo", "ljusdal", "lomma", "osby", "orust", "flen", "berg", "sunne",
     "rattvik", "leksand", "bjuv", "kista", "alby", "farsta", "sundby", "lunda", "hansta", "solhem",
     "flysta", "berga", "sodra", "norra", "haga", "ronna", "tumba", "vasa", "hjulsta", "skogas", "sjobo",
     "tibro", "heby", "hylte", "tidaholm", "vaxholm", "gnesta", "malung"}
)
PLACE_CUES = frozenset({"i", "fran", "bor", "kommun", "kommunen", "stadsdel", "stadsdelen", "omrade", "omradet", "in", "vid", "utanfor"})
# Words people add around a bare place ("vi bor i tensta", "botkyrka kommun").
FILLER = frozenset(
    {"i", "vi", "jag", "bor", "bo", "borde", "ar", "fran", "kommun", "kommunen", "stad", "staden",
     "stadsdel", "stadsdelen", "omradet", "omrade", "det", "den", "pa", "ute", "hemma", "nara", "och",
     "min", "mitt", "var", "familj", "familjen", "han", "hon", "de", "dom", "just", "nu", "typ",
     "asså", "assa", "ba", "hej", "hallo", "tack", "sa", "alltsa", "nagonstans", "nanstans", "kring",
     "centrum", "city", "inne", "hos", "oss", "lan", "ligger", "vart", "bodde", "flyttat", "till",
     "skolan", "skola", "jobbar", "jobbet", "en", "lagenhet", "lagenheten", "hans", "hennes",
     # Session 18: "Förskolan ligger i Hallunda", "eleven går i skolan i Tullinge".
     "forskolan", "forskola", "fritids", "fritidsgarden", "gymnasiet", "arbetsplatsen", "gar", "barnen", "eleven",
     "klassen", "vara", "mina"}
)


@dataclass(frozen=True)
class Area:
    """Where the user is: a municipality, and in Stockholm perhaps a district."""

    municipality: str
    municipality_name: str
    district: str | None = None
    district_name: str | None = None

    @property
    def id(self) -> str:
        return f"{self.municipality}:{self.district}" if self.district else self.municipality

    @property
    def name(self) -> str:
        return self.district_name or self.municipality_name

    def lookup_order(self) -> list[str]:
        """Area ids from the most local to the least: district, municipality."""
        return [self.id, self.municipality] if self.district else [self.municipality]


@dataclass(frozen=True)
class _Entry:
    area: Area
    ambiguous: bool


class Gazetteer:
    """All place names the bot knows, folded, with 1-3 word names and one-typo tolerance."""

    def __init__(self, municipalities: list[dict], districts: list[dict], district_municipality: str,
                 is_word: Callable[[str], bool] | None = None):
        # A Swedish word is never read as a misspelt place ("händer" is not "Handen").
        self._is_word = is_word
        self._names: dict[str, _Entry] = {}
        # Names that differ only by å/ä/ö (Håbo and Habo) are told apart when written exactly.
        self._exact: dict[str, _Entry] = {}
        self._municipality_names: dict[str, str] = {}
        self._district_ids: set[str] = set()
        for municipality in municipalities:
            area = Area(municipality["id"], municipality["name"])
            self._municipality_names[municipality["id"]] = municipality["name"]
            for name in [municipality["name"], *(municipality.get("aliases") or [])]:
                self._add(name, area)
        parent_name = self._municipality_names.get(district_municipality, district_municipality.title())
        for district in districts:
            area = Area(district_municipality, parent_name, district["id"], district["name"])
            self._district_ids.add(f"{district_municipality}:{district['id']}")
            names = [district["name"], *(district.get("former_names") or []), *(district.get("neighbourhoods") or [])]
            for name in names:
                self._add(name, area)
        self._areas_by_id = {entry.area.id: entry.area for entry in self._names.values()}
        self._by_length: dict[int, list[str]] = {}
        for name in self._names:
            if " " not in name:
                self._by_length.setdefault(len(name), []).append(name)

    def _add(self, name: str, area: Area) -> None:
        key = " ".join(words(fold(name)))
        exact = " ".join(words(name.lower()))
        if exact not in self._exact:
            self._exact[exact] = _Entry(area, key in COMMON_WORD_PLACES)
        # A name used for both a district and a municipality keeps the first (municipalities load first).
        if key and key not in self._names:
            self._names[key] = _Entry(area, key in COMMON_WORD_PLACES)
        hyphen_free = key.replace("-", " ")
        if hyphen_free != key and hyphen_free not in self._names:
            self._names[hyphen_free] = _Entry(area, False)

    def single_word_names(self) -> set[str]:
        """Every folded one-word place name and name part, e.g. 'tensta', 'botkyrka', 'upplands'."""
        return {part for name in self._names for part in name.split()}

    def districts(self) -> list[Area]:
        """Every district the gazetteer knows (Stockholm's stadsdelsområden)."""
        return [area for area in self._areas_by_id.values() if area.district]

    def is_known_area(self, area_id: str) -> bool:
        return area_id == "national" or area_id in self._municipality_names or area_id in self._district_ids

    def municipality(self, municipality_id: str) -> Area | None:
        name = self._municipality_names.get(municipality_id)
        return Area(municipality_id, name) if name else None

    def area_by_id(self, area_id: str) -> Area | None:
        """Rebuild an Area from its id, as stored in a slot."""
        return self._areas_by_id.get(area_id) if ":" in area_id else self.municipality(area_id)

    def find(self, text: str) -> Area | None:
        """The most specific place named in the text (a district beats its municipality), or None."""
        tokens = self._tokens(fold(text))
        exact_tokens = self._tokens(text.lower())
        whole_message_is_place = self._only_place(tokens)
        found: list[Area] = []
        index = 0
        while index < len(tokens):
            match = self._match_at(tokens, index, whole_message_is_place, exact_tokens)
            if match:
                area, length = match
                found.append(area)
                index += length
            else:
                index += 1
        if not found:
            return None
        districts = [a for a in found if a.district]
        return districts[0] if districts else found[0]

    def is_only_place(self, text: str) -> bool:
        """True when the message is a place and filler words only ('vi bor i tensta')."""
        return self._only_place(self._tokens(fold(text)))

    @staticmethod
    def _tokens(text: str) -> list[str]:
        return " ".join(t.replace("-", " ") for t in words(text)).split()

    def _only_place(self, tokens: list[str]) -> bool:
        rest = [t for t in tokens if t not in FILLER]
        if not rest or len(rest) > 3:
            return False
        key = " ".join(rest)
        return key in self._names or (len(rest) == 1 and self._fuzzy(rest[0]) is not None)

    def _match_at(self, tokens: list[str], index: int, bare: bool, exact_tokens: list[str]) -> tuple[Area, int] | None:
        for length in (3, 2, 1):
            if index + length > len(tokens):
                continue
            key = " ".join(tokens[index:index + length])
            entry = self._exact.get(" ".join(exact_tokens[index:index + length])) or self._names.get(key)
            if entry is None and length == 1:
                fuzzy = self._fuzzy(key)
                entry = self._names[fuzzy] if fuzzy else None
            if entry is None:
                continue
            after_a_place = index > 0 and (tokens[index - 1] in PLACE_CUES or self._is_place_name(tokens[index - 1]))
            if entry.ambiguous and not bare and not after_a_place:  # "Stockholm, Farsta" names Farsta
                continue
            return entry.area, length
        return None

    def _is_place_name(self, token: str) -> bool:
        entry = self._names.get(token)
        return entry is not None and not entry.ambiguous

    def _fuzzy(self, token: str) -> str | None:
        """A known one-word name one edit away (typo), for words of 6 letters or more that are no
        Swedish word themselves."""
        if len(token) < 6 or (self._is_word is not None and self._is_word(token)):
            return None
        for length in (len(token) - 1, len(token), len(token) + 1):
            for name in self._by_length.get(length, ()):
                if name[0] == token[0] and not self._names[name].ambiguous and _one_edit(token, name):
                    return name
        return None


def _one_edit(a: str, b: str) -> bool:
    """True if a and b differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def load_gazetteer(directory: Path = PLACES_DIR, is_word: Callable[[str], bool] | None = None) -> Gazetteer:
    municipalities = load_yaml(directory / "municipalities.yml")["municipalities"]
    districts_doc = load_yaml(directory / "stockholm_districts.yml")
    return Gazetteer(municipalities, districts_doc["districts"], districts_doc.get("municipality", "stockholm"), is_word)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    from bot.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    return load_gazetteer(is_word=vocabulary.__contains__ if vocabulary is not None else None)

