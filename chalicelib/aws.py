"""Lazily built, cached boto3 clients.

`client` is called only where the platform meets AWS: storage/dynamo.py (every table
read and write), the domain repositories (S3, SNS), directory.py (Cognito), secrets.py
(Secrets Manager) and idempotency.py (Powertools' persistence layer); the local stack's
queue worker too. Services and the web layer import this module only for `failures`,
`error_code` and `is_transient`, to tell a retryable failure from a fault.

boto3 is imported on first use, not at import time, so that a cold start does not pay
for it before the first request needs it. Tests reset the cache when they point the
platform at another embedded AWS.

The clients retry throttling, server faults and dropped connections themselves (standard
mode, three attempts); what still fails after that is a transient failure the caller
should be told to retry (`is_transient`), not a fault of the platform.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from chalicelib.settings import get_settings

# Error codes AWS documents as "try again": throttling and server-side faults of the
# services the platform uses. Any 5xx answer counts too, whatever its code.
RETRYABLE_CODES = frozenset({
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "Throttling",
    "RequestLimitExceeded",
    "RequestThrottled",
    "TooManyRequestsException",
    "InternalServerError",
    "InternalFailure",
    "InternalError",
    "ServiceUnavailable",
    "SlowDown",
    "RequestTimeout",
})


@cache
def client(service: str) -> Any:
    import boto3
    from botocore.config import Config

    config = Config(
        retries={"mode": "standard", "max_attempts": 3},
        connect_timeout=3,
        read_timeout=10,
        # Keep-alive to the same endpoint across invocations of a warm container.
        max_pool_connections=16,
    )
    return boto3.session.Session().client(service, region_name=get_settings().region, config=config)


def reset_clients() -> None:
    client.cache_clear()


def failures() -> tuple[type[Exception], ...]:
    """What a client call raises when AWS refused it or never answered: an error answer,
    a connection that could not be made, or one that timed out or broke."""
    from botocore.exceptions import ClientError, ConnectionError, HTTPClientError

    return (ClientError, ConnectionError, HTTPClientError)


def error_code(exc: BaseException) -> str:
    """AWS's error code of a failed call; empty when no answer came. (A timeout carries a
    `response` too, from requests, and it is None.)"""
    return str((getattr(exc, "response", None) or {}).get("Error", {}).get("Code", ""))


def is_transient(exc: BaseException) -> bool:
    """Whether a failed call may well succeed if the request is sent again: throttled, a
    server fault, or no answer at all (the client had already retried)."""
    from botocore.exceptions import ClientError

    if not isinstance(exc, failures()):
        return False
    if not isinstance(exc, ClientError):
        return True
    status = int((exc.response or {}).get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
    return error_code(exc) in RETRYABLE_CODES or status >= 500
