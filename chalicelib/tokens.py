"""RS256 signatures of Cognito tokens, checked without `cryptography`.

`cryptography` was half of the Lambda bundle and PyJWT needed it only for RS256, so the
signature is checked with the pure-Python `rsa` package instead, while PyJWT still checks
the token's form and every claim. PyJWKClient builds its keys with `cryptography`, so the
pool's public keys are fetched and cached here as well.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Literal, overload

import jwt
import rsa
from jwt.algorithms import Algorithm
from jwt.utils import from_base64url_uint, to_base64url_uint

ALGORITHM = "RS256"
# Cognito's keys are 2048 bits; a shorter key in the set would be a forger's gift.
MIN_KEY_BITS = 2048
FETCH_TIMEOUT_SECONDS = 5
# A token naming a key we do not hold may mean the pool rotated its keys, or may be
# forged; refetching at most this often keeps forged `kid`s from becoming a flood of
# requests to the key endpoint.
REFETCH_INTERVAL_SECONDS = 60
# A key set is a few hundred bytes; anything near this is not one.
MAX_JWKS_BYTES = 64 * 1024


class KeysUnavailableError(Exception):
    """The pool's public keys could not be fetched or read."""


class UnknownKeyError(jwt.InvalidTokenError):
    """The token names no key of the pool (or none at all)."""


class RS256Algorithm(Algorithm):
    """RSASSA-PKCS1-v1_5 with SHA-256 over `rsa` keys: a public key verifies, a private key signs."""

    def prepare_key(self, key: Any) -> rsa.PublicKey | rsa.PrivateKey:
        # Anything else (above all a string or bytes, the HMAC confusion) is refused.
        if not isinstance(key, rsa.PublicKey | rsa.PrivateKey):
            raise jwt.InvalidKeyError("an RS256 key must be an RSA key")
        return key

    def sign(self, msg: bytes, key: rsa.PublicKey | rsa.PrivateKey) -> bytes:
        if not isinstance(key, rsa.PrivateKey):
            raise jwt.InvalidKeyError("signing needs the RSA private key")
        return rsa.sign(msg, key, "SHA-256")

    def verify(self, msg: bytes, key: rsa.PublicKey | rsa.PrivateKey, sig: bytes) -> bool:
        public = rsa.PublicKey(key.n, key.e)
        try:
            # rsa.verify accepts any hash it knows (SHA-1, MD5, ...) and says which it
            # found; RS256 means SHA-256 and nothing else.
            return rsa.verify(msg, sig, public) == "SHA-256"
        except (rsa.VerificationError, OverflowError, ValueError):
            return False

    @overload
    @staticmethod
    def to_jwk(key_obj: rsa.PublicKey | rsa.PrivateKey, as_dict: Literal[True]) -> dict[str, Any]: ...

    @overload
    @staticmethod
    def to_jwk(key_obj: rsa.PublicKey | rsa.PrivateKey, as_dict: Literal[False] = False) -> str: ...

    @staticmethod
    def to_jwk(key_obj: rsa.PublicKey | rsa.PrivateKey, as_dict: bool = False) -> str | dict[str, Any]:
        """The public half as an RS256 signing JWK (never the private exponent)."""
        jwk = {"kty": "RSA", "use": "sig", "alg": ALGORITHM,
               "n": to_base64url_uint(key_obj.n).decode(), "e": to_base64url_uint(key_obj.e).decode()}
        return jwk if as_dict else json.dumps(jwk)

    @staticmethod
    def from_jwk(jwk: str | dict[str, Any]) -> rsa.PublicKey:
        key = public_key_from_jwk(json.loads(jwk) if isinstance(jwk, str) else jwk)
        if key is None:
            raise jwt.InvalidKeyError("not an RS256 signing key")
        return key


def public_key_from_jwk(jwk: Any) -> rsa.PublicKey | None:
    """The RSA public key of an RS256 signing JWK; None for any other kind of key."""
    if not isinstance(jwk, dict) or jwk.get("kty") != "RSA":
        return None
    if jwk.get("use", "sig") != "sig" or jwk.get("alg", ALGORITHM) != ALGORITHM:
        return None
    n, e = jwk.get("n"), jwk.get("e")
    if not isinstance(n, str) or not isinstance(e, str):
        return None
    try:
        modulus, exponent = from_base64url_uint(n), from_base64url_uint(e)
    except ValueError:
        return None
    if modulus.bit_length() < MIN_KEY_BITS or exponent < 3 or exponent % 2 == 0 or exponent >= modulus:
        return None
    return rsa.PublicKey(modulus, exponent)


