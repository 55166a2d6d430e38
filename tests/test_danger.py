"""The editable danger rule layer: words and lemmas, with and without å/ä/ö."""
from __future__ import annotations

import textwrap

import pytest

from bot import nlp
from bot.danger import DangerRulesError, DangerWatcher, load_danger_rules

RULES = load_danger_rules()


@pytest.mark.parametrize(
    "text",
    [
        "han har en kniv",
        "de ska skjuta honom ikväll",
        "dom ska skjuta nån ikvall",
        "jag hör skott utanför",
        "det pågår en skottlossning på torget",
        "min syster är kidnappad",
        "han planerar ett attentat mot skolan",
        "HAN HAR ETT VAPEN I VÄSKAN",
        "de misshandlar en kille på gården just nu",
        "det är akut fara",
    ],
)
def test_danger_is_recognised(text):
    assert RULES.match(text, nlp.lemmas(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "jag är orolig för min son",
        "min son blev skjuten förra året och vi behöver prata med någon",
        "vad är våldsbejakande extremism",
        "han lyssnar på vit makt-musik",
        "jag vill lämna gänget",
        "tack för hjälpen",
    ],
)
def test_worry_without_danger_is_not_an_emergency(text):
    assert RULES.match(text, nlp.lemmas(text)) is None


def test_lemmas_catch_inflections_the_words_do_not():
    text = "han visade knivarna"
    words_only = RULES.match(text)
    with_lemmas = RULES.match(text, nlp.lemmas(text))
    assert words_only is None and with_lemmas == "weapon"


def test_broken_rules_file_names_file_and_line(tmp_path):
    path = tmp_path / "danger.yml"
    path.write_text(textwrap.dedent("""\
        patterns:
          - id: a
            any: [kniv]
          - id: b
            sometimes: [x]
        """), encoding="utf-8")
    with pytest.raises(DangerRulesError, match=r"danger.yml:4: mönstret 'b' behöver 'all:'"):
        load_danger_rules(path)


def test_watcher_keeps_last_valid_rules_after_broken_edit(tmp_path):
    path = tmp_path / "danger.yml"
    path.write_text("patterns:\n  - id: a\n    any: [kniv]\n", encoding="utf-8")
    watcher = DangerWatcher(load_danger_rules(path), path, check_every=0)
    path.write_text("patterns:\n  - id: a\n    any: [kniv, granat]\n", encoding="utf-8")
    assert watcher.current().match("en granat") == "a"
    path.write_text("patterns: [oops\n", encoding="utf-8")
    assert watcher.current().match("en granat") == "a"
