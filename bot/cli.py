"""The `bot` command: run, train, shell, doctor, resources, scrub."""
from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections import Counter
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Iterator

from bot import nlp
from bot.paths import CACHE_DIR, PROJECT_ROOT

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
DEFAULT_CONFIG = PROJECT_ROOT / "config.yml"
LOG_DIR = CACHE_DIR / "logs"


class StartFailed(Exception):
    """The bot cannot start; the message says why and where the log is, in Swedish."""


def cmd_train(args: argparse.Namespace) -> int:
    if _train(Path(args.config), Path(args.log_dir), force=args.force) is None:
        print("Modellen är redan aktuell.")
    return 0


def _train(config: Path, log_dir: Path, force: bool = False) -> float | None:
    """Train when needed, with Rasa's output in train.log; a failure shows the end of that log."""
    from bot.servers import base_env
    from bot.training import model_state, train

    with _output_to(log_dir / "prepare.log"):
        current = model_state(config, nlp.active_pipeline()).up_to_date
    if current and not force:
        return None
    log = log_dir / "train.log"
    print(f"Tränar modellen (första gången ungefär en minut; logg: {_shown(log)}) …", flush=True)
    try:
        with _output_to(log, fresh=True):
            seconds = train(config, base_env(), force=force)
    except subprocess.CalledProcessError as error:
        raise StartFailed(f"Träningen misslyckades (slutkod {error.returncode}). Slutet av {_shown(log)}:\n"
                          + _tail(log)) from error
    if seconds is not None:
        print(f"Tränade modellen på {seconds:.0f} s.")
    return seconds


def _prepare(log_dir: Path) -> None:
    """Everything `run` and `shell` need that may be missing: pipeline, valid data, a current model.

    What the libraries print on the way (TensorFlow, deprecation warnings, Rasa's progress) goes to
    files in `log_dir`; the terminal gets one line per step."""
    from bot.checks import check_config_files
    from bot.guide import Guide
    from bot.problems import EditorDataError

    problems = check_config_files()
    if problems:
        raise EditorDataError(problems)
    if not nlp.full_pipeline_installed() and not (nlp.OFFLINE_DIR / "meta.json").exists():
        print("Bygger den svenska språkpipelinen …", flush=True)
    with _output_to(log_dir / "prepare.log", fresh=True):
        pipeline = nlp.active_pipeline()
        Guide()  # fails with file and line if the editors' data is broken
    print(f"Svensk språkpipeline: {pipeline.identity}")
    _train(DEFAULT_CONFIG, log_dir)


@contextmanager
def _output_to(log: Path, fresh: bool = False) -> Iterator[None]:
    """Send this process's output, and its children's, to `log` instead of the terminal (`fresh`: empty it first).

    At the level of file descriptors, so warnings printed by C libraries and by `rasa train` land there too."""
    log.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    try:
        with open(log, "w" if fresh else "a", encoding="utf-8") as target:
            os.dup2(target.fileno(), 1)
            os.dup2(target.fileno(), 2)
            yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])


def _tail(log: Path, lines: int = 30) -> str:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def _shown(path: Path) -> str:
    """A path as the user can type it: relative to the current directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def cmd_run(args: argparse.Namespace) -> int:
    from bot.servers import MissingProgram, Servers, haproxy_binary

    if args.replicas > 1 and not args.redis:
        print("Flera repliker behöver en gemensam Redis: ange --redis redis://värd:6379", file=sys.stderr)
        return 2
    log_dir = Path(args.log_dir)
    busy = [port for port in _ports_of(args) if not _port_free(port)]
    if busy:
        hint = " Vägvisaren körs redan: `bot shell` pratar med den." if _running_bot(args.port) else ""
        print(f"Port {', '.join(map(str, busy))} används redan.{hint}", file=sys.stderr)
        return 1
    if args.replicas > 1:
        try:
            haproxy_binary()
        except MissingProgram as error:
            print(error, file=sys.stderr)
            return 1
    print(f"Förbereder Vägvisaren; alla loggar hamnar i {_shown(log_dir)}/", flush=True)
    _prepare(log_dir)
    servers = Servers(rasa_port=args.port, action_port=args.action_port, web_port=args.web_port, cors=tuple(args.cors),
                      replicas=args.replicas, redis_url=args.redis, log_dir=log_dir)
    started = time.monotonic()
    _stop_on_signals()
    try:
        print("Startar servrarna …", flush=True)
        try:
            servers.start()
        except (RuntimeError, TimeoutError) as error:
            print(f"Vägvisaren kunde inte starta: {error}. Se loggarna i {_shown(log_dir)}/", file=sys.stderr)
            return 1
        print(f"Vägvisaren är igång ({time.monotonic() - started:.0f} s).")
        print(f"  Webbchatt:  http://localhost:{args.web_port}/")
        print(f"  REST:       POST http://localhost:{args.port}/webhooks/rest/webhook  {{\"sender\": \"…\", \"message\": \"hej\"}}")
        print("Avsluta med Ctrl-C.", flush=True)
        crashed = servers.supervise(_say)
        print(f"Se {_shown(log_dir / (crashed + '.log'))}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStänger av …")
        return 0
    finally:
        servers.stop()


def _say(line: str) -> None:
    """One supervisor line on the terminal, with the time (the logs say the rest)."""
    print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)


def _ports_of(args: argparse.Namespace) -> list[int]:
    replicas = [] if args.replicas == 1 else [args.port + 1 + i for i in range(args.replicas)]
    return [args.port, args.action_port, *replicas, *([args.web_port] if args.web_port else [])]


def _port_free(port: int) -> bool:
    """Nobody listens on the port. SO_REUSEADDR as the servers use it: connections of a bot that just
    stopped (TIME_WAIT) do not count as busy."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("", port))
        except OSError:
            return False
    return True


