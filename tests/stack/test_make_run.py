"""`make run`'s entry point, as a new user meets it: it comes up, writes its state file,
a demo user signs in through the embedded Cognito and calls an authenticated route, and
Ctrl-C stops everything it started."""

from __future__ import annotations

import json
import signal
import time
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import pytest

from chalicelib.live.index import INDEX_VERSION
from tests.local_stack_process import client_for, http_get, port_open, running_local_stack

ROOT = Path(__file__).resolve().parents[2]
ROLES = {"resident", "committee_staff", "street_official", "district_admin", "platform_admin"}


@pytest.fixture(scope="module")
def running_stack(tmp_path_factory):
    with running_local_stack(tmp_path_factory.mktemp("stack") / "stack.json") as stack:
        yield stack


def test_state_file_describes_the_stack(running_stack):
    state = running_stack["state"]
    for key in ("api_url", "aws_endpoint_url", "region", "user_pool_id", "user_pool_client_id",
                "officials_user_pool_id", "officials_user_pool_client_id",
                "table_name", "idempotency_table_name", "public_bucket", "attachments_bucket"):
        assert state[key], key
    assert state["api_url"] == f"http://127.0.0.1:{running_stack['api_port']}"
    assert {u["role"] for u in state["demo_users"]} == ROLES
    for user in state["demo_users"]:
        assert set(user) >= {"username", "password", "role", "division"}


def test_demo_user_signs_in_and_calls_an_authenticated_route(running_stack):
    state = running_stack["state"]
    cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    official = next(u for u in state["demo_users"] if u["role"] == "street_official")
    token = cognito.initiate_auth(
        ClientId=client_for(state, "street_official"), AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": official["username"], "PASSWORD": official["password"]},
    )["AuthenticationResult"]["IdToken"]

    status, body = http_get(f"{state['api_url']}/me", token)
    assert status == 200
    assert (body["role"], body["jurisdiction"]) == ("street_official", official["division"])

    assert http_get(f"{state['api_url']}/me")[0] == 401
    assert http_get(f"{state['api_url']}/me", token[:-4] + "AAAA")[0] == 403


def test_divisions_are_loaded(running_stack):
    status, body = http_get(f"{running_stack['state']['api_url']}/divisions/310110")
    assert status == 200
    assert body["name"] == "杨浦区" and len(body["children"]) == 12


def test_demo_suggestions_are_in_the_residents_list_and_the_streets_queue(running_stack):
    state = running_stack["state"]
    cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])

    def token_of(role):
        user = next(u for u in state["demo_users"] if u["role"] == role)
        return cognito.initiate_auth(
            ClientId=client_for(state, role), AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": user["username"], "PASSWORD": user["password"]},
        )["AuthenticationResult"]["IdToken"]

    status, mine = http_get(f"{state['api_url']}/suggestions/mine", token_of("resident"))
    assert status == 200
    assert {c["status"] for c in mine["items"]} == {"submitted", "assigned", "replied"}
    status, queue = http_get(f"{state['api_url']}/review/suggestions", token_of("street_official"))
    assert status == 200
    assert {c["id"] for c in mine["items"]} <= {c["id"] for c in queue["items"]}
    assert all("****" in c["submitter_phone_masked"] for c in queue["items"])


def test_demo_fund_pool_and_applications_are_readable(running_stack):
    state = running_stack["state"]
    cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    resident = next(u for u in state["demo_users"] if u["role"] == "resident")
    token = cognito.initiate_auth(
        ClientId=state["user_pool_client_id"], AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": resident["username"], "PASSWORD": resident["password"]},
    )["AuthenticationResult"]["IdToken"]
    status, mine = http_get(f"{state['api_url']}/funds/applications/mine", token)
    assert status == 200
    assert sorted(a["status"] for a in mine["items"]) == ["draft", "in_notice", "in_notice"]
    year = mine["items"][0]["year"]
    status, pool = http_get(f"{state['api_url']}/funds/pools/310110012001/{year}", token)
    assert status == 200
    assert pool["allocated_fen"] == pool["available_fen"] == 15_000_000 and pool["is_open"]


