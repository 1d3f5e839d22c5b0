"""Health, the API contract and the caller's own identity."""

from __future__ import annotations

from chalice.app import Response

from chalicelib.auth import Principal
from chalicelib.system import service
from chalicelib.system.models import Health, Me, OpenApiDocument
from chalicelib.web.api import Answer, ApiBlueprint, json_response

system_api = ApiBlueprint(__name__)


@system_api.operation("/health", "GET", operation_id="getHealth", summary="Stage and reachability of the table and bucket",
                      tags=("system",), response=Health, authenticated=False,
                      answers=(Answer(503, Health, "Degraded: the table or the bucket did not answer; the report says "
                                                   "which / 数据表或存储桶无响应"),))
def health() -> Response:
    report = service.check_health()
    return json_response(report, 200 if report.status == "ok" else 503)


@system_api.operation("/openapi.json", "GET", operation_id="getContract", summary="This API's OpenAPI 3.1 contract",
                      tags=("system",), response=OpenApiDocument, authenticated=False)
def openapi() -> Response:
    from chalicelib.web.openapi import build_openapi

    document = build_openapi(system_api.current_app.routes, title="Mulin 睦邻 API", version="1.0.0")
    return json_response(document)


@system_api.operation("/me", "GET", operation_id="getMe", summary="The signed-in caller: role, jurisdiction, masked phone",
                      tags=("system",), response=Me)
def me(principal: Principal) -> Me:
    return service.describe_me(principal)
