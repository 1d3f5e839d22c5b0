"""Where the keys come from (chalicelib/secrets.py): Secrets Manager whenever an id is set; a
plain value only outside AWS, and never in production."""

from __future__ import annotations

import hashlib
import hmac

import pytest


@pytest.fixture
def fresh(monkeypatch):
    from chalicelib.aws import reset_clients
    from chalicelib.secrets import reset_secrets
    from chalicelib.settings import reset_settings

    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-east-1")
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)

    def reset() -> None:
        reset_settings()
        reset_clients()
        reset_secrets()

    reset()
    yield reset
    reset()


def test_outside_aws_a_plain_value_stands_in_and_the_pii_key_derives_from_the_cursor_secret(fresh, monkeypatch):
    from chalicelib import secrets

    assert secrets.cursor_secret() == b"unit-secret"
    assert secrets.pii_key() == hmac.new(b"unit-secret", b"mulin-pii-key", hashlib.sha256).digest()
    assert secrets.origin_verify_secret() == ""
    monkeypatch.setenv("MULIN_PII_KEY", "unit-pii")
    assert secrets.pii_key() == b"unit-pii"


def test_an_id_wins_over_a_plain_value_and_the_value_is_read_once(fresh, monkeypatch):
    import boto3
    from moto import mock_aws

    from chalicelib import secrets

    with mock_aws():
        client = boto3.client("secretsmanager", region_name="ap-east-1")
        arns = {name: client.create_secret(Name=name, SecretString=f"{name}-value")["ARN"]
                for name in ("cursor", "pii", "origin")}
        monkeypatch.setenv("MULIN_CURSOR_SECRET_ID", arns["cursor"])
        monkeypatch.setenv("MULIN_PII_KEY_SECRET_ID", arns["pii"])
        monkeypatch.setenv("MULIN_ORIGIN_VERIFY_SECRET_ID", arns["origin"])
        monkeypatch.setenv("MULIN_PII_KEY", "ignored")
        fresh()
        assert (secrets.cursor_secret(), secrets.pii_key(), secrets.origin_verify_secret()) == (
            b"cursor-value", b"pii-value", "origin-value")
        client.put_secret_value(SecretId=arns["pii"], SecretString="rotated")
        assert secrets.pii_key() == b"pii-value"  # cached for the container's life
        secrets.reset_secrets()
        assert secrets.pii_key() == b"rotated"


@pytest.mark.parametrize("plain", ["MULIN_CURSOR_SECRET", "MULIN_PII_KEY"])
def test_production_refuses_to_start_with_a_key_in_its_environment(fresh, monkeypatch, plain):
    from chalicelib.settings import get_settings

    monkeypatch.setenv("MULIN_STAGE", "prod")
    monkeypatch.setenv("MULIN_CURSOR_SECRET_ID", "cursor")
    monkeypatch.setenv("MULIN_PII_KEY_SECRET_ID", "pii")
    monkeypatch.delenv("MULIN_CURSOR_SECRET", raising=False)
    fresh()
    assert get_settings().cursor_secret_id == "cursor"
    monkeypatch.setenv(plain, "a-key-anyone-reading-the-configuration-sees")
    fresh()
    with pytest.raises(RuntimeError, match=plain):
        get_settings()


def test_production_refuses_to_start_without_the_ids(fresh, monkeypatch):
    from chalicelib.settings import get_settings

    monkeypatch.setenv("MULIN_STAGE", "prod")
    monkeypatch.delenv("MULIN_CURSOR_SECRET", raising=False)
    monkeypatch.setenv("MULIN_CURSOR_SECRET_ID", "cursor")
    fresh()
    with pytest.raises(RuntimeError, match="MULIN_PII_KEY_SECRET_ID"):
        get_settings()


def test_a_failed_read_surfaces_as_the_clients_own_error(fresh, monkeypatch):
    from botocore.exceptions import ClientError
    from moto import mock_aws

    from chalicelib import aws, secrets

    with mock_aws():
        monkeypatch.setenv("MULIN_PII_KEY_SECRET_ID", "no-such-secret")
        fresh()
        with pytest.raises(ClientError) as raised:
            secrets.pii_key()
    assert aws.error_code(raised.value) == "ResourceNotFoundException"
