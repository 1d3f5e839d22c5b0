"""The client package's sign-in (client/mulin/auth.py) against the embedded Cognito, whose SRP
and TOTP are checked as AWS checks them: a new official's first sign-in, later sign-ins with an
authenticator code, the token cache, silent refresh and sign-out. Also client/mulin/config.py."""

from __future__ import annotations

import json
import stat
import time
from urllib.parse import parse_qs, urlparse

import pytest
from botocore.exceptions import ClientError
from mulin.auth import Auth, NotSignedIn, SignInFailed
from mulin.config import Stack, StackFileError, load_stack

from local_stack.embedded_mfa import STEP_SECONDS, totp
from local_stack.outbox import latest
from tests.api.helpers import get
from tests.api.staff_helpers import NEW_PASSWORD, Signed, cognito, create
from tests.api.suggestion_helpers import KONGJIANG_COMMITTEE


class Official:
    """A new official's phone, temporary password and authenticator app, as SignInPrompts."""

    def __init__(self, phone: str, temporary_password: str) -> None:
        self.phone, self.temporary_password = phone, temporary_password
        self.secret: str | None = None
        self.uri: str | None = None
        self.last_step = -1
        self.new_passwords = 0
        self.wrong_code = False

    def new_password(self) -> str:
        self.new_passwords += 1
        return NEW_PASSWORD

    def show_authenticator_setup(self, otpauth_uri: str, secret: str) -> None:
        self.uri, self.secret = otpauth_uri, secret

    def authenticator_code(self) -> str:
        assert self.secret is not None, "a code was asked for before the app was set up"
        if self.wrong_code:
            right = {totp(self.secret, time.time() + skew * STEP_SECONDS) for skew in (-1, 0, 1)}
            return next(c for c in ("000000", "111111", "222222", "333333") if c not in right)
        # Cognito takes a code once, and the next step's early: a second sign-in need not wait.
        step = max(int(time.time() // STEP_SECONDS), self.last_step + 1)
        while step > int(time.time() // STEP_SECONDS) + 1:
            time.sleep(0.5)
        self.last_step = step
        return totp(self.secret, step * STEP_SECONDS)


def client_stack(stack) -> Stack:
    return Stack(api_url="http://127.0.0.1:8000", region=stack.region, user_pool_id=stack.officials_user_pool_id,
                 client_id=stack.officials_user_pool_client_id, cognito_endpoint=stack.aws_endpoint_url)


@pytest.fixture
def official(client, stack, accounts) -> Official:
    created = create(client, accounts["street_official"], "committee_staff", KONGJIANG_COMMITTEE)
    sent = latest(stack.sms_outbox, created["phone"], "temporary_password")
    return Official(created["phone"], sent["password"])


@pytest.fixture
def auth(stack, tmp_path) -> Auth:
    return Auth(client_stack(stack), cache_dir=tmp_path / "mulin")


@pytest.fixture
def signed_in(auth, official) -> Auth:
    auth.sign_in(official.phone, official.temporary_password, official)
    return auth


def cached(auth: Auth) -> dict:
    return json.loads(auth.cache_file.read_text(encoding="utf-8"))


def test_first_sign_in_sets_a_password_and_an_authenticator_then_a_code_signs_in(client, auth, official):
    claims = auth.sign_in(official.phone, official.temporary_password, official)

    assert claims["phone_number"] == official.phone and claims["token_use"] == "id"
    assert official.new_passwords == 1
    uri = urlparse(official.uri)
    assert (uri.scheme, uri.netloc, uri.path) == ("otpauth", "totp", f"/Mulin:{official.phone}")
    assert parse_qs(uri.query) == {"secret": [official.secret], "issuer": ["Mulin"]}
    # The API accepts the token the client holds.
    assert get(client, "/me", Signed(official.phone, auth.id_token())).json_body["jurisdiction"] == KONGJIANG_COMMITTEE

    # Signed out, the official signs in again: password and a code from the app Cognito verified.
    auth.sign_out()
    official.uri = None
    claims = auth.sign_in(official.phone, NEW_PASSWORD, official)
    assert claims["phone_number"] == official.phone
    assert official.new_passwords == 1 and official.uri is None


def test_the_token_cache_is_private_and_holds_no_secret(auth, official):
    # Left by someone else's umask: a broken cache is no sign-in, and a sign-in makes both private.
    auth.cache_dir.mkdir(mode=0o755)
    auth.cache_dir.chmod(0o755)
    auth.cache_file.write_text("{}", encoding="utf-8")
    auth.cache_file.chmod(0o644)
    with pytest.raises(NotSignedIn):
        auth.id_token()
    assert not auth.cache_file.exists()
    auth.cache_file.write_text("{}", encoding="utf-8")
    auth.cache_file.chmod(0o644)

    auth.sign_in(official.phone, official.temporary_password, official)

    assert stat.S_IMODE(auth.cache_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(auth.cache_dir.stat().st_mode) == 0o700
    text = auth.cache_file.read_text(encoding="utf-8")
    for secret in (official.temporary_password, NEW_PASSWORD, official.secret):
        assert secret not in text
    assert set(json.loads(text)) == {"id_token", "access_token", "refresh_token", "expires_at"}


def test_a_wrong_password_fails_clearly_and_caches_nothing(auth, official):
    with pytest.raises(SignInFailed) as failed:
        auth.sign_in(official.phone, official.temporary_password + "x", official)

    assert failed.value.code == "NotAuthorizedException"
    assert "password" in failed.value.message and "密码" in failed.value.message_zh
    assert official.temporary_password not in str(failed.value)
    assert not auth.cache_file.exists()


def test_a_wrong_code_fails_at_setup_and_at_sign_in_and_caches_nothing(auth, official):
    official.wrong_code = True
    with pytest.raises(SignInFailed) as failed:
        auth.sign_in(official.phone, official.temporary_password, official)
    assert failed.value.code == "EnableSoftwareTokenMFAException" and "验证器" in str(failed.value)
    assert not auth.cache_file.exists()

    # The new password was set before the app: the next sign-in sets the app up again.
    official.wrong_code = False
    auth.sign_in(official.phone, NEW_PASSWORD, official)
    auth.sign_out()

    official.wrong_code = True
    with pytest.raises(SignInFailed) as failed:
        auth.sign_in(official.phone, NEW_PASSWORD, official)
    assert failed.value.code == "CodeMismatchException"
    assert not auth.cache_file.exists()


def test_a_token_near_expiry_is_refreshed_silently(signed_in):
    before = cached(signed_in)
    with_little_left = {**before, "expires_at": time.time() + 60}
    signed_in.cache_file.write_text(json.dumps(with_little_left), encoding="utf-8")

    token = signed_in.id_token()

    after = cached(signed_in)
    assert token != before["id_token"] and token == after["id_token"]
    assert after["expires_at"] > time.time() + 50 * 60
    assert after["refresh_token"] == before["refresh_token"]
    assert stat.S_IMODE(signed_in.cache_file.stat().st_mode) == 0o600
    # With time left, the cached token is used as it is.
    assert signed_in.id_token() == token


def test_a_revoked_refresh_token_means_signing_in_again(signed_in, stack):
    record = cached(signed_in)
    cognito(stack).revoke_token(Token=record["refresh_token"], ClientId=stack.officials_user_pool_client_id)
    signed_in.cache_file.write_text(json.dumps({**record, "expires_at": time.time()}), encoding="utf-8")

    with pytest.raises(NotSignedIn, match="mulin login"):
        signed_in.id_token()
    assert not signed_in.cache_file.exists()


def test_sign_out_revokes_the_refresh_token_and_deletes_the_cache(signed_in, stack):
    refresh_token = cached(signed_in)["refresh_token"]

    signed_in.sign_out()

    assert not signed_in.cache_file.exists()
    with pytest.raises(NotSignedIn):
        signed_in.id_token()
    with pytest.raises(ClientError) as refused:
        cognito(stack).initiate_auth(ClientId=stack.officials_user_pool_client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                     AuthParameters={"REFRESH_TOKEN": refresh_token})
    assert refused.value.response["Error"]["Code"] == "NotAuthorizedException"
    signed_in.sign_out()  # signed out already: nothing to do


# ---- load_stack ------------------------------------------------------------------------------

def test_load_stack_reads_the_local_stack_file(stack, tmp_path, monkeypatch):
    path = tmp_path / "stack.json"
    path.write_text(json.dumps({**stack.to_json(), "api_url": "http://127.0.0.1:8000"}), encoding="utf-8")

    loaded = load_stack(path)

    assert loaded == client_stack(stack)
    monkeypatch.setenv("MULIN_STACK", str(path))
    assert load_stack() == loaded
    monkeypatch.delenv("MULIN_STACK")
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".local").mkdir()
    path.rename(tmp_path / ".local" / "stack.json")
    assert load_stack() == loaded


def test_load_stack_reads_the_cdk_outputs_file(tmp_path):
    path = tmp_path / "out.json"
    path.write_text(json.dumps({"MulinProd": {
        "ApiUrl": "https://d111111abcdef8.cloudfront.net/api/", "OfficialsUserPoolId": "ap-east-1_AbCdEf123",
        "OfficialsUserPoolClientId": "1example23456789", "UserPoolId": "ap-east-1_Residents", "SiteUrl": "x"}}))

    loaded = load_stack(path)

    assert loaded == Stack(api_url="https://d111111abcdef8.cloudfront.net/api", region="ap-east-1",
                           user_pool_id="ap-east-1_AbCdEf123", client_id="1example23456789", cognito_endpoint=None)
    assert len(loaded.key) == 16 and loaded.key != Stack("http://127.0.0.1:8000", "ap-east-1", "ap-east-1_AbCdEf123",
                                                         "1example23456789").key


@pytest.mark.parametrize(("content", "named"), [
    ({"MulinProd": {"ApiUrl": "https://x/api/", "OfficialsUserPoolId": "ap-east-1_AbC"}}, "OfficialsUserPoolClientId"),
    ({"aws_endpoint_url": "http://127.0.0.1:5000", "region": "ap-east-1", "officials_user_pool_id": "ap-east-1_AbC",
      "officials_user_pool_client_id": "abc", "api_url": ""}, "api_url"),
    ({"Other": {"Bucket": "b"}}, "OfficialsUserPoolId"),
])
def test_load_stack_names_the_file_and_the_missing_field(tmp_path, content, named):
    path = tmp_path / "stack.json"
    path.write_text(json.dumps(content), encoding="utf-8")

    with pytest.raises(StackFileError, match=named) as failed:
        load_stack(path)
    assert str(path) in str(failed.value)
    with pytest.raises(StackFileError, match="no such stack file"):
        load_stack(tmp_path / "absent.json")
