"""One person, one vote and one record, held against the person themselves.

The attack this replays, step by step through the embedded Cognito: a verified resident
votes and objects, then writes another resident's mobile number into their own account
(UpdateUserAttributes with their access token), refreshes their token and tries again,
and looks for the other resident's cases and messages. Records follow the account (the
Cognito `sub`), and Cognito holds a changed number back until a code sent to it returns,
so none of it works.
"""

from __future__ import annotations

import itertools

import boto3
import pytest

from local_stack.provision import add_user, clients
from tests.api.fund_helpers import act, create_pool, detail, new_application
from tests.api.suggestion_helpers import get, post
from tests.api.test_round_ballots import round_in_voting
from tests.api.test_suggestion_access import staff_entry

PASSWORD = "Attack-test-password-1"
YEAR = 2049  # a pool year no other test uses


class Resident:
    """A resident signed in as the site signs in, holding the tokens Cognito gave them."""

    def __init__(self, stack, phone: str, division: str | None):
        self.stack, self.phone = stack, phone
        self.user = add_user(stack, phone=phone, password=PASSWORD, role="resident", division=division)
        self.cognito = clients(stack.aws_endpoint_url, stack.region)["cognito-idp"]
        tokens = self.cognito.initiate_auth(ClientId=stack.user_pool_client_id, AuthFlow="USER_PASSWORD_AUTH",
                                            AuthParameters={"USERNAME": phone, "PASSWORD": PASSWORD})
        self._set(tokens["AuthenticationResult"])

    def _set(self, result):
        self.token, self.access_token = result["IdToken"], result["AccessToken"]
        self.refresh_token = result.get("RefreshToken", getattr(self, "refresh_token", None))

    @property
    def headers(self):
        return {"Authorization": f"Bearer {self.token}"}

    def take_number(self, phone: str) -> None:
        """What the attacker does to their own account; Cognito may refuse it outright or hold it back."""
        try:
            self.cognito.update_user_attributes(AccessToken=self.access_token,
                                                UserAttributes=[{"Name": "phone_number", "Value": phone}])
        except self.cognito.exceptions.ClientError:
            pass
        self.refresh()

    def change_number(self, phone: str) -> None:
        """The honest way: the code sent to the new number comes back."""
        from local_stack.outbox import latest

        self.cognito.update_user_attributes(AccessToken=self.access_token,
                                            UserAttributes=[{"Name": "phone_number", "Value": phone}])
        code = latest(self.stack.sms_outbox, phone, "verify_attribute")["code"]
        self.cognito.verify_user_attribute(AccessToken=self.access_token, AttributeName="phone_number", Code=code)
        self.phone = phone
        self.refresh()

    def refresh(self) -> None:
        refreshed = self.cognito.initiate_auth(ClientId=self.stack.user_pool_client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                               AuthParameters={"REFRESH_TOKEN": self.refresh_token})
        self._set(refreshed["AuthenticationResult"])


def _ballots_stored(stack, round_id: str) -> int:
    dynamodb = boto3.client("dynamodb", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)
    return sum(
        dynamodb.query(TableName=stack.ballots_table_name, KeyConditionExpression="PK = :pk", Select="COUNT",
                       ExpressionAttributeValues={":pk": {"S": f"BALLOT#{round_id}#{shard:02d}"}})["Count"]
        for shard in range(16)
    )


_numbers = itertools.count(1)


@pytest.fixture
def attacker(stack):
    return Resident(stack, f"+86136555{next(_numbers):05d}", "310110012001")


@pytest.fixture
def victim(stack):
    return Resident(stack, f"+86136555{next(_numbers):05d}", None)


def test_a_changed_number_casts_no_second_ballot(client, accounts, at, stack, attacker, victim):
    round_id, (first, *_) = round_in_voting(client, accounts, at)
    ballots = f"/rounds/{round_id}/ballots"
    assert post(client, ballots, attacker, {"picks": [first]}).status_code == 201
    assert post(client, ballots, attacker, {"picks": [first]}).status_code == 409

    for phone in (victim.phone, "+8613655500099", attacker.phone, "+8613655500098"):
        attacker.take_number(phone)
        again = post(client, ballots, attacker, {"picks": [first]})
        assert again.status_code == 409, again.body
        assert again.json_body["code"] == "already_voted"

    assert _ballots_stored(stack, round_id) == 1


def test_a_number_changed_the_honest_way_keeps_the_ballot_cases_and_messages_with_the_account(client, accounts, at,
                                                                                             stack, attacker):
    round_id, (first, *_) = round_in_voting(client, accounts, at)
    ballots = f"/rounds/{round_id}/ballots"
    assert post(client, ballots, attacker, {"picks": [first]}).status_code == 201
    case = post(client, "/suggestions", attacker, {
        "title": "换号前提交的建议", "content": "换号码以后也要能看到这条建议和它的消息。", "category": "other",
        "division": "310110012001", "channel": "web", "publish_consent": False})
    assert case.status_code == 201, case.body

    attacker.change_number(f"+86136555{next(_numbers):05d}")
    assert get(client, "/me", attacker).json_body["phone_masked"].endswith(attacker.phone[-4:])
    assert post(client, ballots, attacker, {"picks": [first]}).status_code == 409
    assert [c["id"] for c in get(client, "/suggestions/mine", attacker).json_body["items"]] == [case.json_body["id"]]
    assert get(client, "/notifications/mine", attacker).json_body["items"]
    assert _ballots_stored(stack, round_id) == 1


