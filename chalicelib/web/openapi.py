"""OpenAPI 3.1 document generated from the route table and the pydantic models.

Every route must be declared through ApiBlueprint.operation; a route without its
declaration is an error here, so the contract always covers the whole API.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from chalicelib.errors import ErrorDetail
from chalicelib.web.api import Operation

REF_TEMPLATE = "#/components/schemas/{model}"
STATUS_TEXT = {
    400: "Bad input / 输入有误",
    401: "No or bad token / 未登录或凭证无效",
    403: "Not allowed / 无权操作",
    404: "Not found or not yours / 不存在或无权查看",
    409: "Conflicting state or version / 状态或版本冲突",
    413: "Body too large / 内容过大",
    415: "Not JSON / 非 JSON",
    422: "Rule broken / 不符合规则",
    429: "Too many requests / 请求过于频繁",
    503: "Retry later / 请稍后重试",
}
BODY_ERRORS = (400, 413, 415)


class ErrorResponse(BaseModel):
    code: str
    message: str
    details: list[ErrorDetail]
    correlation_id: str


def _operations(routes: dict[str, dict[str, Any]]) -> list[Operation]:
    found = []
    for path, methods in sorted(routes.items()):
        for method, entry in sorted(methods.items()):
            spec = getattr(entry.view_function, "operation", None)
            if spec is None:
                raise LookupError(f"route {method} {path} is not declared with ApiBlueprint.operation")
            found.append(spec)
    return found


def _query_parameters(model: type[BaseModel], schemas: dict[str, Any]) -> list[dict[str, Any]]:
    schema = model.model_json_schema(ref_template=REF_TEMPLATE)
    for name, sub in schema.get("$defs", {}).items():
        schemas.setdefault(name, sub)
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "in": "query",
            "required": name in required,
            "schema": {k: v for k, v in prop.items() if k not in ("title",)},
            **({"description": prop["description"]} if "description" in prop else {}),
        }
        for name, prop in schema.get("properties", {}).items()
    ]


def build_openapi(routes: dict[str, dict[str, Any]], *, title: str, version: str) -> dict[str, Any]:
    operations = _operations(routes)
    models: set[type[BaseModel]] = {ErrorResponse}
    for op in operations:
        models.update(m for m in (op.body, op.response) if m is not None)
        models.update(answer.model for answer in op.answers)
    keyed = [(m, "validation") for m in sorted(models, key=lambda m: m.__name__)]
    refs, defs = models_json_schema(keyed, ref_template=REF_TEMPLATE)
    schemas: dict[str, Any] = dict(defs.get("$defs", {}))

    # Two models of one name (funds' and voting's ObjectionCreate) get longer, qualified
    # names in the components; the reference pydantic hands back is the one that resolves.
    def ref(model: type[BaseModel]) -> dict[str, Any]:
        return dict(refs[(model, "validation")])

    paths: dict[str, Any] = {}
    for op in operations:
        item: dict[str, Any] = {
            "operationId": re.sub(r"[^A-Za-z0-9]+", "_", f"{op.method}_{op.path}").strip("_").lower(),
            "summary": op.summary,
            "tags": list(op.tags),
            "responses": {},
        }
        if op.description:
            item["description"] = op.description
        parameters = [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
            for name in re.findall(r"{(\w+)}", op.path)
        ]
        if op.query is not None:
            parameters += _query_parameters(op.query, schemas)
        parameters += [
            {"name": header, "in": "header", "required": False, "schema": {"type": "string", "maxLength": 128}}
            for header in op.headers
        ]
        if parameters:
            item["parameters"] = parameters
        if op.body is not None:
            item["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": ref(op.body)}},
            }
        success: dict[str, Any] = {"description": "OK"}
        if op.response is not None:
            success["content"] = {"application/json": {"schema": ref(op.response)}}
        item["responses"][str(op.status)] = success
        error_statuses = set(op.errors) | {400}
        if op.body is not None:
            error_statuses |= set(BODY_ERRORS)
        if op.authenticated:
            error_statuses |= {401, 403}
            item["security"] = [{"cognitoIdToken": []}]
        error_ref = {"application/json": {"schema": ref(ErrorResponse)}}
        # 401 and 403 for a refused token come from the gateway's authorizer, whose
        # body the gateway writes; only their status is part of the contract.
        gateway_ref = {"application/json": {"schema": {"type": "object"}}}
        answers = {answer.status: answer for answer in op.answers}
        for status in sorted(error_statuses | set(answers)):
            content = gateway_ref if status in (401, 403) else error_ref
            description = STATUS_TEXT.get(status, "Error")
            if status in answers:
                own = answers[status]
                content = {"application/json": {"schema": {"anyOf": [ref(own.model), ref(ErrorResponse)]}}}
                description = own.description
            item["responses"][str(status)] = {"description": description, "content": content}
        paths.setdefault(op.path, {})[op.method.lower()] = item

    return {
        "openapi": "3.1.0",
        "info": {
            "title": title,
            "version": version,
            "description": "Mulin 睦邻: suggestions, participatory budgeting and autonomy funds for Shanghai neighbourhoods.",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "cognitoIdToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": "JWT",
                    "description": "A Cognito ID token of the Mulin user pool, in the Authorization header.",
                }
            },
        },
    }
