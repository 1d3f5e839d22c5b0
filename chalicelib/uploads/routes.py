"""HTTP routes of photo uploads."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.uploads import service
from chalicelib.uploads.models import PhotoUploadForm, PhotoUploadRequest
from chalicelib.web.api import ApiBlueprint

uploads_api = ApiBlueprint(__name__)


@uploads_api.operation(
    "/uploads/photos",
    "POST",
    summary="A presigned form to upload one photo straight to storage (上传照片)",
    description=(
        "JPEG, PNG or WebP, at most 10 MB, the size declared in advance. POST the returned fields and then "
        "the file to the returned url before expires_at; then reference the photo by its key."
    ),
    tags=("uploads",),
    response=PhotoUploadForm,
    body=PhotoUploadRequest,
    status=201,
)
def create_photo_upload(principal: Principal, body: PhotoUploadRequest) -> PhotoUploadForm:
    return service.create_photo_upload(principal, body)
