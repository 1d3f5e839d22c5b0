"""Turning raw requests into validated pydantic models, or into a clear 4xx.

Bodies are read strictly: JSON only, UTF-8 only, at most the configured size, no NaN or
Infinity, no field the model does not know (models forbid extras). Each validation
problem is reported with its field path and a message in English and Chinese.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from chalicelib.errors import (
    BadRequestError,
    ErrorDetail,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
    ValidationFailedError,
)
from chalicelib.models import HIDDEN_CHARACTER, HIDDEN_CHARACTER_MESSAGE
from chalicelib.secrets import origin_verify_secret
from chalicelib.visible_text import find_hidden

Model = TypeVar("Model", bound=BaseModel)

# Chinese wording for pydantic's error types; anything unlisted falls back to a generic line.
MESSAGES_ZH = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不允许的字段",
    "string_too_short": "内容过短或为空",
    "string_too_long": "内容过长",
    "string_type": "应为文本",
    "string_pattern_mismatch": "格式不正确",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "greater_than": "数值过小",
    "greater_than_equal": "数值过小",
    "less_than": "数值过大",
    "less_than_equal": "数值过大",
    "bool_type": "应为是或否",
    "bool_parsing": "应为是或否",
    "enum": "不在可选范围内",
    "literal_error": "不在可选范围内",
    "list_type": "应为列表",
    "too_short": "条目过少",
    "too_long": "条目过多",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "datetime_parsing": "日期时间格式不正确",
    "datetime_type": "日期时间格式不正确",
    "date_parsing": "日期格式不正确",
    "date_from_datetime_parsing": "日期格式不正确",
    "value_error": "取值不符合要求",
    "json_invalid": "不是有效的 JSON",
    "hidden_character": "含有控制字符或不可见的格式字符（{code}，第 {character} 个字符），请删除",
}


def describe_validation_error(error: ValidationError) -> list[ErrorDetail]:
    details = []
    for problem in error.errors(include_url=False, include_input=False):
        context = problem.get("ctx") or {}
        # An error found inside a field's value (chalicelib/models.py) says where below it.
        location = (*problem["loc"], *context.get("within", ()))
        details.append(
            ErrorDetail(
                field=".".join(str(part) for part in location) or "(body)",
                type=problem["type"],
                message=problem["msg"],
                message_zh=_chinese(problem["type"], context),
            )
        )
    return details


def _chinese(error_type: str, context: dict[str, Any]) -> str:
    message = MESSAGES_ZH.get(error_type, "取值不符合要求")
    try:
        return message.format_map(context)
    except (KeyError, IndexError, ValueError):
        return message


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def parse_body(raw_body: bytes | str | None, content_type: str | None, model: type[Model], max_bytes: int) -> Model:
    raw = raw_body.encode("utf-8") if isinstance(raw_body, str) else (raw_body or b"")
    if len(raw) > max_bytes:
        raise PayloadTooLargeError(f"The body exceeds {max_bytes} bytes. / 请求内容超过 {max_bytes} 字节。")
    mime, _, params = (content_type or "").partition(";")
    if mime.strip().lower() != "application/json":
        raise UnsupportedMediaTypeError()
    charset = params.strip().lower()
    if charset.startswith("charset=") and charset.split("=", 1)[1].strip('" ') not in ("utf-8", "utf8"):
        raise UnsupportedMediaTypeError("Only UTF-8 is accepted. / 仅接受 UTF-8 编码。")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequestError("The body is not valid UTF-8. / 请求内容不是有效的 UTF-8 编码。") from exc
    if not text.strip():
        raise BadRequestError("The body is empty; send a JSON object. / 请求内容为空。")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise BadRequestError("The body is not valid JSON. / 请求内容不是有效的 JSON。") from exc
    return validate(model, data)


def validate(model: type[Model], data: Any) -> Model:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ValidationFailedError(details=describe_validation_error(exc)) from exc


def parse_query(params: Mapping[str, str] | None, model: type[Model]) -> Model:
    # Chalice's MultiDict gives the last value of a repeated parameter.
    return validate(model, dict(params or {}))


def check_path(params: dict[str, str]) -> None:
    """Path parameters are codes and ids, looked up as they are: one that hides a character
    is refused like a body field (chalicelib/models.py), naming the parameter, rather than
    left to each lookup to miss."""
    details = []
    for name, value in params.items():
        hidden = find_hidden(value)
        if hidden is not None:
            context = {"code": hidden.code, "character": hidden.position + 1}
            details.append(
                ErrorDetail(
                    field=name,
                    type=HIDDEN_CHARACTER,
                    message=HIDDEN_CHARACTER_MESSAGE.format_map(context),
                    message_zh=_chinese(HIDDEN_CHARACTER, context),
                )
            )
    if details:
        raise ValidationFailedError(details=details)


# CloudFront's viewer-request function (infra/client_address.js) writes the address it saw
# the connection come from into CLIENT_ADDRESS_HEADER, over anything the client sent under
# that name; the distribution adds ORIGIN_VERIFY_HEADER with a secret on its way to the API.
# Behind CloudFront, API Gateway's sourceIp is an edge's address, shared by everyone that edge
# serves. X-Forwarded-For is never read: a client writes its first entries.
CLIENT_ADDRESS_HEADER = "x-mulin-client-ip"
ORIGIN_VERIFY_HEADER = "x-mulin-origin-verify"


def source_address(request: Any) -> str | None:
    """The sender's network address: CloudFront's word for it when the request proves it came
    through the distribution, else the address the gateway saw the connection come from (a
    client can forge neither)."""
    gateway = ((getattr(request, "context", None) or {}).get("identity") or {}).get("sourceIp")
    headers = getattr(request, "headers", None) or {}
    forwarded = _address(headers.get(CLIENT_ADDRESS_HEADER))
    presented = headers.get(ORIGIN_VERIFY_HEADER)
    if forwarded is None or not presented:
        return gateway
    expected = origin_verify_secret()
    # Constant time: a comparison that stops at the first wrong character would let a client
    # find the secret one character at a time.
    if expected and hmac.compare_digest(presented.encode(), expected.encode()):
        return forwarded
    return gateway


def _address(value: str | None) -> str | None:
    """An IPv4 or IPv6 address in its canonical spelling (one address, one counter), or None."""
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None
