"""Compare NLU pipelines on the held-out set: accuracy, routing, danger, parse time, training time.

Usage: .venv/bin/python bench/compare_pipelines.py [config names…]
Writes the table to docs/nlu-pipeline.md (between the markers) and prints it.
"""
from __future__ import annotations

import asyncio
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from bot import nlp  # noqa: E402
from bot.evaluation import HELDOUT_FILE, danger_on_fresh_set, evaluate_agent, load_agent, load_heldout  # noqa: E402
from bot.guide import Guide  # noqa: E402
from bot.servers import base_env  # noqa: E402
from bot.training import rasa_train  # noqa: E402

CONFIGS = ROOT / "bench" / "configs"
OUT = ROOT / ".cache" / "compare"
DOC = ROOT / "docs" / "nlu-pipeline.md"
HELDOUT_V2 = ROOT / "tests" / "data" / "heldout_nlu_v2.yml"
FRESH_DANGER = ROOT / "tests" / "data" / "danger_fresh.yml"
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
    rows = []
    for config in configs:
        model, seconds = reuse_bench_model(config) or train(config)
        agent, guide = load_agent(model), Guide(lemmatize=nlp.lemmas)
        report = asyncio.run(evaluate_agent(agent, guide, load_heldout(HELDOUT_FILE)))
        second = asyncio.run(evaluate_agent(agent, guide, load_heldout(HELDOUT_V2)))
        hits, dangerous, alarms, near_misses = asyncio.run(danger_on_fresh_set(agent, guide, FRESH_DANGER))
        rows.append({
            "config": config.stem, "intent": report.intent_accuracy, "first_kind": report.first_kind_accuracy,
            "danger_first": report.danger_first, "intent_v2": second.intent_accuracy,
            "first_kind_v2": second.first_kind_accuracy, "danger_first_v2": second.danger_first,
            "fresh_danger": hits / dangerous, "fresh_false_alarms": alarms / near_misses,
            "parse_ms": report.median_ms, "train_s": seconds,
        })
        print(json.dumps(rows[-1]), flush=True)
        print(report.summary(), "\n--- v2\n", second.summary(), flush=True)
    table = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        "set 1: tests/data/heldout_nlu.yml (333); set 2: tests/data/heldout_nlu_v2.yml (230); "
        "fresh danger: tests/data/danger_fresh.yml (90 dangerous, 90 near misses).",
        "",
        "| config | intent, set 1 | first contact right kind, set 1 | danger → 112 first, set 1 "
        "| intent, set 2 | first kind, set 2 | danger first, set 2 | fresh danger → 112 | near misses → 112 "
        "| median parse | full training |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    table += [
        f"| {r['config']} | {r['intent']:.1%} | {r['first_kind']:.1%} | {r['danger_first']:.1%} "
        f"| {r['intent_v2']:.1%} | {r['first_kind_v2']:.1%} | {r['danger_first_v2']:.1%} "
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
