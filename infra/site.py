"""The residents' pages and the published months, served by CloudFront from the public bucket.

The bucket stays private: CloudFront reads it through origin access control. `/api/*` goes
to API Gateway's `api` stage on the same domain, so the pages call the API from their own
origin, as they do on the local stack (`config.json` names `/api` as the API's base).
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
from constructs import Construct

WEB = Path(__file__).resolve().parent.parent / "web"
API_STAGE = "api"


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
                 rest_api_id: str, client_id: str, officials_client_id: str) -> None:
        super().__init__(scope, construct_id)
        stack = cdk.Stack.of(self)
        api_origin = origins.HttpOrigin(f"{rest_api_id}.execute-api.{stack.region}.{stack.url_suffix}",
                                        protocol_policy=cloudfront.OriginProtocolPolicy.HTTPS_ONLY)
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
                origin=origins.S3BucketOrigin.with_origin_access_control(public),
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                cache_policy=cloudfront.CachePolicy.CACHING_OPTIMIZED,
                response_headers_policy=cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
            ),
            additional_behaviors={
                f"/{API_STAGE}/*": cloudfront.BehaviorOptions(
                    origin=api_origin,
                    viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
                    allowed_methods=cloudfront.AllowedMethods.ALLOW_ALL,
                    # Answers depend on the caller's token: never cached, every header but Host passed on.
                    cache_policy=cloudfront.CachePolicy.CACHING_DISABLED,
                    origin_request_policy=cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
                ),
            },
        )
        domain = self.node.try_get_context("domain")
        self.origin = f"https://{domain or self.distribution.distribution_domain_name}"
        config = site_config(region=stack.region, url_suffix=stack.url_suffix, client_id=client_id,
                             officials_client_id=officials_client_id, api_base=f"/{API_STAGE}")
        self.pages = s3deploy.BucketDeployment(
            self, "Pages", destination_bucket=public,
            sources=[s3deploy.Source.asset(str(WEB), exclude=["README.md"]),
                     s3deploy.Source.json_data("config.json", config)],
            # The bucket also holds every published month; a deployment must never delete them.
            prune=False,
            cache_control=[s3deploy.CacheControl.no_cache()],
            distribution=self.distribution, distribution_paths=["/*.html", "/js/*", "/css/*", "/i18n/*", "/config.json"],
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
