"""A measured fix for Rasa 3.6's hot path (docs/performance.md).

Rasa validates every action-server response with `jsonschema.validate`, which first re-checks the
(constant) schema against the JSON Schema meta-schema. Under load that meta-check was 60 % of the Rasa
server's CPU. The response is still validated exactly as before, by a validator built once.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
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


def install() -> None:
    """Install the fix; VAGVISAREN_RASA_SPEEDUPS=off leaves Rasa as shipped (the benchmark's stock anchor)."""
    if os.environ.get("VAGVISAREN_RASA_SPEEDUPS", "on") != "off":
        RemoteAction._validate_action_result = _validate_action_result
