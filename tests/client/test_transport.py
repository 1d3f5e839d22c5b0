"""mulin.Mulin over httpx.MockTransport: what goes on the wire (bearer, Idempotency-Key), how
429/503 are retried, and how refusals surface (ApiError, Conflict with the API's 409 details)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import httpx
import pytest
from mulin import ApiError, Conflict, Mulin
from mulin_client.api.review import accept_suggestion, list_suggestion_queue, reply_to_suggestion
from mulin_client.api.suggestions import get_suggestion
from mulin_client.models import AcceptSuggestionRequest, Adoption, ReplyToSuggestionRequest

from tests.unit.conftest import no_network, unit_settings  # noqa: F401 - offline, as the unit tier

CASE_ID = "01JF0000000000000000000000"
SUMMARY = {"id": CASE_ID, "tracking_no": "SH-2026-000001", "title": "路灯不亮", "category": "public_safety",
           "status": "accepted", "division": "310101002001", "jurisdiction": "310101002", "channel": "web",
           "submitted_at": "2026-11-02T01:00:00Z", "version": 3}
DETAIL = {**SUMMARY, "content": "弄堂口的路灯坏了三天。", "photos": [], "publish_consent": False,
          "deadlines": {"acknowledge_by": "2026-11-04T09:00:00Z", "reply_by": "2026-11-16T09:00:00Z"},
          "rating": {"count": 0, "mean": None}, "allowed_actions": ["assign", "reply", "transfer"], "timeline": []}
RESULT = {"id": CASE_ID, "status": "accepted", "version": 4, "jurisdiction": "310101002",
          "allowed_actions": ["assign", "reply", "transfer"]}
# As chalicelib/suggestions/service.py answers a move the case's state does not allow (_not_now)
# and a stale version, through the middleware's error shape.
NOT_NOW = {"code": "conflict", "message": "A case in status replied does not accept accept. / 当前状态不允许此操作。",
           "details": [{"field": "action", "type": "invalid_transition", "message": "allowed now: close, reopen",
                        "message_zh": "当前允许的操作见 allowed_actions", "status": "replied",
                        "allowed_actions": ["close", "reopen"]}],
           "correlation_id": "c-409-a"}
STALE = {"code": "conflict", "message": "The case changed (now version 5); reload it. / 案件已被他人更新，请刷新后重试。",
         "details": [{"field": "version", "type": "stale_version", "message": "stale version", "message_zh": "版本已过期",
                      "current_version": 5}],
         "correlation_id": "c-409-b"}
THROTTLED = {"code": "too_many_requests", "message": "Too many requests. / 请求过于频繁。", "details": [],
             "correlation_id": "c-429"}


def client(answers: list[httpx.Response], sent: list[httpx.Request], sleeps: list[float], *,
           token: Callable[[], str] | None = None, retries: int = 5) -> Mulin:
    def handler(request: httpx.Request) -> httpx.Response:
        # A copy: a retry may send the same Request object again with other headers.
        sent.append(httpx.Request(request.method, request.url, headers=request.headers.copy(), content=request.content))
        return answers.pop(0)

    return Mulin("https://api.example", token or (lambda: "id-token"), retries=retries, sleep=sleeps.append,
                 transport=httpx.MockTransport(handler))


def accept(m: Mulin) -> object:
    return m.call(accept_suggestion, id=CASE_ID, body=AcceptSuggestionRequest(version=3))


def test_429_waits_retry_after_and_resends_the_same_idempotency_key(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []
    m = client([httpx.Response(429, json=THROTTLED, headers={"Retry-After": "7"}), httpx.Response(200, json=RESULT)],
               sent, sleeps)
    result = accept(m)
    assert result.version == 4  # type: ignore[attr-defined]
    assert sleeps == [7.0]
    keys = [request.headers["Idempotency-Key"] for request in sent]
    assert len(keys) == 2 and keys[0] == keys[1]
    uuid.UUID(keys[0])
    assert [json.loads(request.content) for request in sent] == [{"version": 3}] * 2


def test_503_without_retry_after_backs_off_exponentially_with_jitter(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []
    m = client([httpx.Response(503), httpx.Response(503), httpx.Response(503),
                httpx.Response(200, json={"items": [], "next_cursor": None})], sent, sleeps)
    assert list(m.pages(list_suggestion_queue)) == []
    assert len(sent) == 4 and len(sleeps) == 3
    for attempt, wait in enumerate(sleeps):
        ceiling = 0.5 * 2 ** attempt
        assert ceiling / 2 <= wait <= ceiling


def test_each_mutating_request_gets_its_own_key_and_reads_none(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []
    m = client([httpx.Response(200, json=RESULT), httpx.Response(200, json=RESULT),
                httpx.Response(200, json={"items": [], "next_cursor": None})], sent, sleeps)
    accept(m)
    accept(m)
    list(m.pages(list_suggestion_queue, overdue=True))
    post_a, post_b, get = sent
    assert post_a.headers["Idempotency-Key"] != post_b.headers["Idempotency-Key"]
    assert "Idempotency-Key" not in get.headers


def test_gives_up_after_the_retries_with_the_status_and_retry_after(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []
    m = client([httpx.Response(429, json=THROTTLED, headers={"Retry-After": "2"}) for _ in range(3)], sent, sleeps,
               retries=2)
    with pytest.raises(ApiError) as refused:
        accept(m)
    assert len(sent) == 3 and sleeps == [2.0, 2.0]
    assert (refused.value.status, refused.value.retry_after, refused.value.code) == (429, 2.0, "too_many_requests")
    assert refused.value.message == THROTTLED["message"]


def test_a_wait_longer_than_the_cap_is_not_waited_but_reported(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []
    m = client([httpx.Response(429, json=THROTTLED, headers={"Retry-After": "3600"})], sent, sleeps)
    with pytest.raises(ApiError) as refused:
        accept(m)
    assert (len(sent), sleeps, refused.value.retry_after) == (1, [], 3600.0)


def test_the_bearer_token_is_asked_for_on_every_request(sleeps: list[float]) -> None:
    tokens = iter(["token-1", "token-2", "token-3"])
    sent: list[httpx.Request] = []
    m = client([httpx.Response(200, json=RESULT), httpx.Response(503, headers={"Retry-After": "0"}),
                httpx.Response(200, json=RESULT)], sent, sleeps, token=lambda: next(tokens))
    accept(m)
    accept(m)
    assert [request.headers["Authorization"] for request in sent] == ["Bearer token-1", "Bearer token-2", "Bearer token-3"]


def test_a_409_surfaces_the_allowed_actions(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []
    m = client([httpx.Response(409, json=NOT_NOW)], sent, sleeps)
    with pytest.raises(Conflict) as conflict:
        accept(m)
    assert conflict.value.allowed_actions == ["close", "reopen"]
    assert conflict.value.current_version is None
    assert conflict.value.details[0]["status"] == "replied" and conflict.value.correlation_id == "c-409-a"
    assert len(sent) == 1 and sleeps == []


def test_act_sends_the_version_it_read_and_never_retries_a_stale_action(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []
    m = client([httpx.Response(200, json=DETAIL), httpx.Response(409, json=STALE)], sent, sleeps)
    with pytest.raises(Conflict) as conflict:
        m.act(get_suggestion, reply_to_suggestion, CASE_ID, ReplyToSuggestionRequest,
              message="已修复。", adoption=Adoption("adopted"))
    assert conflict.value.current_version == 5
    # The stale answer names no actions; those the case allowed when read are the best guide.
    assert conflict.value.allowed_actions == ["assign", "reply", "transfer"]
    read, action = sent
    assert (read.method, read.url.path) == ("GET", f"/suggestions/{CASE_ID}")
    assert json.loads(action.content) == {"version": 3, "message": "已修复。", "adoption": "adopted"}


def test_act_returns_the_result(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []
    m = client([httpx.Response(200, json=DETAIL), httpx.Response(200, json=RESULT)], sent, sleeps)
    result = m.act(get_suggestion, accept_suggestion, CASE_ID, AcceptSuggestionRequest, reason="核实中")
    assert result.version == 4
    assert json.loads(sent[1].content) == {"version": 3, "reason": "核实中"}


def test_pages_follow_next_cursor_keeping_the_filters(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []
    second = {**SUMMARY, "id": "01JF0000000000000000000001", "tracking_no": "SH-2026-000002"}
    m = client([httpx.Response(200, json={"items": [SUMMARY], "next_cursor": "c2"}),
                httpx.Response(200, json={"items": [second], "next_cursor": None})], sent, sleeps)
    cases = m.pages(list_suggestion_queue, overdue=True)
    assert next(cases).id == CASE_ID
    assert len(sent) == 1  # the next page is fetched only when reached
    assert [case.id for case in cases] == [second["id"]]
    assert [dict(request.url.params) for request in sent] == [
        {"overdue": "true", "limit": "20"}, {"overdue": "true", "limit": "20", "cursor": "c2"}]


def test_a_broken_connection_is_retried_for_reads_only(sleeps: list[float]) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        if len(calls) == 1 or request.method == "POST":
            raise httpx.ReadError("connection reset", request=request)
        return httpx.Response(200, json={"items": [], "next_cursor": None})

    m = Mulin("https://api.example", lambda: "t", sleep=sleeps.append, transport=httpx.MockTransport(handler))
    assert list(m.pages(list_suggestion_queue)) == []
    with pytest.raises(httpx.ReadError):
        accept(m)
    assert calls == ["GET", "GET", "POST"] and len(sleeps) == 1


def test_an_answer_that_is_not_the_error_shape_still_gives_an_api_error(sleeps: list[float]) -> None:
    sent: list[httpx.Request] = []
    m = client([httpx.Response(400, text="<html>Bad Gateway</html>")], sent, sleeps)
    with pytest.raises(ApiError) as refused:
        accept(m)
    assert refused.value.status == 400 and "Bad Gateway" in refused.value.message
