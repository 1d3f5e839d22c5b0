"""Who is counted for a paper-code ballot: the address CloudFront saw the connection come
from, never one a client writes in a header.

Behind the distribution the gateway's address is an edge's, so the app takes CloudFront's
client-address header, but only beside the origin secret CloudFront adds; without it, and
whatever X-Forwarded-For says, the connection's own address is counted. The local server
plays CloudFront's part, so `make run` counts senders the same way.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import random
import threading
import uuid

import pytest

from chalicelib import ratelimit
from chalicelib.web.requests import CLIENT_ADDRESS_HEADER, ORIGIN_VERIFY_HEADER
from tests.api.test_rate_limits import assert_limited, counted, new_address

# No such round: each attempt is refused (404) and counted like a wrong code.
UNKNOWN_ROUND = "/rounds/01JZZZZZZZZZZZZZZZZZZZZZZZ/code-ballots"
BODY = b'{"picks":["x"],"code":"AAAA-AAAA-AAAA"}'



@pytest.fixture
def origin_secret(api_env):
    from chalicelib.secrets import origin_verify_secret

    secret = origin_verify_secret()
    assert secret, "the stack has an origin-verify secret, as a deployment with a distribution does"
    return secret


def unique_address() -> str:
    """An address no other test uses, in its canonical spelling."""
    return str(ipaddress.ip_address(f"2001:db8:{uuid.uuid4().hex[:4]}::{uuid.uuid4().hex[:4]}"))


def attempt(client, headers: dict[str, str]):
    return client.http.post(UNKNOWN_ROUND, headers={"Content-Type": "application/json", **headers}, body=BODY)


def forged(n: int) -> dict[str, str]:
    """A different lie on each request: forwarding headers with and without a guessed secret."""
    lies = [
        {"X-Forwarded-For": f"198.51.100.{n}"},
        {CLIENT_ADDRESS_HEADER: f"203.0.113.{n}"},
        {"X-Mulin-Client-Ip": f"203.0.113.{n}", "X-Forwarded-For": f"203.0.113.{n}, 198.51.100.{n}"},
        {CLIENT_ADDRESS_HEADER: f"203.0.113.{n}", ORIGIN_VERIFY_HEADER: f"guess-{n}"},
        {CLIENT_ADDRESS_HEADER: f"203.0.113.{n}", ORIGIN_VERIFY_HEADER: ""},
    ]
    return lies[n % len(lies)]


def test_forged_forwarding_headers_are_counted_against_the_real_address(real_limits, at, monkeypatch, stack):
    client, allowed = real_limits, ratelimit.CODE_BALLOTS.allowed
    at("2027-03-26T12:03:00")
    real = new_address(monkeypatch)
    statuses = [attempt(client, forged(n)).status_code for n in range(allowed)]
    assert statuses == [404] * allowed
    # However the headers vary, the allowance of the connection's address is spent.
    assert_limited(attempt(client, forged(allowed)), retry_after=7 * 60)
    assert counted(stack, ratelimit.CODE_BALLOTS, real) == [allowed]
    for n in range(allowed):
        assert counted(stack, ratelimit.CODE_BALLOTS, f"203.0.113.{n}") == []
        assert counted(stack, ratelimit.CODE_BALLOTS, f"198.51.100.{n}") == []


def test_through_cloudfront_each_client_address_has_its_own_allowance(real_limits, at, monkeypatch, stack,
                                                                      origin_secret):
    client, allowed = real_limits, ratelimit.CODE_BALLOTS.allowed
    at("2027-03-26T13:03:00")
    edge = new_address(monkeypatch)
    first, second = unique_address(), unique_address()

    def through_cloudfront(address: str):
        return attempt(client, {CLIENT_ADDRESS_HEADER: address, ORIGIN_VERIFY_HEADER: origin_secret})

    assert [through_cloudfront(first).status_code for _ in range(allowed)] == [404] * allowed
    assert_limited(through_cloudfront(first), retry_after=7 * 60)
    # Another resident behind the same edge is not held to the first one's allowance; an
    # address spelt out in full is the same address as its short form.
    assert through_cloudfront(ipaddress.ip_address(second).exploded.upper()).status_code == 404
    assert counted(stack, ratelimit.CODE_BALLOTS, first) == [allowed]
    assert counted(stack, ratelimit.CODE_BALLOTS, second) == [1]
    assert counted(stack, ratelimit.CODE_BALLOTS, edge) == []


def test_the_secret_must_match_exactly(real_limits, at, monkeypatch, stack, origin_secret):
    client = real_limits
    at("2027-03-26T14:03:00")
    real, claimed = new_address(monkeypatch), unique_address()
    for near_miss in (origin_secret[:-1], origin_secret + "x", origin_secret.upper() + "Ä", f" {origin_secret}"):
        assert attempt(client, {CLIENT_ADDRESS_HEADER: claimed, ORIGIN_VERIFY_HEADER: near_miss}).status_code == 404
    # Not an address at all, beside the right secret: the connection's address is counted.
    assert attempt(client, {CLIENT_ADDRESS_HEADER: "unknown", ORIGIN_VERIFY_HEADER: origin_secret}).status_code == 404
    assert counted(stack, ratelimit.CODE_BALLOTS, real) == [5]
    assert counted(stack, ratelimit.CODE_BALLOTS, claimed) == []


@pytest.fixture
def local_server(api_env):
    from local_stack.server import make_server

    local = make_server(0)
    thread = threading.Thread(target=local.server.serve_forever, daemon=True)
    thread.start()
    yield local.server.server_address[1]
    local.server.shutdown()
    local.server.server_close()


def test_the_local_server_plays_cloudfront_for_the_address(local_server, api_env, at, stack):
    # A loopback address of its own (all of 127/8 is this machine), so no other test shares its counter.
    viewer = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(2, 254)}"
    at("2027-03-26T15:03:00")
    for n in range(3):
        connection = http.client.HTTPConnection("127.0.0.1", local_server, timeout=30, source_address=(viewer, 0))
        connection.request("POST", UNKNOWN_ROUND, body=BODY, headers={
            "Content-Type": "application/json", **forged(n + 3), "X-Forwarded-For": "198.51.100.7"})
        response = connection.getresponse()
        assert response.status == 404, response.read()
        assert json.loads(response.read())["code"] == "not_found"
        connection.close()
    assert counted(stack, ratelimit.CODE_BALLOTS, viewer) == [3]
    for n in range(3, 6):
        assert counted(stack, ratelimit.CODE_BALLOTS, f"203.0.113.{n}") == []
    assert counted(stack, ratelimit.CODE_BALLOTS, "198.51.100.7") == []


def test_the_local_server_replaces_what_a_client_sends_under_cloudfronts_names():
    from local_stack.server import as_forwarded_by_cloudfront

    sent = {"Content-Type": "application/json", "X-Mulin-Client-Ip": "203.0.113.9",
            CLIENT_ADDRESS_HEADER: "203.0.113.10", "X-MULIN-ORIGIN-VERIFY": "guess", "X-Forwarded-For": "198.51.100.1"}
    assert as_forwarded_by_cloudfront(sent, "192.0.2.4", "s3cret") == {
        "Content-Type": "application/json", "X-Forwarded-For": "198.51.100.1",
        CLIENT_ADDRESS_HEADER: "192.0.2.4", ORIGIN_VERIFY_HEADER: "s3cret"}
