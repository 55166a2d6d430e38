"""Measured fixes for Rasa 3.6's hot path and training (docs/performance.md).

Rasa validates every action-server response with `jsonschema.validate`, which first re-checks the
(constant) schema against the JSON Schema meta-schema. Under load that meta-check was 60 % of the Rasa
server's CPU. The response is still validated exactly as before, by a validator built once.

Training: Rasa's TrainingHook fingerprints every node's output (every message with all its features, after
every featurizer) and every node's inputs to fill its training cache, which only a training without `--force` reads. `bot train`
always trains from scratch (it decides itself whether the model is current, bot.training), so the cache is
never read: the fingerprints were 10 s of a 55 s training (session 16). With the fix nothing is cached.
Rasa also read the NLU data twice, once for language "en" (its own checks) and once for the pipeline's "sv",
though the YAML reader ignores the language, and deep-copied every message at each of the importers' merges
although the messages they merge are read from files for this one training: 6 + 3 s of a 60 s training
(session 18). With the fix the data is read once and merged without copies (the same messages, in the same order).
The model file is packed with gzip's fastest level: most of it is the situation network's weights, which do not
compress (31 MB either way), and level 9 spent 1.5 s on them.
"""
from __future__ import annotations

import copy
import functools
import os
from functools import lru_cache
from typing import Any, Callable, Dict, Optional, Text

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.engine.storage import local_model_storage
from rasa.engine.training.hooks import TrainingHook
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.importers.importer import E2EImporter
from rasa.shared.nlu.training_data.training_data import TrainingData


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, not per message
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    try:
        _response_validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error


def _no_fingerprint(self: TrainingHook, node_name: Text, execution_context: Any, config: Dict[Text, Any],
                    received_inputs: Dict[Text, Any]) -> Dict:
    """TrainingHook.on_before_node without the fingerprint of the node's inputs, which only the cache uses."""
    return {}


def _cache_nothing(self: TrainingHook, node_name: Text, execution_context: Any, config: Dict[Text, Any],
                   output: Any, input_hook_data: Dict) -> None:
    """TrainingHook.on_after_node without fingerprinting and caching the output (see the module's docstring)."""
    return None


# Rasa's own, for the tests that compare the two.
RASA_MERGE = TrainingData.merge


def _merge_without_copies(self: TrainingData, *others: Optional[TrainingData]) -> TrainingData:
    """TrainingData.merge with the messages themselves in the new list, not deep copies of them."""
    training_examples = list(self.training_examples)
    entity_synonyms = self.entity_synonyms.copy()
    regex_features = copy.deepcopy(self.regex_features)
    lookup_tables = copy.deepcopy(self.lookup_tables)
    responses = copy.deepcopy(self.responses)
    for other in others:
        if not other:
            continue
        training_examples.extend(other.training_examples)
        regex_features.extend(copy.deepcopy(other.regex_features))
        lookup_tables.extend(copy.deepcopy(other.lookup_tables))
        entity_synonyms.update(other.entity_synonyms)
        responses.update(other.responses)
    return TrainingData(training_examples, entity_synonyms, regex_features, lookup_tables, responses)


def _read_once(get_nlu_data: Callable[..., TrainingData]) -> Callable[..., TrainingData]:
    """E2EImporter.get_nlu_data for the config's language whatever language is asked for, so the cache holds one."""
    @functools.wraps(get_nlu_data)
    def for_the_config_language(self: E2EImporter, language: Optional[Text] = "en") -> TrainingData:
        return get_nlu_data(self, self.get_config().get("language") or language)
    return for_the_config_language


class _FastPackingTar(local_model_storage.TarSafe):
    """Rasa's safe tar file, writing gzip at its fastest level (reading is unchanged)."""

    @classmethod
    def open(cls, name: Any = None, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if mode == "w:gz":
            kwargs.setdefault("compresslevel", 1)
        return super().open(name, mode, *args, **kwargs)


def install_for_training() -> None:
    """Install the training fixes; VAGVISAREN_RASA_SPEEDUPS=off leaves Rasa as shipped.

    Installed twice is installed once: `bot.rasa_adapters.rasa_main` installs them before Rasa reads the data,
    and importing the project's components installs them again."""
    if os.environ.get("VAGVISAREN_RASA_SPEEDUPS", "on") == "off":
        return
    TrainingHook.on_before_node = _no_fingerprint
    TrainingHook.on_after_node = _cache_nothing
    TrainingData.merge = _merge_without_copies
    local_model_storage.TarSafe = _FastPackingTar
    if not getattr(E2EImporter.get_nlu_data, "_reads_once", False):
        E2EImporter.get_nlu_data = _read_once(E2EImporter.get_nlu_data)
        E2EImporter.get_nlu_data._reads_once = True  # type: ignore[attr-defined]


def install() -> None:
    """Install the fix; VAGVISAREN_RASA_SPEEDUPS=off leaves Rasa as shipped (the benchmark's stock anchor)."""
    if os.environ.get("VAGVISAREN_RASA_SPEEDUPS", "on") != "off":
        RemoteAction._validate_action_result = _validate_action_result
