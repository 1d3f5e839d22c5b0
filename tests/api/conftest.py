"""API tests: the real app through chalice.test.Client, its built-in authorizer verifying
real tokens issued by the embedded Cognito (moto server on 127.0.0.1), whose JWKS it
fetches over HTTP exactly as it would from AWS.

One embedded AWS serves the whole session: the registry is loaded once and each role
signs in once. Tests create their own data and never assume an empty table.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from chalice.test import Client

from local_stack.moto_server import start_moto_server
from local_stack.provision import add_user, provision, sign_in
from tests.scan_guard import forbid_scans

PASSWORD = "Api-test-password-1"
# Each test account sends far more than a person would in an hour; tests/api/test_rate_limits.py
# puts the real limits back for itself.
SUITE_ENVIRONMENT = {"MULIN_RATE_LIMIT_SCALE": "1000"}

# (name, role, jurisdiction): one per role in 杨浦区 控江路街道, plus officials of
# another street and district (黄浦区 南京东路街道) to prove isolation.
ACCOUNTS = (
    ("resident", "resident", None),
    ("other_resident", "resident", None),
    ("committee_staff", "committee_staff", "310110012001"),
    ("street_official", "street_official", "310110012"),
    ("district_admin", "district_admin", "310110"),
    ("platform_admin", "platform_admin", "31"),
    ("foreign_street_official", "street_official", "310101002"),
    ("foreign_district_admin", "district_admin", "310101"),
    # 延吉新村街道, the neighbouring street of the same district: receives transfers.
    ("neighbour_street_official", "street_official", "310110015"),
    ("other_committee_staff", "committee_staff", "310110012003"),
    # A resident whose residence in 控一居委会 has been verified (custom:division).
    ("kongjiang_resident", "resident", "310110012001"),
    # A neighbour in the same committee: objects to a fund application during its notice.
    ("kongjiang_neighbour", "resident", "310110012001"),
)


@dataclass
class Account:
    name: str
    role: str
    division: str | None
    phone: str
    user_id: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@contextmanager
def environment(values: dict[str, str]):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def stack():
    moto = start_moto_server()
    try:
        stack = provision(moto.url, prefix="mulin-api-test")
        with environment({**stack.app_environment(), **SUITE_ENVIRONMENT}):
            from chalicelib.aws import reset_clients
            from chalicelib.settings import reset_settings
            from local_stack.demo import load_divisions

            reset_settings()
            reset_clients()
            load_divisions()
            reset_clients()
        yield stack
    finally:
        moto.stop()


@pytest.fixture(scope="session")
def accounts(stack) -> dict[str, Account]:
    result = {}
    for index, (name, role, division) in enumerate(ACCOUNTS):
        phone = f"+86139{index:08d}"
        user = add_user(stack, phone=phone, password=PASSWORD, role=role, division=division)
        result[name] = Account(name, role, division, phone, user.user_id, sign_in(stack, phone, PASSWORD))
    return result


@pytest.fixture
def api_env(stack, monkeypatch):
    for name, value in {**stack.app_environment(), **SUITE_ENVIRONMENT}.items():
        monkeypatch.setenv(name, value)
    from chalicelib.aws import reset_clients
    from chalicelib.settings import reset_settings

    reset_settings()
    reset_clients()
    return stack


@pytest.fixture
def client(api_env):
    from app import app

    with forbid_scans(), Client(app) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def s3(stack):
    """The embedded S3, as a test reads what the app published or stored."""
    import boto3

    return boto3.client("s3", endpoint_url=stack.aws_endpoint_url, region_name=stack.region,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


@pytest.fixture
def real_limits(client, monkeypatch):
    """The client under the production limits, not the suite's raised ones."""
    from chalicelib.settings import reset_settings

    monkeypatch.setenv("MULIN_RATE_LIMIT_SCALE", "1")
    reset_settings()
    return client


@pytest.fixture
def at(monkeypatch):
    """Moves the platform's clock to a Shanghai wall-clock time, e.g. "2027-03-02T10:00:00"."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    def move_to(shanghai_time: str) -> None:
        instant = datetime.fromisoformat(shanghai_time).replace(tzinfo=ZoneInfo("Asia/Shanghai"))
        monkeypatch.setattr("chalicelib.clock.utc_now", lambda: instant)

    return move_to
