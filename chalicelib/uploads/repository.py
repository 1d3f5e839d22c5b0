"""Uploaded objects, photos and receipts alike, in the private attachments bucket.

| operation                         | S3 call                 | key / condition                                             |
| --------------------------------- | ----------------------- | ----------------------------------------------------------- |
| let a browser upload one file     | presigned POST (local)  | key = uploads/{kind}/{owner}/{ULID}.{ext}, kind photos or   |
|                                   |                         | receipts; exact key, exact Content-Type,                    |
|                                   |                         | content-length-range 1..max                                 |
| check a referenced upload         | HeadObject              | the key; 404 means it was never uploaded (or expired)       |
| keep an upload a record refers to | CopyObject              | uploads/… → attached/{subject}/[receipts/]{n}.{ext},        |
|                                   |                         | outside the lifecycle rule that deletes abandoned uploads   |
| let a browser show a kept photo   | presigned GET (local)   | attached/… only, for a short time                           |

Presigning is local signing, no request to S3. The URL points at whatever endpoint the S3
client uses, so the local stack hands out forms for the embedded AWS. S3 refuses a POST
whose fields are not all covered by the policy, so a browser cannot add an ACL or change
the key or type it was given.
"""

from __future__ import annotations

from typing import Any

from chalicelib import aws
from chalicelib.errors import ServiceUnavailableError
from chalicelib.settings import get_settings
from chalicelib.uploads.models import PhotoRef

NOT_FOUND_CODES = {"404", "NoSuchKey", "NotFound"}


def s3() -> Any:
    return aws.client("s3")


def bucket() -> str:
    return get_settings().attachments_bucket


def translate_client_error(exc: Exception) -> Exception:
    """The domain error for a failed S3 call (aws.failures()), or the error itself if it has none."""
    if aws.is_transient(exc):
        return ServiceUnavailableError(headers={"Retry-After": "1"})
    return exc


def presign_photo_post(key: str, content_type: str, max_bytes: int, expires_seconds: int) -> tuple[str, dict[str, str]]:
    """URL and form fields for one browser upload (photo or receipt) of exactly this key and type, at most max_bytes."""
    # boto3 adds the exact {"bucket"} and {"key"} conditions (and the key field) itself.
    form = s3().generate_presigned_post(
        Bucket=bucket(),
        Key=key,
        Fields={"Content-Type": content_type},
        Conditions=[
            # The type is fixed at presign time: a form for a PNG cannot store text/html.
            {"Content-Type": content_type},
            # The real size is held to the declared one by S3, not by trusting the client.
            ["content-length-range", 1, max_bytes],
        ],
        ExpiresIn=expires_seconds,
    )
    return str(form["url"]), {name: str(value) for name, value in form["fields"].items()}


def presign_get(key: str, expires_seconds: int) -> str:
    """A URL a browser may GET the object at for `expires_seconds`; local signing, no request."""
    return str(s3().generate_presigned_url("get_object", Params={"Bucket": bucket(), "Key": key},
                                           ExpiresIn=expires_seconds))


def head_photo(key: str) -> PhotoRef | None:
    """The stored object's type and size, or None when nothing is stored under the key."""
    try:
        response = s3().head_object(Bucket=bucket(), Key=key)
    except aws.failures() as exc:
        # HEAD has no body, so S3's error code is just the HTTP status.
        if aws.error_code(exc) in NOT_FOUND_CODES:
            return None
        raise translate_client_error(exc) from exc
    return PhotoRef(key=key, content_type=str(response.get("ContentType", "")), size_bytes=int(response["ContentLength"]))


def copy_photo(source_key: str, destination_key: str) -> None:
    try:
        s3().copy_object(Bucket=bucket(), Key=destination_key, CopySource={"Bucket": bucket(), "Key": source_key},
                         MetadataDirective="COPY")
    except aws.failures() as exc:
        raise translate_client_error(exc) from exc


def delete_copies(keys: list[str]) -> None:
    """Best effort: a copy that cannot be deleted now is only storage, never cited by a record."""
    if not keys:
        return
    try:
        s3().delete_objects(Bucket=bucket(), Delete={"Objects": [{"Key": key} for key in keys], "Quiet": True})
    except aws.failures():
        from chalicelib.observability import logger

        logger.warning("kept copies of a record that was not written remain", extra={"copies": len(keys)})


def delete_under(prefix: str) -> int:
    """Delete every object under `prefix` (a person's uploads, at their request); how many.
    Listing a prefix reads only that prefix's keys."""
    deleted = 0
    try:
        pages = s3().get_paginator("list_objects_v2").paginate(Bucket=bucket(), Prefix=prefix)
        for page in pages:
            keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
            if keys:
                s3().delete_objects(Bucket=bucket(), Delete={"Objects": keys, "Quiet": True})
                deleted += len(keys)
    except aws.failures() as exc:
        raise translate_client_error(exc) from exc
    return deleted
