"""A botocore event hook that makes any DynamoDB Scan by the app fail the test.

Listing must be a Query on a key designed for it; a Scan slips in easily and only hurts
at scale, so every integration and API test runs with this guard on the app's client.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class ScanUsedError(AssertionError):
    pass


@contextmanager
def forbid_scans() -> Iterator[list[str]]:
    from chalicelib import aws

    seen: list[str] = []

    def refuse(params, **kwargs):
        seen.append(str(params.get("TableName")))
        raise ScanUsedError(f"Scan on {params.get('TableName')}: use a Query on a designed key")

    events = aws.client("dynamodb").meta.events
    events.register("provide-client-params.dynamodb.Scan", refuse, unique_id="mulin-forbid-scan")
    try:
        yield seen
    finally:
        events.unregister("provide-client-params.dynamodb.Scan", unique_id="mulin-forbid-scan")
    assert not seen, f"the app scanned: {seen}"
