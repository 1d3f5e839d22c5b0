"""What a client asks for to upload a photo or a receipt, the form it gets back, and the
reference other domains keep for a verified upload."""


from typing import Literal

from pydantic import Field

from chalicelib.models import RequestModel, ResponseModel
from chalicelib.uploads.rules import MAX_PHOTO_BYTES, MAX_RECEIPT_BYTES

PhotoContentType = Literal["image/jpeg", "image/png", "image/webp"]
ReceiptContentType = Literal["image/jpeg", "image/png", "image/webp", "application/pdf"]


class PhotoUploadRequest(RequestModel):
    content_type: PhotoContentType = Field(description="image/jpeg, image/png or image/webp")
    # Declared by the client; S3 holds the upload to it through the form's content-length-range.
    size_bytes: int = Field(strict=True, ge=1, le=MAX_PHOTO_BYTES, description="size of the file to upload, in bytes")


class ReceiptUploadRequest(RequestModel):
    content_type: ReceiptContentType = Field(description="image/jpeg, image/png, image/webp or application/pdf")
    size_bytes: int = Field(strict=True, ge=1, le=MAX_RECEIPT_BYTES, description="size of the file to upload, in bytes")


class UploadForm(ResponseModel):
    """POST `fields` and then the file (as the last part, named `file`) to `url` as multipart/form-data."""

    key: str = Field(description="the upload's key; a submission references the file by it")
    url: str
    fields: dict[str, str] = Field(description="form fields to send unchanged before the file")
    expires_at: str = Field(description="UTC ISO-8601; the form is refused after this")
    max_bytes: int
    content_type: str


class PhotoUploadForm(UploadForm):
    """POST `fields` and then the file (as the last part, named `file`) to `url` as multipart/form-data."""

    content_type: PhotoContentType


class ReceiptUploadForm(UploadForm):
    """POST `fields` and then the file (as the last part, named `file`) to `url` as multipart/form-data."""

    content_type: ReceiptContentType


class PhotoRef(ResponseModel):
    """An upload as stored, photo or receipt: checked by `verify_photos` or `verify_receipts`
    before a submission keeps it."""

    key: str
    content_type: str = Field(description="one of the kind's allowed types once verified")
    size_bytes: int = Field(ge=0)
