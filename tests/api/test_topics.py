"""Topics (议题) through the API: raising, listing, supporting, threaded comments with an edit
window and tombstones, reports, the threshold and the staff's queue, limits and bad input."""

from __future__ import annotations

import json
import uuid

from chalicelib.auth import Principal, Role
from tests.api.helpers import assert_error, get, post, put
from tests.api.topic_helpers import (
    KONGJIANG_COMMITTEE,
    act,
    comment,
    queue,
    raise_topic,
    topic,
    topic_body,
)

ANY_TIME = "2051-03-06T10:00:00"
OTHER_COMMITTEE = "310110012003"


def test_a_topic_is_raised_listed_and_read_with_its_path(client, accounts, at):
    at(ANY_TIME)
    author = accounts["kongjiang_resident"]
    raised = raise_topic(client, author)
    assert raised["status"] == "open" and raised["supports"] == 0 and raised["mine"] is True
    assert [p["step"] for p in raised["path"]] == ["raised"]
    listed = get(client, f"/topics?division={KONGJIANG_COMMITTEE}&limit=100", accounts["kongjiang_neighbour"])
    assert raised["id"] in [t["id"] for t in listed.json_body["items"]]
    seen = topic(client, accounts["kongjiang_neighbour"], raised["id"])
    assert seen["title"] == "楼道加装扶手" and seen["mine"] is False and seen["can_support"] is True
    # Staff of the committee and the street above read it; another committee's staff do not see it.
    topic(client, accounts["street_official"], raised["id"])
    assert_error(get(client, f"/topics/{raised['id']}", accounts["other_committee_staff"]), 404, "not_found")
    assert_error(get(client, f"/topics?division={KONGJIANG_COMMITTEE}", accounts["other_committee_staff"]), 404)


def test_one_support_per_person_and_only_from_the_committee(client, accounts, at):
    at(ANY_TIME)
    raised = raise_topic(client, accounts["kongjiang_resident"])
    first = post(client, f"/topics/{raised['id']}/supports", accounts["kongjiang_neighbour"], {})
    assert first.status_code == 201 and first.json_body["supports"] == 1
    # A second press is refused, not counted: one support per person (409).
    assert_error(post(client, f"/topics/{raised['id']}/supports", accounts["kongjiang_neighbour"], {}), 409)
    assert_error(post(client, f"/topics/{raised['id']}/supports", accounts["other_resident"], {}), 403, "forbidden")
    assert_error(post(client, f"/topics/{raised['id']}/supports", accounts["committee_staff"], {}), 403)
    seen = topic(client, accounts["kongjiang_neighbour"], raised["id"])
    assert seen["supports"] == 1 and seen["supported_by_me"] is True and seen["can_support"] is False


def test_the_threshold_queues_the_topic_with_a_working_day_deadline_until_answered(client, accounts, at):
    at(ANY_TIME)
    staff = accounts["other_committee_staff"]
    setting = put(client, f"/deliberation-settings/{OTHER_COMMITTEE}", staff, {"support_threshold": 2})
    assert setting.status_code == 200 and setting.json_body["effective_threshold"] == 2
    from chalicelib.deliberation import service
    from chalicelib.deliberation.models import TopicSubmission

    neighbours = [Principal(user_id=f"threshold-{uuid.uuid4()}", role=Role.resident, residence=OTHER_COMMITTEE)
                  for _ in range(3)]
    raised = service.raise_topic(neighbours[0], TopicSubmission(**topic_body(division=OTHER_COMMITTEE)), None)
    assert raised.threshold == 2
    assert service.support_topic(neighbours[1], raised.id).queued is False
    assert service.support_topic(neighbours[2], raised.id).queued is True
    entries = [e for e in queue(client, staff, OTHER_COMMITTEE) if e["topic_id"] == raised.id]
    assert [e["kind"] for e in entries] == ["schedule"] and entries[0]["due_at"] > raised.created_at
    answered = act(client, staff, raised.id, "answer", {"text": "已列入物业维修计划，无需议事。"})
    assert answered["status"] == "answered" and answered["answer"].startswith("已列入")
    assert [p["step"] for p in answered["path"]] == ["raised", "supported", "queued", "answered"]
    assert raised.id not in [e["topic_id"] for e in queue(client, staff, OTHER_COMMITTEE)]
    act(client, staff, raised.id, "answer", {"text": "再答一次"}, expect=409)
    put(client, f"/deliberation-settings/{OTHER_COMMITTEE}", staff, {"support_threshold": 10, "household_percent": 2})


