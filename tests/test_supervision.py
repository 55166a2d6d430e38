"""Supervision: a crashed server is started again with a growing pause while the others keep serving."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
import yaml

from bot import paths
from bot.cli import post_message
from bot.servers import Backoff, Servers
from tests.ports import free_ports


def test_backoff_doubles_and_gives_up_after_five_crashes_within_a_minute():
    backoff = Backoff()
    assert [backoff.after_crash("actions", t) for t in (0, 1, 3, 7)] == [1, 2, 4, 8]
    assert backoff.after_crash("actions", 15) is None


def test_backoff_forgets_crashes_older_than_the_window_and_counts_each_server_apart():
    backoff = Backoff(limit=3, window=60)
    assert backoff.after_crash("rasa", 0) == 1
    assert backoff.after_crash("rasa", 10) == 2
    assert backoff.after_crash("actions", 11) == 1
    assert backoff.after_crash("rasa", 65) == 2, "the crash at 0 s is outside the window"
    assert backoff.after_crash("rasa", 69) is None, "10, 65 and 69 s: three within a minute"


def test_supervise_restarts_the_crashing_process_only_and_gives_up_on_it(tmp_path):
    servers = Servers(web_port=None, log_dir=tmp_path)
    servers._spawn("steady", [sys.executable, "-c", "import time; time.sleep(60)"])
    servers._spawn("flaky", [sys.executable, "-c", "print('starting'); raise SystemExit(3)"])
    steady_pid = servers.processes["steady"].pid
    lines: list[str] = []
    try:
        crashed = servers.supervise(lines.append, Backoff(limit=3, first_delay=0.1), poll=0.05)
        assert crashed == "flaky"
        assert lines == ["flaky stannade oväntat (slutkod 3); startar om den om 0 s."] * 2 + [
            "flaky har stannat 3 gånger på 60 s; ger upp och stänger av."]
        assert servers.processes["steady"].pid == steady_pid and servers.processes["steady"].poll() is None
        assert (tmp_path / "flaky.log").read_text().count("starting") == 3, "a restart appends to the log"
        assert (tmp_path / "steady.pid").read_text().strip() == str(steady_pid)
    finally:
        servers.stop()
    assert not (tmp_path / "steady.pid").exists()


def _numbers(resource_id: str) -> list[str]:
    for path in paths.RESOURCES_DIR.glob("*.yml"):
        for resource in yaml.safe_load(path.read_text(encoding="utf-8"))["resources"]:
            if resource["id"] == resource_id:
                return [p["number"] for p in resource.get("phones", [])]
    raise LookupError(resource_id)


def _text(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


WORRIED = "jag är orolig för att min son dras in i ett gäng"


@pytest.mark.e2e
def test_bot_run_restarts_a_killed_action_server_while_rasa_keeps_answering(tmp_path, record_property):
    port, action_port, web_port = free_ports(3)
    log_dir = tmp_path / "logs"
    printed = tmp_path / "run.out"
    with open(printed, "w", encoding="utf-8") as output:
        run = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run", "--port", str(port), "--action-port", str(action_port),
             "--web-port", str(web_port), "--log-dir", str(log_dir)],
            cwd=paths.PROJECT_ROOT, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    try:
        deadline = time.monotonic() + 400  # trains first if the model is out of date
        while "Avsluta med Ctrl-C" not in printed.read_text(encoding="utf-8"):
            assert run.poll() is None and time.monotonic() < deadline, printed.read_text(encoding="utf-8")
            time.sleep(0.5)
        assert any("custom" in m for m in post_message(url, uuid.uuid4().hex, WORRIED)), "the full guide answers"

        old_pid = int((log_dir / "actions.pid").read_text())
        os.kill(old_pid, signal.SIGKILL)
        killed = time.monotonic()

        worried = post_message(url, uuid.uuid4().hex, WORRIED)
        assert "Just nu kan jag inte visa hela guiden" in _text(worried), "Rasa answers with the static core numbers"
        for resource_id in ("police_emergency", "police_non_emergency"):
            assert _numbers(resource_id)[0] in _text(worried), resource_id
        danger = post_message(url, uuid.uuid4().hex, "nu står de utanför dörren med en pistol")
        assert _numbers("police_emergency")[0] in danger[0]["text"], "112 comes first, from the static answer"
        static_within = time.monotonic() - killed

        while not any("custom" in m for m in post_message(url, uuid.uuid4().hex, WORRIED)):
            assert time.monotonic() - killed < 30, "the action server is not back within 30 s"
            time.sleep(0.5)
        back_after = time.monotonic() - killed
        assert int((log_dir / "actions.pid").read_text()) != old_pid
        restarts = [line for line in printed.read_text(encoding="utf-8").splitlines() if "stannade oväntat" in line]
        assert len(restarts) == 1 and "actions" in restarts[0] and "slutkod -9" in restarts[0]
        record_property("static_answers_within_s", round(static_within, 2))
        record_property("full_answer_back_after_s", round(back_after, 2))
    finally:
        run.send_signal(signal.SIGTERM)
        run.wait(60)
    assert run.returncode == 0, printed.read_text(encoding="utf-8")
    assert not list(log_dir.glob("*.pid")), "every server stopped with bot run"
