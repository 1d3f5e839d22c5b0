"""Photo keys carry their owner, so ownership is a pure test of the key's shape."""

import pytest
from pydantic import ValidationError
from ulid import ULID

from chalicelib.uploads.models import PhotoUploadRequest
from chalicelib.uploads.rules import (
    ALLOWED_PHOTO_TYPES,
    MAX_PHOTO_BYTES,
    PHOTO_PREFIX,
    is_allowed_size,
    owns_photo_key,
    photo_key,
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
