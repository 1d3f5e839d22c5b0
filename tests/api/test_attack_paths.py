"""Second ways in to deliberation, meetings and voting, replayed as someone would try them: a
number moved to a second account, a decision's carrying retried with other details after its
recording failed, a hiding repeated over the street's decision on appeal, and neighbours of
another committee posting on a committee's topic."""

from __future__ import annotations

from tests.api import test_fund_paper_entry as paper_entry
from tests.api.helpers import assert_error, get, post
from tests.api.meeting_helpers import held_meeting_with_decision
from tests.api.meeting_helpers import raise_topic as meeting_topic
from tests.api.test_identity_attack import Resident, _ballots_stored
from tests.api.test_round_ballots import round_in_voting
from tests.api.test_round_lifecycle import SCHEDULE as ROUND_SCHEDULE
from tests.api.test_round_lifecycle import new_round
from tests.api.topic_helpers import KONGJIANG_COMMITTEE, KONGJIANG_STREET, act, comment, raise_topic, topic

SIBLING_COMMITTEE = "310110012003"  # another committee of the same street


def test_a_roster_number_that_voted_by_residence_votes_no_second_time_from_another_account(client, accounts, at,
                                                                                          stack):
    round_id, (first, *_) = round_in_voting(client, accounts, at)
    number = "+8613655577001"
    resident = Resident(stack, number, KONGJIANG_COMMITTEE)
    assert post(client, f"/rounds/{round_id}/roster", accounts["committee_staff"],
                {"phones": [number]}).json_body["added"] == 1
    assert post(client, f"/rounds/{round_id}/ballots", resident, {"picks": [first]}).status_code == 201
    # The same person moves the number to a second account, which the roster alone makes eligible.
    resident.change_number("+8613655577002")
    second_account = Resident(stack, number, None)
    again = post(client, f"/rounds/{round_id}/ballots", second_account, {"picks": [first]})
    assert_error(again, 409, "already_voted")
    assert _ballots_stored(stack, round_id) == 1


def test_a_carry_whose_recording_failed_is_finished_only_as_first_sent(client, accounts, at, monkeypatch):
    from chalicelib.errors import ServiceUnavailableError
    from chalicelib.meetings import repository

    staff = accounts["committee_staff"]
    at("2051-02-20T10:00:00")
    round_id = new_round(client, staff, schedule={
        phase: {edge: moment.replace("2027-", "2051-") for edge, moment in window.items()}
        for phase, window in ROUND_SCHEDULE.items()})["id"]
    at("2051-03-01T08:00:00")
    topic_id = meeting_topic(client, accounts["kongjiang_resident"], title="小区花园改造")
    held, decision = held_meeting_with_decision(client, accounts, at, [topic_id], during="2051-03-02T10:00:00",
                                                starts_at="2051-03-02T09:00:00", ends_at="2051-03-02T11:00:00")
    recording, failed = repository.write, []

    def recording_fails_once(items):
        if not failed and any("SET carried" in i.get("Update", {}).get("UpdateExpression", "") for i in items):
            failed.append(True)
            raise ServiceUnavailableError()
        return recording(items)

    monkeypatch.setattr(repository, "write", recording_fails_once)
    carry = f"/meetings/{held['id']}/carry"
    proposal = {"decision_id": decision, "target": "pb_proposal", "title": "口袋花园改造", "round_id": round_id,
                "estimated_cost_fen": 4_000_000}
    assert_error(post(client, carry, staff, proposal), 503)
    # The project is made; sent again with other details, the decision stays taken, so it cannot
    # also become a convention beside the project.
    assert_error(post(client, carry, staff, {**proposal, "title": "口袋花园"}), 409)
    other_target = assert_error(post(client, carry, staff, {"decision_id": decision, "target": "convention",
                                                             "title": "花园公约"}), 409)
    # It is the same official's earlier try that holds it, not someone else.
    assert "earlier try of yours" in other_target["message"] and "PB proposal" in other_target["message"]
    assert "someone else" not in other_target["message"]
    published = client.http.get(f"/conventions?division={KONGJIANG_COMMITTEE}").json_body["items"]
    assert [c for c in published if c["decision_id"] == decision] == []
    # Sent again as first sent, the carrying finishes with the project made the first time.
    done = post(client, carry, staff, proposal)
    assert done.status_code == 200, done.body
    carried = next(d for d in done.json_body["decisions"] if d["id"] == decision)["carried_to"]
    projects = get(client, f"/rounds/{round_id}", staff).json_body["projects"]
    assert [p["id"] for p in projects if p["title"].startswith("口袋花园")] == [carried["project_id"]]


