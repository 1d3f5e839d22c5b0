"""The live Mulin index through the API: GET /index/{division} at every level, the street's
quarterly entries (evidence, audit, access, bad input), the hourly files, and the acceptance
point: a suggestion accepted and replied on time moves the committee's index within 60 seconds."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from chalicelib.live import entries, index, repository
from chalicelib.storage import dynamo, keys
from chalicelib.storage.items import to_item
from tests.api.helpers import get, put
from tests.api.live_helpers import stream_poller, today, wait_until
from tests.api.suggestion_helpers import KONGJIANG_STREET, act, submit
from tests.api.test_personal_data import upload_photo

# 控江路街道's committees no other test writes to.
MOVING = "310110012026"  # 望春花居委会: the acceptance point
ENTERED = "310110012027"  # 凤联居委会: the quarterly entries
LEVELS = {MOVING: "committee", KONGJIANG_STREET: "street", "310110": "district", "31": "city"}


@pytest.fixture
def small(api_env) -> str:
    """A committee of 杨浦区 whose counters are empty over the index's window (suppression and the
    files): earlier tests' cases reach the counters through the stream, wherever they were filed."""
    import csv

    from tests.local_stack_process import ROOT

    with (ROOT / "data" / "shanghai" / "committees.csv").open(encoding="utf-8") as rows:
        yangpu = [row["code"] for row in csv.DictReader(rows)
                  if row["district_code"] == "310110" and not row["street_code"].endswith("012")]
    first = today() - timedelta(days=27)
    return next(code for code in reversed(yangpu) if not repository.read_counters(code, first, today()))


def seed(division: str, counts: dict[str, int], days_ago: int = 0) -> None:
    """Counters of a day (today) as the consumer leaves them (chalicelib/live/repository.py), added directly."""
    day = (today() - timedelta(days=days_ago)).isoformat()
    names = {f"#c{i}": name for i, name in enumerate(counts)}
    values = {f":c{i}": value for i, value in enumerate(counts.values())}
    dynamo.db().update_item(
        TableName=dynamo.table_name(), Key=to_item(keys.live_counter_key(division, day, 0)),
        UpdateExpression="ADD " + ", ".join(f"#c{i} :c{i}" for i in range(len(counts)))
                         + " SET GSI1PK = :active, GSI1SK = :active_sk",
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=to_item({**values, ":active": keys.live_active_partition(division, day),
                                           ":active_sk": keys.live_active_sort_key(division, day)}))


def live(client, division: str) -> dict:
    response = get(client, f"/index/{division}")
    assert response.status_code == 200, response.body
    return response.json_body


def component(data: dict, indicator: str) -> dict:
    (found,) = [c for c in data["components"] if c["id"] == indicator]
    return found


def given(values: dict) -> dict:
    return {k: v for k, v in values.items() if v is not None}


def quarter() -> str:
    return entries.quarter_of(today())


def entries_of(client, account, division: str) -> dict:
    """The listing, evidence links without their signatures (which change with the time of asking)."""
    response = get(client, f"/review/index-entries/{division}", account)
    assert response.status_code == 200, response.body
    listing = response.json_body
    for entry in listing["entries"]:
        entry["evidence"] = [link.split("?")[0] for link in entry["evidence"]]
    return listing


def test_every_level_has_a_public_index_with_its_indicators_and_trend(client):
    for division, level in LEVELS.items():
        data = live(client, division)  # no token
        assert data["level"] == level and data["version"] == "2.1" and data["name"]
        assert [d["id"] for d in data["dimensions"]] == ["self_governance", "co_governance", "rule_of_law", "civic_virtue"]
        assert len(data["components"]) == len(index.INDICATORS) and len(data["trend"]) == 12
        assert data["trend"][-1]["last_day"] == data["last_day"] == today().isoformat()
        assert data["trend"][-1]["score"] == data["score"]
        kinds = {(c["kind"], c["method"]) for c in data["components"]}
        # Since 2.1 every basic indicator is measured (居民公约 was the one entered).
        assert {("basic", "measured"), ("guidance", "measured"), ("guidance", "entered")} <= kinds
        assert ("basic", "entered") not in kinds
        assert all(c["formula"]["zh"] and c["source"]["en"] and c["target"] > 0 for c in data["components"])
    assert get(client, "/index/319999").status_code == 404
    bad = get(client, "/index/kongjiang")
    assert bad.status_code == 400 and bad.json_body["code"] == "validation_failed"


def test_an_indicator_resting_on_fewer_than_five_people_is_withheld(client, api_env, small):
    seed(small, {"replies": 3, "replies_on_time": 3, "ratings": 9, "rating_points": 36})
    data = live(client, small)
    reply = component(data, "rl_reply_deadline")
    assert reply["value"] is None and reply["normalised"] is None and reply["suppressed"] is True
    assert component(data, "cv_satisfaction")["value"] == 4.0 and component(data, "cv_satisfaction")["suppressed"] is False
    assert data["minimum_people"] == 5
    seed(small, {"replies": 2, "replies_on_time": 1})
    reply = component(live(client, small), "rl_reply_deadline")
    assert reply["value"] == 0.8 and reply["suppressed"] is False


