"""Before Rasa: cleaning, length cap, other languages, rate limit."""
from __future__ import annotations

import pytest
import yaml

from bot import paths
from bot.intake import EMPTY_TEXT, MAX_MESSAGE_CHARS, TOO_LONG_TEXT, RateLimiter, clean, take
from bot.language import detect

URGENT = "Är någon i fara just nu? Ring 112 direkt."


def emergency_number() -> str:
    national = yaml.safe_load((paths.RESOURCES_DIR / "national.yml").read_text(encoding="utf-8"))["resources"]
    return next(r for r in national if r["id"] == "police_emergency")["phones"][0]["number"]


@pytest.mark.parametrize("raw", ["", "   ", "\n\t\n", "\x00\x01", "\u200b\u200e"])
def test_empty_messages_get_a_clear_answer_without_rasa(raw):
    intake = take(raw, URGENT)
    assert intake.text is None and intake.instead == (EMPTY_TEXT, URGENT)


def test_huge_message_is_capped_and_the_user_is_told():
    intake = take("min son är med i ett gäng " * 5000, URGENT)
    assert len(intake.text) == MAX_MESSAGE_CHARS and intake.before == (TOO_LONG_TEXT,)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("hej\x00 där", "hej där"), ("a\u202eb", "a b"), ("e\u0301", "é"), ("rad1\r\nrad2", "rad1\nrad2"),
     ("\ud800hej", "?hej"), ("🙂 hej", "🙂 hej"), ("مرحبا", "مرحبا")],
)
def test_cleaning(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(("text", "code"), [("my son is in a gang and I am scared", "en"),
                                            ("ابني في خطر ماذا أفعل", "ar"), ("Мой сын в банде", "other"),
                                            ("min son är i ett gäng", "sv"), ("hello", "sv")])
def test_language_detection(text, code):
    assert detect(text) == code


@pytest.mark.parametrize("text", ["my son is in a gang and I am scared", "ابني في خطر ماذا أفعل", "Мой сын в банде"])
def test_other_languages_get_the_emergency_number_in_a_language_they_read(text):
    intake = take(text, URGENT)
    assert intake.text is None
    assert emergency_number() in intake.instead[0]
    assert "Svenska" not in intake.instead[0]


def test_english_reply_lists_channels_that_answer_in_english():
    intake = take("my brother wants to leave the gang, who can help", URGENT)
    assert len(intake.instead) == 2 and "English" in intake.instead[1]
    assert "114 14" in intake.instead[1] or "•" in intake.instead[1]


def test_rate_limiter_allows_a_burst_then_refills():
    now = [0.0]
    limiter = RateLimiter(per_minute=30, burst=5, clock=lambda: now[0])
    assert all(limiter.allow("a") for _ in range(5))
    assert not limiter.allow("a")
    assert limiter.allow("b"), "another client has its own bucket"
    now[0] += 2.0  # 30 per minute: one token every 2 s
    assert limiter.allow("a") and not limiter.allow("a")


def test_rate_limiter_keeps_no_client_address():
    limiter = RateLimiter(per_minute=30, burst=5)
    limiter.allow("192.0.2.44")
    assert all("192.0.2.44" not in key for key in limiter._buckets)


def test_rate_limit_can_be_switched_off_for_benchmarks(monkeypatch):
    monkeypatch.setenv("VAGVISAREN_RATE_LIMIT_PER_MINUTE", "0")
    limiter = RateLimiter.from_environment(30, 5)
    assert all(limiter.allow("a") for _ in range(100))
