"""The bell: unread messages are those after the newest time a resident marked read, and
that mark only moves forward."""

from __future__ import annotations

from tests.api.helpers import assert_error, get, post
from tests.api.suggestion_helpers import act, submit
from tests.api.test_personal_data import new_resident


def state(client, account):
    response = get(client, "/notifications/read", account)
    assert response.status_code == 200, response.body
    return response.json_body


def mark(client, account, until):
    response = post(client, "/notifications/read", account, {"read_until": until})
    assert response.status_code == 200, response.body
    return response.json_body


def test_unread_counts_after_the_mark_which_never_moves_back(client, accounts):
    resident, street = new_resident(), accounts["street_official"]
    assert state(client, resident) == {"unread": 0, "read_until": None}

    case_id = submit(client, resident)["id"]
    act(client, street, case_id, "accept")
    inbox = get(client, "/notifications/mine", resident).json_body["items"]
    assert state(client, resident)["unread"] == len(inbox) == 2

    older, newest = inbox[1]["at"], inbox[0]["at"]
    assert mark(client, resident, older) == {"unread": 1, "read_until": older}
    assert mark(client, resident, newest) == {"unread": 0, "read_until": newest}
    assert mark(client, resident, older)["read_until"] == newest  # a stale tab cannot unread

    act(client, street, case_id, "reply", {"message": "已安排物业修复，下周完成。", "adoption": "adopted"})
    assert state(client, resident)["unread"] == 1


def test_a_mark_in_the_future_is_kept_as_now(client):
    resident = new_resident()
    kept = mark(client, resident, "2999-01-01T00:00:00Z")["read_until"]
    assert kept < "2100"


def test_a_time_without_its_zone_is_refused(client):
    response = post(client, "/notifications/read", new_resident(), {"read_until": "2026-01-01T00:00:00"})
    assert_error(response, 400)
    anonymous = client.http.post("/notifications/read", body=b'{"read_until": "2026-01-01T00:00:00Z"}',
                                 headers={"Content-Type": "application/json"})
    assert anonymous.status_code == 401


def test_the_mark_goes_with_an_erased_account(client):
    from chalicelib.auth import person_key
    from chalicelib.storage import dynamo
    from chalicelib.storage.keys import inbox_read_key

    resident = new_resident()
    mark(client, resident, "2026-01-01T00:00:00Z")
    key = inbox_read_key(person_key(resident.user_id))
    assert dynamo.get_item(key, consistent=True) is not None
    assert client.http.request("DELETE", "/me", headers=resident.headers).status_code == 200
    assert dynamo.get_item(key, consistent=True) is None
