"""Every operation of /openapi.json, as each role and without a token: no answer is a 5xx,
and every answer has a status, content type and body the contract lists for it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app import app
from tests.fuzz.conftest import EXAMPLES, IDENTITIES, MINIMUM_REQUESTS

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Known when pytest collects, so that each operation and identity is a test of its own;
# the first test holds the served contract to the same list. (Schemathesis' own pytest
# integration for a schema that a fixture loads renames test nodes through an attribute
# pytest 9.2 no longer has, so the operations' strategies are driven here instead.)
OPERATIONS = sorted(f"{method} {path}" for path, methods in app.routes.items() for method in methods)
FUZZ_SETTINGS = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                HealthCheck.data_too_large])


def test_the_served_contract_lists_every_route(api_schema):
    served = sorted(f"{method.upper()} {path}" for path, methods in api_schema.raw_schema["paths"].items()
                    for method in methods)
    assert served == OPERATIONS


@pytest.mark.parametrize("identity", IDENTITIES)
@pytest.mark.parametrize("label", OPERATIONS)
def test_operation_keeps_its_contract(label, identity, api_schema, tokens, stand_in_resident, request_count):
    operation = api_schema.find_operation_by_label(label)
    # Erasure is tried on an account of its own: the shared resident goes on to every other operation.
    token = stand_in_resident() if (label, identity) == ("DELETE /me", "resident") else tokens[identity]
    headers = {"Authorization": f"Bearer {token}"} if token else None
    # Valid input reaches the code behind the checks; invalid input must be refused with a listed 4xx.
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE))

    @FUZZ_SETTINGS
    @given(case=cases)
    def call(case):
        request_count.add(label, identity)
        case.call_and_validate(headers=headers, checks=CHECKS, timeout=30)

    call()


def test_the_run_sent_enough_requests(request_count):
    if len(request_count.tests) < len(OPERATIONS) * len(IDENTITIES):
        pytest.skip("only some of the fuzz tests ran")
    assert request_count.total >= MINIMUM_REQUESTS
