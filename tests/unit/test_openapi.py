"""/openapi.json is generated from the route table and is a valid OpenAPI 3.1 document."""

import re
from collections import Counter

import pytest
from chalice import Chalice
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from pydantic import ValidationError

from app import app
from chalicelib.web.openapi import build_openapi, error_statuses

ERROR_REF = {"$ref": "#/components/schemas/ErrorResponse"}


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
    assert operation["security"] == [{"residentIdToken": []}, {"officialIdToken": []}]
    assert {"400", "401", "403", "404", "413", "415", "422", "503"} <= set(operation["responses"])
    assert document["paths"]["/health"]["get"]["security"] == []


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


def _media(document):
    """(where, media type object) for every request body and response of every operation."""
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            where = f"{method.upper()} {path}"
            if "requestBody" in operation:
                yield f"{where} body", operation["requestBody"]["content"]["application/json"]
            for status, response in operation["responses"].items():
                for media in response.get("content", {}).values():
                    yield f"{where} {status}", media


def _validator(document, schema):
    # The document as the root, so that the schema's #/components/... references resolve.
    return Draft202012Validator({**schema, "components": document["components"]}, format_checker=FormatChecker())


def test_every_schema_has_a_unique_name_without_a_module_path(document):
    schemas = document["components"]["schemas"]
    for name in schemas:
        assert "__" not in name and "chalicelib" not in name, name
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]+", name), name
    titles = Counter(schema.get("title", name) for name, schema in schemas.items())
    assert not {title for title, count in titles.items() if count > 1}


def test_every_body_and_response_has_an_example_valid_against_its_schema(document):
    wrong = {}
    for where, media in _media(document):
        assert "example" in media, f"{where} has no example"
        errors = [e.message for e in _validator(document, media["schema"]).iter_errors(media["example"])]
        if errors:
            wrong[where] = errors
    assert not wrong


def test_the_models_own_examples_are_valid(document):
    for name, schema in document["components"]["schemas"].items():
        for example in schema.get("examples", []):
            errors = [e.message for e in _validator(document, schema).iter_errors(example)]
            assert not errors, f"{name}: {errors}"


def test_request_examples_pass_the_models_own_validation(document):
    # Rules a schema cannot state (one of two fields, text that is not blank) are the model's.
    refused = {}
    for path, methods in app.routes.items():
        for method, entry in methods.items():
            spec = entry.view_function.operation
            if spec.body is not None:
                media = document["paths"][path][method.lower()]["requestBody"]["content"]["application/json"]
                try:
                    spec.body.model_validate(media["example"])
                except ValidationError as error:
                    refused[f"{method} {path}"] = [(e["loc"], e["msg"]) for e in error.errors()]
    assert not refused


def test_every_operation_documents_its_errors_in_the_error_shape(document):
    for path, methods in app.routes.items():
        for method, entry in methods.items():
            spec = entry.view_function.operation
            operation = document["paths"][path][method.lower()]
            documented = {int(status) for status in operation["responses"] if int(status) >= 400}
            assert error_statuses(spec) <= documented, f"{method} {path}"
            assert {400, 503} <= documented
            if spec.body is not None:
                assert {400, 422} <= documented
            if "{" in path:
                assert 404 in documented
            if spec.headers:
                assert 409 in documented
            for status in documented:
                schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
                assert ERROR_REF in ([schema] + schema.get("anyOf", [])), f"{method} {path} {status}"


def test_every_operation_is_named_for_what_it_does(document):
    """Generated clients name a call after its operationId: `getSuggestion`, not a name derived
    from the path (`get_suggestions_id`), which a route's next parameter would rename."""
    named = [(path, method, op["operationId"]) for path, item in document["paths"].items()
             for method, op in item.items() if method in {"get", "put", "post", "delete", "patch"}]
    assert not [entry for entry in named if not re.fullmatch(r"[a-z]+(?:[A-Z][a-z0-9]*)+", entry[2])]
    assert len({op for _, _, op in named}) == len(named)


def test_security_is_declared_per_operation(document):
    schemes = document["components"]["securitySchemes"]
    assert {"residentIdToken", "officialIdToken"} <= set(schemes)
    assert "TOTP" in schemes["officialIdToken"]["description"]
    for path, methods in app.routes.items():
        for method, entry in methods.items():
            operation = document["paths"][path][method.lower()]
            if entry.view_function.operation.authenticated:
                assert operation["security"] == [{"residentIdToken": []}, {"officialIdToken": []}]
                assert {"401", "403"} <= set(operation["responses"])
            else:
                assert operation["security"] == [], f"{method} {path} is public"


def test_tags_group_operations_with_a_description(document):
    described = {tag["name"]: tag["description"] for tag in document["tags"]}
    used = {tag for methods in document["paths"].values() for operation in methods.values()
            for tag in operation["tags"]}
    assert used == set(described)
    assert all(described.values())


def test_servers_name_the_local_stack_and_aws(document):
    urls = [server["url"] for server in document["servers"]]
    assert "http://127.0.0.1:8000" in urls
    aws = next(server for server in document["servers"] if server["url"].endswith("/api"))
    assert set(re.findall(r"{(\w+)}", aws["url"])) == set(aws["variables"])
