"""Topic items in the main table.

| pattern                            | index | key condition                                       | example                   |
| ---------------------------------- | ----- | --------------------------------------------------- | ------------------------- |
| one topic (load_topic, an action)  | table | GetItem PK=TOPIC#{id}, SK=TOPIC                     | PK=TOPIC#01JD…            |
| a topic whole (page, moderation)   | table | Query PK=TOPIC#{id}                                 | SK=TOPIC, SUPPORT#…       |
| a post's reports                   | table | Query PK=TOPIC#{id}, begins_with(SK, REPORT#{tgt}#) | SK=REPORT#TOPIC#{person}  |
| a division's topics, newest first  | GSI1  | GSI1PK=TOPICS#{division}, descending                | GSI1SK={created_at}#{id}  |
| a committee's queue                | GSI2  | GSI2PK=TOPICQUEUE#{street}, begins_with {committee}# | GSI2SK={committee}#{due}… |
| a street's queue (appeals too)     | GSI2  | GSI2PK=TOPICQUEUE#{street}                          | GSI2SK=APPEAL#{at}#…      |
| the posts a queue page is about    | table | BatchGetItem PK=TOPIC#{id}, SK=target_sk            | SK=COMMENT#{at}#{id}      |
| a topic's comments (old entries)   | table | Query PK=TOPIC#{id}, begins_with(SK, COMMENT#)      | SK=COMMENT#{at}#{id}      |
| a division's settings              | table | GetItem PK=DELIBSET#{division}, SK=SETTINGS         |                           |

A topic's count of supports is an ADD on the TOPIC item in the same transaction as the
person's conditional SUPPORT# put, so the count never differs from the supports stored. The
topic carries its GSI2 keys only while staff owe it a meeting or an answer; a report or an
appeal carries them until it is decided. The `raised` path step and each SUPPORT# item also
carry GSI1 keys of the month's activity index (storage/activity.py), so the monthly
publication counts topics raised and supports without reading a topic.
"""

from __future__ import annotations

from typing import Any

from chalicelib.deliberation.models import CommentRecord, Hidden, PathRecord, TopicRecord, TopicWhole
from chalicelib.errors import NotFoundError
from chalicelib.storage import activity, dynamo
from chalicelib.storage.items import to_item
from chalicelib.storage.keys import (
    deliberation_settings_key,
    topic_item_key,
    topic_key,
    topic_partition,
    topic_queue_partition,
    topics_of_division_partition,
)
from chalicelib.storage.table import GSI1, GSI2

TOPIC_TYPE = "topic"
PAGE = 500
TOPIC_TARGET = "TOPIC"
NOT_FOUND = "No such topic. / 没有这个议题。"


def _hidden(value: Any) -> Hidden | None:
    if not isinstance(value, dict):
        return None
    return Hidden(reason=str(value["reason"]), at=str(value["at"]), by_role=str(value["by_role"]),
                  appealed=bool(value.get("appealed")), appeal_rejected=bool(value.get("appeal_rejected")))


def hidden_value(hidden: Hidden) -> dict[str, Any]:
    return {"reason": hidden.reason, "at": hidden.at, "by_role": hidden.by_role, "appealed": hidden.appealed,
            "appeal_rejected": hidden.appeal_rejected}


def topic_of(item: dict[str, Any]) -> TopicRecord:
    return TopicRecord(
        id=str(item["id"]), division=str(item["division"]), street=str(item["street"]), title=str(item["title"]),
        background=str(item["background"]), proposal=str(item["proposal"]), author=str(item["author"]),
        created_at=str(item["created_at"]), status=str(item["status"]), supports=int(item.get("supports", 0)),
        threshold=int(item["threshold"]), version=int(item["version"]),
        photos=tuple(str(p) for p in item.get("photos") or ()),
        queued_at=item.get("queued_at"), due_at=item.get("due_at"), answer=item.get("answer"),
        meeting_ids=tuple(sorted(str(m) for m in item.get("meeting_ids") or ())),
        hidden=_hidden(item.get("hiding")), appeal_upheld=bool(item.get("appeal_upheld")),
    )


def _comment_of(item: dict[str, Any]) -> CommentRecord:
    return CommentRecord(
        id=str(item["id"]), topic_id=str(item["topic_id"]), sort_key=str(item["SK"]), parent_id=item.get("parent_id"),
        text=str(item.get("text") or ""), author=str(item["author"]), created_at=str(item["created_at"]),
        edited_at=item.get("edited_at"), deleted=bool(item.get("deleted")), hidden=_hidden(item.get("hiding")),
        appeal_upheld=bool(item.get("appeal_upheld")),
    )


