"""Write data/nlu/real_language.yml from the training part of the real-language corpus (bot.corpus),
and the training part's other rounds, as danger / not danger, for the danger classifier
(bot/data/danger_examples/real_language_other_rounds.yml).

Only sources whose domain hashes into the training part are written; the dev and test parts stay
out of training (tests/test_corpus.py checks that no dev or test message is in data/nlu).
Run after adding messages to tests/data/real/: .venv/bin/python scripts/build_corpus.py
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import corpus  # noqa: E402
from bot.paths import (
    DANGER_EXAMPLES_DIR,  # noqa: E402
    DATA_DIR,  # noqa: E402
)

TARGET = DATA_DIR / "nlu" / "real_language.yml"
DANGER_TARGET = DANGER_EXAMPLES_DIR / "real_language_other_rounds.yml"
DANGER_HEADER = """# Written by scripts/build_corpus.py: the TRAINING part of the real-language corpus's rounds that the
# situation classifier does not train on, labelled danger or not, for the danger classifier. Do not edit.
messages:
"""
HEADER = """# Written by scripts/build_corpus.py from the TRAINING part of the real-language corpus
# (tests/data/real/, split by source site; see docs/nlu-pipeline.md). Do not edit by hand.
version: "3.1"
nlu:
"""


def example(text: str) -> str:
    """One line of Rasa's example list: one line, no entity markup."""
    text = " ".join(text.split())
    return re.sub(r"[\[\]{}]", "", text)


def existing_examples() -> set[str]:
    found: set[str] = set()
    for path in (DATA_DIR / "nlu").glob("*.yml"):
        if path == TARGET:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("- "):
                found.add(line.strip()[2:].strip().lower())
    return found


def main() -> int:
    taken = existing_examples()
    by_intent: dict[str, list[str]] = defaultdict(list)
    for item in corpus.training_items():
        text = example(item.text)
        if text and text.lower() not in taken:
            taken.add(text.lower())
            by_intent[item.situation].append(text)
    lines = [HEADER.rstrip("\n")]
    for intent in sorted(by_intent):
        lines.append(f"- intent: {intent}\n  examples: |")
        lines += [f"    - {text}" for text in by_intent[intent]]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TARGET}: {sum(len(v) for v in by_intent.values())} examples, {len(by_intent)} intents")
    other = [item for item in corpus.part("train") if item.round not in corpus.TRAINING_ROUNDS]
    body = "".join(f"- text: {json.dumps(example(item.text), ensure_ascii=False)}\n  danger: {str(item.danger).lower()}\n"
                   for item in other)
    DANGER_TARGET.write_text(DANGER_HEADER + body, encoding="utf-8")
    print(f"{DANGER_TARGET}: {len(other)} messages, {sum(item.danger for item in other)} danger")
    return 0


if __name__ == "__main__":
    sys.exit(main())
