"""The regional web ACL in front of the API stage and the user pools' sign-in endpoints.

The app limits each signed-in identity (chalicelib/ratelimit.py) and the stage throttles all
callers together; neither sees an address hammering sign-in, which goes to Cognito, not to
our code. AWS WAF counts per address at both doors and answers 429 in the API's error shape.
WAF sends the Retry-After header as `x-amzn-waf-retry-after`: it prefixes every custom header.
Cognito itself locks an account out after repeated wrong passwords, whichever address they
come from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import aws_cdk as cdk
from constructs import Construct


@dataclass(frozen=True)
class AddressLimits:
    """Requests per address in a five-minute window (WAF's evaluation window)."""

    requests: int
    sign_in: int


ADDRESS_LIMITS = {
    # A resident's busiest five minutes (a ballot with a review screen, a suggestion with
    # photos) is a few dozen requests; a neighbourhood centre behind one address serves many.
    "prod": AddressLimits(requests=1500, sign_in=60),
    "dev": AddressLimits(requests=500, sign_in=30),
}
WINDOW_SECONDS = 300
# Every call a browser makes to sign in, reset or register, whatever the pool.
SIGN_IN_TARGETS = r"^AWSCognitoIdentityProviderService\.(InitiateAuth|RespondToAuthChallenge|SignUp|" \
                  r"ConfirmSignUp|ForgotPassword|ConfirmForgotPassword|ResendConfirmationCode)$"
TOO_MANY = json.dumps({
    "code": "too_many_requests",
    "message": "Too many requests from your network; try again in a few minutes. / 您所在网络的请求过于频繁，请几分钟后再试。",
    "details": [],
    "correlation_id": "",
}, ensure_ascii=False)
# The rule groups AWS keeps current; request bodies up to the app's own 256 KB limit are
# legitimate (a paper-ballot sheet, a fund application), so the group's 8 KB body rule only counts.
MANAGED_GROUPS = (("AWSManagedRulesCommonRuleSet", ("SizeRestrictions_BODY",)),
                  ("AWSManagedRulesKnownBadInputsRuleSet", ()))


def _visibility(name: str) -> dict[str, object]:
    return {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": name}


def _rate_rule(name: str, priority: int, limit: int, scope_down: dict[str, object] | None = None) -> dict[str, object]:
    statement: dict[str, object] = {"Limit": limit, "EvaluationWindowSec": WINDOW_SECONDS, "AggregateKeyType": "IP"}
    if scope_down:
        statement["ScopeDownStatement"] = scope_down
    return {
        "Name": name,
        "Priority": priority,
        "Statement": {"RateBasedStatement": statement},
        "Action": {"Block": {"CustomResponse": {
            "ResponseCode": 429,
            "CustomResponseBodyKey": "too_many_requests",
            "ResponseHeaders": [{"Name": "Retry-After", "Value": str(WINDOW_SECONDS)}],
        }}},
        "VisibilityConfig": _visibility(name),
    }


def _managed_rule(group: str, priority: int, counted: tuple[str, ...]) -> dict[str, object]:
    statement: dict[str, object] = {"VendorName": "AWS", "Name": group}
    if counted:
        statement["RuleActionOverrides"] = [{"Name": rule, "ActionToUse": {"Count": {}}} for rule in counted]
    return {"Name": group, "Priority": priority, "Statement": {"ManagedRuleGroupStatement": statement},
            "OverrideAction": {"None": {}}, "VisibilityConfig": _visibility(group)}


def web_acl_rules(stage: str) -> list[dict[str, object]]:
    limits = ADDRESS_LIMITS[stage]
    sign_in = {"RegexMatchStatement": {
        "RegexString": SIGN_IN_TARGETS,
        "FieldToMatch": {"SingleHeader": {"Name": "x-amz-target"}},
        "TextTransformations": [{"Priority": 0, "Type": "NONE"}],
    }}
    return [
        _rate_rule("SignInPerAddress", 0, limits.sign_in, sign_in),
        _rate_rule("RequestsPerAddress", 1, limits.requests),
        *[_managed_rule(group, 2 + n, counted) for n, (group, counted) in enumerate(MANAGED_GROUPS)],
    ]


class Firewall(Construct):
    """One web ACL, associated with the API stage and with each user pool given."""

    def __init__(self, scope: Construct, construct_id: str, *, stage: str, rest_api: str,
                 user_pool_arns: dict[str, str]) -> None:
        super().__init__(scope, construct_id)
        self.web_acl = cdk.CfnResource(self, "WebAcl", type="AWS::WAFv2::WebACL", properties={
            "Name": f"mulin-{stage}",
            "Scope": "REGIONAL",
            "DefaultAction": {"Allow": {}},
            "Rules": web_acl_rules(stage),
            "CustomResponseBodies": {"too_many_requests": {"ContentType": "APPLICATION_JSON", "Content": TOO_MANY}},
            "VisibilityConfig": _visibility(f"mulin-{stage}"),
        })
        # `RestAPI.Stage` is the stage the serverless transform generates: referring to it
        # also orders the association after the stage exists.
        stage_arn = cdk.Fn.join("", ["arn:", cdk.Aws.PARTITION, ":apigateway:", cdk.Aws.REGION, "::/restapis/",
                                     cdk.Fn.ref(rest_api), "/stages/", cdk.Fn.ref(f"{rest_api}.Stage")])
        api_association = cdk.CfnResource(self, "ApiAssociation", type="AWS::WAFv2::WebACLAssociation", properties={
            "ResourceArn": stage_arn, "WebACLArn": self.web_acl.get_att("Arn")})
        cdk.Validations.of(api_association).acknowledge(cdk.Acknowledgment(
            id="CloudFormation-Validate::F1020",
            reason="RestAPI.Stage is a reference the serverless transform resolves to the stage it generates; "
                   "the check reads the template before that transform, where the stage does not exist yet"))
        for name, arn in user_pool_arns.items():
            cdk.CfnResource(self, f"{name}Association", type="AWS::WAFv2::WebACLAssociation", properties={
                "ResourceArn": arn, "WebACLArn": self.web_acl.get_att("Arn")})
