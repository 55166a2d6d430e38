"""Scale-out: two Rasa replicas behind HAProxy share one conversation through a real Redis; every record expires."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import uuid

import pytest
import redis
import yaml

from bot import paths
from bot.cli import post_message
from bot.conversation.phrases import CLOSING
from bot.servers import CHANNEL, Servers, haproxy_binary, haproxy_config

REDIS_PORT = 6399
LOGS = paths.PROJECT_ROOT / "tests" / "artifacts" / "scaleout-logs"


def test_the_generated_haproxy_config_is_valid_and_logs_no_addresses(tmp_path):
    config = tmp_path / "haproxy.cfg"
    text = haproxy_config(6150, [6151, 6152])
    config.write_text(text, encoding="utf-8")
    check = subprocess.run([haproxy_binary(), "-c", "-f", str(config)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "balance roundrobin" in text and "option httpchk GET /webhooks/rest/" in text
    assert "server rasa1 127.0.0.1:6151 check" in text and "server rasa2 127.0.0.1:6152 check" in text
    assert not [line for line in text.splitlines() if line.split()[:1] == ["log"]], "no log directive at all"


def test_the_replicas_trust_haproxy_and_keep_the_channel_settings():
    shipped = yaml.safe_load((paths.PROJECT_ROOT / "credentials.yml").read_text(encoding="utf-8"))[CHANNEL]
    generated = yaml.safe_load(Servers(rasa_port=6150, replicas=2).credentials_file().read_text(encoding="utf-8"))
    assert generated[CHANNEL] == {**shipped, "trusted_proxies": [*(shipped.get("trusted_proxies") or []), "127.0.0.1/32"]}
    assert Servers(rasa_port=6150).credentials_file() == paths.PROJECT_ROOT / "credentials.yml"


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


@pytest.mark.e2e
def test_alternate_turns_on_two_replicas_keep_the_context(redis_server):
    servers = Servers(rasa_port=5160, action_port=5165, web_port=None, replicas=2, redis_url=redis_server, log_dir=LOGS)
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
        assert turn3[0]["text"].startswith(CLOSING)
        balanced = f"{servers.rasa_url}/webhooks/rest/webhook"
        through_haproxy = post_message(balanced, sender, "vad är trefas")
        assert any(m.get("custom", {}).get("route") == "info_trefas" for m in through_haproxy)

        # One replica goes down: HAProxy sends every turn to the other (at once: a refused connection is
        # retried there), and the conversation goes on where it was.
        other = uuid.uuid4().hex
        assert any(m.get("custom", {}).get("route") == "extremism_relative"
                   for m in post_message(balanced, other, "jag är orolig att min dotter radikaliseras på nätet"))
        servers.stop("rasa")
        turn = post_message(balanced, other, "vi bor i botkyrka")
        assert [m["custom"]["route"] for m in turn if m.get("custom")] == ["extremism_botkyrka"]
        for _ in range(3):  # round robin would send some of these to the stopped replica
            answer = post_message(balanced, uuid.uuid4().hex, "vad är trefas")
            assert any(m.get("custom", {}).get("route") == "info_trefas" for m in answer)

        client = redis.Redis(host="127.0.0.1", port=REDIS_PORT, db=0)
        keys = client.keys("*")
        assert keys, "the conversation lives in Redis"
        for key in keys:
            ttl = client.ttl(key)
            assert 0 < ttl <= 1800, f"{key!r} has no expiry"
    finally:
        servers.stop()
