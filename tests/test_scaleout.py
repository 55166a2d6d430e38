"""Scale-out: two Rasa replicas share one conversation through a real Redis; every record expires."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import uuid

import pytest
import redis

from bot.cli import post_message
from bot.servers import Servers

pytestmark = pytest.mark.e2e
REDIS_PORT = 6399


@pytest.fixture(scope="module")
def redis_server():
    binary = shutil.which("redis-server")
    assert binary, "redis-server is installed by scripts/setup.sh --dev"
    # No persistence: nothing a user writes may reach the disk.
    process = subprocess.Popen([binary, "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no"], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", REDIS_PORT), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{REDIS_PORT}"
    process.terminate()
    process.wait(10)


def test_alternate_turns_on_two_replicas_keep_the_context(redis_server):
    servers = Servers(rasa_port=5160, action_port=5165, web_port=None, replicas=2, redis_url=redis_server)
    sender = uuid.uuid4().hex
    try:
        servers.start()
        first, second = (f"http://127.0.0.1:{port}/webhooks/rest/webhook" for port in servers.replica_ports)
        turn1 = post_message(first, sender, "jag är orolig att min dotter radikaliseras på nätet")
        assert any(m.get("custom", {}).get("route") == "extremism_relative" for m in turn1)
        turn2 = post_message(second, sender, "vi bor i botkyrka")
        routes = [m["custom"]["route"] for m in turn2 if m.get("custom")]
        assert routes == ["extremism_botkyrka"], "replica 2 knew the situation from replica 1's turn"
        turn3 = post_message(first, sender, "tack")
        assert "Tack" in turn3[0]["text"]
        through_proxy = post_message(f"{servers.rasa_url}/webhooks/rest/webhook", sender, "vad är trefas")
        assert any(m.get("custom", {}).get("route") == "info_trefas" for m in through_proxy)

        client = redis.Redis(host="127.0.0.1", port=REDIS_PORT, db=0)
        keys = client.keys("*")
        assert keys, "the conversation lives in Redis"
        for key in keys:
            ttl = client.ttl(key)
            assert 0 < ttl <= 1800, f"{key!r} has no expiry"
    finally:
        servers.stop()
