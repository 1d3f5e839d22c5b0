"""Behind CloudFront the API and its web ACL count the viewer's address, which only CloudFront
can write: a viewer-request function on `/api/*` sets it, a custom origin header carries the
origin secret (as a dynamic reference, never a value), the API's web ACL blocks requests
without that secret and counts the forwarded address, and the user pools' sign-in, reached
directly, is still counted by the connection's address."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from chalicelib.web.requests import CLIENT_ADDRESS_HEADER, ORIGIN_VERIFY_HEADER
from infra.site import API_STAGE, CLIENT_ADDRESS_FUNCTION
from tests.infra.conftest import resources

# Runs the function file as CloudFront does (a script defining `handler`), on each event given.
NODE_HARNESS = """
const fs = require('fs'), vm = require('vm');
const context = vm.createContext({});
vm.runInContext(fs.readFileSync(process.argv[1], 'utf8'), context);
const events = JSON.parse(fs.readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(events.map((event) => context.handler(event))));
"""


def viewer_request(ip: str, headers: dict) -> dict:
    return {"version": "1.0", "context": {"eventType": "viewer-request"}, "viewer": {"ip": ip},
            "request": {"method": "POST", "uri": "/api/rounds/r/code-ballots", "querystring": {}, "headers": headers,
                        "cookies": {}}}


def run_function(events: list[dict]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node (20, as CloudFront's JavaScript runtime 2.0 is close to) is needed to run the function")
    result = subprocess.run([node, "-e", NODE_HARNESS, str(CLIENT_ADDRESS_FUNCTION)], input=json.dumps(events),
                            capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def test_the_viewer_request_function_overwrites_whatever_the_client_sent():
    host = {"host": {"value": "mulin.example.org"}}
    events = [
        viewer_request("198.51.100.7", dict(host)),
        viewer_request("198.51.100.7", {**host, CLIENT_ADDRESS_HEADER: {"value": "203.0.113.1"},
                                        "x-forwarded-host": {"value": "evil.example.com"}}),
        viewer_request("2001:db8::7", {**host, CLIENT_ADDRESS_HEADER: {
            "value": "203.0.113.1", "multiValue": [{"value": "203.0.113.1"}, {"value": "203.0.113.2"}]},
            "x-forwarded-for": {"value": "203.0.113.3"}}),
    ]
    requests = run_function(events)
    assert [r["headers"][CLIENT_ADDRESS_HEADER] for r in requests] == [
        {"value": "198.51.100.7"}, {"value": "198.51.100.7"}, {"value": "2001:db8::7"}]
    # The session routes compare Origin with the site's host, whatever the client claimed it was.
    assert [r["headers"]["x-forwarded-host"] for r in requests] == [{"value": "mulin.example.org"}] * 3
    # Everything else passes as it came; the API never reads X-Forwarded-For.
    assert requests[2]["headers"]["x-forwarded-for"] == {"value": "203.0.113.3"}
    assert all(r["headers"]["host"] == host["host"] and r["uri"] == "/api/rounds/r/code-ballots" for r in requests)


def secret_reference(template) -> dict:
    (secret,) = [name for name in resources(template, "AWS::SecretsManager::Secret") if name.startswith("OriginVerify")]
    return {"Fn::Join": ["", ["{{resolve:secretsmanager:", {"Ref": secret}, ":SecretString:::}}"]]}


def api_behaviour(template) -> tuple[dict, dict]:
    (distribution,) = resources(template, "AWS::CloudFront::Distribution").values()
    config = distribution["Properties"]["DistributionConfig"]
    (behaviour,) = [b for b in config["CacheBehaviors"] if b["PathPattern"] == f"/{API_STAGE}/*"]
    origins = {o["Id"]: o for o in config["Origins"]}
    return behaviour, origins[behaviour["TargetOriginId"]]


def test_the_api_behaviour_writes_the_viewer_address_and_sends_the_origin_secret(template):
    behaviour, origin = api_behaviour(template)
    (association,) = behaviour["FunctionAssociations"]
    assert association["EventType"] == "viewer-request"
    function_name = association["FunctionARN"]["Fn::GetAtt"][0]
    function = resources(template, "AWS::CloudFront::Function")[function_name]["Properties"]
    assert function["FunctionConfig"]["Runtime"] == "cloudfront-js-2.0"
    assert function["AutoPublish"] is True
    # What deploys is the file the function test runs.
    assert function["FunctionCode"] == CLIENT_ADDRESS_FUNCTION.read_text(encoding="utf-8")

    assert origin["DomainName"]["Fn::Join"][1][0] == {"Ref": "RestAPI"}
    assert origin["OriginCustomHeaders"] == [{"HeaderName": ORIGIN_VERIFY_HEADER,
                                              "HeaderValue": secret_reference(template)}]
    # The secret's value is nowhere in the template: CloudFormation resolves it at deployment.
    (secret,) = [r for n, r in resources(template, "AWS::SecretsManager::Secret").items() if n.startswith("OriginVerify")]
    assert "SecretString" not in secret["Properties"] and "GenerateSecretString" in secret["Properties"]
    # The other behaviours (pages, months) never reach the API and need no address.
    (distribution,) = resources(template, "AWS::CloudFront::Distribution").values()
    config = distribution["Properties"]["DistributionConfig"]
    assert "FunctionAssociations" not in config["DefaultCacheBehavior"]


def web_acls(template) -> dict[str, dict]:
    """Each web ACL by what it is associated with: "api" (the stage) or "sign_in" (the pools)."""
    acls = resources(template, "AWS::WAFv2::WebACL")
    doors: dict[str, set[str]] = {}
    for association in resources(template, "AWS::WAFv2::WebACLAssociation").values():
        arn, acl = association["Properties"]["ResourceArn"], association["Properties"]["WebACLArn"]["Fn::GetAtt"][0]
        doors.setdefault(acl, set()).add("api" if "Fn::Join" in arn else "sign_in")
    assert all(len(kinds) == 1 for kinds in doors.values()), doors
    return {kinds.pop(): acls[name]["Properties"] for name, kinds in doors.items()}


def test_the_api_web_acl_blocks_requests_around_cloudfront_and_counts_the_forwarded_address(template):
    from infra.firewall import ADDRESS_LIMITS

    acls = web_acls(template)
    rules = sorted(acls["api"]["Rules"], key=lambda r: r["Priority"])
    by_name = {r["Name"]: r for r in rules}
    first = rules[0]
    # Evaluated first, so nothing else is spent on a request that did not come through CloudFront.
    assert first["Name"] == "OnlyThroughSite" and "Block" in first["Action"]
    assert first["Statement"]["NotStatement"]["Statement"]["ByteMatchStatement"] == {
        "SearchString": secret_reference(template),
        "FieldToMatch": {"SingleHeader": {"Name": ORIGIN_VERIFY_HEADER}},
        "PositionalConstraint": "EXACTLY",
        "TextTransformations": [{"Priority": 0, "Type": "NONE"}],
    }
    body = acls["api"]["CustomResponseBodies"][first["Action"]["Block"]["CustomResponse"]["CustomResponseBodyKey"]]
    assert set(json.loads(body["Content"])) == {"code", "message", "details", "correlation_id"}

    rate = by_name["RequestsPerAddress"]["Statement"]["RateBasedStatement"]
    assert rate["AggregateKeyType"] == "FORWARDED_IP"
    assert rate["ForwardedIPConfig"] == {"HeaderName": CLIENT_ADDRESS_HEADER, "FallbackBehavior": "MATCH"}
    assert rate["Limit"] == ADDRESS_LIMITS["prod"].requests
    # No rule of the API's ACL counts by the connection's address, which is an edge's.
    assert all(r["Statement"].get("RateBasedStatement", {}).get("AggregateKeyType") != "IP" for r in rules)


def test_sign_in_is_counted_by_the_connection_address_in_its_own_web_acl(template):
    from infra.firewall import ADDRESS_LIMITS

    sign_in = {r["Name"]: r for r in web_acls(template)["sign_in"]["Rules"]}
    limited = {name: r["Statement"]["RateBasedStatement"] for name, r in sign_in.items()
               if "RateBasedStatement" in r["Statement"]}
    assert {name: (s["AggregateKeyType"], s["Limit"]) for name, s in limited.items()} == {
        "SignInPerAddress": ("IP", ADDRESS_LIMITS["prod"].sign_in),
        "RequestsPerAddress": ("IP", ADDRESS_LIMITS["prod"].requests),
    }
    # Browsers call Cognito directly: its ACL must not demand CloudFront's secret.
    assert "OnlyThroughSite" not in sign_in
    associated = [a["Properties"]["ResourceArn"] for a in resources(template, "AWS::WAFv2::WebACLAssociation").values()]
    assert sorted(json.dumps(arn) for arn in associated if "Fn::GetAtt" in arn) == sorted(
        json.dumps({"Fn::GetAtt": [pool, "Arn"]}) for pool in resources(template, "AWS::Cognito::UserPool"))


def test_in_china_without_a_distribution_the_api_counts_the_connection_address(china):
    (acl,) = resources(china.template, "AWS::WAFv2::WebACL").values()
    rules = {r["Name"]: r for r in acl["Properties"]["Rules"]}
    assert "OnlyThroughSite" not in rules
    assert rules["RequestsPerAddress"]["Statement"]["RateBasedStatement"]["AggregateKeyType"] == "IP"
    assert ORIGIN_VERIFY_HEADER not in json.dumps(china.template)
