"""How a careful human reader does on the real-language test part, by the measure the bot is held to.

tests/data/real/second_annotation.yml holds a second annotation of the test part's collected messages, made
without seeing the corpus's labels. This prints how often that reader's first contact is acceptable under the
corpus's labels (the bot's `first contact of an acceptable kind`), how many danger messages they call danger,
and how often the two name the same situation.

    .venv/bin/python scripts/annotator_agreement.py
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import corpus  # noqa: E402
from bot.evaluation import EMERGENCY  # noqa: E402

ANNOTATION = corpus.CORPUS_DIR / "second_annotation.yml"


def acceptable(item: corpus.Item, first: str) -> bool:
    """The same rule as bot.evaluation.Outcome.acceptable, for a human's first contact."""
    if item.danger:
        return first == EMERGENCY
    if not item.acceptable:
        return first not in (EMERGENCY, "police")
    return first in item.acceptable


def main() -> int:
    items = {item.id: item for item in corpus.part("test")}
    labels = yaml.safe_load(ANNOTATION.read_text(encoding="utf-8"))["labels"]
    pairs = [(items[label["id"]], label) for label in labels]
    total = len(pairs)
    right = sum(acceptable(item, label["first"]) for item, label in pairs)
    danger = [label for item, label in pairs if item.danger]
    calm = [label for item, label in pairs if not item.danger]
    same = sum(item.situation == label["situation"] for item, label in pairs)
    print(f"messages: {total} (the test part's collected messages)")
    print(f"human first contact acceptable under the corpus's labels: {right}/{total} ({right / total:.1%})")
    print(f"danger messages the human answers with 112 first: {sum(label['first'] == EMERGENCY for label in danger)}/{len(danger)}")
    print(f"other messages the human answers with 112 first: {sum(label['first'] == EMERGENCY for label in calm)}/{len(calm)}")
    print(f"same situation: {same}/{total} ({same / total:.1%})")
    differ = Counter((item.situation, label["situation"]) for item, label in pairs if item.situation != label["situation"])
    print("most frequent differences (corpus → human):")
    for (ours, theirs), count in differ.most_common(8):
        print(f"  {ours} → {theirs}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
