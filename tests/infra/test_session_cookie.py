"""The session cookie behind CloudFront: the `/api/*` behaviour hands the browser's Cookie
header to the API (the session routes read their HttpOnly refresh-token cookie from it),
never caches an answer (one carries fresh tokens and a Set-Cookie), and is HTTPS only, as a
`Secure` cookie needs. The API under `/api` also fixes the cookie's Path (`/api/session`)."""

from __future__ import annotations

from tests.infra.conftest import resources

SESSION_COOKIE = "__Secure-mulin-session"


def api_behaviour(template) -> dict:
    (distribution,) = resources(template, "AWS::CloudFront::Distribution").values()
    behaviours = {b["PathPattern"]: b for b in distribution["Properties"]["DistributionConfig"]["CacheBehaviors"]}
    return behaviours["/api/*"]


def managed_policies_forwarding_every_cookie() -> set[str]:
    from aws_cdk import aws_cloudfront as cloudfront

    return {policy.origin_request_policy_id for policy in (
        cloudfront.OriginRequestPolicy.ALL_VIEWER,
        cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        cloudfront.OriginRequestPolicy.ALL_VIEWER_AND_CLOUDFRONT_2022,
    )}


def forwards_session_cookie(template, policy_id) -> bool:
    if isinstance(policy_id, str):
        return policy_id in managed_policies_forwarding_every_cookie()
    # A policy of the stack's own: by reference to its resource.
    policy = template["Resources"][policy_id["Ref"]]["Properties"]["OriginRequestPolicyConfig"]
    cookies = policy["CookiesConfig"]
    return cookies["CookieBehavior"] == "all" or (
        cookies["CookieBehavior"] == "whitelist" and SESSION_COOKIE in cookies.get("Cookies", []))


def test_the_api_behaviour_forwards_the_session_cookie_to_the_api(template):
    api = api_behaviour(template)
    assert forwards_session_cookie(template, api["OriginRequestPolicyId"]), api["OriginRequestPolicyId"]


def test_the_api_behaviour_caches_nothing_and_takes_https_only(template):
    from aws_cdk import aws_cloudfront as cloudfront

    api = api_behaviour(template)
    assert api["CachePolicyId"] == cloudfront.CachePolicy.CACHING_DISABLED.cache_policy_id
    assert api["ViewerProtocolPolicy"] == "https-only"
    assert {"POST", "DELETE"} <= set(api["AllowedMethods"])


def test_behind_the_distribution_the_cookie_is_scoped_to_api_session():
    from chalicelib.session.rules import cookie_path
    from infra.site import API_STAGE

    # API Gateway's request context for POST /api/session/refresh on the stage CloudFront calls.
    context = {"path": f"/{API_STAGE}/session/refresh", "resourcePath": "/session/refresh", "stage": API_STAGE}
    assert cookie_path(context) == "/api/session"
