"""Integration tests: repositories against moto's in-process AWS (mock_aws)."""

from __future__ import annotations

import boto3
import pytest
from moto import mock_aws

from chalicelib.storage.buckets import create_buckets
from chalicelib.storage.table import create_tables
from tests.scan_guard import forbid_scans

SETTINGS = {
    "MULIN_TABLE": "it-main",
    "MULIN_IDEMPOTENCY_TABLE": "it-idempotency",
    "MULIN_BALLOTS_TABLE": "it-ballots",
    "MULIN_PUBLIC_BUCKET": "it-public",
    "MULIN_ATTACHMENTS_BUCKET": "it-attachments",
    "MULIN_USER_POOL_ID": "ap-east-1_it",
    "MULIN_USER_POOL_CLIENT_ID": "it-client",
    "MULIN_CURSOR_SECRET": "it-secret",
    "MULIN_STAGE": "test",
}


@pytest.fixture
def aws_unguarded(monkeypatch):
    # mock_aws stops intercepting when an endpoint URL is set.
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    # Whatever a session-wide stack of another tier left in the environment (a secret's id
    # among them), an integration test sees exactly these settings, as it does when run alone.
    import os

    for name in [n for n in os.environ if n.startswith("MULIN_") and n not in SETTINGS]:
        monkeypatch.delenv(name)
    for name, value in SETTINGS.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        region = "ap-east-1"
        create_tables(boto3.client("dynamodb", region_name=region), SETTINGS["MULIN_TABLE"],
                      SETTINGS["MULIN_IDEMPOTENCY_TABLE"], SETTINGS["MULIN_BALLOTS_TABLE"])
        create_buckets(boto3.client("s3", region_name=region), region, SETTINGS["MULIN_ATTACHMENTS_BUCKET"],
                       SETTINGS["MULIN_PUBLIC_BUCKET"])
        yield


@pytest.fixture
def aws(aws_unguarded):
    with forbid_scans():
        yield
