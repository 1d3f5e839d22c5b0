"""HTTP routes of deliberation (睦邻议事厅): topics, supports, comments, reports, appeals, the queue."""

from __future__ import annotations

from chalicelib import idempotency
from chalicelib.auth import Principal
from chalicelib.deliberation import comments, moderation, service
from chalicelib.deliberation.models import (
    AnswerTopicRequest,
    AppealReceipt,
    AppealRequest,
    CommentEdit,
    CommentSubmission,
    CommentView,
    DeliberationSettings,
    DeliberationSettingsUpdate,
    HidePostRequest,
    QueuePage,
    RejectAppealRequest,
    ReportReceipt,
    ReportRequest,
    RestorePostRequest,
    SupportReceipt,
    TopicActionRequest,
    TopicDetail,
    TopicListQuery,
    TopicPage,
    TopicQueueQuery,
    TopicSubmission,
)
from chalicelib.web.api import ActionOperation, ApiBlueprint

deliberation_api = ApiBlueprint(__name__)
TAGS = ("deliberation",)
REVIEW_TAGS = ("review",)
RETRY = "A retry with the same Idempotency-Key returns the first answer; the same key with another body is 409."


@deliberation_api.operation(
    "/topics", "POST", operation_id="raiseTopic", summary="Raise a topic in one's committee or street (residents)",
    tags=TAGS, body=TopicSubmission, response=TopicDetail, status=201, errors=(403, 409, 422, 429, 503),
    headers=("Idempotency-Key",), description=RETRY,
)
def raise_topic(principal: Principal, body: TopicSubmission, idempotency_key: str | None) -> TopicDetail:
    idempotency.register_lambda_context(deliberation_api.current_app.lambda_context)
    return service.raise_topic(principal, body, idempotency_key)


@deliberation_api.operation(
    "/topics", "GET", operation_id="listTopics", summary="A committee's or street's topics, newest first",
    tags=TAGS, query=TopicListQuery, response=TopicPage, errors=(404,),
)
def list_topics(principal: Principal, query: TopicListQuery) -> TopicPage:
    return service.list_topics(principal, query)


@deliberation_api.operation(
    "/topics/{id}", "GET", operation_id="getTopic", summary="One topic with its path and comments",
    tags=TAGS, response=TopicDetail, errors=(404,),
)
def get_topic(id: str, principal: Principal) -> TopicDetail:  # noqa: A002 - the contract names it id
    return service.get_topic(principal, id)


@deliberation_api.operation(
    "/topics/{id}/supports", "POST", operation_id="supportTopic",
    summary="Support a topic (附议; verified residents of its committee, once each)", tags=TAGS,
    response=SupportReceipt, status=201, errors=(403, 404, 409, 429, 503),
    description="A second support by the same person is 409: one support per person, like one ballot per voter.",
)
def support(id: str, principal: Principal) -> SupportReceipt:  # noqa: A002
    return service.support_topic(principal, id)


@deliberation_api.operation(
    "/topics/{id}/comments", "POST", operation_id="commentOnTopic",
    summary="Comment on a topic, or reply to a comment (one level)", tags=TAGS, body=CommentSubmission,
    response=CommentView, status=201, errors=(403, 404, 409, 422, 429, 503), headers=("Idempotency-Key",),
    description=RETRY,
)
def comment(id: str, principal: Principal, body: CommentSubmission,  # noqa: A002
            idempotency_key: str | None) -> CommentView:
    idempotency.register_lambda_context(deliberation_api.current_app.lambda_context)
    return comments.add_comment(principal, id, body, idempotency_key)


@deliberation_api.operation(
    "/topics/{id}/comments/{comment_id}", "PATCH", operation_id="editTopicComment",
    summary="Edit one's comment within 15 minutes of posting", tags=TAGS, body=CommentEdit, response=CommentView,
    errors=(403, 404, 409),
)
def edit_comment(id: str, comment_id: str, principal: Principal, body: CommentEdit) -> CommentView:  # noqa: A002
    return comments.edit_comment(principal, id, comment_id, body)


