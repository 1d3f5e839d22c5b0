"""The httpx transport every Mulin request goes through: the bearer token, Idempotency-Key and retries.

It sits under the generated client (mulin_client), so each typed operation gets the same
behaviour without the generated code knowing about it.
"""

from __future__ import annotations

import email.utils
import random
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import httpx

MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Safe to send again after the connection broke midway: the server may have acted once already.
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRIED_STATUSES = frozenset({429, 503})
IDEMPOTENCY_HEADER = "Idempotency-Key"


def retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks the client to wait (delta-seconds or an HTTP date), if it says."""
    raw = response.headers.get("Retry-After")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class MulinTransport(httpx.BaseTransport):
    """Adds `Authorization: Bearer <token()>` to every attempt (token() is asked each time, so a
    refreshed token is used as soon as it exists) and one Idempotency-Key to each mutating request,
    kept across its retries so that the server can tell a retry from a new request.

    429 and 503 are retried up to `retries` times: after Retry-After when the server gives one
    (a wait longer than `max_wait` is not waited: the last answer is returned at once, so the
    caller sees the server's Retry-After), else after an exponential backoff with jitter.
    A connection that could not be opened is retried for any request; one that broke after the
    request was sent only for idempotent methods.
    """

    def __init__(self, token: Callable[[], str] | None = None, *, retries: int = 5,
                 sleep: Callable[[float], None] = time.sleep, inner: httpx.BaseTransport | None = None,
                 backoff: float = 0.5, max_wait: float = 60.0) -> None:
        self.token = token
        self.retries = retries
        self.sleep = sleep
        self.inner = inner if inner is not None else httpx.HTTPTransport()
        self.backoff = backoff
        self.max_wait = max_wait

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.max_wait, self.backoff * 2.0 ** attempt)
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method in MUTATING and IDEMPOTENCY_HEADER not in request.headers:
            request.headers[IDEMPOTENCY_HEADER] = str(uuid.uuid4())
        attempt = 0
        while True:
            if self.token is not None:
                request.headers["Authorization"] = f"Bearer {self.token()}"
            try:
                response = self.inner.handle_request(request)
            except (httpx.ConnectError, httpx.ConnectTimeout):
                if attempt >= self.retries:
                    raise
            except httpx.TransportError:
                if request.method not in IDEMPOTENT or attempt >= self.retries:
                    raise
            else:
                if response.status_code not in RETRIED_STATUSES or attempt >= self.retries:
                    return response
                wait = retry_after(response)
                if wait is not None and wait > self.max_wait:
                    return response
                response.read()
                response.close()
                self.sleep(self._backoff(attempt) if wait is None else wait)
                attempt += 1
                continue
            self.sleep(self._backoff(attempt))
            attempt += 1

    def close(self) -> None:
        self.inner.close()
