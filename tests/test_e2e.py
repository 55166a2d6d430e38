"""End to end through the real Rasa server, the real action server and the scrubbing REST channel."""
from __future__ import annotations

import shutil
import time
import uuid
from pathlib import Path

import pytest
import yaml

from bot import paths
from bot.cli import post_message
from bot.servers import Servers

pytestmark = pytest.mark.e2e
ARTIFACTS = paths.PROJECT_ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory) -> Path:
    """A private copy of the editors' data, so tests can edit it while the bot runs."""
    target = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(paths.DATA_DIR, target)
    return target


@pytest.fixture(scope="module")
def bot(data_copy):
    servers = Servers(rasa_port=5105, action_port=5155, web_port=None, log_dir=ARTIFACTS / "e2e-logs",
                      extra_env={"VAGVISAREN_DATA_DIR": str(data_copy)})
    servers.start()
    yield servers
    servers.stop()


def chat(servers: Servers, text: str, sender: str | None = None) -> list[dict]:
    return post_message(f"{servers.rasa_url}/webhooks/rest/webhook", sender or uuid.uuid4().hex, text)


def resources_of(messages: list[dict]) -> list[dict]:
    return [r for m in messages if m.get("custom") for r in m["custom"]["resources"]]


def resource_yaml(data_dir: Path, file_name: str, resource_id: str) -> dict:
    document = yaml.safe_load((data_dir / "resources" / file_name).read_text(encoding="utf-8"))
    return next(r for r in document["resources"] if r["id"] == resource_id)


def test_swedish_greeting(bot):
    messages = chat(bot, "hej")
    assert "Vägvisaren" in messages[0]["text"] and "hjälper dig" in messages[0]["text"]
    assert messages[0]["buttons"]


def test_imminent_danger_gets_the_emergency_number_first(bot, data_copy):
    emergency = resource_yaml(data_copy, "national.yml", "police_emergency")
    messages = chat(bot, "min son säger att gänget ska skjuta någon i kväll")
    assert emergency["phones"][0]["number"] in messages[0]["text"]  # the static answer, before anything else
    resources = resources_of(messages)
    assert resources[0]["id"] == "police_emergency" and resources[0]["kind"] == "emergency"


def test_a_maybe_danger_gets_112_first_until_help_without_danger(bot, data_copy):
    # The danger classifier is unsure and only "idag" says now: the static 112 answer, as for danger, also after
    # the web chat's greeting; after help without danger (the `helped` slot) the routing action reads it as the
    # conversation going on.
    number = resource_yaml(data_copy, "national.yml", "police_emergency")["phones"][0]["number"]
    static = yaml.safe_load((paths.PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]["utter_emergency"][0]["text"]
    # A text in the middle of the classifier's unsure band (P about 0.43 with the model of session 12): retraining
    # moves such texts, so one near the band's edge would test the model rather than the dialogue.
    maybe = "hon säger att hon inte vågar gå ut idag"
    first = chat(bot, maybe)
    assert first[0]["text"] == static and number in static and resources_of(first)[0]["kind"] == "emergency"
    greeted = uuid.uuid4().hex
    chat(bot, "hej", greeted)
    after_greeting = chat(bot, maybe, greeted)
    assert after_greeting[0]["text"] == static and resources_of(after_greeting)[0]["kind"] == "emergency"
    sender = uuid.uuid4().hex
    assert resources_of(chat(bot, "min son hänger med ett gäng i centrum", sender))
    later = chat(bot, maybe, sender)
    assert all(m.get("text") != static for m in later)
    assert all(r["kind"] != "emergency" for r in resources_of(later))
    # The number stays in sight in words: the classifier saw something.
    assert any(number in (m.get("text") or "") for m in later)


def test_contact_comes_from_the_yaml_through_the_action_server(bot, data_copy):
    coordinator = resource_yaml(data_copy, "botkyrka.yml", "botkyrka_trygghetssamordnare")
    sender = uuid.uuid4().hex
    first = chat(bot, "jag är orolig att min dotter radikaliseras på nätet", sender)
    assert resources_of(first), "help first: contacts in the first reply"
    messages = chat(bot, "vi bor i botkyrka", sender)
    resources = resources_of(messages)
    assert resources[0]["id"] == "botkyrka_trygghetssamordnare"
    assert resources[0]["phones"][0]["number"] == coordinator["phones"][0]["number"]


def test_hot_reload_without_restart(bot, data_copy):
    path = data_copy / "resources" / "national.yml"
    original = path.read_text(encoding="utf-8")
    old = resource_yaml(data_copy, "national.yml", "bris")["name"]
    try:
        path.write_text(original.replace(f'name: "{old}"', 'name: "Bris – stödlinjen (uppdaterad)"'), encoding="utf-8")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            names = [r["name"] for r in resources_of(chat(bot, "jag är 14 och vet inte vad jag ska göra, de tvingar mig sälja"))]
            if "Bris – stödlinjen (uppdaterad)" in names:
                break
            time.sleep(0.5)
        assert "Bris – stödlinjen (uppdaterad)" in names
    finally:
        path.write_text(original, encoding="utf-8")


def test_broken_edit_keeps_the_last_valid_catalogue(bot, data_copy):
    path = data_copy / "resources" / "national.yml"
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original.replace("kind: helpline", "kind: [trasig", 1), encoding="utf-8")
        time.sleep(1.5)
        resources = resources_of(chat(bot, "jag är orolig att min bror håller på att radikaliseras"))
        assert resources and resources[0]["id"] == "orostelefonen"
        log = (ARTIFACTS / "e2e-logs" / "actions.log").read_text(encoding="utf-8")
        assert "national.yml" in log and "still serving the last valid version" in log
    finally:
        path.write_text(original, encoding="utf-8")


def test_out_of_scope_gets_a_polite_answer_without_the_police(bot):
    messages = chat(bot, "när töms soptunnorna i mitt område")
    kinds = {r["kind"] for r in resources_of(messages)}
    assert not kinds & {"police", "emergency"}
    assert "kan jag tyvärr inte svara på" in messages[0]["text"]
