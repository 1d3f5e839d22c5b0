"""Configuration read once from the environment, on first use, never at import.

Every deployment (local stack, tests, AWS) sets the same variables; the local stack and
the CDK app are the two places that write them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import TypedDict


@dataclass(frozen=True)
class Settings:
    stage: str
    region: str
    table_name: str
    idempotency_table_name: str
    ballots_table_name: str
    public_bucket: str
    attachments_bucket: str
    user_pool_id: str
    user_pool_client_id: str
    # Tokens name the AWS issuer even when the embedded AWS serves the keys from a local
    # URL, so the two are configured apart.
    jwt_issuer: str
    jwks_url: str
    # The officials' pool (MFA required). Unset where one external issuer serves everyone
    # (the China regions); then roles come from that issuer's groups alone.
    officials_user_pool_id: str = ""
    officials_user_pool_client_id: str = ""
    officials_jwt_issuer: str = ""
    officials_jwks_url: str = ""
    max_body_bytes: int = 256 * 1024
    # Multiplies every per-identity limit (chalicelib/ratelimit.py): raised for a campaign
    # week, or by test suites whose one test account sends hundreds of requests an hour.
    rate_limit_scale: float = 1.0
    # Suggestion categories whose deadlines count Chinese working days instead of the
    # statutory calendar days (a deployment's choice, e.g. to match a 12345 work-order rule).
    working_day_categories: frozenset[str] = frozenset()
    # Where each new message to a resident is published (an SMS sender subscribes in
    # production); empty: in-app inbox only.
    notifications_topic_arn: str = ""
    # At most this many texts to one resident a Shanghai day (texts/): more is the inbox's alone.
    sms_daily_cap: int = 3
    # False only where texts must go at any hour (the test stacks, which run at any hour and
    # read the outbox at once); a deployment keeps 21:00–08:00 quiet.
    sms_quiet_hours: bool = True
    # Secrets Manager ids (names or ARNs) of the secrets chalicelib/secrets.py reads; never
    # their values. The cursor secret signs pagination cursors; the PII key keys the hashes
    # that stand in for phone numbers, accounts and voters; the origin-verify secret is what
    # CloudFront sends the API to show a request came through it ("" without a distribution).
    cursor_secret_id: str = ""
    pii_key_secret_id: str = ""
    origin_verify_secret_id: str = ""
    # Months asked for through the API are queued here and published by the function that
    # reads the queue, since a large month outlasts an API request.
    publications_queue_url: str = ""
    tallies_queue_url: str = ""

    @property
    def is_production(self) -> bool:
        return self.stage == "prod"

    def token_issuers(self) -> list[TokenIssuer]:
        if not self.officials_jwt_issuer:
            return [TokenIssuer(self.jwt_issuer, self.jwks_url, self.user_pool_client_id, pool=None)]
        return [TokenIssuer(self.jwt_issuer, self.jwks_url, self.user_pool_client_id, pool="residents"),
                TokenIssuer(self.officials_jwt_issuer, self.officials_jwks_url, self.officials_user_pool_client_id,
                            pool="officials")]


@dataclass(frozen=True)
class TokenIssuer:
    """Who may sign the ID tokens the API accepts, and which pool that is (None: one for all)."""

    issuer: str
    jwks_url: str
    audience: str
    pool: str | None


def _require(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise RuntimeError(f"environment variable {name} is not set")
    return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    region = os.environ.get("AWS_REGION") or _require("AWS_DEFAULT_REGION")
    pool_id = _require("MULIN_USER_POOL_ID")
    issuer = os.environ.get("MULIN_JWT_ISSUER") or f"https://cognito-idp.{region}.amazonaws.com/{pool_id}"
    return Settings(
        stage=os.environ.get("MULIN_STAGE", "dev"),
        region=region,
        table_name=_require("MULIN_TABLE"),
        idempotency_table_name=_require("MULIN_IDEMPOTENCY_TABLE"),
        ballots_table_name=_require("MULIN_BALLOTS_TABLE"),
        public_bucket=_require("MULIN_PUBLIC_BUCKET"),
        attachments_bucket=_require("MULIN_ATTACHMENTS_BUCKET"),
        user_pool_id=pool_id,
        user_pool_client_id=_require("MULIN_USER_POOL_CLIENT_ID"),
        jwt_issuer=issuer,
        jwks_url=os.environ.get("MULIN_JWKS_URL") or f"{issuer}/.well-known/jwks.json",
        **_officials(region),
        working_day_categories=frozenset(
            c.strip() for c in os.environ.get("MULIN_WORKING_DAY_CATEGORIES", "").split(",") if c.strip()
        ),
        notifications_topic_arn=os.environ.get("MULIN_NOTIFICATIONS_TOPIC_ARN", "").strip(),
        sms_daily_cap=int(os.environ.get("MULIN_SMS_DAILY_CAP", "").strip() or 3),
        sms_quiet_hours=os.environ.get("MULIN_SMS_QUIET_HOURS", "").strip().lower() != "off",
        **_secret_ids(),
        publications_queue_url=os.environ.get("MULIN_PUBLICATIONS_QUEUE_URL", "").strip(),
        tallies_queue_url=os.environ.get("MULIN_TALLIES_QUEUE_URL", "").strip(),
        rate_limit_scale=float(os.environ.get("MULIN_RATE_LIMIT_SCALE", "").strip() or 1.0),
    )


# Plain secret values, the stand-in outside AWS (chalicelib/secrets.py), and the ids that
# replace them everywhere else.
PLAIN_SECRETS = {"MULIN_CURSOR_SECRET": "MULIN_CURSOR_SECRET_ID", "MULIN_PII_KEY": "MULIN_PII_KEY_SECRET_ID"}


class _SecretIds(TypedDict):
    cursor_secret_id: str
    pii_key_secret_id: str
    origin_verify_secret_id: str


# Empty where no officials' pool is configured.
class _Officials(TypedDict, total=False):
    officials_user_pool_id: str
    officials_user_pool_client_id: str
    officials_jwt_issuer: str
    officials_jwks_url: str


def _secret_ids() -> _SecretIds:
    ids = {name: os.environ.get(name, "").strip() for name in (
        "MULIN_CURSOR_SECRET_ID", "MULIN_PII_KEY_SECRET_ID", "MULIN_ORIGIN_VERIFY_SECRET_ID")}
    if os.environ.get("MULIN_STAGE", "dev") == "prod":
        # A key in an environment variable is readable by whoever may read the function's
        # configuration: production refuses to start with one, or without the ids.
        plain = [name for name in PLAIN_SECRETS if os.environ.get(name, "").strip()]
        if plain:
            raise RuntimeError(f"{', '.join(plain)} must not be set in production: "
                               "secrets are read from Secrets Manager by their ids")
        missing = [name for name in PLAIN_SECRETS.values() if not ids[name]]
        if missing:
            raise RuntimeError(f"environment variable {', '.join(missing)} is not set")
    elif not ids["MULIN_CURSOR_SECRET_ID"]:
        _require("MULIN_CURSOR_SECRET")
    return {"cursor_secret_id": ids["MULIN_CURSOR_SECRET_ID"], "pii_key_secret_id": ids["MULIN_PII_KEY_SECRET_ID"],
            "origin_verify_secret_id": ids["MULIN_ORIGIN_VERIFY_SECRET_ID"]}


def _officials(region: str) -> _Officials:
    pool_id = os.environ.get("MULIN_OFFICIALS_USER_POOL_ID", "").strip()
    if not pool_id:
        return {}
    issuer = os.environ.get("MULIN_OFFICIALS_JWT_ISSUER") or f"https://cognito-idp.{region}.amazonaws.com/{pool_id}"
    return {
        "officials_user_pool_id": pool_id,
        "officials_user_pool_client_id": _require("MULIN_OFFICIALS_USER_POOL_CLIENT_ID"),
        "officials_jwt_issuer": issuer,
        "officials_jwks_url": os.environ.get("MULIN_OFFICIALS_JWKS_URL") or f"{issuer}/.well-known/jwks.json",
    }


def reset_settings() -> None:
    """Forget the cached settings (tests and the local stack change the environment)."""
    get_settings.cache_clear()
