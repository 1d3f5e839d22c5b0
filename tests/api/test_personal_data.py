"""A resident's data rights through the real app, the embedded Cognito and S3: GET /me/data
returns what the platform holds about them, DELETE /me erases it and the account. Each test
signs up residents of its own (they are deleted), and reads the table back afterwards
through the repositories (Query and GetItem, never Scan)."""

from __future__ import annotations

import secrets
import uuid

import boto3
import pytest
import requests
from botocore.exceptions import ClientError

from tests.api.conftest import Account
from tests.api.fund_helpers import act as act_on_application
from tests.api.fund_helpers import create_pool, new_application
from tests.api.suggestion_helpers import KONGJIANG_COMMITTEE, get, post, submit
from tests.api.suggestion_helpers import act as act_on_case
from tests.api.test_fund_access import team_name
from tests.api.test_uploads_api import tiny_png

PASSWORD = "Personal-data-pass-1"
FUND_YEAR = 2052
ERASED = "已应本人要求删除 / erased at the resident's request"


def new_resident(division: str | None = KONGJIANG_COMMITTEE, phone: str | None = None) -> Account:
    """A resident of their own, signed in, made in the user pool the app's settings name (the
    access matrix uses it too, to erase someone other than the session's accounts)."""
    from chalicelib import aws
    from chalicelib.identity import create_user
    from chalicelib.settings import get_settings

    settings, cognito = get_settings(), aws.client("cognito-idp")
    phone = phone or new_phone()
    user_id = create_user(cognito, settings.user_pool_id, phone=phone, password=PASSWORD, group=None, division=division)
    token = cognito.initiate_auth(ClientId=settings.user_pool_client_id, AuthFlow="USER_PASSWORD_AUTH",
                                  AuthParameters={"USERNAME": phone, "PASSWORD": PASSWORD})["AuthenticationResult"]
    return Account("erasable_resident", "resident", division, phone, user_id, token["IdToken"])


def new_phone() -> str:
    return f"+86136{secrets.randbelow(10**8):08d}"


def delete(client, account):
    return client.http.request("DELETE", "/me", headers=account.headers)


def my_data(client, account) -> dict:
    response = get(client, "/me/data", account)
    assert response.status_code == 200, response.body
    return response.json_body


def upload_photo(client, account) -> str:
    png = tiny_png()
    form = post(client, "/uploads/photos", account, {"content_type": "image/png", "size_bytes": len(png)})
    assert form.status_code == 201, form.body
    uploaded = requests.post(form.json_body["url"], data=form.json_body["fields"],
                             files={"file": ("p.png", png, "image/png")}, timeout=10)
    assert uploaded.status_code in (200, 201, 204), uploaded.text
    return form.json_body["key"]


def objects_under(stack, prefix: str) -> list[str]:
    s3 = boto3.client("s3", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)
    return [o["Key"] for o in s3.list_objects_v2(Bucket=stack.attachments_bucket, Prefix=prefix).get("Contents", [])]


def cognito_user_exists(stack, account: Account) -> bool:
    cognito = boto3.client("cognito-idp", endpoint_url=stack.aws_endpoint_url, region_name=stack.region)
    try:
        cognito.admin_get_user(UserPoolId=stack.user_pool_id, Username=account.phone)
    except ClientError as exc:
        assert exc.response["Error"]["Code"] == "UserNotFoundException"
        return False
    return True


def ensure_pool(client, street, year: int) -> None:
    if get(client, f"/funds/pools/{KONGJIANG_COMMITTEE}/{year}", street).status_code == 404:
        create_pool(client, street, year, 50_000_000)


def in_notice(client, accounts, lead) -> dict:
    created = new_application(client, lead, FUND_YEAR, team=team_name())
    submitted = act_on_application(client, lead, created["id"], "submit", created["version"])
    return act_on_application(client, accounts["committee_staff"], created["id"], "recommend", submitted["version"])