def test_last_month_is_published_from_the_queue_with_numbers_in_it(running_stack):
    from local_stack.demo_history import HISTORY

    state = running_stack["state"]
    s3 = boto3.client("s3", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        listed = s3.list_objects_v2(Bucket=state["public_bucket"], Prefix="summaries/latest.json")
        if listed.get("KeyCount"):
            break
        time.sleep(0.5)
    else:
        pytest.fail("the queue worker did not publish last month within 120 s")
    latest = json.loads(s3.get_object(Bucket=state["public_bucket"], Key="summaries/latest.json")["Body"].read())
    summary = json.loads(s3.get_object(Bucket=state["public_bucket"],
                                       Key=f"summaries/{latest['month']}/summary.json")["Body"].read())
    committee = next(row for row in summary["suggestions"] if row["division"] == "310110012001")
    assert committee["received"] == committee["replied"] == len(HISTORY)
    assert committee["satisfaction_mean"] is not None
    assert len(summary["adopted_suggestions"]) == 3  # adopted and consented: the 1st, 3rd and 5th
    # The page opens without credentials, as a resident's browser would open it.
    page = f"{state['aws_endpoint_url']}/{state['public_bucket']}/summaries/{latest['month']}/index.html"
    with urllib.request.urlopen(page, timeout=10) as response:
        assert response.status == 200 and response.headers["Content-Type"].startswith("text/html")


def test_the_live_index_files_are_written_from_the_demo_data(running_stack):
    state = running_stack["state"]
    s3 = boto3.client("s3", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    key = "live/index/310110012001.json"  # 控一居委会, where the demo suggestions are
    deadline = time.monotonic() + 150
    while not s3.list_objects_v2(Bucket=state["public_bucket"], Prefix=key).get("KeyCount"):
        if time.monotonic() > deadline:
            pytest.fail("make run wrote no live index file within 150 s")
        time.sleep(1)
    committee = json.loads(s3.get_object(Bucket=state["public_bucket"], Key=key)["Body"].read())
    assert committee["version"] == INDEX_VERSION and committee["level"] == "committee" and len(committee["trend"]) == 12
    city = json.loads(s3.get_object(Bucket=state["public_bucket"], Key="live/index/city.json")["Body"].read())
    assert "310110" in [d["division"] for d in city["districts"]]
    # The same figures the route computes when asked, anonymously.
    status, answer = http_get(f"{state['api_url']}/index/310110012001")
    assert status == 200 and answer["version"] == committee["version"]


def test_a_sign_up_code_is_served_at_local_sms_and_printed_nowhere(running_stack):
    state = running_stack["state"]
    cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    phone = "+8613612345678"
    cognito.sign_up(ClientId=state["user_pool_client_id"], Username=phone, Password="new-resident-1")

    status, sms = http_get(f"{state['api_url']}/local/sms?phone={phone}")
    assert status == 200 and sms["phone"] == phone
    assert [m["kind"] for m in sms["messages"]] == ["sign_up"]
    code = sms["messages"][0]["code"]
    # The mainland number without +86 names the same phone.
    assert http_get(f"{state['api_url']}/local/sms?phone=13612345678")[1]["messages"] == sms["messages"]
    cognito.confirm_sign_up(ClientId=state["user_pool_client_id"], Username=phone, ConfirmationCode=code)

    printed = running_stack["log"].read_text()
    assert f"{state['api_url']}/local/sms?phone=" in printed and state["sms_outbox"] in printed
    # Neither the message nor the outbox's line reached the log (a bare 6 digits may match a timestamp).
    assert sms["messages"][0]["message"] not in printed and f'"code": "{code}"' not in printed


def http_post(url, token, body, headers=None):
    request = urllib.request.Request(url, method="POST", data=json.dumps(body).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                                              **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_reply_to_a_paper_suggestion_reaches_the_sms_outbox_through_the_queue_worker(running_stack):
    """The topic, its filtered queue and `send_texts` as the queue worker runs it: nothing here
    calls the handler, only the API."""
    state = running_stack["state"]
    cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    official = next(u for u in state["demo_users"] if u["role"] == "street_official")
    token = cognito.initiate_auth(
        ClientId=client_for(state, "street_official"), AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": official["username"], "PASSWORD": official["password"]},
    )["AuthenticationResult"]["IdToken"]
    phone = f"+86135{time.time_ns() % 10**8:08d}"  # no demo account's, no other test's
    status, case = http_post(f"{state['api_url']}/suggestions", token, {
        "title": "楼道灯不亮", "content": "3 号楼 2 单元楼道灯坏了一周，晚上上下楼看不清。", "category": "other",
        "division": "310110012001", "publish_consent": False, "channel": "paper", "submitter_phone": phone,
    }, {"Idempotency-Key": f"make-run-texts-{phone[1:]}"})
    assert status == 201, case
    for action, body in (("accept", {}), ("reply", {"message": "已更换灯泡。", "adoption": "adopted"})):
        status, answer = http_post(f"{state['api_url']}/review/suggestions/{case['id']}/{action}", token, body)
        assert status == 200, (action, answer)

    deadline = time.monotonic() + 90
    while True:
        status, sms = http_get(f"{state['api_url']}/local/sms?phone={phone}")
        assert status == 200
        texts = [m for m in sms["messages"] if m["kind"] == "notification"]
        if texts:
            break
        if time.monotonic() > deadline:
            pytest.fail("no text reached the SMS outbox within 90 s of the reply")
        time.sleep(0.5)
    (text,) = texts
    assert text["message"] == f"【睦邻】您的建议（编号 {case['tracking_no']}）已答复，请登录睦邻或致电居委会查询。"
    # The sender logs the message id, never the number (only this test's own /local/sms requests name it).
    logged = [line for line in running_stack["log"].read_text().splitlines() if "/local/sms?phone=" not in line]
    assert "text sent" in "\n".join(logged) and not any(phone[3:] in line for line in logged)


def test_ctrl_c_stops_everything(running_stack):
    process = running_stack["process"]
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) == 0
    assert not port_open(running_stack["api_port"])
    deadline = time.monotonic() + 10
    while port_open(running_stack["aws_port"]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not port_open(running_stack["aws_port"]), "the embedded AWS outlived make run"

