"""Write bot/data/danger_examples/conversations_read.yml: every turn of the conversation sets that were read while
mending the conversation moves (READ_SETS), each turn alone, danger as the set's writer judged it.

The danger classifier learnt from single messages; people in a conversation write short facts, answers and
plans ("han är 14", "vi ska prata med honom ikväll") that it read as danger. Turns of the sets nobody read stay
out, so those sets still measure it (docs/nlu-pipeline.md, session 12).
Run after changing one of the read sets: .venv/bin/python scripts/build_conversation_examples.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.paths import DANGER_EXAMPLES_DIR, PROJECT_ROOT  # noqa: E402

READ_SETS = ("a", "c", "d", "p")
TARGET = DANGER_EXAMPLES_DIR / "conversations_read.yml"
HEADER = ("# Written by scripts/build_conversation_examples.py: the turns of the conversation sets read while mending\n"
          f"# (tests/data/dialogues_{{{','.join(READ_SETS)}}}.yml), each alone, danger as the set's writer judged it. Do not edit.\n")


def turns() -> list[dict[str, object]]:
    """Each distinct turn once, in the sets' order."""
    found: dict[str, bool] = {}
    for name in READ_SETS:
        document = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / f"dialogues_{name}.yml").read_text(encoding="utf-8"))
        for conversation in document["conversations"]:
            for turn in conversation["turns"]:
                found.setdefault(str(turn["say"]), bool(turn.get("danger")))
    return [{"text": text, "danger": danger} for text, danger in found.items()]


# Half the weight of a message written as a whole: with full weight the classifier lost danger written as one
# message to gain calm turns (docs/nlu-pipeline.md, session 12).
WEIGHT = 0.5


def render() -> str:
    return HEADER + yaml.safe_dump({"weight": WEIGHT, "messages": turns()}, allow_unicode=True, sort_keys=False, width=200)


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    items = turns()
    print(f"{TARGET}: {len(items)} turns, {sum(bool(i['danger']) for i in items)} danger")
    return 0


if __name__ == "__main__":
    sys.exit(main())
