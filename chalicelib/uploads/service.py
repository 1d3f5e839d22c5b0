"""Use cases of photo uploads: hand out a presigned form, and check the photos a submission
references before it is written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ulid import ULID

from chalicelib.auth import Principal, require
from chalicelib.errors import RuleViolationError
from chalicelib.uploads import repository, rules
from chalicelib.uploads.models import PhotoRef, PhotoUploadForm, PhotoUploadRequest

PROBLEMS = {
    "too_long": (f"At most {rules.MAX_PHOTOS} photos.", f"最多 {rules.MAX_PHOTOS} 张照片。"),
    "not_owned": ("This is not a photo you uploaded.", "不是您上传的照片。"),
    "duplicate": ("The same photo is listed twice.", "同一张照片重复提交。"),
    "not_uploaded": ("The photo was not uploaded, or its upload expired; upload it again.", "照片未上传或已过期，请重新上传。"),
    "wrong_type": ("A photo must be JPEG, PNG or WebP.", "照片须为 JPEG、PNG 或 WebP 格式。"),
    "empty": ("The photo is empty.", "照片文件为空。"),
    "too_large": (
        f"A photo may be at most {rules.MAX_PHOTO_BYTES // (1024 * 1024)} MB.",
        f"照片不能超过 {rules.MAX_PHOTO_BYTES // (1024 * 1024)} MB。",
    ),
}
PHOTOS_REFUSED = "Some photos cannot be attached. / 部分照片无法使用。"


def create_photo_upload(principal: Principal, request: PhotoUploadRequest) -> PhotoUploadForm:
    require(principal, "upload.photo")
    key = rules.photo_key(principal.user_id, str(ULID()), request.content_type)
    # Taken before signing, so the advertised expiry is never later than the policy's own.
    expires_at = datetime.now(UTC) + timedelta(seconds=rules.UPLOAD_URL_SECONDS)
    url, fields = repository.presign_photo_post(key, request.content_type, request.size_bytes, rules.UPLOAD_URL_SECONDS)
    return PhotoUploadForm(
        key=key,
        url=url,
        fields=fields,
        expires_at=expires_at.isoformat(timespec="seconds").replace("+00:00", "Z"),
        max_bytes=request.size_bytes,
        content_type=request.content_type,
    )


def _detail(field: str, problem: str) -> dict[str, Any]:
    message, message_zh = PROBLEMS[problem]
    return {"field": field, "type": problem, "message": message, "message_zh": message_zh}


def _stored_problem(ref: PhotoRef | None) -> str | None:
    if ref is None:
        return "not_uploaded"
    if not rules.type_matches_key(ref.key, ref.content_type):
        return "wrong_type"
    if ref.size_bytes < 1:
        return "empty"
    if not rules.is_allowed_size(ref.size_bytes):
        return "too_large"
    return None


def verify_photos(owner_key: str, keys: list[str], *, field: str = "photos") -> list[PhotoRef]:
    """The stored photos behind `keys`, in order, once each is the owner's, present and allowed.

    Any problem raises RuleViolationError (422) whose details name each photo by its path
    (`photos.2`). Keys are checked by shape first and S3 is asked only about the owner's
    own keys, so a caller cannot learn whether someone else's photo exists. The keys stay
    under the upload prefix, which expires: a domain that keeps photos copies them out.
    """
    if len(keys) > rules.MAX_PHOTOS:
        raise RuleViolationError(PHOTOS_REFUSED, details=[_detail(field, "too_long")])
    problems: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if not rules.owns_photo_key(owner_key, key):
            problems.append(_detail(f"{field}.{index}", "not_owned"))
        elif key in seen:
            problems.append(_detail(f"{field}.{index}", "duplicate"))
        else:
            seen.add(key)
    if problems:
        raise RuleViolationError(PHOTOS_REFUSED, details=problems)

    refs: list[PhotoRef] = []
    for index, key in enumerate(keys):
        ref = repository.head_photo(key)
        problem = _stored_problem(ref)
        if problem:
            problems.append(_detail(f"{field}.{index}", problem))
        elif ref is not None:
            refs.append(ref)
    if problems:
        raise RuleViolationError(PHOTOS_REFUSED, details=problems)
    return refs


ATTACHED_PREFIX = "attached/"


def keep_photos(refs: list[PhotoRef], subject: str) -> list[str]:
    """Copy verified uploads to where the record that cites them keeps them: uploads expire
    after two days (buckets.ABANDONED_UPLOAD_DAYS), a suggestion's photos must not."""
    kept = []
    for index, ref in enumerate(refs, start=1):
        extension = ref.key.rsplit(".", 1)[-1]
        destination = f"{ATTACHED_PREFIX}{subject}/{index}.{extension}"
        repository.copy_photo(ref.key, destination)
        kept.append(destination)
    return kept
