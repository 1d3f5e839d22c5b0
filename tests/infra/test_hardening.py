"""The deployment is checked, not trusted: cdk-nag, cfn-lint, the China partition, the site
behind CloudFront, alarms, logs, API limits and a bundle that carries its bytecode."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.infra.conftest import CHINA_CONTEXT, resources, synthesize

# W3005 is a DependsOn CDK's own BucketDeployment adds beside a GetAtt; harmless and not ours.
CFN_LINT_IGNORED = ["W3005"]


def test_cdk_nag_aws_solutions_pass_with_every_acknowledgement_reasoned(prod, china):
    from infra.nag import ACKNOWLEDGED, DEPLOYMENT_REASON

    for synthesized in (prod, china):
        reports = {r["pluginName"]: (r["conclusion"], r["violations"]) for r in synthesized.nag_report["pluginReports"]}
        # CDK's own template check reports beside cdk-nag once anything in it is acknowledged.
        assert reports.pop("AwsSolutions") == ("success", [])
        assert set(reports) <= {"CloudFormation Validate"}
        assert all(outcome == ("success", []) for outcome in reports.values())
    reasons = [reason for findings in ACKNOWLEDGED.values() for _, reason in findings] + [DEPLOYMENT_REASON]
    assert all(len(reason) >= 60 for reason in reasons)


def test_cdk_nag_is_really_applied_an_open_bucket_fails(tmp_path):
    import aws_cdk as cdk
    from aws_cdk import aws_s3 as s3
    from cdk_nag import AwsSolutionsChecks

    app = cdk.App(outdir=str(tmp_path))
    s3.Bucket(cdk.Stack(app, "Careless"), "Open")
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(app))
    with pytest.raises(Exception, match="AwsSolutions-S10"):
        app.synth()


@pytest.mark.parametrize("which", ["prod", "china"])
def test_cfn_lint_passes_on_the_synthesized_templates(which, request):
    synthesized = request.getfixturevalue(which)
    region = "cn-north-1" if which == "china" else "ap-east-1"
    cfn_lint = Path(sys.executable).with_name("cfn-lint")
    result = subprocess.run([str(cfn_lint), "--regions", region, "--ignore-checks", *CFN_LINT_IGNORED, "--",
                             str(synthesized.template_path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_china_stage_uses_no_global_only_service_and_names_no_partition(china):
    kinds = {r["Type"] for r in china.template["Resources"].values()}
    assert not {k for k in kinds if k.startswith(("AWS::CloudFront::", "AWS::Cognito::"))}
    assert "arn:aws:" not in json.dumps(china.template)
    variables = china.template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    assert variables["MULIN_JWT_ISSUER"] == CHINA_CONTEXT["oidc_issuer"]
    assert variables["MULIN_JWKS_URL"] == CHINA_CONTEXT["oidc_jwks_url"]
    assert variables["MULIN_USER_POOL_CLIENT_ID"] == CHINA_CONTEXT["oidc_client_id"]


def test_the_china_stage_refuses_to_synthesize_without_an_issuer(tmp_path):
    with pytest.raises(ValueError, match="oidc_issuer"):
        synthesize(tmp_path, "dev", "cn-northwest-1")


def test_the_pages_and_months_are_served_by_cloudfront_through_origin_access_control(template):
    (distribution,) = resources(template, "AWS::CloudFront::Distribution").values()
    config = distribution["Properties"]["DistributionConfig"]
    assert config["DefaultRootObject"] == "index.html"
    assert config["DefaultCacheBehavior"]["ViewerProtocolPolicy"] == "redirect-to-https"
    assert config["Logging"]["Bucket"]
    s3_origin = next(o for o in config["Origins"] if "S3OriginConfig" in o)
    assert s3_origin["OriginAccessControlId"] and s3_origin["S3OriginConfig"]["OriginAccessIdentity"] == ""
    behaviours = {b["PathPattern"]: b for b in config["CacheBehaviors"]}
    assert set(behaviours) == {"/api/*", "/summaries/*", "/live/*"}
    api = behaviours["/api/*"]
    assert api["ViewerProtocolPolicy"] == "https-only"
    assert "POST" in api["AllowedMethods"]
    api_origin = next(o for o in config["Origins"] if o["Id"] == api["TargetOriginId"])
    assert "execute-api" in json.dumps(api_origin["DomainName"])
    public_policy = json.dumps(resources(template, "AWS::S3::BucketPolicy"))
    assert "cloudfront.amazonaws.com" in public_policy and "AWS:SourceArn" in public_policy


def test_the_pages_are_deployed_with_a_config_that_points_at_the_api_on_the_same_domain(prod):
    from infra.site import site_config
    from local_stack.server import site_config as local_config

    (deployment,) = resources(prod.template, "Custom::CDKBucketDeployment").values()
    assert deployment["Properties"]["Prune"] is False  # published months are never deleted
    pages, config = (prod.template_path.parent / f"asset.{key.removesuffix('.zip')}"
                     for key in deployment["Properties"]["SourceObjectKeys"])
    assert {"index.html", "suggest.html", "vote.html", "fund.html"} <= {p.name for p in pages.iterdir()}
    assert not (pages / "README.md").exists()
    # Tokens (region, client id) stand as markers until CloudFormation resolves them.
    written = json.loads(re.sub(r'<<marker:0xbaba:\d+>>', '"token"', (config / "config.json").read_text()))
    assert (written["api_base"], written["public_base"]) == ("/api", "")
    markers = json.dumps(deployment["Properties"]["SourceMarkers"])
    assert '{"Ref": "UserPoolClient"}' in markers and '{"Ref": "OfficialsUserPoolClient"}' in markers
    assert "cognito-idp." in markers

    class LocalStack:
        region, aws_endpoint_url, user_pool_client_id, officials_user_pool_client_id, public_bucket = "r", "x", "c", "o", "b"

    assert set(site_config(region="r", url_suffix="s", client_id="c", officials_client_id="o",
                           api_base="/api")) == set(local_config(LocalStack()))


def csp_of(template, behaviour) -> tuple[dict[str, list[str]], dict]:
    """The directives of the CSP a behaviour's response headers policy sends (tokens as JSON
    text), and the policy's other security headers."""
    (name,) = {v for k, v in behaviour["ResponseHeadersPolicyId"].items() if k == "Ref"}
    headers = template["Resources"][name]["Properties"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
    csp = headers["ContentSecurityPolicy"]
    assert csp["Override"] is True
    policy = csp["ContentSecurityPolicy"]
    text = policy if isinstance(policy, str) else "".join(
        p if isinstance(p, str) else json.dumps(p, separators=(",", ":")) for p in policy["Fn::Join"][1])
    return {name: values for name, *values in (part.split() for part in text.split(";"))}, headers


def test_every_behaviour_sends_a_csp_without_inline_script_and_the_other_security_headers(template):
    (distribution,) = resources(template, "AWS::CloudFront::Distribution").values()
    config = distribution["Properties"]["DistributionConfig"]
    behaviours = {b["PathPattern"]: b for b in config["CacheBehaviors"]} | {"default": config["DefaultCacheBehavior"]}
    for path, behaviour in behaviours.items():
        policy, headers = csp_of(template, behaviour)
        text = json.dumps(policy)
        assert "unsafe-inline" not in text and "unsafe-eval" not in text and "*" not in text, path
        assert policy["frame-ancestors"] == ["'none'"] and "'self'" not in policy.get("object-src", []), path
        assert headers["ContentTypeOptions"] == {"Override": True}
        assert headers["FrameOptions"] == {"FrameOption": "DENY", "Override": True}
        assert headers["ReferrerPolicy"] == {"ReferrerPolicy": "strict-origin-when-cross-origin", "Override": True}
        assert headers["StrictTransportSecurity"]["AccessControlMaxAgeSec"] >= 31536000

    pages, _ = csp_of(template, behaviours["default"])
    assert pages["script-src"] == ["'self'"] and pages["style-src"] == ["'self'"]
    assert pages["base-uri"] == pages["form-action"] == ["'self'"] and pages["object-src"] == ["'none'"]
    connect = pages["connect-src"]
    suffix = '{"Ref":"AWS::URLSuffix"}'
    assert connect[:2] == ["'self'", f"https://cognito-idp.ap-east-1.{suffix}"]
    # The photo uploads go to the attachments bucket and nowhere else in S3.
    attachments = json.dumps({"Ref": next(n for n in resources(template, "AWS::S3::Bucket") if n.startswith("Attachments"))},
                             separators=(",", ":"))
    assert connect[2:] == [f"https://{attachments}.s3.ap-east-1.{suffix}", f"https://{attachments}.s3.{suffix}"]
    # Photos are shown from there too, by the presigned links a round's page gets.
    assert pages["img-src"] == ["'self'", "data:", "blob:", *connect[2:]]
    assert csp_of(template, behaviours["/api/*"])[0] == pages


def test_the_month_page_may_run_its_own_inline_blocks_and_nothing_else(template):
    import base64
    import hashlib

    from infra.headers import MONTH_TEMPLATE

    (distribution,) = resources(template, "AWS::CloudFront::Distribution").values()
    behaviour = next(b for b in distribution["Properties"]["DistributionConfig"]["CacheBehaviors"]
                     if b["PathPattern"] == "/summaries/*")
    policy, _ = csp_of(template, behaviour)
    html = MONTH_TEMPLATE.read_text(encoding="utf-8")
    for tag in ("script", "style"):
        (body,) = re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.DOTALL)
        # Rendered as written: Jinja leaves a block without template syntax untouched.
        assert not re.search(r"\{[{%#]", body)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert policy[f"{tag}-src"] == [f"'sha256-{digest}'"]
    assert policy["default-src"] == ["'none'"] and "connect-src" not in policy


