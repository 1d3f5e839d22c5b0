"""Moderation of topics: what others see of a hidden post (only the reason, in place), what
its author sees, the one appeal that reaches the street, the audit trail of every step, the
scrubber masking numbers for everyone but the author, and a month's publication that prints
nothing of a hidden post."""

from __future__ import annotations

import json

from chalicelib.storage import dynamo
from tests.api.helpers import assert_error, get, post
from tests.api.topic_helpers import KONGJIANG_COMMITTEE, KONGJIANG_STREET, act, comment, queue, raise_topic, topic

MONTH = "2052-04"
DURING = "2052-04-10T10:00:00"
PHONE, ID_NUMBER = "13912345678", "110101199003071234"
SECRET = "秘密楼栋名单"


def _listed(client, account) -> dict[str, dict]:
    page = get(client, f"/topics?division={KONGJIANG_COMMITTEE}&limit=100", account).json_body["items"]
    return {t["id"]: t for t in page}


def _audit(topic_id: str) -> list[str]:
    """The topic's audit events by action (the tests' clock stands still, so not by time)."""
    items, _ = dynamo.query_page(key_condition="PK = :pk", values={":pk": f"AUDIT#topic#{topic_id}"}, limit=100)
    return sorted(i["action"] for i in items)


def test_the_scrubber_masks_numbers_for_everyone_but_the_author(client, accounts, at):
    at(DURING)
    author, neighbour = accounts["kongjiang_resident"], accounts["kongjiang_neighbour"]
    raised = raise_topic(client, author, background=f"联系我 {PHONE}，身份证 {ID_NUMBER}。")
    said = comment(client, neighbour, raised["id"], f"我的电话 {PHONE}")
    assert PHONE in topic(client, author, raised["id"])["background"]
    for reader in (neighbour, accounts["other_resident"], accounts["committee_staff"], accounts["street_official"]):
        seen = topic(client, reader, raised["id"])
        assert PHONE not in seen["background"] and ID_NUMBER not in seen["background"]
        assert PHONE not in json.dumps(seen, ensure_ascii=False) if reader is not neighbour else True
    by_author = {c["id"]: c for c in topic(client, neighbour, raised["id"])["comments"]}
    assert PHONE in by_author[said["id"]]["text"]
    by_other = {c["id"]: c for c in topic(client, author, raised["id"])["comments"]}
    assert PHONE not in by_other[said["id"]]["text"]


def test_a_hidden_comment_shows_its_reason_to_others_and_its_text_to_its_author(client, accounts, at):
    at(DURING)
    author, neighbour, staff = accounts["kongjiang_resident"], accounts["kongjiang_neighbour"], accounts["committee_staff"]
    raised = raise_topic(client, author)
    rude = comment(client, neighbour, raised["id"], f"{SECRET}：三号楼")
    assert post(client, f"/topics/{raised['id']}/reports", author, {"reason": "personal_data",
                                                                   "comment_id": rude["id"]}).status_code == 201
    assert [e["kind"] for e in queue(client, staff, KONGJIANG_COMMITTEE) if e["topic_id"] == raised["id"]] == ["report"]
    act(client, staff, raised["id"], "hide", {"comment_id": rude["id"], "reason": "含他人隐私"})
    assert [e for e in queue(client, staff, KONGJIANG_COMMITTEE) if e["topic_id"] == raised["id"]] == []
    for other in (author, accounts["other_resident"]):
        seen = topic(client, other, raised["id"])
        shown = {c["id"]: c for c in seen["comments"]}[rude["id"]]
        assert shown["text"] is None and shown["hidden"]["reason"] == "含他人隐私"
        assert SECRET not in json.dumps(seen, ensure_ascii=False)
    own = {c["id"]: c for c in topic(client, neighbour, raised["id"])["comments"]}[rude["id"]]
    assert own["text"].startswith(SECRET) and own["hidden"]["reason"] == "含他人隐私"
    assert own["editable_until"] is None
    assert _audit(raised["id"]) == ["hide", "report"]


