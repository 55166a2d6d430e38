"""The real-language corpus: every message has a public source, and the parts never leak into training."""
from __future__ import annotations

import re
from collections import Counter

from bot import corpus, paths, situations
from bot.catalogue import KINDS
from bot.danger_model import labelled_examples

WRITERS = {"parent", "relative", "young", "staff", "victim", "witness", "other"}


def training_examples() -> set[str]:
    found = set()
    for path in (paths.DATA_DIR / "nlu").glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("- "):
                found.add(" ".join(line.strip()[2:].split()).lower())
    return found


def danger_classifier_examples() -> set[str]:
    return {" ".join(text.split()).lower() for text, _ in labelled_examples()}


def test_every_message_has_a_source_a_writer_and_valid_labels():
    items = corpus.load()
    assert len(items) >= 2400
    for item in items:
        assert re.match(r"^https?://", item.source), item.id
        assert item.writer in WRITERS, item.id
        assert situations.is_situation(item.situation), item.id
        assert set(item.kinds) <= set(KINDS), item.id
        assert not item.danger or item.situation == situations.DANGER, item.id


def test_no_source_site_is_in_two_parts():
    parts: dict[str, set[str]] = {}
    for item in corpus.load():
        parts.setdefault(item.domain, set()).add(item.part)
    assert all(len(found) == 1 for found in parts.values())


def test_no_dev_or_test_message_is_in_the_training_data():
    trained = training_examples() | danger_classifier_examples()
    leaked = [i.id for i in corpus.load() if i.part != "train" and " ".join(i.text.split()).lower() in trained]
    assert leaked == []


def test_the_training_file_is_built_from_the_training_part():
    trained = training_examples()
    train = corpus.training_items()
    present = sum(1 for i in train if " ".join(re.sub(r"[\[\]{}]", "", i.text).split()).lower() in trained)
    assert present == len(train), "run scripts/build_corpus.py"


def test_the_danger_classifier_gets_the_other_rounds_of_the_training_part():
    examples = danger_classifier_examples()
    other = [i for i in corpus.part("train") if i.round not in corpus.TRAINING_ROUNDS]
    assert other and all(" ".join(re.sub(r"[\[\]{}]", "", i.text).split()).lower() in examples for i in other), \
        "run scripts/build_corpus.py"


def test_the_held_out_part_covers_writers_and_registers():
    test = corpus.part("test")
    assert len(test) >= 200
    writers = Counter(i.writer for i in test)
    registers = Counter(i.register for i in test if i.how == "paraphrase")
    assert len(writers) >= 5 and len(registers) >= 5
    assert sum(i.danger for i in test) >= 20


def test_the_evaluation_counts_each_register_apart():
    from bot.evaluation import Outcome, Report, corpus_samples, per_register
    from bot.reply import Reply

    items = corpus.part("dev")
    collected = next(i for i in items if not i.register)
    no_diacritics = next(i for i in items if i.register == "no_diacritics")
    samples = corpus_samples([collected, no_diacritics])
    assert [s.register for s in samples] == ["", "no_diacritics"]
    report = Report([Outcome(s, s.gold, Reply(route="test", text="", cards=()), 0.0) for s in samples])
    expected = {"collected": (int(report.outcomes[0].acceptable), 1),
                "no_diacritics": (int(report.outcomes[1].acceptable), 1)}
    assert per_register(report) == expected


def test_the_danger_classifier_gets_the_turns_of_the_conversation_sets_read_while_mending():
    import importlib.util

    from bot.paths import PROJECT_ROOT
    spec = importlib.util.spec_from_file_location("build_conversation_examples",
                                                  PROJECT_ROOT / "scripts" / "build_conversation_examples.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.TARGET.read_text(encoding="utf-8") == builder.render(), "run scripts/build_conversation_examples.py"
    assert set(builder.READ_SETS) == {"a", "c", "d", "p"}  # the sets read while mending; the others measure it
