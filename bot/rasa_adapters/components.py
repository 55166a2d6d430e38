"""Custom NLU components: the active Swedish spaCy pipeline, and the rule overrides after the classifier."""
from __future__ import annotations

import functools
import json
import logging
import re
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.utils.spacy_utils import SpacyModel
from rasa.nlu.utils.spacy_utils import SpacyNLP as RasaSpacyNLP
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, vstack

from bot import editors_data, nlp, situations
from bot.buttons import typed_button
from bot.conversation import lexicon
from bot.danger import DangerRules, TimeSigns
from bot.danger_model import DEFAULT_SETTINGS, DangerModel, DangerSettings, decide, weighted_examples
from bot.places import default_gazetteer
from bot.rasa_adapters import speedups
from bot.situation_model import NetworkSettings, SituationModel
from bot.terms import index_text
from bot.text import fold

logger = logging.getLogger(__name__)
# Rasa imports this module to train the project's pipeline: training skips the cache it never reads.
speedups.install_for_training()
FALLBACK_INTENT = "nlu_fallback"
AREA_INTENT = "inform_area"
RULES_FILE_NAME = "danger_rules.json"
DANGER_MODEL_FILE_NAME = "danger_model.pkl"


@functools.lru_cache(maxsize=2)
def _loaded_language(load_target: str) -> Any:
    """The spaCy pipeline, loaded once per process: training creates this component twice, and loading the
    offline pipeline's lemma table takes 2-3 s each time (session 18). Nothing in the project changes it."""
    return RasaSpacyNLP.load_model(load_target).model


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="SpacyNLP",
)
class SpacyNLP(RasaSpacyNLP):
    """Rasa's SpacyNLP, loading whichever Swedish pipeline is active (sv_core_news_sm or the offline build).

    It keeps the class name SpacyNLP because Rasa finds the model provider for SpacyTokenizer by that name.
    """

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SpacyNLP":
        pipeline = nlp.active_pipeline()
        logger.info("Swedish spaCy pipeline: %s", pipeline.identity)
        model = SpacyModel(model=_loaded_language(pipeline.load_target), model_name=pipeline.identity)
        cls.ensure_proper_language_model(model.model)
        return cls(model, {**cls.get_default_config(), **config, "model": pipeline.load_target})


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class BatchedCountVectorsFeaturizer(CountVectorsFeaturizer):
    """Rasa's CountVectorsFeaturizer, featurizing the training data in one scikit-learn call per attribute instead
    of two per message: the same features (each message's rows of one matrix), in a quarter of the time; training
    has a 60 s budget (docs/performance.md). Messages at answer time go through Rasa's own `process`."""

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        messages = training_data.training_examples
        if self.vectorizers is None or not messages:
            return super().process_training_data(training_data)
        for attribute in self._attributes:
            tokens = [self._get_processed_message_tokens_by_attribute(m, attribute) for m in messages]
            for message, (sequence, sentence) in zip(messages, self._batched_features(attribute, tokens), strict=True):
                self.add_features_to_message(sequence, sentence, attribute, message)
        return training_data

    def _batched_features(self, attribute: Text, all_tokens: List[List[Text]]) -> List[tuple[Any, Any]]:
        """As CountVectorsFeaturizer._create_features, for all messages at once."""
        vectorizer = self.vectorizers.get(attribute) if self.vectorizers else None
        if not vectorizer:
            return [(None, None)] * len(all_tokens)
        present = [i for i, tokens in enumerate(all_tokens) if tokens]
        features: List[tuple[Any, Any]] = [(None, None)] * len(all_tokens)
        if not present:
            return features
        sequences = vectorizer.transform([token for i in present for token in all_tokens[i]])
        sentences = (vectorizer.transform([" ".join(all_tokens[i]) for i in present])
                     if attribute in DENSE_FEATURIZABLE_ATTRIBUTES else None)
        start = 0
        for row, i in enumerate(present):
            end = start + len(all_tokens[i])
            sequence = sequences[start:end]
            sequence.sort_indices()
            sentence = None
            if sentences is not None:
                sentence = sentences[row:row + 1]
                sentence.sort_indices()
                sentence = sentence.tocoo()
            features[i] = (sequence.tocoo(), sentence)
            start = end
        return features


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class RuleOverrides(GraphComponent):
    """Explicit rules that win over the classifier.

    1. Danger: a message becomes `acute_danger`, whatever else it says, when it matches a pattern in
       data/danger.yml or the danger classifier (bot.danger_model) thinks it likely; a pattern is
       overruled only when that classifier is nearly sure it is not danger, never with `any_time`.
       A situation classifier's danger guess that neither confirms takes its next guess. The classifier's
       unsure guess with only weak words of now (`weak_now`: a plan, "idag") becomes `acute_danger_maybe`:
       danger until the person has had help without danger (data/rules/danger.yml, the `helped` slot).
    2. Buttons: a typed button title means that button.
    3. Place: a message that is only a place name becomes `inform_area`, with the area as entity.
    The danger rules come from the one owner of the editors' data (bot.editors_data), and are stored
    in the model too, so a danger.yml that is broken when the server starts cannot disable them.
    """

    def __init__(self, stored_rules: DangerRules, model_storage: ModelStorage, resource: Resource,
                 config: Optional[Dict[Text, Any]] = None, danger_model: Optional[DangerModel] = None):
        self._config = {**self.get_default_config(), **(config or {})}
        self._stored_rules = stored_rules
        self._danger_model = danger_model
        self._danger_settings = self._settings()
        self._model_storage = model_storage
        self._resource = resource
        self._gazetteer = default_gazetteer()

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "RuleOverrides":
        return cls(editors_data.shared().current().danger, model_storage, resource, config)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "RuleOverrides":
        with model_storage.read_from(resource) as directory:
            stored = DangerRules.from_data(json.loads((directory / RULES_FILE_NAME).read_text(encoding="utf-8")))
            model_file = directory / DANGER_MODEL_FILE_NAME
            danger_model = DangerModel.load(model_file) if model_file.exists() else None
        return cls(stored, model_storage, resource, config, danger_model)

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Chosen by measurement on the tuning sets (docs/nlu-pipeline.md); see bot.danger_model.
        defaults = DEFAULT_SETTINGS
        return {"danger_threshold": defaults.threshold, "pattern_veto": defaults.veto, "danger_sure": defaults.sure,
                "danger_likely": defaults.likely, "danger_certain": defaults.certain,
                "danger_C": defaults.C, "danger_skip_intents": []}

    def _settings(self) -> DangerSettings:
        return DangerSettings(threshold=float(self._config["danger_threshold"]), veto=float(self._config["pattern_veto"]),
                              sure=float(self._config["danger_sure"]), likely=float(self._config["danger_likely"]),
                              certain=float(self._config["danger_certain"]),
                              C=float(self._config["danger_C"]))

    def _danger_probability(self, message: Message, text: str) -> float:
        if self._danger_model is not None:
            return self._danger_model.probability(text)
        # A model trained before the danger classifier existed: the situation classifier's opinion.
        return next((float(r.get("confidence") or 0.0) for r in message.get(INTENT_RANKING_KEY) or []
                     if r.get("name") == situations.DANGER), 0.0)

    def _rules(self) -> DangerRules:
        """The editors' current rules; the model's copy only while the editors' data has never loaded."""
        snapshot = editors_data.current_or_none()
        return snapshot.danger if snapshot is not None else self._stored_rules

    def train(self, training_data: TrainingData) -> Resource:
        skipped = set(self._config.get("danger_skip_intents") or ())
        examples = [(m.get(TEXT), m.get(INTENT) == situations.DANGER) for m in training_data.intent_examples
                    if m.get(TEXT) and not str(m.get(TEXT)).startswith("/") and m.get(INTENT) not in skipped]
        kept = weighted_examples()
        self._danger_model = DangerModel.fit(examples + [(text, danger) for text, danger, _ in kept], self._danger_settings,
                                             weights=[1.0] * len(examples) + [weight for _, _, weight in kept])
        with self._model_storage.write_to(self._resource) as directory:
            data = self._rules().to_data()
            (directory / RULES_FILE_NAME).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            self._danger_model.save(directory / DANGER_MODEL_FILE_NAME)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        rules = self._rules()
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/"):
                continue
            tokens = message.get("text_tokens") or []
            lemmas = [getattr(token, "lemma", None) or token.text for token in tokens]
            pattern = rules.match(text, lemmas)
            probability = self._danger_probability(message, text)
            message.set("danger_probability", round(probability, 4), add_to_output=True)
            settings = self._danger_settings
            # The harmless list and the time words matter only once the classifier could decide alone, or for a
            # pattern's threat told with only a plan in it (_a_threat_told): most messages skip another pass.
            signs = (rules.time_signs(text) if probability >= settings.threshold or pattern is not None
                     else TimeSigns(False, False, False))
            matched = decide(pattern, rules.is_any_time(pattern), probability, signs.harmless, signs.now, signs.calm,
                             len(text.split()), settings, signs.safe)
            if matched == "danger_model" and probability < settings.certain and _only_ages(text):
                # "De är 7 och 10": the answer to how old, not what is happening (read as danger at 0.52).
                matched = None
            if matched == "danger_model" and probability < settings.certain and self._gazetteer.is_only_place(text):
                # "skolan ligger i skärholmen", "han bor i en lägenhet i Tumba": where, not what is happening.
                matched = None
            if matched == "danger_model" and probability < settings.sure and lexicon.says_thanks(index_text(text), text):
                # "ok tack, jag pratar med honom ikväll": thanks that ends the talk, its 'ikväll' a plan. The editors'
                # patterns still count ("tack, han står utanför med kniven nu"), and so does a sure classifier.
                matched = None
            if matched:
                maybe = (_only_a_plan_or_a_day(probability, signs, len(text.split()), settings) if matched == "danger_model"
                         else _a_threat_told(rules, matched, probability, signs, text, settings))
                if maybe:
                    _calm_reading(message, text)  # what the message is about besides stays second in the ranking
                _force_intent(message, situations.MAYBE_DANGER if maybe else situations.DANGER)
                message.set("danger_rule", matched, add_to_output=True)
                continue
            _calm_reading(message, text)
            if (message.get(INTENT) or {}).get("name") == NUMBERS_INTENT and _names_a_service(text):
                # "soc nummer?": that service's number from the conversation, which knows where the person lives,
                # not the fixed list of the most important numbers.
                _force_intent(message, CONTACT_DETAIL_INTENT)
            button = typed_button(text)
            if button is not None:
                intent, values = button
                _force_intent(message, intent)
                _set_entities(message, values, len(text))
                continue
            if self._gazetteer.is_only_place(text):
                area = self._gazetteer.find(text)
                if area is not None:
                    _force_intent(message, AREA_INTENT)
                    _set_entities(message, {"area": area.id}, len(text))
        return messages


