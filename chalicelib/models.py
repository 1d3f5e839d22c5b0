"""Base classes every request and response model derives from."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class RequestModel(BaseModel):
    """Input from outside: unknown fields are refused (no mass assignment), text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class ResponseModel(BaseModel):
    model_config = ConfigDict(frozen=True)