def test_every_function_logs_to_a_group_kept_a_year_and_alarms_on_errors_and_throttles(template):
    from infra.monitoring import FUNCTIONS

    groups = resources(template, "AWS::Logs::LogGroup")
    alarms = resources(template, "AWS::CloudWatch::Alarm").values()
    (alarm_topic,) = [n for n in resources(template, "AWS::SNS::Topic") if n.startswith("MonitoringAlarms")]
    assert all(a["Properties"]["AlarmActions"] == [{"Ref": alarm_topic}] for a in alarms)
    for name in FUNCTIONS:
        group = template["Resources"][name]["Properties"]["LoggingConfig"]["LogGroup"]["Ref"]
        assert groups[group]["Properties"]["RetentionInDays"] == 365
        watched = {a["Properties"]["MetricName"] for a in alarms
                   if a["Properties"].get("Dimensions") == [{"Name": "FunctionName", "Value": {"Ref": name}}]}
        assert watched == {"Errors", "Throttles"}, name
    assert any(a["Properties"]["MetricName"] == "5XXError" and a["Properties"]["Namespace"] == "AWS/ApiGateway"
               for a in alarms)


def test_the_api_stage_throttles_logs_each_request_and_is_named_for_its_stage(template):
    from infra.monitoring import API_LIMITS

    api = template["Resources"]["RestAPI"]["Properties"]
    assert api["Name"] == "mulin-prod"
    (settings,) = api["MethodSettings"]
    assert (settings["ThrottlingRateLimit"], settings["ThrottlingBurstLimit"]) == (API_LIMITS["prod"].rate,
                                                                                  API_LIMITS["prod"].burst)
    assert settings["DataTraceEnabled"] is False  # request bodies carry phone numbers
    assert api["AccessLogSetting"]["DestinationArn"]["Fn::GetAtt"][0] in resources(template, "AWS::Logs::LogGroup")