def topic_item(topic: TopicRecord) -> dict[str, Any]:
    item: dict[str, Any] = {
        **topic_key(topic.id), "type": TOPIC_TYPE,
        "GSI1PK": topics_of_division_partition(topic.division), "GSI1SK": f"{topic.created_at}#{topic.id}",
        "id": topic.id, "division": topic.division, "street": topic.street, "title": topic.title,
        "background": topic.background, "proposal": topic.proposal, "author": topic.author,
        "created_at": topic.created_at, "status": topic.status, "supports": topic.supports,
        "threshold": topic.threshold, "version": topic.version, "photos": list(topic.photos),
    }
    return item


def get_topic(topic_id: str, consistent: bool = True) -> TopicRecord:
    item = dynamo.get_item(topic_key(topic_id), consistent=consistent)
    if item is None:
        raise NotFoundError(NOT_FOUND)
    return topic_of(item)


def read_whole(topic_id: str) -> TopicWhole:
    """The topic and everything beside it, one paged Query (supports are hundreds of small items)."""
    items: list[dict[str, Any]] = []
    start: dict[str, Any] | None = None
    while True:
        page, start = dynamo.query_page(key_condition="PK = :pk", values={":pk": topic_partition(topic_id)},
                                        limit=PAGE, start_key=start, consistent=True)
        items += page
        if not start:
            break
    topic = next((i for i in items if i["SK"] == "TOPIC"), None)
    if topic is None:
        raise NotFoundError(NOT_FOUND)
    comments = [_comment_of(i) for i in items if str(i["SK"]).startswith("COMMENT#")]
    path = [PathRecord(step=str(i["step"]), at=str(i["at"]), ref_kind=str(i["ref_kind"]), ref_id=str(i["ref_id"]),
                       actor_role=str(i.get("actor_role") or ""))
            for i in items if str(i["SK"]).startswith("PATH#")]
    supporters = frozenset(str(i["person"]) for i in items if str(i["SK"]).startswith("SUPPORT#"))
    return TopicWhole(topic=topic_of(topic), comments=comments, path=path, supporters=supporters)


def report_items(topic_id: str, target: str) -> list[dict[str, Any]]:
    page, _ = dynamo.query_page(key_condition="PK = :pk AND begins_with(SK, :sk)",
                                values={":pk": topic_partition(topic_id), ":sk": f"REPORT#{target}#"},
                                limit=PAGE, consistent=True)
    return page


def appeal_item(topic_id: str, target: str) -> dict[str, Any] | None:
    return dynamo.get_item(topic_item_key(topic_id, "APPEAL", target), consistent=True)


def has_supported(topic_id: str, person: str) -> bool:
    return dynamo.get_item(topic_item_key(topic_id, "SUPPORT", person)) is not None


def list_of_division(division: str, limit: int,
                     start: dict[str, Any] | None) -> tuple[list[TopicRecord], dict[str, Any] | None]:
    items, last = dynamo.query_page(index=GSI1, key_condition="GSI1PK = :pk",
                                    values={":pk": topics_of_division_partition(division)},
                                    limit=limit, start_key=start, forward=False)
    return [topic_of(i) for i in items], last


def queue_page(street: str, committee: str | None, limit: int,
               start: dict[str, Any] | None) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    if committee is None:
        return dynamo.query_page(index=GSI2, key_condition="GSI2PK = :pk", values={":pk": topic_queue_partition(street)},
                                 limit=limit, start_key=start)
    return dynamo.query_page(index=GSI2, key_condition="GSI2PK = :pk AND begins_with(GSI2SK, :c)",
                             values={":pk": topic_queue_partition(street), ":c": f"{committee}#"},
                             limit=limit, start_key=start)


def get_settings_item(division: str) -> dict[str, Any] | None:
    return dynamo.get_item(deliberation_settings_key(division))


def put_settings(division: str, threshold: int, percent: int | None, audit: dict[str, Any]) -> None:
    dynamo.transact_write([
        dynamo.put_op({**deliberation_settings_key(division), "type": "deliberation_settings", "division": division,
                       "support_threshold": threshold, "household_percent": percent}),
        audit,
    ])


