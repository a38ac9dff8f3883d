"""Rasa checks every action server response against its JSON schema with
`jsonschema.validate`, which first checks the schema itself against the
2020-12 meta-schema: on this machine that was about 40% of the Rasa server's
CPU under load (README, "Where the time goes"). `install()` replaces Rasa's
check with a validator compiled once for the same schema; every response is
still validated and a malformed one is still refused with the same error."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict

from jsonschema import exceptions
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for


@lru_cache(maxsize=1)
def compiled_validator() -> Validator:
    """Rasa's response schema, checked once against its meta-schema."""
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(_action: Any, result: Dict[str, Any]) -> bool:
    """Same contract as RemoteAction._validate_action_result: True, or the
    best-matching ValidationError with Rasa's pointer to its docs."""
    from rasa.core.actions.action import DOCS_BASE_URL

    error = exceptions.best_match(compiled_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (". Failed to validate Action server response from API, make sure your response "
                      f"from the Action endpoint is valid. For more information about the format visit "
                      f"{DOCS_BASE_URL}/custom-actions")
    raise error


def install() -> None:
    """Patch Rasa's RemoteAction in this process (bot/channels/launch.py)."""
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = validate_action_result

