"""The CDK app synthesizes offline, from the same definitions the local stack uses."""

from __future__ import annotations

import json

from chalicelib.identity import (
    MFA_METHODS,
    OFFICIALS_POOL_DEFINITION,
    USER_POOL_CLIENT_DEFINITION,
    USER_POOL_DEFINITION,
)
from chalicelib.storage.table import BALLOTS_TABLE_DEFINITION, TABLE_DEFINITION, TTL_ATTRIBUTE
from tests.infra.conftest import resources


def test_main_table_is_the_definition_the_local_stack_creates(template):
    table = template["Resources"]["MainTable"]["Properties"]
    assert table["KeySchema"] == TABLE_DEFINITION["KeySchema"]
    assert table["AttributeDefinitions"] == TABLE_DEFINITION["AttributeDefinitions"]
    assert table["GlobalSecondaryIndexes"] == TABLE_DEFINITION["GlobalSecondaryIndexes"]
    assert table["BillingMode"] == TABLE_DEFINITION["BillingMode"]
    assert table["StreamSpecification"]["StreamViewType"] == TABLE_DEFINITION["StreamSpecification"]["StreamViewType"]
    assert table["TimeToLiveSpecification"] == {"AttributeName": TTL_ATTRIBUTE, "Enabled": True}
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["SSESpecification"] == {"SSEEnabled": True}
    assert table["DeletionProtectionEnabled"] is True


def test_ballots_table_is_the_definition_the_local_stack_creates_without_a_stream(template):
    table = template["Resources"]["BallotsTable"]["Properties"]
    assert table["KeySchema"] == BALLOTS_TABLE_DEFINITION["KeySchema"]
    assert table["AttributeDefinitions"] == BALLOTS_TABLE_DEFINITION["AttributeDefinitions"]
    assert table["BillingMode"] == BALLOTS_TABLE_DEFINITION["BillingMode"]
    # Stream readers of the main table must never see a voter's record or ballot.
    assert "StreamSpecification" not in table and "GlobalSecondaryIndexes" not in table
    assert table["TimeToLiveSpecification"] == {"AttributeName": TTL_ATTRIBUTE, "Enabled": True}
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["SSESpecification"] == {"SSEEnabled": True}
    assert table["DeletionProtectionEnabled"] is True
    assert template["Resources"]["BallotsTable"]["DeletionPolicy"] == "Retain"


