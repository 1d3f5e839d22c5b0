"""One stack: the Chalice app with its table, buckets, user pool, pages, alarms and logs.

Tables and the user pool are written as CloudFormation properties straight from the
definitions in chalicelib (storage.table, identity) that the local stack creates through
boto3, so the two cannot drift; tests/infra compares them.

In the China regions (cn-north-1, cn-northwest-1) two global services are missing or
different: Cognito user pools do not exist there, so the stack takes an OIDC issuer of the
operator's choice (`-c oidc_issuer=… -c oidc_jwks_url=… -c oidc_client_id=…`); and
CloudFront needs an ICP-filed domain, so the pages are deployed to the bucket and served by
the operator's CDN under that domain. Everything else is the same, with the partition and
URL suffix taken from the region, never written out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from chalicelib.identity import (
    GROUPS,
    MFA_METHODS,
    OFFICIALS_POOL_DEFINITION,
    USER_POOL_CLIENT_DEFINITION,
    USER_POOL_DEFINITION,
)
from chalicelib.storage.buckets import ABANDONED_UPLOAD_DAYS, ATTACHMENTS_CORS, UPLOAD_PREFIX
from chalicelib.storage.queues import (
    MAX_RECEIVES,
    RETENTION_SECONDS,
    TALLY_VISIBILITY_TIMEOUT_SECONDS,
    TEXT_EVENTS,
    TEXTS_VISIBILITY_TIMEOUT_SECONDS,
    VISIBILITY_TIMEOUT_SECONDS,
)
from chalicelib.storage.table import (
    BALLOTS_TABLE_DEFINITION,
    IDEMPOTENCY_TABLE_DEFINITION,
    IDEMPOTENCY_TTL_ATTRIBUTE,
    TABLE_DEFINITION,
    TTL_ATTRIBUTE,
)
from infra import lambda_layers
from infra.firewall import Firewall
from infra.monitoring import Monitoring, secure_topic
from infra.nag import acknowledge_findings
from infra.packaging import PrecompiledChalice
from infra.roles import FunctionRoles, Granted
from infra.site import Site

ROOT = Path(__file__).resolve().parent.parent


# Retries of a failing stream batch (each from its first failed record) before it is set aside.
LIVE_RETRIES = 10
# Lambda's event filters for the live counters: what live/rules.py can count, nothing else.
LIVE_FILTERS = (
    {"eventName": ["INSERT"], "dynamodb": {"NewImage": {"fact": {"M": {"domain": {"S": [{"exists": True}]}}}}}},
    {"eventName": ["INSERT", "MODIFY"],
     "dynamodb": {"NewImage": {"type": {"S": ["residence_request"]}, "status": {"S": ["approved"]}}}},
    {"eventName": ["INSERT"], "dynamodb": {"NewImage": {"type": {"S": ["topic"]}}}},
    {"eventName": ["MODIFY"], "dynamodb": {"NewImage": {"type": {"S": ["meeting"]}, "status": {"S": ["held"]}}}},
    {"eventName": ["MODIFY"],
     "dynamodb": {"NewImage": {"type": {"S": ["meeting_decision"]}, "carried": {"M": {"at": {"S": [{"exists": True}]}}}}}},
)


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


def cfn_properties(definition: dict[str, Any]) -> dict[str, Any]:
    """A CloudFormation property dict as keyword arguments of an L1 construct (so that
    cdk-nag, which reads L1 attributes, sees them): top-level names in snake_case, nested
    names in camelCase, which jsii maps back to CloudFormation's PascalCase."""

    def camel(name: str) -> str:
        # InviteMessageTemplate's SMSMessage is `smsMessage` to jsii.
        return "smsMessage" if name == "SMSMessage" else name[0].lower() + name[1:]

    def nested(value: Any) -> Any:
        if isinstance(value, dict):
            return {camel(k): nested(v) for k, v in value.items()}
        if isinstance(value, list):
            return [nested(v) for v in value]
        return value

    def snake(name: str) -> str:
        return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")

    return {snake(k): nested(v) for k, v in definition.items()}


def is_china(region: str) -> bool:
    return not cdk.Token.is_unresolved(region) and region.startswith("cn-")


class MulinStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, **kwargs: Any) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # The Chalice construct packages the app as the stage named by this stack's id; any
        # other id would silently drop the stage's timeouts, memory and concurrency.
        if construct_id != stage:
            raise ValueError(f"the stack's id must be its stage ({stage!r}), not {construct_id!r}")
        self.china = is_china(self.region)
        production = self.production = stage == "prod"
        removal = cdk.RemovalPolicy.RETAIN if production else cdk.RemovalPolicy.DESTROY

        main_table = cdk.CfnResource(self, "MainTable", type="AWS::DynamoDB::Table",
                                     properties=table_properties(TABLE_DEFINITION, TTL_ATTRIBUTE, production=production))
        main_table.apply_removal_policy(removal)
        idempotency_table = cdk.CfnResource(
            self, "IdempotencyTable", type="AWS::DynamoDB::Table",
            properties=table_properties(IDEMPOTENCY_TABLE_DEFINITION, IDEMPOTENCY_TTL_ATTRIBUTE, production=production),
        )
        idempotency_table.apply_removal_policy(removal)
        # Voters' records and ballots, apart from the main table's stream.
        ballots_table = cdk.CfnResource(
            self, "BallotsTable", type="AWS::DynamoDB::Table",
            properties=table_properties(BALLOTS_TABLE_DEFINITION, TTL_ATTRIBUTE, production=production),
        )
        ballots_table.apply_removal_policy(removal)

        # Who read or wrote which object of the other buckets.
        access_logs = self._log_bucket("AccessLogs", removal)
        attachments = s3.Bucket(
            self, "Attachments",
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            removal_policy=removal,
            server_access_logs_bucket=access_logs, server_access_logs_prefix="attachments/",
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
            server_access_logs_bucket=access_logs, server_access_logs_prefix="public/",
        )

        identity = self._identity(stage, removal)
        # The cursor key only protects pagination state; the PII key keys the hashes standing
        # in for phone numbers and voters, so it must never change while a round is open; the
        # origin-verify value is what CloudFront sends the API to show a request came through it.
        secrets = {key: secretsmanager.Secret(self, construct_id, generate_secret_string=secretsmanager.SecretStringGenerator(
            exclude_punctuation=True, password_length=48))
            for key, construct_id in (("cursor", "CursorSecret"), ("pii", "PiiKey"), ("origin", "OriginVerifySecret"))}
        secrets["pii"].apply_removal_policy(removal)
        self.origin_verify = secrets["origin"]

        # Every message put in a resident's inbox is also published here; an SMS sender
        # (or, in the China regions, the provider's SMS service) subscribes to it.
        notifications = secure_topic(self, "Notifications", "Mulin notifications")
        publications, failed_publications = self._publications_queue()
        tallies, failed_tallies = self._tallies_queue()
        texts, failed_texts = self._texts_queue(notifications)
        live_failed = sqs.Queue(self, "LiveCountFailed", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True,
                                retention_period=cdk.Duration.days(14))

        self.roles = FunctionRoles(self, "FunctionRoles", granted=Granted(
            main=main_table, idempotency=idempotency_table, ballots=ballots_table, attachments=attachments,
            public=public, notifications=notifications, publications=publications, tallies=tallies, secrets=secrets,
            user_pools=self.user_pools, live_failed=live_failed, texts=texts))
        self.api = PrecompiledChalice(
            self, "Api", source_dir=str(ROOT),
            stage_config={
                "environment_variables": {
                    "MULIN_STAGE": stage,
                    "MULIN_TABLE": main_table.ref,
                    "MULIN_IDEMPOTENCY_TABLE": idempotency_table.ref,
                    "MULIN_BALLOTS_TABLE": ballots_table.ref,
                    "MULIN_PUBLIC_BUCKET": public.bucket_name,
                    "MULIN_ATTACHMENTS_BUCKET": attachments.bucket_name,
                    **identity,
                    # Where the secrets are, never what they are: the functions read them from
                    # Secrets Manager at run time (chalicelib/secrets.py).
                    "MULIN_CURSOR_SECRET_ID": secrets["cursor"].secret_arn,
                    "MULIN_PII_KEY_SECRET_ID": secrets["pii"].secret_arn,
                    "MULIN_ORIGIN_VERIFY_SECRET_ID": secrets["origin"].secret_arn,
                    "MULIN_NOTIFICATIONS_TOPIC_ARN": notifications.topic_arn,
                    "MULIN_PUBLICATIONS_QUEUE_URL": publications.queue_url,
                    "MULIN_TALLIES_QUEUE_URL": tallies.queue_url,
                    # Categories whose deadlines count working days: `-c working_day_categories=sanitation,…`.
                    "MULIN_WORKING_DAY_CATEGORIES": str(self.node.try_get_context("working_day_categories") or ""),
                },
                # Chalice takes one role for every function from here (per-function roles only from
                # its config file, which cannot name a role made in this stack); each function's
                # own role is set on the packaged template below.
                "manage_iam_role": False,
                "iam_role_arn": self.roles.by_function["APIHandler"].role_arn,
            },
        )
        # The app declares its event source by a queue name; it reads the queue made here.
        self.api.get_resource("PublishRequestedMonth").add_property_override(
            "Events.PublishRequestedMonthSqsEventSource.Properties.Queue", publications.queue_arn)
        self.api.get_resource("CountRound").add_property_override(
            "Events.CountRoundSqsEventSource.Properties.Queue", tallies.queue_arn)
        self.api.get_resource("SendTexts").add_property_override(
            "Events.SendTextsSqsEventSource.Properties.Queue", texts.queue_arn)
        # A batch answers which of its messages failed: only those come back (texts/service.py).
        self.api.get_resource("SendTexts").add_property_override(
            "Events.SendTextsSqsEventSource.Properties.FunctionResponseTypes", ["ReportBatchItemFailures"])
        # numpy for equal shares' arrays, to the counter alone: in the bundle all functions share
        # it would add some 17 MB zipped to each, and to the API's cold start.
        count_round_layer = lambda_.LayerVersion(
            self, "CountRoundLayer", code=lambda_.Code.from_asset(str(lambda_layers.build("count_round"))),
            compatible_runtimes=[lambda_.Runtime.PYTHON_3_11], compatible_architectures=[lambda_.Architecture.X86_64],
            description="numpy for count_round (infra/layers/count_round.txt)")
        self.api.get_resource("CountRound").add_property_override("Layers", [count_round_layer.layer_version_arn])

        self.monitoring = Monitoring(self, "Monitoring", api=self.api, stage=stage, api_name=f"mulin-{stage}",
                                     removal=removal)
        self.roles.allow_logs(self.monitoring.log_groups)
        policies = self.roles.policies()
        for name, role in self.roles.by_function.items():
            function = self.api.get_resource(name)
            function.add_property_override("Role", role.role_arn)
            function.add_resource_dependency(policies[name])
        self._stream_to_live_counters(main_table, live_failed, policies["CountLive"])
        self.monitoring.watch_queue("LiveCountFailedAlarm", "A stream batch kept failing: live counters miss it",
                                    live_failed.metric_approximate_number_of_messages_visible(
                                        period=cdk.Duration.minutes(5)))
        self.monitoring.watch_queue("PublicationFailedAlarm", "A requested month could not be published",
                                    failed_publications.metric_approximate_number_of_messages_visible(
                                        period=cdk.Duration.minutes(5)))
        self.monitoring.watch_queue("TallyFailedAlarm", "A round's count kept failing",
                                    failed_tallies.metric_approximate_number_of_messages_visible(
                                        period=cdk.Duration.minutes(5)))
        self.monitoring.watch_queue("TextFailedAlarm", "A resident's text kept failing",
                                    failed_texts.metric_approximate_number_of_messages_visible(
                                        period=cdk.Duration.minutes(5)))
        Firewall(self, "Firewall", stage=stage, rest_api="RestAPI",
                 user_pool_arns={name: pool.attr_arn for name, pool in self.user_pools.items()},
                 origin_verify=self.origin_verify)
        self._site(public, attachments, access_logs, identity)
        cdk.CfnOutput(self, "PublicBucket", value=public.bucket_name)
        cdk.CfnOutput(self, "AlarmTopic", value=self.monitoring.alarms.topic_arn)
        acknowledge_findings(self)

    def _log_bucket(self, construct_id: str, removal: cdk.RemovalPolicy, **options: Any) -> s3.Bucket:
        """Request logs, kept a year (China's Cybersecurity Law asks for six months at least)."""
        return s3.Bucket(
            self, construct_id,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            removal_policy=removal,
            lifecycle_rules=[s3.LifecycleRule(expiration=cdk.Duration.days(365))],
            **options,
        )

    def _identity(self, stage: str, removal: cdk.RemovalPolicy) -> dict[str, str]:
        """The user pool, or in the China regions the operator's OIDC issuer; the settings the app reads."""
        self.user_pools: dict[str, cognito.CfnUserPool] = {}
        if self.china:
            issuer, jwks, client = (str(self.node.try_get_context(k) or "") for k in
                                    ("oidc_issuer", "oidc_jwks_url", "oidc_client_id"))
            if not (issuer and jwks and client):
                raise ValueError("the China regions have no Cognito user pools: pass -c oidc_issuer=… "
                                 "-c oidc_jwks_url=… -c oidc_client_id=… (see infra/README.md)")
            return {"MULIN_USER_POOL_ID": "oidc", "MULIN_USER_POOL_CLIENT_ID": client,
                    "MULIN_JWT_ISSUER": issuer, "MULIN_JWKS_URL": jwks}
        pools = {}
        sms = self._sms_role()
        for key, officials in (("UserPool", False), ("OfficialsUserPool", True)):
            definition = OFFICIALS_POOL_DEFINITION if officials else USER_POOL_DEFINITION
            pool = cognito.CfnUserPool(self, key, user_pool_name=f"mulin-{stage}{'-officials' if officials else ''}",
                                       enabled_mfas=MFA_METHODS, sms_configuration=sms, **cfn_properties(definition))
            pool.apply_removal_policy(removal)
            client = cognito.CfnUserPoolClient(
                self, f"{key}Client", user_pool_id=pool.ref, client_name=f"mulin-{stage}-{'api' if officials else 'web'}",
                **cfn_properties(USER_POOL_CLIENT_DEFINITION))
            cdk.CfnOutput(self, f"{key}Id", value=pool.ref)
            cdk.CfnOutput(self, f"{key}ClientId", value=client.ref)
            pools[key] = (pool, client)
            self.user_pools[key] = pool
        (pool, client), (officials_pool, officials_client) = pools["UserPool"], pools["OfficialsUserPool"]
        for group, description in GROUPS.items():
            cognito.CfnUserPoolGroup(self, f"Group{group.title().replace('_', '')}", user_pool_id=officials_pool.ref,
                                     group_name=group, description=description)

        def issuer(of: cognito.CfnUserPool) -> str:
            return cdk.Fn.join("", ["https://cognito-idp.", self.region, ".", self.url_suffix, "/", of.ref])

        return {"MULIN_USER_POOL_ID": pool.ref, "MULIN_USER_POOL_CLIENT_ID": client.ref, "MULIN_JWT_ISSUER": issuer(pool),
                "MULIN_OFFICIALS_USER_POOL_ID": officials_pool.ref,
                "MULIN_OFFICIALS_USER_POOL_CLIENT_ID": officials_client.ref,
                "MULIN_OFFICIALS_JWT_ISSUER": issuer(officials_pool)}

    def _sms_role(self) -> cognito.CfnUserPool.SmsConfigurationProperty:
        """Cognito sends sign-up, reset and number-change codes and officials' temporary
        passwords by SMS through SNS, as this role, which only Cognito acting for this
        account's pools may assume."""
        external_id = f"{self.stack_name}-cognito-sms"
        role = iam.Role(
            self, "CognitoSmsRole",
            assumed_by=iam.ServicePrincipal("cognito-idp.amazonaws.com", conditions={
                "StringEquals": {"sts:ExternalId": external_id, "aws:SourceAccount": self.account}}),
            # An SMS to a phone number has no resource ARN to name.
            inline_policies={"SendSms": iam.PolicyDocument(statements=[
                iam.PolicyStatement(actions=["sns:Publish"], resources=["*"])])},
        )
        return cognito.CfnUserPool.SmsConfigurationProperty(sns_caller_arn=role.role_arn, external_id=external_id)

    def _site(self, public: s3.Bucket, attachments: s3.Bucket, access_logs: s3.Bucket, identity: dict[str, str]) -> None:
        origins = [str(o) for o in (self.node.try_get_context("site_origins") or "").split(",") if o]
        if not self.china:
            # CloudFront delivers its logs with an ACL; a bucket of their own keeps ACLs off the others.
            cdn_logs = self._log_bucket("CdnLogs", cdk.RemovalPolicy.RETAIN if self.production else cdk.RemovalPolicy.DESTROY,
                                        object_ownership=s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
                                        server_access_logs_bucket=access_logs, server_access_logs_prefix="cdn-logs/")
            site = Site(self, "Site", public=public, logs=cdn_logs, rest_api_id=self.api.get_resource("RestAPI").ref,
                        client_id=identity["MULIN_USER_POOL_CLIENT_ID"],
                        officials_client_id=identity["MULIN_OFFICIALS_USER_POOL_CLIENT_ID"],
                        attachments=attachments, origin_verify=self.origin_verify)
            cdk.CfnOutput(self, "SiteUrl", value=site.origin)
            # The API stage's web ACL refuses whatever did not come through the distribution,
            # officials' clients included.
            cdk.CfnOutput(self, "ApiUrl", value=cdk.Fn.join("", [site.origin, "/api/"]))
        else:
            cdk.CfnOutput(self, "ApiUrl", value=cdk.Fn.sub(
                "https://${RestAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/api/"))
        # Residents' browsers post photos straight to the attachments bucket. The presigned form
        # is what authorizes an upload (key, type, size, expiry); `-c site_origins=https://…`
        # narrows CORS to the pages' own domain. The distribution's domain cannot be named here:
        # the API's functions read this bucket's name, and the distribution fronts the API.
        for rule in ATTACHMENTS_CORS["CORSRules"]:
            attachments.add_cors_rule(allowed_methods=[s3.HttpMethods(m) for m in rule["AllowedMethods"]],
                                      allowed_origins=origins or rule["AllowedOrigins"],
                                      allowed_headers=rule["AllowedHeaders"], max_age=rule["MaxAgeSeconds"])

    def _stream_to_live_counters(self, main_table: cdk.CfnResource, failed: sqs.Queue, policy: cdk.CfnResource) -> None:
        """The main table's stream → count_live, in batches of up to 100 (one transaction's worth,
        live/consumer.py). Only records a rule may count reach it (activity events, residence requests
        becoming approved), so the counters' own writes do not invoke it again. A batch that keeps
        failing is retried LIVE_RETRIES times from its first failed record, then described in `failed`."""
        mapping = lambda_.CfnEventSourceMapping(
            self, "CountLiveStream",
            function_name=self.api.get_resource("CountLive").ref,
            event_source_arn=main_table.get_att("StreamArn").to_string(),
            starting_position="TRIM_HORIZON",
            batch_size=100,
            maximum_batching_window_in_seconds=1,
            parallelization_factor=1,
            function_response_types=["ReportBatchItemFailures"],
            maximum_retry_attempts=LIVE_RETRIES,
            bisect_batch_on_function_error=False,
            destination_config=lambda_.CfnEventSourceMapping.DestinationConfigProperty(
                on_failure=lambda_.CfnEventSourceMapping.OnFailureProperty(destination=failed.queue_arn)),
            filter_criteria=lambda_.CfnEventSourceMapping.FilterCriteriaProperty(filters=[
                lambda_.CfnEventSourceMapping.FilterProperty(pattern=json.dumps(pattern)) for pattern in LIVE_FILTERS]),
        )
        # The mapping is refused at creation while the role cannot yet read the stream.
        mapping.node.add_dependency(policy)

    def _texts_queue(self, topic: Any) -> tuple[sqs.Queue, sqs.Queue]:
        """The topic's messages that may become a text (filtered by event), raw; one that fails
        MAX_RECEIVES times is kept aside and raises an alarm, as a month or a count does."""
        failed = sqs.Queue(self, "TextsFailed", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True,
                           retention_period=cdk.Duration.days(14))
        queue = sqs.Queue(
            self, "Texts", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True,
            visibility_timeout=cdk.Duration.seconds(TEXTS_VISIBILITY_TIMEOUT_SECONDS),
            retention_period=cdk.Duration.seconds(RETENTION_SECONDS),
            dead_letter_queue=sqs.DeadLetterQueue(queue=failed, max_receive_count=MAX_RECEIVES),
        )
        topic.add_subscription(subscriptions.SqsSubscription(queue, raw_message_delivery=True, filter_policy={
            "event": sns.SubscriptionFilter.string_filter(allowlist=list(TEXT_EVENTS))}))
        return queue, failed

    def _tallies_queue(self) -> tuple[sqs.Queue, sqs.Queue]:
        """Rounds asked to be counted; a count that fails MAX_RECEIVES times is kept aside and
        raises an alarm (its job is marked failed: voting/tally_jobs.py)."""
        failed = sqs.Queue(self, "TalliesFailed", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True,
                           retention_period=cdk.Duration.days(14))
        queue = sqs.Queue(
            self, "Tallies", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True,
            visibility_timeout=cdk.Duration.seconds(TALLY_VISIBILITY_TIMEOUT_SECONDS),
            retention_period=cdk.Duration.seconds(RETENTION_SECONDS),
            dead_letter_queue=sqs.DeadLetterQueue(queue=failed, max_receive_count=MAX_RECEIVES),
        )
        return queue, failed

    def _publications_queue(self) -> tuple[sqs.Queue, sqs.Queue]:
        """Months asked for through the API; one that fails MAX_RECEIVES times is kept aside and
        raises an alarm, so a month never silently goes unpublished."""
        failed = sqs.Queue(self, "PublicationsFailed", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True,
                           retention_period=cdk.Duration.days(14))
        queue = sqs.Queue(
            self, "Publications", encryption=sqs.QueueEncryption.SQS_MANAGED, enforce_ssl=True,
            visibility_timeout=cdk.Duration.seconds(VISIBILITY_TIMEOUT_SECONDS),
            retention_period=cdk.Duration.seconds(RETENTION_SECONDS),
            dead_letter_queue=sqs.DeadLetterQueue(queue=failed, max_receive_count=MAX_RECEIVES),
        )
        return queue, failed
