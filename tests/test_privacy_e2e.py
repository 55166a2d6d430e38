"""A conversation full of personal data through the real servers at DEBUG: none of it is kept anywhere."""
from __future__ import annotations

import json
import os
import random
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from bot import paths
from bot.cli import post_message
from bot.privacy import PACKAGE_DATA_DIR
from bot.servers import Servers

pytestmark = pytest.mark.e2e
ARTIFACTS = paths.PROJECT_ROOT / "tests" / "artifacts"


def _pick(file_name: str, rng: random.Random) -> str:
    names = [line.strip() for line in (PACKAGE_DATA_DIR / file_name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#") and len(line.strip()) > 4]
    return rng.choice(names).capitalize()


@pytest.fixture(scope="module")
def personal_data() -> dict[str, str]:
    """Fresh values every run, so a match in a file can only come from this conversation."""
    rng = random.Random(uuid.uuid4().int)
    digits = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    first, last, child = _pick("first_names.txt", rng), _pick("surnames.txt", rng), _pick("first_names.txt", rng)
    return {
        "name": f"{first} {last}",
        "child": child,
        "personnummer": f"19{rng.randint(60, 99)}0{rng.randint(1, 9)}1{rng.randint(0, 9)}-{digits(4)}",
        "phone": f"070-{digits(3)} {digits(2)} {digits(2)}",
        "email": f"{first.lower()}.{digits(5)}@example.se",
        "address": f"Kvarnbacksvägen {rng.randint(10, 99)}",
    }


def _files_written_since(started: float, roots: list[Path]) -> list[Path]:
    found = []
    for root in roots:
        for directory, subdirs, files in os.walk(root):
            subdirs[:] = [d for d in subdirs if d not in (".git", ".venv", "node_modules")]
            for name in files:
                path = Path(directory) / name
                try:
                    if path.stat().st_mtime >= started and path.stat().st_size < 50_000_000:
                        found.append(path)
                except OSError:
                    continue
    return found


def test_nothing_personal_is_kept_in_tracker_logs_or_files(personal_data):
    token = uuid.uuid4().hex
    sender = uuid.uuid4().hex
    log_dir = ARTIFACTS / "privacy-logs"
    marker = f"zq{uuid.uuid4().hex[:8]}"  # a harmless word: user text must not reach the logs at all
    started = time.time() - 1
    servers = Servers(rasa_port=5125, action_port=5175, web_port=None, log_dir=log_dir, debug=True, api_token=token)
    messages = [
        f"hej jag heter {personal_data['name']} och min son {personal_data['child']} är 15 år",
        f"mitt personnummer är {personal_data['personnummer']} och ni når mig på {personal_data['phone']}",
        f"vi bor på {personal_data['address']} i Tensta, mejla {personal_data['email']}",
        f"{personal_data['child']} har börjat hänga med ett gäng {marker}",
    ]
    try:
        servers.start()
        replies = [post_message(f"{servers.rasa_url}/webhooks/rest/webhook", sender, text) for text in messages]
        assert any(m.get("custom") for m in replies[-1]), "the bot still routes the scrubbed message"
        url = f"{servers.rasa_url}/conversations/{sender}/tracker?token={token}"
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - our own server
            tracker = answer.read().decode()
    finally:
        servers.stop()

    tracker_data = json.loads(tracker)
    user_texts = [e["text"] for e in tracker_data["events"] if e["event"] == "user"]
    assert any("«namn»" in t for t in user_texts) and any("«telefon»" in t for t in user_texts)
    assert any("Tensta" in t for t in user_texts), "place names survive for routing"

    for value in personal_data.values():
        assert value not in tracker, f"tracker keeps {value!r}"
    logs = "".join(p.read_text(encoding="utf-8", errors="replace") for p in log_dir.glob("*.log"))
    assert "DEBUG" in logs, "the servers really ran at DEBUG"
    for value in [*personal_data.values(), marker]:
        assert value not in logs, f"a log keeps {value!r}"
    assert "127.0.0.1" not in logs, "the client's address is not logged"

    written = _files_written_since(started, [paths.PROJECT_ROOT, Path(tempfile.gettempdir())])
    assert written, "the check saw the files written during the run"
    for path in written:
        content = path.read_bytes().decode("utf-8", errors="replace")
        for value in personal_data.values():
            assert value not in content, f"{path} keeps {value!r}"