def _free_port_after(port: int, taken: set[int]) -> int:
    candidate = port + 1
    while candidate in taken or not _port_free(candidate):
        candidate += 1
    return candidate


def _running_bot(port: int) -> bool:
    """True when Vägvisaren's REST channel answers on this port (a `bot run` in another terminal)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/webhooks/rest/", timeout=2) as answer:  # noqa: S310 - loopback
            return json.loads(answer.read()) == {"status": "ok"}
    except (OSError, ValueError):
        return False


def shell_plan(port: int, action_port: int) -> tuple[str, int, int]:
    """What `bot shell` does: talk to a running bot ('running'), start its own ('start'), or start its own on
    other ports because something else holds these ('moved'); with the ports to use."""
    if _running_bot(port):
        return "running", port, action_port
    if _port_free(port) and _port_free(action_port):
        return "start", port, action_port
    new_port = _free_port_after(port, {action_port})
    return "moved", new_port, _free_port_after(action_port, {new_port})


def _stop_on_signals() -> None:
    """Ctrl-C and SIGTERM (systemd, Kubernetes, a parent script) both stop the servers cleanly.

    SIGINT is set explicitly because a shell may start `bot run` with it ignored. A second signal while
    the servers stop is ignored, so the stop is not cut short (it ends stragglers itself after a timeout)."""
    def stop(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
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

    plan, port, action_port = shell_plan(args.port, args.action_port)
    if plan == "running":
        print(f"Vägvisaren körs redan på port {port}; skalet pratar med den.")
        return _chat(f"http://127.0.0.1:{port}/webhooks/rest/webhook")
    log_dir = Path(args.log_dir)
    if plan == "moved":
        print(f"Port {args.port} eller {args.action_port} används av något annat; startar en egen Vägvisaren på "
              f"port {port} och {action_port} (loggar: {_shown(log_dir)}/).")
    else:
        print(f"Startar en egen Vägvisaren för skalet (loggar: {_shown(log_dir)}/).")
    _prepare(log_dir)
    servers = Servers(rasa_port=port, action_port=action_port, web_port=None, log_dir=log_dir)
    _stop_on_signals()
    try:
        servers.start()
        return _chat(f"{servers.rasa_url}/webhooks/rest/webhook")
    except (RuntimeError, TimeoutError) as error:
        print(f"Vägvisaren kunde inte starta: {error}. Se loggarna i {_shown(log_dir)}/", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        servers.stop()


def _chat(url: str) -> int:
    """The conversation in the terminal, until an empty line, Ctrl-D or Ctrl-C."""
    sender = uuid.uuid4().hex
    print("Skriv till Vägvisaren (tom rad eller Ctrl-D avslutar). Välj en knapp med dess nummer.")
    buttons: list[dict] = []
    try:
        while line := input("Du: ").strip():
            if line.isdigit() and 0 < int(line) <= len(buttons):
                line = buttons[int(line) - 1]["payload"]
            buttons = []
            for message in post_message(url, sender, line):
                if message.get("text"):
                    print(f"Vägvisaren: {message['text']}")
                for number, button in enumerate(message.get("buttons") or [], start=len(buttons) + 1):
                    print(f"  [{number}] {button['title']}")
                buttons += message.get("buttons") or []
    except (EOFError, KeyboardInterrupt):
        pass
    except OSError as error:
        print(f"Vägvisaren svarar inte ({error}).", file=sys.stderr)
        return 1
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
    run.add_argument("--log-dir", default=str(LOG_DIR), help="mapp för servrarnas loggar och pid-filer")
    run.set_defaults(handler=cmd_run)

    train = commands.add_parser("train", help="träna modellen om något ändrats")
    train.add_argument("--config", default=str(DEFAULT_CONFIG))
    train.add_argument("--force", action="store_true")
    train.add_argument("--log-dir", default=str(LOG_DIR), help="mapp för träningsloggen")
    train.set_defaults(handler=cmd_train)

    shell = commands.add_parser("shell", help="chatta i terminalen")
    shell.add_argument("--port", type=int, default=5005)
    shell.add_argument("--action-port", type=int, default=5055)
    shell.add_argument("--log-dir", default=str(LOG_DIR / "shell"), help="mapp för loggarna när skalet startar en egen bot")
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
    except StartFailed as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
