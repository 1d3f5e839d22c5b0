"""ID tokens are verified with the pure-Python `rsa`, as strictly as with `cryptography`.

Keys and tokens are minted with `cryptography` (a dev dependency); the code under test
must never need it, which the last tests check in a process where it cannot be imported.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import hmac
import io
import json
import os
import subprocess
import sys
import time
import urllib.error
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric import rsa as crypto_rsa

from chalicelib import tokens
from chalicelib.auth import authenticate, verify_token
from chalicelib.settings import get_settings

ROOT = Path(__file__).resolve().parents[2]
KID = "pool-key-1"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def new_key():
    return crypto_rsa.generate_private_key(public_exponent=65537, key_size=2048)


def jwk_of(private_key, kid=KID, **extra):
    jwk = jwt.algorithms.RSAAlgorithm.to_jwk(private_key.public_key(), as_dict=True)
    return {**jwk, "kid": kid, "use": "sig", "alg": "RS256", **extra}


@pytest.fixture(scope="module")
def signing_key():
    return new_key()


@pytest.fixture(scope="module")
def other_key():
    return new_key()


def id_claims(**changes):
    settings = get_settings()
    now = int(time.time())
    claims = {
        "sub": "user-1", "iss": settings.jwt_issuer, "aud": settings.user_pool_client_id,
        "iat": now, "exp": now + 3600, "token_use": "id", "cognito:groups": ["street_official"],
        "custom:division": "310110012", "phone_number": "+8613800000003",
    }
    return {**claims, **changes}


def mint(claims, sign, **header):
    """A compact JWS whose signature `sign` makes over the signing input."""
    head = {"alg": "RS256", "typ": "JWT", "kid": KID, **header}
    signing_input = f"{b64(json.dumps(head).encode())}.{b64(json.dumps(claims).encode())}".encode()
    return f"{signing_input.decode()}.{b64(sign(signing_input))}"


def pkcs1(private_key, hash_algorithm):
    return lambda data: private_key.sign(data, padding.PKCS1v15(), hash_algorithm)


class FakeJWKS:
    """The pool's key endpoint, counted, on a clock the test moves."""

    def __init__(self, *jwks):
        self.jwks = list(jwks)
        self.calls = 0
        self.now = 1000.0
        self.fail = False

    def fetch(self, url):
        self.calls += 1
        if self.fail:
            raise tokens.KeysUnavailableError("connection refused")
        return {jwk["kid"]: tokens.public_key_from_jwk(jwk) for jwk in self.jwks}


@pytest.fixture
def jwks(monkeypatch, signing_key):
    endpoint = FakeJWKS(jwk_of(signing_key))
    key_set = tokens.KeySet(get_settings().jwks_url, fetch=endpoint.fetch, clock=lambda: endpoint.now)
    monkeypatch.setattr(tokens, "key_set", lambda url: key_set)
    return endpoint


def test_a_token_signed_with_the_pools_key_verifies(jwks, signing_key):
    token = mint(id_claims(), pkcs1(signing_key, hashes.SHA256()))
    assert verify_token(f"Bearer {token}")["sub"] == "user-1"
    principal = authenticate(token)
    assert (principal.user_id, principal.role.value, principal.jurisdiction) == ("user-1", "street_official", "310110012")


def test_pyjwt_minted_tokens_verify_too(jwks, signing_key):
    # The tests of the API resign tokens this way; both sides must agree on the encoding.
    token = jwt.encode(id_claims(), signing_key, algorithm="RS256", headers={"kid": KID})
    assert verify_token(token)["sub"] == "user-1"


@pytest.mark.parametrize("digest", [hashes.SHA1(), hashes.SHA512(), hashes.SHA384(), hashes.SHA224()],
                         ids=lambda d: d.name)
def test_a_signature_over_another_hash_is_refused(jwks, signing_key, digest):
    # A valid PKCS#1 v1.5 signature by the right key, but RS256 means SHA-256 only.
    assert verify_token(mint(id_claims(), pkcs1(signing_key, digest))) is None


def test_a_pss_signature_is_refused(jwks, signing_key):
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
    assert verify_token(mint(id_claims(), lambda data: signing_key.sign(data, pss, hashes.SHA256()))) is None


def test_a_token_signed_with_another_key_is_refused(jwks, other_key):
    assert verify_token(mint(id_claims(), pkcs1(other_key, hashes.SHA256()))) is None


def test_a_tampered_payload_is_refused(jwks, signing_key):
    token = mint(id_claims(), pkcs1(signing_key, hashes.SHA256()))
    head, _, signature = token.split(".")
    forged = f"{head}.{b64(json.dumps(id_claims(**{'cognito:groups': ['platform_admin']})).encode())}.{signature}"
    assert verify_token(forged) is None


@pytest.mark.parametrize("signature", [b"", b"\x00", b"\xff" * 256, b"\xff" * 300], ids=["empty", "short", "too-big", "too-long"])
def test_malformed_signatures_are_refused_without_raising(jwks, signature):
    assert verify_token(mint(id_claims(), lambda data: signature)) is None


