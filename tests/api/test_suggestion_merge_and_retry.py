"""Merged cases share one reply; a retried submission is one case."""

from __future__ import annotations

import uuid

from tests.api.fund_helpers import all_pages
from tests.api.suggestion_helpers import act, detail, get, post, submit, suggestion


def test_a_merged_case_receives_the_primary_reply_and_each_submitter_rates_it(client, accounts):
    first, second = accounts["resident"], accounts["other_resident"]
    street = accounts["street_official"]
    primary = submit(client, first)["id"]
    duplicate = submit(client, second, title="控江路盲道缺失")["id"]

    act(client, street, primary, "accept")
    merged = act(client, street, duplicate, "merge", {"into": primary, "reason": "同一路段同一问题"})
    assert merged["status"] == "merged"
    assert act(client, street, duplicate, "accept", expect=409)["details"][0]["allowed_actions"] == []

    act(client, street, primary, "reply", {"message": "已排入下月施工计划。", "adoption": "partly_adopted",
                                             "reason": "占道清理需由城管执法中队处理"})

    seen_by_second = detail(client, second, duplicate)
    assert seen_by_second["status"] == "merged" and seen_by_second["merged_into"] == primary
    assert seen_by_second["primary"]["reply"]["message"] == "已排入下月施工计划。"
    assert seen_by_second["primary"]["can_rate"] is True
    # The second resident may open the primary case itself too (a reply notice names it): they are
    # shown their own case answered through it, and may rate there or through their own.
    opened = detail(client, second, primary)
    assert opened["id"] == duplicate and opened["primary"]["reply"]["adoption"] == "partly_adopted"

    assert post(client, f"/suggestions/{duplicate}/rating", second, {"score": 4}).status_code == 201
    assert post(client, f"/suggestions/{primary}/rating", first, {"score": 5}).status_code == 201
    again = post(client, f"/suggestions/{primary}/rating", second, {"score": 3})
    assert again.status_code == 409 and again.json_body["code"] == "already_rated"

    rating = detail(client, street, primary)["rating"]
    assert rating == {"count": 2, "mean": 4.5}

    def told_of_reply(account, case_id):
        inbox = all_pages(client, "/notifications/mine?limit=100", account)
        return any(n["event"] == "reply" and n["subject_id"] == case_id for n in inbox)

    assert told_of_reply(first, primary) and told_of_reply(second, primary)


def test_a_co_submitter_sees_the_answer_of_the_case_theirs_joined_but_never_its_words_place_or_photos(
        client, accounts):
    first, second = accounts["resident"], accounts["other_resident"]
    street = accounts["street_official"]
    words, place = "我家住在12号楼，楼下垃圾桶太臭了，王阿姨家门口尤其严重。", "长白新村12号楼门口"
    primary = submit(client, first, title="长白新村垃圾桶需要清洗", content=words, location=place)
    duplicate = submit(client, second, title="垃圾桶臭", content="小区垃圾桶臭味大。")["id"]
    act(client, street, primary["id"], "accept")
    act(client, street, duplicate, "merge", {"into": primary["id"], "reason": "同一问题"})
    act(client, street, primary["id"], "reply", {"message": "已安排每周清洗两次。", "adoption": "adopted"})
    answered = detail(client, first, primary["id"])

    for opened in (primary["id"], primary["tracking_no"], duplicate):
        seen = detail(client, second, opened)
        assert seen["id"] == duplicate and seen["merged_into"] == primary["id"]
        shown = seen["primary"]
        assert shown["id"] == primary["id"] and shown["tracking_no"] == primary["tracking_no"]
        assert shown["status"] == answered["status"] and shown["deadlines"] == answered["deadlines"]
        assert shown["reply"] == answered["reply"] and shown["reply"]["message"] == "已安排每周清洗两次。"
        assert shown["reply"]["rate_by"] and shown["can_rate"] is True
        assert not {"title", "content", "location", "photos", "submitter_phone_masked", "timeline",
                    "merged_cases", "rating"} & set(shown)
        text = str(seen)
        assert words not in text and place not in text and "长白新村垃圾桶需要清洗" not in text
        assert "王阿姨" not in text and "12号楼" not in text

    # The submitter of the primary case still sees all of their own case.
    assert answered["content"] == words and answered["location"] == place and answered["primary"] is None
    # An official of the case sees the merged case's main case the same way beside it, and all
    # of it by opening it.
    beside = detail(client, street, duplicate)["primary"]
    assert beside["reply"] == answered["reply"] and "content" not in beside
    assert detail(client, street, primary["id"])["content"] == words


def test_a_retried_submission_is_one_case_and_a_reused_key_with_another_body_is_refused(client, accounts):
    resident = accounts["resident"]
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = suggestion(title="长白新村菜场门口需要非机动车停放点")
    first = post(client, "/suggestions", resident, body, key)
    retry = post(client, "/suggestions", resident, body, key)
    assert first.status_code == 201 and retry.status_code == 201
    assert retry.json_body == first.json_body

    other = post(client, "/suggestions", resident, {**body, "content": "另一件事情"}, key)
    assert other.status_code == 409 and other.json_body["code"] == "idempotency_key_reused"

    mine = get(client, "/suggestions/mine?limit=100", resident).json_body["items"]
    assert [c["id"] for c in mine].count(first.json_body["id"]) == 1
    assert sum(1 for c in mine if c["title"] == body["title"]) == 1


def test_the_same_key_from_another_resident_is_their_own(client, accounts):
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = suggestion()
    mine = post(client, "/suggestions", accounts["resident"], body, key).json_body
    theirs = post(client, "/suggestions", accounts["other_resident"], body, key).json_body
    assert mine["id"] != theirs["id"]


def test_a_malformed_idempotency_key_is_refused(client, accounts):
    response = post(client, "/suggestions", accounts["resident"], suggestion(), {"Idempotency-Key": "short"})
    assert response.status_code == 400
    assert set(response.json_body) == {"code", "message", "details", "correlation_id"}


def test_photos_uploaded_with_the_form_are_kept_with_the_case(client, accounts, stack):
    import boto3
    import requests

    from tests.api.test_uploads_api import tiny_png

    resident = accounts["resident"]
    png = tiny_png()
    keys = []
    for _ in range(2):
        form = post(client, "/uploads/photos", resident, {"content_type": "image/png", "size_bytes": len(png)}).json_body
        uploaded = requests.post(form["url"], data=form["fields"], files={"file": ("p.png", png, "image/png")}, timeout=10)
        assert uploaded.status_code in (200, 201, 204)
        keys.append(form["key"])

    case = detail(client, resident, submit(client, resident, photos=keys)["id"])
    assert case["photos"] == [f"attached/suggestions/{case['id']}/1.png", f"attached/suggestions/{case['id']}/2.png"]
    s3 = boto3.client("s3", endpoint_url=stack.aws_endpoint_url, region_name=stack.region,
                      aws_access_key_id="testing", aws_secret_access_key="testing")
    stored = s3.get_object(Bucket=stack.attachments_bucket, Key=case["photos"][0])
    assert stored["Body"].read() == png and stored["ContentType"] == "image/png"

    # Another resident cannot cite those uploads.
    refused = post(client, "/suggestions", accounts["other_resident"], suggestion(photos=keys))
    assert refused.status_code == 422
