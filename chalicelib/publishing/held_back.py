"""What a month's publication may print of a free text, and what it holds back for review.

Every free text on its way to a published file passes one `Gate`: it comes out scrubbed, or,
when what the scrubber leaves still nearly holds a phone or ID number (scrub.doubts), not at
all. Nothing is published in doubt. The gate remembers each text it held back, with where it
came from (a suggestion's title, content or reply; a round's or a project's title), why, and
an excerpt whose doubtful numbers are masked, so that a platform admin can review it
(GET /review/held-back). A text the admin released is published by the next run of its month,
as long as it is still the text they saw: a release names the digest of the scrubbed text,
and any other text under the same source is held back again.

Pure: the service reads the month's released items before the run and writes what the gate
held afterwards.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib.scrub import doubts, masked_doubts, scrub

# Stands in for a title that must be shown somewhere (a round, a project in its results); the
# tally's own files (voting/tallying.py) write the same.
PLACEHOLDER = "〔待核〕"
HELD, RELEASED = "held_back", "released"
KINDS = ("suggestion", "round", "project")

REASONS = {
    "phone": ("nearly a mobile number: a digit missing or one too many, or grouped like one",
              "疑似手机号码：多一位或少一位，或按手机号分组书写"),
    "id_number": ("nearly an ID number: a digit missing or one too many",
                  "疑似身份证号码：多一位或少一位"),
}


@dataclass(frozen=True)
class Source:
    """Where a text comes from: the record (kind, id), its field, and what helps a reviewer find
    it (the case's tracking number, the project's round)."""

    kind: str
    id: str
    field: str
    # Spelled in full: inside this class `field` is the member above.
    context: Mapping[str, str] = dataclasses.field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> str:
        return f"{self.kind}#{self.id}#{self.field}"


@dataclass
class Gate:
    """`released`: source key → digest of the scrubbed text a platform admin released."""

    digest: Callable[[str], str]
    released: Mapping[str, str] = field(default_factory=dict)
    held: dict[str, dict[str, Any]] = field(default_factory=dict)

    def text(self, source: Source, text: str) -> str | None:
        """`text` scrubbed, or None when it is held back."""
        scrubbed = scrub(text)
        found = doubts(scrubbed)
        if not found:
            return scrubbed
        digest = self.digest(scrubbed)
        released = self.released.get(source.key) == digest
        self.held[source.key] = {
            "kind": source.kind, "source_id": source.id, "field": source.field, **dict(source.context),
            "reasons": sorted({doubt.kind for doubt in found}), "excerpt": masked_doubts(scrubbed),
            "digest": digest, "status": RELEASED if released else HELD,
        }
        return scrubbed if released else None

    def title(self, source: Source, text: str) -> str:
        """A title that has to be shown: the placeholder while it is held back."""
        published = self.text(source, text)
        return PLACEHOLDER if published is None else published

    def withheld(self) -> list[dict[str, Any]]:
        """The texts left out of this run, release aside."""
        return [record for record in self.held.values() if record["status"] == HELD]


def reasons_of(record: Mapping[str, Any]) -> list[dict[str, str]]:
    return [{"kind": kind, "message": REASONS[kind][0], "message_zh": REASONS[kind][1]}
            for kind in record.get("reasons", []) if kind in REASONS]
