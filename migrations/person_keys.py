"""Move items keyed on a phone number to the account (Cognito `sub`) of the person who holds it.

Before accounts were the identity, a resident's cases, messages, voter and evaluator
records, fund objections and proposals were keyed on a digest of their mobile number, so
whoever took that number over took the records too. This rewrites every such item to the
keys the platform now uses (auth.person_key, voting.service.voter_identity), for every
resident of the residents' pool.

It is a one-off backfill over the whole table, so it reads the table with a paged Scan, the
way DynamoDB backfills are done; that is why it lives outside chalicelib, where nothing
scans. Every write is conditional on the old value still being there, so the run is
idempotent: interrupted, it resumes from the last page it finished (the checkpoint file),
and a second run finds nothing left to change.
Rate-limit counters and idempotency claims are left to expire (hours): they hold nobody's
record.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chalicelib.auth import person_key
from chalicelib.privacy import keyed_digest
from chalicelib.storage import dynamo
from chalicelib.storage.items import from_item, to_item
from chalicelib.storage.keys import inbox_partition, submitter_partition
from chalicelib.voting.rules import shard_of

SCAN_PAGE = 500


def legacy_submitter_key(identity: str) -> str:
    """The key cases and messages were filed under: a plain digest of `phone:…` or `user:…`."""
    return hashlib.sha256(f"mulin-submitter\x00{identity}".encode()).hexdigest()[:32]


@dataclass
class People:
    """Every resident as (phone, sub), and the old keys that stood for each."""

    phones: dict[str, str]  # sub -> phone
    submitters: dict[str, str] = field(default_factory=dict)  # legacy submitter key -> person key
    objectors: dict[str, str] = field(default_factory=dict)
    proposers: dict[str, str] = field(default_factory=dict)
    _per_round: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for sub, phone in self.phones.items():
            person = person_key(sub)
            self.submitters[legacy_submitter_key(f"phone:{phone}")] = person
            self.submitters[legacy_submitter_key(f"user:{sub}")] = person
            self.objectors[keyed_digest("fund-objector", phone)] = keyed_digest("fund-objector", f"user:{sub}")
            self.proposers[keyed_digest("proposer", phone)] = keyed_digest("proposer", f"user:{sub}")

    def round_digests(self, purpose: str, round_id: str) -> dict[str, str]:
        """Old voter (or evaluator) digest of a round -> the new one, computed once per round."""
        cache_key = f"{purpose}:{round_id}"
        if cache_key not in self._per_round:
            self._per_round[cache_key] = {
                keyed_digest(cache_key, phone): keyed_digest(cache_key, f"user:{sub}") for sub, phone in self.phones.items()
            }
        return self._per_round[cache_key]


def residents(cognito: Any, pool_id: str) -> dict[str, str]:
    """sub -> phone of every resident whose number is on their account."""
    found: dict[str, str] = {}
    token = None
    while True:
        page = cognito.list_users(UserPoolId=pool_id, **({"PaginationToken": token} if token else {}))
        for user in page["Users"]:
            attributes = {a["Name"]: a["Value"] for a in user.get("Attributes", [])}
            if attributes.get("sub") and attributes.get("phone_number"):
                found[attributes["sub"]] = attributes["phone_number"]
        token = page.get("PaginationToken")
        if not token:
            return found


def _moved(old: dict[str, Any], key: dict[str, str], **changes: Any) -> list[dict[str, Any]]:
    """A key cannot be updated: the item is written under its new key and the old one removed, together."""
    return [
        dynamo.put_op({**old, **key, **changes}, "attribute_not_exists(PK)"),
        {"Delete": {"TableName": dynamo.table_name(), "Key": to_item({"PK": old["PK"], "SK": old["SK"]}),
                    "ConditionExpression": "attribute_exists(PK)"}},
    ]


def _updated(item: dict[str, Any], guard: str, sets: dict[str, Any]) -> list[dict[str, Any]]:
    names = {f"#a{i}": name for i, name in enumerate(sets)}
    values = {f":v{i}": value for i, value in enumerate(sets.values())}
    return [{"Update": {
        "TableName": dynamo.table_name(),
        "Key": to_item({"PK": item["PK"], "SK": item["SK"]}),
        "UpdateExpression": "SET " + ", ".join(f"#a{i} = :v{i}" for i in range(len(sets))),
        "ConditionExpression": "#g = :g",
        "ExpressionAttributeNames": {**names, "#g": guard},
        "ExpressionAttributeValues": to_item({**values, ":g": item[guard]}),
    }}]


def _case(item: dict[str, Any], people: People) -> list[dict[str, Any]]:
    submitter = people.submitters.get(item["submitter"], item["submitter"])
    co = [people.submitters.get(s, s) for s in item.get("co_submitters") or []]
    if submitter == item["submitter"] and co == (item.get("co_submitters") or []):
        return []
    return _updated(item, "submitter", {"submitter": submitter, "co_submitters": co,
                                        "GSI1PK": submitter_partition(submitter)})


def _rating(item: dict[str, Any], people: People) -> list[dict[str, Any]]:
    new = people.submitters.get(item["submitter"])
    if new is None:
        return []
    prefix = item["SK"].rsplit("#", 1)[0]
    return _moved(item, {"PK": item["PK"], "SK": f"{prefix}#{new}"}, submitter=new)


def _message(item: dict[str, Any], people: People) -> list[dict[str, Any]]:
    new = people.submitters.get(item["recipient"])
    if new is None:
        return []
    return _moved(item, {"PK": inbox_partition(new), "SK": item["SK"]}, recipient=new)


def _keyed_attribute(name: str) -> Callable[[dict[str, Any], People], list[dict[str, Any]]]:
    def rekey(item: dict[str, Any], people: People) -> list[dict[str, Any]]:
        new = people.submitters.get(item[name])
        return _updated(item, name, {name: new}) if new else []

    return rekey


def _objection(item: dict[str, Any], people: People) -> list[dict[str, Any]]:
    """An objection is keyed to its objector and, since objectors can find their own, indexed by them."""
    from chalicelib.funds.repository import objection_index

    new = people.submitters.get(item["objector_key"])
    if new is None:
        return []
    return _updated(item, "objector_key", {"objector_key": new,
                                           **objection_index(new, item.get("filed_at", ""), item["SK"].split("#", 1)[1])})


def _objector(item: dict[str, Any], people: People) -> list[dict[str, Any]]:
    prefix, digest = item["SK"].rsplit("#", 1)
    new = people.objectors.get(digest)
    return _moved(item, {"PK": item["PK"], "SK": f"{prefix}#{new}"}) if new else []


def _proposal(item: dict[str, Any], people: People) -> list[dict[str, Any]]:
    new = people.proposers.get(item["proposer"])
    return _updated(item, "proposer", {"proposer": new}) if new else []


def _voter(item: dict[str, Any], people: People) -> list[dict[str, Any]]:
    _, round_id, digest = item["PK"].split("#", 2)
    new = people.round_digests("voter", round_id).get(digest)
    if new is None:
        return []
    # The ballot stays where the old digest put it (it cannot be found to be moved: it
    # carries nothing of its voter); the record remembers that shard for a ballot change.
    return _moved(item, {"PK": f"VOTER#{round_id}#{new}", "SK": item["SK"]},
                  shard=item.get("shard", shard_of(digest)))


def _evaluator(item: dict[str, Any], people: People) -> list[dict[str, Any]]:
    _, round_id, digest, project_id = item["PK"].split("#", 3)
    new = people.round_digests("evaluator", round_id).get(digest)
    return _moved(item, {"PK": f"EVALUATOR#{round_id}#{new}#{project_id}", "SK": item["SK"]}) if new else []


def _plan(item: dict[str, Any], people: People) -> tuple[str, list[dict[str, Any]]] | None:
    kind = item.get("type")
    if kind == "suggestion" and item.get("SK") == "CASE":
        return "case", _case(item, people)
    if kind == "suggestion_rating":
        return "rating", _rating(item, people)
    if kind == "notification":
        return "message", _message(item, people)
    if item.get("PK", "").startswith("FUNDAPP#") and item.get("SK") == "APP" and item.get("applicant_key"):
        return "fund application", _keyed_attribute("applicant_key")(item, people)
    if kind == "fund_objection" and item.get("objector_key"):
        return "fund objection", _objection(item, people)
    if kind == "fund_objector":
        return "fund objector record", _objector(item, people)
    if kind == "voter_record":
        return "voter record", _voter(item, people)
    if kind == "evaluator_record":
        return "evaluator record", _evaluator(item, people)
    if item.get("proposer"):
        return "proposal", _proposal(item, people)
    return None


def _pages(checkpoint: Path | None) -> Iterator[tuple[list[dict[str, Any]], dict[str, Any] | None]]:
    start = json.loads(checkpoint.read_text()) if checkpoint and checkpoint.exists() else None
    if start == "done":
        return
    while True:
        response = dynamo.db().scan(TableName=dynamo.table_name(), Limit=SCAN_PAGE,
                                    **({"ExclusiveStartKey": start} if start else {}))
        start = response.get("LastEvaluatedKey")
        yield [from_item(i) for i in response.get("Items", [])], start
        if not start:
            return


def migrate(people: People, *, checkpoint: Path | None = None, dry_run: bool = False,
            progress: Callable[[int], Any] = lambda n: None) -> Counter[str]:
    """Rewrite every old-format item; return how many of each kind changed (and were already done)."""
    counts: Counter[str] = Counter()
    for items, last in _pages(checkpoint):
        for item in items:
            planned = _plan(item, people)
            if planned is None or not planned[1]:
                continue
            kind, writes = planned
            if dry_run:
                counts[kind] += 1
                continue
            try:
                dynamo.transact_write(writes)
                counts[kind] += 1
            except dynamo.ConditionFailedError:
                # Changed by someone else since the page was read, or moved by an earlier run.
                counts[f"{kind} (already moved or changed meanwhile)"] += 1
        if checkpoint and not dry_run:
            checkpoint.write_text(json.dumps(last if last else "done"))
        progress(len(items))
    return counts
