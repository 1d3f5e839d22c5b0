"""Unit tests run with the network switched off: any socket connection fails the test."""

from __future__ import annotations

import socket

import pytest

UNIT_SETTINGS = {
    "MULIN_TABLE": "unit-main",
    "MULIN_IDEMPOTENCY_TABLE": "unit-idempotency",
    "MULIN_BALLOTS_TABLE": "unit-ballots",
    "MULIN_PUBLIC_BUCKET": "unit-public",
    "MULIN_ATTACHMENTS_BUCKET": "unit-attachments",
    "MULIN_USER_POOL_ID": "ap-east-1_unit",
    "MULIN_USER_POOL_CLIENT_ID": "unit-client",
    "MULIN_CURSOR_SECRET": "unit-secret",
}


class NetworkUsedError(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsedError(f"unit tests may not open connections: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(autouse=True)
def unit_settings(monkeypatch):
    # Whatever a session-wide stack of another tier left in the environment, a unit test
    # sees exactly these settings, as it does when run alone.
    import os

    for name in [n for n in os.environ if n.startswith("MULIN_") and n not in UNIT_SETTINGS]:
        monkeypatch.delenv(name)
    for name, value in UNIT_SETTINGS.items():
        monkeypatch.setenv(name, value)
