"""The project's Rasa components behave as the Rasa components they replace (bot.rasa_adapters.components)."""
from __future__ import annotations

import copy

import numpy as np
import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import random as sparse_random

from bot.rasa_adapters.components import SparseLogisticRegressionClassifier


def _message(row) -> Message:
    message = Message(data={TEXT: "x"})
    message.add_features(Features(row, "sentence", TEXT, "CountVectorsFeaturizer"))
    return message


def test_the_sparse_classifier_ranks_exactly_as_sklearn_after_reordering_its_weights(tmp_path):
    rows = sparse_random(60, 400, density=0.05, format="csr", random_state=1)
    labels = [f"intent_{i % 4}" for i in range(60)]
    component = SparseLogisticRegressionClassifier(
        SparseLogisticRegressionClassifier.get_default_config(), "clf", LocalModelStorage(tmp_path), Resource("clf"))
    component.clf.fit(rows, labels)
    untouched = copy.deepcopy(component.clf)
    messages = component.process([_message(rows[i]) for i in range(10)])
    assert component.clf.coef_.flags.f_contiguous
    expected = untouched.predict_proba(rows[:10])
    for message, probabilities in zip(messages, expected, strict=True):
        ranking = {r["name"]: r["confidence"] for r in message.get("intent_ranking")}
        assert [ranking[name] for name in untouched.classes_] == pytest.approx(list(probabilities), abs=1e-12)
        assert message.get("intent")["name"] == untouched.classes_[int(np.argmax(probabilities))]


def _classified(text: str, *ranking: tuple[str, float]) -> Message:
    message = Message(data={TEXT: text})
    message.set("intent", {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    return message


def test_a_fixed_greeting_only_for_a_greeting():
    from bot.rasa_adapters.components import _keep_small_talk_small

    hello = _classified("hej", ("greet", 0.9), ("goodbye", 0.05))
    _keep_small_talk_small(hello, "hej")
    assert hello.get("intent")["name"] == "greet"
    leaving = _classified("ok hej", ("greet", 0.8), ("goodbye", 0.1))
    _keep_small_talk_small(leaving, "ok hej")
    assert leaving.get("intent")["name"] == "goodbye"
    # Not "are you a bot?", and not danger either: the danger decision was made before, by the danger rules.
    police_here = _classified("polisen är här nu och pratar med dem",
                              ("bot_challenge", 0.5), ("acute_danger", 0.2), ("privacy_question", 0.15))
    _keep_small_talk_small(police_here, "polisen är här nu och pratar med dem")
    assert police_here.get("intent")["name"] == "privacy_question"
