"""Is this a Swedish word? A compact answer for the privacy filter, from the spacy-lookups-data lemma table.

The filter has to tell "ahmed säljer" (a first name and a verb) from "ahmed karimi" (a full name) in
lower case, where no capital letter helps. The lemma table knows some 730,000 Swedish forms. Kept as
a Python set they would cost the Rasa process some 75 MB, so the vocabulary is stored as the
sorted 64-bit hashes of its folded forms (about 6 MB), built once per package version into .cache/
and memory-mapped: pages are read on demand and shared by every process on the machine.
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import logging
import os
import re
import tempfile
from array import array
from importlib import metadata
from pathlib import Path

import numpy as np

from bot.paths import CACHE_DIR
from bot.text import fold

logger = logging.getLogger(__name__)

LOOKUPS_PACKAGE = "spacy-lookups-data"
LEMMA_TABLE = "sv_lemma_lookup.json.gz"
VOCABULARY_DIR = CACHE_DIR / "vocabulary"
# Raise when the hashing or the choice of forms changes: a new number means a rebuild.
FORMAT = 1
# One entry per line in the package's file: `    "form": "lemma",`.
_ENTRY = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,?\s*$')
# Compounds: "gängkriminell" = "gäng" + "kriminell", "tonårsson" = "tonår" + s + "son". Shorter parts
# would let foreign surnames pass as compounds of short Swedish words ("kar" + "imi").
_MIN_HEAD = 3
_MIN_TAIL = 4
_MIN_HEAD_BEFORE_SHORT_TAIL = 5
_MIN_TAIL_SHORT = 3


def word_hash(word: str) -> int:
    """A hash of the folded word that is the same in every process (Python's own hash() is not)."""
    return int.from_bytes(hashlib.blake2b(fold(word).encode("utf-8"), digest_size=8).digest(), "little")


def _head_forms(part: str) -> set[str]:
    """The words a compound's first part can stand for: "brotts" → brott, "skol" → skola, "pojk" → pojke,
    "skade" → skada."""
    forms = {part, part + "a", part + "e"}
    if part.endswith("s") and len(part) > _MIN_HEAD:
        forms.add(part[:-1])
    if part.endswith("e"):
        forms.add(part[:-1] + "a")
    return forms


def _splits(word: str) -> list[tuple[str, str]]:
    return [
        (word[:cut], word[cut:]) for cut in range(_MIN_HEAD, len(word) - _MIN_TAIL_SHORT + 1)
        if len(word) - cut >= _MIN_TAIL or cut >= _MIN_HEAD_BEFORE_SHORT_TAIL
    ]


class Vocabulary:
    """Membership of Swedish word forms by hash: `"säljer" in vocabulary`, no case, no å/ä/ö.

    `extra`: folded words the table lacks (function words, chat words); they count as words and as
    parts of compounds ("överreagerar" = "över" + "reagerar").
    """

    def __init__(self, hashes: np.ndarray, extra: frozenset[str] = frozenset()):
        self._hashes = hashes  # sorted, unique uint64
        self._extra = frozenset(fold(word) for word in extra)

    def __len__(self) -> int:
        return int(self._hashes.shape[0])

    def __contains__(self, word: str) -> bool:
        folded = fold(word)
        return folded in self._extra or bool(self._find([folded])[0])

    def with_extra(self, extra: frozenset[str]) -> "Vocabulary":
        """The same table with more words; shares the memory-mapped hashes."""
        return Vocabulary(self._hashes, self._extra | extra)

    def is_word(self, word: str) -> bool:
        """A known form, or a compound of known forms ("gängkriminell", "självskadebeteende")."""
        folded = fold(word)
        return folded in self or self._is_compound(folded, parts=3, tail_is_head=False)

    def _is_compound(self, word: str, parts: int, tail_is_head: bool) -> bool:
        """`word` splits into a known first part and a known last part; the first may itself be a
        compound while `parts` allows ("självskade" + "beteende" = "själv" + "skade" + "beteende")."""
        splits = _splits(word)
        if not splits:
            return False
        tails = {tail: _head_forms(tail) if tail_is_head else {tail} for _, tail in splits}
        heads = {head: _head_forms(head) for head, _ in splits}
        forms = sorted(set().union(*tails.values(), *heads.values()))
        known = dict(zip(forms, self._find(forms), strict=True))
        known_tail = [(head, tail) for head, tail in splits if any(known[form] for form in tails[tail])]
        if any(known[form] for head, _ in known_tail for form in heads[head]):
            return True
        return parts > 2 and any(
            len(head) >= 2 * _MIN_HEAD and self._is_compound(head, parts - 1, tail_is_head=True) for head, _ in known_tail
        )

    def _find(self, words: list[str]) -> np.ndarray:
        """For each folded word: is it known?"""
        hashes = np.array([word_hash(word) for word in words], dtype=np.uint64)
        if len(self._hashes) == 0:
            return np.array([word in self._extra for word in words], dtype=bool)
        positions = np.minimum(np.searchsorted(self._hashes, hashes), len(self._hashes) - 1)
        found = self._hashes[positions] == hashes
        if self._extra:
            found |= np.array([word in self._extra for word in words], dtype=bool)
        return found


def lemma_table_path() -> Path | None:
    """The Swedish lemma table inside the installed spacy-lookups-data, found without importing it."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / LEMMA_TABLE
    return path if path.exists() else None


def build_hashes(table: Path) -> np.ndarray:
    """Sorted unique hashes of every form and lemma in the table that is an ordinary word.

    Read line by line (a json.load of the whole table would take 200 MB at its peak). Entries with a
    capital letter ("Gullberg", "Viktorias", "Oslo") are proper names, not words, and are left out.
    """
    hashes = array("Q")
    with gzip.open(table, "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = _ENTRY.match(line)
            if entry is None:
                continue
            pair = entry.groups()
            if "\\" in line:
                pair = tuple(json.loads(f'"{part}"') for part in pair)
            for form in pair:
                if form and not form[:1].isupper():
                    hashes.append(word_hash(form))
    return np.unique(np.frombuffer(hashes, dtype=np.uint64))


def cache_file(directory: Path = VOCABULARY_DIR) -> Path | None:
    """Where the vocabulary of the installed spacy-lookups-data is cached; None when it is missing."""
    try:
        version = metadata.version(LOOKUPS_PACKAGE)
    except metadata.PackageNotFoundError:
        return None
    return directory / f"sv-words-{version}-f{FORMAT}.npy"


def load_vocabulary(directory: Path = VOCABULARY_DIR) -> Vocabulary | None:
    """The Swedish vocabulary, built into `directory` on first use (a few seconds, once per version of
    spacy-lookups-data); None without that package."""
    target = cache_file(directory)
    table = lemma_table_path()
    if target is None or table is None:
        logger.warning("spacy-lookups-data is not installed: lower-case surnames are found only from the lists.")
        return None
    if not target.exists():
        hashes = build_hashes(table)
        try:
            _save(hashes, target)
        except OSError as error:  # a read-only checkout: keep the array in this process instead
            logger.warning("Cannot cache the vocabulary in %s (%s); keeping it in memory.", target.parent, error)
            return Vocabulary(hashes)
        del hashes
    return Vocabulary(np.load(target, mmap_mode="r"))


def _save(hashes: np.ndarray, target: Path) -> None:
    """Write under a temporary name and rename, so processes starting together never read half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".npy.tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            np.save(out, hashes)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; every process of the bot reads it
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
