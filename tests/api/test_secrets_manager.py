"""The keys come from Secrets Manager at run time (chalicelib/secrets.py), exactly as in AWS:
the local stack's environment names the embedded AWS's secrets by id, and changing a secret
there changes what a new container signs and hashes with, while a warm one keeps its value."""

from __future__ import annotations

import hashlib
import hmac
from contextlib import contextmanager
from urllib.parse import quote

import boto3
import pytest

from tests.api.suggestion_helpers import get, post, suggestion


def secrets_client(stack):
    return boto3.client("secretsmanager", endpoint_url=stack.aws_endpoint_url, region_name=stack.region,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


@contextmanager
def changed(stack, secret_id: str, value: str):
    """The secret holds `value` until the block ends; then its old value again, read afresh."""
    from chalicelib.secrets import reset_secrets

    client = secrets_client(stack)
    before = client.get_secret_value(SecretId=secret_id)["SecretString"]
    client.put_secret_value(SecretId=secret_id, SecretString=value)
    try:
        yield
    finally:
        client.put_secret_value(SecretId=secret_id, SecretString=before)
        reset_secrets()


def test_the_environment_names_the_secrets_and_holds_no_key(api_env):
    from chalicelib.settings import get_settings

    environment = api_env.app_environment()
    assert not {"MULIN_CURSOR_SECRET", "MULIN_PII_KEY"} & set(environment)
    settings = get_settings()
    ids = (settings.cursor_secret_id, settings.pii_key_secret_id, settings.origin_verify_secret_id)
    assert all(i.startswith("arn:aws:secretsmanager:") for i in ids)
    stored = {secret["ARN"] for secret in secrets_client(api_env).list_secrets()["SecretList"]}
    assert set(ids) <= stored


def test_the_pii_key_is_the_stacks_secret_and_a_new_container_reads_a_changed_one(api_env):
    from chalicelib.privacy import keyed_digest
    from chalicelib.secrets import reset_secrets

    def expected(key: str) -> str:
        return hmac.new(key.encode(), b"voter\x00someone", hashlib.sha256).hexdigest()[:40]

    reset_secrets()
    stored = secrets_client(api_env).get_secret_value(SecretId=api_env.pii_key_secret_id)["SecretString"]
    assert keyed_digest("voter", "someone") == expected(stored)
    with changed(api_env, api_env.pii_key_secret_id, "another-pii-key-for-this-test"):
        # A warm container keeps the key it read: hashes never change while a round is open.
        assert keyed_digest("voter", "someone") == expected(stored)
        reset_secrets()
        assert keyed_digest("voter", "someone") == expected("another-pii-key-for-this-test")
    assert keyed_digest("voter", "someone") == expected(stored)


def test_a_cursor_is_signed_with_the_stacks_cursor_secret(api_env, client, accounts):
    from chalicelib.secrets import reset_secrets

    official = accounts["street_official"]
    for _ in range(2):
        assert post(client, "/suggestions", accounts["resident"], suggestion()).status_code == 201
    cursor = get(client, "/review/suggestions?limit=1", official).json_body["next_cursor"]
    assert cursor
    page = f"/review/suggestions?limit=1&cursor={quote(cursor)}"
    assert get(client, page, official).status_code == 200
    with changed(api_env, api_env.cursor_secret_id, "another-cursor-secret-for-this-test"):
        assert get(client, page, official).status_code == 200  # still the warm container's key
        reset_secrets()
        refused = get(client, page, official)
        assert refused.status_code == 400 and refused.json_body["code"] == "invalid_cursor"
    assert get(client, page, official).status_code == 200


def test_settings_refuse_a_plain_key_in_production(api_env, monkeypatch):
    from chalicelib.settings import get_settings, reset_settings

    monkeypatch.setenv("MULIN_STAGE", "prod")
    reset_settings()
    assert get_settings().is_production  # ids alone: production starts
    for name in ("MULIN_PII_KEY", "MULIN_CURSOR_SECRET"):
        monkeypatch.setenv(name, "a-key-in-the-functions-configuration")
        reset_settings()
        with pytest.raises(RuntimeError, match=name):
            get_settings()
        monkeypatch.delenv(name)
    monkeypatch.delenv("MULIN_PII_KEY_SECRET_ID")
    reset_settings()
    with pytest.raises(RuntimeError, match="MULIN_PII_KEY_SECRET_ID"):
        get_settings()
    reset_settings()
