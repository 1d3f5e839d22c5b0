import pytest
from hypothesis import given
from hypothesis import strategies as st

from chalicelib.errors import InvalidCursorError
from chalicelib.storage.pagination import decode_cursor, encode_cursor

KEY = {"PK": {"S": "DIV#310110"}, "SK": {"S": "DIV#310110012"}}


def test_cursor_round_trips_within_its_scope():
    cursor = encode_cursor(KEY, "divisions:310110")
    assert decode_cursor(cursor, "divisions:310110") == KEY


def test_no_more_pages_means_no_cursor():
    assert encode_cursor(None, "x") is None
    assert decode_cursor(None, "x") is None
    assert decode_cursor("", "x") is None


def test_cursor_from_another_query_is_refused():
    cursor = encode_cursor(KEY, "queue:310110012")
    with pytest.raises(InvalidCursorError):
        decode_cursor(cursor, "queue:310101002")


def test_cursor_signed_with_another_secret_is_refused(monkeypatch):
    cursor = encode_cursor(KEY, "s")
    from chalicelib.settings import reset_settings

    monkeypatch.setenv("MULIN_CURSOR_SECRET", "another-secret")
    reset_settings()
    with pytest.raises(InvalidCursorError):
        decode_cursor(cursor, "s")


def test_edited_payload_is_refused():
    cursor = encode_cursor(KEY, "s")
    payload, mac = cursor.split(".")
    forged = encode_cursor({"PK": {"S": "DIV#310101"}, "SK": {"S": "DIV#310101002"}}, "s").split(".")[0]
    with pytest.raises(InvalidCursorError):
        decode_cursor(f"{forged}.{mac}", "s")


@given(st.text(max_size=3000))
def test_any_garbage_is_an_invalid_cursor_never_a_crash(garbage):
    try:
        decode_cursor(garbage, "s")
    except InvalidCursorError:
        return
    # Only an empty string decodes (to "no cursor"); anything else must have been refused.
    assert garbage == ""
