"""The one table definition, as plain data.

The local stack and the tests create the table from TABLE_DEFINITION through boto3; the
CDK app in infra/ builds its TableV2 from the same dictionary, and a test compares the
synthesized template with it. The table is single-table design with overloaded generic
keys: each repository documents which item types live under which keys.
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
    # The monthly publication and notifications read changes from the stream.
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
