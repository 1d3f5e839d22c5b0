"""Every key prefix built in storage/keys.py has its row in storage/ACCESS_PATTERNS.md."""

from __future__ import annotations

import ast
import re
from pathlib import Path

STORAGE = Path(__file__).resolve().parents[2] / "chalicelib" / "storage"
ATTRIBUTES = {"PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK"}


def key_parts() -> set[str]:
    """The literal heads of the keys built: `DIV#` of f"DIV#{code}", and constants such as `CASE`."""
    parts = set()
    for node in ast.walk(ast.parse((STORAGE / "keys.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            head = str(node.values[0].value)
            if head[:1].isupper():  # not a format spec such as 02d
                parts.add(head[: head.index("#") + 1] if "#" in head else head)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.fullmatch(r"[A-Z][A-Z_]*#?", node.value) and node.value not in ATTRIBUTES:
                parts.add(node.value)
    return parts


def test_every_key_prefix_is_in_the_access_pattern_table():
    table = (STORAGE / "ACCESS_PATTERNS.md").read_text(encoding="utf-8")
    assert sorted(p for p in key_parts() if not re.search(rf"(?<![A-Z_]){re.escape(p)}", table)) == []


def test_the_prefixes_are_found():
    assert {"DIV#", "LIMIT#", "CLAIM#", "ACTIVITY#", "WINDOW#", "CASE"} <= key_parts()