@pytest.fixture
def lives(client, accounts, at):
    """A resident with a footprint everywhere: three cases (consented, not consented with a
    photo and a place, one entered by staff for their number), a rated reply, messages, a fund
    application they lead that was approved and paid, and an objection to a neighbour's;
    the neighbour's own application and messages stand beside them."""
    resident, neighbour = new_resident(), new_resident()
    street, staff = accounts["street_official"], accounts["committee_staff"]
    consented = submit(client, resident, title="楼道灯坏了 请拨 13912345678", publish_consent=True)
    private = submit(client, resident, title="我家楼下的噪音", content="3 号楼 502 室楼下每晚施工。",
                     location="控江路 1500 弄 3 号楼", publish_consent=False, photos=[upload_photo(client, resident)])
    entered = post(client, "/suggestions", staff, {
        "title": "电话反映：垃圾房异味", "content": "居民来电反映垃圾房异味。", "category": "sanitation",
        "division": KONGJIANG_COMMITTEE, "channel": "hotline_12345", "submitter_phone": resident.phone})
    assert entered.status_code == 201, entered.body
    neighbours_case = submit(client, neighbour, title="邻居的建议")
    act_on_case(client, street, consented["id"], "accept")
    act_on_case(client, street, consented["id"], "reply", {"message": "已更换灯具。", "adoption": "adopted"})
    rated = post(client, f"/suggestions/{consented['id']}/rating", resident, {"score": 4, "comment": "修得很快，谢谢"})
    assert rated.status_code == 201, rated.body

    at(f"{FUND_YEAR}-01-05T09:00:00")
    ensure_pool(client, street, FUND_YEAR)
    at(f"{FUND_YEAR}-03-02T10:00:00")
    own = in_notice(client, accounts, resident)
    theirs = in_notice(client, accounts, neighbour)
    objected = post(client, f"/funds/applications/{theirs['id']}/objections", resident, {"reason": "排练时间太晚，影响休息。"})
    assert objected.status_code == 201, objected.body
    at(f"{FUND_YEAR}-03-20T10:00:00")
    approved = act_on_application(client, street, own["id"], "approve", own["version"])
    act_on_application(client, street, own["id"], "fund", approved["version"], advance_fen=100_000)
    return {"resident": resident, "neighbour": neighbour, "consented": consented["id"], "private": private["id"],
            "entered": entered.json_body["id"], "neighbours_case": neighbours_case["id"], "application": own["id"],
            "neighbours_application": theirs["id"], "objection": objected.json_body["id"]}


def test_the_export_holds_everything_the_platform_can_tie_to_the_resident(client, lives):
    resident = lives["resident"]
    data = my_data(client, resident)

    assert data["account"]["user_id"] == resident.user_id
    assert data["account"]["phone"] == resident.phone and data["account"]["phone_masked"].count("*") == 4
    assert data["account"]["residence"] == KONGJIANG_COMMITTEE and data["account"]["status"] == "CONFIRMED"
    cases = {case["id"]: case for case in data["suggestions"]}
    assert set(cases) == {lives["consented"], lives["private"], lives["entered"]}
    assert cases[lives["private"]]["location"] == "控江路 1500 弄 3 号楼" and len(cases[lives["private"]]["photos"]) == 1
    assert cases[lives["entered"]]["submitter_phone"] == resident.phone
    assert cases[lives["entered"]]["entered_by_role"] == "committee_staff"
    assert [step["action"] for step in cases[lives["consented"]]["timeline"]] == ["submit", "accept", "reply", "rate"]
    assert all(step.get("actor_id") is None for case in cases.values() for step in case["timeline"])
    assert data["ratings"] == [{"suggestion_id": lives["consented"], "round": 1, "score": 4,
                                "comment": "修得很快，谢谢", "at": data["ratings"][0]["at"]}]
    assert {m["subject_id"] for m in data["inbox"]} >= {lives["consented"], lives["private"], lives["entered"],
                                                        lives["application"]}
    [application] = data["fund_applications"]
    assert application["id"] == lives["application"] and application["team"]["lead_name"] == "王阿姨"
    assert [e["action"] for e in application["timeline"]][:3] == ["create", "submit", "recommend"]
    assert [(o["application_id"], o["id"]) for o in data["objections_filed"]] == [
        (lives["neighbours_application"], lives["objection"])]
    assert data["residence_requests"] == []
    assert any("ballot" in item["what"] for item in data["not_linked"])
    assert any("30 years" in item["kept_for"] for item in data["retention"])
    assert data["erasure"] is None
    # Nothing of the neighbour's.
    assert lives["neighbours_case"] not in cases and lives["neighbours_application"] not in {
        a["id"] for a in data["fund_applications"]}


