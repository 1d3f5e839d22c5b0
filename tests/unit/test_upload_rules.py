"""Photo and receipt keys carry their owner, so ownership is a pure test of the key's shape."""

import pytest
from pydantic import ValidationError
from ulid import ULID

from chalicelib.storage.buckets import UPLOAD_PREFIX
from chalicelib.uploads.models import PhotoUploadRequest, ReceiptUploadRequest
from chalicelib.uploads.rules import (
    ALLOWED_PHOTO_TYPES,
    ALLOWED_RECEIPT_TYPES,
    MAX_PHOTO_BYTES,
    MAX_RECEIPT_BYTES,
    MAX_RECEIPTS,
    PHOTO_KEY_PATTERN,
    PHOTO_PREFIX,
    PHOTOS,
    RECEIPT_KEY_PATTERN,
    RECEIPT_PREFIX,
    RECEIPTS,
    is_allowed_size,
    owns_photo_key,
    owns_receipt_key,
    photo_key,
    receipt_key,
    type_matches_key,
)

OWNER = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"
OTHER = "0a1b2c3d-4e5f-4a7b-8c9d-6f1c2d3e4b5a"
UPLOAD_ID = "01J9ZK3M5N7P8Q9R0S1T2V3W4X"


def test_keys_sit_under_the_expiring_upload_prefix_with_the_types_extension():
    assert PHOTO_PREFIX == "uploads/photos/"
    assert photo_key(OWNER, UPLOAD_ID, "image/jpeg") == f"uploads/photos/{OWNER}/{UPLOAD_ID}.jpg"
    assert photo_key(OWNER, UPLOAD_ID, "image/png").endswith(".png")
    assert photo_key(OWNER, UPLOAD_ID, "image/webp").endswith(".webp")


@pytest.mark.parametrize("content_type", sorted(ALLOWED_PHOTO_TYPES))
def test_every_built_key_is_owned_by_its_owner_only(content_type):
    key = photo_key(OWNER, str(ULID()), content_type)
    assert owns_photo_key(OWNER, key)
    assert not owns_photo_key(OTHER, key)
    assert type_matches_key(key, content_type)


@pytest.mark.parametrize(
    ("owner", "upload_id", "content_type"),
    [
        (OWNER, UPLOAD_ID, "image/gif"),
        (OWNER, UPLOAD_ID, "text/html"),
        (OWNER, UPLOAD_ID, "IMAGE/PNG"),
        (OWNER, "not-a-ulid", "image/png"),
        (OWNER, UPLOAD_ID.lower(), "image/png"),
        (OWNER, "81J9ZK3M5N7P8Q9R0S1T2V3W4X", "image/png"),  # beyond 128 bits
        ("", UPLOAD_ID, "image/png"),
        ("a/b", UPLOAD_ID, "image/png"),
        ("..", UPLOAD_ID, "image/png"),
        ("x" * 65, UPLOAD_ID, "image/png"),
        ("居民", UPLOAD_ID, "image/png"),
    ],
)
def test_a_key_that_would_not_parse_back_is_never_built(owner, upload_id, content_type):
    with pytest.raises(ValueError):
        photo_key(owner, upload_id, content_type)


GOOD = f"uploads/photos/{OWNER}/{UPLOAD_ID}.png"


@pytest.mark.parametrize(
    "key",
    [
        f"uploads/photos/{OTHER}/{UPLOAD_ID}.png",  # another owner
        f"uploads/photos/{OWNER}/../{OTHER}/{UPLOAD_ID}.png",
        f"uploads/photos/{OWNER}/{UPLOAD_ID}/../{UPLOAD_ID}.png",
        f"uploads/photos/{OWNER}/..{UPLOAD_ID}.png",
        f"uploads/photos/{OWNER}/{UPLOAD_ID}.gif",  # wrong extension
        f"uploads/photos/{OWNER}/{UPLOAD_ID}.PNG",
        f"uploads/photos/{OWNER}/{UPLOAD_ID}.png.html",
        f"uploads/photos/{OWNER}/{UPLOAD_ID}",
        f"uploads/photos/{OWNER}/.png",  # missing ULID
        f"uploads/photos/{OWNER}/{UPLOAD_ID[:-1]}.png",
        f"uploads/photos/{OWNER}/{UPLOAD_ID}X.png",
        f"uploads/photos/{OWNER}/{UPLOAD_ID.lower()}.png",
        f"uploads/photos/{OWNER}/{UPLOAD_ID[:-1]}Ｘ.png",  # unicode (full-width X)
        f"uploads/photos/{OWNER}/{UPLOAD_ID[:-1]}５.png",  # unicode digit
        f"uploads/photos/{OWNER}/{UPLOAD_ID}.pnɡ",
        f"/{GOOD}",  # leading slash
        f"{GOOD}\n",
        f" {GOOD}",
        f"{GOOD}?x=1",
        f"uploads//photos/{OWNER}/{UPLOAD_ID}.png",
        f"uploads/photos/{OWNER}//{UPLOAD_ID}.png",
        f"uploads/receipts/{OWNER}/{UPLOAD_ID}.png",
        f"summaries/{OWNER}/{UPLOAD_ID}.png",
        f"uploads/photos/{UPLOAD_ID}.png",
        "",
    ],
)
def test_hostile_keys_are_not_owned(key):
    assert owns_photo_key(OWNER, GOOD)
    assert not owns_photo_key(OWNER, key)


