"""The `bot` command: a broken file stops the start with file and line; doctor names the pipeline; shell and run
with busy ports."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot import paths
from bot.checks import check_config_files
from bot.cli import shell_plan
from tests.ports import free_ports


def run_bot(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True,
                          cwd=paths.PROJECT_ROOT, env={**os.environ, **(env or {})}, timeout=120)


def broken_data_copy(tmp_path, file_name: str, old: str, new: str):
    target = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, target)
    path = target / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target, path, text[: text.index(old)].count("\n") + 1


def test_run_refuses_to_start_with_a_broken_resource_file(tmp_path):
    data, path, line = broken_data_copy(tmp_path, "resources/botkyrka.yml", "kind: coordinator", "kind: samordnare")
    result = run_bot("run", env={"VAGVISAREN_DATA_DIR": str(data)})
    assert result.returncode == 1
    assert f"{path}:{line}: fel: kind: okänd sort 'samordnare'" in result.stderr


def test_run_refuses_to_start_with_invalid_yaml_in_routing(tmp_path):
    data, path, line = broken_data_copy(tmp_path, "routing.yml", "  - id: info_sig\n", "  - id: info_sig\n   x: [\n")
    result = run_bot("run", env={"VAGVISAREN_DATA_DIR": str(data)})
    assert result.returncode == 1 and str(path) in result.stderr and "ogiltig YAML" in result.stderr


def test_resources_check_exits_non_zero_on_error(tmp_path):
    data, path, line = broken_data_copy(tmp_path, "resources/national.yml", 'number: "112"', 'number: "ring"')
    result = run_bot("resources", "check", env={"VAGVISAREN_DATA_DIR": str(data)})
    assert result.returncode == 1 and f"{path}:{line}" in result.stdout and "phones.number" in result.stdout


def test_broken_rasa_config_is_named_with_its_line(tmp_path):
    for name in ("config.yml", "domain.yml", "endpoints.yml", "credentials.yml"):
        shutil.copy(paths.PROJECT_ROOT / name, tmp_path / name)
    (tmp_path / "config.yml").write_text("language: sv\npipeline:\n  - name: [oops\n", encoding="utf-8")
    [problem] = check_config_files(tmp_path)
    assert problem.path == tmp_path / "config.yml" and problem.line >= 3


def test_doctor_names_the_swedish_pipeline():
    result = run_bot("doctor")
    assert "Swedish spaCy" in result.stdout
    assert "sv_vagvisaren_offline" in result.stdout or "sv_core_news_sm" in result.stdout
    assert "Telemetry       off" in result.stdout


class _RunningBot(BaseHTTPRequestHandler):
    """Answers like Vägvisaren's REST channel: a `bot run` in another terminal."""

    def do_GET(self):  # noqa: N802
        self._json({"status": "ok"})

    def do_POST(self):  # noqa: N802
        self._json([{"recipient_id": "x", "text": "Hej från boten som redan kör."}])

    def _json(self, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_shell_talks_to_the_bot_that_already_runs():
    port, action_port = free_ports(2)
    running = ThreadingHTTPServer(("127.0.0.1", port), _RunningBot)
    threading.Thread(target=running.serve_forever, daemon=True).start()
    try:
        result = subprocess.run([sys.executable, "-m", "bot.cli", "shell", "--port", str(port), "--action-port",
                                 str(action_port)], input="hej\n\n", capture_output=True, text=True,
                                cwd=paths.PROJECT_ROOT, timeout=60)
    finally:
        running.shutdown()
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert result.stdout.startswith(f"Vägvisaren körs redan på port {port}; skalet pratar med den.\n")
    assert "Vägvisaren: Hej från boten som redan kör." in result.stdout


def test_shell_starts_its_own_bot_on_other_ports_when_something_else_holds_them():
    port, action_port = free_ports(2)
    assert shell_plan(port, action_port) == ("start", port, action_port)
    with socket.socket() as other:  # something that is not Vägvisaren
        other.bind(("", port))
        other.listen()
        plan, new_port, new_action_port = shell_plan(port, action_port)
    assert plan == "moved" and len({port, new_port, new_action_port}) == 3


def test_run_says_so_when_its_port_is_taken():
    port, action_port, web_port = free_ports(3)
    with socket.socket() as other:
        other.bind(("", action_port))
        other.listen()
        result = run_bot("run", "--port", str(port), "--action-port", str(action_port), "--web-port", str(web_port))
    assert result.returncode == 1 and f"Port {action_port} används redan." in result.stderr
    assert "Traceback" not in result.stderr


def test_ports_of_a_bot_that_just_stopped_are_free_again():
    port, action_port = free_ports(2)
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("", port))
    server.listen()
    client = socket.create_connection(("127.0.0.1", port))
    accepted, _ = server.accept()
    accepted.close()  # the server side closes first: its address stays in TIME_WAIT for a minute
    client.close()
    server.close()
    assert shell_plan(port, action_port) == ("start", port, action_port)


def test_resources_check_names_a_key_an_editor_wrote_twice_in_a_danger_pattern(tmp_path):
    data, path, line = broken_data_copy(tmp_path, "danger.yml", "    near: 8\n", "    near: 8\n    near: 80\n")
    result = run_bot("resources", "check", env={"VAGVISAREN_DATA_DIR": str(data)})
    assert result.returncode == 1
    assert f"{path}:{line + 1}:" in result.stderr + result.stdout and "'near' står två gånger" in result.stderr + result.stdout
