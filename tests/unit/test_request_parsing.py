"""Every kind of bad body becomes a 4xx domain error with field-level details, never a crash."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chalicelib.divisions.models import DivisionProfileUpdate
from chalicelib.errors import (
    BadRequestError,
    MulinError,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
    ValidationFailedError,
)
from chalicelib.web.requests import parse_body

JSON = "application/json"
LIMIT = 256 * 1024


def parse(raw, content_type=JSON):
    return parse_body(raw, content_type, DivisionProfileUpdate, LIMIT)


def test_valid_body_parses():
    assert parse(b'{"population": 3200}').population == 3200
    assert parse('{"households": 1}', "application/json; charset=utf-8").households == 1


@pytest.mark.parametrize(
    ("raw", "content_type", "error"),
    [
        (b"x" * (LIMIT + 1), JSON, PayloadTooLargeError),
        (b'{"population": 1}', "text/plain", UnsupportedMediaTypeError),
        (b'{"population": 1}', None, UnsupportedMediaTypeError),
        (b'{"population": 1}', "application/json; charset=gbk", UnsupportedMediaTypeError),
        (b'{"population": 1', JSON, BadRequestError),
        (b"", JSON, BadRequestError),
        (b"   ", JSON, BadRequestError),
        (b'{"population": NaN}', JSON, BadRequestError),
        (b'{"population": Infinity}', JSON, BadRequestError),
        ('{"population": 1, "note": "\u4e2d"}'.encode("gbk"), JSON, BadRequestError),
        (b"\xff\xfe{}", JSON, BadRequestError),
        (b"[" * 100_000 + b"]" * 100_000, JSON, BadRequestError),
    ],
)
def test_bad_bodies_are_refused_with_the_right_error(raw, content_type, error):
    with pytest.raises(error):
        parse(raw, content_type)


def test_unknown_field_is_refused_by_name():
    with pytest.raises(ValidationFailedError) as caught:
        parse(b'{"population": 1, "version": 99}')
    assert [d.as_json() for d in caught.value.details] == [
        {"field": "version", "type": "extra_forbidden", "message": "Extra inputs are not permitted", "message_zh": "不允许的字段"}
    ]


def test_each_bad_field_is_listed_in_english_and_chinese():
    with pytest.raises(ValidationFailedError) as caught:
        parse(json.dumps({"population": -1, "households": "many", "community_type": "villa"}).encode())
    fields = {d.field: d.as_json() for d in caught.value.details}
    assert set(fields) == {"population", "households", "community_type"}
    assert fields["population"]["message_zh"] == "数值过小"
    assert fields["households"]["message_zh"] == "应为整数"
    assert fields["community_type"]["message_zh"] == "不在可选范围内"
    assert caught.value.status == 400


def test_empty_object_is_refused_as_nothing_to_change():
    with pytest.raises(ValidationFailedError):
        parse(b"{}")


@given(st.binary(max_size=512))
def test_arbitrary_bytes_never_escape_as_anything_but_a_4xx(raw):
    try:
        parse(raw)
    except MulinError as exc:
        assert 400 <= exc.status < 500
