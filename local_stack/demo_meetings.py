"""A demo meeting of the demo committee: a topic residents raised, a deliberation meeting held a
week ago with its attendance, minutes and a decision, carried into a residents' convention, so
the meeting's page, the topic's path and the committee's conventions are not empty."""

from __future__ import annotations

from datetime import timedelta

from chalicelib import clock
from chalicelib.clock import SHANGHAI
from local_stack.demo_history import _as_of
from local_stack.provision import DemoUser


def add_demo_meeting(users: list[DemoUser]) -> str:
    from chalicelib.auth import Principal, Role
    from chalicelib.deliberation.models import TopicSubmission
    from chalicelib.deliberation.service import raise_topic
    from chalicelib.meetings import service
    from chalicelib.meetings.models import CarryTarget, MeetingActionRequest, MeetingCreate

    by_role = {user.role: user for user in users}
    staff_user, resident_user = by_role["committee_staff"], by_role["resident"]
    committee = staff_user.division or ""
    staff = Principal(user_id=staff_user.user_id, role=Role.committee_staff, jurisdiction=committee)
    resident = Principal(user_id=resident_user.user_id, role=Role.resident, phone=resident_user.username,
                         residence=committee, phone_verified=True)
    held = clock.utc_now().astimezone(SHANGHAI).replace(hour=19, minute=0, second=0, microsecond=0) - timedelta(days=7)
    with _as_of(held - timedelta(days=10)):
        topic = raise_topic(resident, TopicSubmission(
            division=committee, title="文明养犬", background="小区里遛狗不牵绳、犬粪不清理，老人孩子常被吓到。",
            proposal="议定文明养犬公约：出门牵绳，犬粪随手清理，电梯内抱起或让行。"), None)
        meeting = service.create_meeting(staff, MeetingCreate.model_validate({
            "kind": "deliberation", "division": committee, "title": "文明养犬议事会", "topic_ids": [topic.id],
            "starts_at": held.replace(tzinfo=None).isoformat(),
            "ends_at": (held + timedelta(hours=2)).replace(tzinfo=None).isoformat(),
            "place": "控一居委会二楼会议室", "agenda": "一、议题介绍；二、居民发言；三、表决公约草案。", "capacity": 40}), None)
        service.act(resident, meeting.id, "register", MeetingActionRequest(name="12号楼 居民"))
    with _as_of(held + timedelta(minutes=30)):
        service.act(staff, meeting.id, "attend", MeetingActionRequest(count=23))
        service.act(staff, meeting.id, "minutes", MeetingActionRequest(
            text="23 位居民到会。养犬户与非养犬户分别发言，对牵绳和清理犬粪无异议，对电梯规则讨论较多。"))
        decided = service.act(staff, meeting.id, "decide", MeetingActionRequest(
            text="一、出门遛狗一律牵绳；二、犬粪随手清理；三、乘电梯时抱起犬只或主动让行。",
            votes_for=19, votes_against=2, votes_abstain=2))
    with _as_of(held + timedelta(days=1)):
        service.act(staff, meeting.id, "carry", MeetingActionRequest(
            decision_id=decided.decisions[0].id, target=CarryTarget.convention, title="控一小区文明养犬公约"))
    return meeting.id
