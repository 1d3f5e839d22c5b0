"""OpenAPI 3.1 document generated from the route table and the pydantic models.

Every route must be declared through ApiBlueprint.operation; a route without its
declaration is an error here, so the contract always covers the whole API. What else a
client needs follows from the same declaration: the error statuses it may answer (a body
can be refused, a path names something that may not exist, an Idempotency-Key may conflict,
a store may ask for a retry), whether a token is required, and an example of every body
and response (chalicelib/web/examples.py).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from pydantic.json_schema import models_json_schema

from chalicelib.errors import ErrorDetail, MulinError
from chalicelib.web.api import Operation
from chalicelib.web.examples import example_of

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
BODY_ERRORS = (400, 413, 415, 422)
# Any operation may meet a throttled or unreachable store and ask to be retried.
ALWAYS_ERRORS = (400, 503)
TAG_DESCRIPTIONS = {
    "system": "Health, the caller's identity and this contract. / 系统状态与接口契约",
    "session": "The refresh-token cookie of the residents' pages: start, refresh, end. / 会话",
    "account": "A resident's own data: export and erasure. / 个人数据导出与注销",
    "divisions": "The Shanghai registry of districts, streets and committees, with their profiles. / 行政区划",
    "workdays": "The statutory calendar that deadlines count in. / 法定工作日",
    "suggestions": "Residents' suggestions (人民建议征集): submit, follow, rate. / 人民建议",
    "review": "Officials' queues and actions on suggestions and residence requests. / 办理与审核",
    "notifications": "A resident's inbox. / 消息",
    "residence": "Proving where one lives (居住核验), which voting and funds require. / 居住核验",
    "voting": "Participatory budgeting rounds (社区微更新): proposals, ballots, results, objections. / 微更新投票",
    "funds": "Autonomy funds (自治金): pools, applications, their workflow and reports. / 自治金",
    "publication": "The monthly publication and the texts held back from it. / 月度公开",
    "index": "The live Mulin index (睦邻指数 v2) of a division, and the street's quarterly entries. / 睦邻指数",
    "staff": "Officials' accounts. / 工作人员账号",
    "deliberation": "Topics residents raise, support and discuss (睦邻议事厅), with moderation and appeals. / 议题",
    "meetings": "Meetings on topics (议事会, 听证会, 协调会, 评议会, 开放空间), their decisions carried into projects, "
                "and residents' conventions. / 议事会议与居民公约",
    "uploads": "Presigned uploads of photos and receipts. / 照片与票据上传",
}
SERVERS = [
    {"url": "http://127.0.0.1:8000", "description": "The local stack (`make run`), against the embedded AWS"},
    {
        "url": "https://{domain}/api",
        "description": "AWS: the API Gateway stage behind the CloudFront distribution",
        "variables": {"domain": {"default": "mulin.example.cn", "description": "the distribution's domain name"}},
    },
]
_TOKEN = "A Cognito ID token (not the access token) in `Authorization: Bearer <token>`"
SECURITY_SCHEMES = {
    "residentIdToken": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": f"{_TOKEN}, issued by the residents' pool: sign in with a mainland mobile number and password.",
    },
    "officialIdToken": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": f"{_TOKEN}, issued by the officials' pool: mobile number, password and a TOTP code from "
                       "an authenticator app (required in AWS; the embedded Cognito of the local stack does not ask).",
    },
}
# Either pool's token is accepted; what its holder may do is the service's check (403).
SIGNED_IN: list[dict[str, list[str]]] = [{"residentIdToken": []}, {"officialIdToken": []}]
# A token the authorizer refuses is answered by the gateway itself, in its own shape.
GATEWAY_REFUSAL_EXAMPLE = {"message": "Unauthorized"}
GATEWAY_REFUSAL: dict[str, Any] = {
    "title": "GatewayRefusal",
    "type": "object",
    "description": "API Gateway's answer to a missing or refused token, before the API runs.",
    "properties": {"message": {"type": "string"}},
    "examples": [GATEWAY_REFUSAL_EXAMPLE],
}


class ErrorResponse(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "code": "validation_failed",
        "message": "Some fields are invalid. / 部分字段不符合要求。",
        "details": [{"field": "title", "type": "string_too_long", "message": "String should have at most 80 characters",
                     "message_zh": "不能超过 80 个字符"}],
        "correlation_id": "6f1c2d8e-3b4a-4c5d-9e0f-1a2b3c4d5e6f",
    }]})

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
    keyed: list[tuple[type[BaseModel], Literal["validation"]]] = [
        (m, "validation") for m in sorted(models, key=lambda m: m.__name__)]
    refs, defs = models_json_schema(keyed, ref_template=REF_TEMPLATE)
    schemas: dict[str, Any] = dict(defs.get("$defs", {}))

    # Should two models ever share a name, pydantic qualifies both with their module path;
    # the reference it hands back is the one that resolves (tests/unit/test_openapi.py
    # refuses such names, which clash in generated clients).
    def ref(model: type[BaseModel]) -> dict[str, Any]:
        return dict(refs[(model, "validation")])

    schemas["GatewayRefusal"] = GATEWAY_REFUSAL

    def media(model: type[BaseModel]) -> dict[str, Any]:
        schema = ref(model)
        return {"application/json": {"schema": schema, "example": example_of(schema, schemas)}}

    paths: dict[str, Any] = {}
    for op in operations:
        item: dict[str, Any] = {
            "operationId": op.operation_id
            or re.sub(r"[^A-Za-z0-9]+", "_", f"{op.method}_{op.path}").strip("_").lower(),
            "summary": op.summary,
            "tags": list(op.tags),
            "responses": {},
        }
        if op.description:
            item["description"] = op.description
        if op.deprecated:
            item["deprecated"] = True
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
            item["requestBody"] = {"required": True, "content": media(op.body)}
        success: dict[str, Any] = {"description": "OK"}
        if op.response is not None:
            success["content"] = media(op.response)
        item["responses"][str(op.status)] = success
        item["security"] = [dict(scheme) for scheme in SIGNED_IN] if op.authenticated else []
        # A refused token is answered by the gateway's authorizer in the gateway's shape;
        # a disabled official (401) or a missing permission (403) by the API in its own.
        gateway_ref = {"application/json": {
            "schema": {"anyOf": [ref(ErrorResponse), {"$ref": REF_TEMPLATE.format(model="GatewayRefusal")}]},
            "example": GATEWAY_REFUSAL_EXAMPLE,
        }}
        answers = {answer.status: answer for answer in op.answers}
        for status in sorted(error_statuses(op) | set(answers)):
            content = gateway_ref if op.authenticated and status in (401, 403) else {"application/json": {
                "schema": ref(ErrorResponse), "example": error_example(status)}}
            description = STATUS_TEXT.get(status, "Error")
            if status in answers:
                own = answers[status]
                content = {"application/json": {"schema": {"anyOf": [ref(own.model), ref(ErrorResponse)]},
                                                 "example": example_of(ref(own.model), schemas)}}
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
        "servers": SERVERS,
        "tags": [{"name": tag, "description": TAG_DESCRIPTIONS[tag]}
                 for tag in sorted({tag for op in operations for tag in op.tags})],
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": SECURITY_SCHEMES},
    }


def error_example(status: int) -> dict[str, Any]:
    """The error body a status is answered with, as the error of that status words it."""
    if status == 400:
        return dict(ErrorResponse.model_json_schema()["examples"][0])
    error = next(e for e in _error_classes(MulinError) if e.status == status)
    return {"code": error.code, "message": error.default_message, "details": [],
            "correlation_id": "6f1c2d8e-3b4a-4c5d-9e0f-1a2b3c4d5e6f"}


def _error_classes(root: type[MulinError]) -> list[type[MulinError]]:
    found = [root]
    for sub in root.__subclasses__():
        found += _error_classes(sub)
    return found


def error_statuses(op: Operation) -> set[int]:
    """The error statuses an operation may answer, from what its declaration says it does."""
    statuses = set(op.errors) | set(ALWAYS_ERRORS)
    if op.body is not None:
        statuses |= set(BODY_ERRORS)
    if op.authenticated:
        statuses |= {401, 403}
    if "{" in op.path:
        statuses.add(404)
    if op.headers:
        # A key reused with another body, or still being answered (Idempotency-Key).
        statuses.add(409)
    return statuses
