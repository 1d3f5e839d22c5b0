"""Retried writes from phones on bad networks: Powertools idempotency keyed by the
caller's `Idempotency-Key` header.

The first call with a key runs the use case and stores its result; a retry with the same
key and the same body gets that stored result instead of a second record; the same key
with another body is refused (409). A use case that fails leaves no record (removing its
in-progress record is tried twice), so the resident can correct the input and send again
with the same key. A use case that succeeded is answered as a success even when storing
its result failed: its record is written, and a 503 would only send the caller into a
retry. The persistence layer is built on first use, not at import (cold start, and tests
start the embedded AWS first).

Powertools' record cannot tell a use case that failed from one whose write committed but
whose answer was lost (a timeout after DynamoDB applied the transaction): both raise, and
the record is removed so that the caller may retry. A use case that creates a record
therefore also claims its key (`Claim`) inside its own transaction: the retry's
transaction is refused on the claim, and the use case answers with what the first one
created. Since only one run can commit, a retry that finds the key still in progress (its
result unstored, or its record written by a request whose answer was lost) is answered from
the claim or runs, instead of being refused until the record expires. The claim's key is
built in storage/keys.py (CLAIM#, a keyed digest of caller and key).

Only requests that create a record take a key. A change to an existing record carries the
version it was read with, so a client's repeat is refused by its condition (409), and no
key is needed; where a service tries its own transaction again after an unanswered call
(funds/repository.write), the event it wrote tells its committed first try from another's
change (funds/repository.written_already).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from chalicelib import aws, clock
from chalicelib.errors import BadRequestError, ConflictError, ServiceUnavailableError
from chalicelib.settings import get_settings
from chalicelib.storage.keys import idempotency_claim_key

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


def _persistence() -> Any:
    return _persistence_on(aws.client("dynamodb"), get_settings().idempotency_table_name)


# Keyed by the client, so that the layer follows aws.reset_clients instead of keeping a
# client built for an earlier configuration.
@lru_cache(maxsize=1)
def _persistence_on(dynamodb: Any, table_name: str) -> Any:
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

    return DynamoDBPersistenceLayer(table_name=table_name, boto3_client=dynamodb)


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
    _persistence_on.cache_clear()
    _config.cache_clear()


@dataclass(frozen=True)
class Claim:
    """A key claimed by the record its request created, written in the same transaction."""

    caller: str
    key: str
    payload: dict[str, Any]

    def _item_key(self) -> dict[str, str]:
        from chalicelib.privacy import keyed_digest

        return idempotency_claim_key(keyed_digest("idempotency-claim", f"{self.caller}:{self.key}"))

    def _payload_digest(self) -> str:
        return hashlib.sha256(json.dumps(self.payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def put(self, subject: str) -> dict[str, Any]:
        """The transaction item; refused when the key has created something already."""
        from chalicelib.storage import dynamo

        now = int(clock.utc_now().timestamp())
        # Kept past the Powertools record's expiry, so a retry never outlives both; an
        # expired claim that the table has not yet deleted no longer holds the key.
        return dynamo.put_op({**self._item_key(), "type": "idempotency_claim", "subject": subject,
                              "payload_digest": self._payload_digest(), "expires_at": now + 2 * EXPIRES_AFTER_SECONDS},
                             "attribute_not_exists(PK) OR expires_at < :now", {":now": now})

    def holder(self) -> str | None:
        """The id created under this key, if any; the key sent with another body is refused."""
        from chalicelib.storage import dynamo

        found = dynamo.get_item(self._item_key(), consistent=True)
        if found is None or int(found["expires_at"]) < clock.utc_now().timestamp():
            return None
        if found["payload_digest"] != self._payload_digest():
            raise IdempotencyKeyReusedError()
        return str(found["subject"])


def once(use_case: Callable[..., dict[str, Any]], *, key: str, caller: str, payload: dict[str, Any],
         recover: Callable[[], dict[str, Any] | None] | None = None) -> dict[str, Any]:
    """Run `use_case(request=...)` once per (caller, key); its JSON-able result is what a retry receives.

    `recover()`, given only by a use case that claims its key (`Claim`), answers with what an
    earlier run under the key created, or None. A key found in progress is then no reason to
    refuse: the record may be one whose write timed out after it landed, which would refuse
    every retry until it expired, and the claim already lets only one run commit."""
    from aws_lambda_powertools.utilities.idempotency import idempotent_function
    from aws_lambda_powertools.utilities.idempotency.exceptions import (
        IdempotencyAlreadyInProgressError,
        IdempotencyPersistenceLayerError,
        IdempotencyValidationError,
    )

    persistence = _persistence()
    started: list[bool] = []
    done: list[dict[str, Any]] = []

    # Same module and name as the use case: Powertools keys its records by them.
    @functools.wraps(use_case)
    def run(request: dict[str, Any]) -> dict[str, Any]:
        started.append(True)
        done.append(use_case(request=request))
        return done[0]

    guarded = idempotent_function(data_keyword_argument="request", persistence_store=persistence, config=_config())(run)
    request = {"caller": caller, "key": key, "payload": payload}
    try:
        answer: dict[str, Any] = guarded(request=request)
        return answer
    except IdempotencyValidationError as exc:
        raise IdempotencyKeyReusedError() from exc
    except IdempotencyAlreadyInProgressError as exc:
        if recover is not None:
            result = recover() or use_case(request=request)
            # The record left in progress now holds the result, so later retries need no recovery.
            _settle(persistence.save_success, data=request, result=result)
            return result
        raise ConflictError(
            "The same request is still being processed; retry in a moment. / 相同请求正在处理中，请稍后重试。",
            headers={"Retry-After": "1"},
        ) from exc
    except IdempotencyPersistenceLayerError as exc:
        if done:
            _settle(persistence.save_success, data=request, result=done[0])
            return done[0]
        if started:
            # The use case failed and so did removing its in-progress record: without a
            # second try, every retry would be refused as still in progress.
            _settle(persistence.delete_record, data=request, exception=exc)
        raise ServiceUnavailableError(headers={"Retry-After": "1"}) from exc


def _settle(write: Callable[..., Any], **arguments: Any) -> None:
    """A second try at the record's last write. If it fails too, the record stays in progress
    until the invocation that wrote it would have timed out (register_lambda_context)."""
    from chalicelib.observability import logger

    try:
        write(**arguments)
    except Exception as exc:  # the outcome stands; only what a retry will find is at stake
        logger.warning("idempotency record not settled", extra={"error": type(exc).__name__})
