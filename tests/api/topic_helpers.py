"""Topics through the API, for the deliberation tests."""

from __future__ import annotations

import json
from typing import Any

from tests.api.helpers import get, post

KONGJIANG_COMMITTEE = "310110012001"
KONGJIANG_STREET = "310110012"


def topic_body(**overrides: Any) -> dict[str, Any]:
    return {"division": KONGJIANG_COMMITTEE, "title": "楼道加装扶手", "background": "老人上下楼不便。",
            "proposal": "每层楼道加装扶手。", **overrides}


def raise_topic(client, account, **overrides: Any) -> dict[str, Any]:
    response = post(client, "/topics", account, topic_body(**overrides))
    assert response.status_code == 201, response.body
    return response.json_body


def topic(client, account, topic_id: str) -> dict[str, Any]:
    response = get(client, f"/topics/{topic_id}", account)
    assert response.status_code == 200, response.body
    return response.json_body


def comment(client, account, topic_id: str, text: str = "赞成。", reply_to: str | None = None) -> dict[str, Any]:
    body = {"text": text, **({"reply_to": reply_to} if reply_to else {})}
    response = post(client, f"/topics/{topic_id}/comments", account, body)
    assert response.status_code == 201, response.body
    return response.json_body


def act(client, account, topic_id: str, action: str, body: dict[str, Any], expect: int = 200) -> dict[str, Any]:
    response = post(client, f"/review/topics/{topic_id}/{action}", account, body)
    assert response.status_code == expect, response.body
    return json.loads(response.body)


def queue(client, account, division: str) -> list[dict[str, Any]]:
    response = get(client, f"/review/topics?division={division}&limit=100", account)
    assert response.status_code == 200, response.body
    return response.json_body["items"]
