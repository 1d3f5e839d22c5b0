"""The platform's secrets, read at run time from Secrets Manager and kept in memory.

A Lambda function's environment names each secret by its id, never by its value: whoever
may read a function's configuration (`lambda:GetFunctionConfiguration`) learns where the
secrets are, not what they are. Values are fetched through Powertools parameters with the
platform's own boto3 client (chalicelib/aws.py), so the embedded AWS of the local stack
and the tests serves them exactly as Secrets Manager does in AWS.

Outside AWS altogether (unit tests, the cold-start bench) no id is set and a plain value in
the environment stands in (MULIN_CURSOR_SECRET, MULIN_PII_KEY); settings refuses that in
production, where every secret comes from Secrets Manager.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any

from chalicelib import aws
from chalicelib.settings import get_settings

# How long a value read stays in memory, in seconds. The PII key keys the hashes standing in
# for phone numbers and voters and is never rotated while a round is open, so a warm
# container need not ask again; the cursor key only guards pagination state. The origin
# header's value changes with a deployment, so a rotation reaches the API within minutes.
PII_KEY_MAX_AGE = 24 * 3600
CURSOR_SECRET_MAX_AGE = 3600
ORIGIN_VERIFY_MAX_AGE = 300

# The provider belongs to the client it was built with: a test or the local stack that points
# the platform at another embedded AWS (aws.reset_clients) gets a new client, hence an empty cache.
_provider: tuple[Any, Any] | None = None


def _read(secret_id: str, max_age: int) -> str:
    global _provider
    from aws_lambda_powertools.utilities.parameters import SecretsProvider
    from aws_lambda_powertools.utilities.parameters.exceptions import GetParameterError

    client = aws.client("secretsmanager")
    if _provider is None or _provider[0] is not client:
        _provider = (client, SecretsProvider(boto3_client=client))
    try:
        value = _provider[1].get(secret_id, max_age=max_age)
    except GetParameterError as exc:
        # Powertools wraps the client's error; the API answers a throttled or unanswered call
        # with a retryable 503 only when it sees that error itself (aws.is_transient).
        if isinstance(exc.__context__, aws.failures()):
            raise exc.__context__ from exc
        raise
    if isinstance(value, bytes):
        return value.decode()
    return str(value)


def _plain(name: str) -> str:
    """The no-AWS stand-in; settings has already refused it in production."""
    return os.environ.get(name, "").strip()


def cursor_secret() -> bytes:
    """The key that signs pagination cursors."""
    secret_id = get_settings().cursor_secret_id
    if secret_id:
        return _read(secret_id, CURSOR_SECRET_MAX_AGE).encode()
    value = _plain("MULIN_CURSOR_SECRET")
    if not value:
        raise RuntimeError("neither MULIN_CURSOR_SECRET_ID nor MULIN_CURSOR_SECRET is set")
    return value.encode()


def pii_key() -> bytes:
    """The key of the hashes that stand in for phone numbers, accounts and voters.

    A deployment without one of its own (a bench, a unit test) derives it from the cursor
    secret; production always has its own (settings refuses to start otherwise)."""
    secret_id = get_settings().pii_key_secret_id
    if secret_id:
        return _read(secret_id, PII_KEY_MAX_AGE).encode()
    value = _plain("MULIN_PII_KEY")
    if value:
        return value.encode()
    return hmac.new(cursor_secret(), b"mulin-pii-key", hashlib.sha256).digest()


def origin_verify_secret() -> str:
    """What CloudFront sends in its origin header so the API knows a request came through it;
    "" where the deployment has no distribution in front of the API."""
    secret_id = get_settings().origin_verify_secret_id
    return _read(secret_id, ORIGIN_VERIFY_MAX_AGE) if secret_id else ""


def reset_secrets() -> None:
    """Forget every value read (tests that change a secret in the embedded AWS)."""
    global _provider
    _provider = None
