"""Calls the suggestion tests share: submit, act, rate, read, through the HTTP API."""

from __future__ import annotations

import uuid
from typing import Any

# Many suggestion, fund and access tests import these two from here.
from tests.api.helpers import get, post

KONGJIANG_STREET = "310110012"
KONGJIANG_COMMITTEE = "310110012001"
OTHER_KONGJIANG_COMMITTEE = "310110012003"
# 杨浦区 延吉新村街道: another street of the same district, where transfers go.
YANJI_STREET = "310110015"
# 黄浦区 南京东路街道: another district, for isolation checks.
NANJING_EAST_STREET = "310101002"


def suggestion(**overrides: Any) -> dict[str, Any]:
    body = {
        "title": "控江路人行道需要加装盲道",
        "content": "控江路 1500 号附近的人行道没有盲道，视障居民出行不便。建议加装盲道并清理占道。",
        "category": "transport",
        "division": KONGJIANG_COMMITTEE,
        "location": "控江路 1500 号",
        "publish_consent": True,
    }
    body.update(overrides)
    return body


def submit(client, account, **overrides: Any) -> dict[str, Any]:
    headers = {"Idempotency-Key": str(uuid.uuid4())}
    response = post(client, "/suggestions", account, suggestion(**overrides), headers)
    assert response.status_code == 201, response.body
    return response.json_body


def act(client, account, case_id: str, action: str, body: dict[str, Any] | None = None, expect: int = 200):
    response = post(client, f"/review/suggestions/{case_id}/{action}", account, body or {})
    assert response.status_code == expect, (action, response.status_code, response.body)
    return response.json_body


def detail(client, account, case_id: str) -> dict[str, Any]:
    response = get(client, f"/suggestions/{case_id}", account)
    assert response.status_code == 200, response.body
    return response.json_body