def test_alg_none_is_refused_without_fetching_keys(jwks):
    token = mint(id_claims(), lambda data: b"", alg="none")
    assert verify_token(token) is None
    assert verify_token(token.rsplit(".", 1)[0] + ".") is None
    assert jwks.calls == 0


@pytest.mark.parametrize("secret", ["pem", "jwk-json", "modulus"])
def test_hs256_signed_with_the_public_key_is_refused(jwks, signing_key, secret):
    # The classic confusion: the verifier's own public key used as an HMAC secret.
    public = signing_key.public_key()
    key = {
        "pem": public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
        "jwk-json": json.dumps(jwk_of(signing_key)).encode(),
        "modulus": jwk_of(signing_key)["n"].encode(),
    }[secret]
    token = mint(id_claims(), lambda data: hmac.new(key, data, hashlib.sha256).digest(), alg="HS256")
    assert verify_token(token) is None
    assert jwks.calls == 0


def test_the_decoder_knows_rs256_and_nothing_else():
    assert tokens._decoder._jws.get_algorithms() == ["RS256"]
    assert isinstance(tokens._decoder._jws.get_algorithm_by_name("RS256"), tokens.RS256Algorithm)
    with pytest.raises(jwt.InvalidKeyError):
        tokens.RS256Algorithm().prepare_key(b"-----BEGIN PUBLIC KEY-----")


@pytest.mark.parametrize(
    "changes",
    [
        {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200},
        {"aud": "another-client"},
        {"iss": "https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_other"},
        {"token_use": "access"},
        {"iat": "yesterday"},
    ],
    ids=["expired", "other-client", "other-pool", "access-token", "bad-iat"],
)
def test_claims_are_still_checked(jwks, signing_key, changes):
    assert verify_token(mint(id_claims(**changes), pkcs1(signing_key, hashes.SHA256()))) is None


@pytest.mark.parametrize("missing", ["exp", "iat", "iss", "aud", "sub"])
def test_required_claims(jwks, signing_key, missing):
    claims = id_claims()
    del claims[missing]
    assert verify_token(mint(claims, pkcs1(signing_key, hashes.SHA256()))) is None


def test_the_clock_skew_allowance_is_kept(jwks, signing_key):
    claims = id_claims(exp=int(time.time()) - 5)
    assert verify_token(mint(claims, pkcs1(signing_key, hashes.SHA256()))) is not None


def test_an_unknown_kid_refetches_once_a_minute_not_once_a_request(jwks, signing_key, other_key):
    good = mint(id_claims(), pkcs1(signing_key, hashes.SHA256()))
    stranger = mint(id_claims(), pkcs1(other_key, hashes.SHA256()), kid="forged")
    assert verify_token(good) is not None
    assert jwks.calls == 1
    for _ in range(20):
        assert verify_token(stranger) is None
        assert verify_token(good) is not None
    assert jwks.calls == 1

    jwks.now += tokens.REFETCH_INTERVAL_SECONDS
    for _ in range(20):
        assert verify_token(stranger) is None
    assert jwks.calls == 2


def test_a_rotated_key_is_picked_up_by_the_refetch(jwks, signing_key, other_key):
    assert verify_token(mint(id_claims(), pkcs1(signing_key, hashes.SHA256()))) is not None
    jwks.jwks.append(jwk_of(other_key, kid="pool-key-2"))
    jwks.now += tokens.REFETCH_INTERVAL_SECONDS
    rotated = mint(id_claims(), pkcs1(other_key, hashes.SHA256()), kid="pool-key-2")
    assert verify_token(rotated) is not None
    assert jwks.calls == 2


def test_unreachable_keys_refuse_the_token_with_a_warning(jwks, signing_key, caplog):
    jwks.fail = True
    token = mint(id_claims(), pkcs1(signing_key, hashes.SHA256()))
    with caplog.at_level("WARNING", logger="chalicelib.auth"):
        assert verify_token(token) is None
    assert "token keys could not be fetched" in caplog.text
    # Nothing fetched yet: the next token tries again, and succeeds once the keys are back.
    jwks.fail = False
    assert verify_token(token) is not None
    # Keys held: a failing refetch for a forged kid waits a minute like a successful one.
    jwks.fail = True
    jwks.now += tokens.REFETCH_INTERVAL_SECONDS
    forged = mint(id_claims(), pkcs1(signing_key, hashes.SHA256()), kid="forged")
    calls = jwks.calls
    for _ in range(5):
        assert verify_token(forged) is None
    assert jwks.calls == calls + 1
    assert verify_token(token) is not None


@pytest.mark.parametrize(
    "changes",
    [{"kty": "EC"}, {"use": "enc"}, {"alg": "RS512"}, {"e": "Ag"}, {"n": b64(b"\xc5" * 128)}, {"n": 12}],
    ids=["ec", "encryption-key", "rs512-key", "even-exponent", "1024-bit", "not-a-string"],
)
def test_only_rs256_signing_keys_of_2048_bits_are_taken(signing_key, changes):
    assert tokens.public_key_from_jwk(jwk_of(signing_key)) is not None
    assert tokens.public_key_from_jwk({**jwk_of(signing_key), **changes}) is None


