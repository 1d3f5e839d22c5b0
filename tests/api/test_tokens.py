"""Only a valid ID token of our pool and client opens an authenticated route."""

import base64
import gzip
import json
import time
from pathlib import Path

import boto3
import jwt
import moto.cognitoidp
import pytest


def moto_signing_key():
    """The private key the embedded Cognito signs with: lets a test mint a genuinely
    signed token with claims Cognito would never issue (an expired one)."""
    path = Path(moto.cognitoidp.__file__).parent / "resources" / "jwks-private.json.gz"
    key = json.loads(gzip.decompress(path.read_bytes()))
    return jwt.algorithms.RSAAlgorithm.from_jwk(json.dumps(key))


def claims_of(token):
    return jwt.decode(token, options={"verify_signature": False})


def resign(token, **changes):
    claims = {**claims_of(token), **changes}
    return jwt.encode(claims, moto_signing_key(), algorithm="RS256", headers={"kid": "dummy"})


def me(client, token):
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    return client.http.get("/me", headers=headers)


def test_valid_token_reaches_the_route_as_the_signed_in_official(client, accounts):
    official = accounts["street_official"]
    response = me(client, official.token)
    assert response.status_code == 200
    assert response.json_body == {
        "user_id": official.user_id,
        "role": "street_official",
        "jurisdiction": "310110012",
        "residence": None,
        "phone_masked": f"{official.phone[3:6]}****{official.phone[-4:]}",
    }


def test_a_resident_learns_the_committee_staff_verified_and_no_jurisdiction(client, accounts):
    body = me(client, accounts["kongjiang_resident"].token).json_body
    assert (body["role"], body["jurisdiction"], body["residence"]) == ("resident", None, "310110012001")
    assert me(client, accounts["resident"].token).json_body["residence"] is None


def test_the_same_key_resigning_unchanged_claims_is_accepted(client, accounts):
    # Proves the forged-token tests below fail for their one change, not for the minting.
    assert me(client, resign(accounts["resident"].token)).status_code == 200


def test_missing_token_is_401(client):
    assert me(client, None).status_code == 401


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda t: t[:-6] + ("AAAAAA" if not t.endswith("AAAAAA") else "BBBBBB"), id="tampered-signature"),
        pytest.param(
            lambda t: ".".join(
                [t.split(".")[0], base64.urlsafe_b64encode(json.dumps(
                    {**claims_of(t), "cognito:groups": ["platform_admin"], "custom:division": "31"}
                ).encode()).rstrip(b"=").decode(), t.split(".")[2]]
            ),
            id="payload-edited-to-platform-admin",
        ),
        pytest.param(lambda t: resign(t, exp=int(time.time()) - 3600, iat=int(time.time()) - 7200), id="expired"),
        pytest.param(lambda t: resign(t, aud="another-client"), id="other-client"),
        pytest.param(lambda t: resign(t, token_use="access"), id="access-token"),
        pytest.param(lambda t: jwt.encode(claims_of(t), "", algorithm="none"), id="alg-none"),
        pytest.param(lambda t: jwt.encode(claims_of(t), "a-shared-secret-of-thirty-two-bytes!", algorithm="HS256",
                                          headers={"kid": "dummy"}), id="hs256-confusion"),
        pytest.param(lambda t: "not-a-jwt", id="garbage"),
    ],
)
def test_forged_or_unusable_tokens_are_refused(client, accounts, mutate):
    response = me(client, mutate(accounts["resident"].token))
    assert response.status_code in (401, 403)
    assert b"user_id" not in response.body


def test_token_of_another_user_pool_is_refused(client, stack):
    # A second pool in the same embedded AWS signs with the same key, so only the
    # issuer and audience checks can tell its tokens apart.
    cognito = boto3.client("cognito-idp", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)
    from chalicelib.identity import create_user, create_user_pool

    pool_id, client_id = create_user_pool(cognito, "another-pool")
    create_user(cognito, pool_id, phone="+8613700000009", password="another-pool-pw-1", group=None, division=None)
    token = cognito.initiate_auth(
        ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "+8613700000009", "PASSWORD": "another-pool-pw-1"},
    )["AuthenticationResult"]["IdToken"]
    assert claims_of(token)["iss"].endswith(pool_id)
    assert me(client, token).status_code == 403


def test_real_access_token_of_our_pool_is_refused(client, stack, accounts):
    cognito = boto3.client("cognito-idp", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)
    access = cognito.initiate_auth(
        ClientId=stack.user_pool_client_id, AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": accounts["resident"].phone, "PASSWORD": "Api-test-password-1"},
    )["AuthenticationResult"]["AccessToken"]
    assert me(client, access).status_code == 403


def test_officials_and_residents_sign_in_through_their_own_pools(client, stack, accounts):
    cognito = boto3.client("cognito-idp", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)
    official = accounts["street_official"]
    # An official's account is not in the residents' pool, whose client cannot sign it in.
    with pytest.raises(cognito.exceptions.ClientError):
        cognito.initiate_auth(ClientId=stack.user_pool_client_id, AuthFlow="USER_PASSWORD_AUTH",
                              AuthParameters={"USERNAME": official.phone, "PASSWORD": "Api-test-password-1"})
    assert claims_of(official.token)["iss"].endswith(stack.officials_user_pool_id)
    assert claims_of(accounts["resident"].token)["iss"].endswith(stack.user_pool_id)
    pools = {p["Id"]: p for p in cognito.list_user_pools(MaxResults=60)["UserPools"]}
    mfa = {pool_id: cognito.get_user_pool_mfa_config(UserPoolId=pool_id)["MfaConfiguration"]
           for pool_id in (stack.user_pool_id, stack.officials_user_pool_id) if pool_id in pools}
    assert mfa == {stack.user_pool_id: "OPTIONAL", stack.officials_user_pool_id: "ON"}


def test_a_residents_pool_token_naming_an_official_group_is_still_a_residents(client, accounts):
    # Even if someone managed to put a group into a resident's token, the pool that signed
    # it decides: the residents' pool never makes officials.
    forged = resign(accounts["resident"].token, **{"cognito:groups": ["platform_admin"], "custom:division": "31"})
    response = me(client, forged)
    assert response.status_code == 200 and response.json_body["role"] == "resident"


def test_an_officials_pool_token_without_a_role_group_is_refused(client, accounts):
    unassigned = resign(accounts["street_official"].token, **{"cognito:groups": []})
    assert me(client, unassigned).status_code == 403