_ONLY_AGES = re.compile(r"(?:(?:de|dom|han|hon|hen|barnen|killarna|tjejerna|jag|ja)\s+)?(?:ar|e|a)?\s*(?:typ|ca|runt)?\s*"
                        r"\d{1,2}(?:\s*(?:ar|arig)?\s*(?:och|o|,|&)\s*\d{1,2})*\s*(?:ar|ar gamla|ar gammal)?\s*[.!]?")


def _only_ages(text: str) -> bool:
    """A message that is only one or more ages ("De är 7 och 10", "han är 15 år")."""
    return bool(_ONLY_AGES.fullmatch(fold(text).strip()))


def _names_a_service(text: str) -> bool:
    snapshot = editors_data.current_or_none()
    return snapshot is not None and bool(snapshot.catalogue.named_in(text))


def _set_entities(message: Message, values: Dict[str, str], length: int) -> None:
    entities = [e for e in message.get(ENTITIES, []) if e.get("entity") not in values]
    entities += [{"entity": name, "value": value, "start": 0, "end": length, "extractor": RuleOverrides.__name__}
                 for name, value in values.items()]
    message.set(ENTITIES, entities, add_to_output=True)


def _demote_danger(message: Message) -> None:
    _demote(message, (situations.DANGER, FALLBACK_INTENT))


