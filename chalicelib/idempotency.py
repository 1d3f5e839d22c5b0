"""Retried writes from phones on bad networks: Powertools idempotency keyed by the
caller's `Idempotency-Key` header.

The first call with a key runs the use case and stores its result; a retry with the same
key and the same body gets that stored result instead of a second record; the same key
with another body is refused (409). A use case that fails leaves no record, so the
resident can correct the input and send again with the same key. The persistence layer
is built on first use, not at import (cold start, and tests start the embedded AWS first).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from chalicelib import aws
from chalicelib.errors import BadRequestError, ConflictError, ServiceUnavailableError
from chalicelib.settings import get_settings

HEADER = "idempotency-key"
KEY_PATTERN = re.compile(r"[A-Za-z0-9._:\-]{8,128}")
# Long enough to cover a phone retrying through an evening of bad signal.
EXPIRES_AFTER_SECONDS = 24 * 3600


class IdempotencyKeyReusedError(ConflictError):
    code = "idempotency_key_reused"
    default_message = (
        "This Idempotency-Key was already used with a different request. / 该幂等键已用于另一个不同的请求。"
    )


def checked_key(raw: str | None) -> str | None:
    if raw is None:
        return None
    if not KEY_PATTERN.fullmatch(raw):
        raise BadRequestError(
            "Idempotency-Key must be 8–128 letters, digits or . _ : - (a UUID will do). / "
            "幂等键应为 8–128 位字母、数字或 . _ : -。"
        )
    return raw


@lru_cache(maxsize=1)
def _persistence() -> Any:
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

    return DynamoDBPersistenceLayer(table_name=get_settings().idempotency_table_name, boto3_client=aws.client("dynamodb"))


@lru_cache(maxsize=1)
def _config() -> Any:
    from aws_lambda_powertools.utilities.idempotency import IdempotencyConfig

    return IdempotencyConfig(
        # A key is only ever meaningful for the caller who sent it.
        event_key_jmespath="[caller, key]",
        payload_validation_jmespath="payload",
        raise_on_no_idempotency_key=True,
        expires_after_seconds=EXPIRES_AFTER_SECONDS,
    )


def register_lambda_context(context: Any) -> None:
    """Lets an in-progress record expire with the invocation that wrote it, so a retry after
    a timed-out Lambda is not refused for the whole expiry period."""
    if context is not None and hasattr(context, "get_remaining_time_in_millis"):
        _config().register_lambda_context(context)


def reset() -> None:
    _persistence.cache_clear()
    _config.cache_clear()


def once(use_case: Callable[..., dict[str, Any]], *, key: str, caller: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Run `use_case(request=...)` once per (caller, key); its JSON-able result is what a retry receives."""
    from aws_lambda_powertools.utilities.idempotency import idempotent_function
    from aws_lambda_powertools.utilities.idempotency.exceptions import (
        IdempotencyAlreadyInProgressError,
        IdempotencyPersistenceLayerError,
        IdempotencyValidationError,
    )

    guarded = idempotent_function(data_keyword_argument="request", persistence_store=_persistence(), config=_config())(
        use_case
    )
    try:
        return guarded(request={"caller": caller, "key": key, "payload": payload})
    except IdempotencyValidationError as exc:
        raise IdempotencyKeyReusedError() from exc
    except IdempotencyAlreadyInProgressError as exc:
        raise ConflictError(
            "The same request is still being processed; retry in a moment. / 相同请求正在处理中，请稍后重试。",
            headers={"Retry-After": "1"},
        ) from exc
    except IdempotencyPersistenceLayerError as exc:
        raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc
