"""居民公约 in the live index (2.1): a decision carried into a convention is counted from the stream
(`conventions_adopted`, once per record), moves the committee's `rl_conventions`, and the street
can no longer enter it by hand."""

from __future__ import annotations

import copy
from fractions import Fraction

from chalicelib.live import consumer, repository
from tests.api.helpers import get, post, put
from tests.api.live_helpers import counters_on, moved, new_records, reader_at_end, today
from tests.api.meeting_helpers import held_meeting_with_decision
from tests.api.test_live_index import component, entries_of, live, quarter
from tests.api.test_personal_data import upload_photo
from tests.api.topic_helpers import KONGJIANG_COMMITTEE, raise_topic

CARRIED = {"decisions_carried": 1, "conventions_adopted": 1}
# 控江路街道's committee the entries' tests write to (test_live_index.py).
ENTERED = "310110012027"


def test_a_convention_carried_from_a_meeting_moves_the_committees_live_conventions(client, accounts, at, api_env,
                                                                                   monkeypatch):
    # The test data gives 控一 no population: the index counts it as 3,000 residents.
    monkeypatch.setattr("chalicelib.live.service.residents", lambda population, households: Fraction(3000))
    at("2051-06-01T08:00:00")
    topic_id = raise_topic(client, accounts["kongjiang_resident"])["id"]
    held, decision = held_meeting_with_decision(
        client, accounts, at, [topic_id], text="楼道内不得堆放杂物。", during="2051-06-02T10:00:00",
        starts_at="2051-06-02T09:00:00", ends_at="2051-06-02T11:00:00")
    reader = reader_at_end(api_env)
    before_counts = counters_on(KONGJIANG_COMMITTEE)
    before = component(live(client, KONGJIANG_COMMITTEE), "rl_conventions")
    assert before["method"] == "measured"

    carried = post(client, f"/meetings/{held['id']}/carry", accounts["committee_staff"],
                   {"decision_id": decision, "target": "convention", "title": "楼道公约"})
    assert carried.status_code == 200, carried.body
    batch = {"Records": new_records(reader)}

    # The transaction commits, then its answer is lost: Lambda hands the batch out again.
    written = repository.apply

    def written_then_lost(*args, **kwargs):
        written(*args, **kwargs)
        raise ConnectionError("the connection dropped after the commit")

    monkeypatch.setattr(repository, "apply", written_then_lost)
    assert consumer.handle(copy.deepcopy(batch))["batchItemFailures"]
    monkeypatch.setattr(repository, "apply", written)
    assert consumer.handle(copy.deepcopy(batch)) == {"batchItemFailures": []}
    assert consumer.handle(copy.deepcopy(batch)) == {"batchItemFailures": []}

    assert moved(before_counts, counters_on(KONGJIANG_COMMITTEE)) == CARRIED
    for level in (KONGJIANG_COMMITTEE[:9], "310110", "31"):  # rolled up, and still once
        assert counters_on(level).get("conventions_adopted", 0) >= 1
    after = component(live(client, KONGJIANG_COMMITTEE), "rl_conventions")
    # One more convention in the year: 1,000 / 3,000 more, to the published four decimals.
    assert abs(after["value"] - before["value"] - 1 / 3) < 0.0002
    assert after["suppressed"] is False and after["normalised"] > (before["normalised"] or 0)
    assert today().isoformat() == "2051-06-02"


def test_the_street_can_no_longer_enter_conventions(client, accounts, api_env):
    street = accounts["street_official"]
    path = f"/review/index-entries/{ENTERED}/{quarter()}"
    before = entries_of(client, street, ENTERED)
    refused = put(client, path, street, {"values": {"rl_conventions": 2, "rl_legal_advice": 1},
                                         "evidence": [upload_photo(client, street)]})
    assert refused.status_code == 422, refused.body
    assert refused.json_body["code"] == "rule_violated"
    assert [(d["field"], d["type"]) for d in refused.json_body["details"]] == [
        ("values.rl_conventions", "measured_indicator")]
    assert "居民公约" in refused.json_body["message"]
    assert entries_of(client, street, ENTERED) == before
    listed = get(client, f"/index/{ENTERED}").json_body
    assert component(listed, "rl_conventions")["method"] == "measured"