def _demote(message: Message, names: tuple[str, ...]) -> None:
    """The best-ranked intent that is none of `names` becomes the intent."""
    ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get("name") not in names]
    if ranking:
        message.set(INTENT, {"name": ranking[0]["name"], "confidence": ranking[0].get("confidence")}, add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)


NUMBERS_INTENT = "ask_numbers"  # the fixed list of the most important numbers (data/rules/chitchat.yml)
CONTACT_DETAIL_INTENT = "ask_contact_detail"
# Intents the Rasa rules answer with a fixed text (data/rules/chitchat.yml), without the conversation.
# Intents the Rasa rules answer with a fixed text; "jag har ringt nu" (read as asking for the numbers) is no such thing.
SMALL_TALK = ("greet", "bot_challenge", NUMBERS_INTENT)


def _only_a_plan_or_a_day(probability: float, signs: TimeSigns, words: int, settings: DangerSettings) -> bool:
    """The classifier's danger rests on weak words of now alone ("vi har möte med soc idag", "han ska börja i ny
    skola"): below `sure`, and without those words it would not be danger. Danger until the person has had help
    without danger; then the guide reads it as the conversation going on (`acute_danger_maybe`)."""
    return (signs.only_weak_now and probability < settings.sure
            and decide(None, False, probability, signs.harmless, False, signs.calm_without_weak, words, settings, signs.safe) is None)


def _a_threat_told(rules: DangerRules, pattern: str, probability: float, signs: TimeSigns, text: str,
                   settings: DangerSettings) -> bool:
    """A pattern's danger in a threat someone made, told with no word of now but a plan ("säger att dom ska slå ihjäl
    mig"), and the classifier unsure: maybe-danger, which the guide weighs against the threat the classifier sees."""
    return (not rules.is_any_time(pattern) and signs.only_weak_now and probability < settings.sure
            and rules.tells_a_threat(text))


