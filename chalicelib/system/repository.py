"""Reachability probes for /health.

| pattern              | index | key condition            | example             |
| -------------------- | ----- | ------------------------ | ------------------- |
| table reachable      | table | GetItem PK=HEALTH SK=HEALTH | (item need not exist) |
| bucket reachable     | S3    | HeadBucket               |                     |
"""

from __future__ import annotations

from chalicelib import aws
from chalicelib.observability import logger
from chalicelib.settings import get_settings
from chalicelib.storage import dynamo
from chalicelib.storage.keys import HEALTH_KEY


def table_reachable() -> bool:
    try:
        dynamo.get_item(HEALTH_KEY)
        return True
    except Exception as exc:  # a probe reports, it does not fail the request
        logger.warning("table probe failed", extra={"error": type(exc).__name__})
        return False


def bucket_reachable() -> bool:
    try:
        aws.client("s3").head_bucket(Bucket=get_settings().public_bucket)
        return True
    except Exception as exc:
        logger.warning("bucket probe failed", extra={"error": type(exc).__name__})
        return False
