"""Use cases of uploads (photos, receipts): hand out a presigned form, and check the uploads a
submission references before it is written. Both kinds run the same code, told apart by
their rules.UploadKind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TypeVar

from chalicelib.auth import Principal, require
from chalicelib.errors import ErrorDetail, RuleViolationError, bilingual
from chalicelib.ids import new_id
from chalicelib.uploads import repository, rules
from chalicelib.uploads.models import (
    PhotoRef,
    PhotoUploadForm,
    PhotoUploadRequest,
    ReceiptUploadForm,
    ReceiptUploadRequest,
    UploadForm,
)
from chalicelib.uploads.rules import PHOTOS, RECEIPTS, UploadKind

Form = TypeVar("Form", bound=UploadForm)


def _problems(kind: UploadKind) -> dict[str, tuple[str, str]]:
    noun, noun_zh, megabytes = kind.noun, kind.noun_zh, kind.max_bytes // (1024 * 1024)
    return {
        "too_long": (f"At most {kind.max_count} {noun}s.", f"最多 {kind.max_count} 张{noun_zh}。"),
        "not_owned": (f"This is not a {noun} you uploaded.", f"不是您上传的{noun_zh}。"),
        "duplicate": (f"The same {noun} is listed twice.", f"同一张{noun_zh}重复提交。"),
        "not_uploaded": (f"The {noun} was not uploaded, or its upload expired; upload it again.",
                         f"{noun_zh}未上传或已过期，请重新上传。"),
        "wrong_type": (f"A {noun} must be {kind.formats}.", f"{noun_zh}须为 {kind.formats_zh} 格式。"),
        "empty": (f"The {noun} is empty.", f"{noun_zh}文件为空。"),
        "too_large": (f"A {noun} may be at most {megabytes} MB.", f"{noun_zh}不能超过 {megabytes} MB。"),
        "refused": (f"Some {noun}s cannot be attached.", f"部分{noun_zh}无法使用。"),
    }


PROBLEMS = {kind.folder: _problems(kind) for kind in (PHOTOS, RECEIPTS)}


def create_photo_upload(principal: Principal, request: PhotoUploadRequest) -> PhotoUploadForm:
    require(principal, "upload.photo")
    return _form(PHOTOS, PhotoUploadForm, principal, request.content_type, request.size_bytes)


def create_receipt_upload(principal: Principal, request: ReceiptUploadRequest) -> ReceiptUploadForm:
    require(principal, "upload.receipt")
    return receipt_form(principal, request)


def receipt_form(principal: Principal, request: ReceiptUploadRequest) -> ReceiptUploadForm:
    """A receipt form under the caller's own key, for a domain that decided who may upload
    (funds/paper.py: officials filing a paper team's report)."""
    return _form(RECEIPTS, ReceiptUploadForm, principal, request.content_type, request.size_bytes)


def _form(kind: UploadKind, form: type[Form], principal: Principal, content_type: str, size_bytes: int) -> Form:
    key = kind.key(principal.user_id, new_id(), content_type)
    # Taken before signing, so the advertised expiry is never later than the policy's own.
    expires_at = datetime.now(UTC) + timedelta(seconds=rules.UPLOAD_URL_SECONDS)
    url, fields = repository.presign_photo_post(key, content_type, size_bytes, rules.UPLOAD_URL_SECONDS)
    return form(
        key=key,
        url=url,
        fields=fields,
        expires_at=expires_at.isoformat(timespec="seconds").replace("+00:00", "Z"),
        max_bytes=size_bytes,
        content_type=content_type,
    )


def _detail(kind: UploadKind, field: str, problem: str) -> ErrorDetail:
    message, message_zh = PROBLEMS[kind.folder][problem]
    return ErrorDetail(field=field, type=problem, message=message, message_zh=message_zh)


def _refused(kind: UploadKind, details: list[ErrorDetail]) -> RuleViolationError:
    message, message_zh = PROBLEMS[kind.folder]["refused"]
    return RuleViolationError(bilingual(message, message_zh), details=details)


def _stored_problem(kind: UploadKind, ref: PhotoRef | None) -> str | None:
    if ref is None:
        return "not_uploaded"
    if not kind.type_matches(ref.key, ref.content_type):
        return "wrong_type"
    if ref.size_bytes < 1:
        return "empty"
    if not kind.allows_size(ref.size_bytes):
        return "too_large"
    return None


def verify_photos(owner_key: str, keys: list[str], *, field: str = "photos") -> list[PhotoRef]:
    """The stored photos behind `keys`, in order, once each is the owner's, present and allowed.

    Any problem raises RuleViolationError (422) whose details name each photo by its path
    (`photos.2`). Keys are checked by shape first and S3 is asked only about the owner's
    own keys, so a caller cannot learn whether someone else's photo exists. The keys stay
    under the upload prefix, which expires: a domain that keeps photos copies them out.
    """
    return _verify(PHOTOS, owner_key, keys, field)


def verify_receipts(owner_key: str, keys: list[str], *, field: str = "receipts") -> list[PhotoRef]:
    """The stored receipts behind `keys`, exactly as `verify_photos` checks photos; a photo
    key is not a receipt key, so it is refused as not the owner's."""
    return _verify(RECEIPTS, owner_key, keys, field)


def _verify(kind: UploadKind, owner_key: str, keys: list[str], field: str) -> list[PhotoRef]:
    if len(keys) > kind.max_count:
        raise _refused(kind, [_detail(kind, field, "too_long")])
    problems: list[ErrorDetail] = []
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if not kind.owns(owner_key, key):
            problems.append(_detail(kind, f"{field}.{index}", "not_owned"))
        elif key in seen:
            problems.append(_detail(kind, f"{field}.{index}", "duplicate"))
        else:
            seen.add(key)
    if problems:
        raise _refused(kind, problems)

    refs: list[PhotoRef] = []
    for index, key in enumerate(keys):
        ref = repository.head_photo(key)
        problem = _stored_problem(kind, ref)
        if problem:
            problems.append(_detail(kind, f"{field}.{index}", problem))
        elif ref is not None:
            refs.append(ref)
    if problems:
        raise _refused(kind, problems)
    return refs


ATTACHED_PREFIX = "attached/"


def keep_photos(refs: list[PhotoRef], subject: str) -> list[str]:
    """Copy verified uploads to where the record that cites them keeps them: uploads expire
    after two days (buckets.ABANDONED_UPLOAD_DAYS), a suggestion's photos must not."""
    return _keep(refs, f"{ATTACHED_PREFIX}{subject}/")


def keep_receipts(refs: list[PhotoRef], subject: str) -> list[str]:
    """As keep_photos, in a folder of their own so a record may keep photos and receipts both."""
    return _keep(refs, f"{ATTACHED_PREFIX}{subject}/receipts/")


def _keep(refs: list[PhotoRef], folder: str) -> list[str]:
    kept: list[str] = []
    try:
        for index, ref in enumerate(refs, start=1):
            extension = ref.key.rsplit(".", 1)[-1]
            destination = f"{folder}{index}.{extension}"
            repository.copy_photo(ref.key, destination)
            kept.append(destination)
    except Exception:
        discard_kept(kept)
        raise
    return kept


def photo_links(keys: list[str]) -> list[str]:
    """Browser-readable URLs of kept photos, in order, for pages to show: the bucket stays
    private and each link lapses (rules.VIEW_URL_SECONDS); a page read again gets new ones.
    Only kept copies are linked, never an upload still under its owner's prefix."""
    return [repository.presign_get(key, rules.VIEW_URL_SECONDS) for key in keys if key.startswith(ATTACHED_PREFIX)]


def discard_kept(keys: list[str]) -> None:
    """Undo keep_photos for a record whose write failed, so no copy outlives it uncited."""
    repository.delete_copies(keys)
