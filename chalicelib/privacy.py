"""Personal data as staff and the public may see it (PIPL: show the minimum)."""

from __future__ import annotations

import hashlib
import hmac
import re

_DIGITS = re.compile(r"\D")


def mask_phone(phone: str) -> str:
    """138****1234 for a mainland mobile number, in any of its usual spellings."""
    digits = _DIGITS.sub("", phone)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"


def keyed_digest(purpose: str, value: str) -> str:
    """A keyed hash that stands in for a personal value (a phone number, a voter identity).

    Without the key, a digest of an 11-digit phone number cannot be reversed by trying
    every number; `purpose` keeps digests made for one use from matching another's.
    """
    from chalicelib.secrets import pii_key

    return hmac.new(pii_key(), f"{purpose}\x00{value}".encode(), hashlib.sha256).hexdigest()[:40]
