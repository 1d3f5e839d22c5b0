"""One stack: the Chalice app with its table, buckets and user pool.

Tables and the user pool are written as CloudFormation properties straight from the
definitions in chalicelib (storage.table, identity) that the local stack creates through
boto3, so the two cannot drift; tests/infra compares them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from chalice.cdk import Chalice
from constructs import Construct

from chalicelib.identity import GROUPS, USER_POOL_CLIENT_DEFINITION, USER_POOL_DEFINITION
from chalicelib.storage.buckets import ABANDONED_UPLOAD_DAYS, ATTACHMENTS_CORS, UPLOAD_PREFIX
from chalicelib.storage.queues import MAX_RECEIVES, RETENTION_SECONDS, VISIBILITY_TIMEOUT_SECONDS
from chalicelib.storage.table import (
    IDEMPOTENCY_TABLE_DEFINITION,
    IDEMPOTENCY_TTL_ATTRIBUTE,
    TABLE_DEFINITION,
    TTL_ATTRIBUTE,
)

ROOT = Path(__file__).resolve().parent.parent
DATA_ACTIONS = [
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:Query",
    "dynamodb:BatchWriteItem",
    "dynamodb:ConditionCheckItem",
]


def table_properties(definition: dict[str, Any], ttl_attribute: str, *, production: bool) -> dict[str, Any]:
    """CloudFormation AWS::DynamoDB::Table properties of a boto3 create_table definition."""
    properties: dict[str, Any] = {
        "AttributeDefinitions": definition["AttributeDefinitions"],
        "KeySchema": definition["KeySchema"],
        "BillingMode": definition["BillingMode"],
        "SSESpecification": {"SSEEnabled": definition["SSESpecification"]["Enabled"]},
        "TimeToLiveSpecification": {"AttributeName": ttl_attribute, "Enabled": True},
        "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
        "DeletionProtectionEnabled": production,
    }
    if "GlobalSecondaryIndexes" in definition:
        properties["GlobalSecondaryIndexes"] = definition["GlobalSecondaryIndexes"]
    if "StreamSpecification" in definition:
        properties["StreamSpecification"] = {"StreamViewType": definition["StreamSpecification"]["StreamViewType"]}
    return properties


def chalice_stage_config(stage: str) -> dict[str, Any]:
    return dict(json.loads((ROOT / ".chalice" / "config.json").read_text(encoding="utf-8"))["stages"][stage])


class MulinStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs: Any) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # The Chalice construct packages the app as the stage named by this stack's id; any
        # other id would silently drop the stage's timeouts, memory and concurrency.
        if construct_id != stage:
            raise ValueError(f"the stack's id must be its stage ({stage!r}), not {construct_id!r}")
        production = stage == "prod"
        removal = cdk.RemovalPolicy.RETAIN if production else cdk.RemovalPolicy.DESTROY

        main_table = cdk.CfnResource(self, "MainTable", type="AWS::DynamoDB::Table",
                                     properties=table_properties(TABLE_DEFINITION, TTL_ATTRIBUTE, production=production))
        main_table.apply_removal_policy(removal)
        idempotency_table = cdk.CfnResource(
            self, "IdempotencyTable", type="AWS::DynamoDB::Table",
            properties=table_properties(IDEMPOTENCY_TABLE_DEFINITION, IDEMPOTENCY_TTL_ATTRIBUTE, production=production),
        )
        idempotency_table.apply_removal_policy(removal)

        attachments = s3.Bucket(
            self, "Attachments",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            removal_policy=removal,
            cors=[
                s3.CorsRule(
                    allowed_methods=[s3.HttpMethods(m) for m in rule["AllowedMethods"]],
                    allowed_origins=rule["AllowedOrigins"],
                    allowed_headers=rule["AllowedHeaders"],
                    max_age=rule["MaxAgeSeconds"],
                )
                for rule in ATTACHMENTS_CORS["CORSRules"]
            ],
            # Photos presigned but never attached to a case are not kept.
            lifecycle_rules=[s3.LifecycleRule(prefix=UPLOAD_PREFIX, expiration=cdk.Duration.days(ABANDONED_UPLOAD_DAYS),
                                              abort_incomplete_multipart_upload_after=cdk.Duration.days(1))],
        )
        public = s3.Bucket(
            self, "Public",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            versioned=True,
            removal_policy=removal,
        )

        pool = cdk.CfnResource(self, "UserPool", type="AWS::Cognito::UserPool",
                               properties={"UserPoolName": f"mulin-{stage}", **USER_POOL_DEFINITION})
        pool.apply_removal_policy(removal)
        client = cdk.CfnResource(self, "UserPoolClient", type="AWS::Cognito::UserPoolClient",
                                 properties={"UserPoolId": pool.ref, "ClientName": f"mulin-{stage}-web",
                                             **USER_POOL_CLIENT_DEFINITION})
        for group, description in GROUPS.items():
            cdk.CfnResource(self, f"Group{group.title().replace('_', '')}", type="AWS::Cognito::UserPoolGroup",
                            properties={"UserPoolId": pool.ref, "GroupName": group, "Description": description})

        # The cursor key is resolved by CloudFormation at deploy time; it is visible to
        # whoever may read the function's configuration, which is acceptable for an HMAC
        # that only protects pagination state.
        cursor_secret = secretsmanager.Secret(
            self, "CursorSecret",
            generate_secret_string=secretsmanager.SecretStringGenerator(exclude_punctuation=True, password_length=48),
        )

        # Keys the hashes standing in for phone numbers on rosters and for voters; unlike the
        # cursor key it must never change while a round is open.
        pii_key = secretsmanager.Secret(
            self, "PiiKey",
            generate_secret_string=secretsmanager.SecretStringGenerator(exclude_punctuation=True, password_length=48),
        )
        pii_key.apply_removal_policy(removal)

        # Every message put in a resident's inbox is also published here; an SMS sender
        # (or, in the China regions, the provider's SMS service) subscribes to it.
        notifications = sns.Topic(self, "Notifications", display_name="Mulin notifications",
                                  master_key=kms.Alias.from_alias_name(self, "SnsKey", "alias/aws/sns"))
        notifications.add_to_resource_policy(iam.PolicyStatement(
            effect=iam.Effect.DENY, actions=["sns:Publish"], principals=[iam.AnyPrincipal()],
            resources=[notifications.topic_arn],
            conditions={"Bool": {"aws:SecureTransport": "false"}},
        ))

        publications = self._publications_queue()

        issuer = cdk.Fn.join("", ["https://cognito-idp.", self.region, ".", self.url_suffix, "/", pool.ref])
        self.api = Chalice(
            self, "Api", source_dir=str(ROOT),
            stage_config={
                "environment_variables": {
                    "MULIN_STAGE": stage,
                    "MULIN_TABLE": main_table.ref,
                    "MULIN_IDEMPOTENCY_TABLE": idempotency_table.ref,
                    "MULIN_PUBLIC_BUCKET": public.bucket_name,
                    "MULIN_ATTACHMENTS_BUCKET": attachments.bucket_name,
                    "MULIN_USER_POOL_ID": pool.ref,
                    "MULIN_USER_POOL_CLIENT_ID": client.ref,
                    "MULIN_JWT_ISSUER": issuer,
                    "MULIN_CURSOR_SECRET": cursor_secret.secret_value.unsafe_unwrap(),
                    "MULIN_NOTIFICATIONS_TOPIC_ARN": notifications.topic_arn,
                    "MULIN_PII_KEY": pii_key.secret_value.unsafe_unwrap(),
                    "MULIN_PUBLICATIONS_QUEUE_URL": publications.queue_url,
                    # Categories whose deadlines count working days: `-c working_day_categories=sanitation,…`.
                    "MULIN_WORKING_DAY_CATEGORIES": str(self.node.try_get_context("working_day_categories") or ""),
                },
                "manage_iam_role": False,
                "iam_role_arn": self._function_role(main_table, idempotency_table, attachments, public,
                                                   notifications, publications).role_arn,
            },
        )
        # The app declares its event source by a queue name; it reads the queue made here.
        self.api.get_resource("PublishRequestedMonth").add_property_override(
            "Events.PublishRequestedMonthSqsEventSource.Properties.Queue", publications.queue_arn)
        cdk.CfnOutput(self, "ApiUrl", value=cdk.Fn.sub("https://${RestAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/api/"))
        cdk.CfnOutput(self, "UserPoolId", value=pool.ref)
        cdk.CfnOutput(self, "UserPoolClientId", value=client.ref)
        cdk.CfnOutput(self, "PublicBucket", value=public.bucket_name)

    def _publications_queue(self) -> sqs.Queue:
        """Months asked for through the API; one that fails MAX_RECEIVES times is kept aside and
        raises an alarm, so a month never silently goes unpublished."""
        failed = sqs.Queue(self, "PublicationsFailed", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True,
                           retention_period=cdk.Duration.days(14))
        cloudwatch.Alarm(
            self, "PublicationFailedAlarm", alarm_description="A requested month could not be published",
            metric=failed.metric_approximate_number_of_messages_visible(period=cdk.Duration.minutes(5)),
            threshold=0, comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        return sqs.Queue(
            self, "Publications", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True,
            visibility_timeout=cdk.Duration.seconds(VISIBILITY_TIMEOUT_SECONDS),
            retention_period=cdk.Duration.seconds(RETENTION_SECONDS),
            dead_letter_queue=sqs.DeadLetterQueue(queue=failed, max_receive_count=MAX_RECEIVES),
        )

    def _function_role(self, main: cdk.CfnResource, idempotency: cdk.CfnResource, attachments: s3.Bucket,
                       public: s3.Bucket, notifications: sns.Topic, publications: sqs.Queue) -> iam.Role:
        """Least privilege: named actions on named resources, nothing on `*`."""
        role = iam.Role(self, "FunctionRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AWSLambdaBasicExecutionRole"))
        table_arns = [main.get_att("Arn").to_string(), idempotency.get_att("Arn").to_string()]
        role.add_to_policy(iam.PolicyStatement(
            actions=DATA_ACTIONS,
            resources=[*table_arns, *(cdk.Fn.join("", [arn, "/index/*"]) for arn in table_arns)],
        ))
        role.add_to_policy(iam.PolicyStatement(actions=["s3:PutObject", "s3:GetObject"],
                                               resources=[attachments.arn_for_objects("*"), public.arn_for_objects("*")]))
        role.add_to_policy(iam.PolicyStatement(actions=["s3:ListBucket"],
                                               resources=[attachments.bucket_arn, public.bucket_arn]))
        role.add_to_policy(iam.PolicyStatement(actions=["sns:Publish"], resources=[notifications.topic_arn]))
        role.add_to_policy(iam.PolicyStatement(
            actions=["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                     "sqs:ChangeMessageVisibility"],
            resources=[publications.queue_arn]))
        return role
