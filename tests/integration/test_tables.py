"""The tables created from the shared definition are the ones the code expects."""

import boto3

from chalicelib.storage.table import GLOBAL_INDEXES, TABLE_DEFINITION, TTL_ATTRIBUTE
from tests.integration.conftest import SETTINGS


def test_table_matches_the_definition(aws):
    client = boto3.client("dynamodb", region_name="ap-east-1")
    table = client.describe_table(TableName=SETTINGS["MULIN_TABLE"])["Table"]
    assert table["KeySchema"] == TABLE_DEFINITION["KeySchema"]
    assert {i["IndexName"]: i["KeySchema"] for i in table["GlobalSecondaryIndexes"]} == {
        i["IndexName"]: i["KeySchema"] for i in TABLE_DEFINITION["GlobalSecondaryIndexes"]
    }
    assert set(GLOBAL_INDEXES) == {i["IndexName"] for i in table["GlobalSecondaryIndexes"]}
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert table["StreamSpecification"]["StreamViewType"] == "NEW_AND_OLD_IMAGES"
    ttl = client.describe_time_to_live(TableName=SETTINGS["MULIN_TABLE"])["TimeToLiveDescription"]
    assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": TTL_ATTRIBUTE}


def test_health_probes_report_reachability(aws):
    from chalicelib.system.service import check_health

    report = check_health()
    assert (report.status, report.table, report.bucket, report.stage) == ("ok", True, True, "test")


def test_health_reports_a_missing_bucket_as_degraded(aws):
    boto3.client("s3", region_name="ap-east-1").delete_bucket(Bucket=SETTINGS["MULIN_PUBLIC_BUCKET"])
    from chalicelib.system.service import check_health

    report = check_health()
    assert (report.status, report.table, report.bucket) == ("degraded", True, False)


def test_the_scan_guard_catches_a_scan(aws_unguarded):
    import pytest

    from chalicelib import aws as aws_clients
    from tests.scan_guard import ScanUsedError, forbid_scans

    with pytest.raises(AssertionError, match="the app scanned"):
        with forbid_scans():
            with pytest.raises(ScanUsedError):
                aws_clients.client("dynamodb").scan(TableName=SETTINGS["MULIN_TABLE"])
