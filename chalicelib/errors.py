"""Domain errors, each with its HTTP status and a stable machine-readable code.

They derive from Chalice's ChaliceUnhandledError only so that Chalice lets them travel to
the one middleware (chalicelib/web/middleware.py) that turns them into the error shape;
services raise them without knowing about HTTP.
"""


from collections.abc import Sequence
from typing import Any

from chalice.app import ChaliceUnhandledError
from pydantic import BaseModel, ConfigDict
from pydantic.json_schema import SkipJsonSchema


def _open_schema(schema: dict[str, Any]) -> None:
    # Unknown keyword arguments are refused when a detail is built, but the contract has
    # always let clients meet keys it does not name (the extra facts below).
    schema.pop("additionalProperties", None)


# One problem of a refused request: which field, what kind of problem, in English and in
# Chinese. The only way an error detail is built, so that every detail has the same keys.
# (A comment, not a docstring: a docstring would become the contract's description.)
class ErrorDetail(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True, json_schema_extra=_open_schema)

    field: str
    type: str
    message: str
    message_zh: str
    # Facts a few details add for the client to act on (which actions the record allows
    # now, its current version...). A detail carries only those it was given; the contract
    # does not list them.
    status: SkipJsonSchema[str | None] = None
    allowed_actions: SkipJsonSchema[list[str] | None] = None
    current_version: SkipJsonSchema[int | None] = None
    pending_request_id: SkipJsonSchema[str | None] = None
    rule: SkipJsonSchema[str | None] = None

    def as_json(self) -> dict[str, Any]:
        """The detail as the error body holds it: the facts it was not given are absent, not null."""
        return self.model_dump(mode="json", exclude_unset=True)


def bilingual(english: str, chinese: str) -> str:
    """An error's message as clients read it: English, then Chinese."""
    return f"{english} / {chinese}"


class MulinError(ChaliceUnhandledError):
    status = 500
    code = "internal_error"
    default_message = "An internal error occurred. / 系统内部错误。"

    def __init__(self, message: str | None = None, details: Sequence[ErrorDetail] | None = None,
                 headers: dict[str, str] | None = None):
        self.message = message or self.default_message
        self.details = list(details or [])
        self.headers = headers or {}
        super().__init__(self.message)


class BadRequestError(MulinError):
    status = 400
    code = "bad_request"
    default_message = "The request could not be understood. / 请求无法解析。"


class ValidationFailedError(BadRequestError):
    code = "validation_failed"
    default_message = "Some fields are invalid. / 部分字段不符合要求。"


class InvalidCursorError(BadRequestError):
    code = "invalid_cursor"
    default_message = "The cursor is invalid or was altered. / 分页游标无效或已被篡改。"


class UnauthorizedError(MulinError):
    status = 401
    code = "unauthorized"
    default_message = "Sign-in is required. / 请先登录。"


class ForbiddenError(MulinError):
    status = 403
    code = "forbidden"
    default_message = "This account may not do that. / 当前账号无权执行此操作。"


class NotFoundError(MulinError):
    status = 404
    code = "not_found"
    default_message = "Not found. / 未找到。"


class ConflictError(MulinError):
    status = 409
    code = "conflict"
    default_message = "The record changed or is in another state. / 记录已变更或状态不允许此操作。"


class PayloadTooLargeError(MulinError):
    status = 413
    code = "payload_too_large"
    default_message = "The request body is too large. / 请求内容过大。"


class UnsupportedMediaTypeError(MulinError):
    status = 415
    code = "unsupported_media_type"
    default_message = "Send JSON with Content-Type: application/json. / 请以 JSON 格式提交。"


class RuleViolationError(MulinError):
    status = 422
    code = "rule_violated"
    default_message = "The request breaks a rule. / 请求不符合规则。"


class TooManyRequestsError(MulinError):
    status = 429
    code = "too_many_requests"
    default_message = "Too many requests; try again later. / 请求过于频繁，请稍后再试。"


class ServiceUnavailableError(MulinError):
    status = 503
    code = "service_unavailable"
    default_message = "A backing service is unavailable; try again. / 后台服务暂不可用，请稍后重试。"


def rule_error(english: str, chinese: str, field: str, rule: str = "rule_violated") -> RuleViolationError:
    """A 422 for one broken rule, naming the rule and the field it concerns."""
    return RuleViolationError(bilingual(english, chinese),
                              details=[ErrorDetail(field=field, type=rule, message=english, message_zh=chinese)])
