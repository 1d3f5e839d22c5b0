"""What an operator needs to see trouble and contain it: alarms, kept logs, API limits.

Every function logs to a group of our own with a retention (Lambda's default group keeps
logs forever); the API stage logs each request and throttles every caller to a default
rate; alarms on 5xx answers, function errors, throttles and a month that could not be
published all go to one topic that people subscribe to.
"""

from __future__ import annotations

from dataclasses import dataclass

import aws_cdk as cdk
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as actions
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from chalice.cdk import Chalice
from constructs import Construct

# The functions `chalice package` emits, by logical id.
FUNCTIONS = ("APIHandler", "MulinAuthorizer", "PublishLastMonth", "PublishRequestedMonth",
             "SendOfficialsDigest", "CountRound", "CountLive", "PublishLiveIndex", "SendTexts", "SendDeferredTexts")
# China's Cybersecurity Law (art. 21) asks network operators to keep logs at least six months.
LOG_RETENTION = {"prod": logs.RetentionDays.ONE_YEAR, "dev": logs.RetentionDays.ONE_MONTH}


@dataclass(frozen=True)
class ApiLimits:
    """Steady requests per second and burst, for all callers of one stage together."""

    rate: int
    burst: int


API_LIMITS = {"prod": ApiLimits(rate=500, burst=1000), "dev": ApiLimits(rate=50, burst=100)}
ACCESS_LOG_FORMAT = {
    "requestId": "$context.requestId", "time": "$context.requestTime", "method": "$context.httpMethod",
    "path": "$context.resourcePath", "status": "$context.status", "latencyMs": "$context.responseLatency",
    "errorType": "$context.error.responseType", "authorizerError": "$context.authorizer.error",
}


def secure_topic(scope: Construct, construct_id: str, display_name: str, key: kms.IKey | None = None) -> sns.Topic:
    topic = sns.Topic(scope, construct_id, display_name=display_name,
                      master_key=key or kms.Alias.from_alias_name(scope, f"{construct_id}Key", "alias/aws/sns"))
    topic.add_to_resource_policy(iam.PolicyStatement(
        effect=iam.Effect.DENY, actions=["sns:Publish"], principals=[iam.AnyPrincipal()],
        resources=[topic.topic_arn], conditions={"Bool": {"aws:SecureTransport": "false"}},
    ))
    return topic


class Monitoring(Construct):
    def _alarms_key(self, removal: cdk.RemovalPolicy) -> kms.Key:
        """A key of our own: CloudWatch alarms cannot publish to a topic under the AWS-managed SNS
        key, whose policy nobody can extend, so an alarm would fire and reach no one."""
        key = kms.Key(self, "AlarmsKey", description="Mulin alarm topic", enable_key_rotation=True, removal_policy=removal)
        account = cdk.Stack.of(self).account
        key.add_to_resource_policy(iam.PolicyStatement(
            sid="CloudWatchAlarmsPublish", principals=[iam.ServicePrincipal("cloudwatch.amazonaws.com")],
            actions=["kms:Decrypt", "kms:GenerateDataKey*"], resources=["*"],
            conditions={"StringEquals": {"aws:SourceAccount": account}}))
        return key

    def __init__(self, scope: Construct, construct_id: str, *, api: Chalice, stage: str, api_name: str,
                 removal: cdk.RemovalPolicy) -> None:
        super().__init__(scope, construct_id)
        self.alarms = secure_topic(self, "Alarms", "Mulin alarms", self._alarms_key(removal))
        email = self.node.try_get_context("alarm_email")
        if email:
            self.alarms.add_subscription(subscriptions.EmailSubscription(str(email)))

        # Each function's own group, by logical id: its role may write there and nowhere else.
        self.log_groups: dict[str, logs.LogGroup] = {}
        for name in FUNCTIONS:
            group = logs.LogGroup(self, f"{name}Logs", retention=LOG_RETENTION[stage], removal_policy=removal)
            self.log_groups[name] = group
            api.get_resource(name).add_property_override("LoggingConfig", {"LogGroup": group.log_group_name})
            self._alarm(f"{name}Errors", f"{name} raised errors",
                        self._function_metric(api, name, "Errors"))
            self._alarm(f"{name}Throttles", f"{name} was throttled (concurrency exhausted)",
                        self._function_metric(api, name, "Throttles"))

        self._stage_settings(api, stage, api_name, removal)
        self._alarm("Api5xx", "The API answered 5xx", cloudwatch.Metric(
            namespace="AWS/ApiGateway", metric_name="5XXError", statistic="Sum", period=cdk.Duration.minutes(5),
            dimensions_map={"ApiName": api_name, "Stage": "api"}), threshold=5)

    def _stage_settings(self, api: Chalice, stage: str, api_name: str, removal: cdk.RemovalPolicy) -> None:
        access_logs = logs.LogGroup(self, "ApiAccessLogs", retention=LOG_RETENTION[stage], removal_policy=removal)
        # API Gateway writes logs through one role per account and region.
        role = iam.Role(self, "ApiGatewayLogsRole", assumed_by=iam.ServicePrincipal("apigateway.amazonaws.com"),
                        managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name(
                            "service-role/AmazonAPIGatewayPushToCloudWatchLogs")])
        account = apigateway.CfnAccount(self, "ApiGatewayAccount", cloud_watch_role_arn=role.role_arn)
        limits = API_LIMITS[stage]
        rest_api = api.get_resource("RestAPI")
        rest_api.add_property_override("Name", api_name)
        rest_api.add_property_override("MethodSettings", [{
            "ResourcePath": "/*", "HttpMethod": "*", "MetricsEnabled": True, "LoggingLevel": "ERROR",
            "DataTraceEnabled": False, "ThrottlingRateLimit": limits.rate, "ThrottlingBurstLimit": limits.burst,
        }])
        rest_api.add_property_override("AccessLogSetting", {
            "DestinationArn": access_logs.log_group_arn,
            "Format": cdk.Stack.of(self).to_json_string(ACCESS_LOG_FORMAT),
        })
        rest_api.add_resource_dependency(account)

    @staticmethod
    def _function_metric(api: Chalice, name: str, metric: str) -> cloudwatch.Metric:
        return cloudwatch.Metric(namespace="AWS/Lambda", metric_name=metric, statistic="Sum",
                                 period=cdk.Duration.minutes(5), dimensions_map={"FunctionName": api.get_resource(name).ref})

    def _alarm(self, construct_id: str, description: str, metric: cloudwatch.Metric, threshold: float = 0) -> None:
        alarm = cloudwatch.Alarm(
            self, construct_id, alarm_description=description, metric=metric, threshold=threshold,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, evaluation_periods=1,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        )
        alarm.add_alarm_action(actions.SnsAction(self.alarms))

    def watch_queue(self, construct_id: str, description: str, metric: cloudwatch.Metric) -> None:
        self._alarm(construct_id, description, metric)
