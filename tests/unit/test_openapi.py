"""/openapi.json is generated from the route table and is a valid OpenAPI 3.1 document."""

import pytest
from chalice import Chalice
from openapi_spec_validator import validate

from app import app
from chalicelib.web.openapi import build_openapi


@pytest.fixture(scope="module")
def document():
    return build_openapi(app.routes, title="Mulin", version="test")


def test_document_is_valid_openapi_3_1(document):
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_route_and_method_is_described(document):
    for path, methods in app.routes.items():
        for method in methods:
            assert method.lower() in document["paths"][path], f"{method} {path} missing"


def test_bodies_and_responses_reference_pydantic_schemas(document):
    operation = document["paths"]["/divisions/{code}/profile"]["put"]
    body_ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert body_ref == "#/components/schemas/DivisionProfileUpdate"
    schema = document["components"]["schemas"]["DivisionProfileUpdate"]
    assert schema["additionalProperties"] is False
    assert operation["security"] == [{"cognitoIdToken": []}]
    assert {"400", "401", "403", "404", "413", "415"} <= set(operation["responses"])
    assert "security" not in document["paths"]["/health"]["get"]


def test_a_route_declared_without_its_contract_is_refused():
    bare = Chalice(app_name="bare")

    @bare.route("/undeclared")
    def undeclared():
        return {}

    with pytest.raises(LookupError, match="/undeclared"):
        build_openapi(bare.routes, title="x", version="x")


def test_every_reference_resolves_even_for_models_that_share_a_name(document):
    def references(node):
        if isinstance(node, dict):
            yield from ([node["$ref"]] if "$ref" in node else [])
            for value in node.values():
                yield from references(value)
        elif isinstance(node, list):
            for value in node:
                yield from references(value)

    components = document["components"]["schemas"]
    dangling = {ref for ref in references(document) if ref.removeprefix("#/components/schemas/") not in components}
    assert not dangling
    funds = document["paths"]["/funds/applications/{id}/objections"]["post"]["requestBody"]
    rounds = document["paths"]["/rounds/{id}/objections"]["post"]["requestBody"]
    assert funds != rounds


def test_a_degraded_health_report_is_described_as_the_report_it_is(document):
    degraded = document["paths"]["/health"]["get"]["responses"]["503"]
    schemas = degraded["content"]["application/json"]["schema"]["anyOf"]
    assert {"$ref": "#/components/schemas/Health"} in schemas
    # A failure outside the probes still answers with the error shape.
    assert {"$ref": "#/components/schemas/ErrorResponse"} in schemas
