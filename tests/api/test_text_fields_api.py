"""Text that hides characters (bidi overrides, NUL, zero-width) is refused with a 400 naming
the field, in a body, a nested object, a query, a path or the Idempotency-Key, and nothing
is written; line breaks, tabs and emoji go through as sent."""

from __future__ import annotations

import json
import uuid
from urllib.parse import urlencode

from chalicelib.web.openapi import ErrorResponse
from tests.api.fund_helpers import application
from tests.api.suggestion_helpers import detail, get, post, suggestion

RLO, NUL, ZWSP = "\u202e", "\x00", "\u200b"
# Pools are per committee and year; these refusals never reach one, but keep to a year of their own.
YEAR = 2043


def refused(response, *fields: str) -> list[dict]:
    assert response.status_code == 400, (response.status_code, response.body)
    body = json.loads(response.body)
    ErrorResponse.model_validate(body)
    assert body["code"] == "validation_failed", body
    details = [d for d in body["details"] if d["type"] == "hidden_character"]
    assert [d["field"] for d in details] == list(fields), body
    for item in details:
        assert item["message"] and item["message_zh"], item
    return body["details"]


def my_suggestions(client, account) -> list[str]:
    response = get(client, "/suggestions/mine?limit=20", account)
    assert response.status_code == 200, response.body
    return [item["id"] for item in response.json_body["items"]]


def my_applications(client, account) -> list[str]:
    response = get(client, "/funds/applications/mine?limit=100", account)
    assert response.status_code == 200, response.body
    return [item["id"] for item in response.json_body["items"]]


def submit(client, account, body, key: str | None = None):
    return post(client, "/suggestions", account, body, {"Idempotency-Key": key or str(uuid.uuid4())})


def test_a_bidi_override_in_a_title_is_refused_and_nothing_is_written(client, accounts):
    resident = accounts["resident"]
    before = my_suggestions(client, resident)
    key = str(uuid.uuid4())
    details = refused(submit(client, resident, suggestion(title=f"路灯{RLO}坏了"), key), "title")
    assert details[0]["field"] == "title"
    assert "U+202E" in details[0]["message"] and "U+202E" in details[0]["message_zh"]
    assert my_suggestions(client, resident) == before
    # The key was not spent on the refused body: the corrected one goes through with it.
    assert submit(client, resident, suggestion(title="路灯坏了"), key).status_code == 201


def test_hidden_characters_anywhere_in_a_submission_are_refused(client, accounts):
    resident = accounts["resident"]
    before = my_suggestions(client, resident)
    cases = {
        "content": suggestion(content=f"灯不亮了{NUL}"),
        "location": suggestion(location="\u2028控江路 1500 号"),
        "photos.0": suggestion(photos=[f"uploads/photos/{resident.user_id}/01JD{0:022d}{ZWSP}.jpg"]),
    }
    for field, body in cases.items():
        refused(submit(client, resident, body), field)
    assert my_suggestions(client, resident) == before


def test_line_breaks_tabs_and_emoji_are_kept_as_sent(client, accounts):
    resident = accounts["resident"]
    content = "控江路 1500 号的路灯坏了。\n\t一、晚上很黑；\r\n\t二、老人出行不便 👨\u200d👩\u200d👧 👩🏽\u200d🦳 ❤️\u200d🩹 🇨🇳"
    response = submit(client, resident, suggestion(title="路灯坏了 🙏🏻", content=content))
    assert response.status_code == 201, response.body
    case = detail(client, resident, response.json_body["id"])
    assert case["content"] == content and case["title"] == "路灯坏了 🙏🏻"


def test_a_hidden_character_in_a_nested_field_is_named_by_its_path(client, accounts):
    resident = accounts["kongjiang_resident"]
    before = my_applications(client, resident)
    lines = [{"item": "排练场地租金", "unit_price_fen": 50_000, "quantity": 10},
             {"item": f"乐谱{ZWSP}与音响", "unit_price_fen": 300_000, "quantity": 1}]
    refused(post(client, "/funds/applications", resident, application(YEAR, lines=lines)), "lines.1.item")
    refused(post(client, "/funds/applications", resident, application(YEAR, team=f"阳光合唱团{NUL}")), "team.name")
    purpose = "为小区独居老人每月组织一次合唱演出。\n\t每次 2 小时。" + RLO
    refused(post(client, "/funds/applications", resident, application(YEAR, purpose=purpose)), "purpose")
    assert my_applications(client, resident) == before


def test_a_hidden_character_in_a_query_parameter_is_refused(client, accounts):
    street = accounts["street_official"]
    response = get(client, "/review/suggestions?" + urlencode({"cursor": f"abc{RLO}def"}), street)
    refused(response, "cursor")
    refused(get(client, "/suggestions/mine?" + urlencode({"cursor": f"x{NUL}"}), accounts["resident"]), "cursor")


def test_a_hidden_character_in_a_path_parameter_is_refused(client, accounts):
    # API Gateway hands path parameters to the function decoded, as sent here.
    refused(get(client, f"/suggestions/01JD{0:022d}{RLO}", accounts["resident"]), "id")
    refused(get(client, f"/rounds/01JD{0:022d}{ZWSP}/ballot"), "id")
    staff = accounts["street_official"]
    refused(post(client, f"/review/suggestions/01JD{0:022d}/accept{ZWSP}", staff, {}), "action")


def test_an_idempotency_key_with_a_hidden_character_is_refused(client, accounts):
    resident = accounts["resident"]
    before = my_suggestions(client, resident)
    response = submit(client, resident, suggestion(), key=f"{uuid.uuid4()}{RLO}")
    assert response.status_code == 400, response.body
    ErrorResponse.model_validate(json.loads(response.body))
    assert my_suggestions(client, resident) == before
