"""HTTP routes of uploads: photos and receipts."""

from __future__ import annotations

from chalicelib.auth import Principal
from chalicelib.uploads import service
from chalicelib.uploads.models import PhotoUploadForm, PhotoUploadRequest, ReceiptUploadForm, ReceiptUploadRequest
from chalicelib.web.api import ApiBlueprint

uploads_api = ApiBlueprint(__name__)


@uploads_api.operation(
    "/uploads/photos",
    "POST", operation_id="startPhotoUpload",
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


@uploads_api.operation(
    "/uploads/receipts",
    "POST", operation_id="startReceiptUpload",
    summary="A presigned form to upload one receipt straight to storage (上传发票或收据)",
    description=(
        "JPEG, PNG, WebP or PDF, at most 10 MB, the size declared in advance; residents only. POST the returned "
        "fields and then the file to the returned url before expires_at; then reference the receipt by its key."
    ),
    tags=("uploads",),
    response=ReceiptUploadForm,
    body=ReceiptUploadRequest,
    status=201,
)
def create_receipt_upload(principal: Principal, body: ReceiptUploadRequest) -> ReceiptUploadForm:
    return service.create_receipt_upload(principal, body)