def test_use_and_alg_may_be_absent(signing_key):
    jwk = {k: v for k, v in jwk_of(signing_key).items() if k not in ("use", "alg")}
    assert tokens.public_key_from_jwk(jwk).n == signing_key.public_key().public_numbers().n


def test_the_key_set_endpoint_is_read_with_a_timeout(monkeypatch, signing_key):
    seen = {}

    class Response:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self, limit):
            return json.dumps({"keys": [jwk_of(signing_key), {"kty": "EC", "kid": "ec"}, jwk_of(signing_key, kid=None)]}).encode()

    def urlopen(request, timeout):
        seen.update(url=request.full_url, timeout=timeout)
        return Response()

    monkeypatch.setattr(tokens.urllib.request, "urlopen", urlopen)
    keys = tokens.fetch_jwks("https://keys.example/jwks.json")
    assert list(keys) == [KID]
    assert seen == {"url": "https://keys.example/jwks.json", "timeout": 5}


@pytest.mark.parametrize(
    "answer",
    [urllib.error.URLError("connection refused"), TimeoutError("timed out"), b"<html>gateway error</html>",
     b'{"no": "keys"}', b"[" * 70_000],
    ids=["refused", "timeout", "not-json", "no-keys", "huge"],
)
def test_a_failed_fetch_is_keys_unavailable(monkeypatch, answer):
    def urlopen(request, timeout):
        if isinstance(answer, Exception):
            raise answer
        return io.BytesIO(answer)

    monkeypatch.setattr(tokens.urllib.request, "urlopen", urlopen)
    with pytest.raises(tokens.KeysUnavailableError):
        tokens.fetch_jwks("https://keys.example/jwks.json")


def test_nothing_the_lambda_runs_imports_cryptography():
    offenders = []
    for path in [ROOT / "app.py", *(ROOT / "chalicelib").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] == "cryptography"]
    assert offenders == []


NO_CRYPTOGRAPHY_PROBE = """
import importlib.abc, json, os, sys

class NoCryptography(importlib.abc.MetaPathFinder):
    # As in the Lambda bundle, where the package is not there at all.
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "cryptography":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoCryptography())
from chalicelib import tokens
from chalicelib.auth import verify_token
from chalicelib.settings import get_settings

jwks = json.loads(os.environ["PROBE_JWKS"])
keys = {jwk["kid"]: tokens.public_key_from_jwk(jwk) for jwk in jwks}
key_set = tokens.KeySet(get_settings().jwks_url, fetch=lambda url: keys)
tokens.key_set = lambda url: key_set
claims = verify_token(os.environ["PROBE_TOKEN"])
assert claims and claims["sub"] == "user-1", claims
assert verify_token(os.environ["PROBE_FORGED"]) is None
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "cryptography")
assert not loaded, loaded
print("verified without cryptography")
"""


def test_verification_works_where_cryptography_cannot_be_imported(signing_key, other_key):
    env = {
        **{k: v for k, v in os.environ.items() if k.startswith(("MULIN_", "AWS_"))},
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "PROBE_JWKS": json.dumps([jwk_of(signing_key)]),
        "PROBE_TOKEN": mint(id_claims(), pkcs1(signing_key, hashes.SHA256())),
        "PROBE_FORGED": mint(id_claims(), pkcs1(other_key, hashes.SHA256())),
    }
    result = subprocess.run([sys.executable, "-c", NO_CRYPTOGRAPHY_PROBE], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "verified without cryptography" in result.stdout


def test_the_algorithm_signs_with_a_private_key_interoperably_and_exports_only_the_public_half(signing_key):
    pem = signing_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                    serialization.NoEncryption())
    private = tokens.rsa.PrivateKey.load_pkcs1(pem)
    algorithm = tokens.RS256Algorithm()
    signature = algorithm.sign(b"header.payload", algorithm.prepare_key(private))
    # cryptography, which Cognito-compatible signers use, accepts it as RS256.
    signing_key.public_key().verify(signature, b"header.payload", padding.PKCS1v15(), hashes.SHA256())
    public = algorithm.from_jwk(algorithm.to_jwk(private))
    assert algorithm.verify(b"header.payload", public, signature)
    assert not algorithm.verify(b"header.payload!", public, signature)
    exported = algorithm.to_jwk(private, as_dict=True)
    assert {k: exported[k] for k in ("n", "e")} == {k: jwk_of(signing_key)[k] for k in ("n", "e")}
    assert "d" not in exported and "p" not in exported
    with pytest.raises(jwt.InvalidKeyError):
        algorithm.sign(b"header.payload", public)
    with pytest.raises(jwt.InvalidKeyError):
        algorithm.prepare_key(pem)
