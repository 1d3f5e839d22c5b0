"""Create the table, buckets and user pool in an embedded AWS and describe the result.

The definitions come from chalicelib (storage.table, storage.buckets, identity), the same
ones infra/ turns into CloudFormation.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from typing import Any

import boto3

from chalicelib.identity import create_user, create_user_pool
from chalicelib.storage.buckets import create_buckets
from chalicelib.storage.queues import create_publications_queue, create_tallies_queue, create_texts_queue
from chalicelib.storage.table import create_tables
from local_stack.moto_server import outbox_of

# Hong Kong: the nearest region where the embedded AWS offers every service we use.
REGION = "ap-east-1"
ACCOUNT_ID = "123456789012"


@dataclass
class DemoUser:
    username: str
    password: str
    role: str
    division: str | None
    user_id: str = ""


@dataclass
class Stack:
    aws_endpoint_url: str
    region: str
    table_name: str
    idempotency_table_name: str
    ballots_table_name: str
    public_bucket: str
    attachments_bucket: str
    user_pool_id: str
    user_pool_client_id: str
    jwks_url: str
    jwt_issuer: str
    # Secrets Manager ids of the embedded AWS's secrets: the app reads the values at run time,
    # as in AWS (chalicelib/secrets.py).
    cursor_secret_id: str
    pii_key_secret_id: str
    origin_verify_secret_id: str
    officials_user_pool_id: str = ""
    officials_user_pool_client_id: str = ""
    notifications_topic_arn: str = ""
    publications_queue_url: str = ""
    tallies_queue_url: str = ""
    # The notifications topic's subscriber that texts residents (the app never reads it: the
    # local queue worker hands its messages to app.send_texts, as Lambda's event source would).
    texts_queue_url: str = ""
    api_url: str = ""
    # The file the embedded Cognito appends every SMS it "sends" to (local_stack/outbox.py
    # reads it). Only the local tooling reads it: the app never sees a code.
    sms_outbox: str = ""
    demo_users: list[DemoUser] = field(default_factory=list)

    def app_environment(self) -> dict[str, str]:
        """What the app reads (chalicelib.settings) to run against this stack."""
        return {
            "AWS_ENDPOINT_URL": self.aws_endpoint_url,
            "AWS_DEFAULT_REGION": self.region,
            "AWS_REGION": self.region,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            # Current boto3 would send stream calls to an account-specific host moto does not know.
            "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
            "MULIN_STAGE": "local",
            "MULIN_TABLE": self.table_name,
            "MULIN_IDEMPOTENCY_TABLE": self.idempotency_table_name,
            "MULIN_BALLOTS_TABLE": self.ballots_table_name,
            "MULIN_PUBLIC_BUCKET": self.public_bucket,
            "MULIN_ATTACHMENTS_BUCKET": self.attachments_bucket,
            "MULIN_USER_POOL_ID": self.user_pool_id,
            "MULIN_USER_POOL_CLIENT_ID": self.user_pool_client_id,
            "MULIN_JWKS_URL": self.jwks_url,
            "MULIN_JWT_ISSUER": self.jwt_issuer,
            "MULIN_OFFICIALS_USER_POOL_ID": self.officials_user_pool_id,
            "MULIN_OFFICIALS_USER_POOL_CLIENT_ID": self.officials_user_pool_client_id,
            "MULIN_OFFICIALS_JWKS_URL": self.jwks_of(self.officials_user_pool_id),
            "MULIN_OFFICIALS_JWT_ISSUER": self.issuer_of(self.officials_user_pool_id),
            "MULIN_CURSOR_SECRET_ID": self.cursor_secret_id,
            "MULIN_PII_KEY_SECRET_ID": self.pii_key_secret_id,
            "MULIN_ORIGIN_VERIFY_SECRET_ID": self.origin_verify_secret_id,
            "MULIN_NOTIFICATIONS_TOPIC_ARN": self.notifications_topic_arn,
            "MULIN_PUBLICATIONS_QUEUE_URL": self.publications_queue_url,
            "MULIN_TALLIES_QUEUE_URL": self.tallies_queue_url,
        }

    # Tokens name the AWS issuer; the embedded AWS serves the keys from its own URL.
    def issuer_of(self, pool_id: str) -> str:
        return f"https://cognito-idp.{self.region}.amazonaws.com/{pool_id}"

    def jwks_of(self, pool_id: str) -> str:
        return f"{self.aws_endpoint_url}/{pool_id}/.well-known/jwks.json"

    def client_for(self, role: str) -> str:
        return self.user_pool_client_id if role == "resident" else self.officials_user_pool_client_id

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def clients(endpoint_url: str, region: str = REGION) -> dict[str, Any]:
    session = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name=region
    )
    return {name: session.client(name, endpoint_url=endpoint_url) for name in ("dynamodb", "s3", "cognito-idp", "sns", "sqs",
                                                                  "secretsmanager")}


def provision(endpoint_url: str, *, prefix: str = "mulin-local", region: str = REGION,
              sms_outbox: str | None = None) -> Stack:
    """`sms_outbox` defaults to the outbox of the embedded AWS this process started at that URL."""
    aws = clients(endpoint_url, region)
    table, idempotency, ballots = f"{prefix}-main", f"{prefix}-idempotency", f"{prefix}-ballots"
    public, attachments = f"{prefix}-public", f"{prefix}-attachments"
    create_tables(aws["dynamodb"], table, idempotency, ballots)
    create_buckets(aws["s3"], region, attachments, public)
    allow_public_reads(aws["s3"], public)
    pool_id, client_id = create_user_pool(aws["cognito-idp"], prefix)
    officials_pool_id, officials_client_id = create_user_pool(aws["cognito-idp"], f"{prefix}-officials", officials=True)
    topic_arn = aws["sns"].create_topic(Name=f"{prefix}-notifications")["TopicArn"]
    queue_url = create_publications_queue(aws["sqs"], f"{prefix}-publications")
    tallies_queue_url = create_tallies_queue(aws["sqs"], f"{prefix}-tallies")
    texts_queue_url = create_texts_queue(aws["sqs"], aws["sns"], f"{prefix}-texts", topic_arn)
    secret_ids = create_secrets(aws["secretsmanager"], prefix)
    return Stack(
        aws_endpoint_url=endpoint_url,
        region=region,
        table_name=table,
        idempotency_table_name=idempotency,
        ballots_table_name=ballots,
        public_bucket=public,
        attachments_bucket=attachments,
        user_pool_id=pool_id,
        user_pool_client_id=client_id,
        jwks_url=f"{endpoint_url}/{pool_id}/.well-known/jwks.json",
        jwt_issuer=f"https://cognito-idp.{region}.amazonaws.com/{pool_id}",
        **secret_ids,
        officials_user_pool_id=officials_pool_id,
        officials_user_pool_client_id=officials_client_id,
        notifications_topic_arn=topic_arn,
        publications_queue_url=queue_url,
        tallies_queue_url=tallies_queue_url,
        texts_queue_url=texts_queue_url,
        sms_outbox=sms_outbox if sms_outbox is not None else outbox_of(endpoint_url),
    )


def create_secrets(client: Any, prefix: str) -> dict[str, str]:
    """The three secrets the stack makes in AWS (infra/stack.py), with random values; their ARNs."""
    ids = {}
    for field_name, name in (("cursor_secret_id", "cursor-secret"), ("pii_key_secret_id", "pii-key"),
                             ("origin_verify_secret_id", "origin-verify")):
        ids[field_name] = client.create_secret(Name=f"{prefix}/{name}", SecretString=secrets.token_urlsafe(32))["ARN"]
    return ids


def allow_public_reads(s3_client: Any, bucket: str) -> None:
    """Anyone may read the published files, as CloudFront serves them in AWS, so the page URL
    `make run` prints opens in a browser."""
    s3_client.put_bucket_policy(Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
        "Resource": [f"arn:aws:s3:::{bucket}/summaries/*", f"arn:aws:s3:::{bucket}/rounds/*",
                     f"arn:aws:s3:::{bucket}/live/*"]}]}))


def add_user(stack: Stack, *, phone: str, password: str, role: str, division: str | None) -> DemoUser:
    cognito = clients(stack.aws_endpoint_url, stack.region)["cognito-idp"]
    group = None if role == "resident" else role
    pool_id = stack.user_pool_id if role == "resident" else stack.officials_user_pool_id
    user_id = create_user(cognito, pool_id, phone=phone, password=password, group=group, division=division)
    user = DemoUser(username=phone, password=password, role=role, division=division, user_id=user_id)
    stack.demo_users.append(user)
    return user


def sign_in(stack: Stack, username: str, password: str) -> str:
    """The ID token a user gets from Cognito's InitiateAuth, as a browser would."""
    cognito = clients(stack.aws_endpoint_url, stack.region)["cognito-idp"]
    role = next((user.role for user in stack.demo_users if user.username == username), "resident")
    result = cognito.initiate_auth(
        ClientId=stack.client_for(role),
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password},
    )
    return str(result["AuthenticationResult"]["IdToken"])


def apply_environment(stack: Stack) -> None:
    os.environ.update(stack.app_environment())
