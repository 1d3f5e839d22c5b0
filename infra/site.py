"""The residents' pages and the published months, served by CloudFront from the public bucket.

The bucket stays private: CloudFront reads it through origin access control. `/api/*` goes
to API Gateway's `api` stage on the same domain, so the pages call the API from their own
origin, as they do on the local stack (`config.json` names `/api` as the API's base).

The API limits senders by their address, and behind CloudFront the connection's address is an
edge's. On `/api/*` a viewer-request function (infra/client_address.js) writes the viewer's
address into CLIENT_ADDRESS_HEADER over whatever the client sent, and the API origin gets
ORIGIN_VERIFY_HEADER with a secret, which CloudFront also sets over any value a client sent.
The API trusts the address header only beside that secret (chalicelib/web/requests.py), and
the API's web ACL blocks requests without it (infra/firewall.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_deployment as s3deploy
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from chalicelib.web.requests import ORIGIN_VERIFY_HEADER
from infra.headers import month_page_policy, pages_policy

WEB = Path(__file__).resolve().parent.parent / "web"
# The API reference page renders with Swagger UI that only the local server serves (from
# node_modules), so it is not deployed: in AWS it would load a bundle the bucket lacks.
LOCAL_ONLY = ["README.md", "docs.html", "js/docs.js"]
API_STAGE = "api"
MONTHS_PATH = "/summaries/*"
# The live index's files (chalicelib/live/publish.py), rewritten hourly: cached five minutes at
# most, whatever the object says, so that a refresh shows within minutes.
LIVE_PATH = "/live/*"
LIVE_CACHE_SECONDS = 300
CLIENT_ADDRESS_FUNCTION = Path(__file__).resolve().with_name("client_address.js")


def site_config(*, region: str, url_suffix: str, client_id: str, officials_client_id: str,
                api_base: str) -> dict[str, Any]:
    """The pages' config.json; the same keys the local server answers with."""
    return {
        "api_base": api_base,
        "region": region,
        "cognito_endpoint": f"https://cognito-idp.{region}.{url_suffix}/",
        "user_pool_client_id": client_id,
        "officials_user_pool_client_id": officials_client_id,
        # Published months are on the pages' own domain.
        "public_base": "",
    }


