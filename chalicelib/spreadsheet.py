"""Cells a spreadsheet shows as written (OWASP, CSV injection).

Every file that may be opened in a spreadsheet passes its texts through `neutralised`: the
month's CSV tables (publishing/render.py) and a round's ballot file (voting/tallying.py).
"""

from __future__ import annotations

import unicodedata
from typing import Any

# A spreadsheet reads a cell beginning with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    """A cell a spreadsheet shows as written: text that would start a formula gets a leading
    quote, which Excel and WPS take as "text follows". Numbers stay numbers: a negative count or
    amount is the program's own figure, never typed by anyone, and must still sum."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    # Full-width ＝＋－＠ are read as their ASCII forms by some spreadsheet programs.
    if value.startswith(FORMULA_STARTS) or unicodedata.normalize("NFKC", value[:1]).startswith(FORMULA_STARTS):
        return "'" + value
    return value
