"""cdk-nag's AwsSolutions findings this stack accepts, each with the reason a reviewer needs.

Anything not listed here fails the synthesis test (tests/infra/test_nag.py). cdk-nag does
not read the `AWS::Serverless::*` resources `chalice package` emits; tests/infra checks the
API stage, functions and logging of those itself, and cfn-lint validates them.
"""

from __future__ import annotations

import aws_cdk as cdk
from constructs import IConstruct

PREFIX = "AwsSolutions::AwsSolutions-"
BUCKET_DEPLOYMENT = "Custom::CDKBucketDeployment"
ATTACHMENT_OBJECTS = "IAM5[Resource::<Attachments87B238D3.Arn>/*]"
PUBLIC_ROUNDS = "IAM5[Resource::<PublicD0AE4A11.Arn>/rounds/*]"
PUBLIC_MONTHS = "IAM5[Resource::<PublicD0AE4A11.Arn>/summaries/*]"

DEPLOYMENT_REASON = ("CDK's own BucketDeployment function, run only while deploying to copy web/ into the public "
                     "bucket; its role, wildcards on the CDK asset bucket and its runtime are chosen by CDK")
ACKNOWLEDGED: dict[str, list[tuple[str, str]]] = {
    "UserPool": [
        ("COG1", "Residents' pool: NIST SP 800-63B advises length over composition rules, so at least 10 "
                 "characters with letters and digits, which elderly residents can remember; Cognito locks out "
                 "repeated failures. The officials' pool requires upper case, digits and symbols"),
        ("COG2", "Residents' pool: MFA (an authenticator app) is offered to every resident and not forced, since "
                 "many sign in rarely from a shared or basic phone. Officials have their own pool, where it is required"),
        ("COG8", "The Plus feature plan is billed per monthly active resident; residents' actions are protected by "
                 "per-identity limits and conditional writes in the app rather than risk-based sign-in"),
    ],
    "OfficialsUserPool": [
        ("COG8", "The Plus feature plan is billed per monthly active user; officials' accounts are created by "
                 "administrators only and every sign-in needs an authenticator code"),
    ],
    "CognitoSmsRole/Resource": [("IAM5[Resource::*]", "sns:Publish of an SMS to a phone number, which has no ARN: "
                                 "Cognito sends sign-up and reset codes and temporary passwords; only Cognito "
                                 "acting for this account's pools, with the stack's external id, assumes the role")],
    **{f"FunctionRoles/{name}/DefaultPolicy/Resource": [(
        "IAM5[Resource::*]", "sns:Publish of an SMS to a phone number, which has no ARN: residents' texts "
                             "(texts/); a Deny on every topic ARN in the same policy keeps it to phone numbers")]
       for name in ("SendTexts", "SendDeferredTexts")},
    "CursorSecret/Resource": [("SMG4", "Keys only the HMAC of pagination cursors; rotating it would just "
                                       "invalidate open cursors, so it is rotated by redeploying, not on a schedule")],
    "PiiKey/Resource": [("SMG4", "Keys the hashes that stand in for phone numbers on rosters and ballots; a "
                                 "scheduled rotation would orphan every open round's voters, so it never rotates")],
    "OriginVerifySecret/Resource": [("SMG4", "The value CloudFront sends the API in its origin header is resolved "
                                             "into the distribution and the firewall at deployment; a scheduled "
                                             "rotation would make the API distrust CloudFront until the next one, so "
                                             "it is rotated by redeploying")],
    "FunctionRoles/Api/DefaultPolicy/Resource": [
        (ATTACHMENT_OBJECTS, "Objects of the stack's own attachments bucket: residents' uploads have keys made "
                             "of their id and a ULID, unknown in advance"),
    ],
    **{f"FunctionRoles/{publisher}/DefaultPolicy/Resource": [
        (PUBLIC_ROUNDS, "A month reads the anonymous ballots its rounds' tallies published under rounds/{round id}/"),
        (PUBLIC_MONTHS, "A month is written under summaries/{month}/ with the index of months beside it; the "
                        "publishers may write nothing else in the public bucket"),
    ] for publisher in ("PublishLastMonth", "PublishRequestedMonth")},
    "FunctionRoles/CountRound/DefaultPolicy/Resource": [
        (PUBLIC_ROUNDS, "A count writes its round's result and anonymous ballots under rounds/{round id}/ of the public"
                        " bucket, and may write nothing else there"),
    ],
    "FunctionRoles/PublishLiveIndex/DefaultPolicy/Resource": [
        ("IAM5[Resource::<PublicD0AE4A11.Arn>/live/index/*]",
         "The live index writes one file per division under live/index/, and may write nothing else in the public bucket"),
    ],
    "LiveCountFailed/Resource": [
        ("SQS3", "The live counters' on-failure destination: Lambda writes there the description of a stream batch"
                 " that kept failing (an alarm watches it); it is itself where failures end up"),
    ],
    "Monitoring/ApiGatewayLogsRole/Resource": [
        ("IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]",
         "The service role AWS defines for API Gateway's account-wide logging setting; nothing else assumes it"),
    ],
    "Site/Distribution/Resource": [
        ("CFR1", "Residents travel and foreign residents live in Shanghai's international communities; "
                 "the pages and published months are public information, so no country is blocked"),
        ("CFR2", "A web ACL for CloudFront must live in us-east-1; attach one with -c web_acl_arn=…. The "
                 "API throttles every stage and the app limits each identity"),
        ("CFR4", "The default *.cloudfront.net certificate cannot set a minimum TLS version; with "
                 "-c domain=… -c certificate_arn=… the distribution uses TLSv1.2_2021"),
    ],
}
DEPLOYMENT_FINDINGS = {
    "Resource": ["L1"],
    "ServiceRole/Resource": ["IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]"],
    "ServiceRole/DefaultPolicy/Resource": [
        "IAM5[Action::s3:GetObject*]", "IAM5[Action::s3:GetBucket*]", "IAM5[Action::s3:List*]",
        "IAM5[Action::s3:DeleteObject*]", "IAM5[Action::s3:Abort*]", "IAM5[Resource::*]",
        "IAM5[Resource::<PublicD0AE4A11.Arn>/*]",
        "IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-{account}-{region}/*]",
    ],
}


def _find(root: IConstruct, path: str) -> IConstruct | None:
    node: IConstruct | None = root
    for part in path.split("/"):
        node = node.node.try_find_child(part) if node is not None else None
    return node


def acknowledge_findings(stack: cdk.Stack) -> None:
    for path, findings in ACKNOWLEDGED.items():
        construct = _find(stack, path)
        if construct is None:
            continue  # e.g. no user pool or distribution in the China regions
        cdk.Validations.of(construct).acknowledge(
            *(cdk.Acknowledgment(id=PREFIX + rule, reason=reason) for rule, reason in findings))
    # The asset bucket's name carries the account and region when the environment names them.
    names = {"account": "<AWS::AccountId>" if cdk.Token.is_unresolved(stack.account) else stack.account,
             "region": "<AWS::Region>" if cdk.Token.is_unresolved(stack.region) else stack.region}
    for deployment in [c for c in stack.node.children if c.node.id.startswith(BUCKET_DEPLOYMENT)]:
        for path, rules in DEPLOYMENT_FINDINGS.items():
            construct = _find(deployment, path)
            if construct is not None:
                cdk.Validations.of(construct).acknowledge(
                    *(cdk.Acknowledgment(id=PREFIX + rule.format(**names), reason=DEPLOYMENT_REASON) for rule in rules))
