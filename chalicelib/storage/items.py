"""Conversion between plain Python values and DynamoDB's attribute-value format.

Numbers come back from DynamoDB as Decimal; everything we store is an integer (money in
fen, counts), so integral values are returned as int and anything else is refused rather
than silently turned into a float.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _codecs() -> tuple[Any, Any]:
    # boto3 is imported on first use so that importing the app stays cheap (cold start).
    from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

    return TypeSerializer(), TypeDeserializer()


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise ValueError(f"non-integral number in the table: {value}")
        return int(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, set):
        return {_plain(v) for v in value}
    return value


def to_item(values: dict[str, Any]) -> dict[str, Any]:
    """Attribute-value map of `values`; None values are left out (DynamoDB has no nulls we use)."""
    serializer = _codecs()[0]
    return {k: serializer.serialize(v) for k, v in values.items() if v is not None}


def from_item(item: dict[str, Any]) -> dict[str, Any]:
    deserializer = _codecs()[1]
    return {k: _plain(deserializer.deserialize(v)) for k, v in item.items()}


def to_value(value: Any) -> dict[str, Any]:
    serialized: dict[str, Any] = _codecs()[0].serialize(value)
    return serialized
