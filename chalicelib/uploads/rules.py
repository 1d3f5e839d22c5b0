"""Pure rules on uploaded photos: which types and sizes are allowed, and how keys are laid out.

A photo key names its owner and a ULID, `uploads/photos/{owner}/{ULID}.{ext}`, so that a
submission can prove a key is the caller's by its shape alone, before anything asks S3 about
it (and without revealing whether someone else's key exists). The keys live under the
bucket's upload prefix, whose lifecycle rule removes photos nobody attached.
"""

from __future__ import annotations

import re

from chalicelib.storage.buckets import UPLOAD_PREFIX

ALLOWED_PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTOS = 9
UPLOAD_URL_SECONDS = 900

PHOTO_PREFIX = f"{UPLOAD_PREFIX}photos/"
# Explicit ASCII classes: \w and \d would also admit non-ASCII letters and digits.
OWNER_PATTERN = re.compile(r"[A-Za-z0-9-]{1,64}")
# Crockford base32 without I, L, O, U; a 128-bit ULID starts with 0-7.
ULID_PATTERN = re.compile(r"[0-7][0-9A-HJKMNP-TV-Z]{25}")
_EXTENSIONS = "|".join(re.escape(ext) for ext in ALLOWED_PHOTO_TYPES.values())
PHOTO_KEY_PATTERN = re.compile(
    rf"{re.escape(PHOTO_PREFIX)}(?P<owner>{OWNER_PATTERN.pattern})/(?P<upload_id>{ULID_PATTERN.pattern})\.(?P<ext>{_EXTENSIONS})"
)


def photo_key(owner_key: str, upload_id: str, content_type: str) -> str:
    """The object key a new upload is presigned for; refuses anything that would not parse back."""
    if not OWNER_PATTERN.fullmatch(owner_key):
        raise ValueError("owner key must be 1-64 ASCII letters, digits or hyphens")
    if not ULID_PATTERN.fullmatch(upload_id):
        raise ValueError("upload id must be a ULID")
    if content_type not in ALLOWED_PHOTO_TYPES:
        raise ValueError(f"content type {content_type!r} is not an allowed photo type")
    return f"{PHOTO_PREFIX}{owner_key}/{upload_id}.{ALLOWED_PHOTO_TYPES[content_type]}"


def owns_photo_key(owner_key: str, key: str) -> bool:
    """True only for a well-formed photo key under exactly this owner."""
    if not isinstance(key, str) or not isinstance(owner_key, str) or not OWNER_PATTERN.fullmatch(owner_key):
        return False
    match = PHOTO_KEY_PATTERN.fullmatch(key)
    return bool(match) and match.group("owner") == owner_key


def type_matches_key(key: str, content_type: str) -> bool:
    """The stored type must be the one the key was presigned for (its extension says which)."""
    extension = ALLOWED_PHOTO_TYPES.get(content_type)
    return extension is not None and key.endswith(f".{extension}")


def is_allowed_size(size_bytes: int) -> bool:
    return 1 <= size_bytes <= MAX_PHOTO_BYTES