def test_the_committee_does_not_hide_again_what_the_street_showed_on_appeal(client, accounts, at):
    at("2052-04-10T10:00:00")
    author, staff, street = accounts["kongjiang_resident"], accounts["committee_staff"], accounts["street_official"]
    raised = raise_topic(client, author)
    act(client, staff, raised["id"], "hide", {"reason": "与本社区无关"})
    assert post(client, f"/topics/{raised['id']}/appeals", author, {"text": "与本小区有关。"}).status_code == 201
    act(client, street, raised["id"], "restore", {"reason": "申诉成立"})
    # The author may appeal once: a second hiding by the committee would stand unanswerable,
    # so the committee is not offered it, and the street still is.
    assert "hide" not in topic(client, staff, raised["id"])["allowed_actions"]
    assert "hide" in topic(client, street, raised["id"])["allowed_actions"]
    act(client, staff, raised["id"], "hide", {"reason": "仍然无关"}, expect=403)
    assert topic(client, accounts["kongjiang_neighbour"], raised["id"])["hidden"] is None
    # The street, which decided the appeal, still may.
    hidden = act(client, street, raised["id"], "hide", {"reason": "含他人门牌号"})
    assert hidden["hidden"]["reason"] == "含他人门牌号"


def test_residents_of_another_committee_do_not_post_on_a_committees_topic(client, accounts, at, stack):
    at("2052-04-10T10:00:00")
    author = accounts["kongjiang_resident"]
    sibling = Resident(stack, "+8613655577003", SIBLING_COMMITTEE)
    raised = raise_topic(client, author)
    said = comment(client, author, raised["id"])
    base = f"/topics/{raised['id']}"
    for path, body in ((f"{base}/comments", {"text": "隔壁小区也同意。"}), (f"{base}/supports", {}),
                       (f"{base}/reports", {"reason": "spam"}),
                       (f"{base}/reports", {"reason": "spam", "comment_id": said["id"]})):
        assert_error(post(client, path, sibling, body), 403, "forbidden")
    assert topic(client, sibling, raised["id"])["can_comment"] is False
    # A street's topic is every committee's of the street: there the sibling takes part.
    street_topic = raise_topic(client, author, division=KONGJIANG_STREET)
    assert post(client, f"/topics/{street_topic['id']}/supports", sibling, {}).status_code == 201
    assert post(client, f"/topics/{street_topic['id']}/comments", sibling, {"text": "同意。"}).status_code == 201


def test_only_officials_over_the_committee_take_a_paper_teams_steps(client, accounts, at):
    street = accounts["street_official"]
    paper_entry.ensure_pool(client, street, at)
    at(f"{paper_entry.YEAR}-03-02T10:00:00")
    draft = post(client, paper_entry.PATH, accounts["committee_staff"], paper_entry.paper()).json_body
    submit = f"/funds/applications/{draft['id']}/submit"
    for name in ("other_committee_staff", "neighbour_street_official", "foreign_district_admin", "kongjiang_resident"):
        assert_error(post(client, submit, accounts[name], {"version": draft["version"]}), 404)
    # The district is over the committee but does not act for a team.
    assert_error(post(client, submit, accounts["district_admin"], {"version": draft["version"]}), 403)
    assert post(client, submit, street, {"version": draft["version"]}).status_code == 200
