"""Pure rules on uploads, residents' photos and the receipts of fund expenses: which types and
sizes each kind allows, and how its keys are laid out.

An upload key names its kind, its owner and a ULID, `uploads/{photos|receipts}/{owner}/{ULID}.{ext}`,
so that a submission can prove a key is the caller's by its shape alone, before anything asks
S3 about it (and without revealing whether someone else's key exists). The keys live under the
bucket's upload prefix, whose lifecycle rule removes uploads nobody attached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chalicelib.storage.buckets import UPLOAD_PREFIX

UPLOAD_URL_SECONDS = 900
# Long enough to read a round's page, short enough that a copied link soon stops working.
VIEW_URL_SECONDS = 3600
# Explicit ASCII classes: \w and \d would also admit non-ASCII letters and digits.
OWNER_PATTERN = re.compile(r"[A-Za-z0-9-]{1,64}")
# Crockford base32 without I, L, O, U; a 128-bit ULID starts with 0-7.
ULID_PATTERN = re.compile(r"[0-7][0-9A-HJKMNP-TV-Z]{25}")


@dataclass(frozen=True, eq=False)
class UploadKind:
    """One kind of upload: its folder, types (content type → extension), limits, and the words
    its refusals use."""

    folder: str
    types: dict[str, str]
    max_bytes: int
    max_count: int
    noun: str
    noun_zh: str
    formats: str
    formats_zh: str
    prefix: str = field(init=False)
    key_pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        prefix = f"{UPLOAD_PREFIX}{self.folder}/"
        extensions = "|".join(re.escape(ext) for ext in self.types.values())
        object.__setattr__(self, "prefix", prefix)
        object.__setattr__(self, "key_pattern", re.compile(
            rf"{re.escape(prefix)}(?P<owner>{OWNER_PATTERN.pattern})/(?P<upload_id>{ULID_PATTERN.pattern})\.(?P<ext>{extensions})"
        ))

    def key(self, owner_key: str, upload_id: str, content_type: str) -> str:
        """The object key a new upload is presigned for; refuses anything that would not parse back."""
        if not OWNER_PATTERN.fullmatch(owner_key):
            raise ValueError("owner key must be 1-64 ASCII letters, digits or hyphens")
        if not ULID_PATTERN.fullmatch(upload_id):
            raise ValueError("upload id must be a ULID")
        if content_type not in self.types:
            raise ValueError(f"content type {content_type!r} is not an allowed {self.noun} type")
        return f"{self.prefix}{owner_key}/{upload_id}.{self.types[content_type]}"

    def owns(self, owner_key: str, key: str) -> bool:
        """True only for a well-formed key of this kind under exactly this owner."""
        if not isinstance(key, str) or not isinstance(owner_key, str) or not OWNER_PATTERN.fullmatch(owner_key):
            return False
        match = self.key_pattern.fullmatch(key)
        return match is not None and match.group("owner") == owner_key

    def type_matches(self, key: str, content_type: str) -> bool:
        """The stored type must be the one the key was presigned for (its extension says which)."""
        extension = self.types.get(content_type)
        return extension is not None and key.endswith(f".{extension}")

    def allows_size(self, size_bytes: int) -> bool:
        return 1 <= size_bytes <= self.max_bytes


ALLOWED_PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTOS = 9
PHOTOS = UploadKind(folder="photos", types=ALLOWED_PHOTO_TYPES, max_bytes=MAX_PHOTO_BYTES, max_count=MAX_PHOTOS,
                    noun="photo", noun_zh="照片", formats="JPEG, PNG or WebP", formats_zh="JPEG、PNG 或 WebP")

# Scans and photos of 发票/收据; tax offices issue electronic fapiao as PDF.
ALLOWED_RECEIPT_TYPES = {**ALLOWED_PHOTO_TYPES, "application/pdf": "pdf"}
MAX_RECEIPT_BYTES = 10 * 1024 * 1024
MAX_RECEIPTS = 20
RECEIPTS = UploadKind(folder="receipts", types=ALLOWED_RECEIPT_TYPES, max_bytes=MAX_RECEIPT_BYTES, max_count=MAX_RECEIPTS,
                      noun="receipt", noun_zh="票据", formats="JPEG, PNG, WebP or PDF", formats_zh="JPEG、PNG、WebP 或 PDF")

PHOTO_PREFIX = PHOTOS.prefix
PHOTO_KEY_PATTERN = PHOTOS.key_pattern
RECEIPT_PREFIX = RECEIPTS.prefix
RECEIPT_KEY_PATTERN = RECEIPTS.key_pattern


def photo_key(owner_key: str, upload_id: str, content_type: str) -> str:
    return PHOTOS.key(owner_key, upload_id, content_type)


def owns_photo_key(owner_key: str, key: str) -> bool:
    return PHOTOS.owns(owner_key, key)


def type_matches_key(key: str, content_type: str) -> bool:
    return PHOTOS.type_matches(key, content_type)


def is_allowed_size(size_bytes: int) -> bool:
    return PHOTOS.allows_size(size_bytes)


def receipt_key(owner_key: str, upload_id: str, content_type: str) -> str:
    return RECEIPTS.key(owner_key, upload_id, content_type)


def owns_receipt_key(owner_key: str, key: str) -> bool:
    return RECEIPTS.owns(owner_key, key)
