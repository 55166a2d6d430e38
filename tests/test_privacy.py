"""The privacy filter: every kind of personal data goes, and what routing needs stays."""
from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from bot import paths
from bot.privacy import ADDRESS, EMAIL, NAME, PERSONAL_NUMBER, PHONE, Scrubber, default_scrubber, scrub

PII_SET = paths.PROJECT_ROOT / "tests" / "data" / "pii_messages.yml"


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("850101-1234", PERSONAL_NUMBER), ("8501011234", PERSONAL_NUMBER), ("198501011234", PERSONAL_NUMBER),
        ("19850101-1234", PERSONAL_NUMBER), ("121212+1212", PERSONAL_NUMBER),
        ("850161-1234", PERSONAL_NUMBER),  # samordningsnummer: day + 60
        ("070-123 45 67", PHONE), ("0701234567", PHONE), ("070 123 45 67", PHONE), ("+46 70 123 45 67", PHONE),
        ("+46701234567", PHONE), ("08-123 456 78", PHONE), ("08-12 34 56", PHONE), ("0046 70 123 45 67", PHONE),
        ("+44 20 7946 0958", PHONE),
        ("anna.svensson@example.se", EMAIL), ("x_y+z@mail.example.com", EMAIL),
        ("Storgatan 12", ADDRESS), ("Hallundavägen 5B", ADDRESS), ("Tenstagången 3, lgh 1102", ADDRESS),
        ("Alby torg 3", ADDRESS), ("Kvarnbacksvägen 28 nb", ADDRESS), ("145 70", ADDRESS), ("14570", ADDRESS),
    ],
)
def test_each_pattern_is_replaced(text, placeholder):
    assert scrub(f"det är {text} ok") == f"det är {placeholder} ok"


@pytest.mark.parametrize(
    "text",
    [
        "ring 112 nu", "ring 114 14", "orostelefonen 020-100 200", "brottsofferjouren 116 006", "bris 116 111",
        "ring 90101", "ring 1177", "113 13", "min son är 15 år", "hon är 16-årig", "sedan 2019", "år 2023",
        "ikväll kl 21:30", "den 3 maj", "han har skulder på 20000 kr", "vi bor i Tensta", "vi bor i alby",
        "det hände en dag i fredags", "300 kr per vecka", "hela livet", "min son och polisen", "socialtjänsten i Botkyrka",
        "var ska vi bo", "hans bror", "han vill klara sig", "max 10 minuter", "Göteborg", "Rinkeby",
    ],
)
def test_what_routing_needs_survives(text):
    assert scrub(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jag heter anna svensson", f"jag heter {NAME}"),
        ("min son Ali är 15", f"min son {NAME} är 15"),
        ("min son ali är 15", f"min son {NAME} är 15"),
        ("hon heter Saga", f"hon heter {NAME}"),
        ("han heter per", f"han heter {NAME}"),
        ("läraren Johansson sa", f"läraren {NAME} sa"),
        ("Mohammed Hassan och Fatima", f"{NAME} och {NAME}"),
        ("en dag", "en dag"),
    ],
)
def test_names_in_lower_and_upper_case(text, expected):
    assert scrub(text) == expected


def test_named_entities_from_the_full_pipeline_are_used_when_available():
    scrubber = Scrubber(frozenset(), frozenset(), frozenset(), frozenset(), frozenset,
                        person_entities=lambda text: [(text.index("Zlatan"), text.index("Zlatan") + 6)])
    assert scrubber.scrub("min kompis Zlatan") == f"min kompis {NAME}"


def test_recall_on_the_chat_style_test_set():
    messages = yaml.safe_load(PII_SET.read_text(encoding="utf-8"))["messages"]
    assert len(messages) >= 100
    scrubber = default_scrubber()
    total = missed = kept = lost = 0
    for message in messages:
        output = scrubber.scrub(message["text"])
        total += len(message["pii"])
        missed += sum(1 for item in message["pii"] if item in output)
        kept += len(message["keep"])
        lost += sum(1 for item in message["keep"] if item not in output)
    recall = 1 - missed / total
    print(f"\nPII recall {recall:.1%} ({total - missed}/{total}); routing words removed: {lost}/{kept}")
    assert recall >= 0.98
    assert lost == 0


def test_bot_scrub_reads_lines_from_stdin():
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "scrub"], input="ring mig 070-123 45 67\nvi bor i Husby\n",
        capture_output=True, text=True, check=True, cwd=paths.PROJECT_ROOT,
    )
    assert result.stdout == f"ring mig {PHONE}\nvi bor i Husby\n"


def test_scrubbing_is_idempotent():
    once = scrub("jag heter Anna, 070-123 45 67, Storgatan 1")
    assert scrub(once) == once