# --- transaction items -----------------------------------------------------------------------


def path_put(topic_id: str, step: str, ref_kind: str, ref_id: str, at_iso: str, actor_role: str,
             division: str | None = None) -> dict[str, Any]:
    """A step of the topic's path; with `division`, also filed for the monthly publication."""
    counted = {} if division is None else {
        **activity.index_keys(at_iso, f"{topic_id}#{step}"),
        "fact": {"domain": "deliberation", "event": f"topic_{step}", "division": division}}
    return dynamo.put_op({**topic_item_key(topic_id, "PATH", at_iso, step, ref_id), "type": "topic_path",
                          "topic_id": topic_id, "step": step, "ref_kind": ref_kind, "ref_id": ref_id, "at": at_iso,
                          "actor_role": actor_role, **counted}, "attribute_not_exists(PK)")


def update_op(key: dict[str, str], expression: str, condition: str, values: dict[str, Any] | None = None,
              names: dict[str, str] | None = None, returned: bool = False) -> dict[str, Any]:
    """`returned`: a failed condition hands back the item as it was (ConditionFailedError.items)."""
    operation: dict[str, Any] = {"TableName": dynamo.table_name(), "Key": to_item(key),
                                 "UpdateExpression": expression, "ConditionExpression": condition}
    if returned:
        operation["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD"
    if values:
        operation["ExpressionAttributeValues"] = to_item(values)
    if names:
        operation["ExpressionAttributeNames"] = names
    return {"Update": operation}


def scheduled_update(topic_id: str, meeting_id: str, allowed_from: frozenset[str]) -> dict[str, Any]:
    """A meeting linked to a topic in one of `allowed_from` (rules.SCHEDULABLE), not hidden; a
    refusal hands back the topic as it was."""
    allowed = sorted(allowed_from)
    values: dict[str, Any] = {":scheduled": "scheduled", ":one": 1, ":meeting": {meeting_id}}
    values.update({f":from{i}": status for i, status in enumerate(allowed)})
    return update_op(
        topic_key(topic_id),
        "SET #s = :scheduled, version = version + :one ADD meeting_ids :meeting REMOVE GSI2PK, GSI2SK, due_at",
        "attribute_exists(PK) AND attribute_not_exists(hiding) AND #s IN ("
        + ", ".join(f":from{i}" for i in range(len(allowed))) + ")",
        values, {"#s": "status"}, returned=True,
    )


TAKES_COMMENTS = "attribute_exists(PK) AND attribute_not_exists(hiding) AND NOT (#s IN ({frozen}))"


def comments_open_check(topic_id: str, frozen: frozenset[str]) -> dict[str, Any]:
    """A ConditionCheck that the topic still takes comments (rules.takes_comments), for the
    transaction that writes or edits one: a hiding or an answer landing after the read refuses it."""
    names = sorted(frozen)
    condition = TAKES_COMMENTS.format(frozen=", ".join(f":frozen{i}" for i in range(len(names))))
    return {"ConditionCheck": {"TableName": dynamo.table_name(), "Key": to_item(topic_key(topic_id)),
                               "ConditionExpression": condition,
                               "ExpressionAttributeValues": to_item({f":frozen{i}": s for i, s in enumerate(names)}),
                               "ExpressionAttributeNames": {"#s": "status"}}}


def support_put(topic_id: str, person: str, at_iso: str, division: str | None = None) -> dict[str, Any]:
    # Filed in the month's activity index under its topic and time, not its supporter: the
    # publication counts supports and never needs to know whose they are.
    counted = {} if division is None else {
        **activity.index_keys(at_iso, f"{topic_id}#{at_iso}#{person[:8]}"),
        "fact": {"domain": "deliberation", "event": "topic_supported", "division": division}}
    return dynamo.put_op({**topic_item_key(topic_id, "SUPPORT", person), "type": "topic_support", "topic_id": topic_id,
                          "person": person, "at": at_iso, **counted}, "attribute_not_exists(PK)")


SUPPORTABLE = "attribute_exists(PK) AND attribute_not_exists(hiding) AND #s <> :answered"


def support_count_update(topic: TopicRecord) -> dict[str, Any]:
    """One more support that does not cross the threshold: the topic is past open already, or
    stays below it. A support that would cross it fails here and is sent as `crossing_update`."""
    return update_op(topic_key(topic.id), "ADD supports :one",
                     f"{SUPPORTABLE} AND (#s <> :open OR supports < :last)",
                     {":one": 1, ":answered": "answered", ":open": "open", ":last": topic.threshold - 1},
                     {"#s": "status"}, returned=True)


def crossing_update(topic: TopicRecord, at_iso: str, due_iso: str) -> dict[str, Any]:
    """The support that crosses the threshold, and the topic entering the queue, in one Update:
    conditional on the count it read, so of the supports that read it one moves the topic."""
    return update_op(
        topic_key(topic.id),
        "ADD supports :one SET #s = :queued, queued_at = :at, due_at = :due, GSI2PK = :qpk, GSI2SK = :qsk, "
        "version = version + :one",
        f"{SUPPORTABLE} AND #s = :open AND supports = :seen",
        {":one": 1, ":answered": "answered", ":open": "open", ":seen": topic.supports, ":queued": "queued",
         ":at": at_iso, ":due": due_iso, ":qpk": topic_queue_partition(topic.street),
         ":qsk": f"{topic.division}#{due_iso}#{topic.id}"},
        {"#s": "status"}, returned=True)


def enqueue_update(topic: TopicRecord, at_iso: str, due_iso: str) -> dict[str, Any]:
    """Exactly once: only the one transaction that finds the topic still open moves it."""
    return update_op(
        topic_key(topic.id),
        "SET #s = :queued, queued_at = :at, due_at = :due, GSI2PK = :qpk, GSI2SK = :qsk, version = version + :one",
        "#s = :open AND supports >= threshold AND attribute_not_exists(hiding)",
        {":queued": "queued", ":open": "open", ":at": at_iso, ":due": due_iso, ":one": 1,
         ":qpk": topic_queue_partition(topic.street), ":qsk": f"{topic.division}#{due_iso}#{topic.id}"},
        {"#s": "status"},
    )


def comment_put(comment: CommentRecord) -> dict[str, Any]:
    return dynamo.put_op({"PK": topic_partition(comment.topic_id), "SK": comment.sort_key, "type": "topic_comment",
                          "id": comment.id, "topic_id": comment.topic_id, "parent_id": comment.parent_id,
                          "text": comment.text, "author": comment.author, "created_at": comment.created_at},
                         "attribute_not_exists(PK)")


def report_put(topic: TopicRecord, target: str, person: str, reason: str, note: str | None, at_iso: str,
               title: str, report_id: str, target_sk: str) -> dict[str, Any]:
    """`target_sk`: the post's own sort key, so the queue reads the post as it stands (posts_of)."""
    return dynamo.put_op({
        **topic_item_key(topic.id, "REPORT", target, person), "type": "topic_report", "id": report_id,
        "topic_id": topic.id, "target": target, "target_sk": target_sk, "person": person, "reason": reason,
        "note": note, "at": at_iso,
        "GSI2PK": topic_queue_partition(topic.street), "GSI2SK": f"{topic.division}#R#{at_iso}#{report_id}",
        "queue_kind": "report", "division": topic.division, "title": title,
    }, "attribute_not_exists(PK)")


def appeal_put(topic: TopicRecord, target: str, person: str, text: str, at_iso: str, due_iso: str,
               title: str, target_sk: str) -> dict[str, Any]:
    return dynamo.put_op({
        **topic_item_key(topic.id, "APPEAL", target), "type": "topic_appeal", "topic_id": topic.id, "target": target,
        "target_sk": target_sk,
        "person": person, "text": text, "at": at_iso, "due_at": due_iso, "status": "pending",
        "GSI2PK": topic_queue_partition(topic.street), "GSI2SK": f"APPEAL#{at_iso}#{topic.id}#{target}",
        "queue_kind": "appeal", "division": topic.division, "title": title,
    }, "attribute_not_exists(PK)")


def unqueue_op(key: dict[str, str], extra_set: str = "", values: dict[str, Any] | None = None,
               condition: str | None = None) -> dict[str, Any]:
    """A report or appeal leaves the queue (kept as a record); `condition`: only in that state
    (an appeal decided once)."""
    expression = ("SET " + extra_set + " " if extra_set else "") + "REMOVE GSI2PK, GSI2SK"
    guarded = "attribute_exists(PK)" + (f" AND {condition}" if condition else "")
    return update_op(key, expression, guarded, values,
                     {"#s": "status"} if "#s" in extra_set or "#s" in (condition or "") else None)


Post = TopicRecord | CommentRecord


def posts_of(entries: list[dict[str, Any]]) -> dict[tuple[str, str], Post]:
    """The posts that reports and appeals are about, as they stand, by (topic_id, target): one
    BatchGetItem by the sort key each entry keeps. Entries filed before they kept it find their
    comment among their topic's comments. A post that is gone is left out."""
    sort_keys: dict[tuple[str, str], str] = {}
    legacy: dict[str, dict[str, str]] = {}
    for entry in entries:
        topic_id, target = str(entry["topic_id"]), str(entry["target"])
        if target == TOPIC_TARGET or entry.get("target_sk"):
            sort_keys[(topic_id, target)] = str(entry.get("target_sk") or TOPIC_TARGET)
            continue
        if topic_id not in legacy:
            legacy[topic_id] = _comment_sort_keys(topic_id)
        if target in legacy[topic_id]:
            sort_keys[(topic_id, target)] = legacy[topic_id][target]
    found = {(str(item["PK"]), str(item["SK"])): item
             for item in dynamo.batch_get([{"PK": topic_partition(t), "SK": sk} for (t, _), sk in sort_keys.items()])}
    posts: dict[tuple[str, str], Post] = {}
    for (topic_id, target), sort_key in sort_keys.items():
        item = found.get((topic_partition(topic_id), sort_key))
        if item is not None:
            posts[(topic_id, target)] = topic_of(item) if target == TOPIC_TARGET else _comment_of(item)
    return posts


def _comment_sort_keys(topic_id: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    start: dict[str, Any] | None = None
    while True:
        page, start = dynamo.query_page(key_condition="PK = :pk AND begins_with(SK, :c)",
                                        values={":pk": topic_partition(topic_id), ":c": "COMMENT#"},
                                        limit=PAGE, start_key=start)
        keys.update({str(item["id"]): str(item["SK"]) for item in page})
        if not start:
            return keys


def target_key(topic_id: str, comment_sort_key: str | None) -> dict[str, str]:
    return topic_key(topic_id) if comment_sort_key is None else {"PK": topic_partition(topic_id),
                                                                  "SK": comment_sort_key}


# --- erasure (deliberation/erasure.py) ---------------------------------------------------------


def partition_items(topic_id: str) -> list[dict[str, Any]]:
    """Every item of the topic's partition as stored (a missing topic: none)."""
    items: list[dict[str, Any]] = []
    start: dict[str, Any] | None = None
    while True:
        page, start = dynamo.query_page(key_condition="PK = :pk", values={":pk": topic_partition(topic_id)},
                                        limit=PAGE, start_key=start, consistent=True)
        items += page
        if not start:
            return items


def audit_items(topic_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    start: dict[str, Any] | None = None
    while True:
        page, start = dynamo.query_page(key_condition="PK = :pk", values={":pk": f"AUDIT#topic#{topic_id}"},
                                        limit=PAGE, start_key=start, consistent=True)
        items += page
        if not start:
            return items


def rekey_ops(item: dict[str, Any], new_key: dict[str, str], changes: dict[str, Any],
              drop: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The item moved to `new_key` with `changes`: a Delete of the old (still there) and a Put of the new."""
    moved = {k: v for k, v in item.items() if k not in drop}
    moved.update({**new_key, **changes})
    return [{"Delete": {"TableName": dynamo.table_name(), "Key": to_item({"PK": item["PK"], "SK": item["SK"]}),
                        "ConditionExpression": "attribute_exists(PK)"}},
            dynamo.put_op(moved, "attribute_not_exists(PK)")]


def set_ops(item: dict[str, Any], changes: dict[str, Any], remove: tuple[str, ...] = ()) -> dict[str, Any]:
    """SET `changes` and REMOVE `remove` on the item, provided it is still there."""
    names = {f"#s{i}": name for i, name in enumerate(changes)} | {f"#r{i}": name for i, name in enumerate(remove)}
    expression = "SET " + ", ".join(f"#s{i} = :s{i}" for i in range(len(changes)))
    if remove:
        expression += " REMOVE " + ", ".join(f"#r{i}" for i in range(len(remove)))
    return update_op({"PK": item["PK"], "SK": item["SK"]}, expression, "attribute_exists(PK)",
                     {f":s{i}": value for i, value in enumerate(changes.values())}, names)