def test_a_web_acl_limits_each_address_at_the_api_and_at_both_pools_sign_in(template, china):
    from infra.firewall import ADDRESS_LIMITS, WINDOW_SECONDS

    acls = {acl["Properties"]["Name"]: (name, acl) for name, acl in resources(template, "AWS::WAFv2::WebACL").items()}
    assert set(acls) == {"mulin-prod", "mulin-prod-sign-in"}

    def limits_of(acl):
        rules = {r["Name"]: r for r in acl["Properties"]["Rules"]}
        return rules, {name: r["Statement"]["RateBasedStatement"] for name, r in rules.items()
                       if "RateBasedStatement" in r["Statement"]}

    # Browsers reach Cognito directly; the API through CloudFront (tests/infra/test_client_address.py
    # checks which address the API's ACL counts there).
    (api_name, api_acl), (sign_in_name, sign_in_acl) = acls["mulin-prod"], acls["mulin-prod-sign-in"]
    _, api_limited = limits_of(api_acl)
    assert {name: s["Limit"] for name, s in api_limited.items()} == {"RequestsPerAddress": ADDRESS_LIMITS["prod"].requests}
    rules, limited = limits_of(sign_in_acl)
    assert {name: (s["Limit"], s["EvaluationWindowSec"], s["AggregateKeyType"]) for name, s in limited.items()} == {
        "SignInPerAddress": (ADDRESS_LIMITS["prod"].sign_in, WINDOW_SECONDS, "IP"),
        "RequestsPerAddress": (ADDRESS_LIMITS["prod"].requests, WINDOW_SECONDS, "IP"),
    }
    for acl in (api_acl, sign_in_acl):
        rules, limited = limits_of(acl)
        for name in limited:
            response = rules[name]["Action"]["Block"]["CustomResponse"]
            assert response["ResponseCode"] == 429
            assert response["ResponseHeaders"] == [{"Name": "Retry-After", "Value": str(WINDOW_SECONDS)}]
            body = json.loads(acl["Properties"]["CustomResponseBodies"][response["CustomResponseBodyKey"]]["Content"])
            assert set(body) == {"code", "message", "details", "correlation_id"}
    scope_down = limits_of(sign_in_acl)[1]["SignInPerAddress"]["ScopeDownStatement"]
    sign_in = re.compile(scope_down["RegexMatchStatement"]["RegexString"])
    assert sign_in.match("AWSCognitoIdentityProviderService.InitiateAuth")
    assert not sign_in.match("AWSCognitoIdentityProviderService.GetUser")

    associations = [a["Properties"] for a in resources(template, "AWS::WAFv2::WebACLAssociation").values()]
    pools = sorted(json.dumps(a["ResourceArn"]) for a in associations if a["WebACLArn"] == {"Fn::GetAtt": [sign_in_name, "Arn"]})
    assert pools == sorted(json.dumps({"Fn::GetAtt": [pool, "Arn"]}) for pool in resources(template, "AWS::Cognito::UserPool"))
    (stage_arn,) = [a["ResourceArn"] for a in associations if a["WebACLArn"] == {"Fn::GetAtt": [api_name, "Arn"]}]
    assert {"Ref": "RestAPI"} in stage_arn["Fn::Join"][1] and {"Ref": "RestAPI.Stage"} in stage_arn["Fn::Join"][1]
    # China has no Cognito: one ACL guards the API alone.
    assert len(resources(china.template, "AWS::WAFv2::WebACL")) == 1
    assert len(resources(china.template, "AWS::WAFv2::WebACLAssociation")) == 1


