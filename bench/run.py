"""Benchmark Vägvisaren against Rasa's default pipeline, in one run, through the web chat's channel.

Usage: .venv/bin/python bench/run.py [--quick] [--duration S] [--concurrency N …]
Both models are trained here from the same data, then served the same way (scrubbing REST channel,
action server on) and measured: training time, cold start to first answer, one-user latency,
throughput at 1/10/20/50 concurrent conversations, turn 1 against turn 50, resident memory and
held-out routing accuracy; then Vägvisaren with 2 replicas behind HAProxy on Redis against 1. The
table goes to docs/performance.md.

The load generator is one address standing in for many people, so the servers run with the
per-client rate limit off. Any error (a status other than 200, an empty answer, an exception) stops
the run with a non-zero exit and nothing written: a table of refused requests measures nothing.
`--quick` measures Vägvisaren only (no anchor, no 15-minute training) and never writes anything.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from aiohttp import ClientSession, ClientTimeout  # noqa: E402

from bot import nlp  # noqa: E402
from bot.evaluation import evaluate, heldout_samples, load_agent  # noqa: E402
from bot.guide import Guide  # noqa: E402
from bot.servers import Servers, base_env  # noqa: E402
from bot.training import rasa_train  # noqa: E402

OUT = ROOT / ".cache" / "bench"
DOC = ROOT / "docs" / "performance.md"
RESULTS = ROOT / "bench" / "results.json"
# One load generator stands in for many people: the per-client limit would refuse almost everything.
NO_RATE_LIMIT = {"VAGVISAREN_RATE_LIMIT_PER_MINUTE": "0"}
CONVERSATIONS = [
    ["hej", "jag är orolig att min dotter radikaliseras på nätet", "vi bor i botkyrka",
     "sparas det jag skriver", "vad är trefas", "tack"],
    ["hej", "min son har börjat hänga med ett gäng i tensta, jag heter Anna och mitt nummer är 070-123 45 67",
     "vad kan socialtjänsten göra", "vilka tecken ska jag titta efter", "hur fungerar avhopparverksamheten", "tack så mycket"],
    ["jag är lärare och en elev har visat nazistiska symboler", "måste jag göra en orosanmälan",
     "stockholm", "vad är mvp", "är du en robot", "hej då"],
    ["asså jag vill ut ur gänget men de säger att jag är skyldig dem pengar", "jag bor i husby",
     "är det anonymt", "vad är sig", "vilka nummer kan jag ringa", "tack"],
]


class BenchFailed(RuntimeError):
    """A measurement had errors: the run stops and writes nothing."""


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    first_error: str | None = None

    def fail(self, what: str) -> None:
        self.errors += 1
        self.first_error = self.first_error or what

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _send(session: ClientSession, url: str, sender: str, text: str, load: Load) -> None:
    started = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as answer:
            body = await answer.json(content_type=None)
            if answer.status != 200 or not isinstance(body, list) or not body:
                load.fail(f"HTTP {answer.status}: {str(body)[:120]}")
                return
    except Exception as error:  # noqa: BLE001 - counted as an error
        load.fail(f"{type(error).__name__}: {error}")
        return
    load.latencies.append(time.perf_counter() - started)


def checked(step: str, load: Load) -> Load:
    """The load, or BenchFailed naming the step and its first error when any request failed."""
    if load.errors:
        total = load.errors + len(load.latencies)
        raise BenchFailed(f"{step}: {load.errors} of {total} requests failed; first: {load.first_error}")
    return load


async def run_load(url: str, concurrency: int, duration: float) -> Load:
    """`concurrency` users, each running six-turn conversations with fresh sender ids, for `duration` s."""
    load = Load()
    deadline = time.perf_counter() + duration

    async def user(index: int) -> None:
        conversation = index
        async with ClientSession(timeout=ClientTimeout(total=30)) as session:
            while time.perf_counter() < deadline:
                sender = uuid.uuid4().hex
                for text in CONVERSATIONS[conversation % len(CONVERSATIONS)]:
                    if time.perf_counter() >= deadline:
                        break
                    await _send(session, url, sender, text, load)
                conversation += 1

    started = time.perf_counter()
    await asyncio.gather(*(user(i) for i in range(concurrency)))
    load.seconds = time.perf_counter() - started
    return load


async def turn_cost(url: str, turns: int = 50, conversations: int = 4) -> tuple[float, float]:
    """Median latency of turns 1–5 and of turns 46–50 in long conversations."""
    early, late = [], []
    flat = [t for c in CONVERSATIONS for t in c]
    async with ClientSession(timeout=ClientTimeout(total=30)) as session:
        for _ in range(conversations):
            sender, load = uuid.uuid4().hex, Load()
            for index in range(turns):
                await _send(session, url, sender, flat[index % len(flat)], load)
            checked("long conversations", load)
            early += load.latencies[:5]
            late += load.latencies[-5:]
    return 1000 * statistics.median(early), 1000 * statistics.median(late)


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def train(name: str, config: Path) -> tuple[Path, float]:
    return rasa_train(config, OUT, name, base_env())


def measure(name: str, model: Path, args: argparse.Namespace, port: int, **extra: object) -> dict:
    servers = Servers(rasa_port=port, action_port=port + 50, web_port=None, model=model,
                      log_dir=OUT / f"logs-{name}", extra_env=NO_RATE_LIMIT, **extra)
    url = f"{servers.rasa_url}/webhooks/rest/webhook"
    result: dict = {"name": name}
    started = time.monotonic()
    servers.start_actions()
    servers.start_rasa()
    probe = Load()
    while not probe.latencies:
        asyncio.run(_probe(url, probe))
        if time.monotonic() - started > 300:
            raise TimeoutError(f"{name} did not answer within 300 s")
    result["cold_start_s"] = time.monotonic() - started
    try:
        servers.wait_ready(60)
        checked(f"{name} warm-up", asyncio.run(run_load(url, 1, 3)))
        one = checked(f"{name} one user", asyncio.run(run_load(url, 1, args.duration)))
        result["one_user"] = {"p50": one.pct(0.5), "p95": one.pct(0.95), "p99": one.pct(0.99),
                              "throughput": one.throughput, "errors": one.errors, "messages": len(one.latencies)}
        result["concurrency"] = {}
        for users in args.concurrency:
            load = checked(f"{name} {users} concurrent", asyncio.run(run_load(url, users, args.duration)))
            result["concurrency"][users] = {"throughput": load.throughput, "p50": load.pct(0.5), "p95": load.pct(0.95),
                                            "p99": load.pct(0.99), "errors": load.errors, "messages": len(load.latencies)}
            print(name, users, json.dumps(result["concurrency"][users]), flush=True)
        result["turn1_ms"], result["turn50_ms"] = asyncio.run(turn_cost(url))
        result["rss_mb"] = {key: rss_mb(p.pid) for key, p in servers.processes.items()}
    finally:
        servers.stop()
    return result


async def _probe(url: str, load: Load) -> None:
    async with ClientSession(timeout=ClientTimeout(total=5)) as session:
        await _send(session, url, uuid.uuid4().hex, "hej", load)
    if not load.latencies:
        await asyncio.sleep(0.2)


def start_redis(port: int) -> subprocess.Popen:
    process = subprocess.Popen([shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind",
                                "127.0.0.1", "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("redis-server did not start")


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def write_doc(results: dict) -> None:
    ours, stock, served = results["vagvisaren"], results["default_stock"], results["default"]
    at_20 = {name: r["concurrency"].get("20", r["concurrency"].get(20, {})).get("throughput") for name, r in
             (("ours", ours), ("stock", stock), ("served", served))}
    pipeline_gain = at_20["ours"] / at_20["served"] if at_20["ours"] and at_20["served"] else float("nan")
    served_gain = at_20["served"] / at_20["stock"] if at_20["served"] and at_20["stock"] else float("nan")
    lines = [
        "# Performance",
        "",
        f"Measured {results['date']} with `bench/run.py` on {results['machine']}.",
        "All three were measured in the same run, from the same data, through the scrubbing REST channel the web",
        "chat uses, with the action server on. Each load step runs "
        f"{results['duration']:.0f} s of six-turn conversations with fresh sender ids.",
        "",
        "- **Vägvisaren**: `config.yml` (sparse features + a small neural network, rules only) on the project's serving",
        "  path (cached validation of action responses, tracker store keeping trackers as objects).",
        "- **Rasa default, stock**: Rasa's default pipeline and policies (DIET, TED, UnexpecTED) on Rasa's serving",
        "  path as shipped (its in-memory tracker store, per-call schema check): what a default Rasa bot gets.",
        "- **Rasa default, our serving**: the same default model on the project's serving path, to separate the",
        "  gain of the pipeline from the gain of the serving fixes.",
        "",
        "| measure | Vägvisaren | Rasa default, stock | ratio | Rasa default, our serving | ratio |",
        "|---|---|---|---|---|---|",
    ]

    def row(label: str, key, unit: str, higher_is_better: bool) -> str:
        values = [key(r) for r in (ours, stock, served)]
        ratios = [(values[0] / v if higher_is_better else v / values[0]) if v and values[0] else float("nan")
                  for v in values[1:]]
        return (f"| {label} | {values[0]:.1f} {unit} | {values[1]:.1f} {unit} | {ratios[0]:.1f}× "
                f"| {values[2]:.1f} {unit} | {ratios[1]:.1f}× |")

    lines.append(row("full training", lambda r: r["train_s"], "s", False))
    lines.append(row("cold start to first answer", lambda r: r["cold_start_s"], "s", False))
    for key in ("p50", "p95", "p99"):
        lines.append(row(f"one user {key}", lambda r, k=key: r["one_user"][k], "ms", False))
    for users in results["concurrency"]:
        u = str(users)
        lines.append(row(f"throughput, {users} concurrent", lambda r, u=u: r["concurrency"][u]["throughput"], "msg/s", True))
        lines.append(row(f"p95, {users} concurrent", lambda r, u=u: r["concurrency"][u]["p95"], "ms", False))
        errors = [f"{r['concurrency'][u]['errors']} of {r['concurrency'][u]['messages'] + r['concurrency'][u]['errors']}"
                  for r in (ours, stock, served)]
        lines.append(f"| errors, {users} concurrent | {errors[0]} | {errors[1]} | | {errors[2]} | |")
    lines.append(row("turn 1 (median of turns 1–5)", lambda r: r["turn1_ms"], "ms", False))
    lines.append(row("turn 50 (median of turns 46–50)", lambda r: r["turn50_ms"], "ms", False))
    for process in ("rasa", "actions"):
        lines.append(row(f"resident memory, {process}", lambda r, p=process: r["rss_mb"].get(p, 0), "MB", False))
    for key, label in (("intent", "held-out intent accuracy (set 1)"),
                       ("first_kind", "held-out first contact of the right kind (set 1)"),
                       ("danger_first", "held-out danger → 112 first (set 1)")):
        lines.append(f"| {label} | {ours[key]:.1%} | {stock[key]:.1%} | | {served[key]:.1%} | |")
    lines += [
        "",
        "## What made it fast (profiled with py-spy under 20 concurrent conversations)",
        "",
        "1. Rasa checks the JSON schema of every action-server response *and re-validates the schema itself* on",
        "   each call: 60 % of the Rasa server's CPU. `bot/rasa_adapters/speedups.py` validates with a validator",
        "   built once (responses are still validated).",
        "2. The in-memory tracker store rebuilt each conversation from JSON on every turn by replaying all events;",
        "   `ExpiringInMemoryTrackerStore` keeps it pickled (unpickling is ~10× cheaper than a deep copy), which",
        "   also flattens the turn-50 cost.",
        "3. Rasa's LogisticRegressionClassifier stacks an empty dense block onto every message's sparse",
        "   features (11 %); the project's classifiers (`SituationNetworkClassifier`, before it",
        "   `SparseLogisticRegressionClassifier`) use the sparse row directly (same columns).",
        "4. The danger rules are compiled to word sets and one prefix regex per group.",
        "",
        "The last two columns separate the two effects: against Rasa's default pipeline on the same serving path",
        f"the lighter pipeline gives {pipeline_gain:.1f}× the throughput at 20 concurrent; the serving fixes give the rest",
        f"({served_gain:.1f}× for the default pipeline moved onto our serving path).",
    ]
    if "replicas" in results:
        one, two = results["replicas"]["1"], results["replicas"]["2"]
        lines += [
            "",
            "## Scale-out on Redis (Vägvisaren, 20 concurrent conversations)",
            "",
            "| setup | throughput | p95 | errors |",
            "|---|---|---|---|",
            f"| 1 replica, Redis stores | {one['throughput']:.1f} msg/s | {one['p95']:.0f} ms | {one['errors']} |",
            f"| 2 replicas behind HAProxy, Redis stores | {two['throughput']:.1f} msg/s | {two['p95']:.0f} ms | {two['errors']} |",
            "",
            "One Rasa server is one Python process and uses one core; a second replica uses the second core of this",
            "2-core machine, shared with the action server, Redis and the load generator. With Redis every turn",
            "also reads and writes the conversation over the network, so one replica on Redis is slower than the",
            "in-memory store above; scale-out is for more machines, not for one.",
        ]
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    soak = old[old.index("\n## Soak"):] if "\n## Soak" in old else ""  # written by bench/soak.py
    DOC.write_text("\n".join(lines) + "\n" + soak, encoding="utf-8")


def collect(args: argparse.Namespace) -> dict:
    """Train, serve and measure everything; BenchFailed at the first step with errors."""
    results: dict = {"date": time.strftime("%Y-%m-%d"), "machine": machine(), "duration": args.duration,
                     "concurrency": args.concurrency}
    variants = {"vagvisaren": ROOT / "config.yml", "default": ROOT / "bench" / "configs" / "default.yml"}
    if args.quick:
        variants.pop("default")
    trained: dict[str, tuple[Path, float]] = {}
    for name, config in variants.items():
        if name == "default" and args.skip_anchor_training and (OUT / "default.tar.gz").exists():
            trained[name] = OUT / "default.tar.gz", json.loads(RESULTS.read_text())["default"]["train_s"]
        else:
            trained[name] = train(name, config)
        print(f"{name}: trained in {trained[name][1]:.0f} s", flush=True)
    guide = Guide(lemmatize=nlp.lemmas)
    # The anchor twice: on Rasa's stock serving path, and on the project's (speed-ups, tracker store).
    base = args.port
    runs = (("vagvisaren", "vagvisaren", base, False), ("default_stock", "default", base + 100, True),
            ("default", "default", base + 125, False))
    for label, name, port, stock in runs:
        if name not in trained:
            continue
        model, seconds = trained[name]
        result = measure(label, model, args, port, stock_rasa=stock)
        result["train_s"] = seconds
        report = evaluate(load_agent(model), guide, heldout_samples(guide))
        result.update(intent=report.intent_accuracy, first_kind=report.first_kind_accuracy,
                      danger_first=report.danger_first)
        results[label] = json.loads(json.dumps(result))
        print(json.dumps(results[label]), flush=True)
    redis = start_redis(6398)
    try:
        results["replicas"] = {}
        for replicas, port in ((1, base + 200), (2, base + 300)):
            servers = Servers(rasa_port=port, action_port=port + 50, web_port=None, model=OUT / "vagvisaren.tar.gz",
                              replicas=replicas, redis_url="redis://127.0.0.1:6398", log_dir=OUT / f"logs-r{replicas}",
                              extra_env=NO_RATE_LIMIT)
            try:
                servers.start()
                url = f"{servers.rasa_url}/webhooks/rest/webhook"
                checked(f"{replicas} replicas warm-up", asyncio.run(run_load(url, 5, 3)))
                load = checked(f"{replicas} replicas", asyncio.run(run_load(url, 20, args.duration)))
                results["replicas"][str(replicas)] = {"throughput": load.throughput, "p95": load.pct(0.95),
                                                      "errors": load.errors}
                print("replicas", replicas, results["replicas"][str(replicas)], flush=True)
            finally:
                servers.stop()
    finally:
        redis.terminate()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 10, 20, 50])
    parser.add_argument("--skip-anchor-training", action="store_true", help="reuse .cache/bench/default.tar.gz")
    parser.add_argument("--quick", action="store_true", help="Vägvisaren only, no anchor; writes nothing")
    parser.add_argument("--port", type=int, default=5500, help="the servers use ports from here to here + 350")
    args = parser.parse_args(argv)
    try:
        results = collect(args)
    except BenchFailed as failure:
        print(f"\nBENCH FAILED, nothing written: {failure}", file=sys.stderr)
        return 1
    if args.quick:
        print("Quick run: nothing written.")
        return 0
    RESULTS.write_text(json.dumps(results, indent=2), encoding="utf-8")
    write_doc(results)
    print(DOC.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
