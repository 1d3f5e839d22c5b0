"""Ballots under faults: a signed-in resident's, and a household's paper code sent without
signing in. After a refused ballot the same voter (the same code) must still be able to
vote, once: a voter record or a used code left behind would lock them out."""

from __future__ import annotations

import json

from tests.api.suggestion_helpers import OTHER_KONGJIANG_COMMITTEE, post
from tests.api.test_round_ballots import COSTS
from tests.api.test_round_lifecycle import new_round, propose
from tests.faults.runner import Operation

# Every resident account, all on the roster of a committee none of them lives in, so each
# ballot is checked the same way (a roster lookup) and makes the same calls.
VOTERS = ("kongjiang_resident", "kongjiang_neighbour", "resident", "other_resident")
CODES_PER_ROUND = 40


def assert_clean(report) -> None:
    assert not report.problems, "\n".join(report.problems)


class Rounds:
    """Rounds in voting, made as they run out: each holds one ballot per voter and per code."""

    def __init__(self, client, accounts, at):
        self.client, self.accounts, self.at = client, accounts, at
        self.voters: list[tuple[str, list[str], str]] = []
        self.codes: list[tuple[str, list[str], str]] = []

    def _new_round(self) -> None:
        staff, street = self.accounts["other_committee_staff"], self.accounts["street_official"]
        self.at("2027-02-20T10:00:00")
        round_id = new_round(self.client, staff, scope=OTHER_KONGJIANG_COMMITTEE)["id"]
        roster = [self.accounts[name].phone for name in VOTERS]
        assert post(self.client, f"/rounds/{round_id}/roster", staff, {"phones": roster}).status_code == 200
        codes = post(self.client, f"/rounds/{round_id}/codes", staff, {"count": CODES_PER_ROUND})
        assert codes.status_code == 201, codes.body
        self.at("2027-03-02T10:00:00")
        projects = [propose(self.client, staff, round_id, f"项目{i}", cost) for i, cost in enumerate(COSTS)]
        self.at("2027-03-12T10:00:00")
        for project, cost in zip(projects, COSTS, strict=True):
            reviewed = post(self.client, f"/rounds/{round_id}/projects/{project}/review", street,
                            {"feasible": True, "final_cost_fen": cost})
            assert reviewed.status_code == 200, reviewed.body
        self.at("2027-03-22T10:00:00")
        self.voters = [(round_id, projects, name) for name in VOTERS]
        self.codes = [(round_id, projects, code) for code in codes.json_body["codes"]]

    def next_voter(self) -> tuple[str, list[str], str]:
        if not self.voters:
            self._new_round()
        return self.voters.pop()

    def next_code(self) -> tuple[str, list[str], str]:
        if not self.codes:
            self._new_round()
        return self.codes.pop()


def signed_in_ballot(client, accounts, at) -> Operation:
    rounds = Rounds(client, accounts, at)

    def send(context):
        round_id, projects, voter = context
        return post(client, f"/rounds/{round_id}/ballots", accounts[voter], {"picks": projects[:2]})

    return Operation("signed-in ballot", rounds.next_voter, send, 201)


def test_a_signed_in_ballot(exerciser, client, accounts, at):
    assert_clean(exerciser.run(signed_in_ballot(client, accounts, at)))


def test_a_code_ballot(exerciser, client, accounts, at):
    rounds = Rounds(client, accounts, at)

    def send(context):
        round_id, projects, code = context
        return client.http.post(f"/rounds/{round_id}/code-ballots", headers={"Content-Type": "application/json"},
                                body=json.dumps({"picks": projects[:1], "code": code}))

    # A good code is never counted against its sender's address (only refused attempts are),
    # so no counter may change here, faulted or not: nothing is ignored.
    operation = Operation("code ballot", rounds.next_code, send, 201)
    assert_clean(exerciser.run(operation))