def test_comments_thread_one_level_edit_for_fifteen_minutes_and_leave_tombstones(client, accounts, at):
    at("2051-03-06T10:00:00")
    resident, neighbour = accounts["kongjiang_resident"], accounts["kongjiang_neighbour"]
    raised = raise_topic(client, resident)
    top = comment(client, neighbour, raised["id"], "同意，三楼以上尤其需要。")
    reply = comment(client, resident, raised["id"], "谢谢支持。", reply_to=top["id"])
    assert reply["parent_id"] == top["id"]
    deeper = post(client, f"/topics/{raised['id']}/comments", neighbour, {"text": "再回复", "reply_to": reply["id"]})
    assert assert_error(deeper, 422)["details"][0]["field"] == "reply_to"
    unknown = post(client, f"/topics/{raised['id']}/comments", neighbour, {"text": "x", "reply_to": "0" * 26})
    assert_error(unknown, 422)

    at("2051-03-06T10:14:00")
    edited = client.http.patch(f"/topics/{raised['id']}/comments/{top['id']}", body='{"text": "同意。"}',
                               headers={"Content-Type": "application/json", **neighbour.headers})
    assert edited.status_code == 200 and edited.json_body["edited_at"]
    not_mine = client.http.patch(f"/topics/{raised['id']}/comments/{top['id']}", body='{"text": "改"}',
                                 headers={"Content-Type": "application/json", **resident.headers})
    assert_error(not_mine, 403)
    at("2051-03-06T10:16:00")
    late = client.http.patch(f"/topics/{raised['id']}/comments/{top['id']}", body='{"text": "晚了"}',
                             headers={"Content-Type": "application/json", **neighbour.headers})
    assert_error(late, 409)

    deleted = client.http.delete(f"/topics/{raised['id']}/comments/{top['id']}", headers=neighbour.headers)
    assert deleted.status_code == 200 and deleted.json_body["deleted"] is True
    again = client.http.delete(f"/topics/{raised['id']}/comments/{top['id']}", headers=neighbour.headers)
    assert_error(again, 409)
    shown = {c["id"]: c for c in topic(client, resident, raised["id"])["comments"]}
    assert shown[top["id"]]["deleted"] is True and shown[top["id"]]["text"] is None
    assert shown[reply["id"]]["text"] == "谢谢支持。" and shown[reply["id"]]["parent_id"] == top["id"]


def test_reports_take_a_reason_from_the_list_once_per_person(client, accounts, at):
    at(ANY_TIME)
    raised = raise_topic(client, accounts["kongjiang_neighbour"])
    path = f"/topics/{raised['id']}/reports"
    assert_error(post(client, path, accounts["kongjiang_resident"], {"reason": "i_dislike_it"}), 400)
    made = post(client, path, accounts["kongjiang_resident"], {"reason": "false_information", "note": "没有这回事"})
    assert made.status_code == 201 and made.json_body["reason"] == "false_information"
    assert_error(post(client, path, accounts["kongjiang_resident"], {"reason": "spam"}), 409)
    assert_error(post(client, path, accounts["kongjiang_neighbour"], {"reason": "spam"}), 422)  # one's own post
    entries = [e for e in queue(client, accounts["committee_staff"], KONGJIANG_COMMITTEE) if e["topic_id"] == raised["id"]]
    assert [(e["kind"], e["reason"]) for e in entries] == [("report", "false_information")]


def test_bad_input_is_refused_and_changes_nothing(client, accounts, at):
    at(ANY_TIME)
    resident = accounts["kongjiang_resident"]
    before = get(client, f"/topics?division={KONGJIANG_COMMITTEE}&limit=100", resident).json_body["items"]
    for bad in (topic_body(title=""), topic_body(title="　"), topic_body(title="长" * 101),
                topic_body(division="31011001200"), topic_body(extra=1), {"division": KONGJIANG_COMMITTEE}):
        assert_error(post(client, "/topics", resident, bad), 400)
    assert_error(post(client, "/topics", resident, topic_body(division=OTHER_COMMITTEE)), 403)
    assert_error(post(client, "/topics", resident, b"{not json"), 400)
    assert get(client, f"/topics?division={KONGJIANG_COMMITTEE}&limit=100", resident).json_body["items"] == before
    assert_error(get(client, "/topics/01J0000000000000000000000Z", resident), 404)
    assert_error(post(client, "/topics/01J0000000000000000000000Z/supports", resident, {}), 404)
    assert_error(get(client, "/topics", resident), 400)
    raised = raise_topic(client, resident)
    assert_error(post(client, f"/topics/{raised['id']}/comments", resident, {"text": ""}), 400)
    assert_error(post(client, f"/review/topics/{raised['id']}/promote", accounts["committee_staff"], {}), 400)
    assert_error(post(client, f"/review/topics/{raised['id']}/hide", accounts["committee_staff"], {}), 400)
    assert_error(put(client, f"/deliberation-settings/{KONGJIANG_COMMITTEE}", accounts["committee_staff"],
                     {"support_threshold": 0}), 400)
    assert topic(client, resident, raised["id"])["comments"] == []