def test_erasure_removes_the_person_and_keeps_what_others_rely_on(client, accounts, lives, stack):
    from chalicelib.auth import person_key
    from chalicelib.funds import repository as funds
    from chalicelib.notifications.repository import inbox_page
    from chalicelib.storage.keys import inbox_partition
    from chalicelib.suggestions import repository as suggestions

    resident, neighbour = lives["resident"], lives["neighbour"]
    photo_folder = f"attached/suggestions/{lives['private']}/"
    assert objects_under(stack, photo_folder)
    neighbours_inbox_before = inbox_page(inbox_partition(person_key(neighbour.user_id)), 100, None)[0]

    response = delete(client, resident)

    assert response.status_code == 200, response.body
    receipt = response.json_body
    assert receipt["status"] == "erased" and receipt["erased"]["account_deleted"] is True
    erased = receipt["erased"]
    assert (erased["suggestions_erased"], erased["suggestions_anonymised"]) == (2, 1)
    assert (erased["ratings_anonymised"], erased["fund_applications_anonymised"], erased["objections_unlinked"]) == (
        1, 1, 1)
    assert erased["photos_deleted"] == 1 and erased["inbox_messages_deleted"] >= 6
    assert not cognito_user_exists(stack, resident)

    # The case without consent: its text, place and photos are gone; the officials' steps stay.
    private = suggestions.get_case_record(lives["private"])
    assert (private.case.title, private.case.content, private.case.location, private.case.photos) == (
        ERASED, ERASED, None, [])
    assert private.case.submitter.startswith("erased#") and private.case.submitter_phone is None
    assert objects_under(stack, photo_folder) == []
    assert [e["action"] for e in sorted(private.events, key=lambda e: e["at"])] == ["submit", "erase"]
    assert resident.user_id not in {e["actor_id"] for e in private.events}
    entered = suggestions.get_case_record(lives["entered"]).case
    assert (entered.title, entered.submitter_phone) == (ERASED, None)
    assert entered.entered_by is not None  # the staff member who typed it in is the office's record

    # The consented case keeps its text, scrubbed of numbers, without who sent it.
    consented = suggestions.get_case_record(lives["consented"])
    assert consented.case.title.startswith("楼道灯坏了") and "13912345678" not in consented.case.title
    assert consented.case.content.startswith("控江路") and consented.case.location is None
    assert consented.case.submitter.startswith("erased#") and consented.case.submitter_phone is None
    assert consented.case.submitter != private.case.submitter  # tombstones link nothing to each other
    assert consented.case.reply.message == "已更换灯具。"
    [rating] = consented.ratings
    assert (rating["score"], rating.get("comment"), rating["submitter"].startswith("erased#")) == (4, None, True)
    assert (consented.case.rating_count, consented.case.rating_sum) == (1, 4)
    rate_event = next(e for e in consented.events if e["action"] == "rate")
    assert rate_event.get("message") is None and rate_event["actor_id"] != resident.user_id
    assert {e["actor_id"] for e in consented.events if e["action"] in ("accept", "reply")} == {
        accounts["street_official"].user_id}

    # No message is left, no case is listed under the person's key any more.
    assert inbox_page(inbox_partition(person_key(resident.user_id)), 100, None)[0] == []
    assert suggestions.list_by_submitter(person_key(resident.user_id), 100, None)[0] == []

    # The fund application keeps its team, plan and money; not its lead.
    record = funds.get_application_record(lives["application"])
    application, events = record.application, record.events
    assert application.team.lead_name != "王阿姨" and application.team.name.startswith("楼组议事队")
    assert application.applicant_id.startswith("erased#") and application.applicant_key.startswith("erased#")
    assert application.approved_fen == application.requested_fen and application.disbursed_fen == 100_000
    assert resident.user_id not in {e.actor_id for e in events}
    ledger = [e for e in funds.whole_ledger(KONGJIANG_COMMITTEE, FUND_YEAR) if e.application_id == application.id]
    assert {(e.kind.value, e.amount_fen) for e in ledger} >= {("commit", application.requested_fen),
                                                             ("disburse", 100_000)}
    assert funds.my_applications_page(resident.user_id, 10, None)[0] == []

    # The objection stays on the neighbour's application, without its author.
    theirs = funds.get_application_record(lives["neighbours_application"])
    [objection] = theirs.objections
    assert objection.reason == "排练时间太晚，影响休息。" and objection.objector_key is None
    assert resident.user_id not in {e.actor_id for e in theirs.events}

    # The neighbour's own records are untouched.
    neighbours_application = funds.get_application_record(lives["neighbours_application"]).application
    assert neighbours_application.team.lead_name == "王阿姨"
    assert neighbours_application.applicant_id == neighbour.user_id
    assert suggestions.get_case_record(lives["neighbours_case"]).case.title == "邻居的建议"
    assert inbox_page(inbox_partition(person_key(neighbour.user_id)), 100, None)[0] == neighbours_inbox_before
    assert cognito_user_exists(stack, neighbour)

    # The token still verifies for its hour: reads find nothing, writes are refused, a repeat is harmless.
    after = my_data(client, resident)
    assert (after["suggestions"], after["inbox"], after["fund_applications"], after["objections_filed"]) == (
        [], [], [], [])
    assert after["erasure"]["status"] == "erased"
    refused = post(client, "/suggestions", resident, {"title": "又一条", "content": "内容", "category": "other",
                                                     "division": KONGJIANG_COMMITTEE})
    assert refused.status_code == 410 and refused.json_body["code"] == "account_erased", refused.body
    assert suggestions.list_by_submitter(person_key(resident.user_id), 100, None)[0] == []
    repeat = delete(client, resident)
    assert repeat.status_code == 200, repeat.body
    assert repeat.json_body["erased"] == erased and repeat.json_body["finished_at"] == receipt["finished_at"]
    assert post(client, "/uploads/photos", neighbour, {"content_type": "image/png", "size_bytes": 10}).status_code == 201


