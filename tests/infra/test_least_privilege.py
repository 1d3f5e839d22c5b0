"""Each function runs as its own role, allowed only what its code calls (infra/roles.py); the
secrets reach the functions by id, never by value."""

from __future__ import annotations

import json
from fnmatch import fnmatchcase
from typing import Any

import pytest

from infra.monitoring import FUNCTIONS
from tests.infra.conftest import resources

PUBLISHERS = ("PublishLastMonth", "PublishRequestedMonth")
# Representative S3 writes: an action (or a wildcard) matching any of them can change an object.
S3_WRITES = ("s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:RestoreObject",
             "s3:ReplicateObject", "s3:AbortMultipartUpload", "s3:PutObjectTagging")
DYNAMODB_WRITES = ("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem")


def listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def role_of(template: dict, function: str) -> str:
    return template["Resources"][function]["Properties"]["Role"]["Fn::GetAtt"][0]


def statements(template: dict, role: str) -> list[dict]:
    """Every Allow statement any policy gives `role`, inline or attached."""
    found = []
    for policy in resources(template, "AWS::IAM::Policy").values():
        if {"Ref": role} in policy["Properties"]["Roles"]:
            found += policy["Properties"]["PolicyDocument"]["Statement"]
    for inline in template["Resources"][role]["Properties"].get("Policies", []):
        found += inline["PolicyDocument"]["Statement"]
    # The one Deny: the texters' SMS grant kept off every topic (infra/roles.py _texter).
    assert all(s.get("Effect", "Allow") == "Allow" or s["Action"] == "sns:Publish" for s in found)
    return [s for s in found if s.get("Effect", "Allow") == "Allow"]


def function_statements(template: dict, function: str) -> list[dict]:
    return statements(template, role_of(template, function))


def actions_of(statement: dict) -> list[str]:
    return listed(statement["Action"])


def grants(statement: dict, action: str) -> bool:
    return any(fnmatchcase(action, pattern) for pattern in actions_of(statement))


def named(template: dict, prefix: str, kind: str) -> str:
    (name,) = [n for n in resources(template, kind) if n.startswith(prefix)]
    return name


def object_prefixes(statement: dict, bucket: str) -> set[str]:
    """The keys of `bucket` a statement names: "rounds/*", "*" for every object, "" for the bucket."""
    found = set()
    for resource in listed(statement["Resource"]):
        if resource == "*":
            found.add("*")
        elif resource == {"Fn::GetAtt": [bucket, "Arn"]}:
            found.add("")
        elif isinstance(resource, dict) and "Fn::Join" in resource:
            parts = resource["Fn::Join"][1]
            if parts[0] == {"Fn::GetAtt": [bucket, "Arn"]}:
                found.add("".join(parts[1:]).removeprefix("/"))
    return found


def s3_writes(template: dict, statements_: list[dict], bucket: str) -> set[str]:
    return {prefix for s in statements_ if any(grants(s, a) for a in S3_WRITES)
            for prefix in object_prefixes(s, bucket)}


def table_actions(statements_: list[dict], table: str) -> set[str]:
    arn = json.dumps({"Fn::GetAtt": [table, "Arn"]})
    return {a for s in statements_ if arn in json.dumps(s["Resource"]) for a in actions_of(s)}


@pytest.mark.parametrize("which", ["prod", "china"])
def test_each_function_runs_as_a_role_of_its_own_that_only_lambda_assumes(which, request):
    template = request.getfixturevalue(which).template
    functions = resources(template, "AWS::Serverless::Function")
    assert set(functions) == set(FUNCTIONS)  # a new function must be given its own role here
    roles = {name: role_of(template, name) for name in functions}
    assert len(set(roles.values())) == len(roles)
    for function, role in roles.items():
        properties = template["Resources"][role]["Properties"]
        assert [s["Principal"] for s in properties["AssumeRolePolicyDocument"]["Statement"]] == [
            {"Service": "lambda.amazonaws.com"}]
        assert "ManagedPolicyArns" not in properties
        # The function waits for its permissions: a queue's event source is refused without them.
        policies = [n for n, p in resources(template, "AWS::IAM::Policy").items() if {"Ref": role} in p["Properties"]["Roles"]]
        assert set(policies) <= set(listed(functions[function].get("DependsOn", []))), function
        # Nothing else runs as it.
        users = [n for n, r in template["Resources"].items() if json.dumps({"Fn::GetAtt": [role, "Arn"]}) in json.dumps(r)]
        assert users == [function], role


