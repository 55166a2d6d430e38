"""The `bot` command: run, train, shell, doctor, resources, scrub."""
from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import sys
import time
import urllib.request
import uuid
from collections import Counter
from importlib import metadata
from pathlib import Path

from bot import nlp
from bot.paths import PROJECT_ROOT

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
DEFAULT_CONFIG = PROJECT_ROOT / "config.yml"


def cmd_train(args: argparse.Namespace) -> int:
    from bot.servers import base_env
    from bot.training import train

    seconds = train(Path(args.config), base_env(), force=args.force)
    print("Modellen är redan aktuell." if seconds is None else f"Tränade modellen på {seconds:.1f} s.")
    return 0


def _prepare(args: argparse.Namespace) -> None:
    """Everything `run` and `shell` need that may be missing: pipeline, valid data, a current model."""
    from bot.guide import Guide
    from bot.servers import base_env
    from bot.training import train

    from bot.checks import check_config_files
    from bot.problems import EditorDataError

    problems = check_config_files()
    if problems:
        raise EditorDataError(problems)
    pipeline = nlp.active_pipeline()
    print(f"Svensk spaCy-pipeline: {pipeline.identity} ({pipeline.description})")
    Guide()  # fails with file and line if the editors' data is broken
    seconds = train(DEFAULT_CONFIG, base_env(), quiet=False)
    if seconds is not None:
        print(f"Tränade modellen på {seconds:.1f} s.")


def cmd_run(args: argparse.Namespace) -> int:
    from bot.servers import Servers

    _prepare(args)
    servers = Servers(rasa_port=args.port, action_port=args.action_port, web_port=args.web_port, cors=tuple(args.cors),
                      replicas=args.replicas, redis_url=args.redis)
    if args.replicas > 1 and not args.redis:
        print("Flera repliker behöver en gemensam Redis: ange --redis redis://värd:6379", file=sys.stderr)
        return 2
    started = time.monotonic()
    _stop_on_signals()
    try:
        servers.start()
        print(f"\nVägvisaren är igång ({time.monotonic() - started:.0f} s).")
        print(f"  Webbchatt:  http://localhost:{args.web_port}/")
        print(f"  REST:       POST http://localhost:{args.port}/webhooks/rest/webhook  {{\"sender\": \"…\", \"message\": \"hej\"}}")
        print("Avsluta med Ctrl-C.")
        while all(p.poll() is None for p in servers.processes.values()):
            time.sleep(0.5)
        print("En server stannade oväntat; stänger av.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStänger av …")
        return 0
    finally:
        servers.stop()


def _stop_on_signals() -> None:
    """Ctrl-C and SIGTERM (systemd, Kubernetes, a parent script) both stop the servers cleanly.

    SIGINT is set explicitly because a shell may start `bot run` with it ignored."""
    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)


