"""Compare NLU pipelines as a new user meets them: the first contact given to one message.

Per config: the real-language corpus's dev and test parts (first contact of an acceptable kind,
danger with 112 first, in-scope messages answered without any contact), the older held-out sets 1
and 2, and the fresh danger set; parse and training time.

Usage: .venv/bin/python bench/compare_pipelines.py [config names…]
Writes the table to docs/nlu-pipeline.md (between the markers) and prints it.
"""
from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from bot import corpus, nlp  # noqa: E402
from bot.evaluation import (  # noqa: E402
    HELDOUT_FILE,
    corpus_samples,
    danger_samples,
    evaluate,
    heldout_samples,
    load_agent,
)
from bot.guide import Guide  # noqa: E402
from bot.servers import base_env  # noqa: E402
from bot.training import rasa_train  # noqa: E402

CONFIGS = ROOT / "bench" / "configs"
OUT = ROOT / ".cache" / "compare"
DOC = ROOT / "docs" / "nlu-pipeline.md"
HELDOUT_V2 = ROOT / "tests" / "data" / "heldout_nlu_v2.yml"
FRESH_DANGER = ROOT / "bot" / "data" / "danger_examples" / "danger_fresh.yml"
START, END = "<!-- results:start -->", "<!-- results:end -->"


def train(config: Path) -> tuple[Path, float]:
    return rasa_train(config, OUT, config.stem, base_env())


def reuse_bench_model(config: Path) -> tuple[Path, float] | None:
    """The anchor takes ~10 min to train; reuse bench/run.py's model when it was trained from the same data."""
    model = ROOT / ".cache" / "bench" / f"{config.stem}.tar.gz"
    results = ROOT / "bench" / "results.json"
    if not (model.exists() and results.exists()):
        return None
    newest_input = max(p.stat().st_mtime for p in [config, *(ROOT / "data" / "nlu").glob("*.yml")])
    if model.stat().st_mtime < newest_input:
        return None
    return model, json.loads(results.read_text())[config.stem]["train_s"]


def main(names: list[str]) -> None:
    configs = [CONFIGS / f"{n}.yml" for n in names] if names else sorted(CONFIGS.glob("*.yml"))
    guide = Guide(lemmatize=nlp.lemmas)
    sets = {
        "dev": corpus_samples(corpus.part("dev")),
        "test": corpus_samples(corpus.part("test")),
        "set1": heldout_samples(guide, HELDOUT_FILE),
        "set2": heldout_samples(guide, HELDOUT_V2),
        "fresh": danger_samples(FRESH_DANGER),
    }
    rows = []
    for config in configs:
        model, seconds = reuse_bench_model(config) or train(config)
        agent = load_agent(model)
        reports = {name: evaluate(agent, guide, samples) for name, samples in sets.items()}
        row: dict = {"config": config.stem, "parse_ms": reports["set1"].median_ms, "train_s": seconds}
        for part in ("dev", "test"):
            row.update({f"{part}_first_kind": reports[part].first_kind_accuracy,
                        f"{part}_danger_first": reports[part].danger_first,
                        f"{part}_fallback_only": reports[part].fallback_only})
        for held in ("set1", "set2"):
            row.update({f"{held}_intent": reports[held].intent_accuracy,
                        f"{held}_first_kind": reports[held].first_kind_accuracy,
                        f"{held}_danger_first": reports[held].danger_first})
        row.update(fresh_danger=reports["fresh"].danger_first, fresh_false_alarms=reports["fresh"].false_alarms)
        rows.append(row)
        print(json.dumps(row), flush=True)
        for name, report in reports.items():
            print(f"--- {config.stem}, {name}\n{report.summary()}", flush=True)
    sizes = {name: len(samples) for name, samples in sets.items()}
    dangerous = sum(1 for sample in sets["fresh"] if sample.danger)
    table = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"real-language corpus (tests/data/real): dev part ({sizes['dev']}) and test part ({sizes['test']}), "
        f"never trained on; set 1: tests/data/heldout_nlu.yml ({sizes['set1']}); set 2: tests/data/heldout_nlu_v2.yml "
        f"({sizes['set2']}); fresh danger: bot/data/danger_examples/danger_fresh.yml ({dangerous} dangerous, "
        f"{sizes['fresh'] - dangerous} near misses). First kind: the first contact is of a kind acceptable for the "
        "message; fallback only: an in-scope message answered without any contact.",
        "",
        "| config | dev: first kind | dev: danger → 112 first | dev: fallback only "
        "| test: first kind | test: danger → 112 first | test: fallback only "
        "| set 1: intent | set 1: first kind | set 1: danger first "
        "| set 2: intent | set 2: first kind | set 2: danger first "
        "| fresh danger → 112 | near misses → 112 | median parse | full training |",
        "|---" * 17 + "|",
    ]
    table += [
        f"| {r['config']} "
        f"| {r['dev_first_kind']:.1%} | {r['dev_danger_first']:.1%} | {r['dev_fallback_only']:.1%} "
        f"| {r['test_first_kind']:.1%} | {r['test_danger_first']:.1%} | {r['test_fallback_only']:.1%} "
        f"| {r['set1_intent']:.1%} | {r['set1_first_kind']:.1%} | {r['set1_danger_first']:.1%} "
        f"| {r['set2_intent']:.1%} | {r['set2_first_kind']:.1%} | {r['set2_danger_first']:.1%} "
        f"| {r['fresh_danger']:.1%} | {r['fresh_false_alarms']:.1%} "
        f"| {r['parse_ms']:.1f} ms | {r['train_s']:.0f} s |" for r in rows
    ]
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    DOC.write_text(before + START + "\n" + "\n".join(table) + "\n" + END + after, encoding="utf-8")
    print("\n".join(table))


if __name__ == "__main__":
    main(sys.argv[1:])
