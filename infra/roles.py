"""One IAM role per function, each allowed only what its own code calls.

A flaw in one function then reaches only that function's resources: the API cannot rewrite
a published month or the residents' pages, a publisher cannot touch accounts or ballots,
and the authorizer, which only verifies tokens against the pools' public keys over HTTPS,
can read no data at all. tests/infra/test_least_privilege.py holds each role to this.

- APIHandler: the main table and its indexes, the idempotency and ballots tables; the
  attachments bucket, and no object of the public bucket (a tally's files are CountRound's);
  both pools' admin API; the notifications topic; sends to the publications queue; the three
  secrets.
- MulinAuthorizer: nothing but its logs.
- PublishLastMonth: reads the main table and writes only in `PUBLICATION#` partitions (a run's
  status, the texts it held back);
  reads `rounds/*` and `summaries/*` of the public bucket and writes `summaries/*`.
- PublishRequestedMonth: the same, and receives and deletes the publications queue's messages.
- CountRound: reads the main table and the ballots table, writes only in `ROUND#` partitions (the
  round, its result, its tally job) and the rounds' audit partitions; writes `rounds/*` of the
  public bucket (in parts, so it may abort its own upload); receives and deletes the tallies
  queue's messages. The API sends to that queue.
- PublishLiveIndex: reads the main table and its indexes (counters, entries, pools, divisions),
  puts only in `LIVE#` partitions (the closed weeks' rollups) and writes `live/index/*` of the
  public bucket.
- CountLive: reads the main table's stream (the event source mapping reads it as this role) and
  writes only in `LIVE#` partitions: the counters' ADDs and the records' applied marks, by
  transaction, nothing read; sends a batch that kept failing to its failure queue.
- SendTexts: receives and deletes the texts queue's messages (the notifications topic's, raw);
  reads the main table's items (a choice, a case), writes only in `SMSDAY#` and `SMSLATER#`
  partitions (the day's count, texts held back), keeps its once-per-message records in the
  idempotency table, finds a resident's verified number in the residents' pool (ListUsers),
  and publishes to phone numbers only: a Deny on every topic ARN keeps the `*` SMS needs from
  reaching any topic.
- SendDeferredTexts: the same without the queue, and it Queries and deletes `SMSLATER#` items.
- SendOfficialsDigest: reads the main table and its indexes, puts only in `INBOX#` and `DIGEST#`
  partitions (a digest and its day's marker), publishes to the notifications topic, reads the
  PII key (an inbox is keyed by a keyed digest). Its per-street metric goes out in its logs (EMF).

Each may write logs to its own log group only (infra/monitoring.py). The pages themselves
(`index.html`, `js/*`, `config.json`, …) are written by the site's BucketDeployment alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import aws_cdk as cdk
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from chalicelib.live.publish import PREFIX as LIVE_PREFIX
from chalicelib.publishing.repository import PREFIX as MONTHS_PREFIX
from chalicelib.storage.table import TABLE_DEFINITION

# The prefix a tally writes a round's result and anonymous ballots under (voting/tallying.py).
ROUNDS_PREFIX = "rounds/"
DATA_ACTIONS = [
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:Query",
    "dynamodb:BatchWriteItem",
    "dynamodb:ConditionCheckItem",
]
READ_ACTIONS = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"]
RESIDENT_DIRECTORY_ACTIONS = [f"cognito-idp:{action}" for action in (
    "ListUsers", "AdminUpdateUserAttributes", "AdminDeleteUserAttributes", "AdminUserGlobalSignOut", "AdminDeleteUser")]
OFFICIAL_DIRECTORY_ACTIONS = [f"cognito-idp:{action}" for action in (
    "ListUsers", "AdminCreateUser", "AdminAddUserToGroup", "AdminListGroupsForUser", "AdminDeleteUser",
    "AdminDisableUser", "AdminEnableUser", "AdminUserGlobalSignOut", "AdminUpdateUserAttributes",
    "AdminSetUserMFAPreference")]
# What Lambda's SQS event source needs of the function's role to hand it the messages.
QUEUE_READER_ACTIONS = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
# The publishers' only writes to the table: where a month's run stands and the texts it held
# back, both in the month's own partition (keys.publication_key, keys.held_back_key).
PUBLICATION_PARTITIONS = "PUBLICATION#*"
PUBLISHER_WRITE_ACTIONS = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
# A count's writes: the round, its result and its job (keys.round_partition, keys.tally_job_key),
# and the tally's audit event (voting/repository.audit, keys.audit_key).
COUNTER_PARTITIONS = ["ROUND#*", "AUDIT#round#*"]
COUNTER_WRITE_ACTIONS = ["dynamodb:PutItem", "dynamodb:UpdateItem"]
# The live counters' only writes (live/repository.py): counter items and applied marks.
LIVE_PARTITIONS = ["LIVE#*"]
# What Lambda's DynamoDB stream event source needs of the function's role to read the stream.
STREAM_READER_ACTIONS = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                         "dynamodb:ListStreams"]
# The texts' own writes: the day's count and the texts the quiet hours held back (texts/repository.py).
TEXT_PARTITIONS = ["SMSDAY#*", "SMSLATER#*"]
IDEMPOTENCY_ACTIONS = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
# The morning digest's only writes: officials' inbox messages and the day's markers.
DIGEST_PARTITIONS = ("INBOX#*", "DIGEST#*")


@dataclass(frozen=True)
class Granted:
    """What the functions may be given access to."""

    main: cdk.CfnResource
    idempotency: cdk.CfnResource
    ballots: cdk.CfnResource
    attachments: s3.Bucket
    public: s3.Bucket
    notifications: sns.Topic
    publications: sqs.Queue
    tallies: sqs.Queue
    secrets: dict[str, secretsmanager.Secret]
    user_pools: dict[str, cognito.CfnUserPool]
    # Where a stream batch that kept failing is described (its shard and sequence numbers).
    live_failed: sqs.Queue | None = None
    # The notifications topic's messages for residents' texts.
    texts: sqs.Queue | None = None


class FunctionRoles(Construct):
    """`by_function`: each function's role, by the logical id `chalice package` gives it."""

    def __init__(self, scope: Construct, construct_id: str, *, granted: Granted) -> None:
        super().__init__(scope, construct_id)
        self.granted = granted
        self.by_function = {
            "APIHandler": self._api(),
            "MulinAuthorizer": self._role("Authorizer", "Mulin token authorizer: verifies ID tokens, reads no data"),
            "PublishLastMonth": self._publisher("PublishLastMonth", "Mulin scheduled monthly publication"),
            "PublishRequestedMonth": self._publisher("PublishRequestedMonth", "Mulin publication of requested months"),
            "SendOfficialsDigest": self._digest(),
            "CountRound": self._counter(),
            "CountLive": self._live_counter(),
            "PublishLiveIndex": self._live_publisher(),
            "SendTexts": self._texter("SendTexts", "Mulin residents' texts from the notifications topic"),
            "SendDeferredTexts": self._texter("SendDeferredTexts", "Mulin texts the quiet hours held back, at 08:00"),
        }
        if granted.texts is not None:
            self.by_function["SendTexts"].add_to_policy(iam.PolicyStatement(
                actions=QUEUE_READER_ACTIONS, resources=[granted.texts.queue_arn]))
        self.by_function["PublishRequestedMonth"].add_to_policy(iam.PolicyStatement(
            actions=QUEUE_READER_ACTIONS, resources=[granted.publications.queue_arn]))

    def _role(self, construct_id: str, description: str) -> iam.Role:
        return iam.Role(self, construct_id, assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
                        description=description)

    def _api(self) -> iam.Role:
        g = self.granted
        role = self._role("Api", "Mulin API handler")
        main_arn = g.main.get_att("Arn").to_string()
        role.add_to_policy(iam.PolicyStatement(actions=DATA_ACTIONS, resources=[
            main_arn, *_indexes(main_arn), g.idempotency.get_att("Arn").to_string(), g.ballots.get_att("Arn").to_string()]))
        # Residents' photos and receipts: presigned uploads, checks, copies onto a case, erasure.
        role.add_to_policy(iam.PolicyStatement(actions=["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
                                               resources=[g.attachments.arn_for_objects("*")]))
        # Listing erases a person's uploads; HeadBucket (the health check) asks for it too.
        role.add_to_policy(iam.PolicyStatement(actions=["s3:ListBucket"],
                                               resources=[g.attachments.bucket_arn, g.public.bucket_arn]))
        # The directory (chalicelib/directory.py): residences set on residents' accounts, erasure,
        # and officials' accounts managed through the API; each action on its own pool only.
        if g.user_pools:
            role.add_to_policy(iam.PolicyStatement(actions=RESIDENT_DIRECTORY_ACTIONS,
                                                   resources=[g.user_pools["UserPool"].attr_arn]))
            role.add_to_policy(iam.PolicyStatement(actions=OFFICIAL_DIRECTORY_ACTIONS,
                                                   resources=[g.user_pools["OfficialsUserPool"].attr_arn]))
        role.add_to_policy(iam.PolicyStatement(actions=["sns:Publish"], resources=[g.notifications.topic_arn]))
        role.add_to_policy(iam.PolicyStatement(actions=["sqs:SendMessage"],
                                               resources=[g.publications.queue_arn, g.tallies.queue_arn]))
        role.add_to_policy(iam.PolicyStatement(actions=["secretsmanager:GetSecretValue"],
                                               resources=[secret.secret_arn for secret in g.secrets.values()]))
        return role

    def _publisher(self, construct_id: str, description: str) -> iam.Role:
        g = self.granted
        role = self._role(construct_id, description)
        main_arn = g.main.get_att("Arn").to_string()
        role.add_to_policy(iam.PolicyStatement(actions=READ_ACTIONS, resources=[main_arn, *_indexes(main_arn)]))
        role.add_to_policy(iam.PolicyStatement(
            actions=PUBLISHER_WRITE_ACTIONS, resources=[main_arn],
            conditions={"ForAllValues:StringLike": {"dynamodb:LeadingKeys": [PUBLICATION_PARTITIONS]}}))
        # A month reads its rounds' published ballots and the index of months, and writes its folder.
        role.add_to_policy(iam.PolicyStatement(actions=["s3:GetObject"], resources=[
            g.public.arn_for_objects(f"{ROUNDS_PREFIX}*"), g.public.arn_for_objects(f"{MONTHS_PREFIX}*")]))
        role.add_to_policy(iam.PolicyStatement(actions=["s3:PutObject"],
                                               resources=[g.public.arn_for_objects(f"{MONTHS_PREFIX}*")]))
        # Without it a missing file (the first month's index) answers 403 instead of 404.
        role.add_to_policy(iam.PolicyStatement(actions=["s3:ListBucket"], resources=[g.public.bucket_arn]))
        return role

    def _digest(self) -> iam.Role:
        g = self.granted
        role = self._role("SendOfficialsDigest", "Mulin officials' morning digest")
        main_arn = g.main.get_att("Arn").to_string()
        role.add_to_policy(iam.PolicyStatement(actions=READ_ACTIONS, resources=[main_arn, *_indexes(main_arn)]))
        # A digest and its day's marker, written together; nothing else of the table.
        role.add_to_policy(iam.PolicyStatement(
            actions=["dynamodb:PutItem"], resources=[main_arn],
            conditions={"ForAllValues:StringLike": {"dynamodb:LeadingKeys": list(DIGEST_PARTITIONS)}}))
        role.add_to_policy(iam.PolicyStatement(actions=["sns:Publish"], resources=[g.notifications.topic_arn]))
        # The inbox is keyed by the keyed digest of the official's sub (auth.person_key).
        role.add_to_policy(iam.PolicyStatement(actions=["secretsmanager:GetSecretValue"],
                                               resources=[g.secrets["pii"].secret_arn]))
        return role

    def _counter(self) -> iam.Role:
        """A round's count (voting/tally_jobs.py): what tallying.py reads and writes, nothing more."""
        g = self.granted
        role = self._role("CountRound", "Mulin count of a round's ballots")
        main_arn = g.main.get_att("Arn").to_string()
        role.add_to_policy(iam.PolicyStatement(actions=READ_ACTIONS, resources=[main_arn]))
        role.add_to_policy(iam.PolicyStatement(actions=["dynamodb:Query"], resources=[g.ballots.get_att("Arn").to_string()]))
        role.add_to_policy(iam.PolicyStatement(
            actions=COUNTER_WRITE_ACTIONS, resources=[main_arn],
            conditions={"ForAllValues:StringLike": {"dynamodb:LeadingKeys": COUNTER_PARTITIONS}}))
        # A large ballots file goes up in parts (PutObject covers them); a failed upload aborts its parts.
        role.add_to_policy(iam.PolicyStatement(actions=["s3:PutObject", "s3:AbortMultipartUpload"],
                                               resources=[g.public.arn_for_objects(f"{ROUNDS_PREFIX}*")]))
        role.add_to_policy(iam.PolicyStatement(actions=QUEUE_READER_ACTIONS, resources=[g.tallies.queue_arn]))
        return role

    def _texter(self, construct_id: str, description: str) -> iam.Role:
        """texts/service.py: what deliver() and send_deferred() call, nothing more."""
        g = self.granted
        role = self._role(construct_id, description)
        main_arn = g.main.get_att("Arn").to_string()
        role.add_to_policy(iam.PolicyStatement(actions=READ_ACTIONS, resources=[main_arn]))
        role.add_to_policy(iam.PolicyStatement(
            actions=["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"], resources=[main_arn],
            conditions={"ForAllValues:StringLike": {"dynamodb:LeadingKeys": TEXT_PARTITIONS}}))
        role.add_to_policy(iam.PolicyStatement(actions=IDEMPOTENCY_ACTIONS,
                                               resources=[g.idempotency.get_att("Arn").to_string()]))
        if g.user_pools:
            role.add_to_policy(iam.PolicyStatement(actions=["cognito-idp:ListUsers"],
                                                   resources=[g.user_pools["UserPool"].attr_arn]))
        # An SMS to a phone number has no ARN; the Deny keeps the `*` from reaching any topic.
        role.add_to_policy(iam.PolicyStatement(actions=["sns:Publish"], resources=["*"]))
        role.add_to_policy(iam.PolicyStatement(effect=iam.Effect.DENY, actions=["sns:Publish"],
                                               resources=[cdk.Fn.sub("arn:${AWS::Partition}:sns:*:*:*")]))
        return role

    def _live_publisher(self) -> iam.Role:
        """The live index's hourly files (chalicelib/live/publish.py): it reads and writes no more."""
        g = self.granted
        role = self._role("PublishLiveIndex", "Mulin live index files")
        main_arn = g.main.get_att("Arn").to_string()
        # Counters, entries and pools by Query and GetItem; the active committees by GSI1; divisions by BatchGetItem.
        role.add_to_policy(iam.PolicyStatement(actions=READ_ACTIONS, resources=[main_arn, *_indexes(main_arn)]))
        # The closed weeks' rollups (live/rollups.py), put once each, in the counters' partitions.
        role.add_to_policy(iam.PolicyStatement(
            actions=["dynamodb:PutItem"], resources=[main_arn],
            conditions={"ForAllValues:StringLike": {"dynamodb:LeadingKeys": LIVE_PARTITIONS}}))
        role.add_to_policy(iam.PolicyStatement(actions=["s3:PutObject"],
                                               resources=[g.public.arn_for_objects(f"{LIVE_PREFIX}*")]))
        return role

    def _live_counter(self) -> iam.Role:
        """The stream's consumer (live/consumer.py): transactions of ADDs and Puts in `LIVE#` partitions."""
        g = self.granted
        role = self._role("CountLive", "Mulin live counters from the main table's stream")
        stream_arn = g.main.get_att("StreamArn").to_string()
        role.add_to_policy(iam.PolicyStatement(actions=STREAM_READER_ACTIONS, resources=[stream_arn]))
        role.add_to_policy(iam.PolicyStatement(
            actions=["dynamodb:PutItem", "dynamodb:UpdateItem"], resources=[g.main.get_att("Arn").to_string()],
            conditions={"ForAllValues:StringLike": {"dynamodb:LeadingKeys": LIVE_PARTITIONS}}))
        if g.live_failed is not None:
            role.add_to_policy(iam.PolicyStatement(actions=["sqs:SendMessage"], resources=[g.live_failed.queue_arn]))
        return role

    def allow_logs(self, groups: dict[str, logs.LogGroup]) -> None:
        """Each function writes its own log group, instead of AWSLambdaBasicExecutionRole's logs on `*`."""
        for name, role in self.by_function.items():
            role.add_to_policy(iam.PolicyStatement(actions=["logs:CreateLogStream", "logs:PutLogEvents"],
                                                   resources=[groups[name].log_group_arn]))

    def policies(self) -> dict[str, cdk.CfnResource]:
        """Each function's policy resource, which the function must wait for: the queue's
        event source is refused at creation when its role cannot yet receive messages."""
        return {name: role.node.find_child("DefaultPolicy").node.default_child
                for name, role in self.by_function.items()}


def _indexes(table_arn: str) -> list[str]:
    return [cdk.Fn.join("", [table_arn, "/index/", index["IndexName"]]) for index in TABLE_DEFINITION["GlobalSecondaryIndexes"]]
