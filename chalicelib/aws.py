"""Lazily built, cached boto3 clients. Only repositories call these.

boto3 is imported on first use, not at import time, so that a cold start does not pay
for it before the first request needs it. Tests reset the cache when they point the
platform at another embedded AWS.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from chalicelib.settings import get_settings


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