class Site(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, public: s3.Bucket, logs: s3.Bucket,
                 rest_api_id: str, client_id: str, officials_client_id: str, attachments: s3.IBucket,
                 origin_verify: secretsmanager.ISecret) -> None:
        super().__init__(scope, construct_id)
        stack = cdk.Stack.of(self)
        # The secret reaches the distribution as a dynamic reference CloudFormation resolves at
        # deployment, never as a value in the template.
        api_origin = origins.HttpOrigin(f"{rest_api_id}.execute-api.{stack.region}.{stack.url_suffix}",
                                        protocol_policy=cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
                                        custom_headers={ORIGIN_VERIFY_HEADER: origin_verify.secret_value.unsafe_unwrap()})
        client_address = cloudfront.Function(
            self, "ClientAddress", runtime=cloudfront.FunctionRuntime.JS_2_0,
            code=cloudfront.FunctionCode.from_file(file_path=str(CLIENT_ADDRESS_FUNCTION)),
            comment="Writes the viewer's address into the header the API and its web ACL count by")
        pages_origin = origins.S3BucketOrigin.with_origin_access_control(public)
        # Published months are on the pages' own origin ('self'); photos are posted to the
        # attachments bucket, by its regional or its global name depending on the SDK, and
        # shown from it by the presigned links the API hands out (a round's projects).
        suffix = stack.url_suffix
        attachment_origins = [f"https://{attachments.bucket_name}.s3.{stack.region}.{suffix}",
                              f"https://{attachments.bucket_name}.s3.{suffix}"]
        pages_headers = self._headers("PagesHeaders", pages_policy(
            connect=[f"https://cognito-idp.{stack.region}.{suffix}", *attachment_origins], images=attachment_origins))
        self.distribution = cloudfront.Distribution(
            self, "Distribution",
            comment="Mulin residents' pages, published months and API",
            default_root_object="index.html",
            http_version=cloudfront.HttpVersion.HTTP2_AND_3,
            # A WAF web ACL for CloudFront lives in us-east-1; pass its ARN to attach it.
            web_acl_id=self.node.try_get_context("web_acl_arn"),
            **self._custom_domain(),
            enable_logging=True, log_bucket=logs, log_file_prefix="cloudfront/",
            default_behavior=cloudfront.BehaviorOptions(
                origin=pages_origin,
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                cache_policy=cloudfront.CachePolicy.CACHING_OPTIMIZED,
                response_headers_policy=pages_headers,
            ),
            additional_behaviors={
                MONTHS_PATH: cloudfront.BehaviorOptions(
                    origin=pages_origin,
                    viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                    cache_policy=cloudfront.CachePolicy.CACHING_OPTIMIZED,
                    response_headers_policy=self._headers("MonthsHeaders", month_page_policy()),
                ),
                LIVE_PATH: cloudfront.BehaviorOptions(
                    origin=pages_origin,
                    viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                    cache_policy=cloudfront.CachePolicy(
                        self, "LiveCache", comment="Mulin live index files: five minutes at most",
                        min_ttl=cdk.Duration.seconds(0), default_ttl=cdk.Duration.seconds(LIVE_CACHE_SECONDS),
                        max_ttl=cdk.Duration.seconds(LIVE_CACHE_SECONDS),
                        enable_accept_encoding_gzip=True, enable_accept_encoding_brotli=True),
                    response_headers_policy=pages_headers,
                ),
                f"/{API_STAGE}/*": cloudfront.BehaviorOptions(
                    origin=api_origin,
                    viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
                    allowed_methods=cloudfront.AllowedMethods.ALLOW_ALL,
                    # Answers depend on the caller's token: never cached, every header but Host passed on,
                    # Cookie included: the session routes read their refresh-token cookie from it
                    # (tests/infra/test_session_cookie.py).
                    cache_policy=cloudfront.CachePolicy.CACHING_DISABLED,
                    origin_request_policy=cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
                    response_headers_policy=pages_headers,
                    function_associations=[cloudfront.FunctionAssociation(
                        function=client_address, event_type=cloudfront.FunctionEventType.VIEWER_REQUEST)],
                ),
            },
        )
        domain = self.node.try_get_context("domain")
        self.origin = f"https://{domain or self.distribution.distribution_domain_name}"
        config = site_config(region=stack.region, url_suffix=stack.url_suffix, client_id=client_id,
                             officials_client_id=officials_client_id, api_base=f"/{API_STAGE}")
        self.pages = s3deploy.BucketDeployment(
            self, "Pages", destination_bucket=public,
            sources=[s3deploy.Source.asset(str(WEB), exclude=LOCAL_ONLY),
                     s3deploy.Source.json_data("config.json", config)],
            # The bucket also holds every published month; a deployment must never delete them.
            prune=False,
            cache_control=[s3deploy.CacheControl.no_cache()],
            distribution=self.distribution, distribution_paths=["/*.html", "/js/*", "/css/*", "/i18n/*", "/config.json",
                                                                    "/sw.js", "/manifest.webmanifest", "/icons/*"],
        )

    def _headers(self, construct_id: str, csp: str) -> cloudfront.ResponseHeadersPolicy:
        """CSP, nosniff, no framing, a referrer that stops at the origin, HTTPS for a year;
        each set over whatever the origin sent."""
        return cloudfront.ResponseHeadersPolicy(
            self, construct_id,
            security_headers_behavior=cloudfront.ResponseSecurityHeadersBehavior(
                content_security_policy=cloudfront.ResponseHeadersContentSecurityPolicy(
                    content_security_policy=csp, override=True),
                content_type_options=cloudfront.ResponseHeadersContentTypeOptions(override=True),
                frame_options=cloudfront.ResponseHeadersFrameOptions(
                    frame_option=cloudfront.HeadersFrameOption.DENY, override=True),
                referrer_policy=cloudfront.ResponseHeadersReferrerPolicy(
                    referrer_policy=cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override=True),
                strict_transport_security=cloudfront.ResponseHeadersStrictTransportSecurity(
                    access_control_max_age=cdk.Duration.days(365), override=True),
            ),
        )

    def _custom_domain(self) -> dict[str, Any]:
        """`-c domain=… -c certificate_arn=…` (an ACM certificate in us-east-1): the site's own
        name, and TLS 1.2 at least, which the default *.cloudfront.net certificate cannot set."""
        domain, certificate_arn = (self.node.try_get_context(k) for k in ("domain", "certificate_arn"))
        if not (domain and certificate_arn):
            return {}
        return {"domain_names": [str(domain)],
                "certificate": acm.Certificate.from_certificate_arn(self, "Certificate", str(certificate_arn)),
                "minimum_protocol_version": cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021}