def test_both_user_pools_are_the_shared_definitions_and_only_officials_must_use_mfa(template):
    for key, definition in (("UserPool", USER_POOL_DEFINITION), ("OfficialsUserPool", OFFICIALS_POOL_DEFINITION)):
        pool = template["Resources"][key]["Properties"]
        assert {k: pool[k] for k in definition} == definition
        assert pool["EnabledMfas"] == MFA_METHODS
        client = template["Resources"][f"{key}Client"]["Properties"]
        assert {k: client[k] for k in USER_POOL_CLIENT_DEFINITION} == USER_POOL_CLIENT_DEFINITION
    assert template["Resources"]["UserPool"]["Properties"]["MfaConfiguration"] == "OPTIONAL"
    officials = template["Resources"]["OfficialsUserPool"]["Properties"]
    assert officials["MfaConfiguration"] == "ON"
    assert officials["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    groups = resources(template, "AWS::Cognito::UserPoolGroup").values()
    assert {g["Properties"]["GroupName"] for g in groups} == {"committee_staff", "street_official", "district_admin",
                                                             "platform_admin"}
    assert all(g["Properties"]["UserPoolId"] == {"Ref": "OfficialsUserPool"} for g in groups)
    variables = template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    assert variables["MULIN_OFFICIALS_USER_POOL_CLIENT_ID"] == {"Ref": "OfficialsUserPoolClient"}


def test_both_pools_hold_a_changed_number_until_verified_and_send_codes_by_sms(template):
    roles = resources(template, "AWS::IAM::Role")
    for key in ("UserPool", "OfficialsUserPool"):
        pool = template["Resources"][key]["Properties"]
        assert pool["UserAttributeUpdateSettings"] == {"AttributesRequireVerificationBeforeUpdate": ["phone_number"]}
        assert pool["AutoVerifiedAttributes"] == ["phone_number"]
        sms = pool["SmsConfiguration"]
        role_name = sms["SnsCallerArn"]["Fn::GetAtt"][0]
        trust = roles[role_name]["Properties"]["AssumeRolePolicyDocument"]["Statement"]
        assert [t["Principal"] for t in trust] == [{"Service": "cognito-idp.amazonaws.com"}]
        assert trust[0]["Condition"]["StringEquals"]["sts:ExternalId"] == sms["ExternalId"]
        statements = [st for policy in roles[role_name]["Properties"]["Policies"]
                      for st in policy["PolicyDocument"]["Statement"]]
        assert [st["Action"] for st in statements] == ["sns:Publish"]
    residents = template["Resources"]["UserPool"]["Properties"]
    assert residents["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is False
    assert "{####}" in residents["VerificationMessageTemplate"]["SmsMessage"]
    invitation = template["Resources"]["OfficialsUserPool"]["Properties"]["AdminCreateUserConfig"]["InviteMessageTemplate"]
    assert "{####}" in invitation["SMSMessage"] and "{username}" in invitation["SMSMessage"]
    # Residents may change only their number (verified), never their jurisdiction.
    assert template["Resources"]["UserPoolClient"]["Properties"]["WriteAttributes"] == ["phone_number"]


def test_the_functions_may_manage_accounts_only_in_their_own_pool_and_call_every_directory_action(template):
    import ast
    from pathlib import Path

    grants = {}
    for policy in resources(template, "AWS::IAM::Policy").values():
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            if any(a.startswith("cognito-idp:") for a in actions):
                assert all(a.startswith("cognito-idp:") for a in actions)
                grants.setdefault(statement["Resource"]["Fn::GetAtt"][0], set()).update(actions)
    assert set(grants) == {"UserPool", "OfficialsUserPool"}
    assert "cognito-idp:AdminCreateUser" not in grants["UserPool"]
    assert "cognito-idp:AdminDeleteUser" in grants["UserPool"]
    # Every Cognito call the app makes is granted on some pool: a missing one fails only in AWS.
    source = Path(__file__).resolve().parents[2] / "chalicelib" / "directory.py"
    called = {node.attr for node in ast.walk(ast.parse(source.read_text())) if isinstance(node, ast.Attribute)
              and (node.attr.startswith("admin_") or node.attr == "list_users")}
    granted = {a.removeprefix("cognito-idp:") for actions in grants.values() for a in actions}
    import boto3

    api_names = boto3.client("cognito-idp", region_name="ap-east-1").meta.method_to_api_mapping
    assert {api_names[name] for name in called} <= granted


def test_api_function_gets_every_setting_it_reads(template):
    functions = resources(template, "AWS::Serverless::Function")
    assert {"APIHandler", "MulinAuthorizer"} <= set(functions)
    variables = functions["APIHandler"]["Properties"]["Environment"]["Variables"]
    required = {"MULIN_TABLE", "MULIN_IDEMPOTENCY_TABLE", "MULIN_BALLOTS_TABLE", "MULIN_PUBLIC_BUCKET",
                "MULIN_ATTACHMENTS_BUCKET", "MULIN_USER_POOL_ID", "MULIN_USER_POOL_CLIENT_ID", "MULIN_JWT_ISSUER",
                "MULIN_CURSOR_SECRET_ID", "MULIN_NOTIFICATIONS_TOPIC_ARN", "MULIN_WORKING_DAY_CATEGORIES",
                "MULIN_PII_KEY_SECRET_ID", "MULIN_ORIGIN_VERIFY_SECRET_ID", "MULIN_PUBLICATIONS_QUEUE_URL"}
    assert required <= set(variables)
    assert variables["MULIN_STAGE"] == "prod"
    assert variables["MULIN_BALLOTS_TABLE"] == {"Ref": "BallotsTable"}
    # Secrets travel by id; their values never sit in a function's configuration.
    for name, secret in (("MULIN_CURSOR_SECRET_ID", "CursorSecret"), ("MULIN_PII_KEY_SECRET_ID", "PiiKey"),
                         ("MULIN_ORIGIN_VERIFY_SECRET_ID", "OriginVerifySecret")):
        assert variables[name]["Ref"].startswith(secret), name
        assert template["Resources"][variables[name]["Ref"]]["Type"] == "AWS::SecretsManager::Secret"
    assert not {"MULIN_CURSOR_SECRET", "MULIN_PII_KEY"} & set(variables)


def test_buckets_are_private_and_tls_only(template):
    buckets = resources(template, "AWS::S3::Bucket")
    assert len(buckets) == 4  # attachments, public, and the two log buckets
    for bucket in buckets.values():
        block = bucket["Properties"]["PublicAccessBlockConfiguration"]
        assert all(block[k] for k in ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
    policies = json.dumps(resources(template, "AWS::S3::BucketPolicy"))
    assert '"aws:SecureTransport": "false"' in policies


def test_function_roles_grant_no_wildcard_actions_or_data_resources(template):
    from infra.monitoring import FUNCTIONS

    policies = [p for name, p in resources(template, "AWS::IAM::Policy").items() if name.startswith("FunctionRoles")]
    assert len(policies) == len(FUNCTIONS)  # one role, one policy, per function
    for policy in policies:
        statements = policy["Properties"]["PolicyDocument"]["Statement"]
        for statement in statements:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            assert not any(a == "*" or a.endswith("*") for a in actions), statement
            if statement.get("Effect") == "Deny" or (actions == ["sns:Publish"] and _texts_phones_only(statements)):
                continue  # an SMS has no ARN: `*`, with every topic denied
            # Object actions name a bucket's objects (bucket/prefix/*); nothing else may use a wildcard.
            object_actions = all(a.startswith("s3:") and (a.endswith("Object") or a == "s3:AbortMultipartUpload")
                                 for a in actions)
            assert "*" not in json.dumps(statement["Resource"]) or object_actions, statement
    roles = [r for name, r in resources(template, "AWS::IAM::Role").items() if name.startswith("FunctionRoles")]
    assert len(roles) == len(FUNCTIONS)
    assert all("ManagedPolicyArns" not in role["Properties"] for role in roles)  # logs go to their own groups only


def _texts_phones_only(statements) -> bool:
    return any(s.get("Effect") == "Deny" and s["Action"] == "sns:Publish"
               and s["Resource"] == {"Fn::Sub": "arn:${AWS::Partition}:sns:*:*:*"} for s in statements)


def test_notifications_go_to_an_encrypted_topic_the_function_may_publish_to_and_nothing_else(template):
    topics = {n: t for n, t in resources(template, "AWS::SNS::Topic").items() if n.startswith("Notifications")}
    (topic_name, topic), = topics.items()
    assert topic["Properties"]["KmsMasterKeyId"]
    policies = [p["Properties"]["PolicyDocument"]["Statement"] for p in resources(template, "AWS::IAM::Policy").values()]
    grants = [s for p in policies if not _texts_phones_only(p)
              for s in p if "sns:Publish" in json.dumps(s["Action"])]
    assert grants and all(s["Resource"] == {"Ref": topic_name} for s in grants)
    # The texters publish to phone numbers, never to a topic.
    assert len([p for p in policies if _texts_phones_only(p)]) == 2


def test_requested_months_are_read_from_the_stacks_queue_with_a_dead_letter_queue_and_alarm(template):
    from chalicelib.storage.queues import MAX_RECEIVES, VISIBILITY_TIMEOUT_SECONDS

    function = template["Resources"]["PublishRequestedMonth"]["Properties"]
    (source,) = function["Events"].values()
    assert source["Type"] == "SQS" and source["Properties"]["BatchSize"] == 1
    queue_name = source["Properties"]["Queue"]["Fn::GetAtt"][0]
    queue = template["Resources"][queue_name]["Properties"]
    assert queue["VisibilityTimeout"] == VISIBILITY_TIMEOUT_SECONDS >= 6 * function["Timeout"]
    assert queue["RedrivePolicy"]["maxReceiveCount"] == MAX_RECEIVES
    failed = queue["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0]
    alarms = resources(template, "AWS::CloudWatch::Alarm").values()
    assert any(a["Properties"].get("Dimensions") == [{"Name": "QueueName", "Value": {"Fn::GetAtt": [failed, "QueueName"]}}]
               for a in alarms)
    assert function["ReservedConcurrentExecutions"] == 1  # one month at a time keeps index.json whole


def test_every_function_gets_the_timeout_memory_and_concurrency_of_its_stage(template):
    from infra.stack import chalice_stage_config

    stage = chalice_stage_config("prod")
    functions = resources(template, "AWS::Serverless::Function")
    for name, resource in functions.items():
        own = next((v for k, v in stage["lambda_functions"].items() if k.replace("_", "") == name.lower()), {})
        properties = resource["Properties"]
        assert properties["Timeout"] == own.get("lambda_timeout", stage["lambda_timeout"]), name
        assert properties["MemorySize"] == own.get("lambda_memory_size", stage["lambda_memory_size"]), name
    assert functions["PublishLastMonth"]["Properties"]["Timeout"] == 900
    assert functions["APIHandler"]["Properties"]["ReservedConcurrentExecutions"] == stage["reserved_concurrency"]
