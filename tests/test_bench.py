"""The benchmark measures the bot, not the rate limiter, and a run with any error writes nothing."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import run as bench
from bot.front_door import FrontDoor
from tests.ports import free_ports


class _Refusing(BaseHTTPRequestHandler):
    """Answers every message as the rate limiter does."""

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers["Content-Length"]))
        body = b'[{"text": "Du skickar m\\u00e5nga meddelanden just nu."}]'
        self.send_response(429)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


async def test_refused_requests_are_errors_and_stop_the_run():
    [port] = free_ports(1)
    server = ThreadingHTTPServer(("127.0.0.1", port), _Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        load = await bench.run_load(f"http://127.0.0.1:{port}/webhooks/rest/webhook", 1, 0.3)
    finally:
        server.shutdown()
    assert load.errors > 0 and not load.latencies and load.first_error.startswith("HTTP 429")
    with pytest.raises(bench.BenchFailed, match="one user: .* requests failed; first: HTTP 429"):
        bench.checked("one user", load)


async def test_a_server_that_is_not_there_is_an_error_too():
    [port] = free_ports(1)
    load = await bench.run_load(f"http://127.0.0.1:{port}/webhooks/rest/webhook", 1, 0.2)
    assert load.errors > 0 and "ClientConnectorError" in load.first_error


def test_a_failed_run_writes_nothing(tmp_path, monkeypatch, capsys):
    def failing(args):
        raise bench.BenchFailed("vagvisaren 10 concurrent: 3 of 900 requests failed; first: HTTP 429")

    monkeypatch.setattr(bench, "collect", failing)
    monkeypatch.setattr(bench, "RESULTS", tmp_path / "results.json")
    monkeypatch.setattr(bench, "DOC", tmp_path / "performance.md")
    assert bench.main(["--duration", "3", "--concurrency", "1", "2"]) == 1
    assert not list(tmp_path.iterdir())
    assert "BENCH FAILED, nothing written" in capsys.readouterr().err


def test_the_servers_under_load_have_no_per_client_limit(monkeypatch):
    for name, value in bench.NO_RATE_LIMIT.items():
        monkeypatch.setenv(name, value)
    door = FrontDoor.configured()
    assert all(door.per_client.allow("127.0.0.1") and door.per_sender.allow("one") for _ in range(1000))