def fetch_jwks(url: str) -> dict[str, rsa.PublicKey]:
    """The RS256 signing keys the URL publishes, by `kid`."""
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "mulin"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            body = response.read(MAX_JWKS_BYTES + 1)
        if len(body) > MAX_JWKS_BYTES:
            raise KeysUnavailableError(f"key set larger than {MAX_JWKS_BYTES} bytes")
        document = json.loads(body)
    except (OSError, ValueError) as exc:  # URLError and timeouts are OSErrors
        raise KeysUnavailableError(str(exc)) from exc
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise KeysUnavailableError("no `keys` list in the key set")
    keys = {}
    for jwk in document["keys"]:
        key = public_key_from_jwk(jwk)
        if key is not None and isinstance(jwk.get("kid"), str):
            keys[jwk["kid"]] = key
    return keys


class KeySet:
    """One pool's keys, kept for the life of the container."""

    def __init__(self, url: str, *, fetch: Callable[[str], dict[str, rsa.PublicKey]] = fetch_jwks,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.url = url
        self._fetch = fetch
        self._clock = clock
        self._keys: dict[str, rsa.PublicKey] = {}
        self._fetched = False
        self._last_attempt = 0.0
        # The local server answers requests on several threads; Lambda never does.
        self._lock = threading.Lock()

    def key_for(self, kid: str) -> rsa.PublicKey | None:
        """The key named `kid`, refetching the set when allowed; raises KeysUnavailableError."""
        key = self._keys.get(kid)
        if key is not None:
            return key
        with self._lock:
            key = self._keys.get(kid)
            if key is None and self._may_fetch():
                attempt = self._clock()
                try:
                    keys = self._fetch(self.url)
                except KeysUnavailableError:
                    # Until a first fetch succeeds there are no keys to serve, so the next
                    # token tries again (as PyJWKClient did); afterwards a failed refetch
                    # waits its turn like a successful one.
                    if self._fetched:
                        self._last_attempt = attempt
                    raise
                self._keys, self._fetched, self._last_attempt = keys, True, attempt
                key = self._keys.get(kid)
        return key

    def _may_fetch(self) -> bool:
        return not self._fetched or self._clock() - self._last_attempt >= REFETCH_INTERVAL_SECONDS


@lru_cache(maxsize=4)
def key_set(url: str) -> KeySet:
    return KeySet(url)


class _RS256Decoder(jwt.PyJWT):
    def __init__(self) -> None:
        super().__init__()
        # PyJWT has no public way to give a PyJWT other algorithms than its defaults (which
        # include `none`, HMAC and, where cryptography is installed, its own RS256); it
        # wires its module-level pair through this same attribute.
        self._jws = jwt.PyJWS(algorithms=[], options=self._get_sig_options())
        self._jws.register_algorithm(ALGORITHM, RS256Algorithm())


_decoder = _RS256Decoder()


def verify(token: str, *, jwks_url: str, audience: str, issuer: str, leeway: float,
           required: list[str]) -> dict[str, Any]:
    """The claims of an RS256 token signed by a key at `jwks_url`.

    Raises jwt.PyJWTError for a token that fails any check, KeysUnavailableError when the
    keys cannot be had.
    """
    header = jwt.get_unverified_header(token)
    # Checked before the key lookup so that a token of another algorithm never costs a fetch.
    if header.get("alg") != ALGORITHM:
        raise jwt.InvalidAlgorithmError("The specified alg value is not allowed")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise UnknownKeyError("token names no key")
    key = key_set(jwks_url).key_for(kid)
    if key is None:
        raise UnknownKeyError("token names a key the pool does not publish")
    return _decoder.decode(
        token,
        # PyJWT's annotation lists only `cryptography` key types, though the key is handed
        # to the algorithm registered for RS256 (RS256Algorithm above), which takes `rsa` keys.
        key,  # type: ignore[arg-type]
        algorithms=[ALGORITHM],
        audience=audience,
        issuer=issuer,
        leeway=leeway,
        options={"require": required},
    )
