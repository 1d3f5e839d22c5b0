"""The regional web ACLs in front of the API stage and the user pools' sign-in endpoints.

The app limits each signed-in identity (chalicelib/ratelimit.py) and the stage throttles all
callers together; neither sees an address hammering sign-in, which goes to Cognito, not to
our code. AWS WAF counts per address at both doors and answers 429 in the API's error shape.
WAF sends the Retry-After header as `x-amzn-waf-retry-after`: it prefixes every custom header.
Cognito itself locks an account out after repeated wrong passwords, whichever address they
come from.

The two doors see different senders, so each has its own web ACL. Browsers reach Cognito
directly: its address is the resident's. The API is reached through CloudFront (infra/site.py),
so the connection's address is an edge's, shared by everyone that edge serves; there the ACL
counts the address CloudFront writes into CLIENT_ADDRESS_HEADER, and blocks any request
without the distribution's origin secret, so nobody reaches the stage around CloudFront and
its header. The secret is matched exactly, so a request that carries it has its address header
from CloudFront's function, not from the client. In the China regions there is no distribution:
callers reach the stage directly and are counted by their own address.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from chalicelib.web.requests import CLIENT_ADDRESS_HEADER, ORIGIN_VERIFY_HEADER


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
NOT_THROUGH_SITE = json.dumps({
    "code": "forbidden",
    "message": "Call the API through the site's address (/api). / 请通过网站地址（/api）访问接口。",
    "details": [],
    "correlation_id": "",
}, ensure_ascii=False)
RESPONSE_BODIES = {"too_many_requests": TOO_MANY, "not_through_site": NOT_THROUGH_SITE}
# The rule groups AWS keeps current; request bodies up to the app's own 256 KB limit are
# legitimate (a paper-ballot sheet, a fund application), so the group's 8 KB body rule only counts.
MANAGED_GROUPS = (("AWSManagedRulesCommonRuleSet", ("SizeRestrictions_BODY",)),
                  ("AWSManagedRulesKnownBadInputsRuleSet", ()))


def _visibility(name: str) -> dict[str, object]:
    return {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": name}


def _rate_rule(name: str, priority: int, limit: int, scope_down: dict[str, object] | None = None,
               forwarded: bool = False) -> dict[str, object]:
    statement: dict[str, object] = {"Limit": limit, "EvaluationWindowSec": WINDOW_SECONDS, "AggregateKeyType": "IP"}
    if forwarded:
        # The header holds the one address CloudFront's function wrote there. One that is not an
        # address did not come from that function: MATCH applies the rule's block to it.
        statement["AggregateKeyType"] = "FORWARDED_IP"
        statement["ForwardedIPConfig"] = {"HeaderName": CLIENT_ADDRESS_HEADER, "FallbackBehavior": "MATCH"}
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


def _through_site_only(priority: int, origin_secret: str) -> dict[str, object]:
    """Blocks every request that does not carry the distribution's origin header with its secret."""
    from_site = {"ByteMatchStatement": {
        "SearchString": origin_secret,
        "FieldToMatch": {"SingleHeader": {"Name": ORIGIN_VERIFY_HEADER}},
        "PositionalConstraint": "EXACTLY",
        "TextTransformations": [{"Priority": 0, "Type": "NONE"}],
    }}
    return {
        "Name": "OnlyThroughSite",
        "Priority": priority,
        "Statement": {"NotStatement": {"Statement": from_site}},
        "Action": {"Block": {"CustomResponse": {"ResponseCode": 403, "CustomResponseBodyKey": "not_through_site"}}},
        "VisibilityConfig": _visibility("OnlyThroughSite"),
    }


def _managed_rule(group: str, priority: int, counted: tuple[str, ...]) -> dict[str, object]:
    statement: dict[str, object] = {"VendorName": "AWS", "Name": group}
    if counted:
        statement["RuleActionOverrides"] = [{"Name": rule, "ActionToUse": {"Count": {}}} for rule in counted]
    return {"Name": group, "Priority": priority, "Statement": {"ManagedRuleGroupStatement": statement},
            "OverrideAction": {"None": {}}, "VisibilityConfig": _visibility(group)}


