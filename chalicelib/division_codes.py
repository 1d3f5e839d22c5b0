"""Division codes: the hierarchy every key, permission and roll-up is built on.

Codes are hierarchical prefixes: 31 (Shanghai) ⊃ 310110 (杨浦区) ⊃ 310110012 (a street)
⊃ 310110012001 (a committee). Jurisdiction and roll-ups are prefix tests. Permissions
(auth.py) and keys (storage/keys.py) need them below every domain, so they live in the
kernel; the divisions package keeps the registry of named divisions.
"""

from __future__ import annotations

import re

CITY_CODE = "31"
DIVISION_LEVEL_BY_LENGTH = {2: "city", 6: "district", 9: "street", 12: "committee"}
PARENT_LENGTH = {6: 2, 9: 6, 12: 9}
CODE_PATTERN = re.compile(r"31(?:[0-9]{4}|[0-9]{7}|[0-9]{10})?")


def is_well_formed(code: str) -> bool:
    return bool(CODE_PATTERN.fullmatch(code))


def level_of(code: str) -> str:
    return DIVISION_LEVEL_BY_LENGTH[len(code)]


def parent_of(code: str) -> str | None:
    length = PARENT_LENGTH.get(len(code))
    return code[:length] if length else None


def is_within(code: str, ancestor: str) -> bool:
    """True when `code` is `ancestor` itself or lies inside it."""
    return bool(ancestor) and code.startswith(ancestor)