def test_the_bundle_carries_bytecode_compiled_for_the_runtime_and_nothing_stray(prod):
    code = prod.template["Resources"]["APIHandler"]["Properties"]["CodeUri"]["Key"]
    bundle = prod.template_path.parent / f"asset.{code}"
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        compiled = [n for n in names if n.endswith(".pyc")]
        assert "chalicelib/__pycache__/auth.cpython-311.pyc" in names
        # Flags 0b01: hash-based and unchecked, so a zip's imprecise timestamps cannot void them.
        header = archive.read("chalicelib/__pycache__/auth.cpython-311.pyc")[:8]
        assert int.from_bytes(header[4:8], "little") == 0b01
    assert all(".cpython-311." in n for n in compiled)
    assert "app.py" in names and "web/index.html" not in names and not any(n.startswith("tests/") for n in names)
    # The officials' client is installed into the venv (editable); it must not travel to Lambda.
    assert not any(n.startswith(("client/", "mulin/", "mulin_client/")) for n in names)


def test_key_properties_hold_by_cdk_assertions(template):
    from aws_cdk import assertions

    stack = assertions.Template.from_json(template)
    stack.resource_count_is("AWS::CloudFront::Distribution", 1)
    stack.resource_count_is("AWS::Cognito::UserPool", 2)
    stack.has_resource_properties("AWS::Cognito::UserPool", {
        "MfaConfiguration": "ON", "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": True}})
    stack.all_resources_properties("AWS::DynamoDB::Table", {
        "BillingMode": "PAY_PER_REQUEST", "DeletionProtectionEnabled": True, "SSESpecification": {"SSEEnabled": True},
        "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True}})
    stack.all_resources_properties("AWS::S3::Bucket", {"PublicAccessBlockConfiguration": {
        "BlockPublicAcls": True, "BlockPublicPolicy": True, "IgnorePublicAcls": True, "RestrictPublicBuckets": True}})
    stack.all_resources_properties("AWS::SQS::Queue", {"SqsManagedSseEnabled": True})
    stack.all_resources_properties("AWS::Logs::LogGroup", {"RetentionInDays": 365})
    stack.all_resources("AWS::DynamoDB::Table", {"DeletionPolicy": "Retain"})


def test_dev_with_its_own_domain_certificate_and_web_acl(tmp_path):
    from infra.monitoring import API_LIMITS

    certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c"
    web_acl = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/mulin/0f1e2d3c"
    dev = synthesize(tmp_path, "dev", "ap-east-1", domain="mulin.example.org", certificate_arn=certificate,
                     web_acl_arn=web_acl)
    (distribution,) = resources(dev.template, "AWS::CloudFront::Distribution").values()
    config = distribution["Properties"]["DistributionConfig"]
    assert config["Aliases"] == ["mulin.example.org"] and config["WebACLId"] == web_acl
    assert config["ViewerCertificate"] == {"AcmCertificateArn": certificate, "MinimumProtocolVersion": "TLSv1.2_2021",
                                           "SslSupportMethod": "sni-only"}
    settings = dev.template["Resources"]["RestAPI"]["Properties"]["MethodSettings"][0]
    assert (settings["ThrottlingRateLimit"], settings["ThrottlingBurstLimit"]) == (API_LIMITS["dev"].rate,
                                                                                  API_LIMITS["dev"].burst)
    assert {g["Properties"]["RetentionInDays"] for g in resources(dev.template, "AWS::Logs::LogGroup").values()} == {30}
    assert dev.template["Resources"]["MainTable"]["Properties"]["DeletionProtectionEnabled"] is False


def test_alarms_can_publish_to_their_encrypted_topic(template):
    (name, topic), = [(n, t) for n, t in resources(template, "AWS::SNS::Topic").items() if n.startswith("MonitoringAlarms")]
    key_ref = topic["Properties"]["KmsMasterKeyId"]
    # A key of the stack's own (the AWS-managed SNS key cannot let CloudWatch publish).
    (key_name,) = [n for n in resources(template, "AWS::KMS::Key") if key_ref == {"Fn::GetAtt": [n, "Arn"]}
                   or key_ref == {"Ref": n}]
    key = resources(template, "AWS::KMS::Key")[key_name]["Properties"]
    assert key["EnableKeyRotation"] is True
    grants = [st for st in key["KeyPolicy"]["Statement"]
              if st.get("Principal", {}).get("Service") == "cloudwatch.amazonaws.com"]
    assert grants and {"kms:Decrypt", "kms:GenerateDataKey*"} <= set(grants[0]["Action"])


def test_officials_cached_authorizer_answers_expire_within_a_minute(template):
    """A disabled or moved official's token must stop working soon: API Gateway keeps an
    authorizer's answer for the TTL the stage's definition sets, whatever the app checks later."""

    def ttls(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "authorizerResultTtlInSeconds":
                    yield value
                else:
                    yield from ttls(value)
        elif isinstance(node, list):
            for value in node:
                yield from ttls(value)

    found = list(ttls(template))
    assert found, "no authorizer in the API's definition"
    assert all(isinstance(ttl, int) and 0 < ttl <= 60 for ttl in found), found


def test_the_live_index_files_are_cached_five_minutes_at_most(template):
    (distribution,) = resources(template, "AWS::CloudFront::Distribution").values()
    behaviour = next(b for b in distribution["Properties"]["DistributionConfig"]["CacheBehaviors"]
                     if b["PathPattern"] == "/live/*")
    assert behaviour["ViewerProtocolPolicy"] == "redirect-to-https"
    policy = template["Resources"][behaviour["CachePolicyId"]["Ref"]]["Properties"]["CachePolicyConfig"]
    assert policy["MinTTL"] == 0 and 0 < policy["DefaultTTL"] <= 300 and 0 < policy["MaxTTL"] <= 300