def test_a_hidden_topic_vanishes_from_others_and_its_appeal_reaches_the_street_once(client, accounts, at, s3, stack):
    at(DURING)
    author, staff, street = accounts["kongjiang_resident"], accounts["committee_staff"], accounts["street_official"]
    raised = raise_topic(client, author, title=f"{SECRET}公示", proposal=f"{SECRET}全部公开")
    act(client, staff, raised["id"], "hide", {"reason": "涉及他人隐私"})
    for other in (accounts["kongjiang_neighbour"], accounts["other_resident"]):
        listed = _listed(client, other)[raised["id"]]
        assert listed["title"] is None and listed["hidden"]["reason"] == "涉及他人隐私"
        seen = topic(client, other, raised["id"])
        assert SECRET not in json.dumps(seen, ensure_ascii=False) and seen["can_comment"] is False
        assert SECRET not in json.dumps(_listed(client, other), ensure_ascii=False)
    mine = topic(client, author, raised["id"])
    assert mine["title"].startswith(SECRET) and mine["hidden"]["appealed"] is False
    assert_error(post(client, f"/topics/{raised['id']}/supports", accounts["kongjiang_neighbour"], {}), 409)

    path = f"/topics/{raised['id']}/appeals"
    assert_error(post(client, path, accounts["kongjiang_neighbour"], {"text": "帮他申诉"}), 403)
    appealed = post(client, path, author, {"text": "名单是公开信息。"})
    assert appealed.status_code == 201 and appealed.json_body["street"] == KONGJIANG_STREET
    assert_error(post(client, path, author, {"text": "再申诉一次"}), 409)
    street_queue = [e for e in queue(client, street, KONGJIANG_STREET) if e["topic_id"] == raised["id"]]
    assert [e["kind"] for e in street_queue] == ["appeal"] and street_queue[0]["due_at"]
    assert [e for e in queue(client, staff, KONGJIANG_COMMITTEE) if e["topic_id"] == raised["id"]] == []
    # The committee that hid it does not decide the appeal.
    act(client, staff, raised["id"], "restore", {}, expect=403)
    act(client, staff, raised["id"], "reject_appeal", {"reason": "维持"}, expect=403)
    decided = act(client, street, raised["id"], "reject_appeal", {"reason": "名单含门牌号，维持隐藏。"})
    assert decided["hidden"]["appeal_rejected"] is True
    assert [e for e in queue(client, street, KONGJIANG_STREET) if e["topic_id"] == raised["id"]] == []
    assert _audit(raised["id"]) == ["appeal", "hide", "reject_appeal"]

    # The month's publication prints nothing of topics, hidden or not.
    from chalicelib.publishing.service import publish

    at("2052-05-02T10:00:00")
    publish(MONTH)
    listed = s3.list_objects_v2(Bucket=stack.public_bucket, Prefix=f"summaries/{MONTH}/")["Contents"]
    assert listed
    for item in listed:
        body = s3.get_object(Bucket=stack.public_bucket, Key=item["Key"])["Body"].read().decode("utf-8", "replace")
        assert SECRET not in body


def test_an_upheld_appeal_shows_the_post_again(client, accounts, at):
    at(DURING)
    author, staff, street = accounts["kongjiang_resident"], accounts["committee_staff"], accounts["street_official"]
    raised = raise_topic(client, author)
    said = comment(client, author, raised["id"], "楼下可以放一个议事角。")
    act(client, staff, raised["id"], "hide", {"comment_id": said["id"], "reason": "广告"})
    assert post(client, f"/topics/{raised['id']}/appeals", author,
                {"comment_id": said["id"], "text": "不是广告。"}).status_code == 201
    restored = act(client, street, raised["id"], "restore", {"comment_id": said["id"], "reason": "申诉成立"})
    shown = {c["id"]: c for c in restored["comments"]}[said["id"]]
    assert shown["hidden"] is None and shown["text"] == "楼下可以放一个议事角。"
    assert {c["id"]: c for c in topic(client, accounts["other_resident"], raised["id"])["comments"]}[said["id"]]["text"]
    assert _audit(raised["id"]) == ["appeal", "hide", "restore"]


