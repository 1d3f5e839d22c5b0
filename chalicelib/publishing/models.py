"""The manifest of a published month, as the API returns it and manifest.json holds it."""

from __future__ import annotations

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
