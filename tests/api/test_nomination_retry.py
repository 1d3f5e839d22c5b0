"""An Idempotency-Key on a nomination answers a retry with the first candidate and refuses the
same key sent with another source: a second candidate made under a retried key would be one the
staff never meant to name twice."""

from __future__ import annotations

from tests.api.suggestion_helpers import post
from tests.api.test_selection import KONG_YI, SELECTION_SCHEDULE, STREET, YEAR, closed_pb_round, nominate


def test_a_nomination_key_sent_with_another_source_is_409(client, accounts, at):
    staff, street = accounts["committee_staff"], accounts["street_official"]
    first_round, first_winner, _ = closed_pb_round(client, at, staff, KONG_YI)
    second_round, second_winner, _ = closed_pb_round(client, at, staff, KONG_YI)
    at(f"{YEAR}-06-20T10:00:00")
    created = post(client, "/rounds", street, {
        "kind": "selection", "scope": STREET, "year": YEAR, "title": f"控江路街道{YEAR}年度十佳项目评选（重试）",
        "schedule": SELECTION_SCHEDULE, "method": {"kind": "approval", "max_picks": 2},
        "eligibility": {"accounts": True, "paper_codes": False}})
    assert created.status_code == 201, created.body
    selection = created.json_body["id"]
    first = {"source": "round_project", "round": first_round, "project": first_winner}
    second = {"source": "round_project", "round": second_round, "project": second_winner}

    at(f"{YEAR}-07-02T10:00:00")
    made = nominate(client, staff, selection, first, key="nominate-key-reused")
    assert made.status_code == 201, made.body
    other = nominate(client, staff, selection, second, key="nominate-key-reused")
    assert other.status_code == 409 and other.json_body["code"] == "idempotency_key_reused", other.body
    retried = nominate(client, staff, selection, first, key="nominate-key-reused")
    assert retried.status_code == 201 and retried.json_body["id"] == made.json_body["id"]
    # The refused request named nothing: the second source is still free to nominate.
    assert nominate(client, staff, selection, second).status_code == 201