def test_a_changed_number_files_no_second_objection(client, accounts, at, attacker, victim):
    lead, staff = accounts["kongjiang_resident"], accounts["committee_staff"]
    at(f"{YEAR}-03-02T10:00:00")
    create_pool(client, accounts["street_official"], YEAR, 5_000_000)
    created = new_application(client, lead, YEAR, team="睦邻议事会")
    submitted = act(client, lead, created["id"], "submit", created["version"])
    act(client, staff, created["id"], "recommend", submitted["version"])
    objections = f"/funds/applications/{created['id']}/objections"

    at(f"{YEAR}-03-05T10:00:00")
    assert post(client, objections, attacker, {"reason": "预算偏高，请说明。"}).status_code == 201
    for phone in (victim.phone, "+8613655500097"):
        attacker.take_number(phone)
        again = post(client, objections, attacker, {"reason": "换了号码再提一次。"})
        assert again.status_code == 409, again.body

    assert len(detail(client, staff, created["id"])["objections"]) == 1


def test_a_changed_number_opens_no_one_elses_cases_or_messages(client, accounts, attacker, victim):
    staff = accounts["committee_staff"]
    entered = post(client, "/suggestions", staff, staff_entry(submitter_phone=victim.phone, title="楼道灯坏了（代录）",
                                                              content=f"12 号楼 302 室王阿姨来电，电话 {victim.phone[3:]}。"))
    assert entered.status_code == 201, entered.body
    case_id = entered.json_body["id"]
    # A number no account holds yet: the case waits for whoever proves it.
    unclaimed_phone = "+8613655500077"
    waiting = post(client, "/suggestions", staff, staff_entry(submitter_phone=unclaimed_phone, title="垃圾房异味（代录）"))
    assert waiting.status_code == 201, waiting.body

    # The victim sees their case and its message; that is what the attacker is after.
    assert case_id in [c["id"] for c in get(client, "/suggestions/mine", victim).json_body["items"]]
    assert get(client, "/notifications/mine", victim).json_body["items"]

    for phone in (victim.phone, unclaimed_phone):
        attacker.take_number(phone)
        mine = get(client, "/suggestions/mine", attacker).json_body["items"]
        assert mine == [], mine
        assert get(client, f"/suggestions/{case_id}", attacker).status_code == 404
        assert get(client, f"/suggestions/{waiting.json_body['id']}", attacker).status_code == 404
        assert get(client, f"/suggestions/{entered.json_body['tracking_no']}", attacker).status_code == 404
        assert get(client, "/notifications/mine", attacker).json_body["items"] == []
        assert get(client, "/me", attacker).json_body["phone_masked"] == f"136****{attacker.phone[-4:]}"


def test_a_roster_number_casts_one_ballot_whichever_account_proves_it(client, accounts, at, stack, victim):
    from chalicelib.privacy import keyed_digest

    staff = accounts["committee_staff"]
    round_id, (first, *_) = round_in_voting(client, accounts, at)
    assert post(client, f"/rounds/{round_id}/roster", staff, {"phones": [victim.phone]}).json_body["added"] == 1
    # Another account proved this number before and voted with it (its voter records are
    # the roster number's and its own); this one holds the number now.
    dynamodb = boto3.client("dynamodb", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)
    with_env_key = keyed_digest(f"voter:{round_id}", f"roster:{victim.phone}")
    dynamodb.put_item(TableName=stack.ballots_table_name, Item={
        "PK": {"S": f"VOTER#{round_id}#{with_env_key}"}, "SK": {"S": "VOTER"}, "type": {"S": "voter_record"}})

    again = post(client, f"/rounds/{round_id}/ballots", victim, {"picks": [first]})
    assert again.status_code == 409 and again.json_body["code"] == "already_voted", again.body
    assert _ballots_stored(stack, round_id) == 0


def test_cases_and_messages_page_across_the_account_and_the_proven_number(client, accounts, stack):
    from tests.api.suggestion_helpers import suggestion

    staff = accounts["committee_staff"]
    phone = f"+86136555{next(_numbers):05d}"
    # Entered for the number before its holder had an account: they wait for whoever proves it.
    waiting = [post(client, "/suggestions", staff, staff_entry(submitter_phone=phone, title=f"代录建议{n}")).json_body["id"]
               for n in range(2)]
    holder = Resident(stack, phone, None)
    own = [post(client, "/suggestions", holder, suggestion(title=f"本人建议{n}")).json_body["id"] for n in range(3)]

    def every(path):
        seen, cursor = [], None
        while True:
            page = get(client, f"{path}?limit=2" + (f"&cursor={cursor}" if cursor else ""), holder)
            assert page.status_code == 200, page.body
            seen += page.json_body["items"]
            cursor = page.json_body["next_cursor"]
            if not cursor:
                return seen

    cases = [c["id"] for c in every("/suggestions/mine")]
    assert sorted(cases) == sorted(own + waiting) and len(cases) == 5
    assert sorted({m["subject_id"] for m in every("/notifications/mine")}) == sorted(own + waiting)
