"""Faults: the action server stops mid-conversation; the emergency answer and the core numbers still come."""
from __future__ import annotations

import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml

from bot import paths
from bot.cli import post_message
from bot.servers import Servers

pytestmark = pytest.mark.e2e


def _numbers(resource_id: str) -> list[str]:
    for path in (paths.RESOURCES_DIR).glob("*.yml"):
        for resource in yaml.safe_load(path.read_text(encoding="utf-8"))["resources"]:
            if resource["id"] == resource_id:
                return [p["number"] for p in resource.get("phones", [])]
    raise LookupError(resource_id)


def test_action_server_down_mid_conversation():
    servers = Servers(rasa_port=5145, action_port=5195, web_port=None,
                      log_dir=paths.PROJECT_ROOT / "tests" / "artifacts" / "fault-logs")
    sender = uuid.uuid4().hex
    url = f"{servers.rasa_url}/webhooks/rest/webhook"
    try:
        servers.start()
        before = post_message(url, sender, "jag är orolig för att min son dras in i ett gäng")
        assert any(m.get("custom") for m in before), "the full guide answers while the action server runs"

        servers.stop("actions")

        worried = post_message(url, sender, "min dotter har börjat prata om att demokratin måste störtas med våld")
        text = "\n".join(m.get("text", "") for m in worried)
        assert "Just nu kan jag inte visa hela guiden" in text
        for resource_id in ("police_emergency", "police_non_emergency", "orostelefonen"):
            assert _numbers(resource_id)[0] in text, resource_id

        danger = post_message(url, sender, "nu står de utanför dörren med en pistol")
        assert _numbers("police_emergency")[0] in danger[0]["text"], "112 comes first, from the static answer"
    finally:
        servers.stop()


class _SlowActionServer(BaseHTTPRequestHandler):
    """Answers health checks at once but takes 20 s over every action call."""

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.end_headers()

    def do_POST(self):  # noqa: N802
        time.sleep(20)
        self.send_response(500)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_slow_action_server_still_gives_the_core_numbers_in_time():
    slow = ThreadingHTTPServer(("127.0.0.1", 5196), _SlowActionServer)
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    servers = Servers(rasa_port=5146, action_port=5196, web_port=None,
                      log_dir=paths.PROJECT_ROOT / "tests" / "artifacts" / "slow-logs")
    try:
        servers.start_rasa()
        servers.wait_ready(180)
        started = time.monotonic()
        answer = post_message(f"{servers.rasa_url}/webhooks/rest/webhook", uuid.uuid4().hex,
                              "jag är orolig att min bror dras in i ett gäng", timeout=60)
        waited = time.monotonic() - started
        text = "\n".join(m.get("text", "") for m in answer)
        assert waited < 15, f"the user waited {waited:.1f} s"
        assert "Just nu kan jag inte visa hela guiden" in text and _numbers("police_emergency")[0] in text
    finally:
        servers.stop()
        slow.shutdown()
