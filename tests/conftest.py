"""Shared by every test tier: a clean environment, so that no test talks to a real AWS."""

from __future__ import annotations

import os

import pytest

# Credentials that can reach nothing; mock_aws and the embedded AWS accept any.
os.environ.update(
    {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "ap-east-1",
        "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
        "AWS_EC2_METADATA_DISABLED": "true",
    }
)
for variable in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
    os.environ.pop(variable, None)


@pytest.fixture(autouse=True)
def _fresh_settings_and_clients():
    """Settings and clients are cached per process; each test starts from its own environment."""
    from chalicelib.aws import reset_clients
    from chalicelib.settings import reset_settings

    reset_settings()
    reset_clients()
    yield
    reset_settings()
    reset_clients()