@pytest.mark.parametrize("owner", ["", "..", "a/b", OWNER + "/x", "居民", "x" * 65])
def test_a_malformed_owner_owns_nothing(owner):
    assert not owns_photo_key(owner, f"uploads/photos/{owner}/{UPLOAD_ID}.png")


def test_non_text_keys_are_not_owned():
    assert not owns_photo_key(OWNER, None)  # type: ignore[arg-type]
    assert not owns_photo_key(OWNER, 42)  # type: ignore[arg-type]


def test_stored_type_must_match_the_extension_the_key_was_built_for():
    assert type_matches_key(GOOD, "image/png")
    assert not type_matches_key(GOOD, "image/jpeg")
    assert not type_matches_key(GOOD, "text/plain")
    assert not type_matches_key(GOOD, "")


def test_sizes_run_from_one_byte_to_ten_megabytes():
    assert MAX_PHOTO_BYTES == 10 * 1024 * 1024
    assert is_allowed_size(1) and is_allowed_size(MAX_PHOTO_BYTES)
    assert not is_allowed_size(0) and not is_allowed_size(MAX_PHOTO_BYTES + 1)


def test_upload_request_accepts_the_three_types_up_to_ten_megabytes():
    for content_type in ALLOWED_PHOTO_TYPES:
        assert PhotoUploadRequest(content_type=content_type, size_bytes=MAX_PHOTO_BYTES).size_bytes == MAX_PHOTO_BYTES


@pytest.mark.parametrize(
    "body",
    [
        {"content_type": "image/png", "size_bytes": MAX_PHOTO_BYTES + 1},
        {"content_type": "image/png", "size_bytes": 0},
        {"content_type": "image/png", "size_bytes": -1},
        {"content_type": "image/png", "size_bytes": "1024"},
        {"content_type": "image/png", "size_bytes": True},
        {"content_type": "image/png", "size_bytes": 1.5},
        {"content_type": "image/gif", "size_bytes": 1024},
        {"content_type": "image/svg+xml", "size_bytes": 1024},
        {"content_type": "image/png"},
        {"content_type": "image/png", "size_bytes": 1024, "key": "uploads/photos/x/y.png"},
    ],
)
def test_upload_request_refuses_other_types_sizes_and_fields(body):
    with pytest.raises(ValidationError):
        PhotoUploadRequest.model_validate(body)


RECEIPT = f"uploads/receipts/{OWNER}/{UPLOAD_ID}.pdf"


def test_receipt_keys_sit_beside_photos_under_the_expiring_upload_prefix():
    assert RECEIPT_PREFIX == "uploads/receipts/" and RECEIPT_PREFIX.startswith(UPLOAD_PREFIX)
    assert receipt_key(OWNER, UPLOAD_ID, "application/pdf") == RECEIPT
    assert receipt_key(OWNER, UPLOAD_ID, "image/jpeg") == f"uploads/receipts/{OWNER}/{UPLOAD_ID}.jpg"
    assert (MAX_RECEIPTS, MAX_RECEIPT_BYTES) == (20, 10 * 1024 * 1024)
    assert set(ALLOWED_RECEIPT_TYPES) == {"image/jpeg", "image/png", "image/webp", "application/pdf"}


@pytest.mark.parametrize("content_type", sorted(ALLOWED_RECEIPT_TYPES))
def test_every_built_receipt_key_is_owned_by_its_owner_only(content_type):
    key = receipt_key(OWNER, str(ULID()), content_type)
    assert owns_receipt_key(OWNER, key)
    assert not owns_receipt_key(OTHER, key)
    assert RECEIPTS.type_matches(key, content_type)


