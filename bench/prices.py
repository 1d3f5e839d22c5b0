"""AWS list prices the cost estimates use, each with where it comes from.

Region us-east-1 (N. Virginia), the region AWS quotes first and the one most published
comparisons use; ap-east-1 (Hong Kong), the local stack's region, lists higher prices for
each of these services, and the China regions are priced in CNY by their operators, so a
deployment there should redo the arithmetic with its own price list. Prices as listed on
the pages below in 2025 (DynamoDB's on-demand prices after the 50 % reduction of
1 November 2024); pay-as-you-go, no free tier, no savings plans.
"""

from __future__ import annotations

PRICES_AS_OF = "2025 list prices, us-east-1"

# https://aws.amazon.com/dynamodb/pricing/on-demand/ (Standard table class)
DYNAMODB_PER_MILLION_WRITE_UNITS = 0.625
DYNAMODB_PER_MILLION_READ_UNITS = 0.125
# https://aws.amazon.com/dynamodb/pricing/provisioned/ (Standard table class): one write
# capacity unit, held for an hour, whether used or not.
DYNAMODB_PER_WRITE_CAPACITY_UNIT_HOUR = 0.00065

# https://aws.amazon.com/lambda/pricing/ (x86_64, Chalice's default architecture; first pricing tier)
LAMBDA_PER_GB_SECOND = 0.0000166667
LAMBDA_PER_MILLION_REQUESTS = 0.20

# https://aws.amazon.com/api-gateway/pricing/ (REST API, first 333 million requests a month;
# HTTP API, first 300 million, for comparison)
REST_API_PER_MILLION_REQUESTS = 3.50
HTTP_API_PER_MILLION_REQUESTS = 1.00

# https://aws.amazon.com/cloudfront/pricing/ (HTTPS requests, United States, Mexico and Canada;
# the Asian edges that serve Shanghai list more per request)
CLOUDFRONT_PER_MILLION_HTTPS_REQUESTS = 1.00

# https://aws.amazon.com/waf/pricing/ (requests a web ACL inspects; the web ACL and its rules
# are billed by the month, not per request, and AWS's baseline rule groups add nothing)
WAF_PER_MILLION_REQUESTS = 0.60

# https://aws.amazon.com/cloudwatch/pricing/ (Logs, Standard log class, data ingested; the
# first Lambda-logs tier is the same price)
CLOUDWATCH_LOGS_PER_GB_INGESTED = 0.50

# https://aws.amazon.com/s3/pricing/ (S3 Standard requests)
S3_PER_THOUSAND_PUT_COPY_POST = 0.005
S3_PER_THOUSAND_GET_HEAD = 0.0004

# https://aws.amazon.com/sns/pricing/ (standard topics: publish API requests, each 64 KB chunk;
# deliveries to the subscribers, such as SMS, are billed apart and not counted here)
SNS_PER_MILLION_PUBLISHES = 0.50

# https://aws.amazon.com/sqs/pricing/ (standard queues)
SQS_PER_MILLION_REQUESTS = 0.40
