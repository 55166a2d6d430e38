"""Soak: 20 concurrent conversations for 10 minutes through the real servers; errors and memory growth.

Usage: .venv/bin/python bench/soak.py [--minutes 10] [--users 20]
Resident memory of each process is read after a one-minute warm-up and at the end; the target is
no errors and end memory within 10 % of the warmed-up memory. Results go to bench/soak.json and
the table in docs/performance.md (section "Soak").
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ["VAGVISAREN_RATE_LIMIT_PER_MINUTE"] = "0"  # one load generator stands in for many people

from bench.run import Load, rss_mb, run_load  # noqa: E402
from bot.servers import Servers  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- soak:start -->", "<!-- soak:end -->"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--users", type=int, default=20)
    args = parser.parse_args()
    servers = Servers(rasa_port=5900, action_port=5950, web_port=None, log_dir=ROOT / ".cache" / "soak")
    try:
        servers.start()
        url = f"{servers.rasa_url}/webhooks/rest/webhook"
        warm = asyncio.run(run_load(url, args.users, 60))
        after_warmup = {name: rss_mb(p.pid) for name, p in servers.processes.items()}
        slices: list[Load] = []
        deadline = time.monotonic() + args.minutes * 60
        while time.monotonic() < deadline:
            slices.append(asyncio.run(run_load(url, args.users, min(60.0, deadline - time.monotonic()))))
            print(f"{len(slices)} min: {slices[-1].throughput:.1f} msg/s, p95 {slices[-1].pct(0.95):.0f} ms, "
                  f"errors {slices[-1].errors}, rss {[round(rss_mb(p.pid)) for p in servers.processes.values()]}",
                  flush=True)
        at_end = {name: rss_mb(p.pid) for name, p in servers.processes.items()}
    finally:
        servers.stop()
    messages = sum(len(s.latencies) for s in slices)
    errors = sum(s.errors for s in slices) + warm.errors
    growth = {name: (at_end[name] - after_warmup[name]) / after_warmup[name] for name in after_warmup}
    result = {"minutes": args.minutes, "users": args.users, "messages": messages, "errors": errors,
              "throughput": messages / (args.minutes * 60), "rss_after_warmup_mb": after_warmup,
              "rss_at_end_mb": at_end, "growth": growth,
              "p95_per_minute_ms": [round(s.pct(0.95)) for s in slices]}
    (ROOT / "bench" / "soak.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    lines = [
        START,
        f"Soak, {time.strftime('%Y-%m-%d')}: {args.users} concurrent six-turn conversations for {args.minutes:.0f} minutes "
        f"(`bench/soak.py`): {messages} messages, {errors} errors, {result['throughput']:.1f} msg/s on average; "
        f"p95 per minute {min(result['p95_per_minute_ms'])}–{max(result['p95_per_minute_ms'])} ms.",
        "",
        "| process | memory after 1 min warm-up | memory at the end | change |",
        "|---|---|---|---|",
        *(f"| {name} | {after_warmup[name]:.0f} MB | {at_end[name]:.0f} MB | {growth[name]:+.1%} |" for name in after_warmup),
        END,
    ]
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    if START in text:
        before, _, rest = text.partition(START)
        text = before + "\n".join(lines) + rest.partition(END)[2]
    else:
        text += "\n## Soak\n\n" + "\n".join(lines) + "\n"
    DOC.write_text(text, encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
