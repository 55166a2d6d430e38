"""Measured fixes for Rasa 3.6's hot path and training (docs/performance.md).

Rasa validates every action-server response with `jsonschema.validate`, which first re-checks the
(constant) schema against the JSON Schema meta-schema. Under load that meta-check was 60 % of the Rasa
server's CPU. The response is still validated exactly as before, by a validator built once.

Training: Rasa's TrainingHook fingerprints every node's output (every message with all its features, after
every featurizer) and every node's inputs to fill its training cache, which only a training without `--force` reads. `bot train`
always trains from scratch (it decides itself whether the model is current, bot.training), so the cache is
never read: the fingerprints were 10 s of a 55 s training (session 16). With the fix nothing is cached.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.engine.training.hooks import TrainingHook
from rasa.shared.constants import DOCS_BASE_URL


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


def install_for_training() -> None:
    """Install the training fix; VAGVISAREN_RASA_SPEEDUPS=off leaves Rasa as shipped."""
    if os.environ.get("VAGVISAREN_RASA_SPEEDUPS", "on") != "off":
        TrainingHook.on_before_node = _no_fingerprint
        TrainingHook.on_after_node = _cache_nothing


def install() -> None:
    """Install the fix; VAGVISAREN_RASA_SPEEDUPS=off leaves Rasa as shipped (the benchmark's stock anchor)."""
    if os.environ.get("VAGVISAREN_RASA_SPEEDUPS", "on") != "off":
        RemoteAction._validate_action_result = _validate_action_result