def _calm_reading(message: Message, text: str) -> None:
    """What a message is about when it is not danger."""
    if (message.get(INTENT) or {}).get("name") == situations.DANGER:
        # The situation classifier saw danger words, the danger classifier and the rules did not.
        _demote_danger(message)
    _keep_small_talk_small(message, text)


def _keep_small_talk_small(message: Message, text: str) -> None:
    """A fixed greeting only for a greeting: "ok hej" after the help is a goodbye, and "polisen är här nu och
    pratar med dem" (read as 'are you a bot?') goes to the conversation, which knows what came before. The
    danger decision is made above; the situation classifier's danger guess is not taken here either."""
    intent = (message.get(INTENT) or {}).get("name")
    if intent not in SMALL_TALK:
        return
    tokens = index_text(text)
    if (lexicon.SIGNS.found_in(tokens) or lexicon.HELP_ARRIVED.found_in(tokens) or lexicon.CALL_FOR_ME.found_in(tokens)
            or lexicon.ANGRY_AT_US.found_in(tokens)):
        _demote(message, (*SMALL_TALK, FALLBACK_INTENT, situations.DANGER))
    elif intent == "greet" and len(tokens.tokens) > 1 and lexicon.LEAVING.found_in(tokens):
        _force_intent(message, "goodbye")
    elif intent == "greet" and len(tokens.tokens) > 2 and ("?" in text or lexicon.REQUEST.found_in(tokens)):
        # "hallå? vem kan jag ringa ikväll?": a question after the greeting, for the conversation to answer.
        _demote(message, (*SMALL_TALK, FALLBACK_INTENT, situations.DANGER))


def _force_intent(message: Message, name: str) -> None:
    intent = {"name": name, "confidence": 1.0}
    ranking = [intent] + [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SparseLogisticRegressionClassifier(LogisticRegressionClassifier):
    """Rasa's LogisticRegressionClassifier without the per-message matrix stacking when the pipeline has
    no dense features (as here): the same columns in the same order, at a tenth of the cost; stacking
    an empty dense block onto each message was 11 % of the Rasa server's CPU (docs/performance.md)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # C: the inverse regularisation strength, chosen by measurement (docs/nlu-pipeline.md).
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0}

    def __init__(self, config: Dict[Text, Any], name: Text, model_storage: ModelStorage, resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.set_params(C=float(self.config.get("C", 1.0)))

    def _create_X(self, messages: List[Message]) -> csr_matrix:
        rows = []
        for message in messages:
            sparse = message.get_sparse_features(attribute=TEXT)[1]
            dense = message.get_dense_features(attribute=TEXT)[1]
            if dense is not None or sparse is None:
                return super()._create_X(messages)
            rows.append(csr_matrix(sparse.features))
        return rows[0] if len(rows) == 1 else vstack(rows)

    def process(self, messages: List[Message]) -> List[Message]:
        coefficients = getattr(self.clf, "coef_", None)
        if coefficients is not None and not coefficients.flags.f_contiguous:
            # sklearn multiplies by coef_.T; scipy copies a non-contiguous right-hand side on every call
            # (the whole weight matrix, 1.6 ms a message). In Fortran order coef_.T is contiguous; same sums.
            self.clf.coef_ = np.asfortranarray(coefficients)
        return super().process(messages)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SituationNetworkClassifier(SparseLogisticRegressionClassifier):
    """The situation classifier: a small neural network over the same sparse counts (bot.situation_model),
    chosen over the logistic regression by measurement on real people's messages (docs/nlu-pipeline.md)."""

    MODEL_FILE_NAME = "situation_model.npz"

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        defaults = NetworkSettings()
        return {**SparseLogisticRegressionClassifier.get_default_config(), "hidden": defaults.hidden,
                "epochs": defaults.epochs, "learning_rate": defaults.learning_rate, "batch": defaults.batch,
                "members": defaults.members, "seed": defaults.seed}

    def _network_settings(self) -> NetworkSettings:
        return NetworkSettings(hidden=int(self.config["hidden"]), epochs=int(self.config["epochs"]),
                               learning_rate=float(self.config["learning_rate"]), batch=int(self.config["batch"]),
                               members=int(self.config["members"]), seed=int(self.config["seed"]))

    def train(self, training_data: TrainingData) -> Resource:
        counts, labels = self._create_training_matrix(training_data)
        if counts.shape[0] == 0:
            return self._resource
        self.clf = SituationModel.fit(counts, labels, self._network_settings())
        self.persist()
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        return LogisticRegressionClassifier.process(self, messages)

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            self.clf.save(directory / self.MODEL_FILE_NAME)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "SituationNetworkClassifier":
        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                component.clf = SituationModel.load(directory / cls.MODEL_FILE_NAME)
        except ValueError:
            logger.debug("No trained situation classifier in '%s'.", resource.name)
        return component
