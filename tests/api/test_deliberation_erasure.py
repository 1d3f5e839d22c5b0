"""Erasing a resident who took part in deliberation: their topic, supports, comments, report,
appeal and meeting registration keep what others rely on (counts, the topic's scrubbed text,
the street's decision) and lose who they were. Read back by Query on the partitions, never Scan."""

from __future__ import annotations

import json

from chalicelib.auth import person_key
from tests.api.helpers import post
from tests.api.meeting_helpers import act as act_on_meeting
from tests.api.meeting_helpers import meeting, schedule
from tests.api.test_personal_data import delete, new_resident
from tests.api.topic_helpers import act, comment, raise_topic, topic

ANY_TIME = "2051-03-06T10:00:00"


def partition(pk: str) -> list[dict]:
    from chalicelib.storage import dynamo

    items, start = [], None
    while True:
        page, start = dynamo.query_page(key_condition="PK = :pk", values={":pk": pk}, limit=200, start_key=start,
                                        consistent=True)
        items += page
        if not start:
            return items


def holding(items: list[dict], *needles: str) -> list[dict]:
    return [i for i in items if any(n in json.dumps(i, ensure_ascii=False, default=str) for n in needles)]


def test_erasure_takes_the_person_out_of_topics_and_meetings(client, accounts, at):
    at(ANY_TIME)
    resident, neighbour, staff = new_resident(), accounts["kongjiang_neighbour"], accounts["committee_staff"]
    person = person_key(resident.user_id)
    mine = raise_topic(client, resident, title="楼道扶手", background="请联系13812345678商量。")
    post(client, f"/topics/{mine['id']}/supports", neighbour, {})
    own_comment = comment(client, resident, mine["id"], "我家在3号楼。")
    act(client, staff, mine["id"], "hide", {"comment_id": own_comment["id"], "reason": "含有住址信息"})
    appealed = post(client, f"/topics/{mine['id']}/appeals", resident,
                    {"comment_id": own_comment["id"], "text": "只是楼号，不是门牌。"})
    assert appealed.status_code in (200, 201), appealed.body

    theirs = raise_topic(client, neighbour, title="加装充电桩")
    assert post(client, f"/topics/{theirs['id']}/supports", resident, {}).status_code == 201
    comment(client, resident, theirs["id"], "同意，周末可以帮忙。")
    neighbours_comment = comment(client, neighbour, theirs["id"], "谢谢。")
    reported = post(client, f"/topics/{theirs['id']}/reports", resident,
                    {"reason": "off_topic", "comment_id": neighbours_comment["id"], "note": "我是举报人"})
    assert reported.status_code in (200, 201), reported.body
    created = schedule(client, staff, [theirs["id"]])
    act_on_meeting(client, resident, created["id"], "register", {"name": "王阿姨"})

    receipt = delete(client, resident)
    assert receipt.status_code == 200, receipt.body
    erased = receipt.json_body["erased"]
    assert (erased["topics_anonymised"], erased["supports_anonymised"], erased["comments_erased"],
            erased["reports_anonymised"], erased["appeals_anonymised"], erased["registrations_erased"]) == (
        1, 1, 2, 1, 1, 1)

    items = [*partition(f"TOPIC#{mine['id']}"), *partition(f"TOPIC#{theirs['id']}"),
             *partition(f"MEETING#{created['id']}"), *partition(f"AUDIT#topic#{mine['id']}"),
             *partition(f"AUDIT#topic#{theirs['id']}")]
    assert items and holding(items, person, resident.user_id, resident.phone, resident.phone[-8:], "王阿姨") == []
    assert holding(items, "我家在3号楼", "只是楼号", "我是举报人", "同意，周末") == []
    assert partition(f"TRACE#{person}") == []

    # What others rely on stays: counts, the topic's text (scrubbed), the registration among the registered.
    seen = topic(client, neighbour, theirs["id"])
    assert seen["supports"] == 1
    raised = topic(client, neighbour, mine["id"])
    assert raised["title"] == "楼道扶手" and "13812345678" not in json.dumps(raised, ensure_ascii=False)
    assert raised["supports"] == 1 and raised["mine"] is False
    assert meeting(client, staff, created["id"])["registered"] == 1
    # A repeat finds nothing of theirs left and changes no count.
    assert delete(client, resident).json_body["erased"] == erased
