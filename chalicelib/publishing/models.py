"""The manifest of a published month as manifest.json holds it, and where a month's run stands."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from chalicelib.models import ResponseModel


class PublishedFile(ResponseModel):
    name: str = Field(description="path under summaries/{month}/")
    bytes: int
    sha256: str
    content_type: str


class Manifest(ResponseModel):
    month: str = Field(description="yyyy-mm, Shanghai time")
    schema_version: str
    generated_at: str
    files: list[PublishedFile]


class PublicationStatus(ResponseModel):
    month: str = Field(description="yyyy-mm, Shanghai time")
    state: Literal["queued", "running", "published", "failed"]
    requested_at: str | None = Field(default=None, description="when it was last asked for through the API")
    started_at: str | None = None
    finished_at: str | None = None
    files: int | None = Field(default=None, description="files written, the manifest aside")
    manifest: str | None = Field(default=None, description="key of the manifest in the public bucket")
    error: str | None = Field(default=None, description="kind of error that stopped the last run")
