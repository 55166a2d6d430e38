"""Start, watch and stop the action server, the Rasa server(s), HAProxy and the web page as child processes."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bot.paths import CACHE_DIR, PACKAGE_DIR, PROJECT_ROOT
from bot.training import MODEL_FILE

LOGGING_CONFIG = PACKAGE_DIR / "rasa_adapters" / "logging.yml"
CHANNEL = "bot.rasa_adapters.channel.ScrubbingRestInput"
# HAProxy connects to the replicas from here: the channel believes the X-Forwarded-For it adds.
BALANCER_ADDRESS = "127.0.0.1/32"


class MissingProgram(RuntimeError):
    """A program the requested setup needs is not installed; the message says how to install it, in Swedish."""


def base_env() -> dict[str, str]:
    """The environment every Rasa process gets: telemetry off, quiet TensorFlow and libraries."""
    env = dict(os.environ)
    env.update({
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "PYTHONWARNINGS": "ignore",
        "LOG_LEVEL_LIBRARIES": "ERROR",
    })
    return env


@dataclass
class Servers:
    """The processes of one running bot."""

    rasa_port: int = 5005
    action_port: int = 5055
    web_port: int | None = 8080
    cors: tuple[str, ...] = ()  # origins allowed to call the chat; the demo page's own origin is always in
    log_dir: Path | None = None
    endpoints: Path = PROJECT_ROOT / "endpoints.yml"
    extra_env: dict[str, str] = field(default_factory=dict)
    model: Path = MODEL_FILE
    credentials: Path = PROJECT_ROOT / "credentials.yml"
    replicas: int = 1  # more than one: Rasa servers on the next ports, HAProxy on rasa_port
    redis_url: str | None = None  # e.g. redis://127.0.0.1:6379: tracker and lock store in Redis
    stock_rasa: bool = False  # benchmark anchor: Rasa's own in-memory tracker store, no speed-ups
    debug: bool = False  # log at DEBUG (the privacy test proves user text stays out even then)
    api_token: str | None = None  # Rasa's HTTP API only behind this token; off when None
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    commands: dict[str, list[str]] = field(default_factory=dict)  # how each process was started, to start it again

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def env(self) -> dict[str, str]:
        env = base_env()
        if self.stock_rasa:
            env["VAGVISAREN_RASA_SPEEDUPS"] = "off"
        env.update(self.extra_env)
        return env

    def _spawn(self, name: str, command: list[str], again: bool = False) -> None:
        """Start one process; with a log directory its output goes to NAME.log and its pid to NAME.pid there.

        A restarted process appends to the log, so the crash that caused the restart stays readable."""
        self.commands[name] = command
        if self.log_dir is None:
            self.processes[name] = subprocess.Popen(command, cwd=PROJECT_ROOT, env=self.env(), start_new_session=True)
            return
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_dir / f"{name}.log", "a" if again else "w", encoding="utf-8") as output:
            self.processes[name] = subprocess.Popen(command, cwd=PROJECT_ROOT, env=self.env(), stdout=output,
                                                    stderr=subprocess.STDOUT, start_new_session=True)
        (self.log_dir / f"{name}.pid").write_text(f"{self.processes[name].pid}\n", encoding="utf-8")

    def restart(self, name: str) -> None:
        """Start a process again the way it was started first."""
        self._spawn(name, self.commands[name], again=True)

    def start_actions(self) -> None:
        command = [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.action_port),
                   "--logging-config_file", str(LOGGING_CONFIG)]
        if self.debug:
            command.append("--debug")
        self._spawn("actions", command)

    @property
    def replica_ports(self) -> list[int]:
        return [self.rasa_port] if self.replicas == 1 else [self.rasa_port + 1 + i for i in range(self.replicas)]

    def origins(self) -> list[str]:
        """CORS origins: the configured ones plus the demo page; never '*' unless asked for."""
        demo = [f"http://localhost:{self.web_port}", f"http://127.0.0.1:{self.web_port}"] if self.web_port else []
        return [*self.cors, *demo] or ["http://localhost"]

    def endpoints_file(self) -> Path:
        """endpoints.yml, or a copy with another action port and/or Redis stores."""
        if self.action_port == 5055 and not self.redis_url and not self.stock_rasa:
            return self.endpoints
        import yaml

        config = yaml.safe_load(self.endpoints.read_text(encoding="utf-8"))
        config["action_endpoint"]["url"] = f"http://127.0.0.1:{self.action_port}/webhook"
        if self.redis_url:
            config.update(redis_endpoints(self.redis_url, config["tracker_store"].get("expiry_seconds", 1800)))
        if self.stock_rasa:
            config.pop("tracker_store", None)
        target = CACHE_DIR / f"endpoints-{self.rasa_port}-{self.action_port}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(config), encoding="utf-8")
        return target

    def credentials_file(self) -> Path:
        """credentials.yml, or behind HAProxy a copy that trusts the X-Forwarded-For HAProxy adds."""
        if self.replicas == 1:
            return self.credentials
        import yaml

        config = yaml.safe_load(self.credentials.read_text(encoding="utf-8"))
        channel = config.get(CHANNEL) or {}
        channel["trusted_proxies"] = list(dict.fromkeys([*(channel.get("trusted_proxies") or ()), BALANCER_ADDRESS]))
        config[CHANNEL] = channel
        target = CACHE_DIR / f"credentials-{self.rasa_port}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(config), encoding="utf-8")
        return target

    @property
    def replica_names(self) -> list[str]:
        return ["rasa" if index == 0 else f"rasa{index + 1}" for index in range(len(self.replica_ports))]

    def start_rasa(self) -> None:
        balancer = haproxy_binary() if self.replicas > 1 else None  # missing: fail before anything starts
        for name, port in zip(self.replica_names, self.replica_ports, strict=True):
            self._start_replica(name, port)
        if balancer is not None:
            config = CACHE_DIR / f"haproxy-{self.rasa_port}.cfg"
            config.parent.mkdir(parents=True, exist_ok=True)
            config.write_text(haproxy_config(self.rasa_port, self.replica_ports), encoding="utf-8")
            # -db: stays in the foreground, a child process like the others.
            self._spawn("haproxy", [balancer, "-db", "-f", str(config)])

    def _start_replica(self, name: str, port: int) -> None:
        self._spawn(name, [
            sys.executable, "-m", "rasa", "run", "--model", str(self.model), "--port", str(port),
            "--credentials", str(self.credentials_file()), "--endpoints", str(self.endpoints_file()),
            "--cors", *self.origins(),
            "--logging-config-file", str(LOGGING_CONFIG),
            *(["--debug"] if self.debug else []),
            *(["--enable-api", "--auth-token", self.api_token] if self.api_token else []),
        ])

    def start_web(self) -> None:
        if self.web_port is None:
            return
        self._spawn("web", [sys.executable, "-m", "bot.web", "--port", str(self.web_port),
                            "--bot-url", f"http://localhost:{self.rasa_port}"])

    def start(self, timeout: float = 180.0) -> None:
        self.start_actions()
        self.start_rasa()
        self.start_web()
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        checks = {name: f"http://127.0.0.1:{port}/webhooks/rest/" for name, port in zip(self.replica_names, self.replica_ports, strict=True)}
        checks["actions"] = f"http://127.0.0.1:{self.action_port}/health"
        if self.replicas > 1:
            checks["haproxy"] = f"{self.rasa_url}/webhooks/rest/"
        if self.web_port is not None:
            checks["web"] = f"http://127.0.0.1:{self.web_port}/"
        pending = dict(checks)
        while pending:
            for name, url in list(pending.items()):
                process = self.processes.get(name)
                if process is not None and process.poll() is not None:
                    raise RuntimeError(f"{name} stopped during start (exit {process.returncode}); see its log")
                if _responds(url):
                    pending.pop(name)
            if time.monotonic() > deadline:
                raise TimeoutError(f"not ready after {timeout:.0f} s: {', '.join(pending)}")
            if pending:
                time.sleep(0.3)

    def supervise(self, say: Callable[[str], None], backoff: Backoff | None = None, poll: float = 0.5) -> str:
        """Keep every server running, as a process supervisor would: a crashed one is started again after a
        growing pause while the others keep serving (without the action server Rasa still gives the static
        emergency answer). Returns the name of a server that crashed too often; the caller then stops all."""
        backoff = backoff or Backoff()
        due: dict[str, float] = {}  # name → when to start it again
        while True:
            now = time.monotonic()
            for name, process in list(self.processes.items()):
                if name in due or process.poll() is None:
                    continue
                delay = backoff.after_crash(name, now)
                if delay is None:
                    say(f"{name} har stannat {backoff.limit} gånger på {backoff.window:.0f} s; ger upp och stänger av.")
                    return name
                say(f"{name} stannade oväntat (slutkod {process.returncode}); startar om den om {delay:.0f} s.")
                due[name] = now + delay
            for name, when in list(due.items()):
                if now >= when:
                    del due[name]
                    self.restart(name)
            time.sleep(poll)

    def stop(self, name: str | None = None, timeout: float = 15.0) -> None:
        names = [name] if name else list(self.processes)
        for key in names:
            process = self.processes.get(key)
            if process and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for key in names:
            process = self.processes.pop(key, None)
            if process is None:
                continue
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            if self.log_dir is not None:
                (self.log_dir / f"{key}.pid").unlink(missing_ok=True)


@dataclass
class Backoff:
    """How long to wait before starting a crashed server again, and when to stop trying.

    The pause doubles with each crash inside the window; `limit` crashes inside it mean something is
    broken for good (like systemd's StartLimitBurst), not a passing failure."""

    limit: int = 5
    window: float = 60.0
    first_delay: float = 1.0
    max_delay: float = 30.0
    crashes: dict[str, list[float]] = field(default_factory=dict)

    def after_crash(self, name: str, now: float) -> float | None:
        """Seconds to wait before starting `name` again, or None when it crashed too often."""
        recent = [moment for moment in self.crashes.get(name, []) if now - moment < self.window] + [now]
        self.crashes[name] = recent
        if len(recent) >= self.limit:
            return None
        return min(self.max_delay, self.first_delay * 2 ** (len(recent) - 1))


def haproxy_binary() -> str:
    """The haproxy program (Debian puts it in /usr/sbin, which is not on every user's PATH)."""
    found = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin:/sbin")
    if found is None:
        raise MissingProgram("HAProxy saknas men behövs för --replicas: installera det med "
                             "`apt-get install haproxy` (scripts/setup.sh --dev gör det).")
    return found


def haproxy_config(port: int, replica_ports: list[int]) -> str:
    """Round robin over the replicas; a replica that fails its health check gets no users until it answers again."""
    servers = "\n".join(f"    server rasa{index} 127.0.0.1:{replica} check"
                        for index, replica in enumerate(replica_ports, start=1))
    return f"""# Written by bot run --replicas (bot/servers.py); changes here are overwritten.
# No log directive anywhere: an access log would keep the users' addresses.
global
    maxconn 2000

defaults
    mode http
    # The replicas' channel trusts 127.0.0.1 and reads the user's address from this header.
    option forwardfor
    # A replica that refuses the connection (crashed, restarting): try another one.
    retries 2
    option redispatch 1
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s

frontend vagvisaren
    bind :{port}
    default_backend rasa

backend rasa
    balance roundrobin
    option httpchk GET /webhooks/rest/
    http-check expect status 200
    default-server inter 2s fall 2 rise 2
{servers}
"""


def redis_endpoints(redis_url: str, expiry_seconds: int) -> dict:
    """Tracker store (every record expires) and lock store in Redis, for replicas sharing conversations."""
    from urllib.parse import urlparse

    parsed = urlparse(redis_url)
    common = {"url": parsed.hostname or "127.0.0.1", "port": parsed.port or 6379}
    if parsed.password:
        common["password"] = parsed.password
    return {
        "tracker_store": {"type": "redis", **common, "db": 0, "record_exp": int(expiry_seconds), "key_prefix": "vagvisaren"},
        "lock_store": {"type": "redis", **common, "db": 1, "key_prefix": "vagvisaren"},
    }


def _responds(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as answer:  # noqa: S310 - loopback only
            return answer.status < 500
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False