def _sign_in_statement() -> dict[str, object]:
    return {"RegexMatchStatement": {
        "RegexString": SIGN_IN_TARGETS,
        "FieldToMatch": {"SingleHeader": {"Name": "x-amz-target"}},
        "TextTransformations": [{"Priority": 0, "Type": "NONE"}],
    }}


def _managed_rules(first_priority: int) -> list[dict[str, object]]:
    return [_managed_rule(group, first_priority + n, counted) for n, (group, counted) in enumerate(MANAGED_GROUPS)]


def sign_in_rules(stage: str) -> list[dict[str, object]]:
    """The user pools' web ACL: browsers reach Cognito directly, so a connection's address is the sender's."""
    limits = ADDRESS_LIMITS[stage]
    return [
        _rate_rule("SignInPerAddress", 0, limits.sign_in, _sign_in_statement()),
        _rate_rule("RequestsPerAddress", 1, limits.requests),
        *_managed_rules(2),
    ]


def api_rules(stage: str, origin_secret: str | None) -> list[dict[str, object]]:
    """The API stage's web ACL; `origin_secret` is what CloudFront sends in front of the API, None
    where callers reach the stage directly."""
    limits = ADDRESS_LIMITS[stage]
    if origin_secret is None:
        return [_rate_rule("RequestsPerAddress", 0, limits.requests), *_managed_rules(1)]
    return [
        _through_site_only(0, origin_secret),
        _rate_rule("RequestsPerAddress", 1, limits.requests, forwarded=True),
        *_managed_rules(2),
    ]


def _response_bodies(rules: list[dict[str, Any]]) -> set[str]:
    """The custom response bodies the rules' blocks answer with."""
    blocks = (rule["Action"]["Block"] for rule in rules if "Block" in rule.get("Action", {}))
    return {block["CustomResponse"]["CustomResponseBodyKey"] for block in blocks}


class Firewall(Construct):
    """A web ACL associated with the API stage, and one associated with each user pool given.

    `origin_verify` is the secret the site's distribution sends the API (infra/site.py); its
    value reaches the web ACL as a dynamic reference CloudFormation resolves, never in the
    template."""

    def __init__(self, scope: Construct, construct_id: str, *, stage: str, rest_api: str,
                 user_pool_arns: dict[str, str], origin_verify: secretsmanager.ISecret | None) -> None:
        super().__init__(scope, construct_id)
        region = cdk.Stack.of(self).region
        # The China regions have no CloudFront (infra/stack.py): callers reach the stage directly.
        direct = origin_verify is None or (not cdk.Token.is_unresolved(region) and region.startswith("cn-"))
        origin_secret = None if direct else origin_verify.secret_value.unsafe_unwrap()
        self.web_acl = self._web_acl("WebAcl", f"mulin-{stage}", api_rules(stage, origin_secret))
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
        self.sign_in_web_acl = None
        if user_pool_arns:
            self.sign_in_web_acl = self._web_acl("SignInWebAcl", f"mulin-{stage}-sign-in", sign_in_rules(stage))
        for name, arn in user_pool_arns.items():
            cdk.CfnResource(self, f"{name}Association", type="AWS::WAFv2::WebACLAssociation", properties={
                "ResourceArn": arn, "WebACLArn": self.sign_in_web_acl.get_att("Arn")})

    def _web_acl(self, construct_id: str, name: str, rules: list[dict[str, object]]) -> cdk.CfnResource:
        return cdk.CfnResource(self, construct_id, type="AWS::WAFv2::WebACL", properties={
            "Name": name,
            "Scope": "REGIONAL",
            "DefaultAction": {"Allow": {}},
            "Rules": rules,
            "CustomResponseBodies": {key: {"ContentType": "APPLICATION_JSON", "Content": RESPONSE_BODIES[key]}
                                     for key in sorted(_response_bodies(rules))},
            "VisibilityConfig": _visibility(name),
        })
