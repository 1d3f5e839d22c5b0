"""Every key the platform writes is built here, so that item layouts stay consistent.

Prefixes name the item type; division codes sit inside keys so that district and street
roll-ups are `begins_with` conditions.
"""

from __future__ import annotations

from chalicelib.divisions.rules import parent_of

ROOT = "ROOT"


def division_key(code: str) -> dict[str, str]:
    """A division lives in its parent's partition, so listing children is one Query."""
    return {"PK": division_children_partition(parent_of(code) or ROOT), "SK": f"DIV#{code}"}


def division_children_partition(code: str) -> str:
    return f"DIV#{code}"


def audit_key(subject: str, at_iso: str, event_id: str) -> dict[str, str]:
    """History of one subject, oldest first; never overwritten (see storage/audit.py)."""
    return {"PK": f"AUDIT#{subject}", "SK": f"{at_iso}#{event_id}"}


HEALTH_KEY = {"PK": "HEALTH", "SK": "HEALTH"}
