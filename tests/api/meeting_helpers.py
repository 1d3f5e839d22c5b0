"""Calls the meeting tests share: topics to meet about, meetings, their actions, through the HTTP API."""

from __future__ import annotations

import uuid
from typing import Any

from tests.api.helpers import get, post

COMMITTEE = "310110012001"  # 控一居委会, where kongjiang_resident's residence is verified


def raise_topic(client, resident, title: str = "小区非机动车停放秩序", division: str = COMMITTEE) -> str:
    body = {"division": division, "title": title, "background": "楼道口电动车乱停，影响老人通行和消防安全。",
            "proposal": "划定集中停放区，加装充电桩，由楼组长轮流提醒。"}
    response = post(client, "/topics", resident, body, {"Idempotency-Key": str(uuid.uuid4())})
    assert response.status_code == 201, response.body
    return str(response.json_body["id"])


def meeting_body(topic_ids: list[str], **overrides: Any) -> dict[str, Any]:
    body = {"kind": "deliberation", "division": COMMITTEE, "title": "楼道停车议事会", "topic_ids": topic_ids,
            "starts_at": "2051-05-10T19:00:00", "ends_at": "2051-05-10T21:00:00", "place": "控一居委会二楼会议室",
            "agenda": "一、介绍议题；二、居民发言；三、表决。"}
    body.update(overrides)
    return body


def schedule(client, staff, topic_ids: list[str], **overrides: Any) -> dict[str, Any]:
    response = post(client, "/meetings", staff, meeting_body(topic_ids, **overrides),
                    {"Idempotency-Key": str(uuid.uuid4())})
    assert response.status_code == 201, response.body
    return dict(response.json_body)


def act(client, account, meeting_id: str, action: str, body: dict[str, Any] | None = None, expect: int = 200):
    response = post(client, f"/meetings/{meeting_id}/{action}", account, body or {})
    assert response.status_code == expect, (action, response.status_code, response.body)
    return response.json_body


def meeting(client, account, meeting_id: str) -> dict[str, Any]:
    response = get(client, f"/meetings/{meeting_id}", account)
    assert response.status_code == 200, response.body
    return dict(response.json_body)


def held_meeting_with_decision(client, accounts, at, topic_ids: list[str], text: str = "同意划定集中停放区。",
                               during: str = "2051-05-10T19:30:00", **overrides: Any) -> tuple[dict[str, Any], str]:
    """A meeting scheduled, attended (at `during`, after it starts) and with one passed decision."""
    staff = accounts["committee_staff"]
    created = schedule(client, staff, topic_ids, **overrides)
    at(during)
    act(client, staff, created["id"], "attend", {"count": 30})
    decided = act(client, staff, created["id"], "decide",
                  {"text": text, "votes_for": 20, "votes_against": 5, "votes_abstain": 5})
    return decided, str(decided["decisions"][-1]["id"])
