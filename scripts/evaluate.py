"""Evaluate the trained model on the evaluation sets and print the figures.

    .venv/bin/python scripts/evaluate.py                 # real-language dev part and the older sets
    .venv/bin/python scripts/evaluate.py --sets test     # the by-source held-out test part (report only)
    .venv/bin/python scripts/evaluate.py --misses dev    # also list what went wrong
    .venv/bin/python scripts/evaluate.py --sets unused   # round 2's training part, never trained on
    .venv/bin/python scripts/evaluate.py --sets --dialogues dialogues_a   # whole written conversations
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from bot import corpus, nlp  # noqa: E402
from bot.dialogue_evaluation import evaluate_dialogues, load_scripts  # noqa: E402
from bot.evaluation import (  # noqa: E402
    corpus_samples,
    danger_samples,
    evaluate,
    heldout_samples,
    load_agent,
    per_register,
    per_source,
)
from bot.guide import Guide  # noqa: E402
from bot.paths import (
    DANGER_EXAMPLES_DIR,  # noqa: E402
    PROJECT_ROOT,  # noqa: E402
)
from bot.training import MODEL_FILE  # noqa: E402

DATA = PROJECT_ROOT / "tests" / "data"


def samples_for(name: str, guide: Guide) -> list:
    if name in ("dev", "test", "train"):
        return corpus_samples(corpus.part(name))
    if name == "unused":  # the training part of the rounds left out of training: sites never trained on
        return corpus_samples(i for i in corpus.part("train") if i.round not in corpus.TRAINING_ROUNDS)
    if name == "set1":
        return heldout_samples(guide, DATA / "heldout_nlu.yml")
    if name == "set2":
        return heldout_samples(guide, DATA / "heldout_nlu_v2.yml")
    if name == "set2_strict":
        return heldout_samples(guide, DATA / "heldout_nlu_v2.yml", strict=True)
    path = DATA / f"{name}.yml"
    return danger_samples(path if path.exists() else DANGER_EXAMPLES_DIR / f"{name}.yml")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(MODEL_FILE))
    parser.add_argument("--sets", nargs="*", default=["dev", "set1", "set2", "danger_blind21", "danger_blind22", "danger_blind23",
                                                      "danger_blind24", "danger_blind25", "danger_blind26", "danger_blind27", "danger_blind28",
                                                      "danger_blind29"])
    parser.add_argument("--misses", nargs="*", default=[])
    parser.add_argument("--dialogues", nargs="*", default=[], help="conversation sets in tests/data (dialogues_*.yml)")
    args = parser.parse_args()
    agent, guide = load_agent(Path(args.model)), Guide(lemmatize=nlp.lemmas)
    for name in args.dialogues:
        kinds = {r.kind for r in guide.snapshot().catalogue.resources.values()}
        dialogues = evaluate_dialogues(agent, guide, load_scripts(DATA / f"{name}.yml", kinds))
        print(f"\n== {name}\n{dialogues.summary()}")
        if name in args.misses:
            for o in dialogues.failures():
                r = o.reply
                print(f"  - [{o.script.name} #{o.index + 1} {o.turn.expect} {','.join(o.turn.kinds)}; route {r.route};"
                      f" first {r.first_kind} (holds {o.standing_first})] {o.turn.say[:140]}")
    for name in args.sets:
        report = evaluate(agent, guide, samples_for(name, guide))
        print(f"\n== {name}\n{report.summary()}")
        if name in args.misses:
            for outcome in report.misses():
                s = outcome.sample
                print(f"  - [{s.gold} → {outcome.predicted}; first {outcome.first_kind}; ok {','.join(s.kinds)}] {s.text[:160]}")
        if name in ("dev", "test", "unused"):
            registers = sorted(per_register(report).items())
            print("  per register: " + ", ".join(f"{k} {a}/{t} ({a / t:.0%})" for k, (a, t) in registers))
            weak = sorted(per_source(report).items(), key=lambda kv: kv[1][0] / kv[1][1])[:5]
            print("  weakest sources: " + ", ".join(f"{k} {a}/{t}" for k, (a, t) in weak))
    return 0


if __name__ == "__main__":
    sys.exit(main())