@pytest.mark.parametrize("which", ["prod", "china"])
def test_only_the_deployment_writes_the_sites_files_and_the_functions_their_own_prefixes(which, request):
    template = request.getfixturevalue(which).template
    public = named(template, "Public", "AWS::S3::Bucket")
    allowed = {"APIHandler": set(), "MulinAuthorizer": set(),
               "PublishLastMonth": {"summaries/*"}, "PublishRequestedMonth": {"summaries/*"}, "CountRound": {"rounds/*"},
               "PublishLiveIndex": {"live/index/*"}}
    for function, prefixes in allowed.items():
        assert s3_writes(template, function_statements(template, function), public) == prefixes, function
    # Whatever else may write the bucket's objects is the site's BucketDeployment, while deploying.
    function_roles = {role_of(template, f) for f in FUNCTIONS}
    for role in resources(template, "AWS::IAM::Role"):
        if role in function_roles:
            continue
        writes = s3_writes(template, statements(template, role), public)
        assert not writes or role.startswith("CustomCDKBucketDeployment"), (role, writes)
    for policy in resources(template, "AWS::S3::BucketPolicy").values():
        if policy["Properties"]["Bucket"] != {"Ref": public}:
            continue
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            if statement["Effect"] == "Allow":
                assert not any(grants(statement, a) for a in S3_WRITES), statement


def test_the_site_files_and_round_and_month_files_do_not_share_a_prefix():
    from chalicelib.publishing.repository import PREFIX
    from chalicelib.voting.tallying import ballots_file_key
    from infra.roles import ROUNDS_PREFIX

    assert ballots_file_key("r1").startswith(ROUNDS_PREFIX) and PREFIX == "summaries/"
    from infra.site import WEB

    top = {p.name for p in WEB.iterdir()} | {"config.json"}
    assert not {ROUNDS_PREFIX.rstrip("/"), PREFIX.rstrip("/")} & top


def test_the_authorizer_reaches_no_data_and_writes_only_its_logs(template):
    (statement,) = function_statements(template, "MulinAuthorizer")
    assert sorted(actions_of(statement)) == ["logs:CreateLogStream", "logs:PutLogEvents"]


def test_each_function_logs_only_to_its_own_group(template):
    for function in FUNCTIONS:
        group = template["Resources"][function]["Properties"]["LoggingConfig"]["LogGroup"]["Ref"]
        logs = [s for s in function_statements(template, function) if any(a.startswith("logs:") for a in actions_of(s))]
        assert [listed(s["Resource"]) for s in logs] == [[{"Fn::GetAtt": [group, "Arn"]}]], function


