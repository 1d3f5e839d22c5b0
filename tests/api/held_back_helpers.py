"""A text held back from a month's publication, planted where a run would list it, for calls
that need one without publishing a month first (the access matrix)."""

from __future__ import annotations

from typing import Any

from chalicelib.publishing import repository
from chalicelib.publishing.held_back import HELD, Gate, Source
from chalicelib.publishing.service import text_digest

PLANTED_MONTH = "2043-06"
PLANTED_CASE = "01PLANTEDHELDBACKCASE00001"
PLANTED_ID = f"{PLANTED_MONTH}.suggestion.{PLANTED_CASE}.content"
PLANTED_TEXT = "垃圾点气味大。联系 139.1234.567"


def plant(at: str = "2043-07-02T02:00:00Z") -> dict[str, Any]:
    """The planted text, held back again whatever happened to it before: its digest to release it."""
    gate = Gate(digest=text_digest)
    assert gate.text(Source("suggestion", PLANTED_CASE, "content", {"tracking_no": "430602-000001",
                                                                     "division": "310110012001"}), PLANTED_TEXT) is None
    (record,) = gate.held.values()
    assert record["status"] == HELD
    repository.record_held_back(PLANTED_MONTH, [record], [], at)
    return record


def release_body(world: Any, fields: dict[str, Any], caller: Any) -> dict[str, Any]:
    return {"digest": plant()["digest"]}
