"""Residence verification (居住核验) through the real app and the embedded Cognito: a resident
asks, the committee's staff see the request in their queue and decide, and the resident's
next token carries the decision. Each test signs up residents of its own, so that no
request of another test (or of the session's shared accounts) stands in its way."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import boto3
import pytest
import requests

from chalicelib.errors import ConflictError
from local_stack.provision import add_user, clients, sign_in
from tests.api.conftest import Account
from tests.api.residence_helpers import PASSWORD, new_resident_phone, request_body
from tests.api.suggestion_helpers import KONGJIANG_COMMITTEE, OTHER_KONGJIANG_COMMITTEE, get, post


def new_resident(stack, division: str | None = None) -> Account:
    phone = new_resident_phone()
    user = add_user(stack, phone=phone, password=PASSWORD, role="resident", division=division)
    return Account("new_resident", "resident", division, phone, user.user_id, sign_in(stack, phone, PASSWORD))


def signed_in_again(stack, account: Account) -> Account:
    return Account(account.name, account.role, account.division, account.phone, account.user_id,
                   sign_in(stack, account.phone, PASSWORD))


def body(**overrides):
    return request_body(**overrides)


def ask(client, resident, expect=201, **overrides):
    response = post(client, "/me/residence", resident, body(**overrides), {"Idempotency-Key": str(uuid.uuid4())})
    assert response.status_code == expect, response.body
    return response.json_body


def decide(client, official, request_id, action, version, reason=None, expect=200):
    payload = {"version": version, **({"reason": reason} if reason else {})}
    response = post(client, f"/review/residences/{request_id}/{action}", official, payload)
    assert response.status_code == expect, (action, response.status_code, response.body)
    return response.json_body


def mine(client, resident):
    response = get(client, "/me/residence", resident)
    assert response.status_code == 200, response.body
    return response.json_body


def queue(client, official, query=""):
    response = get(client, f"/review/residences{query}", official)
    assert response.status_code == 200, response.body
    return response.json_body["items"]


def residence_in_token(client, account) -> str | None:
    return get(client, "/me", account).json_body.get("residence")


def test_a_request_approved_by_its_committee_reaches_the_residents_next_token(client, accounts, stack):
    resident, staff = new_resident(stack), accounts["committee_staff"]
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = post(client, "/me/residence", resident, body(), key)
    assert first.status_code == 201, first.body
    request = first.json_body
    assert (request["status"], request["version"], request["committee_name"]) == ("pending", 1, "控一居委会")
    assert [e["action"] for e in request["timeline"]] == ["request"]
    # A retry of the same send is the same request.
    assert post(client, "/me/residence", resident, body(), key).json_body["id"] == request["id"]

    seen = mine(client, resident)
    assert seen["current"] is None and [r["id"] for r in seen["requests"]] == [request["id"]]

    # The committee, its street and its district all find it; the flat in full, the phone masked.
    listed = next(i for i in queue(client, staff, f"?division={KONGJIANG_COMMITTEE}") if i["id"] == request["id"])
    assert (listed["building"], listed["room"], listed["basis"]) == ("12号楼", "301室", "tenant")
    assert listed["phone_masked"] == f"{resident.phone[3:6]}****{resident.phone[-4:]}"
    assert resident.phone[3:] not in str(listed) and resident.user_id not in str(listed)
    assert listed["allowed_actions"] == ["approve", "decline"]
    assert request["id"] in {i["id"] for i in queue(client, accounts["street_official"])}
    assert request["id"] in {i["id"] for i in queue(client, accounts["district_admin"])}
    assert request["id"] in {i["id"] for i in queue(client, accounts["platform_admin"], "?division=310110012")}

    decided = decide(client, staff, request["id"], "approve", 1)
    assert (decided["status"], decided["version"], decided["directory_synced"]) == ("approved", 2, True)
    assert decided["decided_by"] == {"user_id": staff.user_id, "role": "committee_staff"}

    # The token in hand was issued before; the next one carries the residence.
    assert residence_in_token(client, resident) is None
    again = signed_in_again(stack, resident)
    assert residence_in_token(client, again) == KONGJIANG_COMMITTEE
    seen = mine(client, again)
    assert seen["current"]["committee"] == KONGJIANG_COMMITTEE and seen["current"]["in_token"] is True
    assert (seen["current"]["basis"], seen["current"]["request_id"]) == ("tenant", request["id"])
    assert [e["action"] for e in seen["requests"][0]["timeline"]] == ["request", "approve"]
    inbox = get(client, "/notifications/mine", again).json_body["items"]
    assert [m["event"] for m in inbox if m["subject_id"] == request["id"]] == ["approve", "request"]

    assert request["id"] not in {i["id"] for i in queue(client, staff)}
    assert request["id"] in {i["id"] for i in queue(client, staff, "?status=approved")}


def test_one_pending_request_at_a_time_and_the_refusal_names_it(client, stack):
    resident = new_resident(stack)
    pending = ask(client, resident)
    refused = ask(client, resident, expect=409, committee=OTHER_KONGJIANG_COMMITTEE)
    assert refused["code"] == "residence_request_pending" and pending["id"] in refused["message"]
    assert refused["details"][0]["pending_request_id"] == pending["id"]
    assert len(mine(client, resident)["requests"]) == 1


def test_a_decline_needs_a_reason_and_the_resident_reads_it(client, accounts, stack):
    resident, staff = new_resident(stack), accounts["committee_staff"]
    request = ask(client, resident)
    missing = post(client, f"/review/residences/{request['id']}/decline", staff, {"version": 1})
    assert missing.status_code == 400
    assert [d["field"] for d in missing.json_body["details"]] == ["reason"]

    decide(client, staff, request["id"], "decline", 1, reason="查无此门牌，请核对楼号")
    seen = mine(client, resident)
    assert seen["current"] is None
    assert (seen["requests"][0]["status"], seen["requests"][0]["reason"]) == ("declined", "查无此门牌，请核对楼号")
    assert seen["requests"][0]["timeline"][-1]["reason"] == "查无此门牌，请核对楼号"
    # Turned down, the resident may ask again.
    ask(client, resident, building="21号楼")


def test_only_the_committees_own_officials_act_and_residents_never(client, accounts, stack):
    resident = new_resident(stack)
    request = ask(client, resident)
    for name in ("other_committee_staff", "neighbour_street_official", "foreign_district_admin"):
        assert post(client, f"/review/residences/{request['id']}/approve", accounts[name], {"version": 1}).status_code == 404
        assert request["id"] not in {i["id"] for i in queue(client, accounts[name])}
    assert get(client, f"/review/residences?division={KONGJIANG_COMMITTEE}", accounts["other_committee_staff"]).status_code == 404
    for account in (resident, accounts["kongjiang_resident"]):
        assert post(client, f"/review/residences/{request['id']}/approve", account, {"version": 1}).status_code == 403
        assert get(client, "/review/residences", account).status_code == 403
    assert post(client, "/me/residence", accounts["committee_staff"], body()).status_code == 403
    assert get(client, "/me/residence", accounts["street_official"]).status_code == 403
    # The city is too wide a page: the platform names a district or below.
    too_wide = get(client, "/review/residences", accounts["platform_admin"])
    assert too_wide.status_code == 422 and too_wide.json_body["details"][0]["field"] == "division"
    assert mine(client, resident)["requests"][0]["status"] == "pending"


def test_moving_house_ends_the_old_residence(client, accounts, stack):
    resident = new_resident(stack)
    first = ask(client, resident)
    decide(client, accounts["committee_staff"], first["id"], "approve", 1)
    moved = ask(client, resident, committee=OTHER_KONGJIANG_COMMITTEE, building="3号楼", room="1202室", basis="hukou")
    decide(client, accounts["other_committee_staff"], moved["id"], "approve", 1)

    again = signed_in_again(stack, resident)
    assert residence_in_token(client, again) == OTHER_KONGJIANG_COMMITTEE
    seen = mine(client, again)
    assert seen["current"]["committee"] == OTHER_KONGJIANG_COMMITTEE
    old = next(r for r in seen["requests"] if r["id"] == first["id"])
    assert old["status"] == "ended" and [e["action"] for e in old["timeline"]] == ["request", "approve", "end"]
    assert [r["id"] for r in seen["requests"]] == [moved["id"], first["id"]]
    events = [m["event"] for m in get(client, "/notifications/mine", again).json_body["items"]]
    # The approval and the end are one step (one time); the inbox lists them in either order.
    assert sorted(events[:2]) == ["approve", "end"] and events[2] == "request"
    # The old committee's list of verified residents no longer holds them; ended ones are listed apart.
    assert first["id"] not in {i["id"] for i in queue(client, accounts["committee_staff"], "?status=approved")}
    assert first["id"] in {i["id"] for i in queue(client, accounts["committee_staff"], "?status=ended")}
    # Only a current residence can be revoked.
    stale = decide(client, accounts["committee_staff"], first["id"], "revoke", 3, reason="已搬离", expect=409)
    assert stale["details"][0]["allowed_actions"] == []


def test_a_revocation_clears_the_residence_from_the_next_token(client, accounts, stack):
    resident, street = new_resident(stack), accounts["street_official"]
    request = ask(client, resident)
    decide(client, street, request["id"], "approve", 1)
    assert residence_in_token(client, signed_in_again(stack, resident)) == KONGJIANG_COMMITTEE

    missing = post(client, f"/review/residences/{request['id']}/revoke", street, {"version": 2})
    assert missing.status_code == 400 and missing.json_body["details"][0]["field"] == "reason"
    revoked = decide(client, street, request["id"], "revoke", 2, reason="经核实已于上月搬离")
    assert (revoked["status"], revoked["allowed_actions"], revoked["directory_synced"]) == ("revoked", [], True)

    again = signed_in_again(stack, resident)
    assert residence_in_token(client, again) is None
    seen = mine(client, again)
    assert seen["current"] is None
    assert [e["action"] for e in seen["requests"][0]["timeline"]] == ["request", "approve", "revoke"]
    assert "revoke" in [m["event"] for m in get(client, "/notifications/mine", again).json_body["items"]]
    again_revoked = decide(client, street, request["id"], "revoke", 3, reason="重复操作", expect=409)
    assert again_revoked["details"][0]["allowed_actions"] == []


def cognito_down(*args, **kwargs):
    from botocore.exceptions import ClientError

    raise ClientError({"Error": {"Code": "InternalErrorException", "Message": "down"},
                       "ResponseMetadata": {"HTTPStatusCode": 500}}, "AdminUpdateUserAttributes")


def test_an_approval_the_account_missed_is_copied_to_it_on_the_residents_visit(client, accounts, stack, monkeypatch):
    from chalicelib import directory

    resident = new_resident(stack)
    request = ask(client, resident)
    working = directory.set_residence
    monkeypatch.setattr(directory, "set_residence", cognito_down)
    decided = decide(client, accounts["committee_staff"], request["id"], "approve", 1)
    # The decision stands; the account only lacks its copy, which grants nothing extra meanwhile.
    assert (decided["status"], decided["directory_synced"]) == ("approved", False)
    assert residence_in_token(client, signed_in_again(stack, resident)) is None

    monkeypatch.setattr(directory, "set_residence", working)
    seen = mine(client, resident)
    assert seen["current"]["committee"] == KONGJIANG_COMMITTEE and seen["current"]["in_token"] is False
    assert residence_in_token(client, signed_in_again(stack, resident)) == KONGJIANG_COMMITTEE


def test_a_revocation_the_account_cannot_take_is_not_recorded(client, accounts, stack, monkeypatch):
    from chalicelib import directory

    resident, staff = new_resident(stack), accounts["committee_staff"]
    request = ask(client, resident)
    decide(client, staff, request["id"], "approve", 1)
    working = directory.set_residence
    monkeypatch.setattr(directory, "set_residence", cognito_down)
    refused = post(client, f"/review/residences/{request['id']}/revoke", staff, {"version": 2, "reason": "已搬离"})
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "1"
    monkeypatch.setattr(directory, "set_residence", working)
    assert mine(client, resident)["requests"][0]["status"] == "approved"
    assert residence_in_token(client, signed_in_again(stack, resident)) == KONGJIANG_COMMITTEE


def test_a_stale_version_is_409_with_what_the_request_accepts_now(client, accounts, stack):
    resident, staff = new_resident(stack), accounts["committee_staff"]
    request = ask(client, resident)
    stale = decide(client, staff, request["id"], "approve", 7, expect=409)
    assert stale["details"][0]["field"] == "version" and stale["details"][0]["allowed_actions"] == ["approve", "decline"]
    assert post(client, f"/review/residences/{request['id']}/verify", staff, {"version": 1}).status_code == 400
    assert post(client, "/review/residences/not-a-request/approve", staff, {"version": 1}).status_code == 404
    assert post(client, f"/review/residences/{request['id']}/approve", staff, {"version": "1"}).status_code == 400


@pytest.mark.parametrize("second", ["approve", "decline"])
def test_two_decisions_at_once_one_wins_and_the_other_is_409(api_env, stack, second):
    from chalicelib.auth import Principal, Role, person_key
    from chalicelib.residence import repository, service
    from chalicelib.residence.models import ResidenceRequestCreate, ReviewActionRequest

    officials = [Principal(user_id=f"staff-{i}", role=Role.committee_staff, jurisdiction=KONGJIANG_COMMITTEE) for i in (1, 2)]
    decisions = [("approve", None), (second, "查无此人" if second == "decline" else None)]
    for _ in range(3):
        account = new_resident(stack)
        resident = Principal(user_id=account.user_id, role=Role.resident, phone=account.phone, phone_verified=True)
        request = service.request_residence(resident, ResidenceRequestCreate(**body()), None)
        start = threading.Barrier(2, timeout=30)

        def decide_now(official, decision, request_id=request.id, start=start):
            action, reason = decision
            start.wait()
            try:
                return action, service.act(official, request_id, action, ReviewActionRequest(version=1, reason=reason))
            except ConflictError as exc:
                return action, exc

        with ThreadPoolExecutor(max_workers=2) as pool:
            outcomes = list(pool.map(decide_now, officials, decisions, timeout=120))
        won = [(action, o) for action, o in outcomes if not isinstance(o, ConflictError)]
        lost = [o for _, o in outcomes if isinstance(o, ConflictError)]
        assert len(won) == 1 and len(lost) == 1 and lost[0].status == 409
        winner = won[0][0]
        stored = repository.get_request(request.id)
        assert (stored.status.value, stored.version) == ({"approve": "approved", "decline": "declined"}[winner], 2)
        current = repository.get_current(person_key(account.user_id))
        assert (current.request_id if current else None) == (request.id if winner == "approve" else None)
        assert residence_in_token_of(stack, account) == (KONGJIANG_COMMITTEE if winner == "approve" else None)
        assert repository.get_pending_id(person_key(account.user_id)) is None


def residence_in_token_of(stack, account: Account) -> str | None:
    from chalicelib.auth import authenticate

    principal = authenticate(sign_in(stack, account.phone, PASSWORD))
    return principal.residence if principal else None


def test_bad_requests_are_refused_naming_the_field(client, stack):
    resident = new_resident(stack)
    cases = {
        "room": (body(room="301\u202e室"), 400),
        "building": (body(building="1" * 41), 400),
        "basis": (body(basis="owner"), 400),
        "note": (body(note="a\u0000b"), 400),
        "committee": (body(committee="310110012999"), 422),
    }
    for field, (payload, status) in cases.items():
        response = post(client, "/me/residence", resident, payload)
        assert response.status_code == status, (field, response.body)
        assert response.json_body["details"][0]["field"] == field, response.body
    assert mine(client, resident)["requests"] == []


def test_a_proof_photo_is_kept_with_the_request_and_shown_to_its_committee(client, accounts, stack):
    resident = new_resident(stack)
    form = post(client, "/uploads/photos", resident, {"content_type": "image/png", "size_bytes": 8}).json_body
    uploaded = requests.post(form["url"], data=form["fields"], files={"file": ("p.png", b"\x89PNG\r\n\x1a\n", "image/png")},
                             timeout=10)
    assert uploaded.status_code in (200, 201, 204), uploaded.text
    request = ask(client, resident, proof_photos=[form["key"]])
    assert request["proof_photos"] == [f"attached/residences/{request['id']}/1.png"]
    s3 = boto3.client("s3", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)
    assert s3.head_object(Bucket=stack.attachments_bucket, Key=request["proof_photos"][0])["ContentLength"] == 8
    listed = next(i for i in queue(client, accounts["committee_staff"]) if i["id"] == request["id"])
    assert listed["proof_photos"] == request["proof_photos"]
    # The staff's page shows the photo through a presigned link; the bucket itself stays closed.
    [link] = listed["proof_photo_urls"]
    assert requests.get(link, timeout=10).content == b"\x89PNG\r\n\x1a\n"
    assert requests.get(link.split("?")[0], timeout=10).status_code == 403
    # Someone else's upload is not a proof of one's own.
    other = new_resident(stack)
    refused = post(client, "/me/residence", other, body(proof_photos=[form["key"]]))
    assert refused.status_code == 422 and refused.json_body["details"][0]["field"] == "proof_photos.0"


def test_a_committee_roster_pre_verifies_the_residents_it_matches(api_env, accounts, stack):
    from chalicelib.auth import Principal, Role, person_key
    from chalicelib.errors import NotFoundError
    from chalicelib.residence import repository, service

    matched, already = new_resident(stack), new_resident(stack, division=OTHER_KONGJIANG_COMMITTEE)
    unverified_phone = new_resident_phone()
    cognito = clients(stack.aws_endpoint_url, stack.region)["cognito-idp"]
    cognito.admin_create_user(UserPoolId=stack.user_pool_id, Username=unverified_phone, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "phone_number", "Value": unverified_phone},
                                              {"Name": "phone_number_verified", "Value": "false"}])
    nobody = new_resident_phone()
    staff = accounts["committee_staff"]
    uploader = Principal(user_id=staff.user_id, role=Role.committee_staff, jurisdiction=KONGJIANG_COMMITTEE)
    phones = [matched.phone, already.phone, unverified_phone, nobody, matched.phone]

    assert service.preverify_from_roster(uploader, KONGJIANG_COMMITTEE, phones) == 1
    assert residence_in_token_of(stack, matched) == KONGJIANG_COMMITTEE
    assert residence_in_token_of(stack, already) == OTHER_KONGJIANG_COMMITTEE
    current = repository.get_current(person_key(matched.user_id))
    assert (current.committee, current.basis.value, current.verified_by.user_id) == (KONGJIANG_COMMITTEE, "resident",
                                                                                       staff.user_id)
    requests_, events = repository.history(person_key(matched.user_id))
    assert [(r.source, r.status.value, r.reason) for r in requests_] == [("roster", "approved", "roster")]
    assert [e["action"] for e in events] == ["approve"]
    # A second upload of the same roster finds them verified already.
    assert service.preverify_from_roster(uploader, KONGJIANG_COMMITTEE, phones) == 0
    foreign = Principal(user_id="x", role=Role.committee_staff, jurisdiction=OTHER_KONGJIANG_COMMITTEE)
    with pytest.raises(NotFoundError):
        service.preverify_from_roster(foreign, KONGJIANG_COMMITTEE, [matched.phone])


def test_the_routes_are_in_the_contract(client):
    paths = client.http.get("/openapi.json").json_body["paths"]
    assert set(paths["/me/residence"]) == {"get", "post"}
    assert "409" in paths["/review/residences/{id}/{action}"]["post"]["responses"]
    assert {p["name"] for p in paths["/review/residences"]["get"]["parameters"]} >= {"division", "status", "cursor", "limit"}


def test_a_roster_upload_may_verify_the_residences_it_matches(client, accounts, stack, at):
    from tests.api.test_round_lifecycle import new_round

    staff, street = accounts["committee_staff"], accounts["street_official"]
    matched = new_resident(stack)
    at("2027-02-20T10:00:00")
    committee_round = new_round(client, staff)["id"]
    street_round = new_round(client, street, scope="310110012")["id"]

    plain = post(client, f"/rounds/{committee_round}/roster", staff, {"phones": [matched.phone]})
    assert plain.json_body["residences_verified"] == 0
    assert residence_in_token_of(stack, matched) is None
    refused = post(client, f"/rounds/{street_round}/roster", street, {"phones": [matched.phone], "verify_residence": True})
    assert refused.status_code == 422 and refused.json_body["details"][0]["field"] == "verify_residence"
    too_many = [f"+861370000{n:04d}" for n in range(201)]
    refused = post(client, f"/rounds/{committee_round}/roster", staff, {"phones": too_many, "verify_residence": True})
    assert refused.status_code == 422 and refused.json_body["details"][0]["field"] == "phones"

    verified = post(client, f"/rounds/{committee_round}/roster", staff,
                    {"phones": [matched.phone], "verify_residence": True})
    assert verified.status_code == 200, verified.body
    assert verified.json_body == {"round_id": committee_round, "added": 1, "residences_verified": 1}
    assert residence_in_token_of(stack, matched) == KONGJIANG_COMMITTEE
