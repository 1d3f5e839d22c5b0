"""HTTP routes of meetings and residents' conventions."""

from __future__ import annotations

from chalicelib import idempotency
from chalicelib.auth import Principal
from chalicelib.meetings import service
from chalicelib.meetings.models import (
    CancelMeetingRequest,
    CarryDecisionRequest,
    ConventionListQuery,
    ConventionPage,
    ConventionView,
    MeetingActionRequest,
    MeetingCreate,
    MeetingDetail,
    MeetingListQuery,
    MeetingPage,
    RecordAttendanceRequest,
    RecordDecisionRequest,
    RecordMinutesRequest,
    RegisterMeetingRequest,
    UnregisterMeetingRequest,
)
from chalicelib.web.api import ActionOperation, ApiBlueprint

meetings_api = ApiBlueprint(__name__)
TAGS = ("meetings",)


@meetings_api.operation(
    "/meetings", "POST", operation_id="scheduleMeeting",
    summary="Schedule a meeting (议事会, 听证会, 协调会, 评议会, 开放空间) for topics of one's jurisdiction", tags=TAGS,
    body=MeetingCreate, response=MeetingDetail, status=201, errors=(404, 409, 422, 503), headers=("Idempotency-Key",),
    description="Each topic leaves the staff queue and its path records the meeting. A retry with the same "
                "Idempotency-Key returns the first meeting; the same key with another body is 409.",
)
def schedule(principal: Principal, body: MeetingCreate, idempotency_key: str | None) -> MeetingDetail:
    idempotency.register_lambda_context(meetings_api.current_app.lambda_context)
    return service.create_meeting(principal, body, idempotency_key)


@meetings_api.operation(
    "/meetings", "GET", operation_id="listMeetings", summary="Meetings of a division, upcoming (soonest first) or past",
    tags=TAGS, query=MeetingListQuery, response=MeetingPage, authenticated=False,
)
def list_meetings(query: MeetingListQuery) -> MeetingPage:
    return service.list_meetings(query)


@meetings_api.operation(
    "/meetings/{id}", "GET", operation_id="getMeeting",
    summary="A meeting with its minutes and decisions; officials of its jurisdiction also see who registered",
    tags=TAGS, response=MeetingDetail, errors=(404,),
)
def get_one(id: str, principal: Principal) -> MeetingDetail:  # noqa: A002 - the contract names it id
    return service.get_meeting(principal, id)


meetings_api.action_operations(
    "/meetings/{id}",
    (
        ActionOperation("register", "registerForMeeting", RegisterMeetingRequest,
                        "Register for a meeting (verified residents of its committee, once, within its capacity)"),
        ActionOperation("unregister", "unregisterFromMeeting", UnregisterMeetingRequest,
                        "Withdraw one's registration before the meeting starts"),
        ActionOperation("attend", "recordMeetingAttendance", RecordAttendanceRequest,
                        "Record who came (the count in the room and the registrations present); the meeting is held"),
        ActionOperation("minutes", "recordMeetingMinutes", RecordMinutesRequest, "Record the minutes, with photos"),
        ActionOperation("decide", "recordMeetingDecision", RecordDecisionRequest,
                        "Record a decision (决议) with the room's vote"),
        ActionOperation("carry", "carryMeetingDecision", CarryDecisionRequest,
                        "Carry a passed decision, once, into a PB proposal, a team's fund draft, a suggestion to the "
                        "street or a residents' convention"),
        ActionOperation("cancel", "cancelMeeting", CancelMeetingRequest, "Cancel a scheduled meeting, with the reason"),
    ),
    general=MeetingActionRequest, act=service.act, tags=TAGS, response=MeetingDetail, errors=(404, 409, 422, 503),
    description="Officials act on meetings of their jurisdiction; residents register for their own committee's.",
)


@meetings_api.operation(
    "/conventions", "GET", operation_id="listConventions", summary="Residents' conventions (居民公约) of a division",
    tags=TAGS, query=ConventionListQuery, response=ConventionPage, authenticated=False,
)
def list_conventions(query: ConventionListQuery) -> ConventionPage:
    return service.list_conventions(query)


@meetings_api.operation(
    "/conventions/{id}", "GET", operation_id="getConvention", summary="A residents' convention with the vote that made it",
    tags=TAGS, response=ConventionView, authenticated=False, errors=(404,),
)
def get_convention(id: str) -> ConventionView:  # noqa: A002
    return service.get_convention(id)
