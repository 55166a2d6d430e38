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
    # A question after the greeting is for the conversation to answer.
    question = _classified("hallå? vem kan jag ringa ikväll?", ("greet", 0.6), ("ask_service", 0.2))
    _keep_small_talk_small(question, "hallå? vem kan jag ringa ikväll?")
    assert question.get("intent")["name"] == "ask_service"


def test_the_situation_network_learns_saves_and_answers_alike_after_loading(tmp_path):
    from bot.rasa_adapters.components import SituationNetworkClassifier

    # Four classes, each with its own block of columns: a separable problem the network must learn.
    rows = sparse_random(80, 200, density=0.02, format="csr", random_state=2)
    labels = [f"intent_{i % 4}" for i in range(80)]
    rows = rows.tolil()
    for i in range(80):
        rows[i, 150 + (i % 4) * 10] = 3.0
    rows = rows.tocsr()
    storage, resource = LocalModelStorage(tmp_path), Resource("situations")
    config = {**SituationNetworkClassifier.get_default_config(), "members": 2, "epochs": 30, "batch": 16}
    component = SituationNetworkClassifier(config, "clf", storage, resource)
    from rasa.shared.nlu.training_data.training_data import TrainingData
    examples = [_message(rows[i]) for i in range(80)]
    for message, label in zip(examples, labels, strict=True):
        message.set("intent", label)
    component.train(TrainingData(examples))
    answered = component.process([_message(rows[i]) for i in range(8)])
    assert [m.get("intent")["name"] for m in answered] == labels[:8]
    assert all(abs(sum(r["confidence"] for r in m.get("intent_ranking")) - 1.0) < 1e-6 for m in answered)

    from unittest.mock import Mock
    loaded = SituationNetworkClassifier.load(config, storage, resource, Mock(node_name="clf"))
    again = loaded.process([_message(rows[i]) for i in range(8)])
    for first, second in zip(answered, again, strict=True):
        assert first.get("intent_ranking") == second.get("intent_ranking")


def test_scaled_counts_weigh_a_long_message_as_much_as_a_short_one():
    from scipy.sparse import csr_matrix

    from bot.situation_model import scaled

    rows = scaled(csr_matrix(np.array([[1.0, 0.0, 0.0], [4.0, 4.0, 0.0], [0.0, 0.0, 0.0]])))
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    assert norms[:2] == pytest.approx([1.0, 1.0])
    assert norms[2] == 0.0  # an empty message stays empty, no division by zero
    assert rows[1, 0] == pytest.approx(rows[1, 1])


def test_the_calm_reading_of_a_maybe_danger_stays_second_in_the_ranking():
    from bot.rasa_adapters.components import _calm_reading, _force_intent

    # The situation classifier's own danger guess gives way as for any message the danger rules did not take.
    message = _classified("vi har möte med soc idag", ("acute_danger", 0.4), ("ask_process", 0.35), ("worried_gang", 0.1))
    _calm_reading(message, "vi har möte med soc idag")
    _force_intent(message, "acute_danger_maybe")
    names = [r["name"] for r in message.get("intent_ranking")]
    assert names[:2] == ["acute_danger_maybe", "ask_process"] and "acute_danger" not in names


@pytest.mark.parametrize(("text", "named"), [("soc nummer?", True), ("vad är bris nummer", True),
                                             ("vilka nummer kan jag ringa", False), ("nummer", False)])
def test_a_number_asked_for_a_named_service_is_that_services_not_the_fixed_list(text, named):
    from bot.rasa_adapters.components import _names_a_service

    assert _names_a_service(text) is named


@pytest.mark.parametrize("config", [{}, {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 5}])
def test_the_batched_featurizer_gives_each_training_message_the_features_rasa_would(tmp_path, config):
    from unittest.mock import Mock

    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
    from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from bot.rasa_adapters.components import BatchedCountVectorsFeaturizer

    texts = ["min son hänger med äldre killar", "hjälp han har en kniv", "tack", "vad gör soc", "min son min son"]

    def training_data() -> TrainingData:
        examples = [Message(data={TEXT: t, "intent": f"i{n % 2}"}) for n, t in enumerate(texts)]
        data = TrainingData(examples)
        tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
        tokenizer.process_training_data(data)
        return data

    features = []
    for cls in (CountVectorsFeaturizer, BatchedCountVectorsFeaturizer):
        (tmp_path / cls.__name__).mkdir()
        storage = LocalModelStorage(tmp_path / cls.__name__)
        featurizer = cls.create({**cls.get_default_config(), **config}, storage, Resource("cvf"),
                                Mock(node_name="cvf", is_finetuning=False))
        data = training_data()
        featurizer.train(data)
        featurizer.process_training_data(data)
        features.append([(f.attribute, f.type, f.features.toarray().tolist()) for m in data.training_examples
                         for f in m.features])
    assert features[0] and features[0] == features[1]


def test_a_message_that_is_only_ages_is_no_danger_from_the_classifier_alone():
    from bot.rasa_adapters.components import _only_ages
    assert _only_ages("De är 7 och 10") and _only_ages("han är 15 år") and _only_ages("15")
    assert not _only_ages("hon är 15 och han har en kniv")