def test_the_street_enters_a_quarter_with_evidence_and_every_change_is_audited(client, accounts, api_env):
    street = accounts["street_official"]
    body = {"values": {"rl_legal_advice": 3, "sg_building_activities": 9}, "evidence": [upload_photo(client, street)],
            "note": "法律顾问驻点台账"}
    created = put(client, f"/review/index-entries/{ENTERED}/{quarter()}", street, body)
    assert created.status_code == 200, created.body
    entry = created.json_body
    assert entry["version"] == 1 and given(entry["values"]) == {"rl_legal_advice": 3, "sg_building_activities": 9}
    assert entry["entered_by_role"] == "street_official" and len(entry["evidence"]) == 1
    assert entry["evidence"][0].startswith("http") and f"index-entries/{ENTERED}" in entry["evidence"][0]
    assert [h["action"] for h in entry["history"]] == ["index_entry.created"]

    replaced = put(client, f"/review/index-entries/{ENTERED}/{quarter()}", street,
                   {**body, "values": {"rl_legal_advice": 6}, "evidence": [upload_photo(client, street)], "version": 1})
    assert replaced.status_code == 200, replaced.body
    assert replaced.json_body["version"] == 2 and given(replaced.json_body["values"]) == {"rl_legal_advice": 6}
    history = replaced.json_body["history"]
    assert [(h["action"], given(h["values"])) for h in history] == [
        ("index_entry.created", {"rl_legal_advice": 3, "sg_building_activities": 9}),
        ("index_entry.replaced", {"rl_legal_advice": 6})]

    # The officials of the division read it; the index shows it as entered.
    for reader in ("street_official", "district_admin", "platform_admin"):
        (listed,) = [e for e in entries_of(client, accounts[reader], ENTERED)["entries"] if e["quarter"] == quarter()]
        assert listed["version"] == 2 and len(listed["history"]) == 2
    advice = component(live(client, ENTERED), "rl_legal_advice")
    assert advice["method"] == "entered" and advice["value"] == 6.0 and advice["normalised"] == 100.0


def test_only_the_street_of_the_division_enters_and_refusals_change_nothing(client, accounts, api_env):
    street = accounts["street_official"]
    path = f"/review/index-entries/{ENTERED}/{quarter()}"
    before = entries_of(client, street, ENTERED)
    for name, status in (("kongjiang_resident", 403), ("committee_staff", 403), ("district_admin", 403),
                         ("platform_admin", 403), ("neighbour_street_official", 404), ("foreign_street_official", 404)):
        account = accounts[name]
        body = {"values": {"rl_legal_advice": 1}, "evidence": [upload_photo(client, account)]}
        assert put(client, path, account, body).status_code == status, name
    anonymous = client.http.put(path, body=json.dumps({"values": {"rl_legal_advice": 1}, "evidence": ["x"]}),
                                headers={"Content-Type": "application/json"})
    assert anonymous.status_code == 401
    # Reading: outside one's jurisdiction is 404 too; residents may not read entries at all.
    assert get(client, f"/review/index-entries/{ENTERED}", accounts["other_committee_staff"]).status_code == 404
    assert get(client, f"/review/index-entries/{ENTERED}", accounts["kongjiang_resident"]).status_code == 403
    assert entries_of(client, street, ENTERED) == before


@pytest.mark.parametrize("case", [
    "quarter_malformed", "quarter_too_old", "quarter_in_future", "district", "unknown_division", "no_evidence",
    "evidence_not_theirs", "negative", "not_whole", "unknown_indicator", "nothing_entered", "stale_version",
    "create_over_existing"])
def test_bad_input_is_a_clear_4xx_and_changes_nothing(client, accounts, api_env, case):
    street = accounts["street_official"]
    current = entries_of(client, street, ENTERED)
    version = current["entries"][0]["version"] if current["entries"] else None
    if version is None:  # this test alone: make the entry the stale and existing cases meet
        made = put(client, f"/review/index-entries/{ENTERED}/{quarter()}", street,
                   {"values": {"cv_commendations": 1}, "evidence": [upload_photo(client, street)]})
        assert made.status_code == 200, made.body
        current, version = entries_of(client, street, ENTERED), 1
    year = today().year
    division, when = ENTERED, quarter()
    body: dict = {"values": {"rl_legal_advice": 2}, "evidence": [upload_photo(client, street)], "version": version}
    expected = {"quarter_malformed": 400, "quarter_too_old": 422, "quarter_in_future": 422, "district": 404,
                "unknown_division": 404, "no_evidence": 400, "evidence_not_theirs": 422, "negative": 400,
                "not_whole": 400, "unknown_indicator": 400, "nothing_entered": 400, "stale_version": 409,
                "create_over_existing": 409}[case]
    if case == "quarter_malformed":
        when = f"{year}-Q5"
    elif case == "quarter_too_old":
        when = f"{year - 2}-Q1"
    elif case == "quarter_in_future":
        when = f"{year + 1}-Q1"
    elif case == "district":
        division = "310110"
    elif case == "unknown_division":
        division = "310110012999"
    elif case == "no_evidence":
        body["evidence"] = []
    elif case == "evidence_not_theirs":
        body["evidence"] = [upload_photo(client, accounts["kongjiang_resident"])]
    elif case == "negative":
        body["values"] = {"rl_legal_advice": -1}
    elif case == "not_whole":
        body["values"] = {"rl_legal_advice": 2.5}
    elif case == "unknown_indicator":
        body["values"] = {"cv_satisfaction": 5}
    elif case == "nothing_entered":
        body["values"] = {}
    elif case == "stale_version":
        body["version"] = version + 5
    elif case == "create_over_existing":
        del body["version"]
    response = put(client, f"/review/index-entries/{division}/{when}", street, body)
    assert response.status_code == expected, response.body
    assert set(response.json_body) >= {"code", "message", "correlation_id"}
    assert entries_of(client, street, ENTERED) == current