def test_an_erasure_cut_short_is_finished_by_a_repeat_and_blocks_writes_meanwhile(client, stack, monkeypatch):
    from chalicelib import directory

    resident = new_resident()
    case = submit(client, resident, publish_consent=False)

    def unavailable(sub):
        raise RuntimeError("user pool unreachable")

    monkeypatch.setattr(directory, "delete_resident", unavailable)
    failed = delete(client, resident)
    assert failed.status_code == 500, failed.body
    assert cognito_user_exists(stack, resident)
    # Begun: the data is gone already, the account not yet, and nothing new may be written.
    halfway = my_data(client, resident)
    assert halfway["erasure"]["status"] == "erasing" and halfway["suggestions"] == []
    assert post(client, f"/suggestions/{case['id']}/rating", resident, {"score": 5}).status_code == 410
    monkeypatch.undo()

    finished = delete(client, resident)
    assert finished.status_code == 200, finished.body
    assert finished.json_body["erased"]["suggestions_erased"] == 1
    assert finished.json_body["erased"]["account_deleted"] is True
    assert not cognito_user_exists(stack, resident)


def test_a_case_staff_entered_before_the_account_existed_is_the_residents_to_read_and_erase(client, accounts):
    from chalicelib.suggestions import repository as suggestions

    phone = new_phone()
    entered = post(client, "/suggestions", accounts["committee_staff"], {
        "title": "纸质表单：健身器材损坏", "content": "小区健身器材损坏。", "category": "culture_sports",
        "division": KONGJIANG_COMMITTEE, "channel": "paper", "submitter_phone": phone})
    assert entered.status_code == 201, entered.body
    resident = new_resident(phone=phone)  # signs up later with that number, proven

    assert [case["id"] for case in my_data(client, resident)["suggestions"]] == [entered.json_body["id"]]
    assert delete(client, resident).json_body["erased"]["suggestions_erased"] == 1
    case = suggestions.get_case_record(entered.json_body["id"]).case
    assert (case.title, case.submitter_phone, case.submitter.startswith("erased#")) == (ERASED, None, True)


