"""The trained model on the held-out sets, which training never sees."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot import nlp
from bot.evaluation import HELDOUT_FILE, danger_on_fresh_set, evaluate_agent, load_agent, load_heldout
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


def test_first_heldout_set_meets_the_acceptance_figures(agent, guide):
    report = asyncio.run(evaluate_agent(agent, guide, load_heldout(HELDOUT_FILE)))
    print("\n" + report.summary())
    assert len(report.outcomes) >= 200
    assert report.intent_accuracy >= 0.95
    assert report.first_kind_accuracy >= 0.95
    assert report.danger_first == 1.0


def test_second_heldout_set_written_after_tuning(agent, guide):
    """Set 1 guided the tuning of data/danger.yml and the training data; set 2 did not. Regression guard."""
    report = asyncio.run(evaluate_agent(agent, guide, load_heldout(DATA / "heldout_nlu_v2.yml")))
    print("\n" + report.summary())
    assert report.intent_accuracy >= 0.88
    assert report.danger_first >= 0.9


def test_fresh_danger_set(agent, guide):
    hits, dangerous, alarms, near_misses = asyncio.run(danger_on_fresh_set(agent, guide, DATA / "danger_fresh.yml"))
    print(f"\nfresh danger set: 112 first for {hits}/{dangerous} dangerous messages, "
          f"for {alarms}/{near_misses} near misses")
    assert hits / dangerous >= 0.93
    assert alarms / near_misses <= 0.35
