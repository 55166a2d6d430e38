"""The danger classifier and how it decides together with the editors' patterns (bot.danger_model)."""
from __future__ import annotations

import pytest

from bot import editors_data, situations
from bot.conversation.understanding import Message, understand
from bot.danger_model import DangerModel, DangerSettings, decide, labelled_examples, weighted_examples
from bot.places import default_gazetteer

SETTINGS = DangerSettings(threshold=0.3, veto=0.1, sure=0.7, likely=0.5)


def test_a_pattern_counts_unless_the_classifier_is_nearly_sure_it_is_not_danger():
    assert decide("weapon", False, 0.5, settings=SETTINGS) == "weapon"
    assert decide("weapon", False, 0.1, settings=SETTINGS) == "weapon"
    assert decide("weapon", False, 0.05, words=8, settings=SETTINGS) is None
    # In a message of a few words, the pattern's words are all there is: "beväpnad man i köpcentrumet".
    assert decide("armed_people", False, 0.05, words=4, settings=SETTINGS) == "armed_people"


def test_a_pattern_marked_any_time_is_never_overruled():
    assert decide("explicit_emergency", True, 0.0, settings=SETTINGS) == "explicit_emergency"


def test_the_classifier_alone_counts_from_its_threshold_with_a_now_and_in_what_editors_call_harmless_only_when_sure():
    assert decide(None, False, 0.29, says_now=True, settings=SETTINGS) is None
    assert decide(None, False, 0.3, says_now=True, settings=SETTINGS) == "danger_model"
    assert decide(None, False, 0.6, settings=SETTINGS) is None
    assert decide(None, False, 0.7, settings=SETTINGS) == "danger_model"
    assert decide(None, False, 0.9, harmless=True, says_now=True, settings=SETTINGS) is None
    # "He says it was a joke, but …": a harmless word gives way when the classifier is as good as sure.
    assert decide(None, False, SETTINGS.certain, harmless=True, settings=SETTINGS) == "danger_model"
    # Without a word of now, from `likely` on: a description of some length that nothing calms.
    assert decide(None, False, 0.55, words=6, settings=SETTINGS) == "danger_model"
    assert decide(None, False, 0.49, words=6, settings=SETTINGS) is None
    assert decide(None, False, 0.6, calm=True, words=6, settings=SETTINGS) is None
    assert decide(None, False, 0.6, words=1, settings=SETTINGS) is None
    # The danger is over ("polisen har tagit med honom nu, vi är okej"): never the classifier alone, however sure.
    assert decide(None, False, 0.99, says_now=True, safe=True, settings=SETTINGS) is None
    assert decide("weapon", False, 0.5, safe=True, settings=SETTINGS) == "weapon"  # the pattern weighed time itself
    # A harmless word does not overrule an editors' pattern: the pattern lists its own exceptions.
    assert decide("weapon", False, 0.9, harmless=True, settings=SETTINGS) == "weapon"


def test_the_kept_examples_hold_danger_and_near_misses():
    examples = labelled_examples()
    danger = sum(1 for _, is_danger in examples if is_danger)
    assert len(examples) >= 800 and 150 <= danger <= len(examples) - 300


def test_the_classifier_learns_danger_from_near_misses_and_survives_a_round_trip(tmp_path):
    examples = [
        ("han står utanför med en kniv nu", True), ("de slår honom just nu på gården", True),
        ("hjälp han har en pistol och hotar oss", True), ("ring 112 de skjuter utanför", True),
        ("han hade en kniv förra året", False), ("vi pratade om knivar i skolan", False),
        ("hur anmäler man ett gammalt hot", False), ("min son spelar skjutspel hela dagarna", False),
    ] * 3
    model = DangerModel.fit(examples, DangerSettings(C=5.0))
    now, past = model.probabilities(["han står utanför med en kniv nu", "han hade en kniv förra året"])
    assert now > 0.5 > past
    model.save(tmp_path / "danger.pkl")
    assert DangerModel.load(tmp_path / "danger.pkl").probability("han står utanför med en kniv nu") == pytest.approx(now)


def test_parse_data_carries_the_danger_probability():
    parsed = {"text": "hej", "intent": {"name": "greet", "confidence": 0.9},
              "intent_ranking": [{"name": "greet", "confidence": 0.9}], "entities": [], "danger_probability": 0.02}
    message = Message.from_parse_data(parsed)
    assert (message.intent, message.danger_probability) == ("greet", 0.02)
    assert Message.from_parse_data({"text": "hej"}).danger_probability is None


def test_the_guide_keeps_the_nlus_danger_decision_and_matches_patterns_only_without_one():
    data, gazetteer = editors_data.shared().current(), default_gazetteer()
    text = "han har en kniv"
    assert data.danger.match(text) is not None
    # No danger classifier ran (a model without it): the guide's own pattern check is the safety net.
    assert understand(Message(text=text, intent=situations.OUT_OF_SCOPE), data, gazetteer).danger
    # The NLU weighed the pattern against its classifier and said no: the guide does not overrule it.
    weighed = Message(text=text, intent=situations.OUT_OF_SCOPE, danger_probability=0.01)
    assert not understand(weighed, data, gazetteer).danger


def test_the_fast_single_message_score_equals_the_fitted_pipelines():
    examples = labelled_examples()
    model = DangerModel.fit(examples[::3])
    # Unseen texts too, with n-grams outside the vocabulary, repeated words and an empty message.
    texts = [text for text, _ in examples[1::7]] + ["kniv kniv kniv KNIV nu!!", "", "xyzzy qwerty"]
    assert [model.probability(text) for text in texts] == pytest.approx(model.probabilities(texts), abs=1e-9)


def test_a_sets_weight_reaches_the_classifier(tmp_path):
    (tmp_path / "a.yml").write_text("messages:\n- text: han står utanför med kniv nu\n  danger: true\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("weight: 0.5\nmessages:\n- text: han är 14\n  danger: false\n", encoding="utf-8")
    # A set with no messages yet (scripts/build_corpus.py writes "messages:" and nothing when a round is empty).
    (tmp_path / "c.yml").write_text("messages:\n", encoding="utf-8")
    assert weighted_examples(tmp_path) == [("han står utanför med kniv nu", True, 1.0), ("han är 14", False, 0.5)]
    assert labelled_examples(tmp_path) == [("han står utanför med kniv nu", True), ("han är 14", False)]
    examples = labelled_examples()[::4]
    plain = DangerModel.fit(examples)
    halved = DangerModel.fit(examples, weights=[0.5 if not danger else 1.0 for _, danger in examples])
    text = "han står utanför och skriker"
    assert halved.probability(text) != plain.probability(text)
    with pytest.raises(ValueError):
        DangerModel.fit(examples, weights=[1.0])
