"""Photo and receipt uploads against moto's in-process S3: the presigned policy, and the checks
a submission runs on the uploads it references."""

import base64
import json

import boto3
import pytest
from ulid import ULID

from chalicelib.auth import Principal, Role
from chalicelib.errors import ForbiddenError, RuleViolationError, ServiceUnavailableError
from chalicelib.uploads import repository
from chalicelib.uploads.models import PhotoRef, PhotoUploadRequest, ReceiptUploadRequest
from chalicelib.uploads.rules import (
    MAX_PHOTO_BYTES,
    MAX_PHOTOS,
    MAX_RECEIPT_BYTES,
    MAX_RECEIPTS,
    UPLOAD_URL_SECONDS,
    photo_key,
    receipt_key,
)
from chalicelib.uploads.service import (
    create_photo_upload,
    create_receipt_upload,
    keep_photos,
    keep_receipts,
    verify_photos,
    verify_receipts,
)
from tests.integration.conftest import SETTINGS

OWNER = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"
OTHER = "0a1b2c3d-4e5f-4a7b-8c9d-6f1c2d3e4b5a"
BUCKET = SETTINGS["MULIN_ATTACHMENTS_BUCKET"]


def s3():
    return boto3.client("s3", region_name="ap-east-1")


def stored(owner=OWNER, content_type="image/png", body=b"\x89PNG\r\n\x1a\nphoto", stored_as=None):
    """Put an object the way a finished browser upload leaves it, and return its key."""
    key = photo_key(owner, str(ULID()), content_type)
    s3().put_object(Bucket=BUCKET, Key=key, Body=body, ContentType=stored_as or content_type)
    return key


PDF = b"%PDF-1.4\nreceipt"


def stored_receipt(owner=OWNER, content_type="application/pdf", body=PDF, stored_as=None):
    key = receipt_key(owner, str(ULID()), content_type)
    s3().put_object(Bucket=BUCKET, Key=key, Body=body, ContentType=stored_as or content_type)
    return key


def policy_of(fields):
    return json.loads(base64.b64decode(fields["policy"]))


def problems(excinfo):
    return [(d.field, d.type) for d in excinfo.value.details]


def test_presigned_post_fixes_bucket_key_type_and_size(aws):
    key = photo_key(OWNER, str(ULID()), "image/webp")
    url, fields = repository.presign_photo_post(key, "image/webp", 2048, UPLOAD_URL_SECONDS)
    assert BUCKET in url
    assert (fields["key"], fields["Content-Type"]) == (key, "image/webp")
    conditions = policy_of(fields)["conditions"]
    assert {"key": key} in conditions
    assert {"bucket": BUCKET} in conditions
    assert {"Content-Type": "image/webp"} in conditions
    assert ["content-length-range", 1, 2048] in conditions
    assert {"x-amz-signature", "x-amz-credential", "x-amz-algorithm", "x-amz-date"} <= set(fields)


def test_an_upload_form_is_for_the_callers_own_key_and_declared_size(aws):
    principal = Principal(user_id=OWNER, role=Role.resident)
    form = create_photo_upload(principal, PhotoUploadRequest(content_type="image/jpeg", size_bytes=5000))
    assert form.key.startswith(f"uploads/photos/{OWNER}/") and form.key.endswith(".jpg")
    assert (form.max_bytes, form.content_type, form.fields["key"]) == (5000, "image/jpeg", form.key)
    assert ["content-length-range", 1, 5000] in policy_of(form.fields)["conditions"]
    assert form.expires_at.endswith("Z")
    again = create_photo_upload(principal, PhotoUploadRequest(content_type="image/jpeg", size_bytes=5000))
    assert again.key != form.key


def test_good_photos_are_accepted_in_order(aws):
    keys = [stored(content_type=t) for t in ("image/png", "image/jpeg", "image/webp")]
    refs = verify_photos(OWNER, keys)
    assert [r.key for r in refs] == keys
    assert [r.content_type for r in refs] == ["image/png", "image/jpeg", "image/webp"]
    assert all(isinstance(r, PhotoRef) and r.size_bytes == 13 for r in refs)


def test_no_photos_is_fine_and_nine_is_the_limit(aws):
    assert verify_photos(OWNER, []) == []
    assert len(verify_photos(OWNER, [stored() for _ in range(MAX_PHOTOS)])) == MAX_PHOTOS


def test_ten_photos_are_too_many(aws):
    keys = [stored() for _ in range(MAX_PHOTOS + 1)]
    with pytest.raises(RuleViolationError) as excinfo:
        verify_photos(OWNER, keys)
    assert excinfo.value.status == 422
    assert problems(excinfo) == [("photos", "too_long")]


