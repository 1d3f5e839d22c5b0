"""Pure rules on division codes, as the domains use them.

The rules themselves are in the kernel (chalicelib/division_codes.py): permissions and
storage keys need them too, and neither may import a domain.
"""

from __future__ import annotations

from chalicelib.division_codes import (
    CITY_CODE,
    CODE_PATTERN,
    DIVISION_LEVEL_BY_LENGTH,
    PARENT_LENGTH,
    is_well_formed,
    is_within,
    level_of,
    parent_of,
)

__all__ = [
    "CITY_CODE",
    "CODE_PATTERN",
    "DIVISION_LEVEL_BY_LENGTH",
    "PARENT_LENGTH",
    "is_well_formed",
    "is_within",
    "level_of",
    "parent_of",
]