def test_a_resident_raises_five_topics_a_day(real_limits, accounts, at):
    at("2051-04-09T09:00:00")
    resident = accounts["kongjiang_neighbour"]
    for _ in range(5):
        raise_topic(real_limits, resident)
    refused = post(real_limits, "/topics", resident, topic_body())
    assert_error(refused, 429)
    assert refused.headers["Retry-After"]


def test_the_demo_topic_is_queued_with_its_comments(api_env, at):
    from chalicelib.deliberation import repository
    from local_stack.demo_topics import NEIGHBOURS, add_demo_topics
    from local_stack.provision import DemoUser

    at("2051-05-06T10:00:00")
    users = [DemoUser("+8613800000001", "x", "resident", None, f"demo-resident-{uuid.uuid4()}"),
             DemoUser("+8613800000002", "x", "committee_staff", KONGJIANG_COMMITTEE, "demo-staff")]
    whole = repository.read_whole(add_demo_topics(users))
    assert whole.topic.supports == NEIGHBOURS and whole.topic.status == "queued"
    assert len(whole.comments) == 3 and sum(1 for c in whole.comments if c.parent_id) == 1


def test_the_author_may_not_support_their_own_topic(client, accounts, at):
    at(ANY_TIME)
    author = accounts["kongjiang_resident"]
    raised = raise_topic(client, author)
    assert topic(client, author, raised["id"])["can_support"] is False
    refused = assert_error(post(client, f"/topics/{raised['id']}/supports", author, {}), 403, "forbidden")
    assert "neighbours" in refused["message"] and "其他居民" in refused["message"]
    seen = topic(client, author, raised["id"])
    assert seen["supports"] == 0 and seen["supported_by_me"] is False
    assert topic(client, accounts["kongjiang_neighbour"], raised["id"])["can_support"] is True


def test_a_topics_photos_come_with_links_a_browser_can_open(client, accounts, at, stack):
    import requests

    from tests.api.test_round_photos import upload_png

    at(ANY_TIME)
    author = accounts["kongjiang_resident"]
    key, png = upload_png(client, author)
    raised = raise_topic(client, author, photos=[key])
    for reader in (author, accounts["kongjiang_neighbour"], accounts["committee_staff"]):
        seen = topic(client, reader, raised["id"])
        assert len(seen["photos"]) == len(seen["photo_urls"]) == 1
        link = seen["photo_urls"][0]
        assert link.startswith(stack.aws_endpoint_url) and "Signature" in link
        assert "uploads/" not in link.split("?")[0]
        shown = requests.get(link, timeout=10)
        assert shown.status_code == 200 and shown.content == png


def _edit(client, account, topic_id: str, comment_id: str, text: str):
    return client.http.patch(f"/topics/{topic_id}/comments/{comment_id}", body=json.dumps({"text": text}),
                             headers={"Content-Type": "application/json", **account.headers})


def test_comments_stand_still_once_their_topic_is_hidden_or_answered(client, accounts, at, monkeypatch):
    at("2051-03-07T10:00:00")
    author, neighbour, staff = accounts["kongjiang_resident"], accounts["kongjiang_neighbour"], accounts["committee_staff"]
    hidden, answered = raise_topic(client, author), raise_topic(client, author, title="垃圾箱房除臭")
    said = {t["id"]: comment(client, neighbour, t["id"], "同意。") for t in (hidden, answered)}
    act(client, staff, hidden["id"], "hide", {"reason": "含他人门牌号"})
    act(client, staff, answered["id"], "answer", {"text": "已列入物业维修计划。"})
    at("2051-03-07T10:05:00")  # well within the edit window
    for topic_id, own in said.items():
        assert_error(_edit(client, neighbour, topic_id, own["id"], "改一下"), 409)
        assert_error(post(client, f"/topics/{topic_id}/comments", neighbour, {"text": "再说一句"}), 409)
        seen = topic(client, neighbour, topic_id)
        assert seen["can_comment"] is False
        assert [(c["text"], c["editable_until"]) for c in seen["comments"]] == [("同意。", None)]
    # Hidden or answered between the read and the write: the write's own condition refuses it.
    from chalicelib.deliberation import comments

    monkeypatch.setattr(comments, "require_takes_comments", lambda topic: None)
    for topic_id, own in said.items():
        assert_error(_edit(client, neighbour, topic_id, own["id"], "改一下"), 409)
        assert_error(post(client, f"/topics/{topic_id}/comments", neighbour, {"text": "再说一句"}), 409)
        assert [c["text"] for c in topic(client, neighbour, topic_id)["comments"]] == ["同意。"]
    # Withdrawing one's words stays the author's.
    gone = client.http.delete(f"/topics/{hidden['id']}/comments/{said[hidden['id']]['id']}", headers=neighbour.headers)
    assert gone.status_code == 200 and gone.json_body["deleted"] is True