def test_a_photo_never_uploaded_is_refused_by_its_index(aws):
    good = stored()
    missing = photo_key(OWNER, str(ULID()), "image/png")
    with pytest.raises(RuleViolationError) as excinfo:
        verify_photos(OWNER, [good, missing])
    assert problems(excinfo) == [("photos.1", "not_uploaded")]
    detail = excinfo.value.details[0]
    assert detail.message and detail.message_zh


def test_another_owners_photo_is_refused_without_asking_storage(aws, monkeypatch):
    theirs = stored(owner=OTHER)
    asked = []
    monkeypatch.setattr(repository, "head_photo", lambda key: asked.append(key))
    with pytest.raises(RuleViolationError) as excinfo:
        verify_photos(OWNER, [stored(), theirs, "../" + theirs])
    assert problems(excinfo) == [("photos.1", "not_owned"), ("photos.2", "not_owned")]
    assert asked == []


def test_the_same_photo_twice_is_refused(aws):
    key = stored()
    with pytest.raises(RuleViolationError) as excinfo:
        verify_photos(OWNER, [key, stored(), key])
    assert problems(excinfo) == [("photos.2", "duplicate")]


def test_an_object_of_another_type_is_refused(aws):
    with pytest.raises(RuleViolationError) as excinfo:
        verify_photos(OWNER, [stored(), stored(stored_as="text/plain"), stored(content_type="image/png", stored_as="image/jpeg")])
    assert problems(excinfo) == [("photos.1", "wrong_type"), ("photos.2", "wrong_type")]


def test_an_object_over_ten_megabytes_or_empty_is_refused(aws):
    # The policy stops these at S3; this is the check for anything that got there another way.
    big = stored(body=b"\0" * (MAX_PHOTO_BYTES + 1))
    empty = stored(body=b"")
    exact = stored(body=b"\0" * MAX_PHOTO_BYTES)
    with pytest.raises(RuleViolationError) as excinfo:
        verify_photos(OWNER, [exact, big, empty])
    assert problems(excinfo) == [("photos.1", "too_large"), ("photos.2", "empty")]


def test_the_field_path_follows_the_callers_field_name(aws):
    with pytest.raises(RuleViolationError) as excinfo:
        verify_photos(OWNER, [stored(owner=OTHER)], field="receipts")
    assert problems(excinfo) == [("receipts.0", "not_owned")]


def test_throttled_storage_is_a_retryable_503(aws, monkeypatch):
    from botocore.exceptions import ClientError

    class Throttled:
        def head_object(self, **kwargs):
            raise ClientError({"Error": {"Code": "SlowDown"}, "ResponseMetadata": {"HTTPStatusCode": 503}}, "HeadObject")

    monkeypatch.setattr(repository, "s3", Throttled)
    with pytest.raises(ServiceUnavailableError) as excinfo:
        verify_photos(OWNER, [photo_key(OWNER, str(ULID()), "image/png")])
    assert excinfo.value.headers == {"Retry-After": "1"}


def test_a_refused_head_is_not_mistaken_for_a_missing_photo(aws, monkeypatch):
    from botocore.exceptions import ClientError

    class Denied:
        def head_object(self, **kwargs):
            raise ClientError({"Error": {"Code": "403"}, "ResponseMetadata": {"HTTPStatusCode": 403}}, "HeadObject")

    monkeypatch.setattr(repository, "s3", Denied)
    with pytest.raises(ClientError):
        repository.head_photo(photo_key(OWNER, str(ULID()), "image/png"))


def test_a_receipt_form_is_for_a_residents_own_receipt_key(aws):
    principal = Principal(user_id=OWNER, role=Role.resident)
    form = create_receipt_upload(principal, ReceiptUploadRequest(content_type="application/pdf", size_bytes=7000))
    assert form.key.startswith(f"uploads/receipts/{OWNER}/") and form.key.endswith(".pdf")
    assert (form.max_bytes, form.content_type) == (7000, "application/pdf")
    conditions = policy_of(form.fields)["conditions"]
    assert ["content-length-range", 1, 7000] in conditions
    assert {"Content-Type": "application/pdf"} in conditions


@pytest.mark.parametrize("role", [Role.committee_staff, Role.street_official, Role.district_admin, Role.platform_admin])
def test_only_residents_get_a_receipt_form(aws, role):
    principal = Principal(user_id=OWNER, role=role, jurisdiction="310110012001")
    with pytest.raises(ForbiddenError):
        create_receipt_upload(principal, ReceiptUploadRequest(content_type="application/pdf", size_bytes=7000))