def test_a_residence_request_keeps_its_committee_and_status_without_the_flat(client, accounts, stack):
    from chalicelib.residence import repository as residence

    resident = new_resident(division=None)
    asked = post(client, "/me/residence", resident, {"committee": KONGJIANG_COMMITTEE, "building": "12号楼",
                                                     "room": "301室", "basis": "tenant", "note": "2025 年起租住"},
                 {"Idempotency-Key": str(uuid.uuid4())})
    assert asked.status_code == 201, asked.body
    [exported] = my_data(client, resident)["residence_requests"]
    assert (exported["building"], exported["room"], exported["status"]) == ("12号楼", "301室", "pending")

    assert delete(client, resident).status_code == 200

    request = residence.get_request(asked.json_body["id"])
    assert (request.committee, request.status.value) == (KONGJIANG_COMMITTEE, "pending")
    assert (request.building, request.room, request.note, request.proof_photos) == (None, None, None, [])
    assert request.user_id != resident.user_id
    from chalicelib.auth import person_key

    assert residence.history(person_key(resident.user_id)) == ([], [])
    queue = get(client, f"/review/residences?division={KONGJIANG_COMMITTEE}&limit=100", accounts["committee_staff"])
    assert asked.json_body["id"] not in {item["id"] for item in queue.json_body["items"]}


def test_the_export_holds_what_the_resident_wrote_in_topics_and_meetings(client, accounts, at):
    from tests.api.meeting_helpers import act as act_on_meeting
    from tests.api.meeting_helpers import schedule
    from tests.api.topic_helpers import act, comment, raise_topic

    at("2051-03-06T10:00:00")
    resident, neighbour, staff = new_resident(), accounts["kongjiang_neighbour"], accounts["committee_staff"]
    mine = raise_topic(client, resident, title="楼道扶手", background="老人上下楼不便。")
    own_comment = comment(client, resident, mine["id"], "我家在3号楼。")
    act(client, staff, mine["id"], "hide", {"comment_id": own_comment["id"], "reason": "含有住址信息"})
    assert post(client, f"/topics/{mine['id']}/appeals", resident,
                {"comment_id": own_comment["id"], "text": "只是楼号，不是门牌。"}).status_code in (200, 201)
    theirs = raise_topic(client, neighbour, title="加装充电桩")
    assert post(client, f"/topics/{theirs['id']}/supports", resident, {}).status_code == 201
    neighbours_comment = comment(client, neighbour, theirs["id"], "谢谢。")
    assert post(client, f"/topics/{theirs['id']}/reports", resident, {
        "reason": "off_topic", "comment_id": neighbours_comment["id"], "note": "我是举报人"}).status_code in (200, 201)
    created = schedule(client, staff, [theirs["id"]])
    act_on_meeting(client, resident, created["id"], "register", {"name": "王阿姨"})

    data = my_data(client, resident)
    assert [(t["id"], t["title"]) for t in data["topics"]] == [(mine["id"], "楼道扶手")]  # not the neighbour's
    assert [s["topic_id"] for s in data["supports"]] == [theirs["id"]]
    assert [(c["id"], c["text"]) for c in data["comments"]] == [(own_comment["id"], "我家在3号楼。")]
    assert [(r["target"], r["note"]) for r in data["reports"]] == [(neighbours_comment["id"], "我是举报人")]
    assert [(a["target"], a["text"], a["status"]) for a in data["appeals"]] == [
        (own_comment["id"], "只是楼号，不是门牌。", "pending")]
    [registration] = data["meeting_registrations"]
    assert (registration["meeting_id"], registration["name"]) == (created["id"], "王阿姨")
    assert registration["title"] == created["title"]


@pytest.mark.parametrize("name", ["committee_staff", "street_official", "platform_admin"])
def test_officials_are_answered_by_their_administrator(client, accounts, name):
    assert get(client, "/me/data", accounts[name]).status_code == 403
    assert delete(client, accounts[name]).status_code == 403


def test_both_routes_are_in_the_contract(client):
    paths = get(client, "/openapi.json").json_body["paths"]
    assert "DataExport" in str(paths["/me/data"]["get"]) and "ErasureReceipt" in str(paths["/me"]["delete"])