def test_the_hourly_publisher_writes_each_active_divisions_file_and_the_city_overview(client, api_env, s3, small):
    from chalicelib.live.publish import publish_all

    seed(small, {"suggestions_received": 6, "replies": 6, "replies_on_time": 6, "ratings": 6, "rating_points": 24,
                 "suggestions_accepted": 6, "suggestions_accepted_on_time": 5})
    assert publish_all()["divisions"] >= 4
    stored = s3.get_object(Bucket=api_env.public_bucket, Key=f"live/index/{small}.json")
    assert "max-age=300" in stored["CacheControl"]
    data = json.loads(stored["Body"].read())
    assert data["score"] == live(client, small)["score"] and data["version"] == "2.1"
    for division in (small[:9], "310110", "31"):
        assert s3.head_object(Bucket=api_env.public_bucket, Key=f"live/index/{division}.json")
    city = json.loads(s3.get_object(Bucket=api_env.public_bucket, Key="live/index/city.json")["Body"].read())
    (yangpu,) = [d for d in city["districts"] if d["division"] == "310110"]
    assert small in [c["division"] for c in yangpu["committees"]]
    ranked = [c["score"] for c in yangpu["committees"] if c["score"] is not None]
    assert ranked == sorted(ranked, reverse=True) and city["formula"]["version"] == "2.1"


def test_the_publisher_rolls_closed_weeks_up_and_a_read_from_them_answers_the_same(client, api_env, small):
    from chalicelib.live import rollups
    from chalicelib.live.publish import publish_all

    for days_ago in range(3, 440):
        seed(small, {"ratings": 2 + days_ago % 5, "rating_points": 9, "conventions_adopted": days_ago % 2,
                     "replies": 3, "replies_on_time": days_ago % 4}, days_ago)
    read = []

    def count(parsed, **_):
        read.append(len(parsed.get("Items", [])))

    events = dynamo.db().meta.events
    events.register("after-call.dynamodb.Query", count, unique_id="test-rollup-reads")
    try:
        before, items_before = live(client, small), sum(read)
        publish_all()
        read.clear()
        after, items_after = live(client, small), sum(read)
    finally:
        events.unregister("after-call.dynamodb.Query", unique_id="test-rollup-reads")
    assert {**after, "as_of": None} == {**before, "as_of": None}
    assert items_after < items_before / 2
    week = rollups.monday_of(today() - timedelta(days=200))
    stored = repository.read_rollups(small, week, week)[week].total
    days = [today() - timedelta(days=n) for n in range(3, 440)]
    assert stored["ratings"] == sum(2 + (today() - d).days % 5 for d in days if rollups.monday_of(d) == week)


def test_a_suggestion_accepted_and_replied_on_time_moves_the_committees_live_index_within_60_seconds(
        client, accounts, api_env):
    resident, street = accounts["resident"], accounts["street_official"]
    # Nine earlier cases, so that the tenth is above the disclosure threshold either way.
    seed(MOVING, {"suggestions_received": 9, "suggestions_accepted": 9, "suggestions_accepted_on_time": 8,
                  "replies": 9, "replies_on_time": 8, "adoptions": 3, "ratings": 5, "rating_points": 20})
    before = live(client, MOVING)
    assert before["score"] is not None
    with stream_poller(api_env):
        case_id = submit(client, resident, division=MOVING)["id"]
        act(client, street, case_id, "accept")
        act(client, street, case_id, "reply", {"message": "已安排施工队加装盲道。", "adoption": "adopted"})
        after = wait_until(lambda: (data := live(client, MOVING))["score"] != before["score"] and
                           component(data, "rl_reply_deadline")["value"] == 0.9 and data, timeout=60)
    assert after["score"] > before["score"]
    assert component(after, "cg_acceptance_on_time")["value"] == 0.9
    assert component(after, "cg_adoption")["value"] == 0.4
