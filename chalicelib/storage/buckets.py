"""The two buckets, as plain data shared by the local stack and infra/.

attachments: private; residents upload photos straight into it with presigned POSTs.
public: the monthly summaries and the residents' pages, readable by anyone (through
CloudFront in AWS).
"""

from __future__ import annotations

from typing import Any

ABANDONED_UPLOAD_DAYS = 2
UPLOAD_PREFIX = "uploads/"

ATTACHMENTS_CORS: dict[str, Any] = {
    "CORSRules": [
        {
            "AllowedMethods": ["POST", "GET"],
            "AllowedOrigins": ["*"],
            "AllowedHeaders": ["*"],
            "MaxAgeSeconds": 3000,
        }
    ]
}


def create_buckets(s3_client: Any, region: str, attachments_bucket: str, public_bucket: str) -> None:
    location = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
    for bucket in (attachments_bucket, public_bucket):
        s3_client.create_bucket(Bucket=bucket, **location)
    s3_client.put_bucket_cors(Bucket=attachments_bucket, CORSConfiguration=ATTACHMENTS_CORS)
