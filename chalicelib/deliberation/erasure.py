"""What erasing a person (accounts/service.py, erase_me) does to the topics they took part in,
found through their traces (storage/traces.py).

As the house does for suggestions, what others rely on stays and who the person was goes:
- a topic they raised keeps its title, background and proposal, scrubbed of phone and ID
  numbers: posting it published it to the committee, neighbours supported it, and a meeting may
  have decided on it, as a consented suggestion stays the street's record. Its photos go (they
  most often point to a home) and its author becomes a tombstone;
- a support stays counted: it moves to a tombstone's key, so the topic's count, the threshold it
  crossed and the month's published supports stay what the committee acted on. Removing it and
  decrementing the count would rewrite that history: a queued topic would sit in the staff's
  queue under its own threshold, and a published month would no longer add up;
- a comment becomes the tombstone its author's own deletion leaves: the text goes, its replies
  keep their place;
- a report stays (a hiding was decided on it) under a tombstone, without its note;
- an appeal keeps its status and the street's decision, without its text or who filed it;
- the person's own steps in the topic's audit trail (report, appeal, deleted comment) keep the
  step without the account or the appeal's text.
Every tombstone is new, so nothing erased can be linked to anything else erased.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chalicelib.deliberation import repository
from chalicelib.scrub import scrub
from chalicelib.storage import activity, traces
from chalicelib.storage.keys import topic_item_key

# Writes per transaction, leaving room for the erasure marker's count and the trace's Delete.
CHUNK = 90


@dataclass
class Chunk:
    writes: list[dict[str, Any]] = field(default_factory=list)
    tally: Counter[str] = field(default_factory=Counter)


@dataclass
class TopicErasure:
    chunks: list[Chunk]
    photos_folder: str | None  # the topic's own photos, when it was the person's


def _support(item: dict[str, Any], tombstone: str) -> list[dict[str, Any]]:
    topic_id, at = str(item["topic_id"]), str(item["at"])
    # Filed for the month under a fresh record id: the old one carried the start of the person's key.
    counted = activity.index_keys(at, f"{topic_id}#{at}#{tombstone[-8:]}") if item.get("fact") else {}
    return repository.rekey_ops(item, topic_item_key(topic_id, "SUPPORT", tombstone),
                                {"person": tombstone, **counted})


def _report(item: dict[str, Any], tombstone: str) -> list[dict[str, Any]]:
    return repository.rekey_ops(item, topic_item_key(str(item["topic_id"]), "REPORT", str(item["target"]), tombstone),
                                {"person": tombstone}, drop=("note",))


def _units(items: list[dict[str, Any]], person: str, tombstone: Callable[[], str],
           erased: str) -> tuple[list[tuple[list[dict[str, Any]], str]], str | None]:
    units: list[tuple[list[dict[str, Any]], str]] = []
    photos: str | None = None
    for item in items:
        sort_key = str(item["SK"])
        if sort_key == "TOPIC" and item.get("author") == person:
            units.append(([repository.set_ops(item, {
                "author": tombstone(), "title": scrub(str(item["title"])), "photos": [],
                "background": scrub(str(item["background"])), "proposal": scrub(str(item["proposal"]))})],
                "topics_anonymised"))
            photos = f"topics/{item['id']}/"
        elif sort_key.startswith("SUPPORT#") and item.get("person") == person:
            units.append((_support(item, tombstone()), "supports_anonymised"))
        elif sort_key.startswith("COMMENT#") and item.get("author") == person:
            units.append(([repository.set_ops(item, {"author": tombstone(), "deleted": True, "text": ""})],
                          "comments_erased"))
        elif sort_key.startswith("REPORT#") and item.get("person") == person:
            units.append((_report(item, tombstone()), "reports_anonymised"))
        elif sort_key.startswith("APPEAL#") and item.get("person") == person:
            units.append(([repository.set_ops(item, {"person": tombstone(), "text": erased})], "appeals_anonymised"))
    return units, photos


def topic_erasure(topic_id: str, person: str, user_id: str, tombstone: Callable[[], str], erased: str) -> TopicErasure:
    """The transactions that take the person out of one topic's partition, the last one
    forgetting the trace; each finds only what is still theirs, so a repeat finishes the job."""
    units, photos = _units(repository.partition_items(topic_id), person, tombstone, erased)
    units += [([repository.set_ops(event, {"actor_id": tombstone()}, remove=("reason",))], "")
              for event in repository.audit_items(topic_id)
              if event.get("actor_id") == user_id and event.get("actor_role") == "resident"]
    chunks = [Chunk()]
    for writes, counted in units:
        if len(chunks[-1].writes) + len(writes) > CHUNK:
            chunks.append(Chunk())
        chunks[-1].writes += writes
        if counted:
            chunks[-1].tally[counted] += 1
    chunks[-1].writes.append(traces.trace_delete(person, traces.TOPIC, topic_id))
    return TopicErasure(chunks=chunks, photos_folder=photos)