@deliberation_api.operation(
    "/topics/{id}/comments/{comment_id}", "DELETE", operation_id="deleteTopicComment",
    summary="Delete one's comment (a tombstone keeps its place in the thread)", tags=TAGS, response=CommentView,
    errors=(403, 404, 409),
)
def delete_comment(id: str, comment_id: str, principal: Principal) -> CommentView:  # noqa: A002
    return comments.delete_comment(principal, id, comment_id)


@deliberation_api.operation(
    "/topics/{id}/reports", "POST", operation_id="reportTopicPost",
    summary="Report the topic or one of its comments to the committee", tags=TAGS, body=ReportRequest,
    response=ReportReceipt, status=201, errors=(403, 404, 409, 422, 429),
)
def report(id: str, principal: Principal, body: ReportRequest) -> ReportReceipt:  # noqa: A002
    return comments.report_post(principal, id, body)


@deliberation_api.operation(
    "/topics/{id}/appeals", "POST", operation_id="appealTopicHiding",
    summary="Appeal the hiding of one's post to the street (once per post)", tags=TAGS, body=AppealRequest,
    response=AppealReceipt, status=201, errors=(403, 404, 409),
)
def appeal(id: str, principal: Principal, body: AppealRequest) -> AppealReceipt:  # noqa: A002
    return comments.appeal_hiding(principal, id, body)


@deliberation_api.operation(
    "/review/topics", "GET", operation_id="listTopicQueue",
    summary="Topics owed a meeting or an answer, reported posts and (streets) appeals", tags=REVIEW_TAGS,
    query=TopicQueueQuery, response=QueuePage, errors=(404, 422),
)
def queue(principal: Principal, query: TopicQueueQuery) -> QueuePage:
    return moderation.review_queue(principal, query)


@deliberation_api.operation(
    "/review/topics/{id}/{action}", "POST", operation_id="actOnTopic",
    summary="answer, hide, restore or reject_appeal", tags=REVIEW_TAGS, body=TopicActionRequest,
    response=TopicDetail, errors=(403, 404, 409), deprecated=True,
    description="Each action has its own operation stating what it requires (answerTopic, hideTopicPost, …).",
)
def act(id: str, action: str, principal: Principal, body: TopicActionRequest) -> TopicDetail:  # noqa: A002
    return moderation.act_on_topic(principal, id, action, body)


deliberation_api.action_operations(
    "/review/topics/{id}",
    (
        ActionOperation("answer", "answerTopic", AnswerTopicRequest,
                        "Answer why no meeting will be held (closes the topic)"),
        ActionOperation("hide", "hideTopicPost", HidePostRequest, "Hide the topic or a comment, with the reason"),
        ActionOperation("restore", "restoreTopicPost", RestorePostRequest,
                        "Show a hidden post again (an appealed one: the street), or dismiss a post's reports"),
        ActionOperation("reject_appeal", "rejectTopicAppeal", RejectAppealRequest,
                        "Keep a post hidden against its author's appeal (the street)"),
    ),
    general=TopicActionRequest, act=moderation.act_on_topic, tags=REVIEW_TAGS, response=TopicDetail,
    errors=(403, 404, 409),
    description="One transaction with its audit event; a post changed meanwhile is 409.",
)


@deliberation_api.operation(
    "/deliberation-settings/{division}", "GET", operation_id="getDeliberationSettings",
    summary="A committee's or street's support threshold (its officials)", tags=REVIEW_TAGS,
    response=DeliberationSettings, errors=(403, 404),
)
def get_settings(division: str, principal: Principal) -> DeliberationSettings:
    return service.get_settings(principal, division)


@deliberation_api.operation(
    "/deliberation-settings/{division}", "PUT", operation_id="setDeliberationSettings",
    summary="Set the support threshold of a committee or street (its officials)", tags=REVIEW_TAGS,
    body=DeliberationSettingsUpdate, response=DeliberationSettings, errors=(403, 404),
    description="Topics keep the threshold they were raised with; the new one applies to topics raised after.",
)
def put_settings(division: str, principal: Principal, body: DeliberationSettingsUpdate) -> DeliberationSettings:
    return service.put_settings(principal, division, body)
