"""Compare NLU pipelines on the held-out set: accuracy, routing, danger, parse time, training time.

Usage: .venv/bin/python bench/compare_pipelines.py [config names…]
Writes the table to docs/nlu-pipeline.md (between the markers) and prints it.
"""
from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from bot.evaluation import evaluate_model  # noqa: E402
from bot.servers import base_env  # noqa: E402

CONFIGS = ROOT / "bench" / "configs"
OUT = ROOT / ".cache" / "compare"
DOC = ROOT / "docs" / "nlu-pipeline.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"


def train(config: Path) -> tuple[Path, float]:
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "--config", str(config), "--domain", "domain.yml",
         "--data", "data/nlu", "data/rules", "--out", str(OUT), "--fixed-model-name", config.stem, "--force"],
        cwd=ROOT, env=base_env(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return OUT / f"{config.stem}.tar.gz", time.monotonic() - started


def main(names: list[str]) -> None:
    configs = [CONFIGS / f"{n}.yml" for n in names] if names else sorted(CONFIGS.glob("*.yml"))
    rows = []
    for config in configs:
        model, seconds = train(config)
        report = evaluate_model(model)
        rows.append({
            "config": config.stem, "intent": report.intent_accuracy, "route": report.route_accuracy,
            "first_kind": report.first_kind_accuracy, "danger_first": report.danger_first,
            "parse_ms": report.median_ms, "train_s": seconds,
        })
        print(json.dumps(rows[-1]), flush=True)
        print(report.summary(), flush=True)
    table = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"held-out set: tests/data/heldout_nlu.yml.",
        "",
        "| config | intent accuracy | route accuracy | first contact right kind | danger → 112 first | median parse | full training |",
        "|---|---|---|---|---|---|---|",
    ]
    table += [
        f"| {r['config']} | {r['intent']:.1%} | {r['route']:.1%} | {r['first_kind']:.1%} | {r['danger_first']:.1%} "
        f"| {r['parse_ms']:.1f} ms | {r['train_s']:.0f} s |" for r in rows
    ]
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    DOC.write_text(before + START + "\n" + "\n".join(table) + "\n" + END + after, encoding="utf-8")
    print("\n".join(table))


if __name__ == "__main__":
    main(sys.argv[1:])
