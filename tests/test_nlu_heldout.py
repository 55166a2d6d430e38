"""The trained model on the evaluation sets that training never sees, as a new user meets it.

* The real-language corpus's test part: sources (web sites) that are in neither training nor tuning.
* Held-out sets 1 and 2 (older, written in the style of the training data): they must not fall.
* The danger sets: tests/data/danger_after_change.yml was written after the danger rules were last
  changed; tests/data/danger_fresh.yml guided that change and is kept as a regression guard.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot import corpus, nlp
from bot.evaluation import corpus_samples, danger_samples, evaluate, heldout_samples, load_agent
from bot.guide import Guide
from bot.training import MODEL_FILE

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def agent():
    assert MODEL_FILE.exists(), "train first: bot train (the test command does)"
    return load_agent(MODEL_FILE)


@pytest.fixture(scope="module")
def guide():
    return Guide(lemmatize=nlp.lemmas)


def test_real_language_from_sources_never_trained_on(agent, guide):
    items = corpus.part("test")
    trained_sources = {i.domain for i in corpus.part("train")} | {i.domain for i in corpus.part("dev")}
    assert len(items) >= 200 and not {i.domain for i in items} & trained_sources
    report = evaluate(agent, guide, corpus_samples(items))
    print("\n" + report.summary())
    assert report.first_kind_accuracy >= 0.90
    assert report.danger_first == 1.0
    assert report.fallback_only <= 0.03


@pytest.mark.parametrize("name", ["heldout_nlu.yml", "heldout_nlu_v2.yml"])
def test_older_heldout_sets_do_not_fall(agent, guide, name):
    report = evaluate(agent, guide, heldout_samples(guide, DATA / name))
    print("\n" + report.summary())
    assert report.first_kind_accuracy >= 0.95
    assert report.danger_first == 1.0


def test_danger_set_written_after_the_change(agent, guide):
    report = evaluate(agent, guide, danger_samples(DATA / "danger_after_change.yml"))
    print("\n" + report.summary())
    assert report.danger_first >= 0.98
    assert report.false_alarms <= 0.10


def test_danger_set_that_guided_the_change(agent, guide):
    report = evaluate(agent, guide, danger_samples(DATA / "danger_fresh.yml"))
    print("\n" + report.summary())
    assert report.danger_first >= 0.98
    assert report.false_alarms <= 0.10
