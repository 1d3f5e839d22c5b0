"""Error mapping end to end through Chalice, on a small app wired like the real one."""

import json

import pytest
from chalice import Chalice
from chalice.test import Client
from pydantic import ValidationError

from chalicelib.errors import ConflictError, ErrorDetail
from chalicelib.models import RequestModel, ResponseModel
from chalicelib.web.api import ApiBlueprint
from chalicelib.web.middleware import handle_errors


class Echo(RequestModel):
    text: str


class Echoed(ResponseModel):
    text: str


@pytest.fixture
def client():
    api = ApiBlueprint(__name__)

    @api.operation("/echo", "POST", summary="echo", tags=("t",), response=Echoed, body=Echo, authenticated=False)
    def echo(body: Echo) -> Echoed:
        return Echoed(text=body.text)

    @api.operation("/boom", "GET", summary="boom", tags=("t",), response=None, authenticated=False)
    def boom():
        raise KeyError("+8613812341234 secret detail")

    @api.operation("/conflict", "GET", summary="conflict", tags=("t",), response=None, authenticated=False)
    def conflict():
        raise ConflictError(details=[ErrorDetail(field="action", type="invalid_transition", message="allowed now: accept",
                                                 message_zh="当前允许的操作见 allowed_actions", allowed_actions=["accept"])])

    app = Chalice(app_name="middleware-test", configure_logs=False)
    app.register_middleware(handle_errors, "http")
    app.register_blueprint(api)
    with Client(app) as test_client:
        yield test_client


def test_success_is_json_with_a_correlation_id(client):
    response = client.http.post("/echo", body=b'{"text": "\xe4\xbd\xa0\xe5\xa5\xbd"}',
                                headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert response.json_body == {"text": "你好"}
    assert response.headers["X-Correlation-Id"]
    assert response.headers["Cache-Control"] == "no-store"


def test_unexpected_error_is_500_with_correlation_id_and_nothing_else(client):
    response = client.http.get("/boom")
    assert response.status_code == 500
    body = response.json_body
    assert body["code"] == "internal_error"
    assert body["correlation_id"] == response.headers["X-Correlation-Id"]
    text = response.body.decode()
    assert "Traceback" not in text and "secret" not in text and "8613812341234" not in text


def test_domain_error_keeps_its_status_code_and_details(client):
    response = client.http.get("/conflict")
    assert response.status_code == 409
    assert response.json_body["code"] == "conflict"
    # The facts a detail was given are there; those it was not are absent, not null.
    assert response.json_body["details"] == [{"field": "action", "type": "invalid_transition", "message": "allowed now: accept",
                                              "message_zh": "当前允许的操作见 allowed_actions", "allowed_actions": ["accept"]}]


def test_an_error_detail_refuses_a_key_it_does_not_know():
    with pytest.raises(ValidationError):
        ErrorDetail(field="action", type="invalid_transition", message="m", message_zh="m", allowed=["accept"])


def test_wrong_method_gets_the_error_shape(client):
    response = client.http.delete("/echo")
    assert response.status_code == 405
    assert set(json.loads(response.body)) == {"code", "message", "details", "correlation_id"}
    assert response.json_body["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        (b"not json", "application/json", 400, "bad_request"),
        (b'{"text": "a"}', "application/xml", 415, "unsupported_media_type"),
        (b'{"text": "a", "admin": true}', "application/json", 400, "validation_failed"),
        (b"\xc3\x28", "application/json", 400, "bad_request"),
        (b"{" + b" " * (256 * 1024) + b"}", "application/json", 413, "payload_too_large"),
    ],
)
def test_bad_bodies_get_the_error_shape(client, body, content_type, status, code):
    response = client.http.post("/echo", body=body, headers={"Content-Type": content_type})
    assert response.status_code == status
    assert response.json_body["code"] == code
    assert set(response.json_body) == {"code", "message", "details", "correlation_id"}
