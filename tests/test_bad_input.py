"""Bad input and abuse against the real public endpoint: never a 5xx, always a clear answer or a 4xx."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import paths
from bot.servers import Servers

pytestmark = pytest.mark.e2e
LOGS = paths.PROJECT_ROOT / "tests" / "artifacts" / "bad-input-logs"


def post(url: str, body: bytes, content_type: str = "application/json") -> tuple[int, object]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 - our own server
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw)
        except ValueError:
            return error.code, raw


@pytest.fixture(scope="module")
def bot():
    servers = Servers(rasa_port=5230, action_port=5280, web_port=None, log_dir=LOGS,
                      extra_env={"VAGVISAREN_RATE_LIMIT_PER_MINUTE": "0"})
    servers.start()
    yield f"{servers.rasa_url}/webhooks/rest/webhook"
    servers.stop()


def send(url: str, message: object, sender: object = None) -> tuple[int, object]:
    body = {"sender": sender if sender is not None else uuid.uuid4().hex, "message": message}
    return post(url, json.dumps(body).encode())


def texts(answer: object) -> str:
    return " ".join(m.get("text", "") for m in answer) if isinstance(answer, list) else ""


@pytest.mark.parametrize("message", ["", "   ", "\n\n", "\u200b"])
def test_empty_message_gets_a_swedish_prompt(bot, message):
    status, answer = send(bot, message)
    assert status == 200 and "Skriv gärna några ord" in texts(answer) and "112" in texts(answer)


def test_100_kb_message(bot):
    status, answer = send(bot, "min son har börjat hänga med ett gäng " * 2700)
    assert status == 200 and "mycket långt" in texts(answer)
    assert any(m.get("custom") for m in answer), "the capped message is still routed"


@pytest.mark.parametrize("message", ["🙂🙂🙂", "‏مرحبا‎ hej", "hej\x00\x07 där", "ｍｉｎ ｓｏｎ", "\ud83d"])
def test_odd_characters(bot, message):
    status, answer = send(bot, message)
    assert status == 200 and isinstance(answer, list) and answer


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(b"not json", "application/json"), (b"\xff\xfe\xfa", "application/json"), (b"", "application/json"),
     (b"[1, 2]", "application/json"), (b'{"message": "hej"}', "application/json"),
     (b'{"sender": "", "message": "hej"}', "application/json"),
     (json.dumps({"sender": "x" * 1000, "message": "hej"}).encode(), "application/json"),
     (b'{"sender": "../../etc", "message": "hej"}', "application/json"),
     (b'{"sender": "abc", "message": 42}', "application/json"),
     (b"sender=abc&message=hej", "application/x-www-form-urlencoded")],
)
def test_malformed_requests_get_a_4xx_with_a_reason(bot, body, content_type):
    status, answer = post(bot, body, content_type)
    assert 400 <= status < 500 and isinstance(answer, dict) and answer["error"]


def test_english_gets_an_english_answer_with_the_emergency_number(bot):
    status, answer = send(bot, "my son is in a gang and they are threatening him")
    assert status == 200 and "This chat is in Swedish" in texts(answer) and "112" in texts(answer)


def test_html_comes_back_as_plain_text_never_markup(bot):
    status, answer = send(bot, "<script>alert(1)</script><img src=x onerror=alert(1)> min son och gänget")
    assert status == 200
    for message in answer:
        assert "<script" not in message.get("text", "") and "onerror" not in json.dumps(message)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=8,
)
valid_sender = st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True)
well_formed = st.fixed_dictionaries({"sender": valid_sender, "message": st.text(max_size=3000)}).map(
    lambda d: json.dumps(d).encode())
bodies = st.one_of(
    well_formed,
    well_formed,
    st.binary(max_size=300),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"sender": st.one_of(st.text(max_size=80), valid_sender, json_values),
                           "message": st.one_of(st.text(max_size=3000), json_values)},
                          optional={"area": st.one_of(st.text(max_size=20), st.sampled_from(["botkyrka", "stockholm:jarva"])),
                                    "metadata": json_values})
    .map(lambda d: json.dumps(d).encode()),
)


def test_fuzz_2000_requests_never_give_a_server_error(bot):
    statuses: list[int] = []

    @settings(max_examples=2000, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(bodies)
    def one_request(body: bytes) -> None:
        status, _ = post(bot, body)
        statuses.append(status)
        assert status < 500, body

    one_request()
    print(f"\nfuzz: {len(statuses)} requests, "
          f"{sum(s == 200 for s in statuses)} answered, {sum(400 <= s < 500 for s in statuses)} rejected with 4xx, "
          f"{sum(s >= 500 for s in statuses)} server errors")
    assert len(statuses) >= 2000


def test_rate_limit_gives_a_friendly_message():
    servers = Servers(rasa_port=5240, action_port=5290, web_port=None, log_dir=LOGS / "rate")
    try:
        servers.start()
        url = f"{servers.rasa_url}/webhooks/rest/webhook"
        sender = uuid.uuid4().hex
        statuses = [send(url, "hej", sender) for _ in range(25)]
        assert statuses[0][0] == 200
        limited = [answer for status, answer in statuses if status == 429]
        assert limited, "the 16th message within seconds is over the limit"
        assert "Vänta en liten stund" in texts(limited[0]) and "112" in texts(limited[0])
    finally:
        servers.stop()
