"""The one table definition, as plain data.

The local stack and the tests create the tables from these definitions through boto3; the
CDK app (infra/stack.py, table_properties) turns the same dictionaries into its
AWS::DynamoDB::Table resources, so the deployed tables cannot drift from the tested ones.
The main table is single-table design with overloaded generic keys: storage/keys.py builds
every key and each repository documents which item types live under which keys.

The main table has a stream (new and old images), read by one function: count_live keeps
the live counters from it (chalicelib/live/consumer.py; the local stack polls it the same
way). Publication reads the ACTIVITY# index instead, and notifications are published after
their transaction. The ballots table has none, on purpose (below).
"""

from __future__ import annotations

from typing import Any

PARTITION_KEY = "PK"
SORT_KEY = "SK"
TTL_ATTRIBUTE = "expires_at"

GSI1 = "GSI1"
GSI2 = "GSI2"
GLOBAL_INDEXES = {GSI1: ("GSI1PK", "GSI1SK"), GSI2: ("GSI2PK", "GSI2SK")}


def _key_schema(partition: str, sort: str) -> list[dict[str, str]]:
    return [
        {"AttributeName": partition, "KeyType": "HASH"},
        {"AttributeName": sort, "KeyType": "RANGE"},
    ]


TABLE_DEFINITION: dict[str, Any] = {
    "AttributeDefinitions": [
        {"AttributeName": name, "AttributeType": "S"}
        for name in (PARTITION_KEY, SORT_KEY, *[k for pair in GLOBAL_INDEXES.values() for k in pair])
    ],
    "KeySchema": _key_schema(PARTITION_KEY, SORT_KEY),
    "GlobalSecondaryIndexes": [
        {"IndexName": name, "KeySchema": _key_schema(*keys), "Projection": {"ProjectionType": "ALL"}}
        for name, keys in GLOBAL_INDEXES.items()
    ],
    "BillingMode": "PAY_PER_REQUEST",
    # The live counters' source; see the module's docstring.
    "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    "SSESpecification": {"Enabled": True},
}

# Powertools idempotency records: its DynamoDBPersistenceLayer defaults.
IDEMPOTENCY_TABLE_DEFINITION: dict[str, Any] = {
    "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
    "BillingMode": "PAY_PER_REQUEST",
    "SSESpecification": {"Enabled": True},
}
IDEMPOTENCY_TTL_ATTRIBUTE = "expiration"

# Voters' one-ballot records and the ballots themselves. A table of their own, without a
# stream: whatever reads the main table's stream (publication, live counters) can never
# see a voter's record and a ballot appear together, which would link the two.
BALLOTS_TABLE_DEFINITION: dict[str, Any] = {
    "AttributeDefinitions": [{"AttributeName": name, "AttributeType": "S"} for name in (PARTITION_KEY, SORT_KEY)],
    "KeySchema": _key_schema(PARTITION_KEY, SORT_KEY),
    "BillingMode": "PAY_PER_REQUEST",
    "SSESpecification": {"Enabled": True},
}


def create_tables(dynamodb_client: Any, table_name: str, idempotency_table_name: str,
                  ballots_table_name: str) -> None:
    """Create the tables and switch TTL on; used by the local stack and the tests."""
    for name, definition, ttl in (
        (table_name, TABLE_DEFINITION, TTL_ATTRIBUTE),
        (idempotency_table_name, IDEMPOTENCY_TABLE_DEFINITION, IDEMPOTENCY_TTL_ATTRIBUTE),
        (ballots_table_name, BALLOTS_TABLE_DEFINITION, TTL_ATTRIBUTE),
    ):
        dynamodb_client.create_table(TableName=name, **definition)
        dynamodb_client.get_waiter("table_exists").wait(TableName=name)
        dynamodb_client.update_time_to_live(
            TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": ttl}
        )
