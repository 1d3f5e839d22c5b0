"""USER_SRP_AUTH in the embedded Cognito, checked as Cognito checks it.

moto 5.2.5 answers USER_SRP_AUTH with random SALT and SRP_B and accepts any
PASSWORD_CLAIM_SIGNATURE, so a wrong password, or a client whose SRP is wrong, signs in
locally and fails against AWS. Here the server half of Cognito's SRP-6a runs on the user's
password: the 3072-bit group of RFC 5054 with g = 2, k = H(N | g), u = H(A | B),
x = H(salt | H(pool name | user id | ":" | password)), the session key is HKDF-SHA256 of S
salted with u ("Caldera Derived Key", 16 bytes), and the signature is the HMAC-SHA256 of
pool name | user id | secret block | timestamp under it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

N_HEX = (
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF"
)
N = int(N_HEX, 16)
G = 2


def pad_hex(value: int | str) -> str:
    """Hex of a positive number as Cognito hashes it: even length, and a leading 00 where the
    first bit is set, so it never reads as negative."""
    text = value if isinstance(value, str) else f"{value:x}"
    if len(text) % 2:
        return "0" + text
    return "00" + text if text[0] in "89ABCDEFabcdef" else text


def hex_hash(hex_text: str) -> str:
    return hashlib.sha256(bytes.fromhex(hex_text)).hexdigest().rjust(64, "0")


K = int(hex_hash("00" + N_HEX + "0" + f"{G:x}"), 16)


def x_of(pool_id: str, user_id: str, password: str, salt_hex: str) -> int:
    inner = hashlib.sha256(f"{pool_id.split('_', 1)[1]}{user_id}:{password}".encode()).hexdigest().rjust(64, "0")
    return int(hex_hash(pad_hex(salt_hex) + inner), 16)


def u_of(big_a: int, big_b: int) -> int:
    return int(hex_hash(pad_hex(big_a) + pad_hex(big_b)), 16)


def session_key(s: int, u: int) -> bytes:
    prk = hmac.new(bytes.fromhex(pad_hex(u)), bytes.fromhex(pad_hex(s)), hashlib.sha256).digest()
    return hmac.new(prk, b"Caldera Derived Key\x01", hashlib.sha256).digest()[:16]


def signature(key: bytes, pool_id: str, user_id: str, secret_block: str, timestamp: str) -> str:
    message = (pool_id.split("_", 1)[1] + user_id).encode() + base64.b64decode(secret_block) + timestamp.encode()
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


@dataclass
class _Exchange:
    big_a: int
    small_b: int
    big_b: int
    salt: str
    user_id: str
    verifier: int


# Secret block -> the server's half of the exchange it was issued for.
_EXCHANGES: dict[str, _Exchange] = {}


def _start(backend: Any, pool: Any, user: Any, srp_a: str, result: dict[str, Any]) -> dict[str, Any]:
    from local_stack.embedded_cognito import _not_authorized

    big_a = int(srp_a, 16)
    if big_a % N == 0:
        raise _not_authorized("Incorrect username or password.")
    salt = secrets.token_hex(16)
    verifier = pow(G, x_of(pool.id, user.username, user.password or "", salt), N)
    small_b = secrets.randbelow(N - 2) + 1
    big_b = (K * verifier + pow(G, small_b, N)) % N
    secret_block = base64.b64encode(secrets.token_bytes(64)).decode()
    backend.sessions[secret_block] = backend.sessions.pop(result["Session"])
    _EXCHANGES[secret_block] = _Exchange(big_a, small_b, big_b, salt, user.username, verifier)
    return {**result, "Session": secret_block, "ChallengeParameters": {
        "SALT": salt, "SRP_B": f"{big_b:x}", "SECRET_BLOCK": secret_block,
        "USERNAME": user.username, "USER_ID_FOR_SRP": user.username}}


def _check(pool: Any, responses: dict[str, str]) -> None:
    from local_stack.embedded_cognito import _not_authorized

    secret_block = responses.get("PASSWORD_CLAIM_SECRET_BLOCK") or ""
    exchange = _EXCHANGES.pop(secret_block, None)
    if exchange is None:
        raise _not_authorized("Invalid session for the user, session is expired.")
    u = u_of(exchange.big_a, exchange.big_b)
    s = pow(exchange.big_a * pow(exchange.verifier, u, N) % N, exchange.small_b, N)
    expected = signature(session_key(s, u), pool.id, exchange.user_id, secret_block, responses.get("TIMESTAMP") or "")
    if not hmac.compare_digest(expected.encode(), (responses.get("PASSWORD_CLAIM_SIGNATURE") or "").encode()):
        raise _not_authorized("Incorrect username or password.")


def patch_srp(backend_class: Any) -> None:
    from local_stack.embedded_cognito import _locked

    initiate_auth = backend_class.initiate_auth
    respond = backend_class.respond_to_auth_challenge

    def initiate_srp(self: Any, client_id: str, auth_flow: str, auth_parameters: dict[str, str]) -> Any:
        result = initiate_auth(self, client_id, auth_flow, auth_parameters)
        if auth_flow != "USER_SRP_AUTH" or result.get("ChallengeName") != "PASSWORD_VERIFIER":
            return result
        _, pool = self.sessions[result["Session"]]
        user = pool._get_user(auth_parameters.get("USERNAME", ""))
        return _start(self, pool, user, auth_parameters.get("SRP_A", ""), result)

    def respond_checking_srp(self: Any, session: str, client_id: str, challenge_name: str,
                             challenge_responses: dict[str, str]) -> Any:
        if challenge_name == "PASSWORD_VERIFIER":
            held = self.sessions.get((challenge_responses or {}).get("PASSWORD_CLAIM_SECRET_BLOCK", ""))
            if held is None:
                from local_stack.embedded_cognito import _not_authorized

                raise _not_authorized("Invalid session for the user, session is expired.")
            _check(held[1], challenge_responses)
        return respond(self, session, client_id, challenge_name, challenge_responses)

    backend_class.initiate_auth = _locked(initiate_srp)
    backend_class.respond_to_auth_challenge = _locked(respond_checking_srp)
