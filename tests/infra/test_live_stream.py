"""The main table's stream reaches count_live through an event source mapping with partial-failure
reporting, filtered to what the live rules count; CountLive's role reads the stream and writes
only `LIVE#` partitions."""

from __future__ import annotations

import json
from typing import Any

from infra.stack import LIVE_FILTERS
from tests.infra.conftest import resources
from tests.infra.test_least_privilege import DYNAMODB_WRITES, actions_of, function_statements, listed, table_actions


def the_mapping(template: dict) -> dict:
    (mapping,) = [m["Properties"] for m in resources(template, "AWS::Lambda::EventSourceMapping").values()
                  if m["Properties"].get("FunctionName") == {"Ref": "CountLive"}]
    return mapping


def test_the_stream_reaches_count_live_in_batches_reporting_partial_failures(template):
    from chalicelib.live.repository import MAX_ITEMS

    mapping = the_mapping(template)
    assert mapping["EventSourceArn"] == {"Fn::GetAtt": ["MainTable", "StreamArn"]}
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert mapping["BatchSize"] <= MAX_ITEMS and mapping["StartingPosition"] == "TRIM_HORIZON"
    assert mapping["MaximumRetryAttempts"] > 0 and mapping["ParallelizationFactor"] == 1
    failed = mapping["DestinationConfig"]["OnFailure"]["Destination"]
    (queue,) = [n for n in resources(template, "AWS::SQS::Queue") if n.startswith("LiveCountFailed")]
    assert failed == {"Fn::GetAtt": [queue, "Arn"]}
    # Created only once the role may read the stream.
    (mapping_id,) = [n for n, m in resources(template, "AWS::Lambda::EventSourceMapping").items()
                     if m["Properties"].get("FunctionName") == {"Ref": "CountLive"}]
    policies = [n for n, p in resources(template, "AWS::IAM::Policy").items()
                if {"Ref": template["Resources"]["CountLive"]["Properties"]["Role"]["Fn::GetAtt"][0]} in p["Properties"]["Roles"]]
    assert set(policies) <= set(listed(template["Resources"][mapping_id].get("DependsOn", [])))


def test_count_live_reads_the_stream_and_writes_only_live_partitions(template):
    granted = function_statements(template, "CountLive")
    stream = [s for s in granted if any(a.startswith("dynamodb:") and a not in DYNAMODB_WRITES for a in actions_of(s))]
    assert [listed(s["Resource"]) for s in stream] == [[{"Fn::GetAtt": ["MainTable", "StreamArn"]}]]
    assert set(actions_of(stream[0])) == {"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                                          "dynamodb:ListStreams"}
    writes = [s for s in granted if any(a in DYNAMODB_WRITES for a in actions_of(s))]
    assert [sorted(actions_of(s)) for s in writes] == [["dynamodb:PutItem", "dynamodb:UpdateItem"]]
    assert writes[0]["Resource"] == {"Fn::GetAtt": ["MainTable", "Arn"]}
    assert writes[0]["Condition"] == {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["LIVE#*"]}}
    assert table_actions(granted, "BallotsTable") == table_actions(granted, "IdempotencyTable") == set()
    services = {a.split(":")[0] for s in granted for a in actions_of(s)}
    assert services == {"dynamodb", "sqs", "logs"}
    filters = [json.loads(f["Pattern"]) for f in the_mapping(template)["FilterCriteria"]["Filters"]]
    assert filters == [json.loads(json.dumps(p)) for p in LIVE_FILTERS]


def matches(pattern: Any, value: Any) -> bool:
    """Lambda's event filtering for the subset the filters use: nested keys, lists of values, exists."""
    if isinstance(pattern, dict):
        return isinstance(value, dict) and all(
            (key in value and matches(sub, value[key])) if sub != [{"exists": True}] else key in value
            for key, sub in pattern.items())
    return value in pattern


def record(event_name: str, new: dict) -> dict:
    return {"eventName": event_name, "dynamodb": {"NewImage": new}}


def passes(event_name: str, new: dict) -> bool:
    return any(matches(p, record(event_name, new)) for p in LIVE_FILTERS)


def test_the_filters_let_through_what_the_rules_count_and_not_the_counters_own_writes():
    event = {"type": {"S": "audit"}, "action": {"S": "reply"},
             "fact": {"M": {"domain": {"S": "suggestion"}, "division": {"S": "310110012001"}}}}
    assert passes("INSERT", event)
    approved = {"type": {"S": "residence_request"}, "status": {"S": "approved"}, "committee": {"S": "310110012001"}}
    assert passes("MODIFY", approved) and passes("INSERT", approved)
    assert not passes("MODIFY", {**approved, "status": {"S": "pending"}})
    assert not passes("MODIFY", event)
    assert not passes("MODIFY", {"PK": {"S": "LIVE#31"}, "replies": {"N": "3"}})
    assert not passes("INSERT", {"PK": {"S": "LIVE#APPLIED#x"}, "type": {"S": "live_applied"}})
    assert not passes("INSERT", {"type": {"S": "case"}, "status": {"S": "submitted"}})
    assert passes("INSERT", {"type": {"S": "topic"}, "division": {"S": "310110012001"}})
    assert not passes("MODIFY", {"type": {"S": "topic"}, "supports": {"N": "3"}})
    assert passes("MODIFY", {"type": {"S": "meeting"}, "status": {"S": "held"}})
    assert not passes("MODIFY", {"type": {"S": "meeting"}, "status": {"S": "scheduled"}})
    carried = {"type": {"S": "meeting_decision"}, "carried": {"M": {"at": {"S": "2026-12-01T02:00:00.000Z"}}}}
    assert passes("MODIFY", carried)
    assert not passes("MODIFY", {"type": {"S": "meeting_decision"}, "pending_by": {"S": "u1"}})
