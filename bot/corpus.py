"""The real-language corpus: messages written the way people write, each with its public source.

Collected as described in docs/nlu-pipeline.md and tests/data/real/GUIDE.md. Every source (the
web site a message comes from) belongs to exactly one part, decided by a hash of its domain:

* train: becomes training data (data/nlu/real_language.yml, written by scripts/build_corpus.py),
         for the collection rounds in TRAINING_ROUNDS;
* dev:   looked at while tuning;
* test:  never trained on and never tuned on; the figure that says how the bot does on writers it
         has never seen.

Paraphrases in other registers (teen chat, second-language Swedish, no å/ä/ö …) point at the
message they rewrite and inherit its source, so they land in the same part.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

from bot.paths import PROJECT_ROOT

CORPUS_DIR = PROJECT_ROOT / "tests" / "data" / "real"
COLLECTED_DIR = CORPUS_DIR / "collected"
PARAPHRASES_DIR = CORPUS_DIR / "paraphrases"
TRAINING_ROUNDS = (1,)
TEST_SHARE = 45  # percent of domains, by hash
DEV_SHARE = 15
# The labelling guide's table (tests/data/real/GUIDE.md): kinds always acceptable as the first contact
# for a situation. A collector may add kinds for one message; these stay acceptable whatever they wrote.
DEFAULT_KINDS: dict[str, tuple[str, ...]] = {
    "acute_danger": ("emergency",),
    "suicide_selfharm": ("health", "emergency"),
    "report_crime": ("police",),
    "threat_extortion": ("police",),
    "hate_crime": ("police", "victim_support"),
    "crime_victim": ("police", "victim_support"),
    "violence_close_relationship": ("victim_support", "social_services"),
    "worried_extremism": ("helpline", "coordinator", "social_services"),
    "worried_gang": ("social_services", "parent_support", "youth_outreach"),
    "staff_concern": ("social_services", "coordinator", "professional_support"),
    "leave_extremism": ("exit_programme", "social_services", "coordinator"),
    "leave_gang": ("exit_programme", "social_services"),
    "affected_by_violence": ("victim_support", "crisis_support", "health"),
    "grief_fear": ("crisis_support", "victim_support", "health"),
    "young_self": ("child_helpline", "youth_outreach", "health", "social_services"),
    "ask_process": ("social_services",),
    "info_extremism": ("information", "helpline", "social_services"),
    "info_signs": ("helpline", "social_services", "information"),
    "info_avhopp": ("exit_programme", "information"),
    "out_of_scope": (),
}


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    source: str
    writer: str
    situation: str
    kinds: tuple[str, ...]
    danger: bool
    how: str  # quote | adapted | paraphrase
    register: str = ""
    round: int = 1  # collection round; round 2 is for evaluation only (see TRAINING_ROUNDS)

    @property
    def acceptable(self) -> tuple[str, ...]:
        """The first contact kinds that are right for this message: only the emergency number for
        danger, none for out of scope, else the collector's kinds and the guide's defaults."""
        if self.danger:
            return ("emergency",)
        if self.situation == "out_of_scope":
            return ()
        return tuple(dict.fromkeys([*self.kinds, *DEFAULT_KINDS.get(self.situation, ())]))

    @property
    def domain(self) -> str:
        return source_domain(self.source)

    @property
    def part(self) -> str:
        return part_of(self.domain)


def source_domain(source: str) -> str:
    """The site a source belongs to: 'svt.se' for https://www.svt.se/nyheter/…; CDN hosts fold into their site."""
    host = urlparse(source).netloc.lower().split(":")[0]
    labels = [label for label in host.split(".") if label]
    return ".".join(labels[-2:]) if len(labels) >= 2 else host


def part_of(domain: str) -> str:
    bucket = int(hashlib.sha256(domain.encode()).hexdigest(), 16) % 100
    if bucket < TEST_SHARE:
        return "test"
    if bucket < TEST_SHARE + DEV_SHARE:
        return "dev"
    return "train"


def load(directory: Path = CORPUS_DIR) -> list[Item]:
    """Every collected message and every paraphrase, with stable ids ('h1_gang_crime_staff#12')."""
    items: dict[str, Item] = {}
    for path in sorted((directory / "collected").glob("*.yml")):
        for index, raw in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]):
            item_id = f"{path.stem}#{index}"
            items[item_id] = Item(
                id=item_id, text=str(raw["text"]), source=str(raw["source"]), writer=str(raw["writer"]),
                situation=str(raw["situation"]), kinds=tuple(raw.get("kinds") or ()), danger=bool(raw.get("danger")),
                how=str(raw.get("how", "adapted")), round=2 if path.stem.startswith("r2_") else 1,
            )
    paraphrases: list[Item] = []
    for path in sorted((directory / "paraphrases").glob("*.yml")):
        for index, raw in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]):
            original = items[str(raw["of"])]
            paraphrases.append(Item(
                id=f"{path.stem}#{index}", text=str(raw["text"]), source=original.source, writer=original.writer,
                situation=original.situation, kinds=original.kinds, danger=original.danger, how="paraphrase",
                register=str(raw.get("register", "")), round=original.round,
            ))
    return [*items.values(), *paraphrases]


def part(name: str, directory: Path = CORPUS_DIR) -> list[Item]:
    return [item for item in load(directory) if item.part == name]


def training_items(directory: Path = CORPUS_DIR) -> list[Item]:
    """What scripts/build_corpus.py writes into the training data: the train part of the rounds in
    TRAINING_ROUNDS. Round 2 was measured as training data and did not earn its place
    (docs/nlu-pipeline.md); it serves the evaluation."""
    return [item for item in part("train", directory) if item.round in TRAINING_ROUNDS]