def test_good_receipts_including_a_pdf_are_accepted_in_order(aws):
    types = ("application/pdf", "image/jpeg", "image/png", "image/webp")
    keys = [stored_receipt(content_type=t) for t in types]
    refs = verify_receipts(OWNER, keys)
    assert [r.key for r in refs] == keys
    assert [r.content_type for r in refs] == list(types)
    assert all(isinstance(r, PhotoRef) and r.size_bytes == len(PDF) for r in refs)


def test_no_receipts_is_fine_and_twenty_is_the_limit(aws):
    assert verify_receipts(OWNER, []) == []
    assert len(verify_receipts(OWNER, [stored_receipt() for _ in range(MAX_RECEIPTS)])) == MAX_RECEIPTS
    with pytest.raises(RuleViolationError) as excinfo:
        verify_receipts(OWNER, [stored_receipt() for _ in range(MAX_RECEIPTS + 1)])
    assert problems(excinfo) == [("receipts", "too_long")]
    assert "20 receipts" in excinfo.value.details[0].message


def test_a_receipt_of_another_type_is_refused(aws):
    with pytest.raises(RuleViolationError) as excinfo:
        verify_receipts(OWNER, [stored_receipt(), stored_receipt(stored_as="text/html"),
                                stored_receipt(content_type="image/png", stored_as="application/pdf")])
    assert excinfo.value.status == 422
    assert problems(excinfo) == [("receipts.1", "wrong_type"), ("receipts.2", "wrong_type")]
    detail = excinfo.value.details[0]
    assert "PDF" in detail.message and "receipt" in detail.message and "票据" in detail.message_zh


def test_a_receipt_over_ten_megabytes_or_empty_is_refused(aws):
    big = stored_receipt(body=b"\0" * (MAX_RECEIPT_BYTES + 1))
    empty = stored_receipt(body=b"")
    exact = stored_receipt(body=b"\0" * MAX_RECEIPT_BYTES)
    with pytest.raises(RuleViolationError) as excinfo:
        verify_receipts(OWNER, [exact, big, empty])
    assert problems(excinfo) == [("receipts.1", "too_large"), ("receipts.2", "empty")]


def test_someone_elses_receipt_or_a_photo_is_refused_without_asking_storage(aws, monkeypatch):
    theirs = stored_receipt(owner=OTHER)
    my_photo = stored()
    asked = []
    monkeypatch.setattr(repository, "head_photo", lambda key: asked.append(key))
    with pytest.raises(RuleViolationError) as excinfo:
        verify_receipts(OWNER, [stored_receipt(), theirs, my_photo], field="expenses.0.receipts")
    assert problems(excinfo) == [("expenses.0.receipts.1", "not_owned"), ("expenses.0.receipts.2", "not_owned")]
    assert excinfo.value.details[0].message == "This is not a receipt you uploaded."
    assert asked == []


def test_a_receipt_never_uploaded_or_listed_twice_is_refused(aws):
    key = stored_receipt()
    with pytest.raises(RuleViolationError) as excinfo:
        verify_receipts(OWNER, [key, stored_receipt(), key])
    assert problems(excinfo) == [("receipts.2", "duplicate")]
    missing = receipt_key(OWNER, str(ULID()), "application/pdf")
    with pytest.raises(RuleViolationError) as excinfo:
        verify_receipts(OWNER, [key, missing])
    assert problems(excinfo) == [("receipts.1", "not_uploaded")]
    assert excinfo.value.details[0].message_zh == "票据未上传或已过期，请重新上传。"


def test_kept_receipts_and_photos_leave_the_expiring_prefix_without_colliding(aws):
    photos = keep_photos(verify_photos(OWNER, [stored(content_type="image/jpeg")]), "funds/F1/expenses/E1")
    receipts = keep_receipts(verify_receipts(OWNER, [stored_receipt(), stored_receipt(content_type="image/png")]),
                             "funds/F1/expenses/E1")
    assert photos == ["attached/funds/F1/expenses/E1/1.jpg"]
    assert receipts == ["attached/funds/F1/expenses/E1/receipts/1.pdf", "attached/funds/F1/expenses/E1/receipts/2.png"]
    head = s3().head_object(Bucket=BUCKET, Key=receipts[0])
    assert (head["ContentType"], head["ContentLength"]) == ("application/pdf", len(PDF))
