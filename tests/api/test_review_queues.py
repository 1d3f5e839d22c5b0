"""GET /review/funds, /review/rounds and /review/summary: each official's work across their
jurisdiction, nobody else's, and what is new, due soon or overdue in it.

The session shares one table, so other tests' applications, cases and rounds sit in the same
queues: lists are checked for the records made here, and counts as the difference the
records made here make at one and the same clock time.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.fund_helpers import COMMITTEE, act, all_pages, create_pool, new_application
from tests.api.helpers import assert_error, get, post
from tests.api.suggestion_helpers import act as act_on_case
from tests.api.suggestion_helpers import submit
from tests.api.test_round_lifecycle import SCHEDULE, new_round

YEAR = 2057  # a pool year no other test uses
OTHER_DISTRICT_COMMITTEE = "310101002001"
ROUND_YEAR_SCHEDULE = {phase: {edge: moment.replace("2027-", "2058-") for edge, moment in window.items()}
                       for phase, window in SCHEDULE.items()}
OFFICIALS = ("committee_staff", "other_committee_staff", "street_official", "neighbour_street_official",
             "foreign_street_official", "district_admin", "foreign_district_admin", "platform_admin")


def ids(client, account, path: str) -> set[str]:
    return {item["id"] for item in all_pages(client, path, account)}


def queue_counts(client, account, queue: str) -> dict[str, int]:
    response = get(client, "/review/summary", account)
    assert response.status_code == 200, response.body
    (found,) = [q for q in response.json_body["queues"] if q["queue"] == queue]
    return {key: found[key] for key in ("new", "due_soon", "overdue")}


def gained(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {key: after[key] - before[key] for key in before}


@pytest.fixture(scope="module")
def pool_ready():
    return {"created": False}


def submitted(client, accounts, at, pool_ready, when: str, team: str) -> dict[str, Any]:
    if not pool_ready["created"]:
        at(f"{YEAR}-01-05T09:00:00")
        create_pool(client, accounts["street_official"], YEAR, 50_000_000)
        pool_ready["created"] = True
    at(when)
    resident = accounts["kongjiang_resident"]
    created = new_application(client, resident, YEAR, team=team)
    return act(client, resident, created["id"], "submit", created["version"])


def test_each_level_sees_its_own_steps_and_nobody_else_does(client, accounts, at, pool_ready):
    application = submitted(client, accounts, at, pool_ready, f"{YEAR}-03-02T10:00:00", "楼组读书会")
    seen = {name: application["id"] in ids(client, accounts[name], "/review/funds") for name in OFFICIALS}
    assert seen == {**dict.fromkeys(OFFICIALS, False), "committee_staff": True}

    in_notice = act(client, accounts["committee_staff"], application["id"], "recommend", application["version"])
    at(f"{YEAR}-03-05T10:00:00")  # the notice runs: nobody owes it anything yet
    assert not any(application["id"] in ids(client, accounts[name], "/review/funds") for name in OFFICIALS)

    at(f"{YEAR}-03-20T10:00:00")  # the notice ended: the street decides
    seen = {name: application["id"] in ids(client, accounts[name], "/review/funds") for name in OFFICIALS}
    assert seen == {**dict.fromkeys(OFFICIALS, False), "street_official": True, "district_admin": True,
                    "platform_admin": True}
    (item,) = [i for i in all_pages(client, "/review/funds", accounts["street_official"]) if i["id"] == application["id"]]
    assert item["status"] == "in_notice" and item["version"] == in_notice["version"]
    assert item["waiting_since"] == in_notice["notice_ends_at"]
    assert {"approve", "reject"} <= set(item["allowed_actions"])

    approved = act(client, accounts["street_official"], application["id"], "approve", in_notice["version"])
    assert application["id"] in ids(client, accounts["street_official"], "/review/funds?status=approved")
    assert application["id"] not in ids(client, accounts["street_official"], "/review/funds?status=in_notice")
    act(client, accounts["street_official"], application["id"], "cancel", approved["version"], reason="团队解散。")
    assert application["id"] not in ids(client, accounts["street_official"], "/review/funds")


def test_an_objection_puts_the_notice_in_the_committees_queue(client, accounts, at, pool_ready):
    application = submitted(client, accounts, at, pool_ready, f"{YEAR}-04-01T10:00:00", "广场舞队")
    act(client, accounts["committee_staff"], application["id"], "recommend", application["version"])
    at(f"{YEAR}-04-03T10:00:00")
    filed = post(client, f"/funds/applications/{application['id']}/objections", accounts["kongjiang_neighbour"],
                 {"reason": "场地安排与楼组活动冲突。"})
    assert filed.status_code == 201, filed.body
    (item,) = [i for i in all_pages(client, "/review/funds", accounts["committee_staff"]) if i["id"] == application["id"]]
    assert item["open_objections"] == 1 and "answer_objection" in item["allowed_actions"]
    assert application["id"] not in ids(client, accounts["street_official"], "/review/funds")


def test_the_committee_filter_stays_inside_the_jurisdiction(client, accounts, at, pool_ready):
    application = submitted(client, accounts, at, pool_ready, f"{YEAR}-05-06T10:00:00", "编织小组")
    staff = accounts["committee_staff"]
    assert application["id"] in ids(client, staff, f"/review/funds?committee={COMMITTEE}")
    assert_error(get(client, "/review/funds?committee=310110012003", staff), 404)
    assert_error(get(client, f"/review/funds?committee={OTHER_DISTRICT_COMMITTEE}", accounts["street_official"]), 404)
    assert_error(get(client, "/review/funds?committee=3101", staff), 400)
    assert_error(get(client, "/review/funds?status=pending", staff), 400)


def test_pages_list_every_step_once_and_a_cursor_is_bound_to_its_query(client, accounts, at, pool_ready):
    made = {submitted(client, accounts, at, pool_ready, f"{YEAR}-05-1{n}T10:00:00", f"志愿队{n}")["id"] for n in range(3)}
    staff = accounts["committee_staff"]
    listed = [item["id"] for item in all_pages(client, "/review/funds?limit=1", staff)]
    assert len(listed) == len(set(listed)) and made <= set(listed)
    first = get(client, "/review/funds?limit=1", staff).json_body
    assert first["next_cursor"]
    assert_error(get(client, f"/review/funds?limit=1&status=submitted&cursor={first['next_cursor']}", staff), 400)


@pytest.mark.parametrize("path", ["/review/funds", "/review/rounds", "/review/summary"])
def test_residents_may_not(client, accounts, path):
    assert_error(get(client, path, accounts["kongjiang_resident"]), 403)
    assert get(client, path).status_code == 401  # the gateway's refusal


def test_rounds_of_the_jurisdiction_and_below(client, accounts, at):
    at("2058-02-20T10:00:00")
    committee_round = new_round(client, accounts["committee_staff"], schedule=ROUND_YEAR_SCHEDULE)["id"]
    street_round = new_round(client, accounts["street_official"], schedule=ROUND_YEAR_SCHEDULE,
                             scope="310110012")["id"]
    seen = {name: ids(client, accounts[name], "/review/rounds") & {committee_round, street_round}
            for name in OFFICIALS}
    assert seen == {
        "committee_staff": {committee_round}, "other_committee_staff": set(),
        "street_official": {committee_round, street_round}, "neighbour_street_official": set(),
        "foreign_street_official": set(), "district_admin": {committee_round, street_round},
        "foreign_district_admin": set(), "platform_admin": {committee_round, street_round}}
    street = accounts["street_official"]
    assert ids(client, street, f"/review/rounds?division={COMMITTEE}") & {committee_round, street_round} == {
        committee_round}
    assert_error(get(client, "/review/rounds?division=310110015", street), 404)
    at("2058-03-22T10:00:00")
    assert committee_round in ids(client, street, "/review/rounds?phase=voting")
    assert committee_round not in ids(client, street, "/review/rounds?phase=proposals")
    assert_error(get(client, "/review/rounds?phase=soon", street), 400)


def test_fund_counts_at_each_deadline_state(client, accounts, at, pool_ready):
    # Working days of June 2057: Monday the 4th to Friday the 8th, Monday the 11th to Friday the 15th.
    overdue = submitted(client, accounts, at, pool_ready, f"{YEAR}-06-04T10:00:00", "合唱二队")  # due the 11th
    due_soon = submitted(client, accounts, at, pool_ready, f"{YEAR}-06-07T10:00:00", "合唱三队")  # due the 14th
    new = submitted(client, accounts, at, pool_ready, f"{YEAR}-06-13T09:00:00", "合唱四队")  # due the 20th
    at(f"{YEAR}-06-13T10:00:00")
    staff, street = accounts["committee_staff"], accounts["street_official"]
    with_them = queue_counts(client, staff, "funds"), queue_counts(client, street, "funds")
    listed = {i["id"]: i for i in all_pages(client, "/review/funds", staff)}
    assert listed[overdue["id"]]["overdue"] and not listed[due_soon["id"]]["overdue"]
    assert listed[overdue["id"]]["due_at"] == f"{YEAR}-06-11T15:59:59.999Z"
    for application in (overdue, due_soon, new):
        act(client, staff, application["id"], "return_for_changes", application["version"], reason="补充预算明细。")
    assert gained(queue_counts(client, staff, "funds"), with_them[0]) == {"new": 1, "due_soon": 1, "overdue": 1}
    assert gained(queue_counts(client, street, "funds"), with_them[1]) == {"new": 0, "due_soon": 0, "overdue": 0}


def test_suggestion_counts_follow_the_deadline_index(client, accounts, at):
    at(f"{YEAR}-06-13T10:00:00")
    street, staff = accounts["street_official"], accounts["committee_staff"]
    before = queue_counts(client, street, "suggestions"), queue_counts(client, staff, "suggestions")
    case = submit(client, accounts["kongjiang_resident"])
    assert gained(before[0], queue_counts(client, street, "suggestions")) == {"new": 1, "due_soon": 0, "overdue": 0}
    assert gained(before[1], queue_counts(client, staff, "suggestions")) == {"new": 1, "due_soon": 0, "overdue": 0}
    at(f"{YEAR}-07-30T10:00:00")  # long past its acknowledgement deadline
    late = queue_counts(client, street, "suggestions")
    version = get(client, f"/suggestions/{case['id']}", street).json_body["version"]
    act_on_case(client, street, case["id"], "decline", {"version": version, "reason": "不属于征集范围。"})
    assert gained(queue_counts(client, street, "suggestions"), late) == {"new": 0, "due_soon": 0, "overdue": 1}


def test_the_summary_lists_only_the_callers_queues(client, accounts, at):
    at(f"{YEAR}-06-13T10:00:00")
    for name, expected in (("committee_staff", ["suggestions", "residences", "funds", "rounds"]),
                           ("platform_admin", ["suggestions", "funds", "rounds"])):
        body = get(client, "/review/summary", accounts[name]).json_body
        assert [q["queue"] for q in body["queues"]] == expected
        assert body["new_since"] == f"{YEAR}-06-12T02:00:00.000Z"
        assert body["due_soon_before"] == f"{YEAR}-06-15T15:59:59.999Z"


def test_the_backfill_indexes_what_was_stored_before_and_only_once(client, accounts, at, pool_ready, monkeypatch):
    from chalicelib.storage import dynamo
    from chalicelib.storage.items import to_item
    from chalicelib.storage.keys import fund_review_entry_key, round_key
    from migrations import review_queues

    application = submitted(client, accounts, at, pool_ready, f"{YEAR}-08-06T10:00:00", "书法小组")
    at("2058-02-21T10:00:00")
    round_id = new_round(client, accounts["committee_staff"], schedule=ROUND_YEAR_SCHEDULE)["id"]
    # As they were stored before the queues: no review entry, no round-tree keys.
    dynamo.db().delete_item(TableName=dynamo.table_name(), Key=to_item(fund_review_entry_key(application["id"])))
    dynamo.db().update_item(TableName=dynamo.table_name(), Key=to_item(round_key(round_id)),
                            UpdateExpression="REMOVE GSI1PK, GSI1SK")
    staff = accounts["committee_staff"]
    assert application["id"] not in ids(client, staff, "/review/funds")
    assert round_id not in ids(client, staff, "/review/rounds")

    # The Scan itself is the one in ballot_items.py; here the two records stand in for its pages.
    stored = [dynamo.get_item({"PK": f"FUNDAPP#{application['id']}", "SK": "APP"}), dynamo.get_item(round_key(round_id))]
    monkeypatch.setattr(review_queues, "_pages", lambda checkpoint: iter([(stored, None)]))
    assert review_queues.migrate() == {"fund application": 1, "round": 1}
    assert review_queues.migrate() == {"fund application (indexed already)": 1, "round (indexed already)": 1}
    (item,) = [i for i in all_pages(client, "/review/funds", staff) if i["id"] == application["id"]]
    assert item["waiting_since"] == (stored[0].get("updated_at") or stored[0]["submitted_at"])
    assert round_id in ids(client, staff, "/review/rounds")


@pytest.mark.parametrize(("moment", "expected"), [
    ("2058-03-27T10:00:00", {"new": 0, "due_soon": 1, "overdue": 0}),  # voting ends tomorrow at 20:00
    ("2058-03-29T10:00:00", {"new": 0, "due_soon": 0, "overdue": 1}),  # voting ended, no tally yet
])
def test_round_counts_follow_the_end_of_voting(client, accounts, at, moment, expected):
    at("2058-02-20T10:00:00")
    round_id = new_round(client, accounts["committee_staff"], schedule=ROUND_YEAR_SCHEDULE)["id"]
    at(moment)
    street = accounts["street_official"]
    with_it = queue_counts(client, street, "rounds")
    cancelled = post(client, f"/rounds/{round_id}/cancel", street, {"reason": "场地改作他用。"})
    assert cancelled.status_code == 200, cancelled.body
    assert gained(queue_counts(client, street, "rounds"), with_it) == expected