def post_message(url: str, sender: str, text: str, timeout: float = 30.0) -> list[dict]:
    """Send one message to the REST webhook and return the bot's messages."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 - our own server
        return json.loads(answer.read())


def cmd_shell(args: argparse.Namespace) -> int:
    from bot.servers import Servers

    _prepare(args)
    servers = Servers(rasa_port=args.port, action_port=args.action_port, web_port=None)
    sender = uuid.uuid4().hex
    _stop_on_signals()
    try:
        servers.start()
        print("Skriv till Vägvisaren (tom rad eller Ctrl-D avslutar). Välj en knapp med dess nummer.")
        buttons: list[dict] = []
        while True:
            try:
                line = input("Du: ").strip()
            except EOFError:
                break
            if not line:
                break
            if line.isdigit() and 0 < int(line) <= len(buttons):
                line = buttons[int(line) - 1]["payload"]
            buttons = []
            for message in post_message(f"{servers.rasa_url}/webhooks/rest/webhook", sender, line):
                if message.get("text"):
                    print(f"Vägvisaren: {message['text']}")
                for number, button in enumerate(message.get("buttons") or [], start=len(buttons) + 1):
                    print(f"  [{number}] {button['title']}")
                buttons += message.get("buttons") or []
    except KeyboardInterrupt:
        pass
    finally:
        servers.stop()
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from bot.catalogue import CatalogueError, load_catalogue
    from bot.training import MODEL_FILE, model_state

    healthy = True
    print(f"Python          {platform.python_version()} ({sys.executable})")
    for package in ("rasa", "rasa-sdk", "spacy", "spacy-lookups-data", "PyYAML"):
        try:
            print(f"{package:<15} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            print(f"{package:<15} SAKNAS")
            healthy = False
    pipeline = nlp.active_pipeline()
    print(f"Swedish spaCy   {pipeline.identity}: {pipeline.description}")
    if not nlp.full_pipeline_installed():
        print("                (sv_core_news_sm is not installed; see README to install it where the internet allows)")
    state = model_state(DEFAULT_CONFIG, pipeline)
    if not state.exists:
        print("Model           none yet: `bot train` or `bot run` trains one")
    else:
        age_hours = (time.time() - MODEL_FILE.stat().st_mtime) / 3600
        status = "up to date" if state.up_to_date else "OUT OF DATE: data, config or pipeline changed; `bot train`"
        print(f"Model           {MODEL_FILE.relative_to(PROJECT_ROOT)}, {age_hours:.1f} h old, trained with {state.pipeline}: {status}")
    try:
        catalogue, warnings = load_catalogue()
        kinds = Counter(r.kind for r in catalogue.resources.values())
        print(f"Resources       {len(catalogue.resources)} loaded, {len(warnings)} warnings ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    except CatalogueError as error:
        print(f"Resources       DO NOT LOAD: {len(error.problems)} problems; run `bot resources check`")
        healthy = False
    print(f"Telemetry       {'off' if os.environ.get('RASA_TELEMETRY_ENABLED') == 'false' else 'ON'}")
    return 0 if healthy else 1


def cmd_resources_check(args: argparse.Namespace) -> int:
    from bot.checks import check_all

    problems, summary = check_all()
    for problem in problems:
        print(problem)
    errors = [p for p in problems if p.severity == "fel"]
    print(summary if not errors else f"{len(errors)} fel, {len(problems) - len(errors)} varningar.")
    return 1 if errors else 0


def cmd_resources_coverage(args: argparse.Namespace) -> int:
    from bot import coverage
    from bot.editors_data import EditorsData

    data = EditorsData()
    snapshot = data.current()
    result = coverage.compute(snapshot, data.gazetteer)
    for problem in result.problems:
        print(problem)
    target = Path(args.output)
    target.write_text(coverage.render(result, snapshot), encoding="utf-8")
    print(coverage.summary(result))
    print(f"Skrev {target}")
    return 1 if result.problems else 0


def cmd_resources_guide(args: argparse.Namespace) -> int:
    from bot.resource_guide import write_guide

    path = write_guide(Path(args.output))
    print(f"Skrev {path}")
    return 0


def cmd_scrub(args: argparse.Namespace) -> int:
    from bot.privacy import default_scrubber

    scrubber = default_scrubber()
    for line in sys.stdin:
        sys.stdout.write(scrubber.scrub(line.rstrip("\n")) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bot", description="Vägvisaren")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="förbered och starta boten med webbchatten")
    run.add_argument("--port", type=int, default=5005)
    run.add_argument("--action-port", type=int, default=5055)
    run.add_argument("--web-port", type=int, default=8080)
    run.add_argument("--cors", nargs="*", default=[], metavar="ORIGIN",
                     help="webbplatser som får bädda in chatten, t.ex. https://www.botkyrka.se (demosidan ingår alltid)")
    run.add_argument("--replicas", type=int, default=1, help="antal Rasa-repliker bakom samma adress")
    run.add_argument("--redis", default=None, help="redis://värd:port för samtal och lås (krävs för repliker)")
    run.set_defaults(handler=cmd_run)

    train = commands.add_parser("train", help="träna modellen om något ändrats")
    train.add_argument("--config", default=str(DEFAULT_CONFIG))
    train.add_argument("--force", action="store_true")
    train.set_defaults(handler=cmd_train)

    shell = commands.add_parser("shell", help="chatta i terminalen")
    shell.add_argument("--port", type=int, default=5005)
    shell.add_argument("--action-port", type=int, default=5055)
    shell.set_defaults(handler=cmd_shell)

    doctor = commands.add_parser("doctor", help="versioner, svensk pipeline, modell, resurser")
    doctor.set_defaults(handler=cmd_doctor)

    resources = commands.add_parser("resources", help="kontaktkatalogen")
    resource_commands = resources.add_subparsers(dest="resources_command", required=True)
    check = resource_commands.add_parser("check", help="kontrollera alla YAML-filer")
    check.set_defaults(handler=cmd_resources_check)
    cover = resource_commands.add_parser("coverage", help="alla situationer × skribenter × områden: docs/vagval.md")
    cover.add_argument("--output", default=str(PROJECT_ROOT / "docs" / "vagval.md"))
    cover.set_defaults(handler=cmd_resources_coverage)
    guide = resource_commands.add_parser("guide", help="skriv en utskrivbar HTML-sida med alla kontakter")
    guide.add_argument("--output", default=str(PROJECT_ROOT / "kontakter.html"))
    guide.set_defaults(handler=cmd_resources_guide)

    scrub = commands.add_parser("scrub", help="ta bort personuppgifter från rader på standard in")
    scrub.set_defaults(handler=cmd_scrub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from bot.problems import EditorDataError
    from bot.yamlio import YamlError

    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except EditorDataError as error:
        print("Boten startar inte: rätta felen nedan och försök igen.", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except YamlError as error:
        print(f"Boten startar inte: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
