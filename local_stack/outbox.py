"""The local stack's SMS outbox: what the embedded Cognito would have sent by SMS.

One JSON object a line, appended by the embedded AWS (local_stack/embedded_cognito.py):
`{"at", "pool_id", "phone", "kind", "code" | "password", "username", "message"}`, where
kind is sign_up, resend, forgot_password, verify_attribute or temporary_password, or
notification for a resident's text about their case (texts/, sent through SNS). The file
is `Stack.sms_outbox`; `make run` prints where it is and serves it at /local/sms?phone=….
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

KINDS = ("sign_up", "resend", "forgot_password", "verify_attribute", "temporary_password", "notification")


def messages(path: str | Path, phone: str | None = None) -> list[dict[str, Any]]:
    """Every message sent (to `phone` only, if given), newest first."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    # A line being appended while we read is incomplete; it is read next time.
    sent = []
    for line in lines:
        try:
            sent.append(json.loads(line))
        except ValueError:
            continue
    return [m for m in reversed(sent) if phone is None or m.get("phone") == phone]


def latest(path: str | Path, phone: str, kind: str | tuple[str, ...]) -> dict[str, Any] | None:
    """The newest message of `kind` (one kind, or any of several) sent to `phone`, or None.
    Its "code" (or "password" for temporary_password) is what the person would type."""
    kinds = (kind,) if isinstance(kind, str) else kind
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"no such kind of message: {sorted(unknown)}")
    return next((m for m in messages(path, phone) if m.get("kind") in kinds), None)
