"""The CDK app synthesizes offline, from the same definitions the local stack uses."""

from __future__ import annotations

import json
import os

import pytest

from chalicelib.identity import USER_POOL_CLIENT_DEFINITION, USER_POOL_DEFINITION
from chalicelib.storage.table import TABLE_DEFINITION, TTL_ATTRIBUTE


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
    import aws_cdk as cdk

    from infra.app import build

    app = cdk.App(outdir=str(tmp_path_factory.mktemp("cdk.out")), context={"stage": "prod"})
    stack = build(app)
    assembly = app.synth()
    return json.loads(open(assembly.get_stack_by_name(stack.stack_name).template_full_path).read())


def resources(template, kind):
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}


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


def test_user_pool_is_the_shared_definition(template):
    pool = template["Resources"]["UserPool"]["Properties"]
    assert {k: pool[k] for k in USER_POOL_DEFINITION} == USER_POOL_DEFINITION
    client = template["Resources"]["UserPoolClient"]["Properties"]
    assert {k: client[k] for k in USER_POOL_CLIENT_DEFINITION} == USER_POOL_CLIENT_DEFINITION
    groups = {g["Properties"]["GroupName"] for g in resources(template, "AWS::Cognito::UserPoolGroup").values()}
    assert groups == {"committee_staff", "street_official", "district_admin", "platform_admin"}


def test_api_function_gets_every_setting_it_reads(template):
    functions = resources(template, "AWS::Serverless::Function")
    assert {"APIHandler", "MulinAuthorizer"} <= set(functions)
    variables = functions["APIHandler"]["Properties"]["Environment"]["Variables"]
    required = {"MULIN_TABLE", "MULIN_IDEMPOTENCY_TABLE", "MULIN_PUBLIC_BUCKET", "MULIN_ATTACHMENTS_BUCKET",
                "MULIN_USER_POOL_ID", "MULIN_USER_POOL_CLIENT_ID", "MULIN_JWT_ISSUER", "MULIN_CURSOR_SECRET",
                "MULIN_NOTIFICATIONS_TOPIC_ARN", "MULIN_WORKING_DAY_CATEGORIES", "MULIN_PII_KEY"}
    assert required <= set(variables)
    assert variables["MULIN_STAGE"] == "prod"


def test_buckets_are_private_and_tls_only(template):
    buckets = resources(template, "AWS::S3::Bucket")
    assert len(buckets) == 2
    for bucket in buckets.values():
        block = bucket["Properties"]["PublicAccessBlockConfiguration"]
        assert all(block[k] for k in ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
    policies = json.dumps(resources(template, "AWS::S3::BucketPolicy"))
    assert '"aws:SecureTransport": "false"' in policies


def test_function_role_grants_no_wildcard_actions_or_data_resources(template):
    for policy in resources(template, "AWS::IAM::Policy").values():
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            assert not any(a == "*" or a.endswith(":*") for a in actions), statement
            assert statement["Resource"] != "*", statement


def test_notifications_go_to_an_encrypted_topic_the_function_may_publish_to_and_nothing_else(template):
    topics = resources(template, "AWS::SNS::Topic")
    assert len(topics) == 1
    (topic_name, topic), = topics.items()
    assert topic["Properties"]["KmsMasterKeyId"]
    grants = [s for p in resources(template, "AWS::IAM::Policy").values()
              for s in p["Properties"]["PolicyDocument"]["Statement"] if "sns:Publish" in json.dumps(s["Action"])]
    assert grants and all(s["Resource"] == {"Ref": topic_name} for s in grants)
