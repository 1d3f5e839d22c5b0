"""Issue 23's acceptance for the `mulin` command: run as an official would run it, as a
subprocess against the local stack. A district admin creates a street official; the official's
first `mulin login` (temporary password, a new one, the authenticator set up from the secret
the command prints, then its code) caches tokens readable by them alone; they list the overdue
queue as JSON, accept and reply to a case, see both in its timeline, export the month as CSV,
and log out.

This module starts its own stack: test_make_run.py's stack ends with its Ctrl-C test, so a
shared one would be gone by the time this module runs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import stat
import subprocess
import sys
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

import boto3
import pexpect
import pytest

from local_stack import outbox
from local_stack.demo import DEMO_PASSWORD
from local_stack.embedded_mfa import totp
from tests.local_stack_process import client_for, running_local_stack

MULIN = str(Path(sys.executable).with_name("mulin"))
STREET = "310110012"
PHONE = "+8613800000077"
NEW_PASSWORD = "Street-Official-2026!"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    state_file = tmp_path_factory.mktemp("stack") / "stack.json"
    with running_local_stack(state_file) as running:
        yield {**running, "state_file": state_file}


@pytest.fixture(scope="module")
def env(stack, tmp_path_factory):
    config = tmp_path_factory.mktemp("config")
    base = {key: value for key, value in os.environ.items() if not key.startswith(("MULIN_", "LC_", "AWS_ENDPOINT"))}
    return {**base, "XDG_CONFIG_HOME": str(config), "MULIN_STACK": str(stack["state_file"]),
            "LANG": "en_US.UTF-8", "COLUMNS": "200"}


def mulin(env, *args, ok=True):
    done = subprocess.run([MULIN, *args], env=env, capture_output=True, text=True, timeout=120)
    if ok:
        assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


def admin_token(state):
    cognito = boto3.client("cognito-idp", endpoint_url=state["aws_endpoint_url"], region_name=state["region"])
    admin = next(u for u in state["demo_users"] if u["role"] == "district_admin")
    return cognito.initiate_auth(
        ClientId=client_for(state, "district_admin"), AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": admin["username"], "PASSWORD": DEMO_PASSWORD},
    )["AuthenticationResult"]["IdToken"]


def create_street_official(state):
    request = urllib.request.Request(
        f"{state['api_url']}/staff", method="POST",
        data=json.dumps({"phone": PHONE, "role": "street_official", "division": STREET, "name": "王芳"}).encode(),
        headers={"Authorization": f"Bearer {admin_token(state)}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 201


def first_login(env, temporary_password):
    child = pexpect.spawn(MULIN, ["login", "--phone", PHONE], env=env, encoding="utf-8", timeout=120)
    try:
        child.expect("Password")
        child.sendline(temporary_password)
        child.expect("Choose a new password")
        child.sendline(NEW_PASSWORD)
        child.expect("again")
        child.sendline(NEW_PASSWORD)
        child.expect(r"otpauth://totp/\S+")
        child.expect(r"Secret: ([A-Z2-7]+)")
        secret = child.match.group(1)
        child.expect("6-digit code")
        child.sendline(totp(secret))
        child.expect(pexpect.EOF)
        output = child.before
    finally:
        child.close()
    assert child.exitstatus == 0, output
    assert f"street_official, jurisdiction {STREET}" in output


def test_an_official_works_a_case_with_the_mulin_command(stack, env, tmp_path):
    state = stack["state"]
    create_street_official(state)
    message = outbox.latest(state["sms_outbox"], PHONE, "temporary_password")
    assert message is not None

    first_login(env, message["password"])
    caches = list(Path(env["XDG_CONFIG_HOME"]).rglob("*.json"))
    assert caches and all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in caches)
    assert json.loads(mulin(env, "--json", "whoami").stdout)["role"] == "street_official"

    # The demo's case sent the month before last and never accepted is past its deadline.
    overdue = json.loads(mulin(env, "--json", "queue", "suggestions", "--overdue").stdout)
    assert [case["title"] for case in overdue] == ["楼道堆物堵塞消防通道"]
    assert overdue[0]["overdue"] and overdue[0]["status"] == "submitted"
    case = overdue[0]

    mulin(env, "case", "accept", case["tracking_no"])
    mulin(env, "case", "reply", case["id"], "--message", "杂物已于本周清理，消防通道已畅通。", "--adoption", "adopted")
    conflict = mulin(env, "case", "accept", case["id"], ok=False)
    assert conflict.returncode == 1 and "close, reopen" in conflict.stderr

    shown = json.loads(mulin(env, "--json", "case", "show", case["id"]).stdout)
    assert [event["action"] for event in shown["timeline"]][-2:] == ["accept", "reply"]
    assert shown["status"] == "replied"

    sent = dt.datetime.fromisoformat(case["submitted_at"].replace("Z", "+00:00"))
    month = sent.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m")
    target = tmp_path / "f.csv"
    mulin(env, "export", "suggestions", "--month", month, "--csv", "--output", str(target))
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert case["tracking_no"] in {row["tracking_no"] for row in rows}
    assert next(row for row in rows if row["id"] == case["id"])["status"] == "replied"

    # The demo's topic, supported past its committee's threshold, awaits a meeting or an answer;
    # its page shows how it got there.
    topics = json.loads(mulin(env, "--json", "queue", "topics").stdout)
    queued = next(entry for entry in topics if entry["title"] == "楼道加装扶手" and entry["kind"] == "schedule")
    steps = [row["step"] for row in csv.DictReader(io.StringIO(mulin(env, "--csv", "topic", "show",
                                                                     queued["topic_id"]).stdout))]
    assert steps[0] == "raised" and "queued" in steps

    mulin(env, "logout")
    assert not list(Path(env["XDG_CONFIG_HOME"]).rglob("*.json"))
    assert mulin(env, "whoami", ok=False).returncode == 3
