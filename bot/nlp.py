"""The Swedish spaCy pipeline: sv_core_news_sm when installed, else the project's offline build.

sv_core_news_sm cannot be downloaded everywhere. Without it the project builds its own pipeline
from spaCy's `sv` language data and the spacy-lookups-data lemma table, with a small correction
table for the function words that table gets wrong (son→so, har→hare, med→mede …).
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from bot.paths import CACHE_DIR, PACKAGE_DATA_DIR

FULL_PIPELINE = "sv_core_news_sm"
OFFLINE_PIPELINE = "sv_vagvisaren_offline"
CORRECTIONS_FILE = PACKAGE_DATA_DIR / "lemma_corrections.yml"
OFFLINE_DIR = CACHE_DIR / "spacy" / OFFLINE_PIPELINE


@dataclass(frozen=True)
class PipelineInfo:
    """Which Swedish pipeline is active, and how to load it."""

    name: str
    version: str
    load_target: str  # a package name or a directory for spacy.load
    description: str

    @property
    def identity(self) -> str:
        """Changes whenever the pipeline would give other tokens or lemmas: a trained model records it."""
        return f"{self.name}=={self.version}"

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


def full_pipeline_installed() -> bool:
    return importlib.util.find_spec(FULL_PIPELINE) is not None


def load_corrections(path: Path = CORRECTIONS_FILE) -> dict[str, str]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(word): str(lemma) for word, lemma in data["corrections"].items()}


def _offline_version() -> str:
    """spaCy, lookups-data and correction-table versions, hashed: a new one means a rebuild."""
    parts = [
        metadata.version("spacy"),
        metadata.version("spacy-lookups-data"),
        CORRECTIONS_FILE.read_text(encoding="utf-8"),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:10]
    return f"{metadata.version('spacy')}+{digest}"


def build_offline_pipeline(target: Path = OFFLINE_DIR) -> Path:
    """Build the offline Swedish pipeline (blank sv + lookup lemmatizer + corrections) into `target`."""
    import spacy

    nlp = spacy.blank("sv")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    table = lemmatizer.lookups.get_table("lemma_lookup")  # type: ignore[attr-defined] # a Lemmatizer, typed as a pipe
    for word, lemma in load_corrections().items():
        table[word] = lemma
    nlp.meta.update(
        name=OFFLINE_PIPELINE.removeprefix("sv_"),
        version=_offline_version(),
        description="Vägvisaren's offline Swedish pipeline: spaCy sv + spacy-lookups-data lemmas + project corrections",
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target


def ensure_offline_pipeline(target: Path = OFFLINE_DIR) -> Path:
    """The offline pipeline on disk, built or rebuilt if missing or stale."""
    meta_file = target / "meta.json"
    if meta_file.exists():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if meta.get("version") == _offline_version():
            return target
    return build_offline_pipeline(target)


def active_pipeline(build: bool = True) -> PipelineInfo:
    """sv_core_news_sm if installed, else the offline build (built here when `build`)."""
    if full_pipeline_installed():
        return PipelineInfo(
            name=FULL_PIPELINE,
            version=metadata.version(FULL_PIPELINE.replace("_", "-")) if _has_dist(FULL_PIPELINE) else "unknown",
            load_target=FULL_PIPELINE,
            description="spaCy's trained Swedish pipeline (tagger, lemmatizer, NER)",
        )
    target = ensure_offline_pipeline() if build else OFFLINE_DIR
    return PipelineInfo(
        name=OFFLINE_PIPELINE,
        version=_offline_version(),
        load_target=str(target),
        description="offline: spaCy sv tokenizer + spacy-lookups-data lemma table + project corrections (no NER)",
    )


def _has_dist(name: str) -> bool:
    try:
        metadata.version(name.replace("_", "-"))
        return True
    except metadata.PackageNotFoundError:
        return False


@lru_cache(maxsize=1)
def load_pipeline():
    """The active pipeline, loaded once per process."""
    import spacy

    return spacy.load(active_pipeline().load_target)


def lemmas(text: str) -> list[str]:
    """Lemmas of the lower-cased text (the lookup table is keyed on lower case)."""
    return [token.lemma_ or token.text for token in load_pipeline()(text.lower())]