def test_publishers_read_the_main_table_and_write_only_their_months_partitions(template):
    main, ballots = "MainTable", "BallotsTable"
    for function in PUBLISHERS:
        granted = function_statements(template, function)
        assert table_actions(granted, ballots) == set()
        assert table_actions(granted, "IdempotencyTable") == set()
        for statement in granted:
            if any(a in DYNAMODB_WRITES for a in actions_of(statement)):
                assert statement["Resource"] == {"Fn::GetAtt": [main, "Arn"]}
                assert statement["Condition"] == {
                    "ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["PUBLICATION#*"]}}
        attachments = named(template, "Attachments", "AWS::S3::Bucket")
        assert not any(object_prefixes(s, attachments) for s in granted), function


def test_the_api_alone_uses_the_ballots_table_and_idempotency_table(template):
    from infra.roles import DATA_ACTIONS

    for table in ("BallotsTable", "IdempotencyTable", "MainTable"):
        assert table_actions(function_statements(template, "APIHandler"), table) == set(DATA_ACTIONS)
    for function in ("MulinAuthorizer", *PUBLISHERS):
        assert not table_actions(function_statements(template, function), "BallotsTable")


def test_the_api_is_granted_every_dynamodb_and_s3_call_the_app_makes(template):
    """A call the code makes but the role lacks fails only in AWS (BatchGetItem once did)."""
    import ast
    from pathlib import Path

    import boto3

    granted = {a for s in function_statements(template, "APIHandler") for a in actions_of(s)}
    source = Path(__file__).resolve().parents[2] / "chalicelib"
    names = {node.attr for path in source.rglob("*.py") for node in ast.walk(ast.parse(path.read_text()))
             if isinstance(node, ast.Attribute)}
    # Creating tables and buckets is the local stack's; a transaction needs each item's own action.
    setup = {"CreateTable", "UpdateTimeToLive", "TransactWriteItems", "CreateBucket", "PutBucketCors"}
    needs = {"HeadBucket": "s3:ListBucket", "HeadObject": "s3:GetObject", "CopyObject": "s3:PutObject",
             "DeleteObjects": "s3:DeleteObject", "ListObjectsV2": "s3:ListBucket"}
    for service in ("dynamodb", "s3"):
        api_names = boto3.client(service, region_name="ap-east-1").meta.method_to_api_mapping
        called = {api_names[n] for n in names if n in api_names} - setup
        wanted = {needs.get(c, f"{service}:{c}") for c in called}
        assert wanted <= granted, (service, wanted - granted)


def test_only_the_queue_reader_receives_and_only_the_api_sends(template):
    for function in FUNCTIONS:
        sqs = {a for s in function_statements(template, function) for a in actions_of(s) if a.startswith("sqs:")}
        expected = {"APIHandler": {"sqs:SendMessage"},
                    "PublishRequestedMonth": {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"},
                    "CountRound": {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"},
                    "SendTexts": {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"},
                    # A stream batch that kept failing is described on its failure queue.
                    "CountLive": {"sqs:SendMessage"}}
        assert sqs == expected.get(function, set()), function


def test_only_the_api_manages_accounts_publishes_notifications_and_reads_secrets(template):
    for function in FUNCTIONS:
        services = {a.split(":")[0] for s in function_statements(template, function) for a in actions_of(s)}
        if function == "APIHandler":
            assert {"cognito-idp", "sns", "secretsmanager"} <= services
        elif function == "SendOfficialsDigest":
            assert not {"cognito-idp", "kms", "cloudwatch"} & services, function
        elif function in TEXTERS:
            assert not {"secretsmanager", "kms", "s3"} & services, function
        else:
            assert not {"cognito-idp", "sns", "secretsmanager", "kms"} & services, function


def test_the_digest_reads_the_table_writes_only_inboxes_and_markers_and_publishes_to_the_topic(template):
    granted = function_statements(template, "SendOfficialsDigest")
    assert table_actions(granted, "BallotsTable") == table_actions(granted, "IdempotencyTable") == set()
    writes = [s for s in granted if any(a in DYNAMODB_WRITES for a in actions_of(s))]
    assert [actions_of(s) for s in writes] == [["dynamodb:PutItem"]]
    assert writes[0]["Resource"] == {"Fn::GetAtt": ["MainTable", "Arn"]}
    assert writes[0]["Condition"] == {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["INBOX#*", "DIGEST#*"]}}
    (publish,) = [s for s in granted if grants(s, "sns:Publish")]
    topic = named(template, "Notifications", "AWS::SNS::Topic")
    assert actions_of(publish) == ["sns:Publish"] and publish["Resource"] == {"Ref": topic}
    (secret,) = [s for s in granted if any(a.startswith("secretsmanager:") for a in actions_of(s))]
    pii = template["Resources"]["SendOfficialsDigest"]["Properties"]["Environment"]["Variables"]["MULIN_PII_KEY_SECRET_ID"]
    assert actions_of(secret) == ["secretsmanager:GetSecretValue"] and listed(secret["Resource"]) == [pii]
    attachments = named(template, "Attachments", "AWS::S3::Bucket")
    assert not any(object_prefixes(s, attachments) or object_prefixes(s, named(template, "Public", "AWS::S3::Bucket"))
                   for s in granted)


def test_the_api_may_read_exactly_the_three_secrets_it_is_told_about(template):
    variables = template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    secrets = [s for s in function_statements(template, "APIHandler") if any(a.startswith("secretsmanager:")
                                                                            for a in actions_of(s))]
    (statement,) = secrets
    assert actions_of(statement) == ["secretsmanager:GetSecretValue"]
    ids = [variables[name] for name in ("MULIN_CURSOR_SECRET_ID", "MULIN_PII_KEY_SECRET_ID",
                                        "MULIN_ORIGIN_VERIFY_SECRET_ID")]
    assert sorted(map(json.dumps, listed(statement["Resource"]))) == sorted(map(json.dumps, ids))
    assert {k for k, r in template["Resources"].items() if r["Type"] == "AWS::SecretsManager::Secret"} == {
        i["Ref"] for i in ids}


@pytest.mark.parametrize("which", ["prod", "china"])
def test_no_function_holds_a_secret_value_in_its_configuration(which, request):
    template = request.getfixturevalue(which).template
    for name, function in resources(template, "AWS::Serverless::Function").items():
        variables = function["Properties"]["Environment"]["Variables"]
        assert not {"MULIN_CURSOR_SECRET", "MULIN_PII_KEY"} & set(variables), name
        text = json.dumps(variables)
        assert "resolve:secretsmanager" not in text and "SecretString" not in text, name
        for variable, value in variables.items():
            if "SECRET" in variable or "PII" in variable:
                # Only the id of a secret the stack made, never a literal someone pasted in.
                assert variable.endswith("_SECRET_ID"), (name, variable)
                assert template["Resources"][value["Ref"]]["Type"] == "AWS::SecretsManager::Secret", (name, variable)


def test_the_counter_reads_the_ballots_and_writes_only_rounds_and_their_audit_and_its_files(template):
    granted = function_statements(template, "CountRound")
    assert table_actions(granted, "BallotsTable") == {"dynamodb:Query"}
    assert table_actions(granted, "IdempotencyTable") == set()
    writes = [s for s in granted if any(a in DYNAMODB_WRITES for a in actions_of(s))]
    assert [sorted(actions_of(s)) for s in writes] == [["dynamodb:PutItem", "dynamodb:UpdateItem"]]
    assert writes[0]["Resource"] == {"Fn::GetAtt": ["MainTable", "Arn"]}
    assert writes[0]["Condition"] == {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["ROUND#*", "AUDIT#round#*"]}}
    public, attachments = named(template, "Public", "AWS::S3::Bucket"), named(template, "Attachments", "AWS::S3::Bucket")
    assert s3_writes(template, granted, public) == {"rounds/*"}
    assert not any(object_prefixes(s, attachments) for s in granted)
    # The ballots file goes up in parts: PutObject authorises them, AbortMultipartUpload cleans up a failed one.
    assert {a for s in granted if object_prefixes(s, public) for a in actions_of(s)} == {"s3:PutObject",
                                                                                         "s3:AbortMultipartUpload"}


def test_rounds_are_counted_from_the_stacks_queue_with_a_dead_letter_queue_and_alarm(template):
    from chalicelib.storage.queues import MAX_RECEIVES, TALLY_VISIBILITY_TIMEOUT_SECONDS

    function = template["Resources"]["CountRound"]["Properties"]
    (source,) = function["Events"].values()
    assert source["Type"] == "SQS" and source["Properties"]["BatchSize"] == 1
    queue_name = source["Properties"]["Queue"]["Fn::GetAtt"][0]
    assert queue_name.startswith("Tallies") and not queue_name.startswith("TalliesFailed")
    queue = template["Resources"][queue_name]["Properties"]
    assert function["Timeout"] == 900 and function["MemorySize"] > 1024
    assert queue["VisibilityTimeout"] == TALLY_VISIBILITY_TIMEOUT_SECONDS >= 6 * function["Timeout"]
    assert queue["RedrivePolicy"]["maxReceiveCount"] == MAX_RECEIVES
    failed = queue["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0]
    alarms = resources(template, "AWS::CloudWatch::Alarm").values()
    assert any(a["Properties"].get("Dimensions") == [{"Name": "QueueName", "Value": {"Fn::GetAtt": [failed, "QueueName"]}}]
               for a in alarms)
    (grant,) = [s for s in function_statements(template, "CountRound") if any(a.startswith("sqs:") for a in actions_of(s))]
    assert listed(grant["Resource"]) == [{"Fn::GetAtt": [queue_name, "Arn"]}]
    sends = [s for s in function_statements(template, "APIHandler") if grants(s, "sqs:SendMessage")]
    assert {"Fn::GetAtt": [queue_name, "Arn"]} in [r for s in sends for r in listed(s["Resource"])]


def test_the_live_index_publisher_reads_the_table_and_writes_only_its_files_and_rollups_every_hour(template):
    granted = function_statements(template, "PublishLiveIndex")
    writes = [s for s in granted if any(a in DYNAMODB_WRITES for a in actions_of(s))]
    assert [actions_of(s) for s in writes] == [["dynamodb:PutItem"]]
    assert writes[0]["Condition"] == {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["LIVE#*"]}}
    assert table_actions(granted, "MainTable") == {"dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                                                   "dynamodb:PutItem"}
    assert table_actions(granted, "BallotsTable") == table_actions(granted, "IdempotencyTable") == set()
    public, attachments = named(template, "Public", "AWS::S3::Bucket"), named(template, "Attachments", "AWS::S3::Bucket")
    assert s3_writes(template, granted, public) == {"live/index/*"}
    assert not any(object_prefixes(s, attachments) for s in granted)
    (event,) = template["Resources"]["PublishLiveIndex"]["Properties"]["Events"].values()
    assert event["Type"] == "Schedule" and event["Properties"]["Schedule"] == "cron(10 * * * ? *)"


TEXTERS = ("SendTexts", "SendDeferredTexts")


def test_the_texters_text_phone_numbers_only_and_write_only_their_own_partitions(template):
    from infra.roles import TEXT_PARTITIONS

    for function in TEXTERS:
        role = role_of(template, function)
        everything = [s for p in resources(template, "AWS::IAM::Policy").values() if {"Ref": role} in p["Properties"]["Roles"]
                      for s in p["Properties"]["PolicyDocument"]["Statement"]]
        (deny,) = [s for s in everything if s.get("Effect") == "Deny"]
        assert deny["Action"] == "sns:Publish" and deny["Resource"] == {"Fn::Sub": "arn:${AWS::Partition}:sns:*:*:*"}
        granted = function_statements(template, function)
        (publish,) = [s for s in granted if grants(s, "sns:Publish")]
        assert actions_of(publish) == ["sns:Publish"] and publish["Resource"] == "*"
        writes = [s for s in granted if any(a in DYNAMODB_WRITES for a in actions_of(s))
                  and s["Resource"] == {"Fn::GetAtt": ["MainTable", "Arn"]}]
        assert [w["Condition"] for w in writes] == [{"ForAllValues:StringLike": {"dynamodb:LeadingKeys": TEXT_PARTITIONS}}]
        assert table_actions(granted, "BallotsTable") == set()
        (cognito,) = [s for s in granted if any(a.startswith("cognito-idp:") for a in actions_of(s))]
        assert actions_of(cognito) == ["cognito-idp:ListUsers"]
        assert cognito["Resource"] == {"Fn::GetAtt": [named(template, "UserPool", "AWS::Cognito::UserPool"), "Arn"]}


def test_texts_come_from_the_topic_filtered_with_partial_failures_a_dead_letter_queue_and_alarm(template):
    from chalicelib.storage.queues import MAX_RECEIVES, TEXT_EVENTS
    from chalicelib.texts.rules import WORTH_A_TEXT

    assert set(TEXT_EVENTS) == {event for _, event in WORTH_A_TEXT}
    function = template["Resources"]["SendTexts"]["Properties"]
    (source,) = function["Events"].values()
    assert source["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    queue_name = source["Properties"]["Queue"]["Fn::GetAtt"][0]
    queue = template["Resources"][queue_name]["Properties"]
    assert queue["VisibilityTimeout"] >= 6 * function["Timeout"]
    assert queue["RedrivePolicy"]["maxReceiveCount"] == MAX_RECEIVES
    failed = queue["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0]
    alarms = resources(template, "AWS::CloudWatch::Alarm").values()
    assert any(a["Properties"].get("Dimensions") == [{"Name": "QueueName", "Value": {"Fn::GetAtt": [failed, "QueueName"]}}]
               for a in alarms)
    (subscription,) = [s["Properties"] for s in resources(template, "AWS::SNS::Subscription").values()
                       if s["Properties"]["Endpoint"] == {"Fn::GetAtt": [queue_name, "Arn"]}]
    assert subscription["Protocol"] == "sqs" and subscription["RawMessageDelivery"] is True
    assert subscription["TopicArn"] == {"Ref": named(template, "Notifications", "AWS::SNS::Topic")}
    assert sorted(subscription["FilterPolicy"]["event"]) == sorted(TEXT_EVENTS)
    deferred = template["Resources"]["SendDeferredTexts"]["Properties"]
    (schedule,) = deferred["Events"].values()
    assert schedule["Properties"]["Schedule"] == "cron(0 0 * * ? *)"  # 08:00 Shanghai