def test_an_appeal_is_decided_once_and_a_restore_racing_it_leaves_it_to_the_street(client, accounts, at,
                                                                                     monkeypatch):
    from chalicelib.deliberation import moderation

    at(DURING)
    author, staff, street = accounts["kongjiang_resident"], accounts["committee_staff"], accounts["street_official"]
    raised = raise_topic(client, author)
    act(client, staff, raised["id"], "hide", {"reason": "广告"})
    # The author appeals after the committee read the post: its restore would leave the appeal
    # pending on a post shown again, so the write refuses it.
    pending = moderation._appeal_pending
    monkeypatch.setattr(moderation, "_appeal_pending", lambda topic_id, target: None)
    assert post(client, f"/topics/{raised['id']}/appeals", author, {"text": "不是广告。"}).status_code == 201
    act(client, staff, raised["id"], "restore", {}, expect=409)
    assert topic(client, accounts["kongjiang_neighbour"], raised["id"])["hidden"] is not None
    assert [e["kind"] for e in queue(client, street, KONGJIANG_STREET) if e["topic_id"] == raised["id"]] == ["appeal"]

    # Two street officials decide the same appeal at once: the second, on its stale read, is refused.
    monkeypatch.setattr(moderation, "_appeal_pending", pending)
    stale = pending(raised["id"], "TOPIC")
    act(client, street, raised["id"], "reject_appeal", {"reason": "维持隐藏。"})
    monkeypatch.setattr(moderation, "_appeal_pending", lambda topic_id, target: stale)
    act(client, street, raised["id"], "reject_appeal", {"reason": "再次维持。"}, expect=409)
    act(client, street, raised["id"], "restore", {"reason": "申诉成立"}, expect=409)
    assert _audit(raised["id"]) == ["appeal", "hide", "reject_appeal"]
    assert topic(client, author, raised["id"])["hidden"]["appeal_rejected"] is True


def _comment_actions(client, account, topic_id: str, comment_id: str) -> list[str]:
    return {c["id"]: c for c in topic(client, account, topic_id)["comments"]}[comment_id]["allowed_actions"]


def _report_actions(client, account, division: str, topic_id: str) -> list[list[str]]:
    return [e["allowed_actions"] for e in queue(client, account, division)
            if e["topic_id"] == topic_id and e["kind"] == "report"]


def test_a_comment_and_its_report_offer_what_the_comment_allows_in_each_state(client, accounts, at, monkeypatch):
    from chalicelib.deliberation import moderation

    at(DURING)
    author, neighbour = accounts["kongjiang_resident"], accounts["kongjiang_neighbour"]
    staff, street = accounts["committee_staff"], accounts["street_official"]
    raised = raise_topic(client, author)
    said = comment(client, neighbour, raised["id"], "楼下可以放一个议事角。")
    tid, cid = raised["id"], said["id"]

    def offered() -> tuple[list[str], list[str], list[list[str]]]:
        return (_comment_actions(client, staff, tid, cid), _comment_actions(client, street, tid, cid),
                _report_actions(client, staff, KONGJIANG_COMMITTEE, tid))

    # Shown: hidden; a reported one may also be kept, its reports dismissed. Residents moderate nothing.
    assert offered() == (["hide"], ["hide"], [])
    assert _comment_actions(client, author, tid, cid) == _comment_actions(client, neighbour, tid, cid) == []
    assert post(client, f"/topics/{tid}/reports", author, {"reason": "spam", "comment_id": cid}).status_code == 201
    assert offered() == (["hide"], ["hide"], [["hide", "restore"]])

    # Hidden (its report left open, as a report racing the hiding leaves it): restore, not hide.
    monkeypatch.setattr(moderation, "_settle_reports", lambda topic_id, target, outcome: [])
    act(client, staff, tid, "hide", {"comment_id": cid, "reason": "广告"})
    monkeypatch.undo()
    assert offered() == (["restore"], ["restore"], [["restore"]])
    act(client, staff, tid, "hide", {"comment_id": cid, "reason": "广告"}, expect=409)

    # Appealed: the street's alone, to restore or to reject.
    assert post(client, f"/topics/{tid}/appeals", neighbour, {"comment_id": cid, "text": "不是广告。"}).status_code == 201
    assert offered() == ([], ["restore", "reject_appeal"], [[]])
    assert [e["allowed_actions"] for e in queue(client, street, KONGJIANG_STREET)
            if e["topic_id"] == tid and e["kind"] == "appeal"] == [["restore", "reject_appeal"]]
    act(client, staff, tid, "restore", {"comment_id": cid}, expect=403)

    # Upheld on appeal: shown again, and only the street hides it; the committee may still keep it.
    act(client, street, tid, "restore", {"comment_id": cid, "reason": "申诉成立"})
    assert offered() == ([], ["hide"], [["restore"]])
    act(client, staff, tid, "hide", {"comment_id": cid, "reason": "广告"}, expect=403)

    # The author's tombstone: nothing, for anyone.
    assert client.http.delete(f"/topics/{tid}/comments/{cid}", headers=neighbour.headers).status_code == 200
    assert offered() == ([], [], [[]])
    act(client, staff, tid, "restore", {"comment_id": cid}, expect=409)