@pytest.mark.parametrize(
    ("owner", "upload_id", "content_type"),
    [
        (OWNER, UPLOAD_ID, "text/html"),
        (OWNER, UPLOAD_ID, "text/plain"),
        (OWNER, UPLOAD_ID, "APPLICATION/PDF"),
        (OWNER, "not-a-ulid", "application/pdf"),
        ("a/b", UPLOAD_ID, "application/pdf"),
        ("", UPLOAD_ID, "application/pdf"),
    ],
)
def test_a_receipt_key_that_would_not_parse_back_is_never_built(owner, upload_id, content_type):
    with pytest.raises(ValueError, match="receipt|owner|upload id"):
        receipt_key(owner, upload_id, content_type)


@pytest.mark.parametrize(
    "key",
    [
        f"uploads/receipts/{OTHER}/{UPLOAD_ID}.pdf",
        f"uploads/receipts/{OWNER}/../{OTHER}/{UPLOAD_ID}.pdf",
        f"uploads/receipts/{OWNER}/{UPLOAD_ID}.PDF",
        f"uploads/receipts/{OWNER}/{UPLOAD_ID}.pdf.html",
        f"uploads/receipts/{OWNER}/{UPLOAD_ID}.html",
        f"uploads/receipts/{OWNER}/{UPLOAD_ID}",
        f"uploads/receipts/{OWNER}/{UPLOAD_ID.lower()}.pdf",
        f"/{RECEIPT}",
        f"{RECEIPT}\n",
        f"uploads/photos/{OWNER}/{UPLOAD_ID}.pdf",
        f"uploads/photos/{OWNER}/{UPLOAD_ID}.png",  # a photo is not a receipt
        f"attached/x/receipts/{UPLOAD_ID}.pdf",
        "",
    ],
)
def test_hostile_or_other_kinds_keys_are_not_owned_receipts(key):
    assert owns_receipt_key(OWNER, RECEIPT)
    assert not owns_receipt_key(OWNER, key)


def test_a_receipt_key_is_not_a_photo_key_either():
    assert not owns_photo_key(OWNER, f"uploads/receipts/{OWNER}/{UPLOAD_ID}.png")
    assert not type_matches_key(RECEIPT, "application/pdf")  # photos never admit PDF


def test_the_stored_receipt_type_must_match_its_extension():
    assert RECEIPTS.type_matches(RECEIPT, "application/pdf")
    assert not RECEIPTS.type_matches(RECEIPT, "image/png")
    assert not RECEIPTS.type_matches(RECEIPT, "text/html")
    assert not RECEIPTS.type_matches(RECEIPT, "")


def test_receipt_sizes_run_from_one_byte_to_ten_megabytes():
    assert RECEIPTS.allows_size(1) and RECEIPTS.allows_size(MAX_RECEIPT_BYTES)
    assert not RECEIPTS.allows_size(0) and not RECEIPTS.allows_size(MAX_RECEIPT_BYTES + 1)


def test_photo_rules_are_the_photo_kinds():
    assert (PHOTOS.prefix, PHOTOS.key_pattern, PHOTOS.max_count) == (PHOTO_PREFIX, PHOTO_KEY_PATTERN, 9)
    assert RECEIPTS.key_pattern is RECEIPT_KEY_PATTERN


def test_receipt_request_accepts_the_four_types_up_to_ten_megabytes():
    for content_type in ALLOWED_RECEIPT_TYPES:
        request = ReceiptUploadRequest(content_type=content_type, size_bytes=MAX_RECEIPT_BYTES)
        assert request.size_bytes == MAX_RECEIPT_BYTES


@pytest.mark.parametrize(
    "body",
    [
        {"content_type": "application/pdf", "size_bytes": MAX_RECEIPT_BYTES + 1},
        {"content_type": "application/pdf", "size_bytes": 0},
        {"content_type": "application/pdf", "size_bytes": "1024"},
        {"content_type": "application/pdf", "size_bytes": True},
        {"content_type": "text/plain", "size_bytes": 1024},
        {"content_type": "text/html", "size_bytes": 1024},
        {"content_type": "image/gif", "size_bytes": 1024},
        {"content_type": "application/pdf"},
        {"content_type": "application/pdf", "size_bytes": 1024, "key": RECEIPT},
    ],
)
def test_receipt_request_refuses_other_types_sizes_and_fields(body):
    with pytest.raises(ValidationError):
        ReceiptUploadRequest.model_validate(body)


def test_photo_request_still_refuses_pdf():
    with pytest.raises(ValidationError):
        PhotoUploadRequest(content_type="application/pdf", size_bytes=1024)  # type: ignore[arg-type]
